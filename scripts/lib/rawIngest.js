/*
 * The bench's yardstick for ingestion: the same metric points written straight through the
 * database driver, with nothing of ML Home around them (no HTTP, auth, validation, runs or
 * summaries), into a table of the same shape as `metric_points` (the same primary key), one
 * transaction per batch as ML Home writes them.
 *
 *   SQLite: better-sqlite3 on a file of its own beside the bench's database, one prepared
 *           INSERT run per point inside db.transaction().
 *   PostgreSQL: node-postgres on a database of the bench's own (dropped with the others), one
 *           INSERT … SELECT FROM unnest(…) of the batch's six columns inside BEGIN/COMMIT (the
 *           fastest statement the driver offers without a COPY stream).
 *
 * The bench calls insert() right after each HTTP batch with that batch's points, so both see the
 * same load, and prints ML Home's throughput as a ratio of this one.
 */
const path = require('path');
const { root } = require('./backend');

const TABLE_SQL = `create table raw_metric_points (
  run_id varchar(32) not null,
  "key" varchar(250) not null,
  step bigint not null,
  "timestamp" bigint not null,
  value double precision not null,
  is_nan boolean not null default false,
  primary key (run_id, "key", step, "timestamp", value, is_nan)
)`;

/** The points of an ingest body, as rows of the raw table. */
function pointsOf(body) {
  const rows = [];
  for (const run of body.runs ?? []) {
    for (const m of run.metrics ?? []) {
      const nan = typeof m.value !== 'number';
      rows.push([
        run.runId,
        m.key,
        m.step ?? 0,
        m.timestamp ?? 0,
        nan ? 0 : m.value,
        nan,
      ]);
    }
  }
  return rows;
}

/** A raw SQLite writer on a file in `dir`. */
function openRawSqlite(dir) {
  const Database = require(
    require.resolve('better-sqlite3', { paths: [root] }),
  );
  const db = new Database(path.join(dir, 'raw-driver.sqlite'));
  db.exec(TABLE_SQL);
  const statement = db.prepare(
    'insert into raw_metric_points values (?, ?, ?, ?, ?, ?)',
  );
  const write = db.transaction(rows => {
    for (const r of rows) {
      statement.run(r[0], r[1], r[2], r[3], r[4], r[5] ? 1 : 0);
    }
  });
  return {
    name: 'better-sqlite3, prepared INSERT per point, one transaction per batch',
    async insert(body) {
      const rows = pointsOf(body);
      const t = performance.now();
      write(rows);
      return { ms: performance.now() - t, points: rows.length };
    },
    async close() {
      db.close();
    },
  };
}

/** A raw PostgreSQL writer on its own database `database` (created here). */
async function openRawPg(database, connection) {
  const { Client } = require(require.resolve('pg', { paths: [root] }));
  const admin = new Client({ ...connection, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  const client = new Client({ ...connection, database });
  await client.connect();
  await client.query(TABLE_SQL);
  return {
    name: 'node-postgres, one INSERT … SELECT FROM unnest per batch in its own transaction',
    async insert(body) {
      const rows = pointsOf(body);
      const columns = [0, 1, 2, 3, 4, 5].map(i => rows.map(r => r[i]));
      const t = performance.now();
      await client.query('begin');
      await client.query({
        name: 'raw-insert',
        text: 'insert into raw_metric_points select * from unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::float8[], $6::boolean[])',
        values: columns,
      });
      await client.query('commit');
      return { ms: performance.now() - t, points: rows.length };
    },
    async close() {
      await client.end();
    },
  };
}

module.exports = { openRawSqlite, openRawPg };
