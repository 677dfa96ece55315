import { ConflictError } from '@backstage/errors';
import type { IngestResult } from '@ml-home/plugin-ml-home-common';
import { IngestBatchInput, Project } from '../domain/types';
import { Stores, UnitOfWork } from '../database/UnitOfWork';
import {
  AttachmentPlan,
  AttachmentResults,
  writeAttachments,
} from './attachments';
import {
  KnownRun,
  NewRun,
  RunChanges,
  RunKeyValue,
  RunMetricPoints,
  runKey,
} from './DatabaseIngestionStore';
import { foldBatchPoints, mergeLatestMetrics } from './latestMetrics';
import {
  CHUNKED_FROM,
  SeriesChange,
  StoredPoint,
} from '../runs/metricSeriesChunks';

/*
 * One batch, written all or nothing: the steps below run in one unit of work, in this order, and a
 * 409 or an error in one of them rolls every one of them back. Each step is one function; the SQL
 * of each is one method of the ingestion store (or, for the attachments, of the store that owns
 * them).
 */

/** What the steps share: the batch, where it goes, who writes it and when. */
interface BatchContext {
  stores: Stores;
  project: Project;
  batch: IngestBatchInput;
  actor: string;
  now: Date;
}

/**
 * Writes a validated batch in one unit of work: claims its requestId (or replays the answer to
 * it), then experiments, runs, params, tags, metric points, latest metrics and summaries, the
 * batch's versions, evaluations and deployments, the project's activity, and the answer.
 */
export function ingestBatch(
  unitOfWork: UnitOfWork,
  project: Project,
  batch: IngestBatchInput,
  actor: string,
  attachments?: AttachmentPlan,
  now: Date = new Date(),
): Promise<IngestResult> {
  return unitOfWork.run(stores =>
    writeBatch({ stores, project, batch, actor, now }, attachments),
  );
}

async function writeBatch(
  context: BatchContext,
  attachments: AttachmentPlan | undefined,
): Promise<IngestResult> {
  const replay = await claimRequestId(context);
  if (replay) return replay;
  const experimentIds = await writeExperiments(context);
  const { runs, known } = await writeRuns(context, experimentIds);
  const params = await writeParams(context, known);
  const tags = await writeTags(context);
  const points = await writePoints(context, known);
  await writeLatestMetrics(context, points.stored);
  await recordActivity(context, {
    created: runs.filter(r => r.created).length,
    params,
    tags,
    points: points.received,
  });
  const attached: AttachmentResults = attachments
    ? await writeAttachments(context.stores, attachments, context.actor)
    : {};
  const result: IngestResult = {
    runs,
    metricPoints: points.received,
    params,
    tags,
    replayed: false,
    ...attached,
  };
  await recordAnswer(context, result);
  return result;
}

/**
 * Claims the batch's requestId before anything is written, or finds the answer to replay; a
 * requestId used for another project or another batch is a 409.
 */
async function claimRequestId({
  stores,
  project,
  batch,
  now,
}: BatchContext): Promise<IngestResult | undefined> {
  if (!batch.requestId) return undefined;
  return stores.ingestion.claimRequest(
    project,
    batch.requestId,
    batch.requestHash,
    now,
  );
}

/** Experiments, created on first use. */
function writeExperiments({
  stores,
  project,
  batch,
  actor,
  now,
}: BatchContext): Promise<Map<string, number>> {
  return stores.ingestion.ensureExperiments(
    project,
    batch.runs.map(r => r.experiment),
    actor,
    now,
  );
}

/**
 * Runs: the new are inserted, the known get their status, times and name. The known runs stay
 * locked until the batch commits: their latest metrics, min, max and summary are read, folded and
 * written back below, so two batches into one run must not fold from the same state. A known run
 * of another project or experiment is a 409.
 */
