import type * as Wire from '@ml-home/plugin-ml-home-common';
import { Deployment } from '../domain/types';

/* Deployments → wire: ISO times. */

export function deploymentToWire(d: Deployment): Wire.Deployment {
  return {
    id: d.id,
    project: d.project,
    model: d.model,
    version: d.version,
    environment: d.environment,
    service: d.service,
    endpoint: d.endpoint,
    status: d.status,
    deployedAt: d.deployedAt.toISOString(),
    ...(d.retiredAt ? { retiredAt: d.retiredAt.toISOString() } : {}),
    createdBy: d.createdBy,
  };
}
