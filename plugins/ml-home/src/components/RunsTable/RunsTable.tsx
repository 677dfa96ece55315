import { Progress } from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { compareRouteRef } from '../../routes';
import { mlHomeTranslationRef } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { errorMessage } from '../common/format';
import { PagingControls, useCursorPages } from '../common/paging';
import { NoRunsYet } from './NoRunsYet';
import { RunSelectionBar } from './RunSelectionBar';
import { RunsGrid } from './RunsGrid';
import { RunsToolbar } from './RunsToolbar';
import { columnsOf } from './runCells';
import {
  PAGE_SIZES,
  type RunColumn,
  columnId,
  effectiveFilter,
} from './runsTableState';
import { useRunSelection } from './useRunSelection';
import { useRunsTableUrl } from './useRunsTableUrl';

export { MAX_COMPARED_RUNS } from './RunSelectionBar';

/**
 * Props of {@link RunsTable}.
 *
 * @public
 */
export interface RunsTableProps {
  /** The project whose runs are listed. */
  projectName: string;
}

function isBadRequest(error: unknown): boolean {
  return (error as { statusCode?: number } | undefined)?.statusCode === 400;
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
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [state, update] = useRunsTableUrl();

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

  const page = runs.value;
  const rows = page?.items ?? [];
  const selection = useRunSelection(projectName, rows);

  // The column picker offers every key seen on the pages loaded so far.
  const [seenColumns, setSeenColumns] = useState<Map<string, RunColumn>>(
    new Map(),
  );
  useEffect(() => setSeenColumns(new Map()), [projectName]);
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

  const filterError = isBadRequest(runs.error)
    ? errorMessage(runs.error)
    : undefined;
  const narrowed =
    Boolean(state.filter.trim()) ||
    Boolean(state.status) ||
    state.mine ||
    state.experiments.length > 0;

  let body: JSX.Element;
  if (runs.error && !filterError) {
    body = (
      <LoadErrorPanel
        error={runs.error}
        title={t('runs.loadFailed')}
        onRetry={runs.retry}
      />
    );
  } else if (!page && !filterError) {
    body = <Progress />;
  } else if (page && page.totalCount === 0 && !narrowed) {
    body = <NoRunsYet projectName={projectName} />;
  } else {
    body = (
      <>
        <RunSelectionBar
          selectedCount={selection.ids.length}
          compareHref={
            compareLink
              ? `${compareLink()}?runs=${selection.ids.join(',')}`
              : undefined
          }
          onClear={selection.clear}
        />
        <RunsGrid
          rows={rows}
          columns={state.columns}
          orderBy={state.orderBy}
          onSort={orderBy => update({ orderBy })}
          isSelected={selection.has}
          onToggle={selection.toggle}
          pageSelected={selection.pageSelected}
          onTogglePage={selection.togglePage}
          loading={runs.loading}
          filterError={filterError}
          onClearFilters={() =>
            update({
              filter: '',
              status: undefined,
              mine: false,
              experiments: [],
            })
          }
          now={Date.now()}
        />
        <Box
          display="flex"
          alignItems="center"
          justifyContent="flex-end"
          style={{ gap: 16 }}
        >
          <TextField
            id="ml-home-runs-page-size"
            select
            label={t('runs.perPage')}
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
            noun={t('runs.pagingNoun')}
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
      <RunsToolbar
        state={state}
        onChange={update}
        experiments={experiments.value?.items}
        experimentsFailed={Boolean(experiments.error)}
        filterError={filterError}
        userEntityRef={userEntityRef}
        availableColumns={[...seenColumns.values()]}
      />
      {body}
    </div>
  );
}
