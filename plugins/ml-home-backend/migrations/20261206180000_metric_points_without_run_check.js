/*
 * On PostgreSQL, metric points no longer check their run's foreign key row by row.
 *
 * The check was a trigger per point: for a 10,000-point batch, 10,000 look-ups of the run that the
 * same transaction had just inserted or locked. It was the largest single cost of ingestion on
 * PostgreSQL (a batch's points went in at 75,000-87,000 points/s with it and 100,000-108,000
 * without it, measured side by side). What it guarded is held by the write paths instead:
 *
 * - points are written only by the batch ingestion, the MLflow door and the MLflow importer,
 *   each in the transaction that inserts the run or finds and locks it first (the door answers
 *   RESOURCE_DOES_NOT_EXIST for an unknown run);
 * - ML Home never deletes a run row (a deleted run is a lifecycle stage), so the cascade had
 *   nothing to do. Whoever deletes runs by hand deletes their metric_points too.
 *
 * SQLite keeps the key: dropping it there means rebuilding the whole table, and its check is a
 * smaller part of a batch (about a tenth).
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.schema.alterTable('metric_points', table => {
    table.dropForeign(['run_id']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.schema.alterTable('metric_points', table => {
    table
      .foreign('run_id')
      .references('id')
      .inTable('runs')
      .onDelete('CASCADE');
  });
};
