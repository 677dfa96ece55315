/**
 * Exports for portals still on Backstage's legacy frontend system.
 *
 * @packageDocumentation
 */
import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { MlHomeClient } from '@ml-home/plugin-ml-home-common';
import { mlHomeApiRef } from './api/mlHomeApiRef';

const legacyRootRouteRef = createRouteRef({ id: 'ml-home' });

/**
 * The ML Home plugin for the legacy frontend system.
 *
 * @public
 */
export const mlHomeLegacyPlugin = createPlugin({
  id: 'ml-home',
  apis: [
    createApiFactory({
      api: mlHomeApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MlHomeClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: legacyRootRouteRef },
});

/**
 * The ML Home page for the legacy app's routes, e.g.
 * `<Route path="/ml-home/*" element={<MlHomePage />} />` (the page routes below itself).
 *
 * @public
 */
export const MlHomePage = mlHomeLegacyPlugin.provide(
  createRoutableExtension({
    name: 'MlHomePage',
    component: () => import('./components/Router').then(m => m.Router),
    mountPoint: legacyRootRouteRef,
  }),
);

export { mlHomeApiRef } from './api/mlHomeApiRef';
