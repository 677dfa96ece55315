/*
 * Evaluation scoring lives here rather than in the backend because the
 * service computes pass/fail when it answers and the UI previews it while a
 * user edits thresholds; one pure function keeps the two from disagreeing.
 * Pass/fail is never stored, so changing a threshold re-scores every
 * evaluation the next time it is read.
 */

import {
  DeclaredMetricDirections,
  resolveMetricDirection,
} from './metricDirections';

/**
 * Which way a metric is better: `higher` (accuracy, AUC) or `lower` (loss,
 * latency).
 *
 * @public
 */
export type MetricDirection = 'higher' | 'lower';

/**
 * One measured value of an evaluation: a metric on a slice of the
 * evaluation data set.
 *
 * @public
 */
export interface EvaluationResult {
  /** `overall`, or `feature=value` for a slice of the data set. */
  slice: string;
  /** The metric key, as logged. */
  metric: string;
  /** The value; `NaN` and `±Infinity` are allowed, as for metric points. */
  value: number;
}

/**
 * A bar an evaluation result must clear for the evaluation to pass.
 *
 * @public
 */
export interface EvaluationThreshold {
  /** The metric key the threshold is about. */
  metric: string;
  /** The one slice it applies to; undefined means every slice with a result. */
  slice?: string;
  /** How the result compares to `value` to pass: `result op value`. */
  op: '>' | '>=' | '<' | '<=';
  /** The bar. */
  value: number;
}

/**
 * The verdict of one threshold on one slice.
 *
 * @public
 */
export interface ThresholdOutcome {
  /** The threshold as given (the same object). */
  threshold: EvaluationThreshold;
  /** The slice it was checked on. */
  slice: string;
  /** The result's value; absent when there is no result. */
  value?: number;
  /** Whether the result clears the threshold. */
  pass: boolean;
  /** Why it failed when no comparison was possible. */
  reason?: 'missing' | 'nan';
}

/**
 * How one result moved against the baseline model version's result for the
 * same slice and metric.
 *
 * @public
 */
export interface SliceDelta {
  /** The slice (`overall` for the whole dataset). */
  slice: string;
  /** The metric key. */
  metric: string;
  /** The evaluated model version's value. */
  value: number;
  /** The baseline's value; absent when the baseline has no such result. */
  baseline?: number;
  /** `value - baseline`; absent with `baseline`. */
  delta?: number;
  /** `delta / |baseline|`; absent with `baseline` or when it is zero. */
  relativeDelta?: number;
  /** The value is worse than the baseline by more than the tolerance. */
  regression: boolean;
  /** The value is better than the baseline by more than the tolerance. */
  improvement: boolean;
}

/**
 * The verdict for one slice: it passes when every threshold outcome on it
 * passes, vacuously so when no threshold applies to it.
 *
 * @public
 */
export interface SliceSummary {
  /** The slice (`overall` for the whole dataset). */
  slice: string;
  /** Whether every threshold outcome on the slice passes. */
  pass: boolean;
  /** The metrics with a failing outcome on this slice, sorted, unique. */
  failing: string[];
}

/**
 * The computed verdict of an evaluation; see {@link scoreEvaluation}.
 *
 * @public
 */
export interface EvaluationScore {
  /** Every threshold outcome passes (true when there are no thresholds). */
  pass: boolean;
  /** One per threshold and slice it applies to. */
  outcomes: ThresholdOutcome[];
  /** `overall` first, then the other slices sorted. */
  slices: SliceSummary[];
  /** One per result, compared with the baseline when it has the same result. */
  deltas: SliceDelta[];
  /** How many deltas are regressions. */
  regressions: number;
}

/**
 * The slice that stands for the whole evaluation data set.
 *
 * @public
 */
export const OVERALL_SLICE = 'overall';

/**
 * The longest slice name, in characters: as long as a metric key, since a
 * slice is shown and stored beside one.
 *
 * @public
 */
