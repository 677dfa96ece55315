import type { IngestBatch } from '@ml-home/plugin-ml-home-common';

/** Where the crash writer writes. */
export const CRASH_PROJECT = 'crash-test';
export const CRASH_MODEL = 'crash-model';
export const CRASH_DATASET = 'crash-eval';
export const CRASH_SERVICE = 'component:default/crash-service';

/** What each batch holds, so the checker knows a whole batch when it sees one. */
export const PARAMS_PER_BATCH = 20;
export const TAGS_PER_BATCH = 5;
export const METRIC_KEYS = ['loss', 'accuracy', 'lr'];
export const STEPS_PER_KEY = 700;
export const POINTS_PER_BATCH = METRIC_KEYS.length * STEPS_PER_KEY;
export const SLICES = ['overall', 'device=mobile', 'device=desktop'];

/** Batch k's run id: 32 hex digits, deterministic in k. */
export function crashRunId(k: number): string {
  return (0xc0de0000 + k).toString(16).padStart(32, '0');
}

/**
 * Batch k, always the same: one run with params, tags and metric points; a version of the model
 * produced by that run; an evaluation of that version; its deployment. Its requestId makes a
 * retry after a crash a replay, never a second copy.
 */
export function crashBatch(k: number): IngestBatch {
  const runId = crashRunId(k);
  return {
    requestId: `crash-${k}`,
    runs: [
      {
        runId,
        experiment: 'crash',
        name: `crash run ${k}`,
        status: 'FINISHED',
        params: Array.from({ length: PARAMS_PER_BATCH }, (_, i) => ({
          key: `p${i}`,
          value: `${k}-${i}`,
        })),
        tags: Array.from({ length: TAGS_PER_BATCH }, (_, i) => ({
          key: `t${i}`,
          value: `${k}`,
        })),
        metrics: METRIC_KEYS.flatMap((key, m) =>
          Array.from({ length: STEPS_PER_KEY }, (_, step) => ({
            key,
            step,
            value: k + m + step / STEPS_PER_KEY,
            timestamp: 1_700_000_000_000 + step,
          })),
        ),
      },
    ],
    modelVersions: [{ model: CRASH_MODEL, runId, aliases: ['candidate'] }],
    evaluations: [
      {
        model: CRASH_MODEL,
        runId,
        name: `eval-${k}`,
        dataset: CRASH_DATASET,
        results: SLICES.map(slice => ({ slice, metric: 'auc', value: 0.8 })),
      },
    ],
    deployments: [
      {
        model: CRASH_MODEL,
        runId,
        environment: 'staging',
        service: CRASH_SERVICE,
      },
    ],
  };
}
