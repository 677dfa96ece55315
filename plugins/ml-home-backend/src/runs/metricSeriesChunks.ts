/*
 * Long metric series, also kept in chunks of CHUNK_SIZE consecutive points (table
 * metric_series_chunks) and, a level up, in blocks of BLOCK_SIZE chunks' summaries packed into one
 * row (table metric_series_blocks): how they are written at ingestion and how a downsampled
 * history is read from them with exactly the answer of downsampleSeries over every point.
 *
 * downsampleSeries cuts a series into equal-count buckets and keeps, per bucket, its first point,
 * its earliest NaN, its earliest minimum and its earliest maximum. A bucket is a run of whole
 * chunks, whose picks (with their points) their summaries give, between at most two partial
 * chunks, whose points are read. So a history of n points reads n / 4,096 block rows and the
 * points of about one chunk per bucket, whatever n is; a series with about as many chunks as
 * buckets is read whole from its chunks instead.
 */
import { MetricSeriesPoint } from '@ml-home/plugin-ml-home-common';
import { Knex } from 'knex';
import { endianness } from 'node:os';
import {
  BulkColumn,
  bulkInsert,
  driverConnection,
  preparedStatement,
} from '../database/driverConnection';
import { fromDbInt } from '../database/mappers';
import { DbBigInt, DbBoolean } from '../database/rows';

/** Points per chunk. */
export const CHUNK_SIZE = 64;

/** Chunk summaries per block row. */
export const BLOCK_SIZE = 64;

/**
 * Series of at least this many points are kept in chunks; shorter ones are read whole (at most a
 * few thousand rows) from metric_points.
 */
export const CHUNKED_FROM = 4096;

/* Must match the bucket layout of downsampleSeries in -common. */
const POINTS_PER_BUCKET = 3;

/** A point as stored: NaN as a flag beside value 0, which is what the series is ordered by. */
export interface StoredPoint {
  step: number;
  timestamp: number;
  /** 0 when `nan`. */
  value: number;
  nan: boolean;
}

/** The order of metric_points' primary key after (run_id, key): the series' order. */
export function compareStoredPoints(a: StoredPoint, b: StoredPoint): number {
  return (
    a.step - b.step ||
    a.timestamp - b.timestamp ||
    a.value - b.value ||
    Number(a.nan) - Number(b.nan)
  );
}

interface ChunkRow {
  run_id: string;
  key: string;
  chunk: number;
  point_count: number;
  min_offset: number | null;
  min_value: number | null;
  max_offset: number | null;
  max_value: number | null;
  nan_offset: number | null;
  points: Buffer;
}

const CHUNK_COLUMNS: BulkColumn<ChunkRow>[] = [
  { name: 'run_id', pgType: 'text' },
  { name: 'key', pgType: 'text' },
  { name: 'chunk', pgType: 'integer' },
  { name: 'point_count', pgType: 'integer' },
  { name: 'min_offset', pgType: 'integer' },
  { name: 'min_value', pgType: 'float8' },
  { name: 'max_offset', pgType: 'integer' },
  { name: 'max_value', pgType: 'float8' },
  { name: 'nan_offset', pgType: 'integer' },
  { name: 'points', pgType: 'bytea' },
];

const UPSERT_CHUNK = `on conflict ("run_id", "key", "chunk") do update set ${CHUNK_COLUMNS.slice(
  3,
)
  .map(c => `"${c.name}" = excluded."${c.name}"`)
  .join(', ')}`;

/** Steps, then timestamps, then values (NaN as NaN), little-endian float64s. */
function encodePoints(points: readonly StoredPoint[]): Buffer {
  const n = points.length;
  const buffer = Buffer.allocUnsafe(n * 24);
  for (let i = 0; i < n; i++) {
    const p = points[i];
    buffer.writeDoubleLE(p.step, i * 8);
    buffer.writeDoubleLE(p.timestamp, (n + i) * 8);
    buffer.writeDoubleLE(p.nan ? NaN : p.value, (2 * n + i) * 8);
  }
  return buffer;
}

