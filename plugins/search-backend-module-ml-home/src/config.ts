import {
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';

const CONFIG_KEY = 'search.collators.mlHome';

/** Every 10 minutes, the first run soon after start-up (as the catalog collator). */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 3 },
};

/** Reads `search.collators.mlHome.schedule`. */
export function readCollatorSchedule(
  config: RootConfigService,
): SchedulerServiceTaskScheduleDefinition {
  const scheduleConfig = config.getOptionalConfig(`${CONFIG_KEY}.schedule`);
  if (!scheduleConfig) {
    return DEFAULT_SCHEDULE;
  }
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig);
  } catch (error) {
    throw new InputError(
      `Invalid schedule at ${CONFIG_KEY}.schedule: ${error}`,
    );
  }
}
