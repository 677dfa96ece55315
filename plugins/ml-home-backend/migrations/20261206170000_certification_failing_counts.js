/*
 * The overview's "failing most often" as counts kept at write time. Counting it on read joined
 * every stored check result (31 per model: 31,000 rows at 1,000 models) into each overview read;
 * these counts are kept per project, owner and level (the overview's filters) in the transaction
 * that stores a scorecard, so a read sums a few rows per project instead.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('certification_failing_counts', table => {
    table.comment(
      'Per project, owner group, level and rubric check: how many stored scorecards fail the check',
    );
    table
      .string('project_id', 36)
      .notNullable()
      .references('id')
      .inTable('projects')
      .onDelete('CASCADE');
    table
      .string('owner', 255)
      .notNullable()
      .comment('The scorecards’ owner group as stored with them');
    table
      .string('level', 63)
      .notNullable()
      .comment('The scorecards’ level as stored with them');
    table.string('check_id', 100).notNullable();
    table.primary(
      ['project_id', 'owner', 'level', 'check_id'],
      'certification_failing_counts_pk',
    );
    table
      .integer('models')
      .notNullable()
      .comment(
        'Scorecards whose check earns no point (rubric sections, not n/a); rows at 0 are removed',
      );
  });
  // The counts of the scorecards stored so far, by the rule the overview counted them on read.
  await knex.raw(
    `insert into certification_failing_counts (project_id, owner, level, check_id, models)
     select s.project_id, s.owner, s.level, r.check_id, count(*)
     from certification_scorecards s
     join certification_check_results r on r.model_id = s.model_id
     where r.points = 0 and r.section <> 'portal' and r.status <> 'n/a'
     group by s.project_id, s.owner, s.level, r.check_id`,
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('certification_failing_counts');
};
