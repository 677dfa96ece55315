import { TestDatabases } from '@backstage/backend-test-utils';
import { ChildProcess, spawn } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import knexFactory, { Knex } from 'knex';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import {
  CRASH_PROJECT,
  METRIC_KEYS,
  PARAMS_PER_BATCH,
  POINTS_PER_BATCH,
  SLICES,
  TAGS_PER_BATCH,
  crashRunId,
} from './__testUtils__/crashBatches';

/*
 * A real crash: a child process ingests batches (runs with points, model versions, evaluations,
 * deployments) and is SIGKILLed while a batch's transaction is open. Reopened, the database is
 * intact and holds every batch whole or not at all; the writer, restarted, retries the cut batch
 * with the same requestId and everything ends stored exactly once.
 */

jest.setTimeout(240_000);

const writer = resolve(__dirname, '__testUtils__', 'crashWriter.ts');

interface WriterOptions {
  client: 'better-sqlite3' | 'pg';
  connection: string;
  from: number;
  to: number;
  pauseAt?: number;
  pauseAfter?: string;
}

/** Starts the writer; resolves with its lines once it is done, or once `killOn` was printed and it was killed. */
function runWriter(
  options: WriterOptions,
  killOn?: RegExp,
): Promise<{ lines: string[]; killed: boolean }> {
  return new Promise((done, fail) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        writer,
        JSON.stringify(options),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_ENV: 'test' },
      },
    );
    const lines: string[] = [];
    let stderr = '';
    let buffer = '';
    let killed = false;
    child.stdout!.on('data', chunk => {
      buffer += chunk.toString();
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        lines.push(line);
        if (killOn && !killed && killOn.test(line)) {
          killed = true;
          child.kill('SIGKILL');
        }
        newline = buffer.indexOf('\n');
      }
    });
    child.stderr!.on('data', chunk => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (killed && signal === 'SIGKILL') done({ lines, killed });
      else if (code === 0) done({ lines, killed });
      else
        fail(
          new Error(
            `writer exited ${code ?? signal}: ${lines.join('\n')}\n${stderr}`,
          ),
        );
    });
  });
}

/** What the database holds of batch k: every part counted. */
async function batchContents(knex: Knex, k: number) {
  const runId = crashRunId(k);
  const count = async (table: string, where: Record<string, unknown>) =>
    Number((await knex(table).where(where).count({ n: '*' }))[0].n);
  const version = await knex('model_versions').where({ run_id: runId }).first();
  return {
    runs: await count('runs', { id: runId }),
    params: await count('run_params', { run_id: runId }),
    tags: await count('run_tags', { run_id: runId }),
    points: await count('metric_points', { run_id: runId }),
    latest: await count('latest_metrics', { run_id: runId }),
    versions: await count('model_versions', { run_id: runId }),
    evaluations: version
      ? await count('evaluations', { model_version_id: version.id })
      : 0,
    results: version
      ? Number(
          (
            await knex('evaluation_results')
              .join(
                'evaluations',
                'evaluations.id',
                'evaluation_results.evaluation_id',
              )
              .where('evaluations.model_version_id', version.id)
              .count({ n: '*' })
          )[0].n,
        )
      : 0,
    deployments: version
      ? await count('deployments', { model_version_id: version.id })
      : 0,
    requests: await count('ingestion_requests', { request_id: `crash-${k}` }),
  };
}

const WHOLE = {
  runs: 1,
  params: PARAMS_PER_BATCH,
  tags: TAGS_PER_BATCH,
  points: POINTS_PER_BATCH,
  latest: METRIC_KEYS.length,
  versions: 1,
  evaluations: 1,
  results: SLICES.length,
  deployments: 1,
  requests: 1,
};
const NOTHING = Object.fromEntries(Object.keys(WHOLE).map(k => [k, 0]));

/** Every batch below `whole` is whole and stored once; every batch from `whole` to `end` is absent. */
async function expectBatches(knex: Knex, whole: number, end: number) {
  for (let k = 0; k < end; k++) {
    expect({ batch: k, ...(await batchContents(knex, k)) }).toEqual({
      batch: k,
      ...(k < whole ? WHOLE : NOTHING),
    });
  }
}

