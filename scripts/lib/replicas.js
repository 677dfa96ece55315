/*
 * Two (or more) replicas of the example backend on one PostgreSQL: the set-up `npm run start:replicas`
 * starts and `npm run soak` kills and restarts.
 *
 * What a replica set needs, and where it comes from:
 *   - one database for all: every replica gets the same `backend.database` (PostgreSQL; SQLite stays
 *     the one-process default) and the same `prefix`, so they share each plugin's database;
 *   - change events on every replica: the events backend (packages/backend/src/index.ts) keeps its
 *     bus in PostgreSQL, so an event published by one replica reaches subscribers on all;
 *   - scheduled work once: ML Home's tasks, the catalog's and search's are Backstage scheduler tasks
 *     with global scope, locked in the shared database;
 *   - one search index: the search module for PostgreSQL keeps the index in the database instead of a
 *     Lunr index rebuilt in every process;
 *   - the same signing keys: user tokens are signed with keys the auth backend keeps in the database,
 *     so a token from one replica is accepted by the others.
 * Each replica listens on its own port with its own `backend.baseUrl`; in front of a real deployment a
 * load balancer gives them one address.
 */
const path = require('path');
const { startBackend } = require('./backend');

/** APP_CONFIG_ overrides that put a backend on the local PostgreSQL, databases named `<prefix><plugin>`. */
function postgresEnv(prefix) {
  return {
    APP_CONFIG_backend_database_client: 'pg',
    APP_CONFIG_backend_database_connection_host:
      process.env.POSTGRES_HOST || '127.0.0.1',
    APP_CONFIG_backend_database_connection_port:
      process.env.POSTGRES_PORT || '5432',
    APP_CONFIG_backend_database_connection_user:
      process.env.POSTGRES_USER || 'postgres',
    ...(process.env.POSTGRES_PASSWORD || process.env.PGPASSWORD
      ? {
          APP_CONFIG_backend_database_connection_password:
            process.env.POSTGRES_PASSWORD || process.env.PGPASSWORD,
        }
      : {}),
    APP_CONFIG_backend_database_prefix: prefix,
  };
}

/**
 * Starts one replica (resolves when it is ready). The first replica of a fresh prefix runs the
 * migrations; start it alone before the others.
 */
function startReplica({
  port,
  prefix,
  env = {},
  logFile,
  nodeEnv = 'production',
}) {
  return startBackend({
    port,
    env: { ...postgresEnv(prefix), ...env },
    dropEnv: key => key.startsWith('APP_CONFIG_backend_database'),
    logFile,
    watch: false,
    nodeEnv,
    timeoutMs: 300_000,
  });
}

/** Starts replicas on `ports`, one after the other (the first migrates), and returns them. */
async function startReplicas({ ports, prefix, env, logDir, nodeEnv }) {
  const replicas = [];
  for (const port of ports) {
    replicas.push(
      await startReplica({
        port,
        prefix,
        env,
        nodeEnv,
        logFile: path.join(logDir, `replica-${port}.log`),
      }),
    );
  }
  return replicas;
}

module.exports = { postgresEnv, startReplica, startReplicas };
