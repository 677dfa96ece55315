import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  Experiment,
  KeyValue,
  LatestMetric,
  Page,
  Project,
  Run,
  RunSource,
} from '../domain/types';
import { insertProjectEvent } from '../database/events';
import {
  experimentFromRow,
  fromDbInt,
  fromDbOptionalInt,
  fromDbTime,
  latestMetricFromRow,
  runStatusOf,
  toDbTime,
} from '../database/mappers';
import { Clock, systemClock } from '../database/clock';
import {
  IN_CHUNK,
  chunks,
  countOf,
  keysetPage,
} from '../database/queryHelpers';
import { inTransaction } from '../database/transactions';
import {
  CountRow,
  ExperimentRow,
  LatestMetricRow,
  ProjectRow,
  RunParamRow,
  RunRow,
  RunTagRow,
} from '../database/rows';
import { MetricHistory, queryMetricHistory } from './metricHistory';
import { RunsQueryOptions, queryRuns } from './runsQuery';

/** Storage of experiments, runs and their metric histories, as the read routes see them. */
export interface RunsStore {
  listExperiments(
    project: Project,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Experiment>>;
  createExperiment(
    project: Project,
    input: { name: string; description: string },
    actor: string,
  ): Promise<Experiment>;
  /** The ids of the project's experiments with these names that exist, by name. */
  getExperimentIds(
    project: Project,
    names: string[],
  ): Promise<Map<string, number>>;
  listRuns(
    project: Project,
    options: Omit<RunsQueryOptions, 'projectId'>,
  ): Promise<{ items: Run[]; nextCursor?: string; totalCount: number }>;
  getRun(runId: string): Promise<Run | undefined>;
  /** The project name of each run that exists, by run id (a light lookup, no hydration). */
  getRunProjects(runIds: string[]): Promise<Map<string, string>>;
  /** Whether the run has logged the metric (it has a latest value), one key look-up. */
  hasMetric(runId: string, key: string): Promise<boolean>;
  getMetricHistory(
    runId: string,
    key: string,
    maxPoints: number,
  ): Promise<MetricHistory>;
}

/** Byte-wise order, the same on every database and locale. */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const byKey = (a: { key: string }, b: { key: string }) =>
  compareStrings(a.key, b.key);

/** Rows grouped by their run, mapped. */
function groupByRun<R extends { run_id: string }, T>(
  rows: readonly R[],
  map: (row: R) => T,
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const items = out.get(r.run_id);
    if (items) items.push(map(r));
    else out.set(r.run_id, [map(r)]);
  }
  return out;
}

type ExperimentWithCount = ExperimentRow & { run_count: unknown };

/** The Knex implementation of {@link RunsStore}, for SQLite and PostgreSQL. */
export class DatabaseRunsStore implements RunsStore {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock = systemClock,
  ) {}

  async listExperiments(
    project: Project,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Experiment>> {
    const qb = this.db('experiments as e')
      .where('e.project_id', project.id)
      .andWhere('e.lifecycle_stage', 'active')
      .select<ExperimentWithCount[]>(
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
        .count<CountRow[]>({ n: '*' }),
    ]);
    const cut = keysetPage(rows, page.limit, last => last.name);
    return {
      items: cut.rows.map(r => experimentFromRow(r, project.name)),
      nextCursor: cut.nextCursor,
      totalCount: countOf(total),
    };
  }

  async createExperiment(
    project: Project,
    input: { name: string; description: string },
    actor: string,
  ): Promise<Experiment> {
    const now = this.clock();
    await inTransaction(this.db, async tx => {
      const existing = await tx<ExperimentRow>('experiments')
        .where({ project_id: project.id, name: input.name })
        .first('id');
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
      await insertProjectEvent(
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
    const row = await this.db<ExperimentRow>('experiments')
      .where({ project_id: project.id, name: input.name })
      .first();
    return experimentFromRow({ ...row!, run_count: 0 }, project.name);
  }

  async getExperimentIds(
    project: Project,
    names: string[],
  ): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    for (const part of chunks([...new Set(names)], IN_CHUNK)) {
      const rows = await this.db<ExperimentRow>('experiments')
        .where('project_id', project.id)
        .whereIn('name', part)
        .select('id', 'name');
      for (const r of rows) {
        result.set(r.name, fromDbInt(r.id));
      }
    }
    return result;
  }

  async listRuns(
    project: Project,
    options: Omit<RunsQueryOptions, 'projectId'>,
  ): Promise<{ items: Run[]; nextCursor?: string; totalCount: number }> {
    const { rows, nextCursor, totalCount } = await queryRuns(this.db, {
      ...options,
      projectId: project.id,
    });
    const items = await this.hydrateRuns(
      rows,
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
        .select<{ id: string; name: string }[]>('r.id', 'p.name');
      for (const row of rows) out.set(row.id, row.name);
    }
    return out;
  }

  async getRun(runId: string): Promise<Run | undefined> {
    const row = await this.db<RunRow>('runs').where('id', runId).first();
    if (!row) {
      return undefined;
    }
    const project = await this.db<ProjectRow>('projects')
      .where('id', row.project_id)
      .first('name');
    return (
      await this.hydrateRuns(
        [row],
        new Map([[row.project_id, project?.name ?? '']]),
      )
    )[0];
  }

  private async hydrateRuns(
    rows: RunRow[],
    projectNames: Map<string, string>,
  ): Promise<Run[]> {
    if (rows.length === 0) {
      return [];
    }
    const ids = rows.map(r => r.id);
    const experimentIds = [
      ...new Set(rows.map(r => fromDbInt(r.experiment_id))),
    ];
    const [params, tags, metrics, experiments] = await Promise.all([
      this.db<RunParamRow>('run_params')
        .whereIn('run_id', ids)
        .select('run_id', 'key', 'value'),
      this.db<RunTagRow>('run_tags')
        .whereIn('run_id', ids)
        .select('run_id', 'key', 'value'),
      this.db<LatestMetricRow>('latest_metrics').whereIn('run_id', ids),
      this.db<ExperimentRow>('experiments')
        .whereIn('id', experimentIds)
        .select('id', 'name'),
    ]);
    const keyValue = (r: { key: string; value: string }): KeyValue => ({
      key: r.key,
      value: r.value,
    });
    const paramsBy = groupByRun(params, keyValue);
    const tagsBy = groupByRun(tags, keyValue);
    const metricsBy = groupByRun<LatestMetricRow, LatestMetric>(
      metrics,
      latestMetricFromRow,
    );
    const experimentNames = new Map(
      experiments.map(e => [String(e.id), e.name]),
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
        lifecycleStage:
          row.lifecycle_stage === 'deleted' ? 'deleted' : 'active',
        source: Object.keys(source).length ? source : undefined,
        params: (paramsBy.get(row.id) ?? []).sort(byKey),
        tags: (tagsBy.get(row.id) ?? []).sort(byKey),
        metrics: (metricsBy.get(row.id) ?? []).sort(byKey),
        createdAt: fromDbTime(row.created_at),
        updatedAt: fromDbTime(row.updated_at),
      };
    });
  }

  async hasMetric(runId: string, key: string): Promise<boolean> {
    const row = await this.db<LatestMetricRow>('latest_metrics')
      .where({ run_id: runId, key })
      .first('run_id');
    return row !== undefined;
  }

  async getMetricHistory(runId: string, key: string, maxPoints: number) {
    return queryMetricHistory(this.db, { runId, key, maxPoints });
  }
}
