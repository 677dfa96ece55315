import { Knex } from 'knex';
import { Clock, systemClock } from '../database/clock';
import { fromDbTime, toDbTime } from '../database/mappers';
import { ExperimentRow, MetricPointRow } from '../database/rows';
import { inTransaction } from '../database/transactions';
import { ProjectConditions } from '../domain/ProjectConditions';
import { KeyValue, LifecycleStage, RunStatus } from '../domain/types';
import { applyProjectConditions } from '../permissions/conditionsToKnex';
import { withdrawFailingCounts } from '../certification/failingCheckCounts';

/*
 * What the MLflow door needs beyond the resource stores: experiments by their numeric id and by
 * name across projects, experiment and run lifecycles, tag deletions, registered model and
 * version tags, renames and deletions, and the offset pages MLflow's own server hands out. Every
 * write into runs and metrics goes through ingestion, never through here.
 */

/** An experiment as MLflow sees it: with its tags and its project. */
export interface MlflowExperimentRecord {
  id: number;
  projectId: string;
  project: string;
  projectOwner: string;
  name: string;
  description: string;
  lifecycleStage: LifecycleStage;
  createdAt: Date;
  updatedAt: Date;
  tags: KeyValue[];
}

/** A run's attributes without its params, tags and metrics: what a write needs to find. */
export interface MlflowRunRecord {
  id: string;
  experimentId: number;
  experiment: string;
  projectId: string;
  project: string;
  projectOwner: string;
  name: string;
  status: RunStatus;
  user: string;
  startTime: number;
  endTime?: number;
  lifecycleStage: LifecycleStage;
}

/** A string comparison of MLflow's search grammar. */
export interface StringComparison {
  op: '=' | '!=' | 'LIKE' | 'ILIKE';
  value: string;
}

/** What `experiments/search` asks. */
export interface ExperimentSearch {
  conditions: ProjectConditions;
  /** A project token sees its own project only. */
  project?: string;
  lifecycle: 'active' | 'deleted' | 'all';
  name: StringComparison[];
  tags: (StringComparison & { key: string })[];
  orderBy: {
    column: 'name' | 'id' | 'created_at' | 'updated_at';
    desc: boolean;
  }[];
  offset: number;
  limit: number;
}

/** What `registered-models/search` and `model-versions/search` ask. */
export interface RegistrySearch {
  conditions: ProjectConditions;
  project?: string;
  name: StringComparison[];
  runIds?: string[];
  tags: (StringComparison & { key: string })[];
  offset: number;
  limit: number;
}

/** One stored metric point. */
export interface StoredPoint {
  runId: string;
  key: string;
  value: number;
  step: number;
  timestamp: number;
}

type ExperimentJoinRow = ExperimentRow & {
  project_name: string;
  project_owner: string;
};

function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

function pointFromRow(row: MetricPointRow): StoredPoint {
  return {
    runId: row.run_id,
    key: row.key,
    value: isTrue(row.is_nan) ? NaN : num(row.value),
    step: num(row.step),
    timestamp: num(row.timestamp),
  };
}

