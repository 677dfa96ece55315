/*
 * Offline evaluations of model versions on datasets (results per slice and metric, thresholds),
 * and the annotations any entity can carry: markdown notes with their edit history, and tags.
 * Pass/fail and baseline deltas are computed when read, never stored.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('evaluations', table => {
    table.comment('A model version evaluated on a dataset, optionally against a baseline version');
    table.string('id', 36).notNullable().comment('UUID');
    table.primary(['id'], 'evaluations_pk');
    table.string('project_id', 36).notNullable().references('id').inTable('projects').onDelete('CASCADE');
    table.string('model_version_id', 36).notNullable().references('id').inTable('model_versions').onDelete('CASCADE');
    table.string('dataset_id', 36).notNullable().references('id').inTable('datasets').onDelete('CASCADE');
    table.string('baseline_version_id', 36).nullable().references('id').inTable('model_versions').onDelete('SET NULL');
    table.string('name', 63).notNullable().comment('Slug, unique per model version');
    table.text('description').notNullable().defaultTo('');
    table.text('directions').notNullable().defaultTo('{}').comment('JSON: metric key -> higher | lower');
    table.double('tolerance').notNullable().defaultTo(0).comment('Absolute delta a change must exceed to count');
    table.integer('result_count').notNullable().defaultTo(0);
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.unique(['model_version_id', 'name'], { indexName: 'evaluations_version_name_uq' });
    table.index(['project_id', 'created_at'], 'evaluations_project_idx');
    table.index(['dataset_id'], 'evaluations_dataset_idx');
  });

  await knex.schema.createTable('evaluation_results', table => {
    table.comment('One metric measured on one slice of the evaluation data');
    table.string('evaluation_id', 36).notNullable().references('id').inTable('evaluations').onDelete('CASCADE');
    table.string('slice', 250).notNullable().comment('overall, or feature=value');
    table.string('metric', 250).notNullable();
    table.double('value').notNullable();
    table.boolean('is_nan').notNullable().defaultTo(false);
    table.primary(['evaluation_id', 'slice', 'metric'], 'evaluation_results_pk');
  });

  await knex.schema.createTable('evaluation_thresholds', table => {
    table.comment('A bar a result must clear: result op value, on one slice or all');
    table.string('evaluation_id', 36).notNullable().references('id').inTable('evaluations').onDelete('CASCADE');
    table.integer('position').notNullable().comment('Order as given');
    table.string('metric', 250).notNullable();
    table.string('slice', 250).nullable().comment('Null: every slice with a result');
    table.string('op', 2).notNullable().comment('> >= < <=');
    table.double('value').notNullable();
    table.primary(['evaluation_id', 'position'], 'evaluation_thresholds_pk');
  });

  await knex.schema.createTable('notes', table => {
    table.comment('Markdown notes on any entity; every edit is kept in note_revisions');
    table.string('id', 36).notNullable().comment('UUID');
    table.primary(['id'], 'notes_pk');
    table.string('project_id', 36).notNullable().references('id').inTable('projects').onDelete('CASCADE');
    table.string('entity_type', 32).notNullable();
    table.string('entity_id', 64).notNullable().comment('The entity id as the API returns it');
    table.text('body').notNullable();
    table.integer('revision').notNullable().comment('Starts at 1; an edit must name the revision it replaces');
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('deleted_at', { useTz: true, precision: 3 }).nullable();
    table.index(['entity_type', 'entity_id', 'created_at'], 'notes_entity_idx');
    table.index(['project_id', 'updated_at'], 'notes_project_idx');
  });

  await knex.schema.createTable('note_revisions', table => {
    table.comment('Append-only history of every note body, deletions included');
    table.string('note_id', 36).notNullable().references('id').inTable('notes').onDelete('CASCADE');
    table.integer('revision').notNullable();
    table.text('body').notNullable().comment('Empty for a deletion');
    table.string('action', 16).notNullable().comment('create | edit | delete');
    table.string('edited_by', 255).notNullable();
    table.timestamp('edited_at', { useTz: true, precision: 3 }).notNullable();
    table.primary(['note_id', 'revision'], 'note_revisions_pk');
  });

  await knex.schema.createTable('entity_tags', table => {
    table.comment('Free slug tags on any entity but projects (which keep theirs in project_tags)');
    table.string('project_id', 36).notNullable().references('id').inTable('projects').onDelete('CASCADE');
    table.string('entity_type', 32).notNullable();
    table.string('entity_id', 64).notNullable();
    table.string('tag', 63).notNullable();
    table.primary(['entity_type', 'entity_id', 'tag'], 'entity_tags_pk');
    table.index(['tag', 'entity_type'], 'entity_tags_tag_idx');
    table.index(['project_id', 'entity_type'], 'entity_tags_project_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('entity_tags');
  await knex.schema.dropTable('note_revisions');
  await knex.schema.dropTable('notes');
  await knex.schema.dropTable('evaluation_thresholds');
  await knex.schema.dropTable('evaluation_results');
  await knex.schema.dropTable('evaluations');
};
