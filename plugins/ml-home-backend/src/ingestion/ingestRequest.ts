import { InputError } from '@backstage/errors';
import {
  IngestBatch,
  KEY_MAX,
  MAX_METRIC_POINTS_PER_BATCH,
  MAX_PARAMS_AND_TAGS_PER_BATCH,
  PARAM_VALUE_MAX,
  TAG_VALUE_MAX,
  parseMetricValue,
} from '@ml-home/plugin-ml-home-common';
import { createHash, randomUUID } from 'crypto';
import { IngestBatchInput, IngestRunInput, RunStatus } from '../domain/types';
import { checkKey, checkMaxLength } from '../domain/validation';

/*
 * What is checked and kept of an ingestion request as a whole, before its runs are looked at one
 * by one.
 */

/** Refuses a batch whose runs carry more params and tags, together, than one call may. */
export function checkParamsAndTagsCount(request: IngestBatch): void {
  let params = 0;
  let tags = 0;
  for (const run of request.runs ?? []) {
    params += run.params?.length ?? 0;
    tags += run.tags?.length ?? 0;
  }
  if (params + tags > MAX_PARAMS_AND_TAGS_PER_BATCH) {
    throw new InputError(
      `runs[].params, runs[].tags: the call carries ${params} params and ${tags} tags; the limit is ${MAX_PARAMS_AND_TAGS_PER_BATCH} per call, params and tags together`,
    );
  }
}

/*
 * An object's members in canonical order, by the list of its own keys: a batch's 10,000 metric
 * points share one shape, so their keys are sorted (and quoted) once rather than per point.
 */
const memberOrders = new Map<string, { key: string; quoted: string }[]>();

let lastKeys: string[] = [];
let lastMembers: { key: string; quoted: string }[] = [];

function membersInOrder(keys: string[]): { key: string; quoted: string }[] {
  if (sameKeys(keys, lastKeys)) return lastMembers;
  lastKeys = keys;
  lastMembers = sortedMembers(keys);
  return lastMembers;
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sortedMembers(keys: string[]): { key: string; quoted: string }[] {
  const shape = keys.join('\u0000');
  let members = memberOrders.get(shape);
  if (!members) {
    members = [...keys]
      .sort()
      .map(key => ({ key, quoted: `${JSON.stringify(key)}:` }));
    // Shapes come from request bodies: bound the cache rather than trust them.
    if (memberOrders.size >= 1000) memberOrders.clear();
    memberOrders.set(shape, members);
  }
  return members;
}

/**
 * Feeds `value` as JSON to `out`, with every object's keys in order and undefined members left
 * out, as JSON.stringify does. One walk, written in small pieces: it hashes every point of a
 * batch, so it must not cost more than storing them.
 */
function writeCanonicalJson(value: unknown, out: (text: string) => void): void {
  if (typeof value === 'string') {
    out(JSON.stringify(value));
  } else if (typeof value === 'number') {
    out(Number.isFinite(value) ? String(value) : 'null');
  } else if (Array.isArray(value)) {
    out('[');
    for (let i = 0; i < value.length; i++) {
      if (i) out(',');
      const item = value[i];
      if (item === undefined) out('null');
      else writeCanonicalJson(item, out);
    }
    out(']');
  } else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    out('{');
    let first = true;
    for (const { key, quoted } of membersInOrder(Object.keys(object))) {
      const member = object[key];
      if (member === undefined) continue;
      out(first ? quoted : `,${quoted}`);
      writeCanonicalJson(member, out);
      first = false;
    }
    out('}');
  } else {
    out(JSON.stringify(value) ?? 'null');
  }
}

/**
 * SHA-256 (hex) of the whole request (runs, model versions, evaluations and deployments) in
 * canonical JSON: a retry sends the same request, whatever order its members are written in.
 */
