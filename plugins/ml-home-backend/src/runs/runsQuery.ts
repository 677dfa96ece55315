/*
 * The run search query: filter clauses, ordering and keyset pagination over
 * `runs`, for both the ML Home run lists and the MLflow search endpoint.
 *
 * Metric filters and metric ordering read the materialised `latest_metrics`,
 * never `metric_points` (DESIGN.md §8), so the cost of a page does not grow
 * with how much runs logged.
 */

import { InputError } from '@backstage/errors';
import {
  RUN_ID_PATTERN,
  RunFilterClause,
  RunFilterOperator,
} from '@ml-home/plugin-ml-home-common';
import { Knex } from 'knex';
import { RunRow } from '../database/rows';

/**
 * What runs are sorted by: an attribute (`startTime`, `endTime`, `name`,
 * `status`, `user`), the latest value of a metric, or the value of a param.
 *
 * @internal
 */
export interface RunsQueryOrder {
  kind: 'attribute' | 'metric' | 'param';
  key: string;
  direction: 'asc' | 'desc';
}

/**
 * Options of {@link queryRuns}.
 *
 * @internal
 */
export interface RunsQueryOptions {
  projectId: string;
  /** Restricts the search to these experiments; an empty list matches no run. */
  experimentIds?: number[];
  /** Filter clauses, as {@link @ml-home/plugin-ml-home-common#parseRunFilter} returns them; all must hold. */
  clauses: RunFilterClause[];
  /** Defaults to the newest runs first (`attribute startTime desc`). */
  orderBy?: RunsQueryOrder;
  /** Page size, 1 to {@link RUNS_QUERY_MAX_LIMIT}. */
  limit: number;
  /** The `nextCursor` of the previous page, which must have had the same `orderBy`. */
  cursor?: string;
  /** Deleted runs stay hidden unless asked for, as in MLflow. */
  includeDeleted?: boolean;
  /** Only deleted runs (MLflow's `DELETED_ONLY` view). */
  onlyDeleted?: boolean;
  /** Only these runs (MLflow's `attributes.run_id IN (…)`). */
  runIds?: string[];
  /** Not these runs (MLflow's `attributes.run_id NOT IN (…)`). */
  excludedRunIds?: string[];
  /**
   * False skips counting every matching run (MLflow's search answers no total): `totalCount` is
   * then only the number of runs on this page.
   */
  countTotal?: boolean;
}

/**
 * One page of {@link queryRuns}.
 *
 * @internal
 */
export interface RunsQueryResult {
  rows: RunRow[];
  /** Present only when more runs follow this page. */
  nextCursor?: string;
  /** Runs matching the filters on all pages, so a UI can show "n of N". */
  totalCount: number;
}

/**
 * The largest page {@link queryRuns} serves; it bounds one request's work.
 *
 * @internal
 */
export const RUNS_QUERY_MAX_LIMIT = 1000;

const DEFAULT_ORDER: RunsQueryOrder = {
  kind: 'attribute',
  key: 'startTime',
  direction: 'desc',
};

type ValueType = 'number' | 'string';

type AttributeColumn = { column: string; type: ValueType; nullable: boolean };

const FILTER_ATTRIBUTES = new Map<string, AttributeColumn>([
  ['status', { column: 'r.status', type: 'string', nullable: false }],
  ['name', { column: 'r.name', type: 'string', nullable: false }],
  ['user', { column: 'r.user', type: 'string', nullable: false }],
  ['runId', { column: 'r.id', type: 'string', nullable: false }],
  ['startTime', { column: 'r.start_time', type: 'number', nullable: false }],
  ['endTime', { column: 'r.end_time', type: 'number', nullable: true }],
]);

// Each of these columns leads an index with project_id, so ordering by one
// can walk the index instead of sorting every run of the project.
const ORDER_ATTRIBUTES = new Set([
  'startTime',
  'endTime',
  'name',
  'status',
  'user',
]);

const NUMERIC_OPERATORS = new Set<string>(['=', '!=', '<', '<=', '>', '>=']);
const STRING_OPERATORS = new Set<string>(['=', '!=', 'LIKE', 'ILIKE']);

