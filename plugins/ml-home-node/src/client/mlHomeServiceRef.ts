import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { MlHomeApi, MlHomeClient } from '@ml-home/plugin-ml-home-common';
import { createServiceFetch } from './serviceFetch';

/**
 * ML Home's API for backend plugins and modules: the `-common` `MlHomeClient` over HTTP, found
 * through discovery (so ML Home may run in this backend or another one), every call carrying a
 * fresh service token of the plugin that depends on it.
 *
 * @remarks
 * The service is plugin-scoped: a catalog module calls ML Home as `plugin:catalog`, a search
 * module as `plugin:search` (Backstage allows a plugin's own service credentials every permission
 * without asking the policy). Calls are made for the plugin, never on behalf of a user. A test
 * replaces the client with a fake through
 * `createServiceFactory({ service: mlHomeServiceRef, deps: {}, factory: () => fake })`.
 *
 * ```ts
 * reg.registerInit({
 *   deps: { mlHome: mlHomeServiceRef },
 *   async init({ mlHome }) {
 *     const { items } = await mlHome.searchModels({ limit: 50 });
 *   },
 * });
 * ```
 *
 * @public
 */
export const mlHomeServiceRef = createServiceRef<MlHomeApi>({
  id: 'ml-home.client',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      factory({ auth, discovery }) {
        return new MlHomeClient({
          discoveryApi: discovery,
          fetchApi: createServiceFetch(auth),
        });
      },
    }),
});
