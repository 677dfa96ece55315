/*
 * A long metric series is also kept in chunks of 64 consecutive points (in the series' order:
 * step, timestamp, value, is_nan), each with where its first minimum, first maximum and first NaN
 * are. A chart of a million points reads the chunks' summaries (15,625 small rows) and the
 * points of the few hundred chunks a bucket boundary or a pick falls in, instead of numbering a
 * million rows. Written by batch ingestion in the batch's transaction, for series of 4,096 points
 * or more; a series without chunks (shorter, or last written before this migration) is read from
 * metric_points as before, and gets its chunks at its next write.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('metric_series_chunks', table => {
    table.comment(
      'Long metric series in chunks of 64 consecutive points with each chunk’s first minimum, maximum and NaN, for downsampling without reading every point',
    );
    table
      .string('run_id', 32)
      .notNullable()
      .references('id')
      .inTable('runs')
      .onDelete('CASCADE');
    table.string('key', 250).notNullable();
    table
      .integer('chunk')
      .notNullable()
      .comment(
        'Chunk c holds the points at positions 64c to 64c + point_count - 1 of the series',
      );
    table
      .integer('point_count')
      .notNullable()
      .comment('64, or fewer in the series’ last chunk');
    table
      .integer('min_offset')
      .nullable()
      .comment(
        'Position in the chunk of its first smallest non-NaN value; null when every value is NaN',
      );
    table.double('min_value').nullable();
    table
      .integer('max_offset')
      .nullable()
      .comment('Position in the chunk of its first largest non-NaN value');
    table.double('max_value').nullable();
    table
      .integer('nan_offset')
      .nullable()
      .comment('Position in the chunk of its first NaN; null when none');
    table
      .binary('points')
      .notNullable()
      .comment(
        'point_count steps, then point_count timestamps, then point_count values, each a little-endian float64 (NaN as NaN)',
      );
    table.primary(['run_id', 'key', 'chunk'], 'metric_series_chunks_pk');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('metric_series_chunks');
};
