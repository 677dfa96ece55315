import { NotFoundError } from '@backstage/errors';
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
import { applyProjectConditions } from '../permissions';
import { ProjectConditions } from './MlHomeStore';
import { keysetPage, newestFirstCursor, orderedAfter } from './queryHelpers';
import { insertProjectEvent } from './events';
import {
  fromDbInt,
  fromDbMetric,
  fromDbOptionalTime,
  fromDbTime,
  toDbMetric,
  toDbTime,
} from './mappers';

const INSERT_CHUNK = 500;

/** Storage of deployments, their monitoring series, and the lineage around a model version. */
export interface DeploymentsStore {
  listDeployments(model: Model): Promise<Deployment[]>;
  searchDeployments(
    query: DeploymentSearchQuery,
    conditions: ProjectConditions,
  ): Promise<Page<Deployment>>;
  getDeployment(id: string): Promise<Deployment | undefined>;
  createDeployment(
    model: Model,
    input: DeploymentInput,
    actor: string,
  ): Promise<Deployment>;
  /** Records a deployment inside the caller's transaction (a batch); returns its id. */
  createDeploymentIn(
    tx: Knex.Transaction,
    model: Model,
    input: DeploymentInput,
    actor: string,
  ): Promise<string>;
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

function deploymentFromRow(row: any): Deployment {
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
    status: row.status,
    deployedAt: fromDbTime(row.deployed_at),
    retiredAt: fromDbOptionalTime(row.retired_at),
    createdBy: row.created_by,
  };
}

/** The Knex implementation of {@link DeploymentsStore}. */
export class DatabaseDeploymentsStore implements DeploymentsStore {
  constructor(private readonly db: Knex) {}

  private deployments(db: Knex | Knex.Transaction = this.db) {
    return db('deployments as d')
      .join('model_versions as v', 'v.id', 'd.model_version_id')
      .join('models as m', 'm.id', 'v.model_id')
      .join('projects as p', 'p.id', 'm.project_id')
      .select(DEPLOYMENT_COLUMNS);
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
      base().clearSelect().count({ n: '*' }),
    ]);
    const cut = keysetPage(rows, query.limit, r =>
      newestFirstCursor(r.deployed_at, r.id),
    );
    return {
      items: cut.rows.map(deploymentFromRow),
      nextCursor: cut.nextCursor,
      totalCount: fromDbInt((total[0] as any).n),
    };
  }

  async getDeployment(id: string): Promise<Deployment | undefined> {
    const row = await this.deployments().where('d.id', id).first();
    return row ? deploymentFromRow(row) : undefined;
  }

  async createDeploymentIn(
    tx: Knex.Transaction,
    model: Model,
    input: DeploymentInput,
    actor: string,
  ): Promise<string> {
    const id = randomUUID();
    const version = await tx('model_versions')
      .where({ model_id: model.id, version: input.version })
      .first('id');
    if (!version) {
      throw new NotFoundError(
        `Model '${model.name}' has no version ${input.version}`,
      );
    }
    // One active deployment per model, environment and serving component: the new one replaces it.
    const replaced = await tx('deployments as d')
      .join('model_versions as v', 'v.id', 'd.model_version_id')
      .where({
        'v.model_id': model.id,
        'd.environment': input.environment,
        'd.service': input.service,
        'd.status': 'active',
      })
      .select('d.id');
    if (replaced.length) {
      await tx('deployments')
        .whereIn(
          'id',
          replaced.map(r => r.id),
        )
        .update({
          status: 'retired',
          retired_at: toDbTime(input.deployedAt),
        });
    }
    await tx('deployments').insert({
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
      new Date(),
    );
    return id;
  }

  async createDeployment(
    model: Model,
    input: DeploymentInput,
    actor: string,
  ): Promise<Deployment> {
    const id = await this.db.transaction(tx =>
      this.createDeploymentIn(tx, model, input, actor),
    );
    return (await this.getDeployment(id))!;
  }

  async retireDeployment(
    deployment: Deployment,
    actor: string,
  ): Promise<Deployment> {
    if (deployment.status === 'retired') {
      return deployment;
    }
    const now = new Date();
    await this.db.transaction(async tx => {
      await tx('deployments')
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
    await this.db.transaction(async tx => {
      for (let i = 0; i < points.length; i += INSERT_CHUNK) {
        await tx('monitoring_points')
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
    const rows = await this.db('monitoring_points')
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
    const row = await this.db('model_versions')
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
      const run = await this.db('runs')
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
          .select('ds.name', 'ds.kind', 'p.name as project');
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
      const serviceNode = `component:${d.service}`;
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
