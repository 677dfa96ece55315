/*
 * Production-readiness certification (ML Test Score): each model's stored scorecard and its
 * per-check results, owners' attestations, results reported by other systems, and the append-only
 * history of every change. Scorecards are computed on writes and on a schedule, never on read.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('certification_scorecards', table => {
    table.comment(
      'Each model’s latest certification evaluation: certified version, score, level',
    );
    table
      .string('model_id', 36)
      .notNullable()
      .references('id')
      .inTable('models')
      .onDelete('CASCADE');
    table.primary(['model_id'], 'certification_scorecards_pk');
    table
      .string('project_id', 36)
      .notNullable()
      .references('id')
      .inTable('projects')
      .onDelete('CASCADE');
    table
      .string('owner', 255)
      .notNullable()
      .comment('The model’s effective owner group when evaluated');
    table
      .integer('version')
      .nullable()
      .comment('The certified version; null when the model has none');
    table
      .string('version_source', 32)
      .notNullable()
      .comment('alias | newest-deployed | none');
    table.double('score').notNullable().comment('Minimum of the four sections');
    table.string('level', 63).notNullable().comment('Named level of the score');
    table
      .integer('level_rank')
      .notNullable()
      .comment('Position of the level in the configured order, 0 = lowest');
    table.text('band').notNullable().comment('The paper’s interpretation');
    table
      .integer('failing')
      .notNullable()
      .comment('Rubric checks earning no point');
    table
      .timestamp('evaluated_at', { useTz: true, precision: 3 })
      .notNullable();
    table
      .timestamp('next_expiry', { useTz: true, precision: 3 })
      .nullable()
      .comment(
        'Earliest expiry of an attestation or external result counted; a read after it re-evaluates',
      );
    table.index(['level_rank'], 'certification_scorecards_level_idx');
    table.index(['owner', 'level_rank'], 'certification_scorecards_owner_idx');
    table.index(['project_id'], 'certification_scorecards_project_idx');
  });

  await knex.schema.createTable('certification_check_results', table => {
    table.comment('Each check’s result in a model’s stored scorecard');
    table
      .string('model_id', 36)
      .notNullable()
      .references('model_id')
      .inTable('certification_scorecards')
      .onDelete('CASCADE');
    table.string('check_id', 100).notNullable();
    table.primary(['model_id', 'check_id'], 'certification_check_results_pk');
    table.string('section', 32).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('pass | fail | n/a | unknown');
    table
      .string('source', 16)
      .notNullable()
      .comment('automated | external | attested | none');
    table.double('points').notNullable();
    table.text('evidence_url').nullable();
    table.text('evidence_text').nullable();
    table.timestamp('expires_at', { useTz: true, precision: 3 }).nullable();
    table.index(
      ['check_id', 'points'],
      'certification_check_results_check_idx',
    );
  });

  await knex.schema.createTable('certification_attestations', table => {
    table.comment('Owners’ attestations that a check was done by hand');
    table.string('id', 36).notNullable().comment('UUID');
    table.primary(['id'], 'certification_attestations_pk');
    table
      .string('model_id', 36)
      .notNullable()
      .references('id')
      .inTable('models')
      .onDelete('CASCADE');
    table.string('check_id', 100).notNullable();
    table.text('evidence_url').notNullable();
    table.text('note').notNullable().defaultTo('');
    table.string('attested_by', 255).notNullable();
    table.timestamp('attested_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('expires_at', { useTz: true, precision: 3 }).notNullable();
    table
      .string('state', 16)
      .notNullable()
      .comment(
        'active | rejected | expired (expired is also derived from expires_at)',
      );
    table.string('reviewed_by', 255).nullable();
    table.timestamp('reviewed_at', { useTz: true, precision: 3 }).nullable();
    table.text('review_reason').nullable();
    table
      .timestamp('expiry_notified_at', { useTz: true, precision: 3 })
      .nullable()
      .comment('When the owner group was told it expires soon (once)');
    table.index(
      ['model_id', 'attested_at'],
      'certification_attestations_model_idx',
    );
    table.index(
      ['state', 'expires_at'],
      'certification_attestations_expiry_idx',
    );
  });

  await knex.schema.createTable('certification_external_results', table => {
    table.comment(
      'Check results reported by other systems (CI, data validation); the latest per check',
    );
    table
      .string('model_id', 36)
      .notNullable()
      .references('id')
      .inTable('models')
      .onDelete('CASCADE');
    table.string('check_id', 100).notNullable();
    table.primary(
      ['model_id', 'check_id'],
      'certification_external_results_pk',
    );
    table.string('status', 16).notNullable().comment('pass | fail');
    table.text('evidence_url').notNullable();
    table.timestamp('observed_at', { useTz: true, precision: 3 }).notNullable();
    table.string('reported_by', 255).notNullable();
    table.timestamp('reported_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('expires_at', { useTz: true, precision: 3 }).notNullable();
  });

  await knex.schema.createTable('certification_history', table => {
    table.comment(
      'Append-only history of a model’s certification: results, score, level, attestations, overrides',
    );
    table
      .bigIncrements('id', { primaryKey: true })
      .comment('Order of appending');
    table
      .string('model_id', 36)
      .notNullable()
      .references('id')
      .inTable('models')
      .onDelete('CASCADE');
    table
      .string('kind', 32)
      .notNullable()
      .comment(
        'check-changed | score-changed | level-changed | attestation-added | attestation-rejected | attestation-expired | external-result | override-used',
      );
    table.string('check_id', 100).nullable();
    table.string('from_value', 255).nullable();
    table.string('to_value', 255).nullable();
    table.string('actor', 255).nullable();
    table.text('reason').nullable();
    table.timestamp('at', { useTz: true, precision: 3 }).notNullable();
    table.index(['model_id', 'id'], 'certification_history_model_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('certification_history');
  await knex.schema.dropTable('certification_external_results');
  await knex.schema.dropTable('certification_attestations');
  await knex.schema.dropTable('certification_check_results');
  await knex.schema.dropTable('certification_scorecards');
};