/* How a page is sorted, resolved to SQL. */
type Sort = {
  order: RunsQueryOrder;
  expression: string;
  type: ValueType;
  /* Absent metrics, NaN metrics and absent params are null and sort last. */
  nullable: boolean;
  join?: (query: Knex.QueryBuilder) => void;
};

/* The decoded position after which the next page starts. */
type CursorPosition = { value: string | number | null; id: string };

const SORT_VALUE = 'ml_home_sort_value';
const LIKE_ESCAPE = '\\';

/*
 * The one place where the dialects differ in the run search: pattern
 * matching. SQLite's LIKE ignores ASCII case, so a case-sensitive LIKE
 * becomes a GLOB there.
 */
function isSqlite(knex: Knex): boolean {
  return knex.client.dialect === 'sqlite3';
}

function comparator(op: RunFilterOperator): string {
  return op === '!=' ? '<>' : op;
}

function checkPattern(pattern: string) {
  let escaped = false;
  for (const c of pattern) {
    escaped = !escaped && c === LIKE_ESCAPE;
  }
  if (escaped) {
    throw new InputError(
      `Invalid filter: the LIKE pattern '${pattern}' ends with an unescaped backslash`,
    );
  }
}

/**
 * Translates a LIKE pattern (`%`, `_`, backslash escapes) to the SQLite GLOB
 * pattern that matches the same strings, case-sensitively.
 *
 * @internal
 */
export function likeToGlob(pattern: string): string {
  let glob = '';
  let escaped = false;
  for (const c of pattern) {
    if (escaped) {
      glob += c === '*' || c === '?' || c === '[' ? `[${c}]` : c;
      escaped = false;
    } else if (c === LIKE_ESCAPE) {
      escaped = true;
    } else if (c === '%') {
      glob += '*';
    } else if (c === '_') {
      glob += '?';
    } else if (c === '*' || c === '?' || c === '[') {
      glob += `[${c}]`;
    } else {
      glob += c;
    }
  }
  return glob;
}

function whereString(
  knex: Knex,
  query: Knex.QueryBuilder,
  column: string,
  op: RunFilterOperator,
  value: string,
) {
  if (op === '=' || op === '!=') {
    query.where(column, comparator(op), value);
    return;
  }
  checkPattern(value);
  if (!isSqlite(knex)) {
    query.where(column, op === 'LIKE' ? 'like' : 'ilike', value);
  } else if (op === 'LIKE') {
    query.whereRaw('?? GLOB ?', [column, likeToGlob(value)]);
  } else {
    query.whereRaw('?? LIKE ? ESCAPE ?', [column, value, LIKE_ESCAPE]);
  }
}

/*
 * Times are 64-bit integer columns: PostgreSQL rejects a fractional or
 * huge bound for them rather than comparing, so the bound is first turned
 * into an equivalent integer one, or into a constant when no stored time
 * (a safe integer, as every writer is JavaScript) can compare otherwise.
 */
function whereTime(
  query: Knex.QueryBuilder,
  column: string,
  op: RunFilterOperator,
  bound: number,
) {
  let sqlOp = comparator(op);
  let value = bound;
  if (!Number.isInteger(bound)) {
    if (op === '=' || op === '!=') {
      return op === '=' ? query.whereRaw('1 = 0') : query.whereNotNull(column);
    }
    value = op === '<' || op === '<=' ? Math.floor(bound) : Math.ceil(bound);
    sqlOp = op === '<' || op === '<=' ? '<=' : '>=';
  }
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    const above = value > 0;
    const holds =
      sqlOp === '<>' ||
      (above && (sqlOp === '<' || sqlOp === '<=')) ||
      (!above && (sqlOp === '>' || sqlOp === '>='));
    return holds ? query.whereNotNull(column) : query.whereRaw('1 = 0');
  }
  return query.where(column, sqlOp, value);
}

