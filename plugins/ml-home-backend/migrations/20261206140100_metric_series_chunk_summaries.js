/*
 * The chunks' summaries in an index of their own: a history reads every summary of a series
 * (15,625 for a million points) but the points of only a few hundred chunks. Stored beside 1.5 KB
 * of points, each summary costs a page read; from this index, which covers the query, a few
 * hundred summaries share a page.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('metric_series_chunks', table => {
    table.index(
      [
        'run_id',
        'key',
        'chunk',
        'point_count',
        'min_offset',
        'min_value',
        'max_offset',
        'max_value',
        'nan_offset',
      ],
      'metric_series_chunks_summary_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('metric_series_chunks', table => {
    table.dropIndex([], 'metric_series_chunks_summary_idx');
  });
};
