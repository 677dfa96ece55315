import * as Wire from '@ml-home/plugin-ml-home-common';
import { formatMetricValue } from '@ml-home/plugin-ml-home-common';

/* A comparison → wire: metric columns with NaN and ±Infinity as MLflow's strings. */

function metricColumnToWire(column: (number | null)[]): Wire.MetricColumn {
  const out: Wire.MetricColumn = new Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    out[i] =
      v === null || Number.isFinite(v)
        ? v
        : (formatMetricValue(v) as Wire.MetricValue);
  }
  return out;
}

export function compareResultToWire(
  items: Wire.ComparisonItem[],
  comparison: Wire.Comparison,
): Wire.CompareResult {
  return {
    items,
    params: comparison.params,
    metrics: comparison.metrics.map(m => ({
      key: m.key,
      ...(m.direction && {
        direction: m.direction,
        directionSource: m.directionSource,
      }),
      last: metricColumnToWire(m.last),
      min: metricColumnToWire(m.min),
      max: metricColumnToWire(m.max),
      best: m.best,
    })),
  };
}
