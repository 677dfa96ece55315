import type { MetricSeriesPoint } from './downsample';

/* NaN sorts below every number, -Infinity included, so the order is total. */
function compareValues(a: number, b: number): number {
  const aNaN = Number.isNaN(a);
  const bNaN = Number.isNaN(b);
  if (aNaN || bNaN) {
    return Number(bNaN) - Number(aNaN);
  }
  if (a === b) {
    return 0;
  }
  return a > b ? 1 : -1;
}

/**
 * Whether metric point `a` should replace `b` as a run's latest value of a
 * metric, by MLflow's rule: the higher step wins, ties go to the later
 * timestamp, then to the larger value.
 *
 * @remarks
 * For the value tie-break `NaN` counts as smaller than every number,
 * `-Infinity` included. MLflow's own comparison is false both ways for `NaN`,
 * which makes its result depend on arrival order; a total order makes the
 * materialised latest metrics the same however batches and retries
 * interleave. Equal points return `false`, so the point already stored stays
 * and re-sending a point changes nothing.
 *
 * @param a - the candidate point
 * @param b - the current latest point
 * @returns true when `a` is strictly later than `b`
 * @public
 */
export function isLaterMetricPoint(
  a: MetricSeriesPoint,
  b: MetricSeriesPoint,
): boolean {
  if (a.step !== b.step) {
    return a.step > b.step;
  }
  if (a.timestamp !== b.timestamp) {
    return a.timestamp > b.timestamp;
  }
  return compareValues(a.value, b.value) > 0;
}
