/*
 * ML Home core metadata schema: projects, experiments, runs, params, tags, metric points,
 * materialised latest metrics, and the project activity feed.
 *
 * Runs on SQLite and PostgreSQL alike: timestamps are stored as `timestamp` columns by Knex,
 * and metric times/steps as 64-bit integers (milliseconds, as MLflow clients send them).
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('projects', table => {
    table.comment('ML projects: the spaces that gather experiments, runs, models and data');
    table.string('id', 36).notNullable().comment('UUID');
    table.primary(['id'], 'projects_pk');
    table.string('name', 63).notNullable().comment('Unique slug');
    table.string('title', 200).notNullable().comment('Display title');
    table.text('description').notNullable().defaultTo('').comment('Markdown description');
    table.string('owner', 255).notNullable().comment('Owner group entity ref');
    table.string('lifecycle', 32).notNullable().comment('experimental | production | deprecated');
    table.text('links').notNullable().defaultTo('[]').comment('JSON array of { title, url }');
    table.text('related_entities').notNullable().defaultTo('[]').comment('JSON array of catalog entity refs');
    table.text('search_text').notNullable().defaultTo('').comment('Lower-cased name, title, description and tags for free-text search');
    table.string('created_by', 255).notNullable().comment('Entity ref of the creator');
    table.string('updated_by', 255).notNullable().comment('Entity ref of the last editor');
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('last_activity_at', { useTz: true, precision: 3 }).notNullable().comment('Time of the latest write in the project, for "recently active"');
    table.timestamp('deleted_at', { useTz: true, precision: 3 }).nullable().comment('Set when soft-deleted');
    table.unique(['name'], { indexName: 'projects_name_uq' });
    table.index(['owner', 'name'], 'projects_owner_idx');
    table.index(['lifecycle', 'name'], 'projects_lifecycle_idx');
    table.index(['last_activity_at', 'id'], 'projects_activity_idx');
    table.index(['updated_at', 'id'], 'projects_updated_idx');
    table.index(['created_at', 'id'], 'projects_created_idx');
    table.index(['title', 'id'], 'projects_title_idx');
  });

  await knex.schema.createTable('project_tags', table => {
    table.comment('Tags of projects (slugs)');
    table.string('project_id', 36).notNullable().references('id').inTable('projects').onDelete('CASCADE');
    table.string('tag', 63).notNullable();
    table.primary(['project_id', 'tag'], 'project_tags_pk');
    table.index(['tag', 'project_id'], 'project_tags_tag_idx');
  });

  await knex.schema.createTable('experiments', table => {
    table.comment('Experiments group runs inside a project, like MLflow experiments');
    table.increments('id', { primaryKey: true }).comment('Numeric id, shown to MLflow clients as a string of digits');
    table.string('project_id', 36).notNullable().references('id').inTable('projects').onDelete('CASCADE');
    table.string('name', 250).notNullable().comment('Unique within the project');
    table.text('description').notNullable().defaultTo('');
    table.string('lifecycle_stage', 16).notNullable().defaultTo('active').comment('active | deleted');
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.unique(['project_id', 'name'], { indexName: 'experiments_project_name_uq' });
  });

  await knex.schema.createTable('experiment_tags', table => {
    table.comment('Free key/value tags of experiments (MLflow experiment tags)');
    table.integer('experiment_id').unsigned().notNullable().references('id').inTable('experiments').onDelete('CASCADE');
    table.string('key', 250).notNullable();
    table.text('value').notNullable();
    table.primary(['experiment_id', 'key'], 'experiment_tags_pk');
  });

  await knex.schema.createTable('runs', table => {
    table.comment('Training runs');
    table.string('id', 32).notNullable().comment('32 lowercase hex characters; may be chosen by the client');
    table.primary(['id'], 'runs_pk');
    table.integer('experiment_id').unsigned().notNullable().references('id').inTable('experiments').onDelete('CASCADE');
    table.string('project_id', 36).notNullable().references('id').inTable('projects').onDelete('CASCADE').comment('Denormalised from the experiment for project-wide run lists');
    table.string('name', 250).notNullable().defaultTo('');
    table.string('status', 16).notNullable().comment('RUNNING | SCHEDULED | FINISHED | FAILED | KILLED');
    table.string('user', 255).notNullable().defaultTo('').comment('Entity ref or name of whoever started the run');
    table.bigInteger('start_time').notNullable().comment('Milliseconds since epoch');
    table.bigInteger('end_time').nullable().comment('Milliseconds since epoch');
    table.string('lifecycle_stage', 16).notNullable().defaultTo('active').comment('active | deleted');
    table.string('source_kind', 32).nullable();
    table.text('source_uri').nullable();
    table.string('source_git_commit', 64).nullable();
    table.string('source_pipeline_run', 255).nullable();
    table.text('inputs').notNullable().defaultTo('[]').comment('JSON array of input dataset references');
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.index(['experiment_id', 'start_time', 'id'], 'runs_experiment_start_idx');
    table.index(['project_id', 'start_time', 'id'], 'runs_project_start_idx');
    table.index(['project_id', 'status'], 'runs_project_status_idx');
    table.index(['project_id', 'name'], 'runs_project_name_idx');
    table.index(['project_id', 'user'], 'runs_project_user_idx');
    table.index(['project_id', 'end_time'], 'runs_project_end_idx');
  });

  await knex.schema.createTable('run_params', table => {
    table.comment('Hyperparameters of runs; write-once per run and key');
    table.string('run_id', 32).notNullable().references('id').inTable('runs').onDelete('CASCADE');
    table.string('key', 250).notNullable();
    table.text('value').notNullable();
    table.primary(['run_id', 'key'], 'run_params_pk');
    table.index(['key'], 'run_params_key_idx');
  });

  await knex.schema.createTable('run_tags', table => {
    table.comment('Tags of runs; a later value overwrites');
    table.string('run_id', 32).notNullable().references('id').inTable('runs').onDelete('CASCADE');
    table.string('key', 250).notNullable();
    table.text('value').notNullable();
    table.primary(['run_id', 'key'], 'run_tags_pk');
    table.index(['key'], 'run_tags_key_idx');
  });

  await knex.schema.createTable('metric_points', table => {
    table.comment('Metric time series. Every query is keyed by run, so the table can be partitioned by run.');
    table.string('run_id', 32).notNullable().references('id').inTable('runs').onDelete('CASCADE');
    table.string('key', 250).notNullable();
    table.bigInteger('step').notNullable();
    table.bigInteger('timestamp').notNullable().comment('Milliseconds since epoch');
    table.double('value').notNullable().comment('0 when is_nan; ±Infinity allowed');
    table.boolean('is_nan').notNullable().defaultTo(false).comment('SQLite cannot store NaN in a REAL column');
    table.primary(['run_id', 'key', 'step', 'timestamp', 'value', 'is_nan'], 'metric_points_pk');
  });

  await knex.schema.createTable('latest_metrics', table => {
    table.comment('Materialised latest value (highest step, then timestamp, then value), min and max per run and key');
    table.string('run_id', 32).notNullable().references('id').inTable('runs').onDelete('CASCADE');
    table.string('project_id', 36).notNullable().comment('Denormalised for project-wide metric sorting');
    table.string('key', 250).notNullable();
    table.double('value').notNullable();
    table.boolean('is_nan').notNullable().defaultTo(false);
    table.bigInteger('step').notNullable();
    table.bigInteger('timestamp').notNullable();
    table.double('min_value').nullable().comment('Smallest non-NaN value; null when every point is NaN');
    table.double('max_value').nullable().comment('Largest non-NaN value; null when every point is NaN');
    table.bigInteger('point_count').notNullable().defaultTo(0);
    table.primary(['run_id', 'key'], 'latest_metrics_pk');
    table.index(['project_id', 'key', 'value'], 'latest_metrics_project_key_value_idx');
  });

  await knex.schema.createTable('events', table => {
    table.comment('Append-only activity feed and audit trail of each project');
    table.bigIncrements('id', { primaryKey: true });
    table.string('project_id', 36).notNullable().references('id').inTable('projects').onDelete('CASCADE');
    table.string('actor', 255).notNullable().comment('User or service entity ref');
    table.string('action', 64).notNullable().comment('e.g. project.create, runs.ingest');
    table.string('entity_type', 32).notNullable();
    table.string('entity_id', 255).notNullable();
    table.text('summary').notNullable().defaultTo('');
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.index(['project_id', 'id'], 'events_project_idx');
  });

  await knex.schema.createTable('ingestion_requests', table => {
    table.comment('Idempotency keys of batch ingestion calls, so a retried call is not applied twice');
    table.string('request_id', 128).notNullable();
    table.primary(['request_id'], 'ingestion_requests_pk');
    table.string('project_id', 36).notNullable().references('id').inTable('projects').onDelete('CASCADE');
    table.text('response').notNullable().comment('JSON body returned to the first call');
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of [
    'ingestion_requests',
    'events',
    'latest_metrics',
    'metric_points',
    'run_tags',
    'run_params',
    'runs',
    'experiment_tags',
    'experiments',
    'project_tags',
    'projects',
  ]) {
    await knex.schema.dropTable(table);
  }
};
