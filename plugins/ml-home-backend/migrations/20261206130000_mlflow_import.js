/*
 * The MLflow importer's own state: per configured server, where the last import stopped (status,
 * progress, last error, next attempt with backoff), the cursors that make the next import
 * incremental, which MLflow model versions became which ML Home versions, and a log of import runs.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('mlflow_import_state', table => {
    table.comment(
      'One row per MLflow server configured under mlHome.mlflowImport.servers',
    );
    table
      .string('server_id', 63)
      .notNullable()
      .comment('The id given to the server in app-config');
    table.primary(['server_id'], 'mlflow_import_state_pk');
    table
      .string('status', 16)
      .notNullable()
      .comment('never | running | succeeded | failed');
    table
      .integer('items_done')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Runs, models and versions imported by the current or last import',
      );
    table
      .integer('items_total')
      .notNullable()
      .defaultTo(0)
      .comment('Runs, models and versions found to import so far');
    table
      .bigInteger('points_done')
      .notNullable()
      .defaultTo(0)
      .comment('Metric points sent by the current or last import');
    table
      .integer('failures')
      .notNullable()
      .defaultTo(0)
      .comment('Imports failed in a row (the backoff exponent)');
    table
      .text('last_error')
      .nullable()
      .comment('What went wrong last, for the admin page');
    table.timestamp('started_at', { useTz: true, precision: 3 }).nullable();
    table.timestamp('finished_at', { useTz: true, precision: 3 }).nullable();
    table
      .timestamp('last_success_at', { useTz: true, precision: 3 })
      .nullable();
    table
      .timestamp('next_attempt_at', { useTz: true, precision: 3 })
      .nullable()
      .comment('When the server is due again (schedule, backoff or "run now")');
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
  });

  await knex.schema.createTable('mlflow_import_cursors', table => {
    table.comment(
      'Where the next import of one part of a server starts (an experiment, the registry)',
    );
    table.string('server_id', 63).notNullable();
    table
      .string('scope', 300)
      .notNullable()
      .comment('experiment:<MLflow experiment id> or registry');
    table.primary(['server_id', 'scope'], 'mlflow_import_cursors_pk');
    table
      .text('cursor')
      .notNullable()
      .comment(
        'JSON: what the importer needs to resume (times, unfinished runs)',
      );
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
  });

  await knex.schema.createTable('mlflow_import_versions', table => {
    table.comment(
      'Which ML Home model version each imported MLflow model version became',
    );
    table.string('server_id', 63).notNullable();
    table
      .string('mlflow_model', 500)
      .notNullable()
      .comment('The registered model name in MLflow');
    table.integer('mlflow_version').notNullable();
    table.primary(
      ['server_id', 'mlflow_model', 'mlflow_version'],
      'mlflow_import_versions_pk',
    );
    table.string('model', 63).notNullable().comment('The ML Home model name');
    table.integer('version').notNullable().comment('The ML Home version');
  });

  await knex.schema.createTable('mlflow_import_log', table => {
    table.comment('One row per import of one server, newest last');
    table.bigIncrements('id').comment('Order of the imports');
    table.string('server_id', 63).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('running | succeeded | failed');
    table.string('trigger', 16).notNullable().comment('schedule | manual');
    table.integer('items_done').notNullable().defaultTo(0);
    table.integer('items_total').notNullable().defaultTo(0);
    table.bigInteger('points_done').notNullable().defaultTo(0);
    table.text('error').nullable();
    table.timestamp('started_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('finished_at', { useTz: true, precision: 3 }).nullable();
    table.index(['server_id', 'id'], 'mlflow_import_log_server_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('mlflow_import_log');
  await knex.schema.dropTable('mlflow_import_versions');
  await knex.schema.dropTable('mlflow_import_cursors');
  await knex.schema.dropTable('mlflow_import_state');
};
