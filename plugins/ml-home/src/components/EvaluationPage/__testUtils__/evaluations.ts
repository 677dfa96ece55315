import {
  formatMetricValue,
  metricDirection,
  scoreEvaluation,
  type Evaluation,
  type EvaluationResult,
  type EvaluationSummary,
  type EvaluationThreshold,
  type MetricDirection,
  type MetricValue,
  type Note,
} from '@ml-home/plugin-ml-home-common';

const wire = (n: number) => formatMetricValue(n) as MetricValue;

/**
 * An evaluation as the API answers it, scored with the same function the backend uses, so a
 * fixture can never carry a verdict its results do not give.
 */
export function scoredEvaluation(options: {
  id?: string;
  results: EvaluationResult[];
  thresholds: EvaluationThreshold[];
  baseline?: EvaluationResult[];
  directions?: Record<string, MetricDirection>;
  tolerance?: number;
  extra?: Partial<EvaluationSummary>;
}): Evaluation {
  const { results, thresholds, baseline, tolerance = 0 } = options;
  const declared = options.directions ?? {};
  const score = scoreEvaluation({
    results,
    thresholds,
    baseline,
    directions: declared,
    tolerance,
  });
  const directions: Record<string, MetricDirection> = Object.fromEntries(
    results.map(r => [r.metric, metricDirection(r.metric, declared)]),
  );
  return {
    id: options.id ?? 'eval-3',
    project: 'churn',
    model: 'churn-model',
    version: 3,
    name: 'holdout',
    dataset: { project: 'churn', name: 'churn-eval' },
    description: 'Held-out **week 42**.',
    baselineVersion: baseline ? 2 : undefined,
    baselineEvaluationId: baseline ? 'eval-2' : undefined,
    pass: score.pass,
    regressions: score.regressions,
    sliceCount: score.slices.length,
    failingSlices: score.slices.filter(s => !s.pass).map(s => s.slice),
    resultCount: results.length,
    createdAt: '2026-11-20T10:00:00.000Z',
    createdBy: 'user:default/alice',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...options.extra,
    results: results.map(r => ({ ...r, value: wire(r.value) })),
    thresholds,
    directions,
    tolerance,
    score: {
      pass: score.pass,
      regressions: score.regressions,
      slices: score.slices,
      outcomes: score.outcomes.map(o => ({
        ...o,
        value: o.value === undefined ? undefined : wire(o.value),
      })),
      deltas: score.deltas.map(d => ({
        ...d,
        value: wire(d.value),
        baseline: d.baseline === undefined ? undefined : wire(d.baseline),
        delta: d.delta === undefined ? undefined : wire(d.delta),
        relativeDelta:
          d.relativeDelta === undefined ? undefined : wire(d.relativeDelta),
      })),
    },
  };
}

/**
 * The churn model's v3 on the held-out set against v2: `country=de` fails `accuracy ≥ 0.8` and
 * regresses on both metrics; `country=fr` improves; `overall` passes.
 */
export const CHURN_RESULTS: EvaluationResult[] = [
  { slice: 'overall', metric: 'accuracy', value: 0.85 },
  { slice: 'overall', metric: 'log_loss', value: 0.3 },
  { slice: 'country=de', metric: 'accuracy', value: 0.72 },
  { slice: 'country=de', metric: 'log_loss', value: 0.45 },
  { slice: 'country=fr', metric: 'accuracy', value: 0.88 },
  { slice: 'country=fr', metric: 'log_loss', value: 0.28 },
];

export const CHURN_BASELINE: EvaluationResult[] = [
  { slice: 'overall', metric: 'accuracy', value: 0.84 },
  { slice: 'overall', metric: 'log_loss', value: 0.31 },
  { slice: 'country=de', metric: 'accuracy', value: 0.78 },
  { slice: 'country=de', metric: 'log_loss', value: 0.4 },
  { slice: 'country=fr', metric: 'accuracy', value: 0.8 },
  { slice: 'country=fr', metric: 'log_loss', value: 0.28 },
];

export const CHURN_THRESHOLDS: EvaluationThreshold[] = [
  { metric: 'accuracy', op: '>=', value: 0.8 },
];

export function churnEvaluation(
  overrides: { thresholds?: EvaluationThreshold[]; tolerance?: number } = {},
): Evaluation {
  return scoredEvaluation({
    results: CHURN_RESULTS,
    baseline: CHURN_BASELINE,
    thresholds: overrides.thresholds ?? CHURN_THRESHOLDS,
    tolerance: overrides.tolerance ?? 0.005,
  });
}

/** A note as the API answers it. */
export function note(extra: Partial<Note> = {}): Note {
  return {
    id: 'note-1',
    project: 'churn',
    entityType: 'evaluation',
    entityId: 'eval-3',
    entityLabel: 'churn-model v3 · holdout',
    body: 'Germany regressed: **check the new tariff feature**.',
    revision: 2,
    createdBy: 'user:default/alice',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedBy: 'user:default/alice',
    updatedAt: '2026-11-20T11:00:00.000Z',
    ...extra,
  };
}