export const SLICE_MAX = 250;

const SLICE_FEATURE = /^[A-Za-z0-9_.:-]+$/;

/*
 * Metric name words that mean "lower is better". Matched as whole words of
 * the name, not substrings, so `power` is not a `wer` and `cancer_recall` not
 * a `cer`.
 */
const LOWER_IS_BETTER = new Set([
  'loss',
  'error',
  'wer',
  'cer',
  'rmse',
  'mae',
  'mse',
  'latency',
  'brier',
  'fpr',
  'fnr',
  'perplexity',
]);

/* Splits `valLoss`, `val_loss`, `eval/val-loss` and `p95.Latency` alike. */
function nameWords(metric: string): string[] {
  return metric
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(w => w.length > 0);
}

/**
 * Which way a metric is better, defaulting to `higher`.
 *
 * @deprecated Guesses `higher` for every name it does not know; use
 * {@link resolveMetricDirection}, which tells declared from guessed and leaves
 * unknown names unknown.
 *
 * @remarks
 * A direction declared for the metric wins. Otherwise the name decides: it is
 * `lower` when one of its words (split at non-alphanumerics and camelCase
 * boundaries, case-insensitively) is `loss`, `error`, `wer`, `cer`, `rmse`,
 * `mae`, `mse`, `latency`, `brier`, `fpr`, `fnr` or `perplexity` (so
 * `log_loss`, `val_loss`, `p95_latency_ms`, `mean_absolute_error`), and
 * `higher` otherwise. A name whose first word is `neg` is `higher`
 * regardless: that is scikit-learn's convention for losses negated so that
 * greater is better (`neg_log_loss`, `neg_mean_squared_error`).
 *
 * @param metric - the metric key
 * @param declared - directions declared per metric key, e.g. by the evaluation
 * @returns the direction in which the metric improves
 * @public
 */
export function metricDirection(
  metric: string,
  declared?: Record<string, MetricDirection>,
): MetricDirection {
  // Own properties only, so a metric called `constructor` is not "declared".
  if (declared && Object.prototype.hasOwnProperty.call(declared, metric)) {
    return declared[metric];
  }
  const words = nameWords(metric);
  if (words[0] === 'neg') {
    return 'higher';
  }
  return words.some(w => LOWER_IS_BETTER.has(w)) ? 'lower' : 'higher';
}

/**
 * Whether a string is a well-formed slice name.
 *
 * @remarks
 * A slice is `overall`, or `feature=value` where the feature matches
 * `[A-Za-z0-9_.:-]+` and the value is any non-empty text without a line
 * break (`\n` or `\r`); the value may itself contain `=`, since the feature
 * cannot. The whole is at most {@link SLICE_MAX} characters, counted as
 * Unicode code points like the other limits.
 *
 * @param slice - the candidate slice name
 * @returns true when it is valid
 * @public
 */
export function isValidSlice(slice: string): boolean {
  if (slice === OVERALL_SLICE) {
    return true;
  }
  // Cheap bound on UTF-16 length before counting code points.
  if (slice.length > SLICE_MAX * 2 || [...slice].length > SLICE_MAX) {
    return false;
  }
  const eq = slice.indexOf('=');
  if (eq < 1) {
    return false;
  }
  const value = slice.slice(eq + 1);
  return (
    SLICE_FEATURE.test(slice.slice(0, eq)) &&
    value.length > 0 &&
    !/[\r\n]/.test(value)
  );
}

/**
 * Splits a slice name into its feature and value.
 *
 * @param slice - a valid slice name (see {@link isValidSlice})
 * @returns `{}` for `overall`, else the feature and the value (which may
 * contain `=`: only the first one separates)
 * @throws Error when `slice` is not a valid slice name, rather than guessing
 * and confusing a malformed slice with `overall`
 * @public
 */
