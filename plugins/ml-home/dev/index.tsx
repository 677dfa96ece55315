/*
 * Runs the ML Home pages alone, in an app of Backstage's new frontend system (createApp from
 * @backstage/frontend-defaults; @backstage/frontend-dev-utils 0.1.6 does not type-check here).
 * Start the plugin's own backend first (`npm start` in plugins/ml-home-backend: in-memory SQLite,
 * demo data, every request as the guest), then `npm start` here and open
 * http://localhost:3000/ml-home: choose Enter, then OK to the legacy guest token (there is no auth
 * backend). Requests carry the backend's mock user token; the catalog plugin is there for entity
 * links, with a fake catalog API holding the demo teams.
 */
import ReactDOM from 'react-dom/client';
import { createApp } from '@backstage/frontend-defaults';
import {
  ApiBlueprint,
  createFrontendModule,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import mlHomePlugin from '../src';

const guest = 'user:default/guest';
const teams = ['churn-prediction', 'home-ranking', 'podcast-recs'];

const catalogApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogApiRef,
      deps: {},
      factory: () =>
        catalogApiMock({
          entities: [
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
          ],
        }),
    }),
});

/** Sends the dev backend's mock token, as a signed-in portal sends the user's. */
const fetchApi = ApiBlueprint.make({
  name: 'fetch',
  params: defineParams =>
    defineParams({
      api: fetchApiRef,
      deps: {},
      factory: () => ({
        fetch: (input, init) => {
          const headers = new Headers(init?.headers);
          headers.set(
            'Authorization',
            `Bearer mock-user-token:${JSON.stringify({ sub: guest })}`,
          );
          return window.fetch(input, { ...init, headers });
        },
      }),
    }),
});

// The catalog plugin gives ML Home's links to entity pages somewhere to point; its API is replaced.
const fakeCatalog = createFrontendModule({
  pluginId: 'catalog',
  extensions: [catalogApi],
});
const devFetch = createFrontendModule({
  pluginId: 'app',
  extensions: [fetchApi],
});

const app = createApp({
  features: [mlHomePlugin, catalogPlugin, fakeCatalog, devFetch],
});

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
