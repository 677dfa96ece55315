import {
  mlHomeProjectReadPermission,
  mlHomeRunWritePermission,
} from '@ml-home/plugin-ml-home-common';
import { AccessTable, Authorized } from '../authorization/authorize';
import { Finders } from '../authorization/finders';
import { RunsService } from './RunsService';

/** Who may do what with experiments and runs, and how each operation finds its project. */
export function runsAccess(find: Finders) {
  return {
    listExperiments: {
      permission: mlHomeProjectReadPermission,
      on: find.project,
    },
    createExperiment: {
      permission: mlHomeRunWritePermission,
      on: find.project,
    },
    listRuns: { permission: mlHomeProjectReadPermission, on: find.project },
    getRun: { permission: mlHomeProjectReadPermission, on: find.run },
    getMetricHistory: { permission: mlHomeProjectReadPermission, on: find.run },
    // Every run's project must be readable.
    getMetricHistories: {
      permission: mlHomeProjectReadPermission,
      on: find.runs,
    },
  } satisfies AccessTable<RunsService>;
}

/** What the experiment and run routes call. */
export type RunsApi = Authorized<RunsService, ReturnType<typeof runsAccess>>;
