/*
 * The evaluation page works on numbers, the wire carries `NaN` and `±Infinity` as strings. These
 * helpers turn an evaluation (as the API answers it) and its score into the slice × metric grid the
 * page draws, and rebuild the inputs of `scoreEvaluation` so that a thresholds draft can be scored
 * in the browser with the same function the backend uses.
 */
import {
  guessMetricDirection,
  metricDirection,
  parseMetricValue,
  scoreEvaluation,
  type Evaluation,
  type EvaluationResult,
  type EvaluationScore,
  type EvaluationThreshold,
  type MetricDirection,
  type MetricValue,
  type ResolvedMetricDirection,
  type SliceDelta,
  type ThresholdOutcome,
} from '@ml-home/plugin-ml-home-common';
import type { MlHomeT } from '../../translation';

/** A wire metric value as a number (`NaN` for anything unreadable); undefined stays undefined. */
export function toNumber(
  value: MetricValue | null | undefined,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  return parseMetricValue(value) ?? NaN;
}

/** The evaluation's results with numeric values. */
export function numericResults(evaluation: Evaluation): EvaluationResult[] {
  return evaluation.results.map(r => ({
    slice: r.slice,
    metric: r.metric,
    value: toNumber(r.value)!,
  }));
}

/**
 * The baseline's results as far as the evaluation knows them: every delta that has a baseline
 * value. Baseline results without a counterpart never affect the score, so nothing is lost.
 */
export function baselineResults(evaluation: Evaluation): EvaluationResult[] {
  return evaluation.score.deltas
    .filter(d => d.baseline !== undefined)
    .map(d => ({
      slice: d.slice,
      metric: d.metric,
      value: toNumber(d.baseline)!,
    }));
}

/** The score the API computed, with numbers instead of wire values. */
export function savedScore(evaluation: Evaluation): EvaluationScore {
  const { score } = evaluation;
  return {
    pass: score.pass,
    regressions: score.regressions,
    slices: score.slices.map(s => ({ ...s, failing: [...s.failing] })),
    outcomes: score.outcomes.map(o => {
      const outcome: ThresholdOutcome = {
        threshold: o.threshold,
        slice: o.slice,
        pass: o.pass,
      };
      if (o.value !== undefined) outcome.value = toNumber(o.value);
      if (o.reason) outcome.reason = o.reason;
      return outcome;
    }),
    deltas: score.deltas.map(d => {
      const delta: SliceDelta = {
        slice: d.slice,
        metric: d.metric,
        value: toNumber(d.value)!,
        regression: d.regression,
        improvement: d.improvement,
      };
      if (d.baseline !== undefined) delta.baseline = toNumber(d.baseline);
      if (d.delta !== undefined) delta.delta = toNumber(d.delta);
      if (d.relativeDelta !== undefined) {
        delta.relativeDelta = toNumber(d.relativeDelta);
      }
      return delta;
    }),
  };
}

/** One threshold row as the editor holds it: the value as typed, `''` slice for every slice. */
export interface ThresholdRowDraft {
  /** Stable key for React while rows are added and removed. */
  key: string;
  metric: string;
  slice: string;
  op: EvaluationThreshold['op'];
  value: string;
}

/** What the thresholds editor edits. */
export interface ThresholdsDraft {
  rows: ThresholdRowDraft[];
  /** The direction of every metric, as the editor shows it. */
  directions: Record<string, MetricDirection>;
  tolerance: string;
}

/** Field errors of a draft; empty when it can be scored and saved. */
/** What is wrong with a field of a draft, as the message that says it. */
export interface DraftErrors {
  /** Per row index. */
  rows: Record<
    number,
    {
      metric?: 'evaluation.editor.pickMetric';
      value?: 'evaluation.editor.finiteNumber';
    }
  >;
  tolerance?: 'evaluation.editor.nonNegative';
}

let rowKey = 0;
/** A fresh key for a new editor row. */
export function newRowKey(): string {
  rowKey += 1;
  return `threshold-${rowKey}`;
}

/** The editor's starting point: the evaluation's thresholds, directions and tolerance. */
export function draftFromEvaluation(evaluation: Evaluation): ThresholdsDraft {
  return {
    rows: evaluation.thresholds.map(t => ({
      key: newRowKey(),
      metric: t.metric,
      slice: t.slice ?? '',
      op: t.op,
      value: String(t.value),
    })),
    directions: { ...evaluation.directions },
    tolerance: String(evaluation.tolerance),
  };
}

