/*
 * Free key/value tags of registered models and of model versions, as MLflow's model registry
 * keeps them (`registered-models/set-tag`, `model-versions/set-tag`). Experiments and runs
 * already have theirs (experiment_tags, run_tags).
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('model_tags', table => {
    table.comment(
      'Tags of registered models (MLflow registered model tags); a later value overwrites',
    );
    table
      .string('model_id', 36)
      .notNullable()
      .references('id')
      .inTable('models')
      .onDelete('CASCADE');
    table.string('key', 250).notNullable();
    table.text('value').notNullable();
    table.primary(['model_id', 'key'], 'model_tags_pk');
  });
  await knex.schema.createTable('model_version_tags', table => {
    table.comment(
      'Tags of model versions (MLflow model version tags); a later value overwrites',
    );
    table
      .string('version_id', 36)
      .notNullable()
      .references('id')
      .inTable('model_versions')
      .onDelete('CASCADE');
    table.string('key', 250).notNullable();
    table.text('value').notNullable();
    table.primary(['version_id', 'key'], 'model_version_tags_pk');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('model_version_tags');
  await knex.schema.dropTable('model_tags');
};
