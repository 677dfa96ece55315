import { RouterLink, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { mlHomeTranslationRef } from '../../../translation';

/** The most runs one comparison takes (the API's limit). */
export const MAX_COMPARED_RUNS = 100;

/**
 * How many runs are selected, a way to clear them, and the link to compare them (2 to
 * {@link MAX_COMPARED_RUNS} runs; otherwise a disabled button says why not by its count).
 */
export function RunSelectionBar(props: {
  selectedCount: number;
  /** Where the comparison of the selected runs is; none when the app has no compare page. */
  compareHref?: string;
  onClear: () => void;
}) {
  const { selectedCount, compareHref, onClear } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const canCompare =
    selectedCount >= 2 &&
    selectedCount <= MAX_COMPARED_RUNS &&
    compareHref !== undefined;
  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      style={{ gap: 12 }}
      mb={1}
      role="region"
      aria-label={t('runs.selection.region')}
    >
      <Typography variant="body2" aria-live="polite">
        {selectedCount === 0
          ? t('runs.selection.prompt')
          : t('runs.selection.selected', { count: selectedCount })}
      </Typography>
      {selectedCount > 0 ? (
        <Button size="small" onClick={onClear}>
          {t('runs.selection.clear')}
        </Button>
      ) : null}
      {canCompare ? (
        <Button
          variant="contained"
          color="primary"
          size="small"
          component={RouterLink}
          href={compareHref ?? ''}
          // A link styled as a button: it navigates, so it is announced as a link.
          role="link"
        >
          {t('runs.selection.compare', { count: selectedCount })}
        </Button>
      ) : (
        <Button variant="contained" color="primary" size="small" disabled>
          {t('runs.selection.compare', { count: selectedCount })}
        </Button>
      )}
      {selectedCount > MAX_COMPARED_RUNS ? (
        <Typography variant="body2" color="error">
          {t('runs.selection.tooMany', { max: MAX_COMPARED_RUNS })}
        </Typography>
      ) : null}
    </Box>
  );
}
