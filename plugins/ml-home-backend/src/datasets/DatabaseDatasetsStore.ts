import { ConflictError } from '@backstage/errors';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import {
  Dataset,
  DatasetFeature,
  DatasetInput,
  DatasetKind,
  DatasetSearchQuery,
  Page,
  Project,
} from '../domain/types';
import { ProjectConditions } from '../domain/ProjectConditions';
import { applyProjectConditions } from '../permissions';
import { insertProjectEvent } from '../database/events';
import {
  countOf,
  encodeCursor,
  keysetPage,
  orderedAfter,
  whereWordsMatch,
} from '../database/queryHelpers';
import { fromDbInt, fromDbTime, toDbTime } from '../database/mappers';
import { Clock, systemClock } from '../database/clock';
import {
  CountRow,
  DatasetRow,
  ModelVersionRow,
  RunInputRow,
} from '../database/rows';
import { inTransaction } from '../database/transactions';

/** How many consuming runs a dataset lists; the count covers all of them. */
const CONSUMER_RUNS_SHOWN = 50;

/** Storage of datasets, feature sets and the runs that read them. */
export interface DatasetsStore {
  listDatasets(
    project: Project,
    options: { kind?: DatasetKind; limit: number; cursor?: string },
  ): Promise<Page<Dataset>>;
  searchDatasets(
    query: DatasetSearchQuery,
    conditions: ProjectConditions,
  ): Promise<Page<Dataset>>;
  getDataset(project: Project, name: string): Promise<Dataset | undefined>;
  createDataset(
    project: Project,
    input: DatasetInput,
    actor: string,
  ): Promise<Dataset>;
  /**
   * Records that the run (of `project`) read the datasets, which may belong to other projects.
   * Returns all the run's inputs: names for datasets of `project`, `project/name` for others.
   */
  addRunInputs(
    project: Project,
    runId: string,
    datasets: Dataset[],
    actor: string,
  ): Promise<string[]>;
}

