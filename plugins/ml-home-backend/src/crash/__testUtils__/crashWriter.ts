/*
 * The process the crash test kills. It ingests numbered batches into one database through ML
 * Home's ingestion service — each batch a run with params, tags and metric points, a model
 * version of that run, an evaluation of it and a deployment — and reports on stdout:
 *
 *   READY                 migrations done, the project, model and dataset exist
 *   INTX <k> <statement>  batch k's transaction has written <statement> and is still open
 *   COMMITTED <k>         batch k is committed
 *   DONE                  every batch is committed
 *
 * With `--pause-after <statement>` it stops inside each transaction right after that statement
 * (the first insert whose SQL names it), prints INTX and blocks the event loop for a moment, so the
 * parent's SIGKILL lands while the transaction is open. Batches are deterministic in k, and their
 * requestId is `crash-<k>`: a restarted writer retries the batch that was cut, as a client would.
 *
 * Run with `node --require @backstage/cli/config/nodeTransform.cjs crashWriter.ts <json options>`.
 */
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import knexFactory, { Knex } from 'knex';
import { writeSync } from 'fs';
import { CatalogChecks } from '../../catalog/CatalogChecks';
import { DatabaseStores } from '../../database/DatabaseStores';
import { ProjectScope } from '../../domain/scopes';
import { DefaultIngestionService } from '../../ingestion/IngestionService';
import {
  crashBatch,
  CRASH_PROJECT,
  CRASH_MODEL,
  CRASH_DATASET,
} from './crashBatches';

interface Options {
  client: 'better-sqlite3' | 'pg';
  connection: string;
  from: number;
  to: number;
  /** The batch whose transaction is paused (and killed by the parent). */
  pauseAt?: number;
  /** The table whose first insert in that batch's transaction is followed by the pause. */
  pauseAfter?: string;
}

function say(line: string) {
  // Synchronous, so the parent sees the line before the process blocks or dies.
  writeSync(1, `${line}\n`);
}

function blockFor(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // Busy wait: the event loop must not run, so the open transaction cannot commit.
  }
}

async function main() {
  const options: Options = JSON.parse(process.argv[2]);
  const knex: Knex = knexFactory(
    options.client === 'pg'
      ? {
          client: 'pg',
          connection: options.connection,
          pool: { min: 1, max: 2 },
        }
      : {
          client: 'better-sqlite3',
          connection: { filename: options.connection },
          useNullAsDefault: true,
        },
  );
  await knex.migrate.latest({
    directory: resolvePackagePath(
      '@ml-home/plugin-ml-home-backend',
      'migrations',
    ),
  });
  const storage = new DatabaseStores(knex);
  const { stores } = storage;
  const actor = 'user:default/crash';
  let project = await stores.projects.getProject(CRASH_PROJECT);
  if (!project) {
    project = await stores.projects.createProject(
      {
        name: CRASH_PROJECT,
        title: 'Crash',
        description: '',
        owner: 'group:default/crash',
        lifecycle: 'experimental',
        tags: [],
        links: [],
        relatedEntities: [],
      },
      actor,
    );
  }
  if (!(await stores.models.getModel(CRASH_MODEL))) {
    await stores.models.createModel(
      project,
      { name: CRASH_MODEL, description: '' },
      actor,
    );
  }
  if (!(await stores.datasets.getDataset(project, CRASH_DATASET))) {
    await stores.datasets.createDataset(
      project,
      {
        name: CRASH_DATASET,
        kind: 'evaluation-set',
        uri: 's3://crash/eval',
        description: '',
        features: [],
      },
      actor,
    );
  }
  const everything: Partial<CatalogChecks> = {
    entitiesExist: async () => undefined,
  };
  const ingestion = new DefaultIngestionService(
    stores,
    storage,
    everything as CatalogChecks,
  );

  let current = -1;
  if (options.pauseAfter !== undefined && options.pauseAt !== undefined) {
    const table = options.pauseAfter.toLowerCase();
    let paused = false;
    // 'query-response' fires after the statement ran: its rows are written, uncommitted.
    knex.on(
      'query-response',
      (_response: unknown, query: { sql: string; __knexTxId?: string }) => {
        const sql = query.sql.toLowerCase();
        if (
          !paused &&
          current === options.pauseAt &&
          query.__knexTxId &&
          sql.startsWith('insert') &&
          (sql.includes(`"${table}"`) || sql.includes(`\`${table}\``))
        ) {
          paused = true;
          say(`INTX ${current} ${table}`);
          blockFor(2000);
        }
      },
    );
  }
  say('READY');
  for (let k = options.from; k < options.to; k++) {
    current = k;
    await ingestion.ingest(
      { actor, projectToken: { id: 'crash', project: CRASH_PROJECT } },
      { project } satisfies ProjectScope,
      crashBatch(k),
    );
    say(`COMMITTED ${k}`);
  }
  say('DONE');
  await knex.destroy();
}

main().catch(error => {
  say(`ERROR ${error?.stack ?? error}`);
  process.exit(1);
});
