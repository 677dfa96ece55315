import { ConfigSources } from '@backstage/config-loader';
import { Config } from '@backstage/config';
import { Client } from 'pg';
import fs from 'fs';
import path from 'path';

/** A configuration problem that stops the backend with one readable line instead of a stack trace. */
export class StartupConfigError extends Error {
  name = 'StartupConfigError';
}

const CONNECT_TIMEOUT_MS = 5000;

/**
 * Checks the settings that most often break a first start, before the backend loads its plugins,
 * so the operator reads which setting is wrong rather than a plugin's stack trace.
 */
export async function checkStartupConfig(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<void> {
  let config: Config;
  try {
    const source = ConfigSources.default({
      argv,
      env,
      rootDir: findRepoRoot(),
    });
    const loaded = await ConfigSources.toConfig(source);
    loaded.close();
    config = loaded;
  } catch (error) {
    throw new StartupConfigError(
      `invalid configuration: ${errorMessage(error)}`,
    );
  }

  const client = config.getOptionalString('backend.database.client');
  if (client === 'pg') {
    await checkPostgres(config);
  } else if (client === 'better-sqlite3' || client === 'sqlite3') {
    checkSqliteDirectory(config);
  } else if (client !== undefined) {
    throw new StartupConfigError(
      `backend.database.client is '${client}'; use 'better-sqlite3' (embedded) or 'pg' (PostgreSQL)`,
    );
  }
}

async function checkPostgres(config: Config) {
  const raw = config.getOptional('backend.database.connection');
  const connection =
    typeof raw === 'string'
      ? { connectionString: raw }
      : ((raw ?? {}) as Record<string, unknown>);
  const pg = new Client({
    ...connection,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  } as any);
  const where =
    typeof raw === 'string'
      ? 'the connection string'
      : `host ${connection.host ?? 'localhost'}, port ${connection.port ?? 5432}, user ${
          connection.user ?? '(none)'
        }`;
  try {
    await pg.connect();
    await pg.query('select 1');
  } catch (error) {
    throw new StartupConfigError(
      `cannot reach PostgreSQL configured in backend.database.connection (${where}): ${errorMessage(
        error,
      )}. Fix backend.database.connection (or POSTGRES_HOST / POSTGRES_PORT / POSTGRES_USER / POSTGRES_PASSWORD), or remove app-config.production.yaml to use the embedded SQLite.`,
    );
  } finally {
    await pg.end().catch(() => {});
  }
}

function checkSqliteDirectory(config: Config) {
  const raw = config.getOptional('backend.database.connection');
  const directory =
    raw && typeof raw === 'object'
      ? (raw as { directory?: unknown }).directory
      : undefined;
  if (typeof directory !== 'string' || !directory) {
    return;
  }
  const resolved = path.resolve(directory);
  try {
    fs.mkdirSync(resolved, { recursive: true });
    fs.accessSync(resolved, fs.constants.W_OK);
  } catch (error) {
    throw new StartupConfigError(
      `backend.database.connection.directory '${directory}' (${resolved}) is not a writable folder: ${errorMessage(
        error,
      )}`,
    );
  }
}

function findRepoRoot(): string {
  let dir = process.cwd();
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (
      fs.existsSync(pkg) &&
      JSON.parse(fs.readFileSync(pkg, 'utf8')).workspaces
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return process.cwd();
    }
    dir = parent;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
