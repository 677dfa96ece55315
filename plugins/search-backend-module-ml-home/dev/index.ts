/*
 * Runs the search module alone: `npm start` in plugins/search-backend-module-ml-home starts the
 * search backend (in-memory Lunr index) with this collator on http://localhost:7007, every request
 * as the guest, allowed everything, and ML Home replaced by an in-memory stand-in through
 * mlHomeServiceRef (two projects and a model). The index is built a few seconds after start:
 *
 *   curl -H 'Authorization: Bearer mock-user-token:{"sub":"user:default/guest"}' \
 *     'http://localhost:7007/api/search/query?term=churn'
 *
 * To index the real ML Home, use `npm start` at the root.
 */
import { createBackend } from '@backstage/backend-defaults';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { MlHomeApi } from '@ml-home/plugin-ml-home-common';
import { mlHomeServiceRef } from '@ml-home/plugin-ml-home-node';
import { FakeMlHome, model, project } from '../src/__testUtils__/FakeMlHome';

const mlHome = new FakeMlHome();
mlHome.projects = [
  project({
    name: 'churn-prediction',
    title: 'Churn prediction',
    description: 'Which subscribers cancel next month.',
  }),
  project({ name: 'home-feed', title: 'Home feed ranking' }),
];
mlHome.models = [model({ name: 'churn-model', project: 'churn-prediction' })];

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
      search: {
        collators: {
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
// The collator reads two lists; the stand-in has just those.
backend.add(
  createServiceFactory({
    service: mlHomeServiceRef,
    deps: {},
    factory: () => mlHome as Partial<MlHomeApi> as MlHomeApi,
  }),
);
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('../src'));
backend.start();
