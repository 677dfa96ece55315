import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /** The ML Home entity provider (`@ml-home/plugin-catalog-backend-module-ml-home`). */
      mlHome?: {
        /**
         * When the full refresh of ML Home models, datasets and feature sets runs. Defaults to
         * every 10 minutes, the first run 5 seconds after the backend has started. Changes
         * in between arrive as events and are applied within seconds.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
