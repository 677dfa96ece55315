import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { Run } from '@ml-home/plugin-ml-home-common';
import { mlHomeTranslationRef } from '../../../translation';
import { visuallyHidden } from '../../charts';
import { formatDateTime, shortEntityRef } from '../../common/format';
import { RunStatusLabel } from '../RunStatusLabel';
import { cellValue, runDuration } from '../runCells';
import {
  columnId,
  nextOrderBy,
  parseOrderBy,
  type RunColumn,
} from '../runsTableState';

/** A column header that sorts on the server: click for this column, again to flip. */
function SortHeader(props: {
  label: string;
  field: string;
  textual: boolean;
  align?: 'left' | 'right';
  orderBy?: string;
  onSort: (orderBy: string) => void;
}) {
  const { label, field, textual, orderBy, onSort } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const sort = parseOrderBy(orderBy);
  const active = sort.field === field;
  const direction = sort.direction === 'ASC' ? 'asc' : 'desc';
  return (
    <TableCell
      align={props.align ?? 'left'}
      sortDirection={active ? direction : false}
    >
      <TableSortLabel
        active={active}
        direction={active ? direction : 'desc'}
        onClick={() => onSort(nextOrderBy(orderBy, field, textual))}
      >
        {label}
        {active ? (
          <span style={visuallyHidden}>
            {direction === 'asc'
              ? t('runs.grid.sortedAscending')
              : t('runs.grid.sortedDescending')}
          </span>
        ) : null}
      </TableSortLabel>
    </TableCell>
  );
}

/**
 * The page of runs as a table: a checkbox per run (and one for the page), the fixed columns and
 * the chosen param and metric columns, sortable where the API sorts. With no row, says why and
 * offers to clear the filters.
 */
export function RunsGrid(props: {
  rows: Run[];
  columns: RunColumn[];
  orderBy?: string;
  onSort: (orderBy: string) => void;
  isSelected: (run: Run) => boolean;
  onToggle: (run: Run) => void;
  /** How many of `rows` are selected. */
  pageSelected: number;
  onTogglePage: () => void;
  loading: boolean;
  /** The filter the API could not read: no row until it is fixed. */
  filterError?: string;
  onClearFilters: () => void;
  /** The time running runs' durations are counted to, in epoch ms. */
  now: number;
}) {
  const { rows, columns, pageSelected } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const sortProps = { orderBy: props.orderBy, onSort: props.onSort };
  const columnCount = 7 + columns.length;
  return (
    <Paper variant="outlined">
      {props.loading ? (
        <LinearProgress aria-label={t('runs.grid.loading')} />
      ) : null}
      <TableContainer style={{ maxHeight: '70vh' }}>
        <Table size="small" stickyHeader aria-label={t('runs.grid.table')}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox
                  indeterminate={pageSelected > 0 && pageSelected < rows.length}
                  checked={rows.length > 0 && pageSelected === rows.length}
                  disabled={rows.length === 0}
                  onChange={props.onTogglePage}
                  inputProps={{
                    'aria-label': t('runs.grid.selectPage'),
                  }}
                />
              </TableCell>
              <SortHeader
                label={t('runs.grid.status')}
                field="attributes.status"
                textual
                {...sortProps}
              />
              <SortHeader
                label={t('runs.grid.name')}
                field="attributes.name"
                textual
                {...sortProps}
              />
              <TableCell>{t('runs.grid.experiment')}</TableCell>
              <SortHeader
                label={t('runs.grid.started')}
                field="attributes.startTime"
                textual={false}
                {...sortProps}
              />
              <TableCell>{t('runs.grid.duration')}</TableCell>
              <TableCell>{t('runs.grid.user')}</TableCell>
              {columns.map(c => (
                <SortHeader
                  key={columnId(c)}
                  label={c.key}
                  field={columnId(c)}
                  textual={c.kind === 'param'}
                  align={c.kind === 'metric' ? 'right' : 'left'}
                  {...sortProps}
                />
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={columnCount}>
                  <Box py={3} textAlign="center">
                    <Typography variant="body1">
                      {props.filterError
                        ? t('runs.grid.fixFilter')
                        : t('runs.grid.noMatch')}
                    </Typography>
                    {props.filterError ? null : (
                      <Button size="small" onClick={props.onClearFilters}>
                        {t('common.clearFilters')}
                      </Button>
                    )}
                  </Box>
                </TableCell>
              </TableRow>
            ) : (
              rows.map(run => {
                const isSelected = props.isSelected(run);
                return (
                  <TableRow key={run.id} hover selected={isSelected}>
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={isSelected}
                        onChange={() => props.onToggle(run)}
                        inputProps={{
                          'aria-label': t('runs.grid.selectRun', {
                            name: run.name,
                          }),
                        }}
                      />
                    </TableCell>
                    <TableCell>
                      <RunStatusLabel status={run.status} />
                    </TableCell>
                    <TableCell title={run.id}>{run.name}</TableCell>
                    <TableCell>{run.experiment}</TableCell>
                    <TableCell>{formatDateTime(run.startTime)}</TableCell>
                    <TableCell>
                      {runDuration(run, props.now, duration =>
                        t('runs.durationSoFar', { duration }),
                      )}
                    </TableCell>
                    <TableCell>{shortEntityRef(run.user)}</TableCell>
                    {columns.map(c => (
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
  );
}
