/*
 * Runs the ML Home backend plugin alone: `npm start` in plugins/ml-home-backend serves it on
 * http://localhost:7007/api/ml-home with an in-memory SQLite database (gone when it stops), a small
 * demo data set, a fake catalog holding the demo organisation's teams, and every request treated
 * as the guest user, allowed everything. The OpenAPI document asks for a bearer token: send the
 * mock user token. plugins/ml-home's `npm start` serves the pages against this backend. For the
 * whole portal use `npm start` at the root.
 *
 *   curl -H 'Authorization: Bearer mock-user-token:{"sub":"user:default/guest"}' \
 *     http://localhost:7007/api/ml-home/projects
 */
import { createBackend } from '@backstage/backend-defaults';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mlHomeDemoDataExtensionPoint } from '@ml-home/plugin-ml-home-node/alpha';

const guest = 'user:default/guest';
const teams = ['churn-prediction', 'home-ranking', 'podcast-recs'];

const catalogEntities = [
  ...teams.map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], members: ['guest'] },
  })),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'guest', namespace: 'default' },
    spec: { memberOf: teams },
  },
];

/** A few projects with runs, a model with two versions and a `production` alias. */
const devDemoData = createBackendModule({
  pluginId: 'ml-home',
  moduleId: 'dev-demo-data',
  register(reg) {
    reg.registerInit({
      deps: { demoData: mlHomeDemoDataExtensionPoint },
      async init({ demoData }) {
        demoData.addLoader({
          id: 'dev',
          async load({ writer }) {
            const api = writer.as(guest);
            for (const team of teams) {
              await api.createProject({
                name: team,
                title: team.replace('-', ' '),
                owner: `group:default/${team}`,
                description: `Demo project of the ${team} team.`,
              });
            }
            const start = Date.parse('2026-11-01T09:00:00Z');
            const runs = [0.81, 0.84, 0.86].map((auc, i) => ({
              runId: `dev-run-${i + 1}`,
              experiment: 'baseline',
              name: `gbm-${i + 1}`,
              status: 'FINISHED' as const,
              user: guest,
              startTime: start + i * 3_600_000,
              endTime: start + i * 3_600_000 + 1_800_000,
              params: [{ key: 'max_depth', value: String(4 + i) }],
              metrics: Array.from({ length: 10 }, (_, step) => ({
                key: 'val_auc',
                value: auc - 0.02 * Math.exp(-step / 3),
                step,
                timestamp: start + i * 3_600_000 + step * 60_000,
              })),
            }));
            await api.ingest('churn-prediction', { runs });
            await api.createModel('churn-prediction', {
              name: 'churn-model',
              description: 'Predicts which subscribers cancel next month.',
            });
            await api.createModelVersion('churn-model', { runId: 'dev-run-2' });
            await api.createModelVersion('churn-model', { runId: 'dev-run-3' });
            await api.setModelAlias('churn-model', 'production', 2);
          },
        });
      },
    });
  },
});

const backend = createBackend();
backend.add(
  mockServices.rootConfig.factory({
    data: {
      backend: {
        baseUrl: 'http://localhost:7007',
        listen: { port: 7007 },
        cors: { origin: 'http://localhost:3000', credentials: true },
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
    },
  }),
);
backend.add(mockServices.auth.factory());
backend.add(
  mockServices.httpAuth.factory({
    defaultCredentials: mockCredentials.user(guest),
  }),
);
backend.add(mockServices.userInfo.factory());
backend.add(
  mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
);
backend.add(catalogServiceMock.factory({ entities: catalogEntities }));
backend.add(import('../src'));
backend.add(devDemoData);
backend.start();