/** A chunk's points, decoded once. */
class ChunkPoints {
  constructor(
    private readonly buffer: Buffer,
    readonly count: number,
  ) {}

  value(offset: number): number {
    return this.buffer.readDoubleLE((2 * this.count + offset) * 8);
  }

  point(offset: number): MetricSeriesPoint {
    return {
      step: this.buffer.readDoubleLE(offset * 8),
      timestamp: this.buffer.readDoubleLE((this.count + offset) * 8),
      value: this.value(offset),
    };
  }

  stored(offset: number): StoredPoint {
    const { step, timestamp, value } = this.point(offset);
    const nan = Number.isNaN(value);
    return { step, timestamp, value: nan ? 0 : value, nan };
  }
}

/* Indices (-1 when absent) of a chunk's first NaN, first minimum and first maximum. */
interface ChunkPicks {
  nan: number;
  min: number;
  max: number;
}

function chunkPicks(points: readonly StoredPoint[]): ChunkPicks {
  let min = -1;
  let max = -1;
  let nan = -1;
  points.forEach((p, i) => {
    if (p.nan) {
      if (nan < 0) nan = i;
      return;
    }
    // Strict comparisons: the earliest of equal extremes, as downsampleSeries picks.
    if (min < 0 || p.value < points[min].value) min = i;
    if (max < 0 || p.value > points[max].value) max = i;
  });
  return { nan, min, max };
}

function chunkRow(
  runId: string,
  key: string,
  chunk: number,
  points: readonly StoredPoint[],
  { min, max, nan }: ChunkPicks,
): ChunkRow {
  return {
    run_id: runId,
    key,
    chunk,
    point_count: points.length,
    min_offset: min < 0 ? null : min,
    min_value: min < 0 ? null : points[min].value,
    max_offset: max < 0 ? null : max,
    max_value: max < 0 ? null : points[max].value,
    nan_offset: nan < 0 ? null : nan,
    points: encodePoints(points),
  };
}

/*
 * A chunk's summary in a block row: RECORD little-endian float64s in this order. A pick that is
 * absent (no NaN; no number, only NaN) has offset -1 and zeros. The picks' steps and timestamps
 * are there so that a history keeping the extreme of a chunk wholly inside a bucket does not read
 * that chunk. Migration 20261206150000 writes the same records for series chunked before it.
 */
const RECORD = 12;
const [
  COUNT,
  NAN_OFFSET,
  NAN_STEP,
  NAN_TIMESTAMP,
  MIN_OFFSET,
  MIN_VALUE,
  MIN_STEP,
  MIN_TIMESTAMP,
  MAX_OFFSET,
  MAX_VALUE,
  MAX_STEP,
  MAX_TIMESTAMP,
] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;

function summaryRecord(
  points: readonly StoredPoint[],
  { nan, min, max }: ChunkPicks,
): number[] {
  const at = (i: number) =>
    i < 0 ? [-1, 0, 0] : [i, points[i].step, points[i].timestamp];
  const [nanOffset, nanStep, nanTimestamp] = at(nan);
  const [minOffset, minStep, minTimestamp] = at(min);
  const [maxOffset, maxStep, maxTimestamp] = at(max);
  return [
    points.length,
    nanOffset,
    nanStep,
    nanTimestamp,
    minOffset,
    min < 0 ? 0 : points[min].value,
    minStep,
    minTimestamp,
    maxOffset,
    max < 0 ? 0 : points[max].value,
    maxStep,
    maxTimestamp,
  ];
}

function encodeFloat64s(values: readonly number[]): Buffer {
  const buffer = Buffer.allocUnsafe(values.length * 8);
  values.forEach((v, i) => buffer.writeDoubleLE(v, i * 8));
  return buffer;
}