function checkClause(clause: RunFilterClause, index: number) {
  const { kind, key, op, value } = clause;
  let type: ValueType = 'string';
  if (kind === 'metric') {
    type = 'number';
  } else if (kind === 'attribute') {
    if (key !== 'experiment' && !FILTER_ATTRIBUTES.has(key)) {
      throw new InputError(
        `Invalid filter: clause ${index + 1} names the unknown attribute '${key}'`,
      );
    }
    type = FILTER_ATTRIBUTES.get(key)?.type ?? 'string';
  } else if (kind !== 'param' && kind !== 'tag') {
    throw new InputError(
      `Invalid filter: clause ${index + 1} has the unknown kind '${kind}'`,
    );
  }
  const operators = type === 'number' ? NUMERIC_OPERATORS : STRING_OPERATORS;
  if (!operators.has(op)) {
    throw new InputError(
      `Invalid filter: ${op} cannot compare ${kind} '${key}' (clause ${
        index + 1
      })`,
    );
  }
  if (
    typeof value !== type ||
    (typeof value === 'number' && !Number.isFinite(value))
  ) {
    throw new InputError(
      `Invalid filter: ${kind} '${key}' compares with a ${
        type === 'number' ? 'finite number' : 'string'
      } (clause ${index + 1})`,
    );
  }
}

function applyClause(
  knex: Knex,
  query: Knex.QueryBuilder,
  projectId: string,
  clause: RunFilterClause,
  index: number,
) {
  checkClause(clause, index);
  const { kind, key, op, value } = clause;
  if (kind === 'metric') {
    // One alias per clause, so two bounds on one metric each get their join.
    // project_id lets the planner start from the (project_id, key, value)
    // index when the metric bound is the selective part of the filter.
    const alias = `fm${index}`;
    query
      .join(`latest_metrics as ${alias}`, join =>
        join
          .on(`${alias}.run_id`, '=', 'r.id')
          .andOnVal(`${alias}.key`, '=', key)
          .andOnVal(`${alias}.project_id`, '=', projectId),
      )
      // A NaN is stored as 0 and must not compare as one.
      .where(`${alias}.is_nan`, false)
      .where(`${alias}.value`, comparator(op), value);
    return;
  }
  if (kind === 'param' || kind === 'tag') {
    // An inner join: like MLflow, `!=` only matches runs that have the key.
    const alias = `${kind === 'param' ? 'fp' : 'ft'}${index}`;
    query.join(
      `${kind === 'param' ? 'run_params' : 'run_tags'} as ${alias}`,
      join =>
        join
          .on(`${alias}.run_id`, '=', 'r.id')
          .andOnVal(`${alias}.key`, '=', key),
    );
    whereString(knex, query, `${alias}.value`, op, value as string);
    return;
  }
  if (key === 'experiment') {
    // A subquery rather than a join keeps r.experiment_id the indexed
    // predicate, and experiment names are unique within the project.
    const experiments = knex('experiments')
      .select('id')
      .where('project_id', projectId);
    whereString(knex, experiments, 'name', op, value as string);
    query.whereIn('r.experiment_id', experiments);
    return;
  }
  const attribute = FILTER_ATTRIBUTES.get(key)!;
  if (attribute.type === 'number') {
    whereTime(query, attribute.column, op, value as number);
  } else {
    whereString(knex, query, attribute.column, op, value as string);
  }
}

function resolveSort(order: RunsQueryOrder, projectId: string): Sort {
  const { kind, key, direction } = order;
  if (direction !== 'asc' && direction !== 'desc') {
    throw new InputError(
      `Invalid orderBy: direction must be asc or desc, got '${direction}'`,
    );
  }
  if (typeof key !== 'string' || key === '') {
    throw new InputError('Invalid orderBy: the key must be a non-empty string');
  }
  if (kind === 'attribute') {
    const attribute = FILTER_ATTRIBUTES.get(key);
    if (!attribute || !ORDER_ATTRIBUTES.has(key)) {
      throw new InputError(
        `Invalid orderBy: runs cannot be sorted by the attribute '${key}'; expected one of ${[
          ...ORDER_ATTRIBUTES,
        ].join(', ')}`,
      );
    }
    return {
      order,
      expression: attribute.column,
      type: attribute.type,
      nullable: attribute.nullable,
    };
  }
  if (kind === 'metric') {
    return {
      order,
      expression: 'sm.value',
      type: 'number',
      nullable: true,
      // Left join with NaN excluded in the join condition, so that a run
      // without the metric and a run whose latest value is NaN both get a
      // null sort value and sort last together.
      join: query =>
        query.leftJoin('latest_metrics as sm', join =>
          join
            .on('sm.run_id', '=', 'r.id')
            .andOnVal('sm.key', '=', key)
            .andOnVal('sm.project_id', '=', projectId)
            .andOnVal('sm.is_nan', '=', false),
        ),
    };
  }
  if (kind === 'param') {
    return {
      order,
      expression: 'sp.value',
      type: 'string',
      nullable: true,
      join: query =>
        query.leftJoin('run_params as sp', join =>
          join.on('sp.run_id', '=', 'r.id').andOnVal('sp.key', '=', key),
        ),
    };
  }
  throw new InputError(
    `Invalid orderBy: kind must be attribute, metric or param, got '${kind}'`,
  );
}