async function writeRuns(
  { stores, project, batch, actor, now }: BatchContext,
  experimentIds: Map<string, number>,
): Promise<{ runs: IngestResult['runs']; known: Map<string, KnownRun> }> {
  const known = await stores.ingestion.lockRuns(batch.runs.map(r => r.runId));
  const runs: IngestResult['runs'] = [];
  const created = new Map<string, NewRun>();
  for (const [index, run] of batch.runs.entries()) {
    const experimentId = experimentIds.get(run.experiment)!;
    const result = {
      runId: run.runId,
      experiment: run.experiment,
      experimentId: String(experimentId),
    };
    const existing = known.get(run.runId);
    if (existing) {
      if (existing.projectId !== project.id) {
        throw new ConflictError(
          `runs[${index}].runId: run ${run.runId} belongs to another project`,
        );
      }
      if (existing.experimentId !== experimentId) {
        throw new ConflictError(
          `runs[${index}].experiment: run ${run.runId} belongs to another experiment than '${run.experiment}'`,
        );
      }
      const changes: RunChanges = {};
      if (run.name !== undefined) changes.name = run.name;
      if (run.status !== undefined) changes.status = run.status;
      if (run.endTime !== undefined) changes.endTime = run.endTime;
      if (run.startTime !== undefined) changes.startTime = run.startTime;
      if (Object.keys(changes).length) {
        await stores.ingestion.updateRun(run.runId, changes, now);
      }
      runs.push({ ...result, created: false });
      continue;
    }
    const twin = created.get(run.runId);
    if (twin) {
      // The same new run twice in one batch (e.g. a long series split in slices): one row,
      // later slices may finish it.
      if (run.status !== undefined) twin.status = run.status;
      if (run.endTime !== undefined) twin.endTime = run.endTime;
      if (run.name !== undefined) twin.name = run.name;
      runs.push({ ...result, created: false });
      continue;
    }
    created.set(run.runId, {
      runId: run.runId,
      experimentId,
      name: run.name ?? '',
      status: run.status ?? 'RUNNING',
      user: run.user ?? actor,
      startTime: run.startTime ?? now.getTime(),
      endTime: run.endTime,
      source: run.source,
    });
    runs.push({ ...result, created: true });
  }
  await stores.ingestion.insertRuns(project, [...created.values()], actor, now);
  return { runs, known };
}

/**
 * Params: write-once per run and key. The same key with another value, in the batch or against
 * what a known run already has, is a 409 naming the run and the param. Returns how many params
 * the batch carries.
 */
async function writeParams(
  { stores, batch }: BatchContext,
  known: Map<string, KnownRun>,
): Promise<number> {
  const params = new Map<string, RunKeyValue & { index: number }>();
  batch.runs.forEach((run, index) => {
    for (const p of run.params) {
      const id = runKey(run.runId, p.key);
      const seen = params.get(id);
      if (seen && seen.value !== p.value) {
        throw new ConflictError(
          `runs[${index}].params: param '${p.key}' of run ${run.runId} is given twice with different values`,
        );
      }
      params.set(id, { runId: run.runId, key: p.key, value: p.value, index });
    }
  });
  if (!params.size) return 0;
  // Only runs that existed before the batch have params to compare with.
  const knownRuns = new Set<string>();
  for (const p of params.values()) {
    if (known.has(p.runId)) knownRuns.add(p.runId);
  }
  const stored = await stores.ingestion.readParams([...knownRuns]);
  const fresh: RunKeyValue[] = [];
  for (const [id, p] of params) {
    const old = stored.get(id);
    if (old === undefined) {
      fresh.push({ runId: p.runId, key: p.key, value: p.value });
    } else if (old !== p.value) {
      throw new ConflictError(
        `runs[${p.index}].params: param '${p.key}' of run ${p.runId} is already '${old}' and cannot change to '${p.value}'`,
      );
    }
  }
  await stores.ingestion.insertParams(fresh);
  return params.size;
}

/** Tags: the last value wins. Returns how many tags the batch carries. */
async function writeTags({ stores, batch }: BatchContext): Promise<number> {
  const tags = new Map<string, RunKeyValue>();
  for (const run of batch.runs) {
    for (const t of run.tags) {
      tags.set(runKey(run.runId, t.key), {
        runId: run.runId,
        key: t.key,
        value: t.value,
      });
    }
  }
  await stores.ingestion.upsertTags([...tags.values()]);
  return tags.size;
}

