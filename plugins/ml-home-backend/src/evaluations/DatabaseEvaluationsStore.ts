import { ConflictError } from '@backstage/errors';
import type {
  EvaluationResult,
  EvaluationThreshold,
  MetricDirection,
} from '@ml-home/plugin-ml-home-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import {
  EvaluationInput,
  EvaluationListQuery,
  EvaluationRecord,
  Page,
} from '../domain/types';
import { applyProjectConditions } from '../permissions';
import { insertProjectEvent } from '../database/events';
import {
  fromDbFloat,
  fromDbInt,
  fromDbMetric,
  fromDbOptionalInt,
  fromDbTime,
  toDbMetric,
  toDbTime,
} from '../database/mappers';
import { Clock, systemClock } from '../database/clock';
import { ProjectConditions } from '../domain/ProjectConditions';
import {
  countOf,
  keysetPage,
  newestFirstCursor,
  orderedAfter,
} from '../database/queryHelpers';
import {
  CountRow,
  DatasetRow,
  EvaluationResultRow,
  EvaluationRow,
  EvaluationThresholdRow,
  ModelRow,
  ModelVersionRow,
  ProjectRow,
} from '../database/rows';
import { inTransaction } from '../database/transactions';

/** Rows per multi-row insert, under SQLite's bound-variable limit at 6 columns. */
const INSERT_CHUNK = 150;

/** Storage of offline evaluations: their results per slice and metric, and their thresholds. */
export interface EvaluationsStore {
  /**
   * Records an evaluation of a model version, or finds the same one already recorded (a retry).
   * The same name with other content is a conflict.
   */
  createEvaluation(
    version: { id: string; projectId: string; model: string; version: number },
    input: EvaluationInput,
    actor: string,
  ): Promise<{ id: string; created: boolean }>;
  getEvaluation(id: string): Promise<EvaluationRecord | undefined>;
  listEvaluations(
    query: EvaluationListQuery,
    conditions: ProjectConditions,
  ): Promise<Page<EvaluationRecord>>;
  /** Results and thresholds of many evaluations at once, by evaluation id. */
  loadDetails(
    ids: string[],
  ): Promise<
    Map<
      string,
      { results: EvaluationResult[]; thresholds: EvaluationThreshold[] }
    >
  >;
  /**
   * The evaluation of `baselineVersionId` on the same dataset that deltas compare with: the one
   * with the same name if there is one, else the most recent.
   */
  findBaselineEvaluation(
    baselineVersionId: string,
    datasetId: string,
    name: string,
  ): Promise<string | undefined>;
  setThresholds(
    evaluation: EvaluationRecord,
    update: {
      thresholds: EvaluationThreshold[];
      directions?: Record<string, MetricDirection>;
      tolerance?: number;
    },
    actor: string,
  ): Promise<void>;
}

const RECORD_COLUMNS = [
  'e.*',
  'p.name as project_name',
  'm.id as model_id',
  'm.name as model_name',
  'v.version as version',
  'dp.name as dataset_project',
  'd.name as dataset_name',
  'bv.version as baseline_version',
];

