import { ConflictError, InputError } from '@backstage/errors';
import { isLaterMetricPoint } from '@ml-home/plugin-ml-home-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import {
  ComparableRun,
  EventInput,
  Experiment,
  IngestBatchInput,
  IngestResult,
  KeyValue,
  LatestMetric,
  Page,
  Project,
  ProjectEvent,
  ProjectInput,
  ProjectListQuery,
  ProjectListResult,
  ProjectOrderBy,
  ProjectPatch,
  Run,
  RunSource,
} from '../domain/types';
import { applyProjectConditions } from '../permissions';
import { escapeLike } from './queryHelpers';
import {
  ProjectDbRow,
  decodeCursor,
  encodeCursor,
  eventFromRow,
  experimentFromRow,
  fromDbFloat,
  fromDbInt,
  fromDbMetric,
  fromDbOptionalInt,
  fromDbTime,
  latestMetricFromRow,
  projectFromRow,
  projectSearchText,
  runStatusOf,
  toDbMetric,
  toDbTime,
} from './mappers';
import { insertProjectEvent } from './events';
import { MlHomeStore, ProjectConditions } from './MlHomeStore';
import { queryMetricHistory } from './metricHistory';
import { readRunMetrics, refreshMetricSummaries } from './metricSummaries';
import { RunsQueryOptions, queryRuns } from './runsQuery';

/** Rows per multi-row INSERT: 6–10 columns stay far below SQLite's and PostgreSQL's bind limits. */
const INSERT_CHUNK = 500;
/** Ids per IN (...) list. */
const IN_CHUNK = 500;

const PROJECT_ORDER_COLUMNS: Record<ProjectOrderBy, string> = {
  name: 'name',
  title: 'title',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  lastActivityAt: 'last_activity_at',
};

const FACET_LIMIT = 50;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** Byte-wise order, the same on every database and locale. */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** min/max of two values where null means "no finite value seen". */
function combine(
  a: number | null,
  b: number | null,
  pick: (x: number, y: number) => number,
): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return pick(a, b);
}

interface ProjectCursor {
  o: ProjectOrderBy;
  d: 'asc' | 'desc';
  v: string;
  id: string;
}

/** The Knex implementation of {@link MlHomeStore}, for SQLite and PostgreSQL. */
export class DatabaseMlHomeStore implements MlHomeStore {
  constructor(private readonly db: Knex) {}

  // ---------------------------------------------------------------- projects