async function expectIntact(knex: Knex) {
  if (knex.client.config.client === 'better-sqlite3') {
    const rows = await knex.raw('PRAGMA integrity_check');
    expect(rows).toEqual([{ integrity_check: 'ok' }]);
    const keys = await knex.raw('PRAGMA foreign_key_check');
    expect(keys).toEqual([]);
  }
  // Every metric point belongs to a run (PostgreSQL has no foreign key to check it).
  const [{ n: orphans }] = await knex('metric_points as p')
    .whereNotExists(knex('runs as r').select(1).whereRaw('r.id = p.run_id'))
    .count({ n: '*' });
  expect(Number(orphans)).toBe(0);
  // No transaction of the killed writer is left holding locks or half-written rows.
  const project = await knex('projects').where({ name: CRASH_PROJECT }).first();
  expect(project).toBeDefined();
}

describe('a writer killed mid-transaction', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
  const temp = mkdtempSync(join(tmpdir(), 'ml-home-crash-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  const targets: Array<
    [
      string,
      () => Promise<{
        options: Pick<WriterOptions, 'client' | 'connection'>;
        open: () => Knex;
      }>,
    ]
  > = [
    [
      'file-backed SQLite',
      async () => {
        const filename = join(temp, 'crash.sqlite');
        return {
          options: { client: 'better-sqlite3', connection: filename },
          open: () =>
            knexFactory({
              client: 'better-sqlite3',
              connection: { filename },
              useNullAsDefault: true,
            }),
        };
      },
    ],
  ];
  if (databases.supports('POSTGRES_15')) {
    targets.push([
      'PostgreSQL',
      async () => {
        const knex = await databases.init('POSTGRES_15');
        const c = knex.client.config.connection as Record<string, unknown>;
        const url = `postgresql://${c.user}${c.password ? `:${c.password}` : ''}@${c.host}:${c.port}/${c.database}`;
        return {
          options: { client: 'pg', connection: url },
          open: () => knexFactory({ client: 'pg', connection: url }),
        };
      },
    ]);
  }

  it.each(targets)(
    'leaves %s with every batch whole or absent, and retries store each once',
    async (_name, target) => {
      const { options, open } = await target();
      const cut = async (from: number, pauseAt: number, pauseAfter: string) => {
        const { lines, killed } = await runWriter(
          { ...options, from, to: 12, pauseAt, pauseAfter },
          /^INTX /,
        );
        expect(killed).toBe(true);
        expect(lines).toContain(`INTX ${pauseAt} ${pauseAfter}`);
        expect(lines).toContain(`COMMITTED ${pauseAt - 1}`);
        expect(lines).not.toContain(`COMMITTED ${pauseAt}`);
      };

      // Killed inside batch 3 right after it claimed its requestId, the transaction's first write:
      // 0–2 whole, 3 absent. (The cuts pause on statements Knex issues; runs, params, tags and
      // points go to the driver directly, and are written between the first and second cut.)
      await cut(0, 3, 'ingestion_requests');
      let knex = open();
      await expectIntact(knex);
      await expectBatches(knex, 3, 12);
      await knex.destroy();

      // Restarted at 3 (the cut batch, retried with its requestId), killed inside 6 after its run,
      // params, tags, points and version went in.
      await cut(3, 6, 'model_versions');
      knex = open();
      await expectIntact(knex);
      await expectBatches(knex, 6, 12);
      await knex.destroy();

      // Restarted one batch early (2 is already stored: a replay), killed inside 8 after its deployment.
      await cut(2, 8, 'deployments');
      knex = open();
      await expectIntact(knex);
      await expectBatches(knex, 8, 12);
      await knex.destroy();

      // Restarted and left to finish: every batch whole, stored exactly once.
      const { lines } = await runWriter({ ...options, from: 7, to: 12 });
      expect(lines).toContain('DONE');
      knex = open();
      await expectIntact(knex);
      await expectBatches(knex, 12, 12);
      await knex.destroy();
    },
  );
});