/**
 * Metric points: a point sent twice is one point. Returns how many the batch carries and how many
 * were new, per run and key.
 */
async function writePoints(
  { stores, batch }: BatchContext,
  known: Map<string, KnownRun>,
): Promise<{ received: number; stored: Map<string, number> }> {
  let received = 0;
  const runs = batch.runs.map((run): RunMetricPoints => {
    received += run.metrics.length;
    return {
      runId: run.runId,
      created: !known.has(run.runId),
      metrics: run.metrics,
    };
  });
  const stored = await stores.ingestion.insertPoints(runs);
  return { received, stored };
}

/**
 * Latest metrics: the batch's points folded into what each run had (see latestMetrics.ts), then
 * the runs' summaries rewritten from them.
 */
async function writeLatestMetrics(
  { stores, project, batch }: BatchContext,
  inserted: Map<string, number>,
): Promise<void> {
  const folded = foldBatchPoints(batch.runs);
  if (!folded.size) return;
  const runIds = [...new Set([...folded.values()].map(m => m.runId))];
  const stored = await stores.ingestion.readLatestMetrics(runIds);
  const merged = mergeLatestMetrics(folded, stored, inserted);
  await stores.ingestion.writeLatestMetrics(project, merged);
  await stores.ingestion.refreshMetricSummaries(runIds);
  await writeSeriesChunks(stores, batch, merged, inserted);
}

/** The chunks of the series that are long enough to have them (see metricSeriesChunks.ts). */
async function writeSeriesChunks(
  stores: BatchContext['stores'],
  batch: BatchContext['batch'],
  merged: { runId: string; key: string; count: number }[],
  inserted: Map<string, number>,
): Promise<void> {
  const changes = new Map<string, SeriesChange>();
  for (const m of merged) {
    const id = runKey(m.runId, m.key);
    const added = inserted.get(id) ?? 0;
    if (m.count >= CHUNKED_FROM && added > 0) {
      changes.set(id, {
        runId: m.runId,
        key: m.key,
        points: [],
        inserted: added,
        total: m.count,
      });
    }
  }
  if (!changes.size) return;
  for (const run of batch.runs) {
    // A run lists its points key by key: look each key up once.
    let key: string | undefined;
    let change: SeriesChange | undefined;
    for (const m of run.metrics) {
      if (m.key !== key) {
        key = m.key;
        change = changes.get(runKey(run.runId, key));
      }
      if (!change) continue;
      const nan = Number.isNaN(m.value);
      const point: StoredPoint = {
        step: m.step,
        timestamp: m.timestamp,
        value: nan ? 0 : m.value,
        nan,
      };
      change.points.push(point);
    }
  }
  await stores.ingestion.updateSeriesChunks([...changes.values()]);
}

/**
 * The project's activity feed. A batch may carry only versions, evaluations or deployments:
 * those record their own events.
 */
async function recordActivity(
  { stores, project, batch, actor, now }: BatchContext,
  counts: { created: number; params: number; tags: number; points: number },
): Promise<void> {
  const n = batch.runs.length;
  if (!n) return;
  await stores.projects.appendEvent(
    project,
    {
      actor,
      action: 'runs.ingest',
      entityType: 'run',
      entityId: n === 1 ? batch.runs[0].runId : `${n} runs`,
      summary: `logged ${n} run${n === 1 ? '' : 's'} (${counts.created} new), ${counts.params} params, ${counts.tags} tags, ${counts.points} metric points`,
    },
    now,
  );
}

/** The answer a retry with the same requestId gets back. */
async function recordAnswer(
  { stores, batch }: BatchContext,
  result: IngestResult,
): Promise<void> {
  if (batch.requestId) {
    await stores.ingestion.recordAnswer(batch.requestId, result);
  }
}