export function hashIngestRequest(request: IngestBatch): string {
  const hash = createHash('sha256');
  // Hashed a few kilobytes at a time: one long string built piece by piece costs more to
  // flatten and encode than to hash.
  let pending = '';
  writeCanonicalJson(request, text => {
    pending += text;
    if (pending.length >= 8192) {
      hash.update(pending);
      pending = '';
    }
  });
  return hash.update(pending).digest('hex');
}

const RUN_STATUSES: RunStatus[] = [
  'RUNNING',
  'SCHEDULED',
  'FINISHED',
  'FAILED',
  'KILLED',
];

/**
 * Checks every limit of a batch's runs before anything is written, naming the offending field,
 * and fills in the defaults (a generated run id, step 0, the time of the call).
 */
export function validateBatch(request: IngestBatch): IngestBatchInput {
  const now = Date.now();
  let points = 0;
  const requestRuns = request.runs ?? [];
  for (const run of requestRuns) points += run.metrics?.length ?? 0;
  if (points > MAX_METRIC_POINTS_PER_BATCH) {
    throw new InputError(
      `runs[].metrics: the call carries ${points} metric points; the limit is ${MAX_METRIC_POINTS_PER_BATCH} per call`,
    );
  }
  checkParamsAndTagsCount(request);
  // A batch repeats a handful of metric keys thousands of times: each is checked once.
  const goodKeys = new Set<string>();
  const runs: IngestRunInput[] = requestRuns.map((run, i) => {
    const at = `runs[${i}]`;
    checkKey(`${at}.experiment`, run.experiment);
    if (run.name !== undefined) checkMaxLength(`${at}.name`, run.name, KEY_MAX);
    if (run.status !== undefined && !RUN_STATUSES.includes(run.status)) {
      throw new InputError(
        `${at}.status must be one of ${RUN_STATUSES.join(', ')}`,
      );
    }
    for (const field of ['startTime', 'endTime'] as const) {
      const value = run[field];
      if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
        throw new InputError(
          `${at}.${field} must be milliseconds since the epoch`,
        );
      }
    }
    if (
      run.startTime !== undefined &&
      run.endTime !== undefined &&
      run.endTime < run.startTime
    ) {
      throw new InputError(`${at}.endTime is before ${at}.startTime`);
    }
    (run.params ?? []).forEach((p, j) => {
      checkKey(`${at}.params[${j}].key`, p.key);
      checkMaxLength(`${at}.params[${j}].value`, p.value, PARAM_VALUE_MAX);
    });
    (run.tags ?? []).forEach((t, j) => {
      checkKey(`${at}.tags[${j}].key`, t.key);
      checkMaxLength(`${at}.tags[${j}].value`, t.value, TAG_VALUE_MAX);
    });
    const metrics = (run.metrics ?? []).map((m, j) => {
      if (!goodKeys.has(m.key)) {
        checkKey(`${at}.metrics[${j}].key`, m.key);
        goodKeys.add(m.key);
      }
      const value = parseMetricValue(m.value);
      if (value === undefined) {
        throw new InputError(
          `${at}.metrics[${j}].value must be a number or one of "NaN", "Infinity", "-Infinity"`,
        );
      }
      const step = m.step ?? 0;
      if (!Number.isSafeInteger(step)) {
        throw new InputError(`${at}.metrics[${j}].step must be an integer`);
      }
      const timestamp = m.timestamp ?? now;
      if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
        throw new InputError(
          `${at}.metrics[${j}].timestamp must be milliseconds since the epoch`,
        );
      }
      return { key: m.key, value, step, timestamp };
    });
    return {
      runId: run.runId ?? randomUUID().replace(/-/g, ''),
      runIdSupplied: run.runId !== undefined,
      experiment: run.experiment,
      name: run.name,
      status: run.status,
      user: run.user,
      startTime: run.startTime,
      endTime: run.endTime,
      source: run.source,
      params: run.params ?? [],
      tags: run.tags ?? [],
      metrics,
    };
  });
  return {
    requestId: request.requestId,
    requestHash:
      request.requestId === undefined ? undefined : hashIngestRequest(request),
    runs,
  };
}
