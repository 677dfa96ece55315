import * as Wire from '@ml-home/plugin-ml-home-common';
import { formatMetricValue } from '@ml-home/plugin-ml-home-common';
import { Experiment, LatestMetric, Run } from '../domain/types';

/*
 * Experiments, runs and metric points → wire: ISO times and JSON-safe metric values (NaN and
 * ±Infinity as the strings MLflow clients use).
 */

/** A metric value as the wire carries it. */
export const metricValueToWire = (n: number) =>
  formatMetricValue(n) as Wire.MetricValue;

export function experimentToWire(e: Experiment): Wire.Experiment {
  return {
    id: e.id,
    project: e.project,
    name: e.name,
    description: e.description,
    lifecycleStage: e.lifecycleStage,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    createdBy: e.createdBy,
    runCount: e.runCount,
  };
}

function metricToWire(m: LatestMetric): Wire.LatestMetric {
  return {
    key: m.key,
    value: metricValueToWire(m.value),
    step: m.step,
    timestamp: m.timestamp,
    min: metricValueToWire(m.min),
    max: metricValueToWire(m.max),
  };
}

export function runToWire(r: Run): Wire.Run {
  return {
    id: r.id,
    project: r.project,
    experimentId: r.experimentId,
    experiment: r.experiment,
    name: r.name,
    status: r.status,
    user: r.user,
    startTime: r.startTime,
    ...(r.endTime !== undefined ? { endTime: r.endTime } : {}),
    lifecycleStage: r.lifecycleStage,
    ...(r.source ? { source: r.source } : {}),
    params: r.params,
    tags: r.tags,
    metrics: r.metrics.map(metricToWire),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function pointsToWire(
  points: { step: number; value: number; timestamp: number }[],
): Wire.MetricPoint[] {
  return points.map(p => ({
    step: p.step,
    timestamp: p.timestamp,
    value: metricValueToWire(p.value),
  }));
}