function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Checks a draft the way the backend will, so Save is offered only when it can succeed. */
export function validateDraft(draft: ThresholdsDraft): DraftErrors {
  const errors: DraftErrors = { rows: {} };
  draft.rows.forEach((row, i) => {
    const rowErrors: DraftErrors['rows'][number] = {};
    if (!row.metric.trim()) rowErrors.metric = 'evaluation.editor.pickMetric';
    if (parseNumber(row.value) === undefined) {
      rowErrors.value = 'evaluation.editor.finiteNumber';
    }
    if (rowErrors.metric || rowErrors.value) errors.rows[i] = rowErrors;
  });
  const tolerance = parseNumber(draft.tolerance);
  if (tolerance === undefined || tolerance < 0) {
    errors.tolerance = 'evaluation.editor.nonNegative';
  }
  return errors;
}

/** Whether a draft has no field errors. */
export function isDraftValid(errors: DraftErrors): boolean {
  return Object.keys(errors.rows).length === 0 && !errors.tolerance;
}

/**
 * The update to send for a valid draft. Directions go only where they differ from what the
 * metric's name implies, so a metric the user leaves alone keeps following its name.
 */
export function updateFromDraft(draft: ThresholdsDraft): {
  thresholds: EvaluationThreshold[];
  directions: Record<string, MetricDirection>;
  tolerance: number;
} {
  const thresholds = draft.rows.map(row => {
    const threshold: EvaluationThreshold = {
      metric: row.metric,
      op: row.op,
      value: Number(row.value),
    };
    if (row.slice) threshold.slice = row.slice;
    return threshold;
  });
  // Own properties only: a metric may be called `__proto__`.
  const directions: Record<string, MetricDirection> = Object.fromEntries(
    Object.entries(draft.directions).filter(
      ([metric, direction]) => metricDirection(metric) !== direction,
    ),
  );
  return { thresholds, directions, tolerance: Number(draft.tolerance) };
}

/* The evaluation's directions that somebody declared (not guessed from the name). */
function declaredDirections(
  evaluation: Pick<Evaluation, 'directions' | 'directionSources'>,
): Record<string, MetricDirection> {
  const sources = evaluation.directionSources;
  return Object.fromEntries(
    Object.keys(evaluation.directions)
      .filter(
        m =>
          !sources ||
          !Object.prototype.hasOwnProperty.call(sources, m) ||
          sources[m] !== 'heuristic',
      )
      .map(m => [m, evaluation.directions[m]]),
  );
}

/** Scores a valid draft in the browser, exactly as the backend will once it is saved. */
export function previewScore(
  evaluation: Evaluation,
  draft: ThresholdsDraft,
): EvaluationScore {
  const update = updateFromDraft(draft);
  // What the backend resolved (its model's and project's declarations included), under the
  // directions the draft changes; spread keeps a metric called `__proto__` an own key.
  return scoreEvaluation({
    results: numericResults(evaluation),
    baseline: baselineResults(evaluation),
    thresholds: update.thresholds,
    directions: { ...declaredDirections(evaluation), ...update.directions },
    tolerance: update.tolerance,
  });
}

/** One cell of the slice × metric table. */
export interface GridCell {
  /** Undefined when the slice has no result for the metric. */
  value?: number;
  /** The threshold outcomes on this slice and metric (none when no threshold applies). */
  outcomes: ThresholdOutcome[];
  /** The comparison with the baseline, when there is a result. */
  delta?: SliceDelta;
}

/*
 * Cells and directions are keyed by metric names, which are user input: a null-prototype object
 * has no `constructor` or `__proto__` for a metric of that name to find instead of its own entry.
 */
function byMetric<T>(): Record<string, T> {
  return Object.create(null);
}

/** One row of the table: a slice. */
export interface GridRow {
  slice: string;
  pass: boolean;
  failing: string[];
  regressions: number;
  cells: Record<string, GridCell>;
}

/** The slice × metric table. */
export interface Grid {
  /** Result metrics and metrics only thresholds name, sorted. */
  metrics: string[];
  /** `overall` first, as the score orders slices. */
  rows: GridRow[];
}

