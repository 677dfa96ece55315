/*
 * Each ingestion request's idempotency key keeps a hash of the request it was first used for, so
 * that the key reused for a different batch is refused (409) instead of answered with the first
 * call's result while the new data is dropped. Keys recorded before have no hash and replay as
 * they did.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ingestion_requests', table => {
    table
      .string('request_hash', 64)
      .nullable()
      .comment(
        'SHA-256 (hex) of the canonical JSON of the whole request; null for requests recorded before it was kept, which replay whatever is sent',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const client = knex.client.config.client;
  if (client === 'better-sqlite3' || client === 'sqlite3') {
    // SQLite (3.35+) drops a plain column in place; knex's dropColumn would rebuild the table
    // (see 20261127090000_run_metric_summaries.js for what a rebuild can cascade to).
    await knex.raw('alter table ingestion_requests drop column request_hash');
    return;
  }
  await knex.schema.alterTable('ingestion_requests', table => {
    table.dropColumn('request_hash');
  });
};
