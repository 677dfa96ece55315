import { ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { mlHomeTranslationRef } from '../../translation';

/**
 * A failed load: the error as Backstage shows it, and a button to try again.
 */
export function LoadErrorPanel(props: {
  error: Error;
  title: string;
  onRetry: () => void;
}) {
  const { error, title, onRetry } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  return (
    <Box mb={2}>
      <ResponseErrorPanel error={error} title={title} />
      <Button variant="outlined" color="primary" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Box>
  );
}
