/*
 * Evaluations side by side, slice by slice and metric by metric. Here rather than in the backend
 * so that the service's answer and what a test or an export computes from the same evaluations
 * cannot disagree. Everything keyed by a slice or metric name is a Map: those names are user
 * input, and a metric called `constructor` or `__proto__` must not meet Object.prototype.
 */

import {
  EvaluationResult,
  MetricDirection,
  OVERALL_SLICE,
  ThresholdOutcome,
} from './evaluation';
import {
  DeclaredMetricDirections,
  MetricDirectionSource,
  ResolvedMetricDirection,
  resolveMetricDirection,
} from './metricDirections';

/**
 * One evaluation as {@link compareEvaluationResults} sees it.
 *
 * @public
 */
export interface ComparedEvaluation {
  /** Its results; a (slice, metric) pair appears at most once. */
  results: readonly EvaluationResult[];
  /** Directions it declares per metric key; only own properties count. */
  directions?: Record<string, MetricDirection>;
  /** Directions declared by its model and project, below its own. */
  declared?: DeclaredMetricDirections;
  /** Its threshold outcomes, as {@link scoreEvaluation} gives them. */
  outcomes?: readonly ThresholdOutcome[];
}

/**
 * One slice and metric across the compared evaluations; every array is aligned with them.
 *
 * @public
 */
export interface EvaluationResultsRow {
  /** The slice (`overall` for the whole dataset). */
  slice: string;
  /** The metric key. */
  metric: string;
  /**
   * Which way the metric is better, as the first evaluation with the metric has it; absent when
   * unknown (then no evaluation is best).
   */
  direction?: MetricDirection;
  /** Who said which way is better; absent with `direction`. */
  directionSource?: MetricDirectionSource;
  /** Each evaluation's value; `null` where it has no such result. */
  values: (number | null)[];
  /** Each value minus the first evaluation's; `null` where either is missing. */
  deltas: (number | null)[];
  /**
   * The indexes, ascending, of the evaluations holding the best value by the direction; empty
   * unless at least two evaluations have a number (`NaN` never counts).
   */
  best: number[];
  /** Whether each evaluation's thresholds pass here; `null` where none applies. */
  pass: (boolean | null)[];
}

/**
 * A comparison of evaluations; see {@link compareEvaluationResults}.
 *
 * @public
 */
export interface EvaluationResultsComparison {
  /** Every slice with a result, `overall` first, then in code-unit order. */
  slices: string[];
  /** Every metric with a result, in code-unit order. */
  metrics: string[];
  /** Slice by slice, metric by metric; pairs no evaluation has are left out. */
  rows: EvaluationResultsRow[];
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

/* slice → metric → T, for one evaluation. */
type Cells<T> = Map<string, Map<string, T>>;

function cellsOf<T>(
  entries: Iterable<{ slice: string; metric: string; value: T }>,
  merge: (stored: T, next: T) => T = (_, next) => next,
): Cells<T> {
  const cells: Cells<T> = new Map();
  for (const { slice, metric, value } of entries) {
    let bySlice = cells.get(slice);
    if (!bySlice) {
      bySlice = new Map();
      cells.set(slice, bySlice);
    }
    const stored = bySlice.get(metric);
    bySlice.set(metric, stored === undefined ? value : merge(stored, value));
  }
  return cells;
}

/**
 * Lays evaluations out side by side: a row per slice and metric any of them has, with every
 * evaluation's value, its delta to the first evaluation (the reference), whether its thresholds
 * pass there, and which evaluations hold the best value by the metric's direction.
 *
 * @remarks
 * A metric's direction is the one the first evaluation with a result for it gives it, declared
 * by it, its model or its project, or guessed from its name (see {@link resolveMetricDirection});
 * with no direction, no evaluation is best. `±Infinity` compete as numbers and
 * `NaN` never wins; with fewer than two numbers no evaluation is best. A threshold verdict
 * combines every outcome of the evaluation on that slice and metric: it passes when all pass.
 *
 * @param evaluations - the evaluations, the reference first
 * @returns the comparison
 * @public
 */
export function compareEvaluationResults(
  evaluations: readonly ComparedEvaluation[],
): EvaluationResultsComparison {
  const directions = new Map<string, ResolvedMetricDirection | undefined>();
  const sliceSet = new Set<string>();
  const values = evaluations.map(e => {
    for (const r of e.results) {
      sliceSet.add(r.slice);
      if (!directions.has(r.metric)) {
        directions.set(
          r.metric,
          resolveMetricDirection(r.metric, {
            ...e.declared,
            evaluation: e.directions,
          }),
        );
      }
    }
    return cellsOf(e.results);
  });
  const passes = evaluations.map(e =>
    cellsOf(
      (e.outcomes ?? []).map(o => ({
        slice: o.slice,
        metric: o.threshold.metric,
        value: o.pass,
      })),
      (stored, next) => stored && next,
    ),
  );
  const slices = [...sliceSet].sort(compareSlices);
  const metrics = [...directions.keys()].sort(compareStrings);

  const rows: EvaluationResultsRow[] = [];
  for (const slice of slices) {
    for (const metric of metrics) {
      const row = values.map(cells => cells.get(slice)?.get(metric) ?? null);
      if (row.every(v => v === null)) continue;
      const resolved = directions.get(metric);
      const direction = resolved?.direction;
      const comparable = row.filter(
        (v): v is number => v !== null && !Number.isNaN(v),
      );
      const bestValue =
        comparable.length < 2 || !direction
          ? undefined
          : (direction === 'lower' ? Math.min : Math.max)(...comparable);
      const reference = row[0];
      rows.push({
        slice,
        metric,
        ...(resolved && {
          direction: resolved.direction,
          directionSource: resolved.source,
        }),
        values: row,
        deltas: row.map(v =>
          v === null || reference === null ? null : v - reference,
        ),
        best:
          bestValue === undefined
            ? []
            : row.flatMap((v, i) => (v === bestValue ? [i] : [])),
        pass: passes.map(cells => cells.get(slice)?.get(metric) ?? null),
      });
    }
  }
  return { slices, metrics, rows };
}
