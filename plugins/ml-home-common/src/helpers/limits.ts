/*
 * The limits ML Home enforces on what it stores. The string and count limits
 * match MLflow's, so that whatever an MLflow client may log, ML Home accepts.
 * Lengths in characters count Unicode code points, as MLflow and
 * PostgreSQL's varchar do.
 */

/**
 * The shape of every entity name (project, experiment, model, dataset):
 * a DNS-label-like slug, because names become URL segments and catalog
 * entity names.
 *
 * @public
 */
export const NAME_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The longest title, in characters: a title is one line in lists and cards.
 *
 * @public
 */
export const TITLE_MAX = 200;

/**
 * The largest markdown description, in UTF-8 bytes, which is what it costs
 * to store and send.
 *
 * @public
 */
export const DESCRIPTION_MAX_BYTES = 65536;

/**
 * The longest run param value, in characters, as MLflow allows.
 *
 * @public
 */
export const PARAM_VALUE_MAX = 6000;

/**
 * The longest tag value, in characters, as MLflow allows.
 *
 * @public
 */
export const TAG_VALUE_MAX = 5000;

/**
 * The longest metric, param or tag key, in characters, as MLflow allows.
 *
 * @public
 */
export const KEY_MAX = 250;

/**
 * The most metric points one ingestion call may carry, so that a batch fits
 * in one transaction of bounded duration.
 *
 * @public
 */
export const MAX_METRIC_POINTS_PER_BATCH = 10000;

/**
 * The most params and tags, counted together, one ingestion call may carry
 * over all its runs (each run carries at most 1,000 of each, as the OpenAPI
 * document says), so that a batch fits in one transaction of bounded
 * duration.
 *
 * @public
 */
export const MAX_PARAMS_AND_TAGS_PER_BATCH = 10000;

/**
 * The largest request body, in bytes: room for a full metric batch with long
 * keys, while bounding the memory a single request can take.
 *
 * @public
 */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * The shape of a run id: 32 lowercase hex characters, MLflow's run id format,
 * so that ids chosen by MLflow clients are kept as they are.
 *
 * @public
 */
export const RUN_ID_PATTERN = /^[0-9a-f]{32}$/;

const NON_FINITE = new Map<string, number>([
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['+Infinity', Infinity],
  ['-Infinity', -Infinity],
]);

/**
 * Reads a metric value from a JSON body, where non-finite values can only
 * arrive as strings (the protobuf JSON mapping MLflow clients use writes
 * `"NaN"`, `"Infinity"` and `"-Infinity"`).
 *
 * @remarks
 * Numbers pass through, including non-finite ones from in-process callers.
 * Other strings, numeric ones included, are rejected rather than coerced, so
 * a client bug shows as a 400 instead of a silently stored number.
 *
 * @param v - the value as decoded from JSON
 * @returns the metric value, or undefined when `v` is not one
 * @public
 */
export function parseMetricValue(v: unknown): number | undefined {
  if (typeof v === 'number') {
    return v;
  }
  if (typeof v === 'string') {
    return NON_FINITE.get(v);
  }
  return undefined;
}

/**
 * Writes a metric value for a JSON body: the inverse of
 * {@link parseMetricValue}, because `JSON.stringify` would turn `NaN` and
 * `±Infinity` into `null`.
 *
 * @param n - the metric value
 * @returns `n` itself when finite, else `"NaN"`, `"Infinity"` or `"-Infinity"`
 * @public
 */
export function formatMetricValue(n: number): number | string {
  if (Number.isFinite(n)) {
    return n;
  }
  if (Number.isNaN(n)) {
    return 'NaN';
  }
  return n > 0 ? 'Infinity' : '-Infinity';
}

/**
 * The length of a string in UTF-8 bytes, for limits stated in bytes.
 *
 * @remarks
 * Counted from the UTF-16 code units rather than with `TextEncoder`, to
 * avoid allocating a copy of a large description just to measure it. A lone
 * surrogate counts 3 bytes, as `TextEncoder` encodes it as U+FFFD.
 *
 * @param s - the string to measure
 * @returns the number of bytes its UTF-8 encoding takes
 * @public
 */
export function utf8ByteLength(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit < 0x80) {
      bytes += 1;
    } else if (unit < 0x800) {
      bytes += 2;
    } else if (
      unit >= 0xd800 &&
      unit <= 0xdbff &&
      i + 1 < s.length &&
      s.charCodeAt(i + 1) >= 0xdc00 &&
      s.charCodeAt(i + 1) <= 0xdfff
    ) {
      bytes += 4;
      i += 1;
    } else {
      bytes += 3;
    }
  }
  return bytes;
}
