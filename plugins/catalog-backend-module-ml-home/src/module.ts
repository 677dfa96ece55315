import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  ML_HOME_EVENTS_TOPIC,
  MlHomeClient,
} from '@ml-home/plugin-ml-home-common';
import { createServiceFetch } from './client/serviceFetch';
import { readMlHomeProviderConfig } from './config';
import { MlHomeModelsAnnotationProcessor } from './processor/MlHomeModelsAnnotationProcessor';
import { MlHomeEntityProvider } from './provider/MlHomeEntityProvider';

/**
 * Catalog module `ml-home`: publishes ML Home models, datasets and feature sets as catalog
 * Resources (refreshed on a schedule and on ML Home change events), and turns a component's
 * `ml-home.io/models` annotation into relations.
 *
 * @public
 */
export const catalogModuleMlHome = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'ml-home',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        events: eventsServiceRef,
      },
      async init({
        catalog,
        config,
        logger,
        scheduler,
        lifecycle,
        auth,
        discovery,
        events,
      }) {
        const { schedule, appBaseUrl } = readMlHomeProviderConfig(config);
        const provider = new MlHomeEntityProvider({
          client: new MlHomeClient({
            discoveryApi: discovery,
            fetchApi: createServiceFetch(auth),
          }),
          logger,
          scheduler,
          schedule,
          appBaseUrl,
        });
        catalog.addEntityProvider(provider);
        catalog.addProcessor(new MlHomeModelsAnnotationProcessor());

        // ML Home may still be loading (demo data) while the catalog initialises: read it only
        // once the whole backend is up.
        lifecycle.addStartupHook(async () => {
          await provider.start();
          await events.subscribe({
            id: 'ml-home-entity-provider',
            topics: [ML_HOME_EVENTS_TOPIC],
            onEvent: async params => provider.onEvent(params.eventPayload),
          });
        });
      },
    });
  },
});
