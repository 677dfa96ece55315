import { Knex } from 'knex';
import { from as copyFrom } from 'pg-copy-streams';
import type { CopyStreamQuery } from 'pg-copy-streams';
import { finished } from 'stream/promises';

/*
 * The driver connection under a Knex transaction, for the few bulk writes where building SQL
 * through Knex costs more than the database spends on the rows (a 10,000-point batch). Only
 * inside a transaction: there the connection is the transaction's own and stays checked out
 * until it ends, so statements run on it are part of the same unit of work.
 *
 * The types name only what the bulk paths call, so the backend depends on neither driver.
 */

/** A better-sqlite3 prepared statement, as far as the bulk paths use it. */
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  all(...params: unknown[]): unknown[];
  /** Rows as arrays of column values from now on (true), or as objects (false). */
  raw(toggle: boolean): SqliteStatement;
}

/** A better-sqlite3 database connection, as far as the bulk paths use it. */
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

/** A node-postgres client, as far as the bulk paths use it. */
export interface PgConnection {
  /** Hands the client a COPY stream, which then runs on it. */
  query<T extends CopyStreamQuery>(stream: T): T;
  query(config: {
    text: string;
    values: unknown[];
    name?: string;
    /** 'array': rows as arrays of column values. */
    rowMode?: 'array';
  }): Promise<{ rows: any[]; rowCount: number | null }>;
}

/** The driver under a transaction: which one, and its connection. */
export type DriverConnection =
  | { dialect: 'sqlite'; connection: SqliteConnection }
  | { dialect: 'pg'; connection: PgConnection };

/**
 * The transaction's driver connection, or undefined when `db` is not a transaction or its
 * driver is neither better-sqlite3 nor pg (the caller then goes through Knex).
 */
export async function driverConnection(
  db: Knex,
): Promise<DriverConnection | undefined> {
  if (!db.isTransaction) {
    return undefined;
  }
  const client = db.client.config.client;
  if (client !== 'better-sqlite3' && client !== 'pg') {
    return undefined;
  }
  // A transaction's client hands out the transaction's connection and never releases it.
  const connection = await db.client.acquireConnection();
  return client === 'pg'
    ? { dialect: 'pg', connection }
    : { dialect: 'sqlite', connection };
}

const statements = new WeakMap<
  SqliteConnection,
  Map<string, SqliteStatement>
>();

/**
 * A prepared statement of this connection, prepared once and reused by every later transaction
 * on it (preparing costs about as much as running a small insert).
 */
export function preparedStatement(
  connection: SqliteConnection,
  sql: string,
): SqliteStatement {
  let cache = statements.get(connection);
  if (!cache) {
    cache = new Map();
    statements.set(connection, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** A column of a bulk insert: its name and its PostgreSQL array element type. */
export interface BulkColumn<T> {
  name: keyof T & string;
  pgType:
    | 'text'
    | 'bigint'
    | 'integer'
    | 'float8'
    | 'boolean'
    | 'timestamptz'
    | 'bytea';
}

/** Many rows into one table, with what happens on a conflict (SQL both databases read). */
export interface BulkInsert<T> {
  table: string;
  columns: readonly BulkColumn<T>[];
  /** The rows; a member undefined or missing is null. */
  rows: readonly T[];
  /** e.g. `on conflict ("run_id", "key") do nothing`; none: a conflict is an error. */
  onConflict?: string;
}

const quote = (name: string) => `"${name}"`;

/**
 * Writes many rows in one go on the driver, past Knex's SQL building: on SQLite a prepared
 * statement run per row, on PostgreSQL one `INSERT … SELECT FROM unnest(…)` of one array per
 * column. Inside a transaction it is part of it; outside, it runs in a transaction of its own.
 */
export async function bulkInsert<T>(
  db: Knex,
  insert: BulkInsert<T>,
): Promise<void> {
  if (!insert.rows.length) {
    return;
  }
  if (!db.isTransaction) {
    await db.transaction(tx => bulkInsert(tx, insert));
    return;
  }
  const driver = await driverConnection(db);
  if (!driver) {
    throw new Error(
      `ML Home runs on SQLite (better-sqlite3) or PostgreSQL, not on ${db.client.config.client}`,
    );
  }
  const names = insert.columns.map(c => quote(c.name)).join(', ');
  const conflict = insert.onConflict ? ` ${insert.onConflict}` : '';
  if (driver.dialect === 'sqlite') {
    const statement = preparedStatement(
      driver.connection,
      `insert into ${quote(insert.table)} (${names}) values (${insert.columns
        .map(() => '?')
        .join(', ')})${conflict}`,
    );
    const values = new Array<unknown>(insert.columns.length);
    for (const row of insert.rows) {
      for (let i = 0; i < values.length; i++) {
        const value = row[insert.columns[i].name];
        // As Knex binds them: SQLite has no booleans, and better-sqlite3 refuses undefined.
        values[i] =
          typeof value === 'boolean' ? Number(value) : (value ?? null);
      }
      statement.run(...values);
    }
    return;
  }
  const arrays = insert.columns.map(({ name }) =>
    insert.rows.map(row => row[name] ?? null),
  );
  await driver.connection.query({
    text: `insert into ${quote(insert.table)} (${names}) select * from unnest(${insert.columns
      .map((c, i) => `$${i + 1}::${c.pgType}[]`)
      .join(', ')})${conflict}`,
    values: arrays,
  });
}

/**
 * Runs `copy … from stdin` on the connection with `text` (PostgreSQL's COPY text format: one
 * line per row, fields separated by tabs) and waits until the server has taken every row.
 */
export async function copyInto(
  connection: PgConnection,
  sql: string,
  text: string,
): Promise<void> {
  const stream = connection.query(copyFrom(sql));
  stream.end(text);
  await finished(stream);
}
