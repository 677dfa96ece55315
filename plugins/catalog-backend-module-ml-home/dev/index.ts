/*
 * Runs the catalog module alone: `npm start` in plugins/catalog-backend-module-ml-home starts the
 * catalog backend with this module on http://localhost:7007 (in-memory SQLite, every request as
 * the guest, allowed everything) and a stand-in ML Home serving two projects, a model, a dataset
 * and a deployment. Within seconds the catalog holds them as Resources:
 *
 *   curl -H 'Authorization: Bearer mock-user-token:{"sub":"user:default/guest"}' \
 *     'http://localhost:7007/api/catalog/entities/by-query?filter=kind=resource'
 *
 * To run it against the real ML Home, use `npm start` at the root.
 */
import { createBackend } from '@backstage/backend-defaults';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  dataset,
  deployment,
  FakeMlHome,
  model,
  project,
} from '../src/__testUtils__/FakeMlHome';
import { fakeMlHomePlugin } from '../src/__testUtils__/fakeMlHomePlugin';

const mlHome = new FakeMlHome();
mlHome.projects = [
  project({
    name: 'churn-prediction',
    owner: 'group:default/churn-prediction',
  }),
  project({ name: 'home-feed', owner: 'group:default/home-ranking' }),
];
mlHome.models = [
  model({
    name: 'churn-model',
    project: 'churn-prediction',
    owner: 'group:default/churn-prediction',
  }),
];
mlHome.datasets = [
  dataset({ name: 'subscriptions', project: 'churn-prediction' }),
];
mlHome.deployments = [
  deployment({
    model: 'churn-model',
    service: 'component:default/churn-scorer',
  }),
];

const backend = createBackend();
backend.add(
  mockServices.rootConfig.factory({
    data: {
      app: { baseUrl: 'http://localhost:3000' },
      backend: {
        baseUrl: 'http://localhost:7007',
        listen: { port: 7007 },
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
      catalog: {
        providers: {
          mlHome: {
            schedule: {
              frequency: { minutes: 10 },
              timeout: { minutes: 10 },
              initialDelay: { seconds: 2 },
            },
          },
        },
      },
    },
  }),
);
backend.add(mockServices.auth.factory());
backend.add(
  mockServices.httpAuth.factory({
    defaultCredentials: mockCredentials.user('user:default/guest'),
  }),
);
backend.add(
  mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
);
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('../src'));
backend.add(fakeMlHomePlugin(mlHome, []));
backend.start();
