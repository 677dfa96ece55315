/*
 * Deployments of model versions to environments by serving components (catalog entity refs), and
 * their monitoring series.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('deployments', table => {
    table.comment('A model version served in an environment by a catalog component');
    table.string('id', 36).notNullable().comment('UUID');
    table.primary(['id'], 'deployments_pk');
    table.string('model_version_id', 36).notNullable().references('id').inTable('model_versions').onDelete('CASCADE');
    table.string('environment', 63).notNullable().comment('e.g. production, staging');
    table.string('service', 255).notNullable().comment('Entity ref of the serving component');
    table.text('endpoint').notNullable().defaultTo('');
    table.string('status', 16).notNullable().comment('active | retired');
    table.timestamp('deployed_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('retired_at', { useTz: true, precision: 3 }).nullable();
    table.string('created_by', 255).notNullable();
    table.index(['model_version_id', 'status'], 'deployments_version_idx');
    table.index(['service', 'status'], 'deployments_service_idx');
  });

  await knex.schema.createTable('monitoring_points', table => {
    table.comment('Monitoring series of a deployment; keyed by deployment like metric points by run');
    table.string('deployment_id', 36).notNullable().references('id').inTable('deployments').onDelete('CASCADE');
    table.string('metric', 250).notNullable();
    table.bigInteger('timestamp').notNullable().comment('Milliseconds since epoch');
    table.double('value').notNullable();
    table.boolean('is_nan').notNullable().defaultTo(false);
    table.primary(['deployment_id', 'metric', 'timestamp'], 'monitoring_points_pk');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('monitoring_points');
  await knex.schema.dropTable('deployments');
};
