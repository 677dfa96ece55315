import {
  coreServices,
  createBackendModule,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import {
  mlHomeServiceRef,
  readScheduleConfig,
  withRetries,
} from '@ml-home/plugin-ml-home-node';
import { MlHomeCollatorFactory } from './collator/MlHomeCollatorFactory';

/** Every 10 minutes, the first run soon after start-up (as the catalog collator). */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 3 },
};

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
        mlHome: mlHomeServiceRef,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ config, logger, scheduler, mlHome, indexRegistry }) {
        // A run that fails (ML Home answering 503 while it starts, or any error) is tried again
        // within seconds rather than at the next scheduled run.
        indexRegistry.addCollator({
          schedule: withRetries(
            scheduler.createScheduledTaskRunner(
              readScheduleConfig(
                config,
                'search.collators.mlHome.schedule',
                DEFAULT_SCHEDULE,
              ),
            ),
            { what: 'ML Home search indexing', logger },
          ),
          factory: new MlHomeCollatorFactory({ client: mlHome, logger }),
        });
      },
    });
  },
});