/** Lays a score out as the slice × metric table. */
export function buildGrid(
  results: readonly EvaluationResult[],
  score: EvaluationScore,
): Grid {
  const metricSet = new Set<string>(results.map(r => r.metric));
  for (const o of score.outcomes) metricSet.add(o.threshold.metric);
  // Code-unit order, as the score orders metrics: the same on every runtime.
  const metrics = [...metricSet].sort((a, b) => {
    if (a === b) return 0;
    return a < b ? -1 : 1;
  });
  const rows: GridRow[] = score.slices.map(s => ({
    slice: s.slice,
    pass: s.pass,
    failing: s.failing,
    regressions: 0,
    cells: byMetric<GridCell>(),
  }));
  const bySlice = new Map(rows.map(r => [r.slice, r]));
  const cell = (slice: string, metric: string): GridCell => {
    let row = bySlice.get(slice);
    if (!row) {
      row = {
        slice,
        pass: true,
        failing: [],
        regressions: 0,
        cells: byMetric<GridCell>(),
      };
      bySlice.set(slice, row);
      rows.push(row);
    }
    row.cells[metric] ??= { outcomes: [] };
    return row.cells[metric];
  };
  for (const r of results) cell(r.slice, r.metric).value = r.value;
  for (const o of score.outcomes) {
    cell(o.slice, o.threshold.metric).outcomes.push(o);
  }
  for (const d of score.deltas) {
    cell(d.slice, d.metric).delta = d;
    if (d.regression) bySlice.get(d.slice)!.regressions += 1;
  }
  return { metrics, rows };
}

/** Which rows the table shows. */
export interface GridFilter {
  failingOnly: boolean;
  regressionsOnly: boolean;
}

/** The rows that pass the filters: failing slices, slices with a regression, or both. */
export function filterRows(rows: GridRow[], filter: GridFilter): GridRow[] {
  return rows.filter(
    r =>
      (!filter.failingOnly || !r.pass) &&
      (!filter.regressionsOnly || r.regressions > 0),
  );
}

const OP_TEXT: Record<EvaluationThreshold['op'], string> = {
  '>': '>',
  '>=': '≥',
  '<': '<',
  '<=': '≤',
};

/** `accuracy ≥ 0.8`, and where it applies. */
export function thresholdText(
  threshold: EvaluationThreshold,
  t: MlHomeT,
): string {
  const values = {
    metric: threshold.metric,
    op: OP_TEXT[threshold.op],
    value: String(threshold.value),
  };
  return threshold.slice
    ? t('evaluation.threshold.onSlice', { ...values, slice: threshold.slice })
    : t('evaluation.threshold.onEverySlice', values);
}

/** A sentence for one outcome: `passes accuracy ≥ 0.8 on every slice`. */
export function outcomeText(outcome: ThresholdOutcome, t: MlHomeT): string {
  const threshold = thresholdText(outcome.threshold, t);
  if (outcome.reason === 'missing') {
    return outcome.pass
      ? t('evaluation.threshold.passesMissing', { threshold })
      : t('evaluation.threshold.failsMissing', { threshold });
  }
  if (outcome.reason === 'nan') {
    return outcome.pass
      ? t('evaluation.threshold.passesNan', { threshold })
      : t('evaluation.threshold.failsNan', { threshold });
  }
  return outcome.pass
    ? t('evaluation.threshold.passes', { threshold })
    : t('evaluation.threshold.fails', { threshold });
}

/**
 * The direction of each of the evaluation's metrics and who says so, as the backend resolved it
 * (model, project, the evaluation itself, or a guess from a well-known name); a direction the
 * user changed in the editor counts as the evaluation's own. Metrics with no known direction are
 * left out.
 */
export function resolvedDirections(
  metrics: readonly string[],
  evaluation: Pick<Evaluation, 'directions' | 'directionSources'>,
  edited?: Record<string, MetricDirection>,
): Record<string, ResolvedMetricDirection> {
  const all = byMetric<ResolvedMetricDirection>();
  const own = (record: object | undefined, key: string) =>
    !!record && Object.prototype.hasOwnProperty.call(record, key);
  for (const m of metrics) {
    const saved = own(evaluation.directions, m)
      ? evaluation.directions[m]
      : undefined;
    if (own(edited, m) && edited![m] !== saved) {
      all[m] = { direction: edited![m], source: 'evaluation' };
    } else if (saved) {
      all[m] = {
        direction: saved,
        source: own(evaluation.directionSources, m)
          ? evaluation.directionSources![m]
          : 'evaluation',
      };
    } else {
      const guessed = guessMetricDirection(m);
      if (guessed) all[m] = { direction: guessed, source: 'heuristic' };
    }
  }
  return all;
}

/** The evaluation's metrics with the direction the score uses for each. */
export function metricDirections(
  metrics: readonly string[],
  directions: Record<string, MetricDirection>,
): Record<string, MetricDirection> {
  const all = byMetric<MetricDirection>();
  for (const m of metrics) all[m] = metricDirection(m, directions);
  return all;
}