/* Little-endian float64s from several buffers, as one array (a copy: blobs need not be aligned). */
function decodeFloat64s(buffers: readonly Uint8Array[]): Float64Array {
  const bytes = new Uint8Array(buffers.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of buffers) {
    bytes.set(b, at);
    at += b.length;
  }
  if (endianness() === 'BE') {
    Buffer.from(bytes.buffer).swap64();
  }
  return new Float64Array(bytes.buffer);
}

interface BlockRow {
  run_id: string;
  key: string;
  block: number;
  chunk_count: number;
  summaries: Buffer;
}

const BLOCK_COLUMNS: BulkColumn<BlockRow>[] = [
  { name: 'run_id', pgType: 'text' },
  { name: 'key', pgType: 'text' },
  { name: 'block', pgType: 'integer' },
  { name: 'chunk_count', pgType: 'integer' },
  { name: 'summaries', pgType: 'bytea' },
];

const UPSERT_BLOCK = `on conflict ("run_id", "key", "block") do update set "chunk_count" = excluded."chunk_count", "summaries" = excluded."summaries"`;

/** The summary records of chunks `from` to `to` - 1, from their points. */
async function recordsFromChunks(
  db: Knex,
  runId: string,
  key: string,
  from: number,
  to: number,
): Promise<number[]> {
  const rows: Pick<ChunkRow, 'point_count' | 'points'>[] = await db(
    'metric_series_chunks',
  )
    .where({ run_id: runId, key })
    .where('chunk', '>=', from)
    .where('chunk', '<', to)
    .orderBy('chunk')
    .select('point_count', 'points');
  return rows.flatMap(r => {
    const chunk = new ChunkPoints(r.points, Number(r.point_count));
    const points = Array.from({ length: chunk.count }, (_, i) =>
      chunk.stored(i),
    );
    return summaryRecord(points, chunkPicks(points));
  });
}

/**
 * Writes the summary records of chunks `first` on into the series' blocks: the block that
 * chunk `first` falls in keeps its earlier chunks' records.
 */
async function writeBlocks(
  db: Knex,
  runId: string,
  key: string,
  first: number,
  records: number[],
): Promise<void> {
  const block = Math.floor(first / BLOCK_SIZE);
  const kept = first - block * BLOCK_SIZE;
  let head: number[] = [];
  if (kept) {
    const row: Pick<BlockRow, 'summaries'> | undefined = await db(
      'metric_series_blocks',
    )
      .where({ run_id: runId, key, block })
      .first('summaries');
    head =
      row && row.summaries.length >= kept * RECORD * 8
        ? Array.from(decodeFloat64s([row.summaries]).subarray(0, kept * RECORD))
        : await recordsFromChunks(db, runId, key, block * BLOCK_SIZE, first);
  }
  const all = head.concat(records);
  const perBlock = BLOCK_SIZE * RECORD;
  const rows: BlockRow[] = [];
  for (let i = 0; i < all.length; i += perBlock) {
    const summaries = all.slice(i, i + perBlock);
    rows.push({
      run_id: runId,
      key,
      block: block + i / perBlock,
      chunk_count: summaries.length / RECORD,
      summaries: encodeFloat64s(summaries),
    });
  }
  await bulkInsert(db, {
    table: 'metric_series_blocks',
    columns: BLOCK_COLUMNS,
    rows,
    onConflict: UPSERT_BLOCK,
  });
}

/** Writes `points` as the series' chunks from chunk `first` on, and their blocks' records. */
async function writeChunks(
  db: Knex,
  runId: string,
  key: string,
  first: number,
  points: readonly StoredPoint[],
): Promise<void> {
  const rows: ChunkRow[] = [];
  const records: number[] = [];
  for (let i = 0; i < points.length; i += CHUNK_SIZE) {
    const chunk = points.slice(i, i + CHUNK_SIZE);
    const picks = chunkPicks(chunk);
    rows.push(chunkRow(runId, key, first + i / CHUNK_SIZE, chunk, picks));
    records.push(...summaryRecord(chunk, picks));
  }
  await bulkInsert(db, {
    table: 'metric_series_chunks',
    columns: CHUNK_COLUMNS,
    rows,
    onConflict: UPSERT_CHUNK,
  });
  await writeBlocks(db, runId, key, first, records);
}

