/*
 * Long metric series, also kept in chunks of CHUNK_SIZE consecutive points (table
 * metric_series_chunks): how they are written at ingestion and how a downsampled history is
 * read from them with exactly the answer of downsampleSeries over every point.
 *
 * downsampleSeries cuts a series into equal-count buckets and keeps, per bucket, its first point,
 * its earliest NaN, its earliest minimum and its earliest maximum. A bucket is a run of whole
 * chunks, whose picks their summaries give, between at most two partial chunks, whose points are
 * read. So a history of n points reads n / 64 summaries and the points of about two chunks per
 * bucket, whatever n is.
 */
import { MetricSeriesPoint } from '@ml-home/plugin-ml-home-common';
import { Knex } from 'knex';
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

function chunkRow(
  runId: string,
  key: string,
  chunk: number,
  points: readonly StoredPoint[],
): ChunkRow {
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

/** Writes `points` as the series' chunks from chunk `first` on. */
async function writeChunks(
  db: Knex,
  runId: string,
  key: string,
  first: number,
  points: readonly StoredPoint[],
): Promise<void> {
  const rows: ChunkRow[] = [];
  for (let i = 0; i < points.length; i += CHUNK_SIZE) {
    rows.push(
      chunkRow(
        runId,
        key,
        first + i / CHUNK_SIZE,
        points.slice(i, i + CHUNK_SIZE),
      ),
    );
  }
  await bulkInsert(db, {
    table: 'metric_series_chunks',
    columns: CHUNK_COLUMNS,
    rows,
    onConflict: UPSERT_CHUNK,
  });
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
 * Brings a series' chunks up to date after a batch, in the batch's transaction. Points that all
 * come after the series' last stored point (training logs in step order) extend the last chunk
 * and add new ones; anything else (a point logged out of order, a series that just reached
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

/**
 * A chunk's summary as a row of values, in this order (a million points have 15,625 of them:
 * arrays cost less to fetch than objects).
 */
type ChunkSummary = [
  chunk: number,
  pointCount: number,
  minOffset: number | null,
  minValue: number | null,
  maxOffset: number | null,
  maxValue: number | null,
  nanOffset: number | null,
];
const [
  CHUNK,
  POINT_COUNT,
  MIN_OFFSET,
  MIN_VALUE,
  MAX_OFFSET,
  MAX_VALUE,
  NAN_OFFSET,
] = [0, 1, 2, 3, 4, 5, 6] as const;

const SUMMARY_COLUMNS = [
  'chunk',
  'point_count',
  'min_offset',
  'min_value',
  'max_offset',
  'max_value',
  'nan_offset',
];
const SUMMARIES_SQL = `select ${SUMMARY_COLUMNS.map(c => `"${c}"`).join(
  ', ',
)} from metric_series_chunks where run_id = $1 and "key" = $2 order by chunk`;

/** A series' chunk summaries in chunk order, as arrays straight from the driver where it can. */
async function readSummaries(
  db: Knex,
  runId: string,
  key: string,
): Promise<ChunkSummary[]> {
  const driver = await driverConnection(db);
  if (driver?.dialect === 'sqlite') {
    // A statement of its own: raw mode stays set on the cached statement.
    return preparedStatement(
      driver.connection,
      SUMMARIES_SQL.replace('$1', '?').replace('$2', '?'),
    )
      .raw(true)
      .all(runId, key) as ChunkSummary[];
  }
  if (driver?.dialect === 'pg') {
    const { rows } = await driver.connection.query({
      text: SUMMARIES_SQL,
      values: [runId, key],
      rowMode: 'array',
    });
    return rows as ChunkSummary[];
  }
  const rows: Record<string, number | null>[] = await db('metric_series_chunks')
    .where({ run_id: runId, key })
    .orderBy('chunk')
    .select(SUMMARY_COLUMNS);
  return rows.map(r => SUMMARY_COLUMNS.map(c => r[c]) as ChunkSummary);
}

/* Indices (-1 when absent) of the points a bucket may keep, as downsampleSeries' pick(). */
interface Picks {
  nan: number;
  min: number;
  max: number;
  first: number;
}

/**
 * The downsampled history of a chunked series, or undefined when the series' chunks do not hold
 * its `total` points (not chunked, or chunked before its last write): the caller then reads
 * metric_points. `total` must be more than `maxPoints`.
 */
export async function readChunkedHistory(
  db: Knex,
  runId: string,
  key: string,
  total: number,
  maxPoints: number,
): Promise<MetricSeriesPoint[] | undefined> {
  const summaries = await readSummaries(db, runId, key);
  const count = summaries.length;
  if (
    !count ||
    Number(summaries[count - 1][CHUNK]) !== count - 1 ||
    (count - 1) * CHUNK_SIZE + Number(summaries[count - 1][POINT_COUNT]) !==
      total
  ) {
    return undefined;
  }
  const loaded = new Map<number, ChunkPoints>();
  const load = async (chunks: Iterable<number>) => {
    const missing = [...new Set(chunks)].filter(c => !loaded.has(c));
    for (let i = 0; i < missing.length; i += 500) {
      const rows: Pick<ChunkRow, 'chunk' | 'point_count' | 'points'>[] =
        await db('metric_series_chunks')
          .where({ run_id: runId, key })
          .whereIn('chunk', missing.slice(i, i + 500))
          .select('chunk', 'point_count', 'points');
      for (const r of rows) {
        loaded.set(
          Number(r.chunk),
          new ChunkPoints(r.points, Number(r.point_count)),
        );
      }
    }
  };

  const buckets = Math.floor((maxPoints - 1) / POINTS_PER_BUCKET);
  const ranges: [number, number][] =
    buckets === 0
      ? [[0, total]]
      : Array.from({ length: buckets }, (_, b) => [
          Math.floor((b * total) / buckets),
          Math.floor(((b + 1) * total) / buckets),
        ]);
  // A piece of a bucket is a whole chunk (its summary answers) or a part of one (its points do).
  const pieces = function* (start: number, end: number) {
    for (let i = start; i < end;) {
      const chunk = Math.floor(i / CHUNK_SIZE);
      const chunkStart = chunk * CHUNK_SIZE;
      const chunkEnd = chunkStart + Number(summaries[chunk][POINT_COUNT]);
      const stop = Math.min(end, chunkEnd);
      yield {
        chunk,
        chunkStart,
        from: i,
        to: stop,
        whole: i === chunkStart && stop === chunkEnd,
      };
      i = stop;
    }
  };
  await load(
    ranges.flatMap(([start, end]) =>
      [...pieces(start, end)].filter(p => !p.whole).map(p => p.chunk),
    ),
  );

  const pick = (start: number, end: number): Picks => {
    let nan = -1;
    let min = -1;
    let max = -1;
    let minValue = 0;
    let maxValue = 0;
    const consider = (index: number, value: number) => {
      if (min < 0 || value < minValue) {
        min = index;
        minValue = value;
      }
      if (max < 0 || value > maxValue) {
        max = index;
        maxValue = value;
      }
    };
    for (const piece of pieces(start, end)) {
      if (piece.whole) {
        const s = summaries[piece.chunk];
        if (nan < 0 && s[NAN_OFFSET] !== null) {
          nan = piece.chunkStart + Number(s[NAN_OFFSET]);
        }
        // Strict comparisons: the chunk's extreme beats an equal one of a later piece only,
        // as in a scan.
        if (s[MIN_OFFSET] !== null) {
          const value = Number(s[MIN_VALUE]);
          if (min < 0 || value < minValue) {
            min = piece.chunkStart + Number(s[MIN_OFFSET]);
            minValue = value;
          }
        }
        if (s[MAX_OFFSET] !== null) {
          const value = Number(s[MAX_VALUE]);
          if (max < 0 || value > maxValue) {
            max = piece.chunkStart + Number(s[MAX_OFFSET]);
            maxValue = value;
          }
        }
        continue;
      }
      const points = loaded.get(piece.chunk)!;
      for (let i = piece.from; i < piece.to; i++) {
        const value = points.value(i - piece.chunkStart);
        if (Number.isNaN(value)) {
          if (nan < 0) nan = i;
        } else {
          consider(i, value);
        }
      }
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
  await load(indices.map(i => Math.floor(i / CHUNK_SIZE)));
  return indices.map(i =>
    loaded.get(Math.floor(i / CHUNK_SIZE))!.point(i % CHUNK_SIZE),
  );
}
