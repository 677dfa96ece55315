import { downsampleSeries } from '@ml-home/plugin-ml-home-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import {
  Deployment,
  DeploymentInput,
  DeploymentSearchQuery,
  LineageGraph,
  Model,
  Page,
} from '../domain/types';
import { ProjectConditions } from '../domain/ProjectConditions';
import { applyProjectConditions } from '../permissions';
import {
  INSERT_CHUNK,
  countOf,
  keysetPage,
  newestFirstCursor,
  orderedAfter,
} from '../database/queryHelpers';
import { insertProjectEvent } from '../database/events';
import {
  CountRow,
  DeploymentRow,
  ModelRow,
  ModelVersionRow,
  MonitoringPointRow,
  ProjectRow,
  RunRow,
} from '../database/rows';
import { inTransaction } from '../database/transactions';
import {
  fromDbInt,
  fromDbMetric,
  fromDbOptionalTime,
  fromDbTime,
  toDbMetric,
  toDbTime,
} from '../database/mappers';
import { Clock, systemClock } from '../database/clock';
import { noSuchVersion } from '../domain/notFound';

/** Storage of deployments, their monitoring series, and the lineage around a model version. */
export interface DeploymentsStore {
  listDeployments(model: Model): Promise<Deployment[]>;
  searchDeployments(
    query: DeploymentSearchQuery,
    conditions: ProjectConditions,
  ): Promise<Page<Deployment>>;
  getDeployment(id: string): Promise<Deployment | undefined>;
  /**
   * The active deployment of a version to an environment and serving component, if there is one
   * (a batch's retry finds the deployment it made).
   */
  findActiveDeployment(
    versionId: string,
    environment: string,
    service: string,
  ): Promise<string | undefined>;
  /**
   * Records a deployment; the active deployment of the model to the same environment and serving
   * component, if there is one, is retired by it.
   */
  createDeployment(
    model: Model,
    input: DeploymentInput,
    actor: string,
  ): Promise<Deployment>;
  retireDeployment(deployment: Deployment, actor: string): Promise<Deployment>;
  logMonitoring(
    deployment: Deployment,
    points: { metric: string; value: number; timestamp: number }[],
  ): Promise<number>;
  getMonitoring(
    deployment: Deployment,
    metric: string,
    maxPoints: number,
  ): Promise<{
    points: { timestamp: number; value: number }[];
    totalPoints: number;
    downsampled: boolean;
  }>;
  getLineage(model: Model, version: number): Promise<LineageGraph | undefined>;
}

const DEPLOYMENT_COLUMNS = [
  'd.*',
  'v.version',
  'm.name as model_name',
  'm.id as model_id',
  'm.project_id',
  'p.name as project_name',
];

/** A deployment with its version, model and project, as {@link DEPLOYMENT_COLUMNS} selects it. */
type DeploymentOfModelRow = DeploymentRow &
  Pick<ModelVersionRow, 'version'> & {
    model_name: ModelRow['name'];
    model_id: ModelRow['id'];
    project_id: ModelRow['project_id'];
    project_name: ProjectRow['name'];
  };

function deploymentFromRow(row: DeploymentOfModelRow): Deployment {
  return {
    id: row.id,
    modelId: row.model_id,
    projectId: row.project_id,
    project: row.project_name,
    model: row.model_name,
    version: fromDbInt(row.version),
    environment: row.environment,
    service: row.service,
    endpoint: row.endpoint,
    status: row.status === 'retired' ? 'retired' : 'active',
    deployedAt: fromDbTime(row.deployed_at),
    retiredAt: fromDbOptionalTime(row.retired_at),
    createdBy: row.created_by,
  };
}

