/*
 * Registered models, their numbered versions, and aliases (champion, production, …) with the
 * history of every alias move.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('models', table => {
    table.comment(
      'Registered models; the name is unique across ML Home (it becomes a catalog entity)',
    );
    table.string('id', 36).notNullable().comment('UUID');
    table.primary(['id'], 'models_pk');
    table
      .string('project_id', 36)
      .notNullable()
      .references('id')
      .inTable('projects')
      .onDelete('CASCADE');
    table.string('name', 63).notNullable().comment('Unique slug');
    table.text('description').notNullable().defaultTo('');
    table
      .string('owner', 255)
      .nullable()
      .comment('Owner group entity ref; null means the project owner');
    table.string('created_by', 255).notNullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.unique(['name'], { indexName: 'models_name_uq' });
    table.index(['project_id', 'name'], 'models_project_idx');
  });

  await knex.schema.createTable('model_versions', table => {
    table.comment('Versions of a model, numbered 1, 2, … per model');
    table.string('id', 36).notNullable().comment('UUID');
    table.primary(['id'], 'model_versions_pk');
    table
      .string('model_id', 36)
      .notNullable()
      .references('id')
      .inTable('models')
      .onDelete('CASCADE');
    table.integer('version').notNullable();
    table
      .string('run_id', 32)
      .nullable()
      .references('id')
      .inTable('runs')
      .onDelete('SET NULL')
      .comment('The run that produced it (lineage)');
    table.text('artifact_uri').notNullable().defaultTo('');
    table.string('framework', 100).notNullable().defaultTo('');
    table.text('description').notNullable().defaultTo('');
    table
      .text('model_card')
      .notNullable()
      .defaultTo('{}')
      .comment('JSON: the Model Cards sections');
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.unique(['model_id', 'version'], {
      indexName: 'model_versions_number_uq',
    });
    table.index(['run_id'], 'model_versions_run_idx');
  });

  await knex.schema.createTable('model_aliases', table => {
    table.comment(
      'Named pointers (champion, production, …) at one version each',
    );
    table
      .string('model_id', 36)
      .notNullable()
      .references('id')
      .inTable('models')
      .onDelete('CASCADE');
    table.string('alias', 63).notNullable();
    table
      .string('version_id', 36)
      .notNullable()
      .references('id')
      .inTable('model_versions')
      .onDelete('CASCADE');
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.primary(['model_id', 'alias'], 'model_aliases_pk');
    table.index(['version_id'], 'model_aliases_version_idx');
  });

  await knex.schema.createTable('model_alias_history', table => {
    table.comment('Append-only: every move or removal of an alias');
    table.bigIncrements('id', { primaryKey: true });
    table
      .string('model_id', 36)
      .notNullable()
      .references('id')
      .inTable('models')
      .onDelete('CASCADE');
    table.string('alias', 63).notNullable();
    table
      .integer('from_version')
      .nullable()
      .comment('null when the alias was created');
    table
      .integer('to_version')
      .nullable()
      .comment('null when the alias was removed');
    table.string('actor', 255).notNullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.index(['model_id', 'id'], 'model_alias_history_model_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of [
    'model_alias_history',
    'model_aliases',
    'model_versions',
    'models',
  ]) {
    await knex.schema.dropTable(table);
  }
};
