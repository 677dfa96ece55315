import { isLaterMetricPoint } from '@ml-home/plugin-ml-home-common';
import { IngestRunInput } from '../domain/types';
import { LatestMetricState, runKey } from './DatabaseIngestionStore';

/*
 * How a batch's points fold into `latest_metrics`: per run and key, the latest point by MLflow's
 * rule (step, then timestamp, then value), the minimum and maximum over non-NaN values, and the
 * count of points stored. Pure, so that the rule is read (and tested) apart from the SQL.
 */

/** min/max of two values where null means "no finite value seen". */
function combine(
  a: number | null,
  b: number | null,
  pick: (x: number, y: number) => number,
): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return pick(a, b);
}

/** The batch's points per run and key, folded among themselves (count 0: nothing stored yet). */
export function foldBatchPoints(
  runs: readonly IngestRunInput[],
): Map<string, LatestMetricState> {
  const folded = new Map<string, LatestMetricState>();
  for (const run of runs) {
    for (const m of run.metrics) {
      const id = runKey(run.runId, m.key);
      const point = { step: m.step, timestamp: m.timestamp, value: m.value };
      const finite = Number.isNaN(m.value) ? null : m.value;
      const seen = folded.get(id);
      if (!seen) {
        folded.set(id, {
          runId: run.runId,
          key: m.key,
          latest: point,
          min: finite,
          max: finite,
          count: 0,
        });
        continue;
      }
      if (isLaterMetricPoint(point, seen.latest)) seen.latest = point;
      seen.min = combine(seen.min, finite, Math.min);
      seen.max = combine(seen.max, finite, Math.max);
    }
  }
  return folded;
}

/**
 * The batch's folded points merged with what was stored: the later latest point, the smaller
 * minimum, the larger maximum, and the stored count plus the points the batch added.
 */
export function mergeLatestMetrics(
  batch: Map<string, LatestMetricState>,
  stored: Map<string, LatestMetricState>,
  inserted: Map<string, number>,
): LatestMetricState[] {
  return [...batch].map(([id, fresh]) => {
    const old = stored.get(id);
    const added = inserted.get(id) ?? 0;
    if (!old) {
      return { ...fresh, count: added };
    }
    return {
      runId: fresh.runId,
      key: fresh.key,
      latest: isLaterMetricPoint(fresh.latest, old.latest)
        ? fresh.latest
        : old.latest,
      min: combine(fresh.min, old.min, Math.min),
      max: combine(fresh.max, old.max, Math.max),
      count: old.count + added,
    };
  });
}
