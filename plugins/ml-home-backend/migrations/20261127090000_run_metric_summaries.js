/*
 * Each run carries its latest metrics folded into one JSON text, `runs.metrics_summary`, written
 * in the same transaction as `latest_metrics` (which stays the source for filters and sorting).
 * A comparison of 100 runs with 500 metrics each reads 100 texts instead of 50,000 rows: fetched
 * as rows, each costs more crossing from the driver into JavaScript than the database spends
 * finding it. Existing runs are backfilled here.
 */

// @ts-check

/**
 * The same expression as src/database/metricSummaries.ts (a migration must not change when the
 * code does, so it keeps its own copy).
 * @param {import('knex').Knex} knex
 */
function summaryOfRun(knex) {
  const client = knex.client.config.client;
  if (client === 'pg') {
    return `(select json_build_object('k', coalesce(json_agg(lm.key order by lm.key), '[]'), 'v', coalesce(json_agg(case when lm.is_nan then 'NaN'::float8 else lm.value end order by lm.key), '[]'), 'lo', coalesce(json_agg(lm.min_value order by lm.key), '[]'), 'hi', coalesce(json_agg(lm.max_value order by lm.key), '[]'))::text from latest_metrics lm where lm.run_id = runs.id)`;
  }
  if (client === 'better-sqlite3' || client === 'sqlite3') {
    return `(select json_object('k', json_group_array(lm.key order by lm.key), 'v', json_group_array(case when lm.is_nan then 'NaN' else lm.value end order by lm.key), 'lo', json_group_array(lm.min_value order by lm.key), 'hi', json_group_array(lm.max_value order by lm.key)) from latest_metrics lm where lm.run_id = runs.id)`;
  }
  return undefined;
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('runs', table => {
    table
      .text('metrics_summary')
      .nullable()
      .comment(
        'JSON {k: keys, v: latest values (NaN as "NaN"), lo: min_value, hi: max_value} of the run\'s latest_metrics rows, as columns in key order; null = not computed, read latest_metrics',
      );
  });
  const summary = summaryOfRun(knex);
  if (summary) {
    await knex('runs').update({ metrics_summary: knex.raw(summary) });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const client = knex.client.config.client;
  if (client === 'better-sqlite3' || client === 'sqlite3') {
    // SQLite (3.35+) drops a plain column in place. Knex's dropColumn rebuilds the table instead,
    // and dropping the old table cascades to every table that references runs.
    await knex.raw('alter table runs drop column metrics_summary');
    return;
  }
  await knex.schema.alterTable('runs', table => {
    table.dropColumn('metrics_summary');
  });
};
