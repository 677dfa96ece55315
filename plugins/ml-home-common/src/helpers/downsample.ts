/**
 * One point of a metric's history: the value logged at a training step.
 *
 * @remarks
 * `value` may be `NaN` or `±Infinity`, as MLflow allows; `timestamp` is in
 * milliseconds since the epoch.
 *
 * @public
 */
export type MetricSeriesPoint = {
  step: number;
  value: number;
  timestamp: number;
};

/**
 * How many points a metric history returns when the caller does not say:
 * about what a chart a few hundred pixels wide can show.
 *
 * @public
 */
export const DEFAULT_MAX_POINTS = 1000;

/**
 * The most points a caller may ask a metric history for; it bounds the size
 * of a response however long the run trained.
 *
 * @public
 */
export const MAX_POINTS_LIMIT = 5000;

/* Slots a bucket can fill: a NaN point, the minimum, the maximum, the first. */
const POINTS_PER_BUCKET = 3;

type BucketPicks = { nan: number; min: number; max: number; first: number };

/* Indices (-1 when absent) of the points a bucket may keep. */
function pick(
  points: readonly MetricSeriesPoint[],
  start: number,
  end: number,
): BucketPicks {
  let nan = -1;
  let min = -1;
  let max = -1;
  for (let i = start; i < end; i++) {
    const value = points[i].value;
    if (Number.isNaN(value)) {
      if (nan < 0) {
        nan = i;
      }
    } else {
      // Strict comparisons keep the earliest of equal extremes, so the result
      // does not depend on anything but the input order.
      if (min < 0 || value < points[min].value) {
        min = i;
      }
      if (max < 0 || value > points[max].value) {
        max = i;
      }
    }
  }
  return { nan, min, max, first: start };
}

function addUpTo(kept: Set<number>, candidates: number[], limit: number) {
  for (const index of candidates) {
    if (kept.size >= limit) {
      return;
    }
    if (index >= 0) {
      kept.add(index);
    }
  }
}

/**
 * Reduces a metric series to at most `maxPoints` points for charting while
 * keeping what a reader must not miss: spikes, divergence and the latest
 * value.
 *
 * @remarks
 * The series is cut into `floor((maxPoints - 1) / 3)` buckets of equal point
 * counts (by index rather than by step range, so the output size is
 * predictable however unevenly steps were logged). Each bucket keeps its
 * minimum and its maximum (`±Infinity` are ordinary extremes), a `NaN` point
 * when it has one, because a `NaN` is how a diverged run shows, and its first
 * point when that leaves room. The last point of the series is always kept,
 * being the value a reader compares runs by.
 *
 * Below four points there is no room for a bucket, so the whole series is
 * one and points are kept in this order until the budget is spent: the last,
 * a `NaN`, the maximum, the minimum, the first. The maximum comes before the
 * minimum because an upward spike (a loss blowing up) is the commoner alarm.
 *
 * @param points - the series, sorted by step and then by timestamp
 * @param maxPoints - a positive integer: the most points to return
 * @returns the kept points (the input objects themselves), in input order; a
 * copy of the input when it already fits
 * @throws RangeError when `maxPoints` is not a positive integer
 * @public
 */
export function downsampleSeries<T extends MetricSeriesPoint>(
  points: readonly T[],
  maxPoints: number,
): T[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 1) {
    throw new RangeError(
      `maxPoints must be a positive integer, got ${maxPoints}`,
    );
  }
  const count = points.length;
  if (count <= maxPoints) {
    return points.slice();
  }
  const last = count - 1;
  const kept = new Set<number>();
  const buckets = Math.floor((maxPoints - 1) / POINTS_PER_BUCKET);
  if (buckets === 0) {
    const { nan, min, max, first } = pick(points, 0, count);
    addUpTo(kept, [last, nan, max, min, first], maxPoints);
  } else {
    for (let b = 0; b < buckets; b++) {
      // Integer bounds from a product first, so rounding never skips a point
      // or leaves a bucket empty (count > maxPoints > buckets).
      const start = Math.floor((b * count) / buckets);
      const end = Math.floor(((b + 1) * count) / buckets);
      const { nan, min, max, first } = pick(points, start, end);
      const inBucket = new Set<number>();
      addUpTo(inBucket, [nan, min, max, first], POINTS_PER_BUCKET);
      inBucket.forEach(index => kept.add(index));
    }
    kept.add(last);
  }
  return Array.from(kept)
    .sort((a, b) => a - b)
    .map(index => points[index]);
}
