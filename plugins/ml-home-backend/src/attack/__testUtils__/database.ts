/*
 * What "nothing was written" means in the attack suite: every table of the plugin's database,
 * counted or read in full, is the same before and after.
 */
import { Knex } from 'knex';

/** The plugin's tables (the migration bookkeeping excluded). */
export async function tableNames(knex: Knex): Promise<string[]> {
  const client = String(knex.client.config.client);
  let names: string[];
  if (client.includes('sqlite')) {
    const rows = await knex.raw(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
    );
    names = rows.map((r: { name: string }) => r.name);
  } else {
    const rows = await knex.raw(
      'select tablename from pg_tables where schemaname = current_schema()',
    );
    names = rows.rows.map((r: { tablename: string }) => r.tablename);
  }
  return names.filter(n => !n.startsWith('knex_migrations')).sort();
}

/**
 * Derived tables that change without anybody writing: stored scorecards are re-evaluated a moment
 * after the fixtures' writes and on a model's first read. They are left out of "nothing written".
 */
const DERIVED = new Set([
  'certification_scorecards',
  'certification_check_results',
  'certification_failing_counts',
  'certification_history',
]);

/** The tables whose content only a write changes. */
async function writtenTables(knex: Knex): Promise<string[]> {
  return (await tableNames(knex)).filter(t => !DERIVED.has(t));
}

/** The number of rows of every table (derived ones excluded). */
export async function rowCounts(knex: Knex): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await writtenTables(knex)) {
    const [{ n }] = await knex(table).count({ n: '*' });
    counts[table] = Number(n);
  }
  return counts;
}

/**
 * Every row of every table, each as sorted JSON, so that two snapshots are equal exactly when
 * nothing was inserted, changed or deleted. `ignore` names columns that may legitimately change
 * (e.g. when a token was last used).
 */
export async function contentSnapshot(
  knex: Knex,
  ignore: Record<string, string[]> = {},
): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of await writtenTables(knex)) {
    const rows = await knex(table).select('*');
    const skip = new Set(ignore[table] ?? []);
    snapshot[table] = rows
      .map(row =>
        JSON.stringify(
          Object.keys(row)
            .filter(k => !skip.has(k))
            .sort()
            .map(k => [
              k,
              row[k] instanceof Date ? row[k].toISOString() : row[k],
            ]),
        ),
      )
      .sort();
  }
  return snapshot;
}

/** Tables whose snapshots differ, with how many rows each had before and after. */
export function snapshotDiff(
  before: Record<string, string[]>,
  after: Record<string, string[]>,
): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed: string[] = [];
  for (const table of [...tables].sort()) {
    const a = before[table];
    const b = after[table];
    if (!a || !b) {
      changed.push(`${table}: ${a ? 'dropped' : 'created'}`);
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      const added = b.filter(r => !a.includes(r)).length;
      const removed = a.filter(r => !b.includes(r)).length;
      changed.push(
        `${table}: ${a.length} → ${b.length} rows (${added} new or changed, ${removed} gone or changed)`,
      );
    }
  }
  return changed;
}

/** Columns that change when a project token is used, which is not a write of the attacker's. */
export const TOKEN_USE_COLUMNS = { project_tokens: ['last_used_at'] };
