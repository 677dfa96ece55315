/**
 * Node library for ML Home, for backend plugins and modules that use or extend it: the service
 * ref and client, the schedule-config reader, and the permission condition helpers for policy
 * authors. The extension points (custom certification checks, demo data) are in `./alpha`.
 *
 * @packageDocumentation
 */
export { mlHomeServiceRef } from './client/mlHomeServiceRef';
export { readScheduleConfig } from './config/readScheduleConfig';
export {
  retryWithBackoff,
  withRetries,
  type RetryWithBackoffOptions,
} from './retry/retryWithBackoff';
export {
  mlHomeProjectResourceRef,
  type MlHomeProjectQuery,
  type MlHomeProjectResource,
} from './permissions/resource';
export {
  createMlHomeConditionalDecision,
  foldEntityRef,
  isProjectOwner,
  mlHomeConditions,
  mlHomeRules,
} from './permissions/rules';