function sameOrder(a: unknown, b: RunsQueryOrder): boolean {
  return (
    Array.isArray(a) &&
    a.length === 3 &&
    a[0] === b.kind &&
    a[1] === b.key &&
    a[2] === b.direction
  );
}

/*
 * JSON has no infinities, and a metric's latest value may be one, so
 * numbers that are not finite travel as their names.
 */
function encodeValue(value: unknown, type: ValueType): string | number | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (type === 'string') {
    return String(value);
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : String(n);
}

function decodeValue(
  value: unknown,
  sort: Sort,
): string | number | null | undefined {
  if (value === null) {
    return sort.nullable ? null : undefined;
  }
  if (sort.type === 'string') {
    return typeof value === 'string' ? value : undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (value === 'Infinity' || value === '-Infinity') {
    return Number(value);
  }
  return undefined;
}

function encodeCursor(sort: Sort, value: unknown, id: string): string {
  const { kind, key, direction } = sort.order;
  const json = JSON.stringify({
    o: [kind, key, direction],
    v: encodeValue(value, sort.type),
    id,
  });
  return Buffer.from(json, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, sort: Sort): CursorPosition {
  let decoded: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) {
      throw new Error('not base64url');
    }
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InputError('Invalid cursor: it is not one this API returned');
  }
  const { o, v, id } = (decoded ?? {}) as Record<string, unknown>;
  if (typeof decoded !== 'object' || !sameOrder(o, sort.order)) {
    throw new InputError(
      'Invalid cursor: it belongs to a different orderBy; start again without a cursor',
    );
  }
  const value = decodeValue(v, sort);
  if (
    value === undefined ||
    typeof id !== 'string' ||
    !RUN_ID_PATTERN.test(id)
  ) {
    throw new InputError('Invalid cursor: it is not one this API returned');
  }
  return { value, id };
}

/*
 * Keyset pagination: continue strictly after the last row's (value, id) in
 * the page order, where nulls come after every value in both directions.
 * The row-value comparison matches the (…, start_time, id) indexes.
 */
function whereAfter(
  query: Knex.QueryBuilder,
  sort: Sort,
  position: CursorPosition,
) {
  const op = sort.order.direction === 'asc' ? '>' : '<';
  if (position.value === null) {
    query.whereNull(sort.expression).where('r.id', op, position.id);
    return;
  }
  const after = [sort.expression, 'r.id', position.value, position.id];
  if (sort.nullable) {
    query.where(inner =>
      inner
        .whereRaw(`(??, ??) ${op} (?, ?)`, after)
        .orWhereNull(sort.expression),
    );
  } else {
    query.whereRaw(`(??, ??) ${op} (?, ?)`, after);
  }
}

function orderPage(query: Knex.QueryBuilder, sort: Sort) {
  const direction = sort.order.direction;
  if (sort.nullable) {
    // NULLS LAST is understood by PostgreSQL and by SQLite since 3.30.
    query.orderByRaw(`?? ${direction} NULLS LAST`, [sort.expression]);
  } else {
    // Not-null columns get no NULLS clause, which would stop PostgreSQL
    // walking a descending index backwards.
    query.orderBy(sort.expression, direction);
  }
  query.orderBy('r.id', direction);
}

