/*
 * Declared metric directions: which way a metric is better, said by a project for its metrics and
 * by a model for its own. Comparisons, evaluation deltas and the certification's regression check
 * read them before falling back to a guess from the metric's name.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('project_metric_directions', table => {
    table.comment(
      'Which way a project’s metrics are better, as its owners declared',
    );
    table
      .string('project_id', 36)
      .notNullable()
      .references('id')
      .inTable('projects')
      .onDelete('CASCADE');
    table.string('metric', 250).notNullable().comment('The metric key');
    table
      .string('direction', 8)
      .notNullable()
      .comment('higher or lower: which way the metric is better');
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.primary(['project_id', 'metric'], 'project_metric_directions_pk');
  });
  await knex.schema.createTable('model_metric_directions', table => {
    table.comment(
      'Which way the metrics of a model are better, over the declarations of its project',
    );
    table
      .string('model_id', 36)
      .notNullable()
      .references('id')
      .inTable('models')
      .onDelete('CASCADE');
    table.string('metric', 250).notNullable().comment('The metric key');
    table
      .string('direction', 8)
      .notNullable()
      .comment('higher or lower: which way the metric is better');
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.primary(['model_id', 'metric'], 'model_metric_directions_pk');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('model_metric_directions');
  await knex.schema.dropTable('project_metric_directions');
};
