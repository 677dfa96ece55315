import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { Knex } from 'knex';
import request from 'supertest';
import { DatabaseStores } from '../database/DatabaseStores';
import { mlHomePlugin } from '../plugin';
import { FakeMlflowServer } from './__testUtils__/fakeMlflowServer';

jest.setTimeout(120_000);

const ADMIN = 'user:default/pat';
const ALICE = 'user:default/alice';
const user = (ref: string) => mockCredentials.user.header(ref);

describe('the MLflow import routes', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: any;
    let stop: () => Promise<void>;
    const mlflow = new FakeMlflowServer();

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      mlflow.experiments = [{ id: '1', name: 'churn' }];
      mlflow.runs = [1, 2].map(n => ({
        runId: n.toString(16).padStart(32, '0'),
        experimentId: '1',
        name: `run-${n}`,
        status: 'FINISHED',
        startTime: n,
        endTime: n + 1,
        lifecycle: 'active' as const,
        params: {},
        tags: {},
        metrics: [{ key: 'auc', value: 0.5 + n / 10, step: 0, timestamp: 1 }],
      }));
      await mlflow.start();
      const permissions = mockServices.permissions.mock({
        authorize: async (requests, options) =>
          requests.map(r => ({
            result:
              r.permission.name !== 'ml-home.admin.imports' ||
              (options.credentials.principal as any).userEntityRef === ADMIN
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          })),
      });
      const backend = await startTestBackend({
        features: [
          mlHomePlugin,
          permissions.factory,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: [] }),
          createServiceFactory({
            service: eventsServiceRef,
            deps: {},
            factory: () => ({
              publish: async () => {},
              subscribe: async () => {},
            }),
          }),
          mockServices.rootConfig.factory({
            data: {
              mlHome: {
                checkOwnersInCatalog: false,
                mlflowImport: {
                  // Not before the test asks: "Import now" is what starts it.
                  initialDelay: { hours: 1 },
                  servers: [
                    {
                      id: 'prod',
                      url: mlflow.url,
                      project: 'churn',
                      models: false,
                    },
                  ],
                },
              },
            },
          }),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      });
      server = backend.server;
      stop = () => backend.stop();
      await new DatabaseStores(knex).stores.projects.createProject(
        {
          name: 'churn',
          title: 'Churn',
          description: '',
          owner: 'group:default/ml',
          lifecycle: 'experimental',
          tags: [],
          links: [],
          relatedEntities: [],
        },
        ADMIN,
      );
    });

    afterAll(async () => {
      await stop();
      await mlflow.stop();
    });

    it('needs a signed-in caller with the admin imports permission', async () => {
      await request(server).get('/api/ml-home/admin/imports').expect(401);
      const denied = await request(server)
        .get('/api/ml-home/admin/imports')
        .set('authorization', user(ALICE))
        .expect(403);
      expect(denied.body.error.message).toMatch(/ml-home\.admin\.imports/);
      await request(server)
        .post('/api/ml-home/admin/imports/prod/run')
        .set('authorization', user(ALICE))
        .expect(403);
    });

    it('lists the configured server, and "run now" imports it', async () => {
      const listed = await request(server)
        .get('/api/ml-home/admin/imports')
        .set('authorization', user(ADMIN))
        .expect(200);
      expect(listed.body.items).toEqual([
        expect.objectContaining({
          serverId: 'prod',
          url: mlflow.url,
          project: 'churn',
          experiments: [],
          models: false,
          frequencySeconds: 900,
          status: 'never',
          recent: [],
        }),
      ]);

      await request(server)
        .post('/api/ml-home/admin/imports/nope/run')
        .set('authorization', user(ADMIN))
        .expect(404);
      const started = await request(server)
        .post('/api/ml-home/admin/imports/prod/run')
        .set('authorization', user(ADMIN))
        .expect(202);
      expect(started.body.serverId).toBe('prod');

      // The scheduler runs the task: wait for the import to finish.
      let item: any;
      for (let i = 0; i < 100; i++) {
        const res = await request(server)
          .get('/api/ml-home/admin/imports')
          .set('authorization', user(ADMIN));
        item = res.body.items[0];
        if (item.status === 'succeeded' || item.status === 'failed') break;
        await new Promise(resolve => setTimeout(resolve, 200));
      }
      expect(item).toMatchObject({
        status: 'succeeded',
        itemsDone: 2,
        itemsTotal: 2,
        pointsDone: 2,
      });
      expect(item.recent[0]).toMatchObject({
        status: 'succeeded',
        trigger: 'manual',
      });
      const runs = await knex('runs').orderBy('name').select('name');
      expect(runs.map(r => r.name)).toEqual(['run-1', 'run-2']);
    });
  });
});
