import { TestDatabases } from '@backstage/backend-test-utils';
import type { IngestBatch } from '@ml-home/plugin-ml-home-common';
import { CatalogChecks } from '../catalog/CatalogChecks';
import { DatabaseStores } from '../database/DatabaseStores';
import { DefaultIngestionService } from './IngestionService';
import { MIGRATIONS, createTestProject } from '../__testUtils__/testStores';

jest.setTimeout(60_000);

/*
 * Several pipelines registering versions of one model at once: every batch gets through, each
 * with its own version number, instead of the later ones failing on the version's unique index.
 */
describe('concurrent batches registering versions of one model', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'number the versions one after the other on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS });
      const storage = new DatabaseStores(knex);
      const actor = 'user:default/a';
      const project = await createTestProject(storage, 'parallel', actor);
      await storage.stores.models.createModel(
        project,
        { name: 'shared', description: '' },
        actor,
      );
      const allowAll: Partial<CatalogChecks> = {
        entitiesExist: async () => undefined,
      };
      const ingestion = new DefaultIngestionService(
        storage.stores,
        storage,
        allowAll as CatalogChecks,
      );
      const batch = (i: number): IngestBatch => {
        const runId = (0xab00 + i).toString(16).padStart(32, '0');
        return {
          requestId: `parallel-${i}`,
          runs: [
            {
              runId,
              experiment: 'e',
              metrics: Array.from({ length: 200 }, (_, step) => ({
                key: 'loss',
                value: 1 / (step + 1),
                step,
              })),
            },
          ],
          modelVersions: [
            { model: 'shared', runId, aliases: [`candidate-${i}`] },
          ],
        };
      };
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          ingestion.ingest(
            { actor, projectToken: { id: 't', project: 'parallel' } },
            { project },
            batch(i),
          ),
        ),
      );
      const numbers = results
        .map(r => r.modelVersions?.[0]?.version)
        .sort((a, b) => Number(a) - Number(b));
      expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const rows = await knex('model_versions').count({ n: '*' });
      expect(Number(rows[0].n)).toBe(8);
    },
  );
});
