import type * as Wire from '@ml-home/plugin-ml-home-common';
import { metricValueToWire } from '../runs/runsWire';
import type {
  EvaluationSummaryView,
  EvaluationView,
} from './EvaluationsService';

/* Evaluations → wire: ISO times and JSON-safe metric values. */

export function evaluationSummaryToWire(
  e: EvaluationSummaryView,
): Wire.EvaluationSummary {
  return {
    id: e.id,
    project: e.project,
    model: e.model,
    version: e.version,
    name: e.name,
    dataset: e.dataset,
    description: e.description,
    ...(e.baselineVersion !== undefined
      ? { baselineVersion: e.baselineVersion }
      : {}),
    ...(e.baselineEvaluationId
      ? { baselineEvaluationId: e.baselineEvaluationId }
      : {}),
    pass: e.pass,
    regressions: e.regressions,
    sliceCount: e.sliceCount,
    failingSlices: e.failingSlices,
    resultCount: e.resultCount,
    createdAt: e.createdAt.toISOString(),
    createdBy: e.createdBy,
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function evaluationToWire(e: EvaluationView): Wire.Evaluation {
  const { score } = e;
  return {
    ...evaluationSummaryToWire(e),
    results: e.results.map(r => ({ ...r, value: metricValueToWire(r.value) })),
    thresholds: e.thresholds,
    directions: e.allDirections,
    directionSources: e.directionSources,
    tolerance: e.tolerance,
    score: {
      pass: score.pass,
      regressions: score.regressions,
      slices: score.slices,
      outcomes: score.outcomes.map(o => ({
        threshold: o.threshold,
        slice: o.slice,
        ...(o.value !== undefined ? { value: metricValueToWire(o.value) } : {}),
        pass: o.pass,
        ...(o.reason ? { reason: o.reason } : {}),
      })),
      deltas: score.deltas.map(d => ({
        slice: d.slice,
        metric: d.metric,
        value: metricValueToWire(d.value),
        ...(d.baseline !== undefined
          ? { baseline: metricValueToWire(d.baseline) }
          : {}),
        ...(d.delta !== undefined ? { delta: metricValueToWire(d.delta) } : {}),
        ...(d.relativeDelta !== undefined
          ? { relativeDelta: metricValueToWire(d.relativeDelta) }
          : {}),
        regression: d.regression,
        improvement: d.improvement,
      })),
    },
  };
}
