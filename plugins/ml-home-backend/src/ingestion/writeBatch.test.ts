import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseStores } from '../database/DatabaseStores';
import { UnitOfWork } from '../database/UnitOfWork';
import { ingestBatch } from './writeBatch';
import { MIGRATIONS, createTestProject } from '../__testUtils__/testStores';

jest.setTimeout(60_000);

describe('ingestBatch', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'writes a whole ingestion batch inside one transaction on %p, so a crash mid-write leaves nothing',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS });
      const storage = new DatabaseStores(knex);
      const project = await createTestProject(storage, 'tx-check');

      const writes: { sql: string; tx?: string }[] = [];
      const listener = (q: { sql: string; __knexTxId?: string }) => {
        if (/^\s*(insert|update|delete)/i.test(q.sql)) {
          writes.push({ sql: q.sql, tx: q.__knexTxId });
        }
      };
      knex.on('query', listener);
      try {
        await ingestBatch(
          storage,
          project,
          {
            requestId: 'one-tx',
            runs: Array.from({ length: 3 }, (_, i) => ({
              runId: String(i).repeat(32),
              runIdSupplied: true,
              experiment: `exp-${i % 2}`,
              params: [{ key: 'p', value: String(i) }],
              tags: [{ key: 't', value: 'x' }],
              metrics: Array.from({ length: 700 }, (__, step) => ({
                key: 'm',
                value: step,
                step,
                timestamp: step,
              })),
            })),
          },
          'user:default/a',
        );
      } finally {
        knex.removeListener('query', listener);
      }

      // The idempotency record, experiments, summaries, activity, the project's last activity
      // and the answer: all in the same transaction. (Runs, params, tags, points and latest
      // metrics go to the driver past Knex; the next test holds them to the transaction.)
      expect(writes.length).toBeGreaterThanOrEqual(6);
      expect(writes.every(w => w.tx !== undefined)).toBe(true);
      expect(new Set(writes.map(w => w.tx)).size).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves nothing of a batch that fails at its last step on %p, the bulk writes included',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS });
      const storage = new DatabaseStores(knex);
      const project = await createTestProject(storage, 'tx-fail');
      // The same unit of work, whose answer cannot be recorded: everything before must go.
      const failing: UnitOfWork = {
        run: work =>
          storage.run(stores =>
            work({
              ...stores,
              ingestion: Object.assign(Object.create(stores.ingestion), {
                recordAnswer: async () => {
                  throw new Error('the disk is full');
                },
              }),
            }),
          ),
      };
      await expect(
        ingestBatch(
          failing,
          project,
          {
            requestId: 'fails',
            runs: [
              {
                runId: 'f'.repeat(32),
                runIdSupplied: true,
                experiment: 'exp',
                params: [{ key: 'p', value: '1' }],
                tags: [{ key: 't', value: 'x' }],
                metrics: Array.from({ length: 2500 }, (__, step) => ({
                  key: 'm',
                  value: step,
                  step,
                  timestamp: step,
                })),
              },
            ],
          },
          'user:default/a',
        ),
      ).rejects.toThrow('the disk is full');
      for (const table of [
        'runs',
        'run_params',
        'run_tags',
        'metric_points',
        'latest_metrics',
        'ingestion_requests',
      ]) {
        const [{ n }] = await knex(table).count({ n: '*' });
        expect({ table, n: Number(n) }).toEqual({ table, n: 0 });
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'stores each point once and counts what was new, for new and known runs, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS });
      const storage = new DatabaseStores(knex);
      const project = await createTestProject(storage, 'points');
      const run = 'a'.repeat(32);
      // Keys PostgreSQL's COPY text format must escape; a stretch longer than one SQLite
      // statement takes; a key that comes back later in the run; repeats; values of every kind.
      const odd = 'tab\there\\back\nline\rcr';
      const long = Array.from({ length: 150 }, (_, step) => ({
        key: 'long',
        value: step / 3,
        step,
        timestamp: 1000 + step,
      }));
      const special = [
        Number.NaN,
        Infinity,
        -Infinity,
        -0,
        0,
        1e-300,
        5e300,
      ].map((value, step) => ({ key: odd, value, step, timestamp: 7 }));
      const first = {
        runId: run,
        runIdSupplied: true,
        experiment: 'exp',
        params: [],
        tags: [],
        metrics: [
          ...long,
          ...special,
          { key: 'long', value: 0, step: 0, timestamp: 1000 },
          ...long.slice(0, 10),
          ...special.slice(0, 3),
        ],
      };
      const second = {
        ...first,
        metrics: [
          ...long.slice(140),
          { key: 'long', value: 99, step: 150, timestamp: 2000 },
          ...special.slice(5),
          { key: odd, value: 1, step: 9, timestamp: 7 },
        ],
      };
      // The same new run twice in one batch (a long series in slices): one row per point.
      await ingestBatch(
        storage,
        project,
        { requestId: 'first', runs: [first, { ...first, metrics: long }] },
        'user:default/a',
      );
      await ingestBatch(
        storage,
        project,
        { requestId: 'second', runs: [second] },
        'user:default/a',
      );

      const points = await knex('metric_points')
        .where('run_id', run)
        .select('key', 'step', 'value', 'is_nan');
      const byKey = (key: string) =>
        points
          .filter(p => p.key === key)
          .sort((a, b) => Number(a.step) - Number(b.step))
          .map(p => (Number(p.is_nan) ? 'NaN' : Number(p.value)));
      expect(byKey('long')).toEqual([...long.map(p => p.value), 99]);
      // -0 and 0 at different steps are two points; 0 is 0 to the primary key.
      expect(byKey(odd)).toEqual([
        'NaN',
        Infinity,
        -Infinity,
        0,
        0,
        1e-300,
        5e300,
        1,
      ]);
      const latest = await knex('latest_metrics')
        .where('run_id', run)
        .orderBy('key')
        .select('key', 'point_count', 'step');
      expect(
        latest.map(l => ({
          key: l.key,
          count: Number(l.point_count),
          step: Number(l.step),
        })),
      ).toEqual(
        [
          { key: 'long', count: 151, step: 150 },
          { key: odd, count: 8, step: 9 },
        ].sort((a, b) => (a.key < b.key ? -1 : 1)),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps every metric point with its run on %p, whether or not the database checks the key',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const directory = MIGRATIONS;
      await knex.migrate.latest({ directory });
      const runKeys = async () =>
        knex.client.config.client === 'pg'
          ? Number(
              (
                await knex.raw(
                  `select count(*) as n from pg_constraint where conrelid = 'metric_points'::regclass and contype = 'f'`,
                )
              ).rows[0].n,
            )
          : (await knex.raw('pragma foreign_key_list(metric_points)')).length;
      // PostgreSQL checked each point's run row by row, the largest cost of its ingestion.
      expect(await runKeys()).toBe(knex.client.config.client === 'pg' ? 0 : 1);
      const storage = new DatabaseStores(knex);
      const project = await createTestProject(storage, 'run-key');
      for (const runId of ['a'.repeat(32), 'b'.repeat(32), 'a'.repeat(32)]) {
        await ingestBatch(
          storage,
          project,
          {
            runs: [
              {
                runId,
                runIdSupplied: true,
                experiment: 'e',
                params: [],
                tags: [],
                metrics: Array.from({ length: 50 }, (_, step) => ({
                  key: 'm',
                  value: step,
                  step: step + (runId === 'a'.repeat(32) ? 50 : 0),
                  timestamp: step,
                })),
              },
            ],
          },
          'user:default/a',
        );
      }
      const [{ n: orphans }] = await knex('metric_points as p')
        .whereNotExists(knex('runs as r').select(1).whereRaw('r.id = p.run_id'))
        .count({ n: '*' });
      expect(Number(orphans)).toBe(0);
      // Run a's second batch repeats its first: stored once.
      expect(Number((await knex('metric_points').count({ n: '*' }))[0].n)).toBe(
        100,
      );
      // The migration is reversible where it changed something.
      const name = '20261206180000_metric_points_without_run_check.js';
      await knex.migrate.down({ directory, name });
      expect(await runKeys()).toBe(1);
      await knex.migrate.up({ directory, name });
      expect(await runKeys()).toBe(knex.client.config.client === 'pg' ? 0 : 1);
    },
  );
});
