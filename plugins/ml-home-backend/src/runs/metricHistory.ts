/*
 * Reads one metric's history for charting. Every query here is keyed by run
 * and metric key, the leading columns of metric_points' primary key, so the
 * table can later be partitioned by run (DESIGN.md §8).
 */

import { InputError } from '@backstage/errors';
import {
  MetricSeriesPoint,
  downsampleSeries,
} from '@ml-home/plugin-ml-home-common';
import { Knex } from 'knex';
import { DbBigInt, DbBoolean } from '../database/rows';
import {
  CHUNKED_FROM,
  readChunkedHistory,
  readShortChunkedHistory,
} from './metricSeriesChunks';

/**
 * Options of {@link queryMetricHistory}.
 *
 * @internal
 */
export interface MetricHistoryOptions {
  runId: string;
  key: string;
  /** A positive integer: the most points to return. */
  maxPoints: number;
}

/**
 * The result of {@link queryMetricHistory}.
 *
 * @internal
 */
export interface MetricHistory {
  /** Sorted by step, then timestamp; NaN values are `NaN`. */
  points: MetricSeriesPoint[];
  /** Points stored for the run and key, before any downsampling. */
  totalPoints: number;
  /** Whether `points` is a downsampled selection rather than the whole series. */
  downsampled: boolean;
}

/**
 * Series longer than this are downsampled inside the database, so a run that
 * logged millions of points does not stream them all to Node for a chart of
 * a thousand.
 *
 * @internal
 */
export const SQL_DOWNSAMPLE_THRESHOLD = 50_000;

/* Must match the bucket layout of downsampleSeries in -common. */
const POINTS_PER_BUCKET = 3;

/*
 * The primary key's column order after (run_id, key), so PostgreSQL can read
 * the series in index order; value and is_nan only settle points logged
 * twice at one step and time, for a deterministic result.
 */
const SERIES_ORDER = '"step", "timestamp", "value", "is_nan"';

type PointRow = {
  step: DbBigInt;
  timestamp: DbBigInt;
  value: number;
  is_nan: DbBoolean;
};

/* A point the SQL path may keep, with the picks of its bucket. */
type CandidateRow = PointRow & {
  i: DbBigInt;
  n: DbBigInt;
  b: DbBigInt;
  first_i: DbBigInt;
  nan_i: DbBigInt | null;
  min_i: DbBigInt | null;
  max_i: DbBigInt | null;
};

function toPoint(row: PointRow): MetricSeriesPoint {
  return {
    step: Number(row.step),
    value: row.is_nan ? NaN : Number(row.value),
    timestamp: Number(row.timestamp),
  };
}

/*
 * The SQL form of downsampleSeries: number the points, put them in the same
 * equal-count buckets, and return only the points a bucket may keep (its
 * first point, earliest NaN, earliest minimum and earliest maximum) plus the
 * series' last point: at most four rows a bucket, with the bucket's picks.
 *
 * Only window functions, no joins: a join's plan depends on row estimates,
 * and a stale estimate for one long run made PostgreSQL pick nested loops
 * that went quadratic. Partitioning by bucket needs one sort, where one
 * row_number() per pick needed four. The point count comes from the same
 * statement, so points appended meanwhile cannot skew the buckets.
 * `bucketCount` is at least one.
 */
async function selectCandidates(
  knex: Knex,
  runId: string,
  key: string,
  bucketCount: number,
): Promise<CandidateRow[]> {
  // Bucket b spans indices [floor(b*n/B), floor((b+1)*n/B)), so index i
  // falls in floor(((i+1)*B-1)/n). The binding is cast because SQLite binds
  // a JavaScript number as REAL, and the division must truncate.
  const result = await knex.raw(
    `
    WITH numbered AS (
      SELECT "step", "timestamp", "value", "is_nan",
        row_number() OVER (ORDER BY ${SERIES_ORDER}) - 1 AS i,
        count(*) OVER () AS n
      FROM metric_points
      WHERE run_id = ? AND "key" = ?
    ), bucketed AS (
      SELECT numbered.*,
        ((i + 1) * CAST(? AS INTEGER) - 1) / n AS b,
        CASE WHEN "is_nan" THEN NULL ELSE "value" END AS v
      FROM numbered
    ), framed AS (
      SELECT bucketed.*,
        min(i) OVER bucket AS first_i,
        min(CASE WHEN "is_nan" THEN i END) OVER bucket AS nan_i,
        min(v) OVER bucket AS min_v,
        max(v) OVER bucket AS max_v
      FROM bucketed
      WINDOW bucket AS (PARTITION BY b)
    ), marked AS (
      SELECT framed.*,
        min(CASE WHEN v = min_v THEN i END) OVER bucket AS min_i,
        min(CASE WHEN v = max_v THEN i END) OVER bucket AS max_i
      FROM framed
      WINDOW bucket AS (PARTITION BY b)
    )
    SELECT "step", "timestamp", "value", "is_nan", i, n, b,
      first_i, nan_i, min_i, max_i
    FROM marked
    WHERE i = first_i OR i = nan_i OR i = min_i OR i = max_i OR i = n - 1
    ORDER BY i
    `,
    [runId, key, bucketCount],
  );
  // pg answers with a result object, better-sqlite3 with the rows.
  return Array.isArray(result) ? result : result.rows;
}

