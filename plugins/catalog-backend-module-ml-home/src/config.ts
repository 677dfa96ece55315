import {
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';

/** The module's configuration, read once. */
export type MlHomeProviderConfig = {
  schedule: SchedulerServiceTaskScheduleDefinition;
  appBaseUrl: string;
};

const CONFIG_KEY = 'catalog.providers.mlHome';

/** Every 10 minutes, the first run soon after start-up. */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 5 },
};

/** Reads `catalog.providers.mlHome` and `app.baseUrl`. */
export function readMlHomeProviderConfig(
  config: RootConfigService,
): MlHomeProviderConfig {
  const scheduleConfig = config.getOptionalConfig(`${CONFIG_KEY}.schedule`);
  let schedule = DEFAULT_SCHEDULE;
  if (scheduleConfig) {
    try {
      schedule =
        readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig);
    } catch (error) {
      throw new InputError(
        `Invalid schedule at ${CONFIG_KEY}.schedule: ${error}`,
      );
    }
  }
  return { schedule, appBaseUrl: config.getString('app.baseUrl') };
}
