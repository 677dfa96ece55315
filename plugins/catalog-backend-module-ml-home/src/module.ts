import {
  coreServices,
  createBackendModule,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { ML_HOME_EVENTS_TOPIC } from '@ml-home/plugin-ml-home-common';
import {
  mlHomeServiceRef,
  readScheduleConfig,
} from '@ml-home/plugin-ml-home-node';
import { MlHomeModelsAnnotationProcessor } from './processor/MlHomeModelsAnnotationProcessor';
import { MlHomeEntityProvider } from './provider/MlHomeEntityProvider';

/** The full refresh: every 10 minutes, the first run soon after start-up. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 5 },
};

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
        mlHome: mlHomeServiceRef,
        events: eventsServiceRef,
      },
      async init({
        catalog,
        config,
        logger,
        scheduler,
        lifecycle,
        mlHome,
        events,
      }) {
        const provider = new MlHomeEntityProvider({
          client: mlHome,
          logger,
          scheduler,
          schedule: readScheduleConfig(
            config,
            'catalog.providers.mlHome.schedule',
            DEFAULT_SCHEDULE,
          ),
          appBaseUrl: config.getString('app.baseUrl'),
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
