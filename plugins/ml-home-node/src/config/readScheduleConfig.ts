import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * Reads the task schedule at `key` (e.g. `catalog.providers.mlHome.schedule`), or returns
 * `defaultSchedule` when the key is absent.
 *
 * @remarks
 * A schedule that is present but invalid stops start-up with an `InputError` naming the key, rather
 * than falling back to the default silently.
 *
 * @param config - the root config
 * @param key - the full path of the schedule in the config
 * @param defaultSchedule - the schedule to use when `key` is not set
 * @public
 */
export function readScheduleConfig(
  config: Config,
  key: string,
  defaultSchedule: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  const scheduleConfig = config.getOptionalConfig(key);
  if (!scheduleConfig) {
    return defaultSchedule;
  }
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig);
  } catch (error) {
    throw new InputError(`Invalid schedule at ${key}: ${error}`);
  }
}
