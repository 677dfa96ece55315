import {
  mlHomeProjectReadPermission,
  mlHomeRunWritePermission,
} from '@ml-home/plugin-ml-home-common';
import { AccessTable, Authorized } from '../authorization/authorize';
import { Finders } from '../authorization/finders';
import { DeploymentsService } from './DeploymentsService';
import type { CertificationGate } from '../certification/CertificationGate';

/**
 * Who may do what with deployments and monitoring: deploy pipelines report deployments and
 * monitoring with ingestion rights, like runs.
 */
export function deploymentsAccess(find: Finders, gate?: CertificationGate) {
  return {
    listModelDeployments: {
      permission: mlHomeProjectReadPermission,
      on: find.model,
    },
    searchDeployments: { readable: { items: [], totalCount: 0 } },
    createDeployment: {
      permission: mlHomeRunWritePermission,
      on: find.model,
      // A gated environment (mlHome.certification.gate) takes only a certified enough model.
      also: async (caller, scope, request) =>
        gate?.check(
          caller,
          scope,
          { environment: request.environment },
          request.version,
          request.certificationOverride,
        ),
    },
    retireDeployment: {
      permission: mlHomeRunWritePermission,
      on: find.deployment,
    },
    logMonitoring: {
      permission: mlHomeRunWritePermission,
      on: find.deployment,
    },
    getMonitoring: {
      permission: mlHomeProjectReadPermission,
      on: find.deployment,
    },
    getLineage: { permission: mlHomeProjectReadPermission, on: find.model },
  } satisfies AccessTable<DeploymentsService>;
}

/** What the deployment, monitoring and lineage routes call. */
export type DeploymentsApi = Authorized<
  DeploymentsService,
  ReturnType<typeof deploymentsAccess>
>;