export function parseSlice(slice: string): {
  feature?: string;
  value?: string;
} {
  if (!isValidSlice(slice)) {
    throw new Error(`Invalid slice ${JSON.stringify(slice)}`);
  }
  if (slice === OVERALL_SLICE) {
    return {};
  }
  const eq = slice.indexOf('=');
  return { feature: slice.slice(0, eq), value: slice.slice(eq + 1) };
}

/* Code-unit order: unlike localeCompare, the same on every runtime. */
function compareStrings(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

function compareSlices(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  if (a === OVERALL_SLICE) {
    return -1;
  }
  if (b === OVERALL_SLICE) {
    return 1;
  }
  return compareStrings(a, b);
}

type ResultIndex = Map<string, Map<string, number>>;

function indexResults(
  results: readonly EvaluationResult[],
  what: string,
): ResultIndex {
  const index: ResultIndex = new Map();
  const duplicates: string[] = [];
  for (const { slice, metric, value } of results) {
    let bySlice = index.get(slice);
    if (!bySlice) {
      bySlice = new Map();
      index.set(slice, bySlice);
    }
    if (bySlice.has(metric)) {
      duplicates.push(`(${JSON.stringify(slice)}, ${JSON.stringify(metric)})`);
    }
    bySlice.set(metric, value);
  }
  if (duplicates.length > 0) {
    throw new Error(
      `Duplicated ${what} for (slice, metric): ${[...new Set(duplicates)].join(
        ', ',
      )}`,
    );
  }
  return index;
}

function clears(value: number, threshold: EvaluationThreshold): boolean {
  switch (threshold.op) {
    case '>':
      return value > threshold.value;
    case '>=':
      return value >= threshold.value;
    case '<':
      return value < threshold.value;
    case '<=':
      return value <= threshold.value;
    default:
      // Reachable only from unvalidated input; failing open would be worse.
      throw new Error(
        `Unknown threshold operator ${JSON.stringify(threshold.op)}`,
      );
  }
}

function outcomeFor(
  threshold: EvaluationThreshold,
  slice: string,
  index: ResultIndex,
): ThresholdOutcome {
  const value = index.get(slice)?.get(threshold.metric);
  if (value === undefined) {
    return { threshold, slice, pass: false, reason: 'missing' };
  }
  if (Number.isNaN(value)) {
    return { threshold, slice, value, pass: false, reason: 'nan' };
  }
  return { threshold, slice, value, pass: clears(value, threshold) };
}

/**
 * Scores an evaluation's results against its thresholds and its baseline
 * model version's results.
 *
 * @remarks
 * Thresholds: one with a slice is checked on that slice only, and fails with
 * reason `missing` when that slice has no result for the metric. One without
 * a slice is checked on every slice that has a result for the metric; when
 * none has, it yields a single failing `missing` outcome on `overall`, so a
 * threshold can never pass by having nothing to check. A `NaN` result fails
 * with reason `nan`; `±Infinity` compares as a number. The evaluation passes
 * when every outcome passes, so with no thresholds it passes.
 *
 * Baseline: every result gets a delta. When the baseline has the same slice
 * and metric, `delta = value - baseline`; it is a regression when it goes in
 * the metric's worse direction by more than `tolerance`, an improvement when
 * it goes the better way by more than `tolerance`, and neither when it is
 * `NaN` (a `NaN` on either side, or `Infinity` against `Infinity`) or the
 * metric's direction is unknown. The direction is resolved by
 * {@link resolveMetricDirection}: `directions` (the evaluation's own), then
 * `declared` model and project directions, then a conservative guess from the
 * name. Baseline results with no counterpart are
 * ignored.
 *
 * Ordering, so that the output is the same however the inputs are ordered
 * (apart from thresholds): slices go `overall` first, then the others in
 * code-unit order; `outcomes` follow the threshold order, and for a
 * threshold without a slice, the slice order; `slices` lists every slice that
 * has a result or an outcome; `deltas` go by slice order, then metric in
 * code-unit order.
 *
 * @param input - the results, the thresholds, optionally the baseline's
 * results, directions declared per metric key by the evaluation, those
 * declared by its model and project, and the absolute `tolerance`
 * (default 0) a delta must exceed to count as a regression or improvement
 * @returns the computed score
 * @throws Error when the results, or the baseline's, have a (slice, metric)
 * pair more than once, naming the pairs; the service rejects those earlier,
 * so this only guards against scoring ambiguous data
 * @throws RangeError when `tolerance` is negative or `NaN`
 * @public
 */
export function scoreEvaluation(input: {
  results: readonly EvaluationResult[];
  thresholds: readonly EvaluationThreshold[];
  baseline?: readonly EvaluationResult[];
  directions?: Record<string, MetricDirection>;
  declared?: DeclaredMetricDirections;
  tolerance?: number;
}): EvaluationScore {
  const { results, thresholds, baseline, directions, tolerance = 0 } = input;
  const declared: DeclaredMetricDirections = {
    ...input.declared,
    evaluation: directions,
  };
  if (!(tolerance >= 0)) {
    throw new RangeError(
      `tolerance must be a non-negative number, got ${tolerance}`,
    );
  }
  const index = indexResults(results, 'results');
  const baselineIndex = baseline
    ? indexResults(baseline, 'baseline results')
    : new Map<string, Map<string, number>>();
  const resultSlices = [...index.keys()].sort(compareSlices);

  const outcomes: ThresholdOutcome[] = [];
  for (const threshold of thresholds) {
    if (threshold.slice !== undefined) {
      outcomes.push(outcomeFor(threshold, threshold.slice, index));
      continue;
    }
    const applies = resultSlices.filter(s =>
      index.get(s)!.has(threshold.metric),
    );
    if (applies.length === 0) {
      outcomes.push(outcomeFor(threshold, OVERALL_SLICE, index));
    }
    for (const slice of applies) {
      outcomes.push(outcomeFor(threshold, slice, index));
    }
  }

  const failingBySlice = new Map<string, Set<string>>(
    resultSlices.map(s => [s, new Set<string>()]),
  );
  for (const outcome of outcomes) {
    let failing = failingBySlice.get(outcome.slice);
    if (!failing) {
      failing = new Set();
      failingBySlice.set(outcome.slice, failing);
    }
    if (!outcome.pass) {
      failing.add(outcome.threshold.metric);
    }
  }
  const slices: SliceSummary[] = [...failingBySlice.keys()]
    .sort(compareSlices)
    .map(slice => {
      const failing = [...failingBySlice.get(slice)!].sort(compareStrings);
      return { slice, pass: failing.length === 0, failing };
    });

  const deltas: SliceDelta[] = [];
  for (const slice of resultSlices) {
    const bySlice = index.get(slice)!;
    for (const metric of [...bySlice.keys()].sort(compareStrings)) {
      const value = bySlice.get(metric)!;
      const base = baselineIndex.get(slice)?.get(metric);
      if (base === undefined) {
        deltas.push({
          slice,
          metric,
          value,
          regression: false,
          improvement: false,
        });
        continue;
      }
      const delta = value - base;
      const direction = resolveMetricDirection(metric, declared)?.direction;
      // Signed so that a positive number is always "better"; NaN when no way is better.
      let gain = NaN;
      if (direction === 'higher') gain = delta;
      else if (direction === 'lower') gain = -delta;
      const row: SliceDelta = {
        slice,
        metric,
        value,
        baseline: base,
        delta,
        regression: gain < -tolerance,
        improvement: gain > tolerance,
      };
      if (base !== 0) {
        row.relativeDelta = delta / Math.abs(base);
      }
      deltas.push(row);
    }
  }

  return {
    pass: outcomes.every(o => o.pass),
    outcomes,
    slices,
    deltas,
    regressions: deltas.filter(d => d.regression).length,
  };
}
