/*
 * On PostgreSQL, free-text project search reads a trigram index instead of every project.
 *
 * A search matches each word anywhere in `projects.search_text` (`like '%word%'`), which no b-tree
 * serves: every list request read all projects' search text three times (the page, the facets'
 * grouped count, the tag facet). At 10,000 projects that was most of a search's time. A GIN index
 * with pg_trgm's operator class serves `like '%word%'` for words of three characters or more (the
 * planner keeps the scan for shorter ones), with no change to the query.
 *
 * pg_trgm ships with PostgreSQL and is a trusted extension (PostgreSQL 13 and later): a user who
 * may create objects in the database may create it. Where it is not available, or the user may not
 * create it, search keeps scanning and this migration says so in the log rather than failing.
 * SQLite keeps the scan (its trigram index is a separate FTS5 table kept in step by triggers).
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  const { rows } = await knex.raw(
    `select exists (select 1 from pg_extension where extname = 'pg_trgm') as installed,
            exists (select 1 from pg_available_extensions where name = 'pg_trgm') as available,
            -- pg_trgm is trusted from PostgreSQL 13: CREATE on the database is enough there.
            (select rolsuper from pg_roles where rolname = current_user)
              or (current_setting('server_version_num')::int >= 130000
                  and has_database_privilege(current_database(), 'CREATE')) as may_create`,
  );
  const { installed, available, may_create: mayCreate } = rows[0];
  if (!installed) {
    if (!available || !mayCreate) {
      // eslint-disable-next-line no-console
      console.warn(
        'ML Home: project search scans every project: the pg_trgm extension is not available or may not be created here',
      );
      return;
    }
    await knex.raw('create extension if not exists pg_trgm');
  }
  await knex.raw(
    'create index if not exists projects_search_text_trgm_idx on projects using gin (search_text gin_trgm_ops)',
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.raw('drop index if exists projects_search_text_trgm_idx');
};