function parseDirections(value: unknown): Record<string, MetricDirection> {
  try {
    const parsed = JSON.parse(String(value ?? '{}'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? parsed
      : {};
  } catch {
    return {};
  }
}

/** An evaluation with its version, model, project and dataset, as {@link RECORD_COLUMNS} selects it. */
type EvaluationRecordRow = EvaluationRow & {
  project_name: ProjectRow['name'];
  model_id: ModelRow['id'];
  model_name: ModelRow['name'];
  version: ModelVersionRow['version'];
  dataset_project: ProjectRow['name'];
  dataset_name: DatasetRow['name'];
  baseline_version: ModelVersionRow['version'] | null;
};

function recordFromRow(row: EvaluationRecordRow): EvaluationRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    project: row.project_name,
    modelId: row.model_id,
    model: row.model_name,
    modelVersionId: row.model_version_id,
    version: fromDbInt(row.version),
    datasetId: row.dataset_id,
    dataset: { project: row.dataset_project, name: row.dataset_name },
    baselineVersionId: row.baseline_version_id ?? undefined,
    baselineVersion: fromDbOptionalInt(row.baseline_version ?? undefined),
    name: row.name,
    description: row.description,
    directions: parseDirections(row.directions),
    tolerance: fromDbFloat(row.tolerance),
    resultCount: fromDbInt(row.result_count),
    createdAt: fromDbTime(row.created_at),
    createdBy: row.created_by,
    updatedAt: fromDbTime(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/** A canonical form of what an evaluation says, to tell a retry from a different evaluation. */
function contentKey(input: {
  datasetId: string;
  baselineVersionId?: string;
  description: string;
  results: EvaluationResult[];
  thresholds: EvaluationThreshold[];
  directions: Record<string, MetricDirection>;
  tolerance: number;
}): string {
  const results = input.results
    .map(r => [r.slice, r.metric, String(r.value)])
    .sort((a, b) => (a.join('\n') < b.join('\n') ? -1 : 1));
  const directions = Object.keys(input.directions)
    .sort()
    .map(k => [k, input.directions[k]]);
  return JSON.stringify([
    input.datasetId,
    input.baselineVersionId ?? null,
    input.description,
    results,
    input.thresholds.map(t => [t.metric, t.slice ?? null, t.op, t.value]),
    directions,
    input.tolerance,
  ]);
}

function thresholdRows(
  evaluationId: string,
  thresholds: EvaluationThreshold[],
) {
  return thresholds.map((t, position) => ({
    evaluation_id: evaluationId,
    position,
    metric: t.metric,
    slice: t.slice ?? null,
    op: t.op,
    value: t.value,
  }));
}

/** The Knex implementation of {@link EvaluationsStore}. */
export class DatabaseEvaluationsStore implements EvaluationsStore {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock = systemClock,
  ) {}

  private records() {
    return this.db('evaluations as e')
      .join('projects as p', 'p.id', 'e.project_id')
      .join('model_versions as v', 'v.id', 'e.model_version_id')
      .join('models as m', 'm.id', 'v.model_id')
      .join('datasets as d', 'd.id', 'e.dataset_id')
      .join('projects as dp', 'dp.id', 'd.project_id')
      .leftJoin('model_versions as bv', 'bv.id', 'e.baseline_version_id')
      .select<EvaluationRecordRow[]>(RECORD_COLUMNS);
  }

  async createEvaluation(
    version: { id: string; projectId: string; model: string; version: number },
    input: EvaluationInput,
    actor: string,
  ): Promise<{ id: string; created: boolean }> {
    return inTransaction(this.db, async db => {
      const existing = await db<EvaluationRow>('evaluations')
        .where({ model_version_id: version.id, name: input.name })
        .first();
      if (existing) {
        const details = (await this.loadDetails([existing.id], db)).get(
          existing.id,
        )!;
        const stored = contentKey({
          datasetId: existing.dataset_id,
          baselineVersionId: existing.baseline_version_id ?? undefined,
          description: existing.description,
          results: details.results,
          thresholds: details.thresholds,
          directions: parseDirections(existing.directions),
          tolerance: fromDbFloat(existing.tolerance),
        });
        if (stored !== contentKey(input)) {
          throw new ConflictError(
            `name: ${version.model} v${version.version} already has an evaluation named '${input.name}' with other content`,
          );
        }
        return { id: existing.id, created: false };
      }
      const id = randomUUID();
      const now = toDbTime(this.clock());
      await db<EvaluationRow>('evaluations').insert({
        id,
        project_id: version.projectId,
        model_version_id: version.id,
        dataset_id: input.datasetId,
        baseline_version_id: input.baselineVersionId ?? null,
        name: input.name,
        description: input.description,
        directions: JSON.stringify(input.directions),
        tolerance: input.tolerance,
        result_count: input.results.length,
        created_by: actor,
        created_at: now,
        updated_by: actor,
        updated_at: now,
      });
      const results = input.results.map(r => ({
        evaluation_id: id,
        slice: r.slice,
        metric: r.metric,
        ...toDbMetric(r.value),
      }));
      for (let i = 0; i < results.length; i += INSERT_CHUNK) {
        await db('evaluation_results').insert(
          results.slice(i, i + INSERT_CHUNK),
        );
      }
      const thresholds = thresholdRows(id, input.thresholds);
      for (let i = 0; i < thresholds.length; i += INSERT_CHUNK) {
        await db('evaluation_thresholds').insert(
          thresholds.slice(i, i + INSERT_CHUNK),
        );
      }
      await insertProjectEvent(
        db,
        version.projectId,
        {
          actor,
          action: 'evaluation.create',
          entityType: 'evaluation',
          entityId: id,
          summary: `evaluated ${version.model} v${version.version} (${input.name})`,
        },
        new Date(now),
      );
      return { id, created: true };
    });
  }

  async getEvaluation(id: string): Promise<EvaluationRecord | undefined> {
    const row = await this.records().where('e.id', id).first();
    return row ? recordFromRow(row) : undefined;
  }

  async listEvaluations(
    query: EvaluationListQuery,
    conditions: ProjectConditions,
  ): Promise<Page<EvaluationRecord>> {
    const base = () => {
      const qb = this.records().whereNull('p.deleted_at');
      if (conditions) applyProjectConditions(qb, conditions, 'p.owner');
      if (query.projectId) qb.where('e.project_id', query.projectId);
      if (query.modelId) qb.where('m.id', query.modelId);
      if (query.version !== undefined) qb.where('v.version', query.version);
      if (query.datasetId) qb.where('e.dataset_id', query.datasetId);
      return qb;
    };
    const page = orderedAfter(
      base(),
      [
        { column: 'e.created_at', order: 'desc' },
        { column: 'e.id', order: 'asc' },
      ],
      query.cursor,
    );
    const [rows, total] = await Promise.all([
      page.limit(query.limit + 1),
      base().clearSelect().count<CountRow[]>({ n: '*' }),
    ]);
    const cut = keysetPage(rows, query.limit, r =>
      newestFirstCursor(r.created_at, r.id),
    );
    return {
      items: cut.rows.map(recordFromRow),
      nextCursor: cut.nextCursor,
      totalCount: countOf(total),
    };
  }

  async loadDetails(ids: string[], db: Knex = this.db) {
    const out = new Map<
      string,
      { results: EvaluationResult[]; thresholds: EvaluationThreshold[] }
    >(ids.map(id => [id, { results: [], thresholds: [] }]));
    if (ids.length === 0) return out;
    const [results, thresholds] = await Promise.all([
      db<EvaluationResultRow>('evaluation_results')
        .whereIn('evaluation_id', ids)
        .orderBy(['evaluation_id', 'slice', 'metric']),
      db<EvaluationThresholdRow>('evaluation_thresholds')
        .whereIn('evaluation_id', ids)
        .orderBy(['evaluation_id', 'position']),
    ]);
    for (const r of results) {
      out.get(r.evaluation_id)!.results.push({
        slice: r.slice,
        metric: r.metric,
        value: fromDbMetric(r.value, r.is_nan),
      });
    }
    for (const t of thresholds) {
      out.get(t.evaluation_id)!.thresholds.push({
        metric: t.metric,
        ...(t.slice === null ? {} : { slice: t.slice }),
        // The column only ever holds the operators the API accepts.
        op: t.op as EvaluationThreshold['op'],
        value: fromDbFloat(t.value),
      });
    }
    return out;
  }

  async findBaselineEvaluation(
    baselineVersionId: string,
    datasetId: string,
    name: string,
  ): Promise<string | undefined> {
    const row = await this.db<EvaluationRow>('evaluations')
      .where({ model_version_id: baselineVersionId, dataset_id: datasetId })
      .orderByRaw('case when name = ? then 0 else 1 end', [name])
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .first('id');
    return row?.id;
  }

  async setThresholds(
    evaluation: EvaluationRecord,
    update: {
      thresholds: EvaluationThreshold[];
      directions?: Record<string, MetricDirection>;
      tolerance?: number;
    },
    actor: string,
  ): Promise<void> {
    const now = this.clock();
    await inTransaction(this.db, async tx => {
      await tx('evaluation_thresholds')
        .where('evaluation_id', evaluation.id)
        .delete();
      const rows = thresholdRows(evaluation.id, update.thresholds);
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await tx('evaluation_thresholds').insert(
          rows.slice(i, i + INSERT_CHUNK),
        );
      }
      await tx('evaluations')
        .where('id', evaluation.id)
        .update({
          ...(update.directions
            ? { directions: JSON.stringify(update.directions) }
            : {}),
          ...(update.tolerance !== undefined
            ? { tolerance: update.tolerance }
            : {}),
          updated_by: actor,
          updated_at: toDbTime(now),
        });
      await insertProjectEvent(
        tx,
        evaluation.projectId,
        {
          actor,
          action: 'evaluation.thresholds',
          entityType: 'evaluation',
          entityId: evaluation.id,
          summary: `set ${update.thresholds.length} thresholds on ${evaluation.model} v${evaluation.version} (${evaluation.name})`,
        },
        now,
      );
    });
  }
}