type PointRow = {
  step: DbBigInt;
  timestamp: DbBigInt;
  value: number;
  is_nan: DbBoolean;
};

/** What a batch did to one series. */
export interface SeriesChange {
  runId: string;
  key: string;
  /** The batch's points of the series, as sent (a point may repeat a stored one). */
  points: StoredPoint[];
  /** How many of them were new. */
  inserted: number;
  /** Points stored for the series now. */
  total: number;
}

/**
 * Brings a series' chunks and blocks up to date after a batch, in the batch's transaction. Points
 * that all come after the series' last stored point (training logs in step order) extend the last
 * chunk and add new ones; anything else (a point logged out of order, a series that just reached
 * CHUNKED_FROM, one written before chunks existed) rewrites the series' chunks from its points.
 */
export async function updateSeriesChunks(
  db: Knex,
  change: SeriesChange,
): Promise<void> {
  const { runId, key, inserted, total } = change;
  if (!inserted || total < CHUNKED_FROM) {
    return;
  }
  const fresh = [...change.points].sort(compareStoredPoints);
  const unique = fresh.filter(
    (p, i) => i === 0 || compareStoredPoints(fresh[i - 1], p) !== 0,
  );
  const tail: ChunkRow | undefined = await db<ChunkRow>('metric_series_chunks')
    .where({ run_id: runId, key })
    .orderBy('chunk', 'desc')
    .first();
  const chunked = tail ? tail.chunk * CHUNK_SIZE + tail.point_count : 0;
  const tailPoints = tail && new ChunkPoints(tail.points, tail.point_count);
  const appends =
    chunked === total - inserted &&
    unique.length === inserted &&
    (!tailPoints ||
      compareStoredPoints(tailPoints.stored(tailPoints.count - 1), unique[0]) <
        0);
  if (appends) {
    if (tailPoints && tailPoints.count < CHUNK_SIZE) {
      const head = Array.from({ length: tailPoints.count }, (_, i) =>
        tailPoints.stored(i),
      );
      await writeChunks(db, runId, key, tail.chunk, [...head, ...unique]);
    } else {
      await writeChunks(db, runId, key, tail ? tail.chunk + 1 : 0, unique);
    }
    return;
  }
  await db('metric_series_chunks').where({ run_id: runId, key }).delete();
  await db('metric_series_blocks').where({ run_id: runId, key }).delete();
  const rows: PointRow[] = await db('metric_points')
    .where({ run_id: runId, key })
    .orderBy(['step', 'timestamp', 'value', 'is_nan'])
    .select('step', 'timestamp', 'value', 'is_nan');
  await writeChunks(
    db,
    runId,
    key,
    0,
    rows.map(r => ({
      step: fromDbInt(r.step),
      timestamp: fromDbInt(r.timestamp),
      value: Number(r.value),
      nan: Boolean(r.is_nan),
    })),
  );
}

/* Indices (-1 when absent) of the points a bucket may keep, as downsampleSeries' pick(). */
interface Picks {
  nan: number;
  min: number;
  max: number;
  first: number;
}

/*
 * The reads of a history, as SQL both databases run (`?` placeholders; `{chunks}` is the
 * condition on a list of chunk numbers bound as one value, so one prepared statement serves any
 * list). Rows come from the driver as arrays: a history reads a few hundred blobs, and Knex's row
 * objects and SQL building cost more than the database does.
 */
const READS = {
  blocks:
    'select "block", "chunk_count", "summaries" from metric_series_blocks where "run_id" = ? and "key" = ? order by "block"',
  chunks:
    'select "chunk", "point_count", "points" from metric_series_chunks where "run_id" = ? and "key" = ? order by "chunk"',
  someChunks:
    'select "chunk", "point_count", "points" from metric_series_chunks where "run_id" = ? and "key" = ? and {chunks}',
  /** The stored point count, and the chunks only when that count is within the bounds. */
  countAndChunks:
    'select l."point_count", c."chunk", c."point_count", "points" from latest_metrics l left join metric_series_chunks c on c."run_id" = l."run_id" and c."key" = l."key" and l."point_count" between ? and ? where l."run_id" = ? and l."key" = ? order by c."chunk"',
};