/** The SQL of one string comparison; LIKE is case-sensitive on both databases, as in MLflow. */
function whereString(
  db: Knex,
  query: Knex.QueryBuilder,
  column: string,
  { op, value }: StringComparison,
) {
  if (op === '=') query.where(column, value);
  else if (op === '!=') query.whereNot(column, value);
  else if (op === 'ILIKE') {
    query.whereRaw('lower(??) like lower(?)', [column, value]);
  } else if (db.client.dialect === 'sqlite3') {
    // SQLite's LIKE ignores ASCII case; GLOB does not.
    const glob = value
      .replace(/[[*?]/g, c => `[${c}]`)
      .replace(/%/g, '*')
      .replace(/_/g, '?');
    query.whereRaw('?? GLOB ?', [column, glob]);
  } else {
    query.where(column, 'like', value);
  }
}

/** The Knex store of the MLflow door, for SQLite and PostgreSQL. */
export class DatabaseMlflowStore {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock = systemClock,
  ) {}

  private experiments() {
    return this.db('experiments as e')
      .join('projects as p', 'p.id', 'e.project_id')
      .whereNull('p.deleted_at')
      .select<ExperimentJoinRow[]>(
        'e.*',
        'p.name as project_name',
        'p.owner as project_owner',
      );
  }

  private async withTags(
    rows: ExperimentJoinRow[],
  ): Promise<MlflowExperimentRecord[]> {
    if (!rows.length) return [];
    const tags = await this.db('experiment_tags')
      .whereIn(
        'experiment_id',
        rows.map(r => r.id),
      )
      .orderBy(['experiment_id', 'key']);
    return rows.map(r => ({
      id: num(r.id),
      projectId: r.project_id,
      project: r.project_name,
      projectOwner: r.project_owner,
      name: r.name,
      description: r.description,
      lifecycleStage: r.lifecycle_stage as LifecycleStage,
      createdAt: fromDbTime(r.created_at),
      updatedAt: fromDbTime(r.updated_at),
      tags: tags
        .filter(t => num(t.experiment_id) === num(r.id))
        .map(t => ({ key: t.key, value: t.value })),
    }));
  }

  async getExperiment(id: number): Promise<MlflowExperimentRecord | undefined> {
    const rows = await this.experiments().where('e.id', id);
    return (await this.withTags(rows))[0];
  }

  /** Every experiment of that name, in any project, active ones first. */
  async getExperimentsByName(name: string): Promise<MlflowExperimentRecord[]> {
    const rows = await this.experiments()
      .where('e.name', name)
      .orderBy([
        { column: 'e.lifecycle_stage', order: 'asc' },
        { column: 'e.id', order: 'asc' },
      ]);
    return this.withTags(rows);
  }

  async searchExperiments(
    search: ExperimentSearch,
  ): Promise<MlflowExperimentRecord[]> {
    const query = this.experiments();
    if (search.conditions) {
      applyProjectConditions(query, search.conditions, 'p.owner');
    }
    if (search.project) query.where('p.name', search.project);
    if (search.lifecycle !== 'all') {
      query.where('e.lifecycle_stage', search.lifecycle);
    }
    for (const comparison of search.name) {
      whereString(this.db, query, 'e.name', comparison);
    }
    search.tags.forEach((tag, i) => {
      const alias = `et${i}`;
      query.join(`experiment_tags as ${alias}`, join =>
        join
          .on(`${alias}.experiment_id`, '=', 'e.id')
          .andOnVal(`${alias}.key`, '=', tag.key),
      );
      whereString(this.db, query, `${alias}.value`, tag);
    });
    for (const order of search.orderBy) {
      query.orderBy(`e.${order.column}`, order.desc ? 'desc' : 'asc');
    }
    query.orderBy('e.id', 'asc').offset(search.offset).limit(search.limit);
    return this.withTags(await query);
  }

  /** Renames an experiment; false when its project already has one of that name. */
  async renameExperiment(id: number, name: string): Promise<boolean> {
    return inTransaction(this.db, async tx => {
      const row = await tx<ExperimentRow>('experiments').where({ id }).first();
      if (!row) return true;
      const taken = await tx('experiments')
        .where({ project_id: row.project_id, name })
        .whereNot({ id })
        .first();
      if (taken) return false;
      await tx('experiments')
        .where({ id })
        .update({ name, updated_at: toDbTime(this.clock()) });
      return true;
    });
  }

  /** Deletes or restores an experiment and, as MLflow does, its runs with it. */
  async setExperimentLifecycle(id: number, stage: LifecycleStage) {
    const now = toDbTime(this.clock());
    await inTransaction(this.db, async tx => {
      await tx('experiments')
        .where({ id })
        .update({ lifecycle_stage: stage, updated_at: now });
      await tx('runs')
        .where({ experiment_id: id })
        .update({ lifecycle_stage: stage, updated_at: now });
    });
  }

  async setExperimentTag(id: number, key: string, value: string) {
    await this.db('experiment_tags')
      .insert({ experiment_id: id, key, value })
      .onConflict(['experiment_id', 'key'])
      .merge(['value']);
  }

  async deleteExperimentTag(id: number, key: string): Promise<boolean> {
    return (
      (await this.db('experiment_tags')
        .where({ experiment_id: id, key })
        .delete()) > 0
    );
  }

  async getRun(runId: string): Promise<MlflowRunRecord | undefined> {
    const row = await this.db('runs as r')
      .join('experiments as e', 'e.id', 'r.experiment_id')
      .join('projects as p', 'p.id', 'r.project_id')
      .where('r.id', runId)
      .whereNull('p.deleted_at')
      .first(
        'r.id',
        'r.experiment_id',
        'e.name as experiment',
        'r.project_id',
        'p.name as project',
        'p.owner as project_owner',
        'r.name',
        'r.status',
        'r.user',
        'r.start_time',
        'r.end_time',
        'r.lifecycle_stage',
      );
    if (!row) return undefined;
    return {
      id: row.id,
      experimentId: num(row.experiment_id),
      experiment: row.experiment,
      projectId: row.project_id,
      project: row.project,
      projectOwner: row.project_owner,
      name: row.name,
      status: row.status,
      user: row.user,
      startTime: num(row.start_time),
      ...(row.end_time === null ? {} : { endTime: num(row.end_time) }),
      lifecycleStage: row.lifecycle_stage,
    };
  }

  async setRunLifecycle(runId: string, stage: LifecycleStage) {
    await this.db('runs')
      .where({ id: runId })
      .update({ lifecycle_stage: stage, updated_at: toDbTime(this.clock()) });
  }

  async deleteRunTag(runId: string, key: string): Promise<boolean> {
    return (
      (await this.db('run_tags').where({ run_id: runId, key }).delete()) > 0
    );
  }

  /** The names of the datasets the run declared it read. */
  async getRunInputs(runId: string): Promise<{ name: string; uri: string }[]> {
    return this.db('run_inputs as i')
      .join('datasets as d', 'd.id', 'i.dataset_id')
      .where('i.run_id', runId)
      .orderBy('d.name')
      .select('d.name', 'd.uri');
  }

  /** One page of a metric's points, in step then timestamp order. */
  async getMetricHistory(
    runId: string,
    key: string,
    offset: number,
    limit: number,
  ): Promise<StoredPoint[]> {
    const rows = await this.db<MetricPointRow>('metric_points')
      .where({ run_id: runId, key })
      .orderBy(['step', 'timestamp', 'value'])
      .offset(offset)
      .limit(limit);
    return rows.map(pointFromRow);
  }

  /** A metric's points of several runs between two steps (inclusive). */
  async getMetricPointsBetween(
    runIds: string[],
    key: string,
    startStep: number | undefined,
    endStep: number | undefined,
  ): Promise<StoredPoint[]> {
    const query = this.db<MetricPointRow>('metric_points')
      .whereIn('run_id', runIds)
      .where({ key });
    if (startStep !== undefined) query.where('step', '>=', startStep);
    if (endStep !== undefined) query.where('step', '<=', endStep);
    const rows = await query.orderBy(['run_id', 'step', 'timestamp']);
    return rows.map(pointFromRow);
  }

  async getModelTags(modelId: string): Promise<KeyValue[]> {
    return this.db('model_tags')
      .where({ model_id: modelId })
      .orderBy('key')
      .select('key', 'value');
  }

  async setModelTag(modelId: string, key: string, value: string) {
    await this.db('model_tags')
      .insert({ model_id: modelId, key, value })
      .onConflict(['model_id', 'key'])
      .merge(['value']);
  }

  async deleteModelTag(modelId: string, key: string): Promise<boolean> {
    return (
      (await this.db('model_tags').where({ model_id: modelId, key }).delete()) >
      0
    );
  }

  async getVersionTags(versionIds: string[]): Promise<Map<string, KeyValue[]>> {
    const out = new Map<string, KeyValue[]>();
    if (!versionIds.length) return out;
    const rows = await this.db('model_version_tags')
      .whereIn('version_id', versionIds)
      .orderBy(['version_id', 'key']);
    for (const row of rows) {
      const list = out.get(row.version_id) ?? [];
      list.push({ key: row.key, value: row.value });
      out.set(row.version_id, list);
    }
    return out;
  }

  async setVersionTag(versionId: string, key: string, value: string) {
    await this.db('model_version_tags')
      .insert({ version_id: versionId, key, value })
      .onConflict(['version_id', 'key'])
      .merge(['value']);
  }

  async deleteVersionTag(versionId: string, key: string): Promise<boolean> {
    return (
      (await this.db('model_version_tags')
        .where({ version_id: versionId, key })
        .delete()) > 0
    );
  }

  /** Renames a model; false when the name is taken. */
  async renameModel(
    modelId: string,
    name: string,
    actor: string,
  ): Promise<boolean> {
    return inTransaction(this.db, async tx => {
      if (await tx('models').where({ name }).first()) return false;
      await tx('models')
        .where({ id: modelId })
        .update({
          name,
          updated_by: actor,
          updated_at: toDbTime(this.clock()),
        });
      return true;
    });
  }

  async updateModelDescription(
    modelId: string,
    description: string,
    actor: string,
  ) {
    await this.db('models')
      .where({ id: modelId })
      .update({
        description,
        updated_by: actor,
        updated_at: toDbTime(this.clock()),
      });
  }

  /** Deletes a model with its versions, aliases and tags (MLflow deletes for good). */
  async deleteModel(modelId: string) {
    await inTransaction(this.db, async tx => {
      // The model's row first, as a re-evaluation locks it, then its scorecard's share of the
      // overview's counts, which the cascade below would leave behind.
      await tx('models').where({ id: modelId }).forUpdate().first('id');
      await withdrawFailingCounts(tx, modelId);
      await tx('models').where({ id: modelId }).delete();
    });
  }

  async updateVersionDescription(versionId: string, description: string) {
    await this.db('model_versions')
      .where({ id: versionId })
      .update({ description, updated_at: toDbTime(this.clock()) });
  }

  async deleteVersion(versionId: string) {
    await this.db('model_versions').where({ id: versionId }).delete();
  }

  private registry(search: RegistrySearch) {
    const query = this.db('models as m')
      .join('projects as p', 'p.id', 'm.project_id')
      .whereNull('p.deleted_at');
    if (search.conditions) {
      applyProjectConditions(query, search.conditions, 'p.owner');
    }
    if (search.project) query.where('p.name', search.project);
    for (const comparison of search.name) {
      whereString(this.db, query, 'm.name', comparison);
    }
    return query;
  }

  /** Model names, in name order. */
  async searchModels(search: RegistrySearch): Promise<string[]> {
    const query = this.registry(search);
    search.tags.forEach((tag, i) => {
      const alias = `mt${i}`;
      query.join(`model_tags as ${alias}`, join =>
        join
          .on(`${alias}.model_id`, '=', 'm.id')
          .andOnVal(`${alias}.key`, '=', tag.key),
      );
      whereString(this.db, query, `${alias}.value`, tag);
    });
    const rows = await query
      .orderBy('m.name')
      .offset(search.offset)
      .limit(search.limit)
      .select('m.name');
    return rows.map(r => r.name);
  }

  /** (model name, version) pairs, newest versions first within a model. */
  async searchVersions(
    search: RegistrySearch,
  ): Promise<{ model: string; version: number }[]> {
    const query = this.registry(search).join(
      'model_versions as v',
      'v.model_id',
      'm.id',
    );
    if (search.runIds) query.whereIn('v.run_id', search.runIds);
    search.tags.forEach((tag, i) => {
      const alias = `vt${i}`;
      query.join(`model_version_tags as ${alias}`, join =>
        join
          .on(`${alias}.version_id`, '=', 'v.id')
          .andOnVal(`${alias}.key`, '=', tag.key),
      );
      whereString(this.db, query, `${alias}.value`, tag);
    });
    const rows = await query
      .orderBy([
        { column: 'm.name', order: 'asc' },
        { column: 'v.version', order: 'desc' },
      ])
      .offset(search.offset)
      .limit(search.limit)
      .select('m.name', 'v.version');
    return rows.map(r => ({ model: r.name, version: num(r.version) }));
  }
}
