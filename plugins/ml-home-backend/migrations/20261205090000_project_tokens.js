/*
 * Project tokens: secrets that pipelines and MLflow clients send as a bearer token to write into one
 * project. Only a hash of the secret is stored; the secret itself is shown once, when created.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('project_tokens', table => {
    table.comment(
      'Bearer tokens that may ingest into one project; the secret is kept only as a hash',
    );
    table.string('id', 36).notNullable().comment('UUID');
    table.primary(['id'], 'project_tokens_pk');
    table
      .string('project_id', 36)
      .notNullable()
      .references('id')
      .inTable('projects')
      .onDelete('CASCADE');
    table
      .string('name', 100)
      .notNullable()
      .comment('What the token is for, given by its creator');
    table
      .string('secret_hash', 64)
      .notNullable()
      .comment('SHA-256 of the secret, hex');
    table.unique(['secret_hash'], {
      indexName: 'project_tokens_secret_hash_uq',
    });
    table
      .string('prefix', 32)
      .notNullable()
      .comment('The first characters of the secret, to tell tokens apart');
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('expires_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('last_used_at', { useTz: true, precision: 3 }).nullable();
    table.timestamp('revoked_at', { useTz: true, precision: 3 }).nullable();
    table.string('revoked_by', 255).nullable();
    table.index(['project_id', 'created_at'], 'project_tokens_project_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('project_tokens');
};