async function selectArrays(
  db: Knex,
  sql: string,
  values: (string | number | number[])[],
  blobAt = 2,
): Promise<unknown[][]> {
  const driver = await driverConnection(db);
  if (!driver) {
    return db.transaction(tx => selectArrays(tx, sql, values, blobAt));
  }
  if (driver.dialect === 'sqlite') {
    return preparedStatement(
      driver.connection,
      sql.replace('{chunks}', '"chunk" in (select value from json_each(?))'),
    )
      .raw(true)
      .all(
        ...values.map(v => (Array.isArray(v) ? JSON.stringify(v) : v)),
      ) as unknown[][];
  }
  // The blob as base64 text: node-postgres reads bytea as hex, twice its bytes (base64 is a third
  // more), and a history reads about 2 MB of blobs for a million points.
  let n = 0;
  const { rows } = await driver.connection.query({
    text: sql
      .replace(/"(summaries|points)"/, `encode("$1", 'base64')`)
      .replace('{chunks}', '"chunk" = any(?::integer[])')
      .replace(/\?/g, () => `$${++n}`),
    values,
    rowMode: 'array',
  });
  for (const row of rows) {
    if (row[blobAt] !== null) row[blobAt] = Buffer.from(row[blobAt], 'base64');
  }
  return rows;
}

/*
 * Every chunk of the series, or undefined when they do not hold exactly its `total` points; for a
 * series with about as many chunks as buckets, where nearly every chunk would be read anyway.
 */
async function readAllChunks(
  db: Knex,
  runId: string,
  key: string,
  total: number,
): Promise<Map<number, ChunkPoints> | undefined> {
  return wholeSeries(await selectArrays(db, READS.chunks, [runId, key]), total);
}

/** Rows of [chunk, point count, blob] as chunks, when they hold exactly `total` points. */
function wholeSeries(
  rows: unknown[][],
  total: number,
): Map<number, ChunkPoints> | undefined {
  const chunks = new Map<number, ChunkPoints>();
  for (const [i, [chunk, pointCount, blob]] of rows.entries()) {
    const count = Number(pointCount);
    const expected = i < rows.length - 1 ? CHUNK_SIZE : total - i * CHUNK_SIZE;
    if (Number(chunk) !== i || count !== expected) {
      return undefined;
    }
    chunks.set(i, new ChunkPoints(blob as Buffer, count));
  }
  return rows.length === Math.ceil(total / CHUNK_SIZE) ? chunks : undefined;
}

/** Whether a history of `total` points reads every chunk rather than the blocks' summaries. */
function readsEveryChunk(total: number, buckets: number): boolean {
  return Math.ceil(total / CHUNK_SIZE) <= 2 * buckets + 2;
}

/**
 * A series' stored point count and, when it is long enough to be chunked and short enough that
 * its history reads every chunk (10,000 points to 1,000: 157 chunks), its downsampled history,
 * in one statement: one snapshot without a transaction, one round trip where the general path
 * takes five. Undefined when the run has no such metric; `points` undefined when the general path
 * must answer (the count is outside those bounds, or the chunks do not hold every point).
 */
