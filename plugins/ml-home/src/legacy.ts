/**
 * Exports for portals still on Backstage's legacy frontend system.
 *
 * @packageDocumentation
 */
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { MlHomeClient } from '@ml-home/plugin-ml-home-common';
import type { JSX } from 'react';
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
export { mlHomeTranslationRef } from './translation';

/**
 * The "ML" tab of an entity page for the legacy app: on a component, the models it serves; on an
 * ml-model Resource, the model. Use it in the entity pages of components and ml-model resources:
 * `<EntityLayout.Route path="/ml" title="ML"><EntityMlContent /></EntityLayout.Route>`.
 *
 * @public
 */
export const EntityMlContent: () => JSX.Element | null =
  mlHomeLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityMlContent',
      component: {
        lazy: () =>
          import('./components/entity/EntityMlContent').then(
            m => m.EntityMlContent,
          ),
      },
    }),
  );

/**
 * The "ML models" card for the legacy app's component and group overview pages.
 *
 * @public
 */
export const EntityMlModelsCard: () => JSX.Element | null =
  mlHomeLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityMlModelsCard',
      component: {
        lazy: () =>
          import('./components/entity/EntityMlModelsCard').then(
            m => m.EntityMlModelsCard,
          ),
      },
    }),
  );

/**
 * The "ML projects" card for the legacy app's group pages.
 *
 * @public
 */
export const EntityMlProjectsCard: () => JSX.Element | null =
  mlHomeLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityMlProjectsCard',
      component: {
        lazy: () =>
          import('./components/entity/EntityMlProjectsCard').then(
            m => m.EntityMlProjectsCard,
          ),
      },
    }),
  );

export {
  isMlModelEntity,
  ML_HOME_MODEL_ANNOTATION,
  ML_HOME_MODELS_ANNOTATION,
} from './components/entity/entityPredicates';