  async listProjects(
    query: ProjectListQuery,
    conditions: ProjectConditions,
  ): Promise<ProjectListResult> {
    const db = this.db;
    const base = (skip?: 'owner' | 'tag' | 'lifecycle') => {
      const qb = db('projects');
      if (query.deleted) {
        qb.whereNotNull('projects.deleted_at');
      } else {
        qb.whereNull('projects.deleted_at');
      }
      if (conditions) {
        applyProjectConditions(qb, conditions, 'projects.owner');
      }
      if (query.q?.trim()) {
        for (const word of query.q
          .trim()
          .toLowerCase()
          .split(/\s+/)
          .slice(0, 10)) {
          qb.whereRaw(`projects.search_text like ? escape '\\'`, [
            `%${escapeLike(word)}%`,
          ]);
        }
      }
      if (query.owners?.length && skip !== 'owner') {
        qb.whereIn(
          'projects.owner',
          query.owners.map(o => o.toLowerCase()),
        );
      }
      if (query.tags?.length && skip !== 'tag') {
        for (const tag of query.tags) {
          qb.whereExists(
            db('project_tags')
              .select(db.raw('1'))
              .whereRaw('project_tags.project_id = projects.id')
              .andWhere('project_tags.tag', tag),
          );
        }
      }
      if (query.lifecycles?.length && skip !== 'lifecycle') {
        qb.whereIn('projects.lifecycle', query.lifecycles);
      }
      return qb;
    };

    const column = PROJECT_ORDER_COLUMNS[query.orderBy];
    const page = base().select('projects.*');
    if (query.cursor) {
      const cursor = this.decodeProjectCursor(query.cursor, query);
      const cmp = query.order === 'asc' ? '>' : '<';
      page.where(inner =>
        inner
          .where(`projects.${column}`, cmp, cursor.v)
          .orWhere(tie =>
            tie
              .where(`projects.${column}`, cursor.v)
              .andWhere('projects.id', cmp, cursor.id),
          ),
      );
    }
    page.orderBy([
      { column: `projects.${column}`, order: query.order },
      { column: 'projects.id', order: query.order },
    ]);
    page.limit(query.limit + 1);

    const [rows, totalRows, ownerRows, lifecycleRows, tagRows] =
      await Promise.all([
        page as Promise<ProjectDbRow[]>,
        base().count({ n: '*' }),
        base('owner')
          .select('projects.owner as value')
          .count({ n: '*' })
          .groupBy('projects.owner'),
        base('lifecycle')
          .select('projects.lifecycle as value')
          .count({ n: '*' })
          .groupBy('projects.lifecycle'),
        base('tag')
          .join('project_tags', 'project_tags.project_id', 'projects.id')
          .select('project_tags.tag as value')
          .count({ n: '*' })
          .groupBy('project_tags.tag'),
      ]);

    const hasMore = rows.length > query.limit;
    const pageRows = hasMore ? rows.slice(0, query.limit) : rows;
    const items = await this.hydrateProjects(pageRows);
    const last = pageRows[pageRows.length - 1];
    const facet = (list: any[]) =>
      list
        .map(r => ({ value: String(r.value), count: fromDbInt(r.n) }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
        .slice(0, FACET_LIMIT);
    return {
      items,
      nextCursor:
        hasMore && last
          ? encodeCursor({
              o: query.orderBy,
              d: query.order,
              v: this.cursorValue((last as any)[column]),
              id: last.id,
            } satisfies ProjectCursor)
          : undefined,
      totalCount: fromDbInt((totalRows[0] as any).n),
      facets: {
        owner: facet(ownerRows),
        lifecycle: facet(lifecycleRows),
        tag: facet(tagRows),
      },
    };
  }

  private cursorValue(value: unknown): string {
    return value instanceof Date ? toDbTime(value) : String(value);
  }

  private decodeProjectCursor(
    cursor: string,
    query: ProjectListQuery,
  ): ProjectCursor {
    let decoded: any;
    try {
      decoded = decodeCursor(cursor);
    } catch {
      throw new InputError('cursor is not a cursor this API returned');
    }
    if (
      !decoded ||
      decoded.o !== query.orderBy ||
      decoded.d !== query.order ||
      typeof decoded.v !== 'string' ||
      typeof decoded.id !== 'string'
    ) {
      throw new InputError(
        'cursor does not belong to this orderBy and order; start again without a cursor',
      );
    }
    return decoded;
  }

  private async hydrateProjects(rows: ProjectDbRow[]): Promise<Project[]> {
    if (rows.length === 0) {
      return [];
    }
    const ids = rows.map(r => r.id);
    const [tagRows, experimentCounts, runCounts] = await Promise.all([
      this.db('project_tags')
        .whereIn('project_id', ids)
        .select('project_id', 'tag'),
      this.db('experiments')
        .whereIn('project_id', ids)
        .andWhere('lifecycle_stage', 'active')
        .select('project_id')
        .count({ n: '*' })
        .groupBy('project_id'),
      this.db('runs')
        .whereIn('project_id', ids)
        .andWhere('lifecycle_stage', 'active')
        .select('project_id')
        .count({ n: '*' })
        .groupBy('project_id'),
    ]);
    const tags = new Map<string, string[]>();
    for (const t of tagRows) {
      tags.set(t.project_id, [...(tags.get(t.project_id) ?? []), t.tag]);
    }
    const countOf = (list: any[]) =>
      new Map(list.map(r => [r.project_id as string, fromDbInt(r.n)]));
    const experiments = countOf(experimentCounts);
    const runs = countOf(runCounts);
    return rows.map(row => ({
      ...projectFromRow(row, tags.get(row.id) ?? []),
      counts: {
        experiments: experiments.get(row.id) ?? 0,
        runs: runs.get(row.id) ?? 0,
      },
    }));
  }

  async getProject(
    name: string,
    options?: { includeDeleted?: boolean },
  ): Promise<Project | undefined> {
    const qb = this.db<ProjectDbRow>('projects').where('name', name);
    if (!options?.includeDeleted) {
      qb.whereNull('deleted_at');
    }
    const row = await qb.first();
    if (!row) {
      return undefined;
    }
    return (await this.hydrateProjects([row]))[0];
  }

  async createProject(input: ProjectInput, actor: string): Promise<Project> {
    const now = new Date();
    const id = randomUUID();
    await this.db.transaction(async tx => {
      const existing = await tx('projects').where('name', input.name).first();
      if (existing) {
        throw new ConflictError(
          existing.deleted_at
            ? `name: a deleted project named '${input.name}' exists; restore it or choose another name`
            : `name: a project named '${input.name}' already exists`,
        );
      }
      await tx('projects').insert({
        id,
        name: input.name,
        title: input.title,
        description: input.description,
        owner: input.owner.toLowerCase(),
        lifecycle: input.lifecycle,
        links: JSON.stringify(input.links),
        related_entities: JSON.stringify(input.relatedEntities),
        search_text: projectSearchText(input),
        created_by: actor,
        updated_by: actor,
        created_at: toDbTime(now),
        updated_at: toDbTime(now),
        last_activity_at: toDbTime(now),
        deleted_at: null,
      });
      if (input.tags.length) {
        await tx('project_tags').insert(
          input.tags.map(tag => ({ project_id: id, tag })),
        );
      }
      await this.insertEvent(
        tx,
        id,
        {
          actor,
          action: 'project.create',
          entityType: 'project',
          entityId: input.name,
          summary: `created project ${input.name}`,
        },
        now,
      );
    });
    return (await this.getProject(input.name))!;
  }

  async updateProject(
    project: Project,
    patch: ProjectPatch,
    actor: string,
  ): Promise<Project> {
    const now = new Date();
    const merged = { ...project, ...patch };
    const changed = Object.keys(patch).filter(
      k => (patch as any)[k] !== undefined,
    );
    await this.db.transaction(async tx => {
      const update: Record<string, unknown> = {
        updated_at: toDbTime(now),
        updated_by: actor,
        last_activity_at: toDbTime(now),
        search_text: projectSearchText(merged),
      };
      if (patch.title !== undefined) update.title = patch.title;
      if (patch.description !== undefined)
        update.description = patch.description;
      if (patch.owner !== undefined) update.owner = patch.owner.toLowerCase();
      if (patch.lifecycle !== undefined) update.lifecycle = patch.lifecycle;
      if (patch.links !== undefined) update.links = JSON.stringify(patch.links);
      if (patch.relatedEntities !== undefined)
        update.related_entities = JSON.stringify(patch.relatedEntities);
      await tx('projects').where('id', project.id).update(update);
      if (patch.tags !== undefined) {
        await tx('project_tags').where('project_id', project.id).delete();
        if (patch.tags.length) {
          await tx('project_tags').insert(
            patch.tags.map(tag => ({ project_id: project.id, tag })),
          );
        }
      }
      await this.insertEvent(
        tx,
        project.id,
        {
          actor,
          action: 'project.update',
          entityType: 'project',
          entityId: project.name,
          summary: `changed ${changed.length ? changed.join(', ') : 'nothing'}`,
        },
        now,
      );
    });
    return (await this.getProject(project.name))!;
  }

  async setProjectDeleted(
    project: Project,
    deleted: boolean,
    actor: string,
  ): Promise<Project> {
    const now = new Date();
    await this.db.transaction(async tx => {
      await tx('projects')
        .where('id', project.id)
        .update({
          deleted_at: deleted ? toDbTime(now) : null,
          updated_at: toDbTime(now),
          updated_by: actor,
          last_activity_at: toDbTime(now),
        });
      await this.insertEvent(
        tx,
        project.id,
        {
          actor,
          action: deleted ? 'project.delete' : 'project.restore',
          entityType: 'project',
          entityId: project.name,
          summary: deleted
            ? `deleted project ${project.name}`
            : `restored project ${project.name}`,
        },
        now,
      );
    });
    return (await this.getProject(project.name, { includeDeleted: true }))!;
  }

  // ---------------------------------------------------------------- events

  async appendEvent(project: Project, event: EventInput): Promise<void> {
    await this.insertEvent(this.db, project.id, event, new Date());
  }

  private async insertEvent(
    db: Knex | Knex.Transaction,
    projectId: string,
    event: EventInput,
    at: Date,
  ) {
    await insertProjectEvent(db, projectId, event, at);
  }

  async listEvents(
    project: Project,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ProjectEvent>> {
    const qb = this.db('events').where('project_id', project.id);
    if (page.cursor) {
      const before = Number(page.cursor);
      if (!Number.isSafeInteger(before)) {
        throw new InputError('cursor is not a cursor this API returned');
      }
      qb.andWhere('id', '<', before);
    }
    const rows = await qb.orderBy('id', 'desc').limit(page.limit + 1);
    const hasMore = rows.length > page.limit;
    const items = rows
      .slice(0, page.limit)
      .map(r => eventFromRow(r, project.name));
    return {
      items,
      nextCursor: hasMore ? items[items.length - 1].id : undefined,
    };
  }

  // ---------------------------------------------------------------- experiments

  async listExperiments(
    project: Project,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Experiment>> {
    const qb = this.db('experiments as e')
      .where('e.project_id', project.id)
      .andWhere('e.lifecycle_stage', 'active')
      .select(
        'e.*',
        this.db('runs')
          .count('*')
          .whereRaw('runs.experiment_id = e.id')
          .andWhere('runs.lifecycle_stage', 'active')
          .as('run_count'),
      );
    if (page.cursor) {
      qb.andWhere('e.name', '>', page.cursor);
    }
    const [rows, total] = await Promise.all([
      qb.orderBy('e.name', 'asc').limit(page.limit + 1),
      this.db('experiments')
        .where({ project_id: project.id, lifecycle_stage: 'active' })
        .count({ n: '*' }),
    ]);
    const hasMore = rows.length > page.limit;
    const items = rows
      .slice(0, page.limit)
      .map(r => experimentFromRow(r, project.name));
    return {
      items,
      nextCursor: hasMore ? items[items.length - 1].name : undefined,
      totalCount: fromDbInt((total[0] as any).n),
    };
  }

  async createExperiment(
    project: Project,
    input: { name: string; description: string },
    actor: string,
  ): Promise<Experiment> {
    const now = new Date();
    await this.db.transaction(async tx => {
      const existing = await tx('experiments')
        .where({ project_id: project.id, name: input.name })
        .first();
      if (existing) {
        throw new ConflictError(
          `name: project '${project.name}' already has an experiment named '${input.name}'`,
        );
      }
      await tx('experiments').insert({
        project_id: project.id,
        name: input.name,
        description: input.description,
        lifecycle_stage: 'active',
        created_by: actor,
        created_at: toDbTime(now),
        updated_at: toDbTime(now),
      });
      await this.insertEvent(
        tx,
        project.id,
        {
          actor,
          action: 'experiment.create',
          entityType: 'experiment',
          entityId: input.name,
          summary: `created experiment ${input.name}`,
        },
        now,
      );
    });
    const row = await this.db('experiments')
      .where({ project_id: project.id, name: input.name })
      .first();
    return experimentFromRow({ ...row, run_count: 0 }, project.name);
  }

  async getExperimentIds(
    project: Project,
    names: string[],
  ): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    for (const part of chunks([...new Set(names)], IN_CHUNK)) {
      const rows = await this.db('experiments')
        .where('project_id', project.id)
        .whereIn('name', part)
        .select('id', 'name');
      for (const r of rows) {
        result.set(r.name, fromDbInt(r.id));
      }
    }
    return result;
  }

  // ---------------------------------------------------------------- runs

  async listRuns(
    project: Project,
    options: Omit<RunsQueryOptions, 'projectId'>,
  ): Promise<{ items: Run[]; nextCursor?: string; totalCount: number }> {
    const { rows, nextCursor, totalCount } = await queryRuns(this.db, {
      ...options,
      projectId: project.id,
    });
    const items = await this.hydrateRuns(
      rows as any[],
      new Map([[project.id, project.name]]),
    );
    return { items, nextCursor, totalCount };
  }

  async getRunProjects(runIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of chunks(runIds, IN_CHUNK)) {
      const rows = await this.db('runs as r')
        .join('projects as p', 'p.id', 'r.project_id')
        .whereIn('r.id', part)
        .select('r.id', 'p.name');
      for (const row of rows) out.set(row.id, row.name);
    }
    return out;
  }

  async getRun(runId: string): Promise<Run | undefined> {
    const row = await this.db('runs').where('id', runId).first();
    if (!row) {
      return undefined;
    }
    const project = await this.db('projects')
      .where('id', row.project_id)
      .first('name');
    return (
      await this.hydrateRuns(
        [row],
        new Map([[row.project_id, project?.name ?? '']]),
      )
    )[0];
  }

  async getComparableRuns(runIds: string[]): Promise<ComparableRun[]> {
    const out: ComparableRun[] = [];
    for (const part of chunks([...new Set(runIds)], IN_CHUNK)) {
      const [runs, params] = await Promise.all([
        this.db('runs')
          .join('projects', 'projects.id', 'runs.project_id')
          .whereIn('runs.id', part)
          .select(
            'runs.id',
            'runs.name',
            'runs.metrics_summary',
            'projects.name as project',
          ),
        this.db('run_params')
          .whereIn('run_id', part)
          .select('run_id', 'key', 'value'),
      ]);
      const metrics = await readRunMetrics(this.db, runs);
      const paramsBy = new Map<string, KeyValue[]>();
      for (const r of params) {
        const list = paramsBy.get(r.run_id);
        const kv = { key: r.key as string, value: r.value as string };
        if (list) list.push(kv);
        else paramsBy.set(r.run_id, [kv]);
      }
      for (const run of runs) {
        out.push({
          id: run.id,
          name: run.name,
          project: run.project,
          params: paramsBy.get(run.id) ?? [],
          metrics: metrics.get(run.id) ?? [],
        });
      }
    }
    return out;
  }

  private async hydrateRuns(
    rows: any[],
    projectNames: Map<string, string>,
  ): Promise<Run[]> {
    if (rows.length === 0) {
      return [];
    }
    const ids = rows.map(r => r.id as string);
    const experimentIds = [
      ...new Set(rows.map(r => fromDbInt(r.experiment_id))),
    ];
    const [params, tags, metrics, experiments] = await Promise.all([
      this.db('run_params')
        .whereIn('run_id', ids)
        .select('run_id', 'key', 'value'),
      this.db('run_tags')
        .whereIn('run_id', ids)
        .select('run_id', 'key', 'value'),
      this.db('latest_metrics').whereIn('run_id', ids).select(),
      this.db('experiments').whereIn('id', experimentIds).select('id', 'name'),
    ]);
    const group = <T>(list: any[], map: (r: any) => T) => {
      const out = new Map<string, T[]>();
      for (const r of list) {
        const items = out.get(r.run_id);
        if (items) items.push(map(r));
        else out.set(r.run_id, [map(r)]);
      }
      return out;
    };
    const byKey = (a: { key: string }, b: { key: string }) =>
      compareStrings(a.key, b.key);
    const paramsBy = group<KeyValue>(params, r => ({
      key: r.key,
      value: r.value,
    }));
    const tagsBy = group<KeyValue>(tags, r => ({ key: r.key, value: r.value }));
    const metricsBy = group<LatestMetric>(metrics, latestMetricFromRow);
    const experimentNames = new Map(
      experiments.map(e => [String(e.id), e.name as string]),
    );
    return rows.map(row => {
      const source: RunSource = {};
      if (row.source_kind) source.kind = row.source_kind;
      if (row.source_uri) source.uri = row.source_uri;
      if (row.source_git_commit) source.gitCommit = row.source_git_commit;
      if (row.source_pipeline_run) source.pipelineRun = row.source_pipeline_run;
      return {
        id: row.id,
        projectId: row.project_id,
        project: projectNames.get(row.project_id) ?? '',
        experimentId: String(row.experiment_id),
        experiment: experimentNames.get(String(row.experiment_id)) ?? '',
        name: row.name,
        status: runStatusOf(row.status),
        user: row.user,
        startTime: fromDbInt(row.start_time),
        endTime: fromDbOptionalInt(row.end_time),
        lifecycleStage: row.lifecycle_stage,
        source: Object.keys(source).length ? source : undefined,
        params: (paramsBy.get(row.id) ?? []).sort(byKey),
        tags: (tagsBy.get(row.id) ?? []).sort(byKey),
        metrics: (metricsBy.get(row.id) ?? []).sort(byKey),
        createdAt: fromDbTime(row.created_at),
        updatedAt: fromDbTime(row.updated_at),
      };
    });
  }

  async getMetricHistory(runId: string, key: string, maxPoints: number) {
    return queryMetricHistory(this.db, { runId, key, maxPoints });
  }

  // ---------------------------------------------------------------- ingestion

  async ingest(
    project: Project,
    batch: IngestBatchInput,
    actor: string,
    attach?: (tx: Knex.Transaction) => Promise<Partial<IngestResult>>,
  ): Promise<IngestResult> {
    return this.db.transaction(async tx => {
      const now = new Date();
      if (batch.requestId) {
        const replay = await this.claimRequest(tx, project, batch, now);
        if (replay) return replay;
      }

      // Experiments, created on first use.
      const experimentNames = [...new Set(batch.runs.map(r => r.experiment))];
      const experimentIds = new Map<string, number>();
      for (const part of chunks(experimentNames, IN_CHUNK)) {
        const rows = await tx('experiments')
          .where('project_id', project.id)
          .whereIn('name', part)
          .select('id', 'name');
        rows.forEach(r => experimentIds.set(r.name, fromDbInt(r.id)));
      }
      const missing = experimentNames.filter(n => !experimentIds.has(n));
      for (const part of chunks(missing, INSERT_CHUNK)) {
        await tx('experiments').insert(
          part.map(name => ({
            project_id: project.id,
            name,
            description: '',
            lifecycle_stage: 'active',
            created_by: actor,
            created_at: toDbTime(now),
            updated_at: toDbTime(now),
          })),
        );
        const rows = await tx('experiments')
          .where('project_id', project.id)
          .whereIn('name', part)
          .select('id', 'name');
        rows.forEach(r => experimentIds.set(r.name, fromDbInt(r.id)));
      }

      // Runs: insert the new, update status / times / name of the known. The known runs' rows
      // stay locked until the batch commits (PostgreSQL; SQLite writes one transaction at a time):
      // the latest metrics, their min and max and the run's summary are read, folded and written
      // back, so two batches into one run must not both fold from the same state. In id order, so
      // batches that share runs cannot deadlock.
      const runIds = [...new Set(batch.runs.map(r => r.runId))].sort();
      const existing = new Map<string, any>();
      for (const part of chunks(runIds, IN_CHUNK)) {
        const rows = await tx('runs')
          .whereIn('id', part)
          .orderBy('id')
          .forUpdate()
          .select('id', 'project_id', 'experiment_id');
        rows.forEach(r => existing.set(r.id, r));
      }
      const resultRuns: IngestResult['runs'] = [];
      const newRows = new Map<string, Record<string, unknown>>();
      for (const [index, run] of batch.runs.entries()) {
        const experimentId = experimentIds.get(run.experiment)!;
        const known = existing.get(run.runId);
        if (known) {
          if (known.project_id !== project.id) {
            throw new ConflictError(
              `runs[${index}].runId: run ${run.runId} belongs to another project`,
            );
          }
          if (fromDbInt(known.experiment_id) !== experimentId) {
            throw new ConflictError(
              `runs[${index}].experiment: run ${run.runId} belongs to another experiment than '${run.experiment}'`,
            );
          }
          const update: Record<string, unknown> = {};
          if (run.name !== undefined) update.name = run.name;
          if (run.status !== undefined) update.status = run.status;
          if (run.endTime !== undefined) update.end_time = run.endTime;
          if (run.startTime !== undefined) update.start_time = run.startTime;
          if (Object.keys(update).length) {
            update.updated_at = toDbTime(now);
            await tx('runs').where('id', run.runId).update(update);
          }
          resultRuns.push({
            runId: run.runId,
            experiment: run.experiment,
            experimentId: String(experimentId),
            created: false,
          });
        } else {
          const twin = newRows.get(run.runId);
          if (twin) {
            // The same new run twice in one batch (e.g. a long series split in slices): one row,
            // later slices may finish it.
            if (run.status !== undefined) twin.status = run.status;
            if (run.endTime !== undefined) twin.end_time = run.endTime;
            if (run.name !== undefined) twin.name = run.name;
            resultRuns.push({
              runId: run.runId,
              experiment: run.experiment,
              experimentId: String(experimentId),
              created: false,
            });
            continue;
          }
          newRows.set(run.runId, {
            id: run.runId,
            experiment_id: experimentId,
            project_id: project.id,
            name: run.name ?? '',
            status: run.status ?? 'RUNNING',
            user: run.user ?? actor,
            start_time: run.startTime ?? now.getTime(),
            end_time: run.endTime ?? null,
            lifecycle_stage: 'active',
            source_kind: run.source?.kind ?? null,
            source_uri: run.source?.uri ?? null,
            source_git_commit: run.source?.gitCommit ?? null,
            source_pipeline_run: run.source?.pipelineRun ?? null,
            inputs: '[]',
            created_by: actor,
            created_at: toDbTime(now),
            updated_at: toDbTime(now),
          });
          resultRuns.push({
            runId: run.runId,
            experiment: run.experiment,
            experimentId: String(experimentId),
            created: true,
          });
        }
      }
      for (const part of chunks([...newRows.values()], INSERT_CHUNK)) {
        await tx('runs').insert(part);
      }

      // Params: write-once per run and key.
      const paramRows = new Map<
        string,
        { run_id: string; key: string; value: string; index: number }
      >();
      batch.runs.forEach((run, index) => {
        for (const p of run.params) {
          const id = `${run.runId}\u0000${p.key}`;
          const seen = paramRows.get(id);
          if (seen && seen.value !== p.value) {
            throw new ConflictError(
              `runs[${index}].params: param '${p.key}' of run ${run.runId} is given twice with different values`,
            );
          }
          paramRows.set(id, {
            run_id: run.runId,
            key: p.key,
            value: p.value,
            index,
          });
        }
      });
      if (paramRows.size) {
        const stored = new Map<string, string>();
        // Only runs that existed before the batch have params to compare with.
        const knownRuns = new Set<string>();
        for (const p of paramRows.values()) {
          if (existing.has(p.run_id)) knownRuns.add(p.run_id);
        }
        for (const part of chunks([...knownRuns], IN_CHUNK)) {
          const rows = await tx('run_params')
            .whereIn('run_id', part)
            .select('run_id', 'key', 'value');
          rows.forEach(r => stored.set(`${r.run_id}\u0000${r.key}`, r.value));
        }
        const toInsert: { run_id: string; key: string; value: string }[] = [];
        for (const [id, p] of paramRows) {
          const old = stored.get(id);
          if (old === undefined) {
            toInsert.push({ run_id: p.run_id, key: p.key, value: p.value });
          } else if (old !== p.value) {
            throw new ConflictError(
              `runs[${p.index}].params: param '${p.key}' of run ${p.run_id} is already '${old}' and cannot change to '${p.value}'`,
            );
          }
        }
        for (const part of chunks(toInsert, INSERT_CHUNK)) {
          await tx('run_params').insert(part);
        }
      }

      // Tags: the last value wins.
      const tagRows = new Map<
        string,
        { run_id: string; key: string; value: string }
      >();
      for (const run of batch.runs) {
        for (const t of run.tags) {
          tagRows.set(`${run.runId}\u0000${t.key}`, {
            run_id: run.runId,
            key: t.key,
            value: t.value,
          });
        }
      }
      for (const part of chunks([...tagRows.values()], INSERT_CHUNK)) {
        await tx('run_tags')
          .insert(part)
          .onConflict(['run_id', 'key'])
          .merge(['value']);
      }

      // Metric points: a point sent twice is one point; the materialised latest values follow.
      const pointRows: Record<string, unknown>[] = [];
      for (const run of batch.runs) {
        for (const m of run.metrics) {
          pointRows.push({
            run_id: run.runId,
            key: m.key,
            step: m.step,
            timestamp: m.timestamp,
            ...toDbMetric(m.value),
          });
        }
      }
      const inserted = new Map<string, number>();
      for (const part of chunks(pointRows, INSERT_CHUNK)) {
        const rows = await tx('metric_points')
          .insert(part)
          .onConflict(['run_id', 'key', 'step', 'timestamp', 'value', 'is_nan'])
          .ignore()
          .returning(['run_id', 'key']);
        for (const r of rows as { run_id: string; key: string }[]) {
          const id = `${r.run_id}\u0000${r.key}`;
          inserted.set(id, (inserted.get(id) ?? 0) + 1);
        }
      }
      await this.updateLatestMetrics(tx, project.id, batch, inserted);
      const created = resultRuns.filter(r => r.created).length;
      // A batch may carry only versions, evaluations or deployments: they record their own events.
      if (batch.runs.length)
        await this.insertEvent(
          tx,
          project.id,
          {
            actor,
            action: 'runs.ingest',
            entityType: 'run',
            entityId:
              batch.runs.length === 1
                ? batch.runs[0].runId
                : `${batch.runs.length} runs`,
            summary: `logged ${batch.runs.length} run${batch.runs.length === 1 ? '' : 's'} (${created} new), ${paramRows.size} params, ${tagRows.size} tags, ${pointRows.length} metric points`,
          },
          now,
        );

      const result: IngestResult = {
        runs: resultRuns,
        metricPoints: pointRows.length,
        params: paramRows.size,
        tags: tagRows.size,
        replayed: false,
        ...(attach ? await attach(tx) : {}),
      };
      if (batch.requestId) {
        await tx('ingestion_requests')
          .where('request_id', batch.requestId)
          .update({ response: JSON.stringify(result) });
      }
      return result;
    });
  }

  /**
   * Claims the batch's requestId before anything is written, or finds the answer to replay.
   *
   * The row goes in first and gets its answer when the batch is done, in the same transaction. A
   * concurrent call with the same requestId inserts the same key: PostgreSQL makes it wait until
   * this transaction ends, then it finds the committed row and replays it (or claims the key if
   * this one rolled back); SQLite runs one write transaction at a time. So concurrent retries are
   * one write and one replay, never a unique violation.
   */
  private async claimRequest(
    tx: Knex.Transaction,
    project: Project,
    batch: IngestBatchInput,
    now: Date,
  ): Promise<IngestResult | undefined> {
    const requestId = batch.requestId!;
    const claimed = await tx('ingestion_requests')
      .insert({
        request_id: requestId,
        project_id: project.id,
        request_hash: batch.requestHash ?? null,
        response: '{}',
        created_at: toDbTime(now),
      })
      .onConflict('request_id')
      .ignore()
      .returning('request_id');
    if (claimed.length) {
      return undefined;
    }
    const previous = await tx('ingestion_requests')
      .where('request_id', requestId)
      .first('project_id', 'request_hash', 'response');
    if (previous.project_id !== project.id) {
      throw new ConflictError(
        `requestId '${requestId}' was already used for another project`,
      );
    }
    // Requests recorded before their hash was kept replay whatever is sent.
    if (
      previous.request_hash !== null &&
      previous.request_hash !== (batch.requestHash ?? null)
    ) {
      throw new ConflictError(
        `requestId '${requestId}' was already used for a different batch; a retry sends the same batch, a new batch needs a new requestId`,
      );
    }
    return {
      ...(JSON.parse(previous.response) as IngestResult),
      replayed: true,
    };
  }

  /**
   * Folds the batch's points into latest_metrics: the latest point by MLflow's rule (step, then
   * timestamp, then value), min and max over non-NaN values, and the count of points stored.
   */
  private async updateLatestMetrics(
    tx: Knex.Transaction,
    projectId: string,
    batch: IngestBatchInput,
    inserted: Map<string, number>,
  ) {
    type Agg = {
      run_id: string;
      key: string;
      latest: { step: number; timestamp: number; value: number };
      min: number | null;
      max: number | null;
    };
    const aggs = new Map<string, Agg>();
    for (const run of batch.runs) {
      for (const m of run.metrics) {
        const id = `${run.runId}\u0000${m.key}`;
        const point = { step: m.step, timestamp: m.timestamp, value: m.value };
        const agg = aggs.get(id);
        const finite = Number.isNaN(m.value) ? null : m.value;
        if (!agg) {
          aggs.set(id, {
            run_id: run.runId,
            key: m.key,
            latest: point,
            min: finite,
            max: finite,
          });
          continue;
        }
        if (isLaterMetricPoint(point, agg.latest)) agg.latest = point;
        if (finite !== null) {
          agg.min = agg.min === null ? finite : Math.min(agg.min, finite);
          agg.max = agg.max === null ? finite : Math.max(agg.max, finite);
        }
      }
    }
    if (aggs.size === 0) {
      return;
    }
    const runIds = [...new Set([...aggs.values()].map(a => a.run_id))];
    const stored = new Map<string, any>();
    for (const part of chunks(runIds, IN_CHUNK)) {
      const rows = await tx('latest_metrics').whereIn('run_id', part).select();
      rows.forEach(r => stored.set(`${r.run_id}\u0000${r.key}`, r));
    }
    const rows: Record<string, unknown>[] = [];
    for (const [id, agg] of aggs) {
      const old = stored.get(id);
      let latest = agg.latest;
      let min = agg.min;
      let max = agg.max;
      let count = inserted.get(id) ?? 0;
      if (old) {
        const oldPoint = {
          step: fromDbInt(old.step),
          timestamp: fromDbInt(old.timestamp),
          value: fromDbMetric(old.value, old.is_nan),
        };
        if (!isLaterMetricPoint(latest, oldPoint)) latest = oldPoint;
        const oldMin =
          old.min_value === null ? null : fromDbFloat(old.min_value);
        const oldMax =
          old.max_value === null ? null : fromDbFloat(old.max_value);
        min = combine(min, oldMin, Math.min);
        max = combine(max, oldMax, Math.max);
        count += fromDbInt(old.point_count);
      }
      rows.push({
        run_id: agg.run_id,
        project_id: projectId,
        key: agg.key,
        ...toDbMetric(latest.value),
        step: latest.step,
        timestamp: latest.timestamp,
        min_value: min,
        max_value: max,
        point_count: count,
      });
    }
    for (const part of chunks(rows, INSERT_CHUNK)) {
      await tx('latest_metrics')
        .insert(part)
        .onConflict(['run_id', 'key'])
        .merge([
          'value',
          'is_nan',
          'step',
          'timestamp',
          'min_value',
          'max_value',
          'point_count',
        ]);
    }
    await refreshMetricSummaries(tx, runIds, IN_CHUNK);
  }
}
