import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import request from 'supertest';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mlHomePlugin } from './plugin';

jest.setTimeout(60_000);

describe('mlHomePlugin', () => {
  const databases = TestDatabases.create({
    ids: ['POSTGRES_15', 'SQLITE_3'],
  });

  it.each(databases.eachSupportedId())(
    'migrates up, down and up again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const directory = resolvePackagePath(
        '@ml-home/plugin-ml-home-backend',
        'migrations',
      );
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('model_alias_history')).toBe(true);
      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('projects')).toBe(false);
      expect(await knex.schema.hasTable('models')).toBe(false);
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('metric_points')).toBe(true);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'migrates and answers the health check on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          mlHomePlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({ data: {} }),
          // Requests without a token stay anonymous, as in production.
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      });

      const ok = await request(server)
        .get('/api/ml-home/health')
        .set('Authorization', mockCredentials.user.header());
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ status: 'ok' });

      const anonymous = await request(server).get('/api/ml-home/health');
      expect(anonymous.status).toBe(401);

      const tables = await knex.migrate.currentVersion();
      expect(tables).not.toBe('none');
      await expect(knex('projects').count({ n: '*' })).resolves.toEqual([
        { n: expect.anything() },
      ]);
    },
  );
});