function parseFeatures(value: unknown): DatasetFeature[] {
  try {
    const parsed = JSON.parse(String(value ?? '[]'));
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function datasetFromRow(row: DatasetRow, projectName: string): Dataset {
  return {
    id: row.id,
    projectId: row.project_id,
    project: projectName,
    name: row.name,
    // The column only ever holds the kinds the API accepts.
    kind: row.kind as DatasetKind,
    uri: row.uri,
    description: row.description,
    features: parseFeatures(row.features),
    createdAt: fromDbTime(row.created_at),
    updatedAt: fromDbTime(row.updated_at),
    createdBy: row.created_by,
  };
}

/** The Knex implementation of {@link DatasetsStore}. */
export class DatabaseDatasetsStore implements DatasetsStore {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock = systemClock,
  ) {}

  async listDatasets(
    project: Project,
    options: { kind?: DatasetKind; limit: number; cursor?: string },
  ): Promise<Page<Dataset>> {
    const base = () => {
      const qb = this.db<DatasetRow>('datasets').where(
        'project_id',
        project.id,
      );
      if (options.kind) qb.andWhere('kind', options.kind);
      return qb;
    };
    const page = base();
    if (options.cursor) page.andWhere('name', '>', options.cursor);
    const [rows, total] = await Promise.all([
      page.orderBy('name').limit(options.limit + 1),
      base().count<CountRow[]>({ n: '*' }),
    ]);
    const cut = keysetPage(rows, options.limit, last => last.name);
    return {
      items: cut.rows.map(r => datasetFromRow(r, project.name)),
      nextCursor: cut.nextCursor,
      totalCount: countOf(total),
    };
  }

  async searchDatasets(
    query: DatasetSearchQuery,
    conditions: ProjectConditions,
  ): Promise<Page<Dataset>> {
    const base = () => {
      const qb = this.db('datasets as d')
        .join('projects as p', 'p.id', 'd.project_id')
        .whereNull('p.deleted_at');
      if (conditions) applyProjectConditions(qb, conditions, 'p.owner');
      if (query.project) qb.where('p.name', query.project);
      if (query.kind) qb.where('d.kind', query.kind);
      whereWordsMatch(qb, query.q, ['d.name', 'd.description', 'd.features']);
      return qb;
    };
    const page = orderedAfter(
      base(),
      [
        { column: 'p.name', order: 'asc' },
        { column: 'd.name', order: 'asc' },
      ],
      query.cursor,
    );
    const [rows, total] = await Promise.all([
      page
        .select<(DatasetRow & { project_name: string })[]>(
          'd.*',
          'p.name as project_name',
        )
        .limit(query.limit + 1),
      base().count<CountRow[]>({ n: '*' }),
    ]);
    const cut = keysetPage(rows, query.limit, r =>
      encodeCursor([r.project_name, r.name]),
    );
    return {
      items: cut.rows.map(r => datasetFromRow(r, r.project_name)),
      nextCursor: cut.nextCursor,
      totalCount: countOf(total),
    };
  }

  async getDataset(
    project: Project,
    name: string,
  ): Promise<Dataset | undefined> {
    const row = await this.db<DatasetRow>('datasets')
      .where({ project_id: project.id, name })
      .first();
    if (!row) {
      return undefined;
    }
    const [runs, count, versions] = await Promise.all([
      this.db('run_inputs as i')
        .join('runs as r', 'r.id', 'i.run_id')
        .join('projects as p', 'p.id', 'r.project_id')
        .where('i.dataset_id', row.id)
        .orderBy([
          { column: 'r.start_time', order: 'desc' },
          { column: 'r.id', order: 'desc' },
        ])
        .limit(CONSUMER_RUNS_SHOWN)
        .select<{ id: string; name: string; project: string }[]>(
          'r.id',
          'r.name',
          'p.name as project',
        ),
      this.db<RunInputRow>('run_inputs')
        .where('dataset_id', row.id)
        .count<CountRow[]>({ n: '*' }),
      this.db('run_inputs as i')
        .join('model_versions as v', 'v.run_id', 'i.run_id')
        .join('models as m', 'm.id', 'v.model_id')
        .where('i.dataset_id', row.id)
        .orderBy([{ column: 'm.name' }, { column: 'v.version' }])
        .select<({ model: string } & Pick<ModelVersionRow, 'version'>)[]>(
          'm.name as model',
          'v.version',
        ),
    ]);
    return {
      ...datasetFromRow(row, project.name),
      consumers: {
        runCount: countOf(count),
        runs: runs.map(r => ({
          runId: r.id,
          name: r.name,
          project: r.project,
        })),
        modelVersions: versions.map(v => ({
          model: v.model,
          version: fromDbInt(v.version),
        })),
      },
    };
  }

  async createDataset(
    project: Project,
    input: DatasetInput,
    actor: string,
  ): Promise<Dataset> {
    const now = this.clock();
    await inTransaction(this.db, async tx => {
      const existing = await tx<DatasetRow>('datasets')
        .where({ project_id: project.id, name: input.name })
        .first('id');
      if (existing) {
        throw new ConflictError(
          `name: project '${project.name}' already has a dataset named '${input.name}'`,
        );
      }
      await tx<DatasetRow>('datasets').insert({
        id: randomUUID(),
        project_id: project.id,
        name: input.name,
        kind: input.kind,
        uri: input.uri,
        description: input.description,
        features: JSON.stringify(input.features),
        created_by: actor,
        created_at: toDbTime(now),
        updated_at: toDbTime(now),
      });
      await insertProjectEvent(
        tx,
        project.id,
        {
          actor,
          action: 'dataset.create',
          entityType: 'dataset',
          entityId: input.name,
          summary: `registered ${input.kind} ${input.name}`,
        },
        now,
      );
    });
    return (await this.getDataset(project, input.name))!;
  }

  async addRunInputs(
    project: Project,
    runId: string,
    datasets: Dataset[],
    actor: string,
  ): Promise<string[]> {
    const refOf = (d: { projectId: string; project: string; name: string }) =>
      d.projectId === project.id ? d.name : `${d.project}/${d.name}`;
    return inTransaction(this.db, async tx => {
      const ids = [...new Set(datasets.map(d => d.id))];
      await tx<RunInputRow>('run_inputs')
        .insert(ids.map(id => ({ run_id: runId, dataset_id: id })))
        .onConflict(['run_id', 'dataset_id'])
        .ignore();
      await insertProjectEvent(
        tx,
        project.id,
        {
          actor,
          action: 'run.inputs',
          entityType: 'run',
          entityId: runId,
          summary: `declared inputs ${[...new Set(datasets.map(refOf))].join(', ')}`,
        },
        this.clock(),
      );
      const all = await tx('run_inputs as i')
        .join('datasets as d', 'd.id', 'i.dataset_id')
        .join('projects as p', 'p.id', 'd.project_id')
        .where('i.run_id', runId)
        .select<
          (Pick<DatasetRow, 'name' | 'project_id'> & { project: string })[]
        >('d.name', 'd.project_id', 'p.name as project');
      return all
        .map(r =>
          refOf({ projectId: r.project_id, project: r.project, name: r.name }),
        )
        .sort();
    });
  }
}