/** The Knex implementation of {@link DeploymentsStore}. */
export class DatabaseDeploymentsStore implements DeploymentsStore {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock = systemClock,
  ) {}

  private deployments() {
    return this.db('deployments as d')
      .join('model_versions as v', 'v.id', 'd.model_version_id')
      .join('models as m', 'm.id', 'v.model_id')
      .join('projects as p', 'p.id', 'm.project_id')
      .select<DeploymentOfModelRow[]>(DEPLOYMENT_COLUMNS);
  }

  async listDeployments(model: Model): Promise<Deployment[]> {
    const rows = await this.deployments()
      .where('m.id', model.id)
      .orderBy([
        { column: 'd.status', order: 'asc' },
        { column: 'd.deployed_at', order: 'desc' },
        { column: 'd.id', order: 'asc' },
      ]);
    return rows.map(deploymentFromRow);
  }

  async searchDeployments(
    query: DeploymentSearchQuery,
    conditions: ProjectConditions,
  ): Promise<Page<Deployment>> {
    const base = () => {
      const qb = this.deployments().whereNull('p.deleted_at');
      if (conditions) applyProjectConditions(qb, conditions, 'p.owner');
      if (query.project) qb.where('p.name', query.project);
      if (query.model) qb.where('m.name', query.model);
      if (query.status) qb.where('d.status', query.status);
      if (query.service) {
        qb.whereRaw('lower(d.service) = ?', [query.service.toLowerCase()]);
      }
      return qb;
    };
    const page = orderedAfter(
      base(),
      [
        { column: 'd.deployed_at', order: 'desc' },
        { column: 'd.id', order: 'asc' },
      ],
      query.cursor,
    );
    const [rows, total] = await Promise.all([
      page.limit(query.limit + 1),
      base().clearSelect().count<CountRow[]>({ n: '*' }),
    ]);
    const cut = keysetPage(rows, query.limit, r =>
      newestFirstCursor(r.deployed_at, r.id),
    );
    return {
      items: cut.rows.map(deploymentFromRow),
      nextCursor: cut.nextCursor,
      totalCount: countOf(total),
    };
  }

  async getDeployment(id: string): Promise<Deployment | undefined> {
    const row = await this.deployments().where('d.id', id).first();
    return row ? deploymentFromRow(row) : undefined;
  }

  async findActiveDeployment(
    versionId: string,
    environment: string,
    service: string,
  ): Promise<string | undefined> {
    const row = await this.db<DeploymentRow>('deployments')
      .where({
        model_version_id: versionId,
        environment,
        service,
        status: 'active',
      })
      .first('id');
    return row?.id;
  }

  async createDeployment(
    model: Model,
    input: DeploymentInput,
    actor: string,
  ): Promise<Deployment> {
    const id = randomUUID();
    await inTransaction(this.db, async tx => {
      const version = await tx<ModelVersionRow>('model_versions')
        .where({ model_id: model.id, version: input.version })
        .first('id');
      if (!version) {
        throw noSuchVersion(model.name, input.version);
      }
      // One active deployment per model, environment and serving component: the new one replaces it.
      const replaced: Pick<DeploymentRow, 'id'>[] = await tx('deployments as d')
        .join('model_versions as v', 'v.id', 'd.model_version_id')
        .where({
          'v.model_id': model.id,
          'd.environment': input.environment,
          'd.service': input.service,
          'd.status': 'active',
        })
        .select('d.id');
      if (replaced.length) {
        await tx<DeploymentRow>('deployments')
          .whereIn(
            'id',
            replaced.map(r => r.id),
          )
          .update({
            status: 'retired',
            retired_at: toDbTime(input.deployedAt),
          });
      }
      await tx<DeploymentRow>('deployments').insert({
        id,
        model_version_id: version.id,
        environment: input.environment,
        service: input.service,
        endpoint: input.endpoint,
        status: 'active',
        deployed_at: toDbTime(input.deployedAt),
        retired_at: null,
        created_by: actor,
      });
      await insertProjectEvent(
        tx,
        model.projectId,
        {
          actor,
          action: 'deployment.create',
          entityType: 'deployment',
          entityId: id,
          summary: `deployed ${model.name} v${input.version} to ${input.environment} on ${input.service}${
            replaced.length
              ? ` (replacing ${replaced.length} active deployment${replaced.length > 1 ? 's' : ''})`
              : ''
          }`,
        },
        this.clock(),
      );
    });
    return (await this.getDeployment(id))!;
  }

  async retireDeployment(
    deployment: Deployment,
    actor: string,
  ): Promise<Deployment> {
    if (deployment.status === 'retired') {
      return deployment;
    }
    const now = this.clock();
    await inTransaction(this.db, async tx => {
      await tx<DeploymentRow>('deployments')
        .where('id', deployment.id)
        .update({ status: 'retired', retired_at: toDbTime(now) });
      await insertProjectEvent(
        tx,
        deployment.projectId,
        {
          actor,
          action: 'deployment.retire',
          entityType: 'deployment',
          entityId: deployment.id,
          summary: `retired ${deployment.model} v${deployment.version} from ${deployment.environment} on ${deployment.service}`,
        },
        now,
      );
    });
    return (await this.getDeployment(deployment.id))!;
  }

  async logMonitoring(
    deployment: Deployment,
    points: { metric: string; value: number; timestamp: number }[],
  ): Promise<number> {
    await inTransaction(this.db, async tx => {
      for (let i = 0; i < points.length; i += INSERT_CHUNK) {
        await tx<MonitoringPointRow>('monitoring_points')
          .insert(
            points.slice(i, i + INSERT_CHUNK).map(p => ({
              deployment_id: deployment.id,
              metric: p.metric,
              timestamp: p.timestamp,
              ...toDbMetric(p.value),
            })),
          )
          .onConflict(['deployment_id', 'metric', 'timestamp'])
          .ignore();
      }
    });
    return points.length;
  }

  async getMonitoring(
    deployment: Deployment,
    metric: string,
    maxPoints: number,
  ) {
    const rows = await this.db<MonitoringPointRow>('monitoring_points')
      .where({ deployment_id: deployment.id, metric })
      .orderBy('timestamp')
      .select('timestamp', 'value', 'is_nan');
    const series = rows.map(r => {
      const t = fromDbInt(r.timestamp);
      return { step: t, timestamp: t, value: fromDbMetric(r.value, r.is_nan) };
    });
    const kept = downsampleSeries(series, maxPoints);
    return {
      points: kept.map(p => ({ timestamp: p.timestamp, value: p.value })),
      totalPoints: series.length,
      downsampled: kept.length < series.length,
    };
  }

  async getLineage(
    model: Model,
    version: number,
  ): Promise<LineageGraph | undefined> {
    const row = await this.db<ModelVersionRow>('model_versions')
      .where({ model_id: model.id, version })
      .first();
    if (!row) {
      return undefined;
    }
    const graph: LineageGraph = { nodes: [], edges: [] };
    const versionNode = `model-version:${model.name}/${version}`;
    graph.nodes.push({
      id: versionNode,
      kind: 'model-version',
      label: `${model.name} v${version}`,
      ref: `${model.name}/${version}`,
    });

    if (row.run_id) {
      const run = await this.db<RunRow>('runs')
        .where('id', row.run_id)
        .first('id', 'name', 'status');
      if (run) {
        const runNode = `run:${run.id}`;
        graph.nodes.push({
          id: runNode,
          kind: 'run',
          label: run.name || run.id.slice(0, 8),
          ref: run.id,
          status: run.status,
        });
        graph.edges.push({ from: runNode, to: versionNode, label: 'produced' });
        const inputs = await this.db('run_inputs as i')
          .join('datasets as ds', 'ds.id', 'i.dataset_id')
          .join('projects as p', 'p.id', 'ds.project_id')
          .where('i.run_id', run.id)
          .orderBy('ds.name')
          .select<{ name: string; kind: string; project: string }[]>(
            'ds.name',
            'ds.kind',
            'p.name as project',
          );
        for (const ds of inputs) {
          const id = `dataset:${ds.project}/${ds.name}`;
          graph.nodes.push({
            id,
            kind: 'dataset',
            label: ds.name,
            ref: `${ds.project}/${ds.name}`,
            status: ds.kind,
          });
          graph.edges.push({ from: id, to: runNode, label: 'trained on' });
        }
      }
    }

    const deployments = await this.deployments()
      .where('v.id', row.id)
      .orderBy([
        { column: 'd.status' },
        { column: 'd.deployed_at', order: 'desc' },
      ]);
    const services = new Set<string>();
    for (const d of deployments.map(deploymentFromRow)) {
      const id = `deployment:${d.id}`;
      graph.nodes.push({
        id,
        kind: 'deployment',
        label: `${d.environment}`,
        ref: d.id,
        status: d.status,
      });
      graph.edges.push({ from: versionNode, to: id, label: 'deployed as' });
      // The service is an entity ref, `component:<namespace>/<name>`: already its kind and ref.
      const serviceNode = d.service;
      if (!services.has(d.service)) {
        services.add(d.service);
        graph.nodes.push({
          id: serviceNode,
          kind: 'component',
          label: d.service.replace(/^component:default\//, ''),
          ref: d.service,
        });
      }
      graph.edges.push({ from: id, to: serviceNode, label: 'served by' });
    }
    return graph;
  }
}
