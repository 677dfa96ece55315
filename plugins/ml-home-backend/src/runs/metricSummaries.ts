/*
 * `runs.metrics_summary`: a run's latest_metrics rows folded into one JSON text of columns in
 * key order, {k: keys, v: latest values, lo: minimums, hi: maximums}, rewritten in the
 * transaction that changes the rows. A comparison of 100 runs with 500 metrics reads 100 of
 * these instead of 50,000 rows: row by row, crossing from the driver into JavaScript costs more
 * than the database spends finding them, and columns of numbers parse faster than rows. Both
 * databases write doubles so they read back exactly (SQLite writes ±Infinity as ±9e999,
 * PostgreSQL writes non-finite values as strings; NaN is the string "NaN" in both). A null
 * summary means "not computed" (a database this code cannot aggregate JSON in): readers fall
 * back to the rows.
 */
import { Knex } from 'knex';
import type { ComparableRun } from '../domain/types';
import { comparableMetricFromRow } from '../database/mappers';

type Metrics = ComparableRun['metrics'];

/** The SQL that computes the summary of the row `runs` it is used in, or undefined. */
function summaryOfRun(db: Knex): string | undefined {
  const client = db.client.config.client;
  if (client === 'pg') {
    return `(select json_build_object('k', coalesce(json_agg(lm.key order by lm.key), '[]'), 'v', coalesce(json_agg(case when lm.is_nan then 'NaN'::float8 else lm.value end order by lm.key), '[]'), 'lo', coalesce(json_agg(lm.min_value order by lm.key), '[]'), 'hi', coalesce(json_agg(lm.max_value order by lm.key), '[]'))::text from latest_metrics lm where lm.run_id = runs.id)`;
  }
  if (client === 'better-sqlite3' || client === 'sqlite3') {
    return `(select json_object('k', json_group_array(lm.key order by lm.key), 'v', json_group_array(case when lm.is_nan then 'NaN' else lm.value end order by lm.key), 'lo', json_group_array(lm.min_value order by lm.key), 'hi', json_group_array(lm.max_value order by lm.key)) from latest_metrics lm where lm.run_id = runs.id)`;
  }
  return undefined;
}

/** Rewrites the summaries of these runs from their latest_metrics rows. */
export async function refreshMetricSummaries(
  db: Knex,
  runIds: string[],
  chunkSize: number,
): Promise<void> {
  const summary = summaryOfRun(db);
  if (!summary) {
    return;
  }
  for (let i = 0; i < runIds.length; i += chunkSize) {
    await db('runs')
      .whereIn('id', runIds.slice(i, i + chunkSize))
      .update({ metrics_summary: db.raw(summary) });
  }
}

/** The metrics in a summary text. */
export function parseMetricSummary(text: string): Metrics {
  const { k, v, lo, hi } = JSON.parse(text) as Record<
    'k' | 'v' | 'lo' | 'hi',
    unknown[]
  >;
  const out: Metrics = new Array(k.length);
  for (let i = 0; i < k.length; i++) {
    out[i] = comparableMetricFromRow(k[i] as string, v[i], false, lo[i], hi[i]);
  }
  return out;
}

/**
 * The latest metrics of runs, by run id: from their summaries where computed, from
 * latest_metrics rows where not.
 */
export async function readRunMetrics(
  db: Knex,
  runs: { id: string; metrics_summary: string | null }[],
): Promise<Map<string, Metrics>> {
  const out = new Map<string, Metrics>();
  const missing: string[] = [];
  for (const run of runs) {
    if (run.metrics_summary === null) missing.push(run.id);
    else out.set(run.id, parseMetricSummary(run.metrics_summary));
  }
  if (missing.length) {
    const rows = await db('latest_metrics')
      .whereIn('run_id', missing)
      .select('run_id', 'key', 'value', 'is_nan', 'min_value', 'max_value');
    for (const r of rows) {
      const list = out.get(r.run_id) ?? [];
      list.push(
        comparableMetricFromRow(
          r.key,
          r.value,
          r.is_nan,
          r.min_value,
          r.max_value,
        ),
      );
      out.set(r.run_id, list);
    }
  }
  return out;
}