export async function readShortChunkedHistory(
  db: Knex,
  runId: string,
  key: string,
  maxPoints: number,
): Promise<{ total: number; points?: MetricSeriesPoint[] } | undefined> {
  const buckets = Math.floor((maxPoints - 1) / POINTS_PER_BUCKET);
  const from = Math.max(maxPoints + 1, CHUNKED_FROM);
  const to = CHUNK_SIZE * (2 * buckets + 2);
  const rows = await selectArrays(
    db,
    READS.countAndChunks,
    [from, to, runId, key],
    3,
  );
  if (!rows.length) {
    return undefined;
  }
  const total = Number(rows[0][0]);
  if (total < from || total > to || !readsEveryChunk(total, buckets)) {
    return { total };
  }
  const chunks = wholeSeries(
    rows.map(row => row.slice(1)),
    total,
  );
  return {
    total,
    points:
      chunks &&
      (await readChunkedHistory(db, runId, key, total, maxPoints, chunks)),
  };
}

/*
 * The series' chunk summary records, RECORD numbers per chunk in chunk order, or undefined when
 * its blocks do not describe exactly `total` points in full chunks.
 */
async function readSummaryRecords(
  db: Knex,
  runId: string,
  key: string,
  total: number,
): Promise<Float64Array | undefined> {
  const rows = await selectArrays(db, READS.blocks, [runId, key]);
  const consistent = rows.every(
    ([block, chunkCount, summaries], i) =>
      Number(block) === i &&
      (summaries as Buffer).length === Number(chunkCount) * RECORD * 8 &&
      (i === rows.length - 1 || Number(chunkCount) === BLOCK_SIZE),
  );
  if (!consistent) {
    return undefined;
  }
  const records = decodeFloat64s(rows.map(r => r[2] as Buffer));
  const chunks = records.length / RECORD;
  for (let c = 0; c < chunks; c++) {
    const expected = c < chunks - 1 ? CHUNK_SIZE : total - c * CHUNK_SIZE;
    if (records[c * RECORD + COUNT] !== expected) {
      return undefined;
    }
  }
  return chunks === Math.ceil(total / CHUNK_SIZE) ? records : undefined;
}

/**
 * The downsampled history of a chunked series, or undefined when the series' chunks and blocks
 * do not hold its `total` points (not chunked, or chunked before its last write): the caller then
 * reads metric_points. `total` must be more than `maxPoints`.
 */