/**
 * Searches the runs of a project: filters, one page in the requested order,
 * and the number of matching runs.
 *
 * @remarks
 * Ties in the sort value are broken by run id, in the same direction, so the
 * order is total and keyset pagination never skips or repeats a run. Runs
 * without the sorted metric or param, or whose latest value of the metric is
 * NaN, come last in both directions. The cursor is base64url JSON of the
 * orderBy and the last row's (sort value, run id); a page reads only the
 * rows after it, never an OFFSET.
 *
 * Filters follow MLflow: a metric clause compares the latest value and never
 * matches a NaN; `!=` on a param or tag matches runs that have the key with
 * another value; LIKE is case-sensitive and ILIKE is not, on both databases
 * (on SQLite ILIKE folds ASCII letters only); a backslash escapes `%`, `_`
 * and itself in patterns. A run without an end time matches no endTime
 * comparison.
 *
 * @param knex - a client of the ML Home database, SQLite or PostgreSQL
 * @param options - what to search for and which page to return
 * @returns the page's raw run rows, the next cursor when more follow, and
 * the total count
 * @throws InputError for a bad limit, orderBy, filter clause or cursor
 * @internal
 */
export async function queryRuns(
  knex: Knex,
  options: RunsQueryOptions,
): Promise<RunsQueryResult> {
  const { projectId, limit } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > RUNS_QUERY_MAX_LIMIT) {
    throw new InputError(
      `Invalid limit: expected an integer from 1 to ${RUNS_QUERY_MAX_LIMIT}, got ${limit}`,
    );
  }
  let sort = resolveSort(options.orderBy ?? DEFAULT_ORDER, projectId);
  // Ordering by a metric the filter already compares (MLflow's most common search, e.g.
  // `metrics.acc > 0.5` by `metrics.acc DESC`): sort by that clause's join, which holds the same
  // latest value, is never NaN and never missing, so the database can walk the
  // (project_id, key, value) index in order and stop after the page instead of joining the
  // metric a second time and sorting every matching run.
  const filtering =
    sort.order.kind === 'metric'
      ? options.clauses.findIndex(
          c => c.kind === 'metric' && c.key === sort.order.key,
        )
      : -1;
  if (filtering >= 0) {
    sort = {
      ...sort,
      expression: `fm${filtering}.value`,
      nullable: false,
      join: undefined,
    };
  }
  const position =
    options.cursor === undefined
      ? undefined
      : decodeCursor(options.cursor, sort);

  const filtered = knex('runs as r').where('r.project_id', projectId);
  if (options.experimentIds) {
    filtered.whereIn('r.experiment_id', options.experimentIds);
  }
  if (options.onlyDeleted) {
    filtered.where('r.lifecycle_stage', 'deleted');
  } else if (!options.includeDeleted) {
    filtered.whereNot('r.lifecycle_stage', 'deleted');
  }
  if (options.runIds) filtered.whereIn('r.id', options.runIds);
  if (options.excludedRunIds?.length) {
    filtered.whereNotIn('r.id', options.excludedRunIds);
  }
  options.clauses.forEach((clause, index) =>
    applyClause(knex, filtered, projectId, clause, index),
  );

  // Every filter join is on a (run_id, key) primary key, so each run
  // appears at most once and count(*) needs no DISTINCT.
  const count =
    options.countTotal === false
      ? Promise.resolve(undefined)
      : filtered.clone().count({ n: '*' });

  const page = filtered
    .clone()
    .select('r.*', { [SORT_VALUE]: sort.expression });
  sort.join?.(page);
  if (position) {
    whereAfter(page, sort, position);
  }
  orderPage(page, sort);
  page.limit(limit + 1);

  const [pageRows, countRows] = await Promise.all([page, count]);
  const more = pageRows.length > limit;
  const rows = pageRows
    .slice(0, limit)
    .map(({ [SORT_VALUE]: _sortValue, ...run }) => run as RunRow);
  const last = pageRows[limit - 1];
  return {
    rows,
    nextCursor: more
      ? encodeCursor(sort, last[SORT_VALUE], last.id)
      : undefined,
    totalCount: countRows ? Number(countRows[0].n) : rows.length,
  };
}
