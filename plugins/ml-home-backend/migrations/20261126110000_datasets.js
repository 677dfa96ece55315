/*
 * Datasets and feature sets of a project, with the schema of their features, and the datasets each
 * run read (lineage: dataset → run → model version).
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('datasets', table => {
    table.comment('Training sets, evaluation sets and feature sets');
    table.string('id', 36).notNullable().comment('UUID');
    table.primary(['id'], 'datasets_pk');
    table.string('project_id', 36).notNullable().references('id').inTable('projects').onDelete('CASCADE');
    table.string('name', 63).notNullable().comment('Slug, unique in the project');
    table.string('kind', 32).notNullable().comment('training-set | evaluation-set | feature-set');
    table.text('uri').notNullable().defaultTo('');
    table.text('description').notNullable().defaultTo('');
    table.text('features').notNullable().defaultTo('[]').comment('JSON array of { name, type, description }');
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.unique(['project_id', 'name'], { indexName: 'datasets_project_name_uq' });
    table.index(['kind', 'name'], 'datasets_kind_idx');
  });

  await knex.schema.createTable('run_inputs', table => {
    table.comment('Datasets a run read');
    table.string('run_id', 32).notNullable().references('id').inTable('runs').onDelete('CASCADE');
    table.string('dataset_id', 36).notNullable().references('id').inTable('datasets').onDelete('CASCADE');
    table.primary(['run_id', 'dataset_id'], 'run_inputs_pk');
    table.index(['dataset_id', 'run_id'], 'run_inputs_dataset_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('run_inputs');
  await knex.schema.dropTable('datasets');
};
