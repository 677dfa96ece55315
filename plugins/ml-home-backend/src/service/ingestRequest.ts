import { InputError } from '@backstage/errors';
import { MAX_PARAMS_AND_TAGS_PER_BATCH } from '@ml-home/plugin-ml-home-common';
import { createHash } from 'crypto';
import { IngestRequest } from './MlHomeService';

/*
 * What is checked and kept of an ingestion request as a whole, before its runs are looked at one
 * by one.
 */

/** Refuses a batch whose runs carry more params and tags, together, than one call may. */
export function checkParamsAndTagsCount(request: IngestRequest): void {
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

/** JSON with every object's keys in order and undefined members left out, as JSON.stringify does. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(v => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const members = Object.keys(object)
      .filter(key => object[key] !== undefined)
      .sort()
      .map(key => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * SHA-256 (hex) of the whole request (runs, model versions, evaluations and deployments) in
 * canonical JSON: a retry sends the same request, whatever order its members are written in.
 */
export function hashIngestRequest(request: IngestRequest): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}
