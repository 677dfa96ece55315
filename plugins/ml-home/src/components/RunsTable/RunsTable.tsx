import { CodeSnippet, EmptyState, Progress } from '@backstage/core-components';
import {
  RouterLink,
  identityApiRef,
  useApi,
  useAppSearchParams,
  useRouteRef,
} from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import LinearProgress from '@material-ui/core/LinearProgress';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import Switch from '@material-ui/core/Switch';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { Run, RunStatus } from '@ml-home/plugin-ml-home-common';
import { useEffect, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { compareRouteRef } from '../../routes';
import {
  formatDuration,
  formatMetric,
  metricNumber,
  visuallyHidden,
} from '../charts';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { errorMessage, formatDateTime, shortEntityRef } from '../common/format';
import { PagingControls, useCursorPages } from '../common/paging';
import { RunColumnPicker } from './RunColumnPicker';
import { RunStatusLabel } from './RunStatusLabel';
import {
  PAGE_SIZES,
  RUN_STATUSES,
  RunColumn,
  RunsTableState,
  columnId,
  effectiveFilter,
  nextOrderBy,
  parseOrderBy,
  readRunsTableState,
  writeRunsTableState,
} from './runsTableState';

/**
 * Props of {@link RunsTable}.
 *
 * @public
 */
export interface RunsTableProps {
  /** The project whose runs are listed. */
  projectName: string;
}

/** What the selection remembers of a run, so it survives paging and experiment switches. */
interface SelectedRun {
  id: string;
  name: string;
  experiment: string;
}

/** The most runs one comparison takes (the API's limit). */
export const MAX_COMPARED_RUNS = 100;

const RUN_STATE_KEYS = [
  'experiment',
  'filter',
  'status',
  'mine',
  'orderBy',
  'column',
  'pageSize',
];

function isBadRequest(error: unknown): boolean {
  return (error as { statusCode?: number } | undefined)?.statusCode === 400;
}

function runDuration(run: Run, now: number): string {
  if (run.endTime !== undefined) {
    return formatDuration((run.endTime - run.startTime) / 1000);
  }
  return run.status === 'RUNNING'
    ? `${formatDuration((now - run.startTime) / 1000)} so far`
    : '';
}

function cellValue(run: Run, column: RunColumn): string {
  if (column.kind === 'param') {
    return run.params.find(p => p.key === column.key)?.value ?? '';
  }
  const metric = run.metrics.find(m => m.key === column.key);
  return metric ? formatMetric(metricNumber(metric.value)) : '';
}

/** Keys of the loaded runs, as columns the picker can offer. */
function columnsOf(runs: Run[]): RunColumn[] {
  const byId = new Map<string, RunColumn>();
  for (const run of runs) {
    for (const m of run.metrics) {
      byId.set(`metrics.${m.key}`, { kind: 'metric', key: m.key });
    }
    for (const p of run.params) {
      byId.set(`params.${p.key}`, { kind: 'param', key: p.key });
    }
  }
  return [...byId.values()];
}

function ingestExample(projectName: string) {
  return `curl -X POST "$BACKEND/api/ml-home/projects/${projectName}/ingest" \\
  -H "Authorization: Bearer $ML_HOME_TOKEN" -H 'Content-Type: application/json' \\
  -d '{"runs": [{"experiment": "baseline", "status": "FINISHED",
        "startTime": 1764115200000, "endTime": 1764118800000,
        "params": [{"key": "learning_rate", "value": "0.05"}],
        "metrics": [{"key": "auc", "value": 0.87, "step": 10}]}]}'`;
}

/**
 * The runs of a project: filter in the run filter language plus quick filters, server-side sort
 * by clicking a column header, param and metric columns of the user's choice, keyset pages, and
 * a selection across pages and experiments to compare. The choices live in the URL.
 *
 * @public
 */
export function RunsTable(props: RunsTableProps) {
  const { projectName } = props;
  const api = useApi(mlHomeApiRef);
  const identityApi = useApi(identityApiRef);
  const compareLink = useRouteRef(compareRouteRef);
  const [searchParams, setSearchParams] = useAppSearchParams();
  const search = searchParams.toString();
  const state = useMemo(
    () => readRunsTableState(new URLSearchParams(search)),
    [search],
  );
  const update = (patch: Partial<RunsTableState>) => {
    // Keep query parameters that belong to others (e.g. the project page).
    const next = new URLSearchParams(search);
    for (const key of RUN_STATE_KEYS) next.delete(key);
    for (const [key, value] of writeRunsTableState({ ...state, ...patch })) {
      next.append(key, value);
    }
    setSearchParams(next);
  };

  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  const userEntityRef = identity.value?.userEntityRef;

  const experiments = useAsyncRetry(
    () => api.listExperiments(projectName, { limit: 1000 }),
    [api, projectName],
  );

  const filter = effectiveFilter(state, userEntityRef);
  const waitingForUser = state.mine && identity.loading;
  const queryKey = JSON.stringify([
    projectName,
    state.experiments,
    filter,
    state.orderBy ?? '',
    state.pageSize,
  ]);
  const pages = useCursorPages(queryKey);
  const runs = useAsyncRetry(async () => {
    if (waitingForUser) return undefined;
    return api.listRuns(projectName, {
      experiment: state.experiments.length ? state.experiments : undefined,
      filter: filter || undefined,
      orderBy: state.orderBy,
      limit: state.pageSize,
      cursor: pages.cursor,
    });
  }, [api, queryKey, pages.cursor, waitingForUser]);

  // The column picker offers every key seen on the pages loaded so far.
  const [seenColumns, setSeenColumns] = useState<Map<string, RunColumn>>(
    new Map(),
  );
  const [selected, setSelected] = useState<Map<string, SelectedRun>>(new Map());
  useEffect(() => {
    setSeenColumns(new Map());
    setSelected(new Map());
  }, [projectName]);
  useEffect(() => {
    const items = runs.value?.items;
    if (!items?.length) return;
    setSeenColumns(previous => {
      const found = columnsOf(items).filter(c => !previous.has(columnId(c)));
      if (found.length === 0) return previous;
      const next = new Map(previous);
      for (const c of found) next.set(columnId(c), c);
      return next;
    });
  }, [runs.value]);

  const [draft, setDraft] = useState(state.filter);
  useEffect(() => setDraft(state.filter), [state.filter]);
  const applyFilter = () => update({ filter: draft });

  const page = runs.value;
  const rows = page?.items ?? [];
  const filterError = isBadRequest(runs.error)
    ? errorMessage(runs.error)
    : undefined;
  const sort = parseOrderBy(state.orderBy);
  const now = Date.now();
  const narrowed =
    Boolean(state.filter.trim()) ||
    Boolean(state.status) ||
    state.mine ||
    state.experiments.length > 0;

  const toggle = (run: Run) =>
    setSelected(previous => {
      const next = new Map(previous);
      if (next.has(run.id)) next.delete(run.id);
      else
        next.set(run.id, {
          id: run.id,
          name: run.name,
          experiment: run.experiment,
        });
      return next;
    });
  const pageSelected = rows.filter(r => selected.has(r.id)).length;
  const togglePage = () =>
    setSelected(previous => {
      const next = new Map(previous);
      if (pageSelected === rows.length) {
        for (const r of rows) next.delete(r.id);
      } else {
        for (const r of rows) {
          next.set(r.id, { id: r.id, name: r.name, experiment: r.experiment });
        }
      }
      return next;
    });
  const selectedIds = [...selected.keys()];
  const compareHref = compareLink
    ? `${compareLink()}?runs=${selectedIds.join(',')}`
    : undefined;
  const canCompare =
    selectedIds.length >= 2 &&
    selectedIds.length <= MAX_COMPARED_RUNS &&
    compareHref !== undefined;

  const sortHeader = (
    label: string,
    field: string,
    textual: boolean,
    align: 'left' | 'right' = 'left',
  ) => {
    const active = sort.field === field;
    const direction = sort.direction === 'ASC' ? 'asc' : 'desc';
    return (
      <TableCell
        key={field}
        align={align}
        sortDirection={active ? direction : false}
      >
        <TableSortLabel
          active={active}
          direction={active ? direction : 'desc'}
          onClick={() =>
            update({ orderBy: nextOrderBy(state.orderBy, field, textual) })
          }
        >
          {label}
          {active ? (
            <span style={visuallyHidden}>
              {direction === 'asc'
                ? ', sorted ascending'
                : ', sorted descending'}
            </span>
          ) : null}
        </TableSortLabel>
      </TableCell>
    );
  };

  const toolbar = (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="flex-start"
      style={{ gap: 16 }}
      mb={2}
    >
      <TextField
        id="ml-home-runs-experiments"
        select
        label="Experiments"
        variant="outlined"
        size="small"
        style={{ minWidth: 200 }}
        SelectProps={{
          multiple: true,
          renderValue: value =>
            (value as string[]).length
              ? (value as string[]).join(', ')
              : 'All experiments',
          displayEmpty: true,
        }}
        InputLabelProps={{ shrink: true }}
        value={state.experiments}
        onChange={e =>
          update({ experiments: e.target.value as unknown as string[] })
        }
        helperText={
          experiments.error ? 'Could not load the experiments' : undefined
        }
        error={Boolean(experiments.error)}
      >
        {(experiments.value?.items ?? []).map(e => (
          <MenuItem key={e.id} value={e.name}>
            <Checkbox
              size="small"
              checked={state.experiments.includes(e.name)}
              inputProps={{ 'aria-hidden': true }}
              tabIndex={-1}
            />
            {e.name} ({e.runCount})
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id="ml-home-runs-filter"
        label="Filter runs"
        variant="outlined"
        size="small"
        style={{ flex: '2 1 360px' }}
        placeholder={`metrics.auc > 0.8 AND params.optimizer = "adam"`}
        value={draft}
        onChange={e => setDraft(e.target.value)}
        onKeyDown={e => {
          if (e.key === 'Enter') applyFilter();
        }}
        error={Boolean(filterError)}
        helperText={
          filterError ??
          'Press Enter to apply. Clauses joined by AND on metrics.<key>, params.<key>, tags.<key>, status, name, user, startTime, endTime.'
        }
        inputProps={{ spellCheck: false }}
      />
      <Button variant="outlined" onClick={applyFilter}>
        Apply filter
      </Button>
      <TextField
        id="ml-home-runs-status"
        select
        label="Status"
        variant="outlined"
        size="small"
        style={{ minWidth: 140 }}
        value={state.status ?? ''}
        SelectProps={{ displayEmpty: true }}
        InputLabelProps={{ shrink: true }}
        onChange={e =>
          update({ status: (e.target.value as RunStatus) || undefined })
        }
      >
        <MenuItem value="">Any status</MenuItem>
        {RUN_STATUSES.map(s => (
          <MenuItem key={s} value={s}>
            {s.charAt(0) + s.slice(1).toLowerCase()}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={
          <Switch
            id="ml-home-runs-mine"
            color="primary"
            checked={state.mine}
            disabled={!userEntityRef}
            onChange={e => update({ mine: e.target.checked })}
          />
        }
        label="My runs"
      />
      <RunColumnPicker
        available={[...seenColumns.values()]}
        value={state.columns}
        onChange={columns => update({ columns })}
      />
    </Box>
  );

  const selectionBar = (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      style={{ gap: 12 }}
      mb={1}
      role="region"
      aria-label="Selected runs"
    >
      <Typography variant="body2" aria-live="polite">
        {selectedIds.length === 0
          ? 'Select runs to compare them.'
          : `${selectedIds.length} ${selectedIds.length === 1 ? 'run' : 'runs'} selected`}
      </Typography>
      {selectedIds.length > 0 ? (
        <Button size="small" onClick={() => setSelected(new Map())}>
          Clear selection
        </Button>
      ) : null}
      {canCompare ? (
        <Button
          variant="contained"
          color="primary"
          size="small"
          component={RouterLink}
          href={compareHref ?? ''}
          // A link styled as a button: it navigates, so it is announced as a link.
          role="link"
        >
          Compare ({selectedIds.length})
        </Button>
      ) : (
        <Button variant="contained" color="primary" size="small" disabled>
          Compare ({selectedIds.length})
        </Button>
      )}
      {selectedIds.length > MAX_COMPARED_RUNS ? (
        <Typography variant="body2" color="error">
          A comparison takes at most {MAX_COMPARED_RUNS} runs.
        </Typography>
      ) : null}
    </Box>
  );

  let body: JSX.Element;
  if (runs.error && !filterError) {
    body = (
      <LoadErrorPanel
        error={runs.error}
        title="ML Home could not load the runs"
        onRetry={runs.retry}
      />
    );
  } else if (!page && !filterError) {
    body = <Progress />;
  } else if (page && page.totalCount === 0 && !narrowed) {
    body = (
      <EmptyState
        missing="data"
        title="No runs in this project yet"
        description="Runs appear here as soon as a training script logs them: with an MLflow client pointed at <backend>/api/ml-home/mlflow, or with the batch ingest API, for example:"
        action={
          <CodeSnippet
            language="bash"
            text={ingestExample(projectName)}
            showCopyCodeButton
          />
        }
      />
    );
  } else {
    const columnCount = 7 + state.columns.length;
    body = (
      <>
        {selectionBar}
        <Paper variant="outlined">
          {runs.loading ? <LinearProgress aria-label="Loading runs" /> : null}
          <TableContainer style={{ maxHeight: '70vh' }}>
            <Table size="small" stickyHeader aria-label="Runs">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox">
                    <Checkbox
                      indeterminate={
                        pageSelected > 0 && pageSelected < rows.length
                      }
                      checked={rows.length > 0 && pageSelected === rows.length}
                      disabled={rows.length === 0}
                      onChange={togglePage}
                      inputProps={{
                        'aria-label': 'Select all runs on this page',
                      }}
                    />
                  </TableCell>
                  {sortHeader('Status', 'attributes.status', true)}
                  {sortHeader('Name', 'attributes.name', true)}
                  <TableCell>Experiment</TableCell>
                  {sortHeader('Started', 'attributes.startTime', false)}
                  <TableCell>Duration</TableCell>
                  <TableCell>User</TableCell>
                  {state.columns.map(c =>
                    sortHeader(
                      c.key,
                      columnId(c),
                      c.kind === 'param',
                      c.kind === 'metric' ? 'right' : 'left',
                    ),
                  )}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.length === 0 ? (
                  <TableRow>
                    <TableCell colSpan={columnCount}>
                      <Box py={3} textAlign="center">
                        <Typography variant="body1">
                          {filterError
                            ? 'Fix the filter to see runs.'
                            : 'No run matches these filters.'}
                        </Typography>
                        {filterError ? null : (
                          <Button
                            size="small"
                            onClick={() =>
                              update({
                                filter: '',
                                status: undefined,
                                mine: false,
                                experiments: [],
                              })
                            }
                          >
                            Clear filters
                          </Button>
                        )}
                      </Box>
                    </TableCell>
                  </TableRow>
                ) : (
                  rows.map(run => {
                    const isSelected = selected.has(run.id);
                    return (
                      <TableRow key={run.id} hover selected={isSelected}>
                        <TableCell padding="checkbox">
                          <Checkbox
                            checked={isSelected}
                            onChange={() => toggle(run)}
                            inputProps={{
                              'aria-label': `Select run ${run.name}`,
                            }}
                          />
                        </TableCell>
                        <TableCell>
                          <RunStatusLabel status={run.status} />
                        </TableCell>
                        <TableCell title={run.id}>{run.name}</TableCell>
                        <TableCell>{run.experiment}</TableCell>
                        <TableCell>{formatDateTime(run.startTime)}</TableCell>
                        <TableCell>{runDuration(run, now)}</TableCell>
                        <TableCell>{shortEntityRef(run.user)}</TableCell>
                        {state.columns.map(c => (
                          <TableCell
                            key={columnId(c)}
                            align={c.kind === 'metric' ? 'right' : 'left'}
                          >
                            {cellValue(run, c)}
                          </TableCell>
                        ))}
                      </TableRow>
                    );
                  })
                )}
              </TableBody>
            </Table>
          </TableContainer>
        </Paper>
        <Box
          display="flex"
          alignItems="center"
          justifyContent="flex-end"
          style={{ gap: 16 }}
        >
          <TextField
            id="ml-home-runs-page-size"
            select
            label="Runs per page"
            size="small"
            style={{ minWidth: 120, marginTop: 8 }}
            value={state.pageSize}
            onChange={e => update({ pageSize: Number(e.target.value) })}
          >
            {PAGE_SIZES.map(n => (
              <MenuItem key={n} value={n}>
                {n}
              </MenuItem>
            ))}
          </TextField>
          <PagingControls
            noun="runs"
            pageIndex={pages.pageIndex}
            pageSize={state.pageSize}
            shown={rows.length}
            totalCount={page?.totalCount}
            nextCursor={page?.nextCursor}
            onNext={pages.next}
            onPrevious={pages.previous}
          />
        </Box>
      </>
    );
  }

  return (
    <div>
      {toolbar}
      {body}
    </div>
  );
}
