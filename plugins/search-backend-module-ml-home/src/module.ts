import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { MlHomeClient } from '@ml-home/plugin-ml-home-common';
import { createServiceFetch } from './client/serviceFetch';
import { MlHomeCollatorFactory } from './collator/MlHomeCollatorFactory';
import { readCollatorSchedule } from './config';

/**
 * Search module `ml-home`: indexes ML Home projects and models (document type `ml-home`) on a
 * schedule, reading ML Home through its HTTP API with the search plugin's service token.
 *
 * @public
 */
export const searchModuleMlHomeCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'ml-home',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({
        config,
        logger,
        scheduler,
        auth,
        discovery,
        indexRegistry,
      }) {
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(
            readCollatorSchedule(config),
          ),
          factory: new MlHomeCollatorFactory({
            client: new MlHomeClient({
              discoveryApi: discovery,
              fetchApi: createServiceFetch(auth),
            }),
            logger,
          }),
        });
      },
    });
  },
});
