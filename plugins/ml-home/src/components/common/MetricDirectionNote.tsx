import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import type {
  MetricDirection,
  MetricDirectionSource,
} from '@ml-home/plugin-ml-home-common';
import { mlHomeTranslationRef } from '../../translation';

/**
 * Which way a metric is better, under its name in a table header: the declared direction as is,
 * a direction guessed from the name marked as such, and nothing when nobody knows.
 */
export function MetricDirectionNote(props: {
  direction?: MetricDirection;
  source?: MetricDirectionSource;
  /** The text for each direction, as the table words it. */
  higher: string;
  lower: string;
}) {
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const { direction, source, higher, lower } = props;
  if (!direction) return null;
  const text = direction === 'higher' ? higher : lower;
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="div"
      data-direction-source={source}
    >
      {source === 'heuristic'
        ? `${text} (${t('metricDirections.guessed')})`
        : text}
    </Typography>
  );
}
