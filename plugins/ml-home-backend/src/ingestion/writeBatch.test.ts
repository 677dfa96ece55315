import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { DatabaseStores } from '../database/DatabaseStores';
import { ingestBatch } from './writeBatch';

jest.setTimeout(60_000);

describe('ingestBatch', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'writes a whole ingestion batch inside one transaction on %p, so a crash mid-write leaves nothing',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@ml-home/plugin-ml-home-backend',
          'migrations',
        ),
      });
      const storage = new DatabaseStores(knex);
      const project = await storage.stores.projects.createProject(
        {
          name: 'tx-check',
          title: 'Tx',
          description: '',
          owner: 'group:default/a',
          lifecycle: 'experimental',
          tags: [],
          links: [],
          relatedEntities: [],
        },
        'user:default/a',
      );

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

      // experiments, runs, params, tags, several point chunks, latest metrics, activity,
      // the project's last activity and the idempotency record: all in the same transaction.
      expect(writes.length).toBeGreaterThan(8);
      expect(writes.every(w => w.tx !== undefined)).toBe(true);
      expect(new Set(writes.map(w => w.tx)).size).toBe(1);
    },
  );
});
