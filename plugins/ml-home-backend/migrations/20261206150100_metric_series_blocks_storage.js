/*
 * PostgreSQL keeps a block’s summaries (6 KB) out of line and uncompressed: a history reads every
 * block of a series, and decompressing them cost more than reading the larger pages (about half
 * the block read, measured on a million points). Rows written before keep their compression until
 * ingestion rewrites them. SQLite stores blobs as they are: nothing to do there.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      'alter table metric_series_blocks alter column summaries set storage external',
    );
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      'alter table metric_series_blocks alter column summaries set storage extended',
    );
  }
};
