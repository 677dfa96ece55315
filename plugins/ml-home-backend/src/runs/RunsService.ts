import { InputError, NotFoundError } from '@backstage/errors';
import {
  ExperimentCreate,
  RunFilterClause,
  parseRunFilter,
} from '@ml-home/plugin-ml-home-common';
import { Caller } from '../domain/Caller';
import { ProjectScope, RunScope, RunsScope } from '../domain/scopes';
import { Experiment, Page, PageRequest, Run } from '../domain/types';
import { checkDescription, checkKey } from '../domain/validation';
import { RunsStore } from './DatabaseRunsStore';
import { MetricHistory } from './metricHistory';
import { noSuchRun } from '../domain/notFound';

export interface RunsListRequest {
  experiments?: string[];
  filter?: string;
  orderBy?: string;
  deleted?: boolean;
  limit: number;
  cursor?: string;
}

/** One metric's history of one run, possibly downsampled. */
export type RunMetricHistory = MetricHistory & { runId: string; key: string };

/** ML Home's rules for experiments, runs and metric histories. Knows nothing of permissions. */
export interface RunsService {
  listExperiments(
    caller: Caller,
    scope: ProjectScope,
    page: PageRequest,
  ): Promise<Page<Experiment>>;
  createExperiment(
    caller: Caller,
    scope: ProjectScope,
    input: ExperimentCreate,
  ): Promise<Experiment>;
  listRuns(
    caller: Caller,
    scope: ProjectScope,
    request: RunsListRequest,
  ): Promise<{ items: Run[]; nextCursor?: string; totalCount: number }>;
  getRun(caller: Caller, scope: RunScope): Promise<Run>;
  getMetricHistory(
    caller: Caller,
    scope: RunScope,
    key: string,
    maxPoints: number,
  ): Promise<RunMetricHistory>;
  getMetricHistories(
    caller: Caller,
    scope: RunsScope,
    key: string,
    maxPoints: number,
  ): Promise<RunMetricHistory[]>;
}

const ATTRIBUTE_ORDER_KEYS = new Set([
  'startTime',
  'endTime',
  'name',
  'status',
]);
// A Map: the key is user input, and `constructor` must not find Object.prototype's.
const ATTRIBUTE_ALIASES = new Map([
  ['start_time', 'startTime'],
  ['end_time', 'endTime'],
  ['run_name', 'name'],
]);

/** Parses `metrics.auc DESC`, `params.lr`, `attributes.start_time ASC` into an order. */
export function parseRunOrderBy(orderBy: string | undefined): {
  kind: 'attribute' | 'metric' | 'param';
  key: string;
  direction: 'asc' | 'desc';
} {
  if (!orderBy?.trim()) {
    return { kind: 'attribute', key: 'startTime', direction: 'desc' };
  }
  const match =
    /^\s*(?:(metrics|params|attributes|attribute)\.)?(`[^`]+`|"[^"]+"|[^\s]+)\s*(asc|desc)?\s*$/i.exec(
      orderBy,
    );
  if (!match) {
    throw new InputError(
      `orderBy '${orderBy}' is not of the form 'metrics.<key> DESC', 'params.<key>' or 'attributes.startTime ASC'`,
    );
  }
  const prefix = (match[1] ?? 'attributes').toLowerCase();
  let key = match[2];
  if (
    (key.startsWith('`') && key.endsWith('`')) ||
    (key.startsWith('"') && key.endsWith('"'))
  ) {
    key = key.slice(1, -1);
  }
  const direction =
    (match[3]?.toLowerCase() as 'asc' | 'desc' | undefined) ?? 'desc';
  if (prefix === 'metrics') return { kind: 'metric', key, direction };
  if (prefix === 'params') return { kind: 'param', key, direction };
  const attribute = ATTRIBUTE_ALIASES.get(key) ?? key;
  if (!ATTRIBUTE_ORDER_KEYS.has(attribute)) {
    throw new InputError(
      `orderBy: runs can be ordered by the attributes startTime, endTime, name or status, not '${key}'`,
    );
  }
  return { kind: 'attribute', key: attribute, direction };
}

/** The rules over the runs store. */
export class DefaultRunsService implements RunsService {
  constructor(private readonly store: RunsStore) {}

  async listExperiments(
    _caller: Caller,
    { project }: ProjectScope,
    page: PageRequest,
  ) {
    return this.store.listExperiments(project, page);
  }

  async createExperiment(
    caller: Caller,
    { project }: ProjectScope,
    input: ExperimentCreate,
  ) {
    checkKey('name', input.name);
    const description = input.description ?? '';
    checkDescription('description', description);
    return this.store.createExperiment(
      project,
      { name: input.name, description },
      caller.actor,
    );
  }

  async listRuns(
    _caller: Caller,
    { project }: ProjectScope,
    request: RunsListRequest,
  ) {
    let clauses: RunFilterClause[] = [];
    try {
      clauses = parseRunFilter(request.filter ?? '');
    } catch (error) {
      throw new InputError(`filter: ${(error as Error).message}`);
    }
    let experimentIds: number[] | undefined;
    if (request.experiments?.length) {
      const ids = await this.store.getExperimentIds(
        project,
        request.experiments,
      );
      experimentIds = [...ids.values()];
      if (experimentIds.length === 0) {
        return { items: [], totalCount: 0 };
      }
    }
    return this.store.listRuns(project, {
      experimentIds,
      clauses,
      orderBy: parseRunOrderBy(request.orderBy),
      limit: request.limit,
      cursor: request.cursor,
      includeDeleted: request.deleted,
    });
  }

  private async run(runId: string): Promise<Run> {
    const run = await this.store.getRun(runId);
    if (!run) {
      throw noSuchRun(runId);
    }
    return run;
  }

  async getRun(_caller: Caller, { runId }: RunScope) {
    return this.run(runId);
  }

  async getMetricHistory(
    _caller: Caller,
    { runId }: RunScope,
    key: string,
    maxPoints: number,
  ) {
    // The run exists (its scope was found); whether it has the metric is one key look-up, not
    // the whole run read.
    if (!(await this.store.hasMetric(runId, key))) {
      throw new NotFoundError(`Run '${runId}' has no metric '${key}'`);
    }
    return {
      runId,
      key,
      ...(await this.store.getMetricHistory(runId, key, maxPoints)),
    };
  }

  async getMetricHistories(
    _caller: Caller,
    { runIds }: RunsScope,
    key: string,
    maxPoints: number,
  ) {
    checkKey('key', key);
    if (new Set(runIds).size !== runIds.length) {
      throw new InputError('runIds names a run more than once');
    }
    return Promise.all(
      runIds.map(async runId => ({
        runId,
        key,
        ...(await this.store.getMetricHistory(runId, key, maxPoints)),
      })),
    );
  }
}
