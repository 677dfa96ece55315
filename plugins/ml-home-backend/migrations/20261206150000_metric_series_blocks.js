/*
 * A second level over the chunks of long metric series: one row per 64 chunks holding their
 * summaries packed into one blob, each with the step and timestamp of the points it picks. A
 * history of a million points then reads 245 block rows and about one chunk per bucket instead of
 * 15,625 summaries and the chunk of every pick. Written by batch ingestion in the batch’s
 * transaction beside the chunks; this migration writes the blocks of every series chunked
 * before it. The chunks’ summary index, which only that read used, goes.
 */

// @ts-check

const BLOCK_SIZE = 64;

/**
 * The summary record of one chunk, from its stored points, as src/runs/metricSeriesChunks.ts
 * writes it: 12 numbers, the point count, then offset, step and timestamp of the first NaN, then
 * offset, value, step and timestamp of the first minimum and of the first maximum (offset -1 and
 * zeros when absent).
 *
 * @param {Buffer} points point_count steps, timestamps, then values, little-endian float64s
 * @param {number} count
 * @returns {number[]}
 */
function summaryRecord(points, count) {
  const step = (/** @type {number} */ i) => points.readDoubleLE(i * 8);
  const timestamp = (/** @type {number} */ i) =>
    points.readDoubleLE((count + i) * 8);
  const value = (/** @type {number} */ i) =>
    points.readDoubleLE((2 * count + i) * 8);
  let nan = -1;
  let min = -1;
  let max = -1;
  for (let i = 0; i < count; i++) {
    const v = value(i);
    if (Number.isNaN(v)) {
      if (nan < 0) nan = i;
      continue;
    }
    if (min < 0 || v < value(min)) min = i;
    if (max < 0 || v > value(max)) max = i;
  }
  const at = (/** @type {number} */ i) =>
    i < 0 ? [-1, 0, 0] : [i, step(i), timestamp(i)];
  const [minOffset, minStep, minTimestamp] = at(min);
  const [maxOffset, maxStep, maxTimestamp] = at(max);
  return [
    count,
    ...at(nan),
    minOffset,
    min < 0 ? 0 : value(min),
    minStep,
    minTimestamp,
    maxOffset,
    max < 0 ? 0 : value(max),
    maxStep,
    maxTimestamp,
  ];
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('metric_series_blocks', table => {
    table.comment(
      'Summaries of 64 consecutive chunks of a long metric series in one row, for downsampling a long series from few rows',
    );
    table
      .string('run_id', 32)
      .notNullable()
      .references('id')
      .inTable('runs')
      .onDelete('CASCADE');
    table.string('key', 250).notNullable();
    table
      .integer('block')
      .notNullable()
      .comment(
        'Block b holds the summaries of chunks 64b to 64b + chunk_count - 1',
      );
    table
      .integer('chunk_count')
      .notNullable()
      .comment('64, or fewer in the series’ last block');
    table
      .binary('summaries')
      .notNullable()
      .comment(
        'Per chunk 12 little-endian float64s: point count; offset, step, timestamp of its first NaN; offset, value, step, timestamp of its first minimum; the same of its first maximum (offset -1 when absent)',
      );
    table.primary(['run_id', 'key', 'block'], 'metric_series_blocks_pk');
  });

  const series = await knex('metric_series_chunks')
    .distinct('run_id', 'key')
    .orderBy(['run_id', 'key']);
  for (const { run_id: runId, key } of series) {
    const chunks = await knex('metric_series_chunks')
      .where({ run_id: runId, key })
      .orderBy('chunk')
      .select('chunk', 'point_count', 'points');
    // A series whose chunks have a gap is left without blocks: it is read from its points.
    if (chunks.some((c, i) => Number(c.chunk) !== i)) {
      continue;
    }
    const rows = [];
    for (let b = 0; b * BLOCK_SIZE < chunks.length; b++) {
      const members = chunks.slice(b * BLOCK_SIZE, (b + 1) * BLOCK_SIZE);
      const records = members.flatMap(c =>
        summaryRecord(c.points, Number(c.point_count)),
      );
      const summaries = Buffer.alloc(records.length * 8);
      records.forEach((v, i) => summaries.writeDoubleLE(v, i * 8));
      rows.push({
        run_id: runId,
        key,
        block: b,
        chunk_count: members.length,
        summaries,
      });
    }
    for (let i = 0; i < rows.length; i += 50) {
      await knex('metric_series_blocks').insert(rows.slice(i, i + 50));
    }
  }

  await knex.schema.alterTable('metric_series_chunks', table => {
    table.dropIndex([], 'metric_series_chunks_summary_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
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
  await knex.schema.dropTable('metric_series_blocks');
};