export async function readChunkedHistory(
  db: Knex,
  runId: string,
  key: string,
  total: number,
  maxPoints: number,
  every?: Map<number, ChunkPoints>,
): Promise<MetricSeriesPoint[] | undefined> {
  const buckets = Math.floor((maxPoints - 1) / POINTS_PER_BUCKET);
  // With about as many chunks as buckets, every chunk is read and scanned; otherwise the
  // summaries answer for the chunks wholly inside a bucket.
  const everyChunk = readsEveryChunk(total, buckets);
  const records = everyChunk
    ? new Float64Array(0)
    : await readSummaryRecords(db, runId, key, total);
  const loaded = everyChunk
    ? (every ?? (await readAllChunks(db, runId, key, total)))
    : new Map<number, ChunkPoints>();
  if (!records || !loaded) {
    return undefined;
  }
  const load = async (chunks: Iterable<number>) => {
    const missing = [...new Set(chunks)].filter(c => !loaded.has(c));
    if (!missing.length) {
      return;
    }
    const rows = await selectArrays(db, READS.someChunks, [
      runId,
      key,
      missing,
    ]);
    for (const [chunk, pointCount, blob] of rows) {
      loaded.set(
        Number(chunk),
        new ChunkPoints(blob as Buffer, Number(pointCount)),
      );
    }
  };

  const ranges: [number, number][] =
    buckets === 0
      ? [[0, total]]
      : Array.from({ length: buckets }, (_, b) => [
          Math.floor((b * total) / buckets),
          Math.floor(((b + 1) * total) / buckets),
        ]);
  // The chunks a bucket starts and ends in, which it may hold only part of (their points answer;
  // everyChunk chunks' summaries do), and the last point's.
  await load([
    ...ranges.flatMap(([start, end]) => [
      Math.floor(start / CHUNK_SIZE),
      Math.floor((end - 1) / CHUNK_SIZE),
    ]),
    Math.floor((total - 1) / CHUNK_SIZE),
  ]);

  const pick = (start: number, end: number): Picks => {
    let nan = -1;
    let min = -1;
    let max = -1;
    let minValue = 0;
    let maxValue = 0;
    // Chunk by chunk (every chunk holds CHUNK_SIZE points but the last, as the records said).
    for (let i = start; i < end;) {
      const chunk = Math.floor(i / CHUNK_SIZE);
      const chunkStart = chunk * CHUNK_SIZE;
      const chunkEnd = Math.min(chunkStart + CHUNK_SIZE, total);
      const stop = Math.min(end, chunkEnd);
      if (!everyChunk && i === chunkStart && stop === chunkEnd) {
        const r = chunk * RECORD;
        if (nan < 0 && records[r + NAN_OFFSET] >= 0) {
          nan = chunkStart + records[r + NAN_OFFSET];
        }
        // Strict comparisons: the chunk's extreme beats an equal one of a later chunk only, as
        // in a scan. A chunk has a minimum exactly when it has a maximum.
        if (records[r + MIN_OFFSET] >= 0) {
          if (min < 0 || records[r + MIN_VALUE] < minValue) {
            min = chunkStart + records[r + MIN_OFFSET];
            minValue = records[r + MIN_VALUE];
          }
          if (max < 0 || records[r + MAX_VALUE] > maxValue) {
            max = chunkStart + records[r + MAX_OFFSET];
            maxValue = records[r + MAX_VALUE];
          }
        }
      } else {
        const points = loaded.get(chunk)!;
        for (let j = i; j < stop; j++) {
          const value = points.value(j - chunkStart);
          if (Number.isNaN(value)) {
            if (nan < 0) nan = j;
            continue;
          }
          if (min < 0 || value < minValue) {
            min = j;
            minValue = value;
          }
          if (max < 0 || value > maxValue) {
            max = j;
            maxValue = value;
          }
        }
      }
      i = stop;
    }
    return { nan, min, max, first: start };
  };

  const last = total - 1;
  const kept = new Set<number>();
  const addUpTo = (into: Set<number>, indices: number[], limit: number) => {
    for (const index of indices) {
      if (into.size >= limit) return;
      if (index >= 0) into.add(index);
    }
  };
  if (buckets === 0) {
    const { nan, min, max, first } = pick(0, total);
    addUpTo(kept, [last, nan, max, min, first], maxPoints);
  } else {
    for (const [start, end] of ranges) {
      const { nan, min, max, first } = pick(start, end);
      const inBucket = new Set<number>();
      addUpTo(inBucket, [nan, min, max, first], POINTS_PER_BUCKET);
      inBucket.forEach(index => kept.add(index));
    }
    kept.add(last);
  }
  const indices = [...kept].sort((a, b) => a - b);
  // A kept point of a chunk not read is one of its summary's picks.
  const fromSummary = (index: number): MetricSeriesPoint | undefined => {
    const r = Math.floor(index / CHUNK_SIZE) * RECORD;
    const offset = index % CHUNK_SIZE;
    if (records[r + NAN_OFFSET] === offset) {
      return {
        step: records[r + NAN_STEP],
        timestamp: records[r + NAN_TIMESTAMP],
        value: NaN,
      };
    }
    if (records[r + MIN_OFFSET] === offset) {
      return {
        step: records[r + MIN_STEP],
        timestamp: records[r + MIN_TIMESTAMP],
        value: records[r + MIN_VALUE],
      };
    }
    if (records[r + MAX_OFFSET] === offset) {
      return {
        step: records[r + MAX_STEP],
        timestamp: records[r + MAX_TIMESTAMP],
        value: records[r + MAX_VALUE],
      };
    }
    return undefined;
  };
  const point = (index: number) =>
    loaded.get(Math.floor(index / CHUNK_SIZE))?.point(index % CHUNK_SIZE) ??
    fromSummary(index);
  await load(
    indices.filter(i => !point(i)).map(i => Math.floor(i / CHUNK_SIZE)),
  );
  return indices.map(point) as MetricSeriesPoint[];
}
