import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { CompareResult } from '@ml-home/plugin-ml-home-common';
import { useMemo } from 'react';
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
    });
  }, [row, paramRows, labels]);

  if (!row) {
    return (
      <Typography variant="body2" color="textSecondary">
        The compared items logged no metric to plot against their params.
      </Typography>
    );
  }
  const summary = labels.map((label, i) => {
    const last = row.last[i];
    const values = paramRows
      .map(p => `${p.key} ${p.values[i] ?? 'not set'}`)
      .join(', ');
    return `${label}: ${row.key} ${
      last !== null ? formatMetric(metricNumber(last)) : 'not logged'
    }${values ? `; ${values}` : ''}.`;
  });
  return (
    <div>
      <TextField
        id="ml-home-compare-parallel-metric"
        select
        label="Metric axis"
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
          No param differs between the compared items, so there is nothing to
          relate to {row.key}.
        </Typography>
      ) : (
        <>
          <Typography variant="caption" color="textSecondary" component="p">
            Drag along an axis to keep only the lines through that range.
            {paramRows.length > MAX_PARALLEL_PARAMS
              ? ` Showing the first ${MAX_PARALLEL_PARAMS} of ${paramRows.length} differing params.`
              : ''}
          </Typography>
          <EChart
            option={option!}
            height={420}
            ariaLabel={`Parallel coordinates of ${Math.min(
              paramRows.length,
              MAX_PARALLEL_PARAMS,
            )} params against ${row.key} for ${labels.length} items`}
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