/*
 * Picks among the candidates exactly as downsampleSeries picks among all
 * points (the tests hold both paths to the same output).
 */
function pickCandidates(
  candidates: CandidateRow[],
  maxPoints: number,
): CandidateRow[] {
  const bucketCount = Math.floor((maxPoints - 1) / POINTS_PER_BUCKET);
  const byBucket = new Map<number, CandidateRow[]>();
  for (const row of candidates) {
    const b = Number(row.b);
    byBucket.set(b, [...(byBucket.get(b) ?? []), row]);
  }
  const addUpTo = (
    into: Set<CandidateRow>,
    picks: (CandidateRow | undefined)[],
    limit: number,
  ) => {
    for (const row of picks) {
      if (into.size >= limit) {
        return;
      }
      if (row) {
        into.add(row);
      }
    }
  };
  const kept = new Set<CandidateRow>();
  const last = candidates[candidates.length - 1];
  for (const rows of byBucket.values()) {
    const at = (i: DbBigInt | null) =>
      i === null ? undefined : rows.find(row => Number(row.i) === Number(i));
    const { first_i, nan_i, min_i, max_i } = rows[0];
    const [first, nan, min, max] = [first_i, nan_i, min_i, max_i].map(at);
    if (bucketCount === 0) {
      // Too small a budget for a bucket: one priority list for the series.
      addUpTo(kept, [last, nan, max, min, first], maxPoints);
    } else {
      const inBucket = new Set<CandidateRow>();
      addUpTo(inBucket, [nan, min, max, first], POINTS_PER_BUCKET);
      inBucket.forEach(row => kept.add(row));
    }
  }
  kept.add(last);
  return candidates.filter(row => kept.has(row));
}

/**
 * Reads the history of one metric of one run, downsampled to at most
 * `maxPoints` points when it is longer.
 *
 * @remarks
 * Downsampling is {@link @ml-home/plugin-ml-home-common#downsampleSeries}:
 * each bucket keeps its minimum, maximum and any NaN, so spikes and
 * divergence survive, and the last point is always kept. Up to
 * {@link SQL_DOWNSAMPLE_THRESHOLD} points the series is read and reduced in
 * Node; beyond it the database numbers and buckets the points with window
 * functions (PostgreSQL, SQLite 3.25 or later) and returns only each
 * bucket's candidates, with the same result.
 *
 * @param knex - a client of the ML Home database, SQLite or PostgreSQL
 * @param options - the run, the metric key and the point budget
 * @returns the points, how many are stored, and whether they were reduced
 * @throws InputError when `maxPoints` is not a positive integer
 * @internal
 */
export async function queryMetricHistory(
  knex: Knex,
  options: MetricHistoryOptions,
): Promise<MetricHistory> {
  const { runId, key, maxPoints } = options;
  if (!Number.isInteger(maxPoints) || maxPoints < 1) {
    throw new InputError(
      `Invalid maxPoints: expected a positive integer, got ${maxPoints}`,
    );
  }
  const series = () => knex('metric_points').where({ run_id: runId, key });

  // The usual long series (about as many chunks as buckets) comes with its count in one
  // statement; the others learn there whether they are chunked at all.
  const short = await readShortChunkedHistory(knex, runId, key, maxPoints);
  if (short?.points) {
    return {
      points: short.points,
      totalPoints: short.total,
      downsampled: true,
    };
  }
  // A long series is read from its chunks when they hold every point it has: summaries and
  // points from one snapshot, so that a batch committed meanwhile cannot mix two versions.
  const chunked =
    short && short.total > maxPoints && short.total >= CHUNKED_FROM
      ? await knex.transaction(
          async tx => {
            const latest: { point_count: DbBigInt } | undefined = await tx(
              'latest_metrics',
            )
              .where({ run_id: runId, key })
              .first('point_count');
            const stored = latest ? Number(latest.point_count) : 0;
            if (stored <= maxPoints || stored < CHUNKED_FROM) {
              return undefined;
            }
            const points = await readChunkedHistory(
              tx,
              runId,
              key,
              stored,
              maxPoints,
            );
            return points && { points, totalPoints: stored, downsampled: true };
          },
          knex.client.config.client === 'pg'
            ? { isolationLevel: 'repeatable read', readOnly: true }
            : undefined,
        )
      : undefined;
  if (chunked) {
    return chunked;
  }

  const [{ n }] = await series().count({ n: '*' });
  if (Number(n) > SQL_DOWNSAMPLE_THRESHOLD && Number(n) > maxPoints) {
    const bucketCount = Math.max(
      1,
      Math.floor((maxPoints - 1) / POINTS_PER_BUCKET),
    );
    const candidates = await selectCandidates(knex, runId, key, bucketCount);
    // Points may have arrived since the count; the candidates' own count is
    // the one they were bucketed by.
    const total = candidates.length ? Number(candidates[0].n) : 0;
    if (total > maxPoints) {
      return {
        points: pickCandidates(candidates, maxPoints).map(toPoint),
        totalPoints: total,
        downsampled: true,
      };
    }
  }

  const rows: PointRow[] = await series()
    .select('step', 'timestamp', 'value', 'is_nan')
    .orderByRaw(SERIES_ORDER);
  const points = rows.map(toPoint);
  const downsampled = points.length > maxPoints;
  return {
    points: downsampled ? downsampleSeries(points, maxPoints) : points,
    totalPoints: points.length,
    downsampled,
  };
}
