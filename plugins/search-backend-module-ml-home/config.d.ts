import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The ML Home collator (`@ml-home/plugin-search-backend-module-ml-home`). */
      mlHome?: {
        /**
         * When ML Home projects and models are indexed. Defaults to every 10 minutes, the first
         * run 3 seconds after the backend has started.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
