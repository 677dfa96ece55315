import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { CompareResult } from '@ml-home/plugin-ml-home-common';
import { useMemo } from 'react';
import { mlHomeTranslationRef } from '../../translation';
import {
  EChart,
  MAX_PARALLEL_PARAMS,
  buildParallelCoordinatesOption,
  formatMetric,
  metricNumber,
} from '../charts';

/**
 * Params (numeric and categorical) against a chosen metric as parallel coordinates: one line per
 * item, coloured by the metric.
 */
export function ParallelCoordinatesSection(props: {
  params: CompareResult['params'];
  metrics: CompareResult['metrics'];
  labels: string[];
  metricKey?: string;
  onMetricChange: (key: string) => void;
}) {
  const { params, metrics, labels, onMetricChange } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const row = metrics.find(m => m.key === props.metricKey) ?? metrics[0];
  const paramRows = useMemo(() => params.filter(p => p.differs), [params]);
  const option = useMemo(() => {
    if (!row) return undefined;
    return buildParallelCoordinatesOption({
      items: labels.map((label, i) => ({
        label,
        params: Object.fromEntries(paramRows.map(p => [p.key, p.values[i]])),
        metric: row.last[i] !== null ? metricNumber(row.last[i]!) : null,
      })),
      paramKeys: paramRows.map(p => p.key),
      metricKey: row.key,
      direction: row.direction,
      unsetLabel: t('charts.unset'),
    });
  }, [row, paramRows, labels, t]);

  if (!row) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('compare.parallel.noMetric')}
      </Typography>
    );
  }
  const summary = labels.map((label, i) => {
    const last = row.last[i];
    const values = paramRows
      .map(p =>
        t('compare.parallel.param', {
          key: p.key,
          value: p.values[i] ?? t('compare.parallel.notSet'),
        }),
      )
      .join(', ');
    const line = {
      label,
      metric: row.key,
      value:
        last !== null
          ? formatMetric(metricNumber(last))
          : t('compare.parallel.notLogged'),
    };
    return values
      ? t('compare.parallel.summaryWithParams', { ...line, params: values })
      : t('compare.parallel.summary', line);
  });
  return (
    <div>
      <TextField
        id="ml-home-compare-parallel-metric"
        select
        label={t('compare.parallel.metricAxis')}
        size="small"
        style={{ minWidth: 200 }}
        value={row.key}
        onChange={e => onMetricChange(e.target.value)}
      >
        {metrics.map(m => (
          <MenuItem key={m.key} value={m.key}>
            {m.key}
          </MenuItem>
        ))}
      </TextField>
      {paramRows.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('compare.parallel.noDifference', { metric: row.key })}
        </Typography>
      ) : (
        <>
          <Typography variant="caption" color="textSecondary" component="p">
            {paramRows.length > MAX_PARALLEL_PARAMS
              ? t('compare.parallel.dragFirst', {
                  max: MAX_PARALLEL_PARAMS,
                  count: paramRows.length,
                })
              : t('compare.parallel.drag')}
          </Typography>
          <EChart
            option={option!}
            height={420}
            ariaLabel={t('compare.parallel.ariaLabel', {
              count: Math.min(paramRows.length, MAX_PARALLEL_PARAMS),
              metric: row.key,
              items: labels.length,
            })}
            summary={
              <ul>
                {summary.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            }
          />
        </>
      )}
    </div>
  );
}
