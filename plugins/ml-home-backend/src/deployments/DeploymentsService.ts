import { InputError } from '@backstage/errors';
import {
  DeploymentCreate,
  MonitoringBatch,
  parseMetricValue,
} from '@ml-home/plugin-ml-home-common';
import { CatalogChecks } from '../catalog/CatalogChecks';
import { Caller } from '../domain/Caller';
import { ProjectConditions } from '../domain/ProjectConditions';
import { DeploymentScope, ModelScope } from '../domain/scopes';
import {
  Deployment,
  DeploymentSearchQuery,
  LineageGraph,
  Page,
} from '../domain/types';
import { checkSlug, normalizeEntityRef } from '../domain/validation';
import { DeploymentsStore } from './DatabaseDeploymentsStore';
import { noSuchVersion } from '../domain/notFound';

/** A deployment's series of one monitoring metric, possibly downsampled. */
export interface MonitoringSeries {
  deploymentId: string;
  metric: string;
  points: { timestamp: number; value: number }[];
  totalPoints: number;
  downsampled: boolean;
}

/**
 * ML Home's rules for deployments, their monitoring and the lineage around a model version.
 * Knows nothing of permissions.
 */
export interface DeploymentsService {
  listModelDeployments(
    caller: Caller,
    scope: ModelScope,
  ): Promise<Deployment[]>;
  searchDeployments(
    caller: Caller,
    conditions: ProjectConditions,
    query: DeploymentSearchQuery,
  ): Promise<Page<Deployment>>;
  createDeployment(
    caller: Caller,
    scope: ModelScope,
    request: DeploymentCreate,
  ): Promise<Deployment>;
  retireDeployment(caller: Caller, scope: DeploymentScope): Promise<Deployment>;
  logMonitoring(
    caller: Caller,
    scope: DeploymentScope,
    points: MonitoringBatch['points'],
  ): Promise<number>;
  getMonitoring(
    caller: Caller,
    scope: DeploymentScope,
    metric: string,
    maxPoints: number,
  ): Promise<MonitoringSeries>;
  getLineage(
    caller: Caller,
    scope: ModelScope,
    version: number,
  ): Promise<LineageGraph>;
}

/** The rules over the deployments store. */
export class DefaultDeploymentsService implements DeploymentsService {
  constructor(
    private readonly store: DeploymentsStore,
    private readonly catalog: CatalogChecks,
  ) {}

  async listModelDeployments(_caller: Caller, { model }: ModelScope) {
    return this.store.listDeployments(model);
  }

  async searchDeployments(
    _caller: Caller,
    conditions: ProjectConditions,
    query: DeploymentSearchQuery,
  ) {
    return this.store.searchDeployments(
      {
        ...query,
        service: query.service && normalizeEntityRef('service', query.service),
      },
      conditions,
    );
  }

  async createDeployment(
    caller: Caller,
    { model }: ModelScope,
    request: DeploymentCreate,
  ) {
    checkSlug('environment', request.environment);
    const service = normalizeEntityRef('service', request.service, 'component');
    await this.catalog.entitiesExist(
      [{ field: 'service', ref: service }],
      'component',
    );
    let deployedAt = new Date();
    if (request.deployedAt !== undefined) {
      deployedAt = new Date(request.deployedAt);
      if (Number.isNaN(deployedAt.getTime())) {
        throw new InputError(
          `deployedAt '${request.deployedAt}' is not an ISO 8601 time`,
        );
      }
    }
    return this.store.createDeployment(
      model,
      {
        version: request.version,
        environment: request.environment,
        service,
        endpoint: request.endpoint ?? '',
        deployedAt,
      },
      caller.actor,
    );
  }

  async retireDeployment(caller: Caller, { deployment }: DeploymentScope) {
    return this.store.retireDeployment(deployment, caller.actor);
  }

  async logMonitoring(
    _caller: Caller,
    { deployment }: DeploymentScope,
    points: MonitoringBatch['points'],
  ) {
    const parsed = points.map((p, i) => {
      const value = parseMetricValue(p.value);
      if (value === undefined) {
        throw new InputError(
          `points[${i}].value must be a number or one of "NaN", "Infinity", "-Infinity"`,
        );
      }
      return { metric: p.metric, value, timestamp: p.timestamp };
    });
    return this.store.logMonitoring(deployment, parsed);
  }

  async getMonitoring(
    _caller: Caller,
    { deployment }: DeploymentScope,
    metric: string,
    maxPoints: number,
  ) {
    return {
      deploymentId: deployment.id,
      metric,
      ...(await this.store.getMonitoring(deployment, metric, maxPoints)),
    };
  }

  async getLineage(_caller: Caller, { model }: ModelScope, version: number) {
    const graph = await this.store.getLineage(model, version);
    if (!graph) {
      throw noSuchVersion(model.name, version);
    }
    return graph;
  }
}
