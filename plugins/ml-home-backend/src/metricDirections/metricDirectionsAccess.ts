import {
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
} from '@ml-home/plugin-ml-home-common';
import { AccessTable, Authorized } from '../authorization/authorize';
import { Finders } from '../authorization/finders';
import { MetricDirectionsService } from './MetricDirectionsService';

/** Whoever may read a project reads its declared directions; whoever may update it sets them. */
export function metricDirectionsAccess(find: Finders) {
  return {
    getProjectDirections: {
      permission: mlHomeProjectReadPermission,
      on: find.project,
    },
    setProjectDirections: {
      permission: mlHomeProjectUpdatePermission,
      on: find.project,
    },
    getModelDirections: {
      permission: mlHomeProjectReadPermission,
      on: find.model,
    },
    setModelDirections: {
      permission: mlHomeProjectUpdatePermission,
      on: find.model,
    },
  } satisfies AccessTable<MetricDirectionsService>;
}

/** What the metric direction routes call. */
export type MetricDirectionsApi = Authorized<
  MetricDirectionsService,
  ReturnType<typeof metricDirectionsAccess>
>;
