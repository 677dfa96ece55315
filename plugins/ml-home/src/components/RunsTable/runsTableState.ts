/*
 * The runs table keeps what the user chose (experiments, filter, quick
 * filters, sort, columns, page size) in the URL, so a view can be shared and
 * survives reloads. Reading and writing that state, and turning it into the
 * API query, are pure functions here.
 */
import {
  formatRunFilter,
  RunFilterClause,
  RunStatus,
} from '@ml-home/plugin-ml-home-common';

/** A user-chosen column: the latest value of a metric, or a param. */
export interface RunColumn {
  kind: 'metric' | 'param';
  key: string;
}

/** Everything the user chose about the table. */
export interface RunsTableState {
  /** Experiment names to show; empty means every experiment. */
  experiments: string[];
  /** The user's filter text in the run filter language. */
  filter: string;
  /** Quick filter on the run status. */
  status?: RunStatus;
  /** Quick filter: only the signed-in user's runs. */
  mine: boolean;
  /** The API's `orderBy`, e.g. `metrics.auc DESC`; absent means newest first. */
  orderBy?: string;
  columns: RunColumn[];
  pageSize: number;
}

export const RUN_STATUSES: RunStatus[] = [
  'RUNNING',
  'SCHEDULED',
  'FINISHED',
  'FAILED',
  'KILLED',
];

export const PAGE_SIZES = [25, 50, 100, 200];
export const DEFAULT_PAGE_SIZE = 50;

/** The API's default order, which the URL leaves out. */
export const DEFAULT_ORDER = 'attributes.startTime DESC';

/** `metrics.auc` or `params.lr`: how a column is written in the URL and in the API's orderBy. */
export function columnId(column: RunColumn): string {
  return `${column.kind === 'metric' ? 'metrics' : 'params'}.${column.key}`;
}

/** Reads `metrics.<key>` or `params.<key>`; anything else is not a column. */
export function parseColumnId(id: string): RunColumn | undefined {
  const match = /^(metrics|params)\.(.+)$/.exec(id);
  if (!match) return undefined;
  return { kind: match[1] === 'metrics' ? 'metric' : 'param', key: match[2] };
}

/** Reads the table state from the page's query parameters, ignoring values it does not know. */
export function readRunsTableState(params: URLSearchParams): RunsTableState {
  const status = params.get('status') as RunStatus | null;
  const pageSize = Number(params.get('pageSize'));
  const seen = new Set<string>();
  const columns: RunColumn[] = [];
  for (const id of params.getAll('column')) {
    const column = parseColumnId(id);
    if (column && !seen.has(id)) {
      seen.add(id);
      columns.push(column);
    }
  }
  return {
    experiments: [...new Set(params.getAll('experiment').filter(Boolean))],
    filter: params.get('filter') ?? '',
    status: status && RUN_STATUSES.includes(status) ? status : undefined,
    mine: params.get('mine') === 'true',
    orderBy: params.get('orderBy') || undefined,
    columns,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** Writes the table state as query parameters, leaving defaults out to keep URLs short. */
export function writeRunsTableState(state: RunsTableState): URLSearchParams {
  const params = new URLSearchParams();
  for (const experiment of state.experiments) {
    params.append('experiment', experiment);
  }
  if (state.filter.trim()) params.set('filter', state.filter.trim());
  if (state.status) params.set('status', state.status);
  if (state.mine) params.set('mine', 'true');
  if (state.orderBy && state.orderBy !== DEFAULT_ORDER) {
    params.set('orderBy', state.orderBy);
  }
  for (const column of state.columns) params.append('column', columnId(column));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) {
    params.set('pageSize', String(state.pageSize));
  }
  return params;
}

/**
 * The filter sent to the API: the user's text, then the quick filters as clauses. The user's
 * text comes first so that the positions in the API's error messages match what they typed.
 */
export function effectiveFilter(
  state: Pick<RunsTableState, 'filter' | 'status' | 'mine'>,
  userEntityRef: string | undefined,
): string {
  const clauses: RunFilterClause[] = [];
  if (state.status) {
    clauses.push({
      kind: 'attribute',
      key: 'status',
      op: '=',
      value: state.status,
    });
  }
  if (state.mine && userEntityRef) {
    clauses.push({
      kind: 'attribute',
      key: 'user',
      op: '=',
      value: userEntityRef,
    });
  }
  return [state.filter.trim(), formatRunFilter(clauses)]
    .filter(Boolean)
    .join(' AND ');
}

/** A sortable column of the table, in the API's orderBy terms. */
export type SortField = string;

/** The orderBy field and direction of an orderBy string. */
export function parseOrderBy(orderBy: string | undefined): {
  field: SortField;
  direction: 'ASC' | 'DESC';
} {
  const text = (orderBy ?? DEFAULT_ORDER).trim();
  const match = /^(.*?)\s+(ASC|DESC)$/i.exec(text);
  const rawField = match ? match[1] : text;
  const direction = (match?.[2]?.toUpperCase() ?? 'DESC') as 'ASC' | 'DESC';
  // `metrics.\`my key\`` → `metrics.my key`, the form columns use.
  const field = rawField.replace(
    /^(metrics|params|attributes)\.`(.*)`$/,
    '$1.$2',
  );
  return { field, direction };
}

/** An orderBy string the API reads: keys with spaces go in backticks. */
export function formatOrderBy(field: SortField, direction: 'ASC' | 'DESC') {
  const match = /^(metrics|params|attributes)\.(.*)$/.exec(field);
  const written =
    match && /\s/.test(match[2]) ? `${match[1]}.\`${match[2]}\`` : field;
  return `${written} ${direction}`;
}

/**
 * The next order after clicking a column header: the same column flips direction; another
 * column starts descending for numbers and times (largest first) and ascending for text.
 */
export function nextOrderBy(
  current: string | undefined,
  field: SortField,
  textual: boolean,
): string {
  const now = parseOrderBy(current);
  if (now.field === field) {
    return formatOrderBy(field, now.direction === 'DESC' ? 'ASC' : 'DESC');
  }
  return formatOrderBy(field, textual ? 'ASC' : 'DESC');
}
