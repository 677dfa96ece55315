import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { IngestBatchInput, Project } from '../domain/types';
import { DatabaseStores } from '../database/DatabaseStores';
import { ingestBatch } from './writeBatch';
import { MIGRATIONS, createTestProject } from '../__testUtils__/testStores';

jest.setTimeout(60_000);

const migrations = MIGRATIONS;
const HASH_MIGRATION = '20261205100000_ingestion_request_hash.js';
const ACTOR = 'user:default/a';

const createProject = (storage: DatabaseStores, name: string) =>
  createTestProject(storage, name, ACTOR);

const batch = (
  requestId: string,
  requestHash: string | undefined,
  experiment: string,
): IngestBatchInput => ({
  requestId,
  requestHash,
  runs: [
    {
      runId: 'f'.repeat(32),
      runIdSupplied: true,
      experiment,
      params: [{ key: 'lr', value: '0.1' }],
      tags: [],
      metrics: [{ key: 'm', value: 1, step: 0, timestamp: 1 }],
    },
  ],
});

describe('ingestion requests', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'keep a hash of their request from the migration on, while older ones replay as before, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // The project is written with today's stores (they read tables of later migrations); the
      // request row as the database held it before the hash migration, which is then re-applied.
      await knex.migrate.latest({ directory: migrations });
      const store = new DatabaseStores(knex);
      const project = await createProject(store, 'hashes');
      await knex.migrate.down({ directory: migrations, name: HASH_MIGRATION });
      expect(
        await knex.schema.hasColumn('ingestion_requests', 'request_hash'),
      ).toBe(false);
      const recorded = {
        runs: [],
        metricPoints: 3,
        params: 0,
        tags: 0,
        replayed: false,
      };
      await knex('ingestion_requests').insert({
        request_id: 'before-hashes',
        project_id: project.id,
        response: JSON.stringify(recorded),
        created_at: new Date(),
      });

      await knex.migrate.latest({ directory: migrations });
      // Recorded without a hash: replays whatever is sent, as it did.
      await expect(
        ingestBatch(
          store,
          project,
          batch('before-hashes', 'a'.repeat(64), 'x'),
          ACTOR,
        ),
      ).resolves.toEqual({ ...recorded, replayed: true });

      await ingestBatch(
        store,
        project,
        batch('hashed', 'b'.repeat(64), 'x'),
        ACTOR,
      );
      expect(
        await knex('ingestion_requests')
          .where('request_id', 'hashed')
          .first('request_hash'),
      ).toEqual({ request_hash: 'b'.repeat(64) });

      // Down drops the column in place: the recorded requests (and everything else) stay.
      await knex.migrate.down({ directory: migrations, name: HASH_MIGRATION });
      expect(
        await knex.schema.hasColumn('ingestion_requests', 'request_hash'),
      ).toBe(false);
      expect(
        (await knex('ingestion_requests').select('request_id'))
          .map(r => r.request_id)
          .sort(),
      ).toEqual(['before-hashes', 'hashed']);
      expect(await knex('runs').where('id', 'f'.repeat(32))).toHaveLength(1);
      await knex.migrate.latest({ directory: migrations });
      expect(
        await knex.schema.hasColumn('ingestion_requests', 'request_hash'),
      ).toBe(true);
    },
  );

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let store: DatabaseStores;
    let project: Project;
    let other: Project;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrations });
      store = new DatabaseStores(knex);
      project = await createProject(store, 'mine');
      other = await createProject(store, 'theirs');
    });

    const experiments = async (name: string) =>
      knex('experiments').where('name', name).select('id');

    it('replays a requestId only for the same request, in the same project', async () => {
      const first = await ingestBatch(
        store,
        project,
        batch('once', 'c'.repeat(64), 'first'),
        ACTOR,
      );
      expect(first.replayed).toBe(false);
      await expect(
        ingestBatch(
          store,
          project,
          batch('once', 'c'.repeat(64), 'first'),
          ACTOR,
        ),
      ).resolves.toEqual({ ...first, replayed: true });

      await expect(
        ingestBatch(
          store,
          project,
          batch('once', 'd'.repeat(64), 'second'),
          ACTOR,
        ),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining("requestId 'once'"),
      });
      await expect(
        ingestBatch(
          store,
          other,
          batch('once', 'c'.repeat(64), 'third'),
          ACTOR,
        ),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining("requestId 'once'"),
      });
      expect(await experiments('second')).toEqual([]);
      expect(await experiments('third')).toEqual([]);
      expect(
        await knex('ingestion_requests').where('request_id', 'once'),
      ).toHaveLength(1);
    });

    it('writes one of two concurrent calls with one requestId and replays it to the other', async () => {
      const runs = (n: number) =>
        Array.from({ length: n }, (_, i) => ({
          runId: (0xabc000 + i).toString(16).padStart(32, '0'),
          runIdSupplied: true,
          experiment: 'concurrent',
          params: [{ key: 'i', value: String(i) }],
          tags: [],
          metrics: [{ key: 'm', value: i, step: 0, timestamp: 1 }],
        }));
      const call = () =>
        ingestBatch(
          store,
          project,
          {
            requestId: 'together',
            requestHash: 'e'.repeat(64),
            runs: runs(300),
          },
          ACTOR,
        );
      const answers = await Promise.all([call(), call()]);
      expect(answers.map(a => a.replayed).sort()).toEqual([false, true]);
      expect(answers[0].runs).toEqual(answers[1].runs);
      const [{ n }] = await knex('events')
        .where({ action: 'runs.ingest', entity_id: '300 runs' })
        .count({ n: '*' });
      expect(Number(n)).toBe(1);
    });
  });
});
