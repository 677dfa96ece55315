import { EmptyState, Link, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Paper from '@material-ui/core/Paper';
import Switch from '@material-ui/core/Switch';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import StarIcon from '@material-ui/icons/Star';
import type {
  EvaluationComparisonRow,
  EvaluationSummary,
} from '@ml-home/plugin-ml-home-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef, type MlHomeT } from '../../translation';
import { formatMetric } from '../charts';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { MetricDirectionNote } from '../common/MetricDirectionNote';
import { toNumber } from '../EvaluationPage/evaluationGrid';
import { useEvaluationLink } from '../EvaluationPage/useEvaluationLink';
import {
  DeltaText,
  PassFailBadge,
  VerdictMark,
} from '../EvaluationPage/verdicts';

/**
 * Props of {@link EvaluationComparison}.
 *
 * @public
 */
export interface EvaluationComparisonProps {
  /** Evaluation ids (at most 20); the first is the reference the others' deltas are taken against. */
  evaluationIds: string[];
}

const PAGE_SIZES = [50, 100, 200];

const useStyles = makeStyles(theme => ({
  best: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 2,
    fontSize: theme.typography.caption.fontSize,
    fontWeight: theme.typography.fontWeightBold as number,
    color: theme.palette.text.primary,
  },
  bestIcon: { fontSize: '1em', color: theme.palette.warning.main },
  cell: {
    display: 'inline-flex',
    flexDirection: 'column',
    alignItems: 'flex-end',
    gap: 2,
  },
  line: { display: 'inline-flex', alignItems: 'center', gap: 4 },
  groupStart: { borderTop: `2px solid ${theme.palette.divider}` },
}));

function title(item: EvaluationSummary, t: MlHomeT) {
  return t('evaluationComparison.title', {
    model: item.model,
    version: String(item.version),
    name: item.name,
  });
}

function hasFailure(row: EvaluationComparisonRow) {
  return (row.pass ?? []).some(p => p === false);
}

function ValueCell(props: {
  row: EvaluationComparisonRow;
  index: number;
  reference: string;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const { row, index, reference } = props;
  const value = toNumber(row.values[index]);
  const delta = index > 0 ? toNumber(row.deltas[index]) : undefined;
  const referenceValue = toNumber(row.values[0]);
  const pass = row.pass?.[index];
  const best = row.best.includes(index);
  if (value === undefined) {
    return (
      <TableCell align="right">
        <span aria-label={t('evaluationComparison.noResult')}>—</span>
      </TableCell>
    );
  }
  // A metric whose direction nobody knows is never better or worse.
  const better =
    row.direction && delta !== undefined && !Number.isNaN(delta) && delta !== 0
      ? (row.direction === 'higher') === delta > 0
      : undefined;
  return (
    <TableCell align="right">
      <span className={classes.cell}>
        <span className={classes.line}>
          <span>{formatMetric(value)}</span>
          {pass === true || pass === false ? (
            <VerdictMark
              pass={pass}
              description={
                pass
                  ? t('evaluationComparison.passes')
                  : t('evaluationComparison.fails')
              }
            />
          ) : null}
        </span>
        {best ? (
          <span className={classes.best}>
            <StarIcon className={classes.bestIcon} aria-hidden />
            {t('evaluationComparison.best')}
          </span>
        ) : null}
        {delta !== undefined && referenceValue !== undefined ? (
          <DeltaText
            delta={delta}
            regression={better === false}
            improvement={better === true}
            reference={reference}
            referenceValue={referenceValue}
          />
        ) : null}
      </span>
    </TableCell>
  );
}

/**
 * Evaluations side by side, slice by slice and metric by metric: each evaluation's value and
 * threshold verdict, its change against the first evaluation, and the best value marked. A
 * switch narrows the table to the rows where some evaluation fails a threshold.
 *
 * @public
 */
export function EvaluationComparison(props: EvaluationComparisonProps) {
  const { evaluationIds } = props;
  const classes = useStyles();
  const api = useApi(mlHomeApiRef);
  const evaluationLink = useEvaluationLink();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const idsKey = evaluationIds.join(',');
  const state = useAsyncRetry(
    async () =>
      evaluationIds.length
        ? api.compareEvaluations({ evaluations: evaluationIds })
        : undefined,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, idsKey],
  );
  const [failingOnly, setFailingOnly] = useState(false);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);

  if (evaluationIds.length === 0) {
    return (
      <EmptyState
        missing="data"
        title={t('evaluationComparison.nothingTitle')}
        description={t('evaluationComparison.nothingDescription')}
      />
    );
  }
  if (state.loading && !state.value) return <Progress />;
  if (state.error || !state.value) {
    return (
      <LoadErrorPanel
        error={state.error ?? new Error('No comparison')}
        title={t('evaluationComparison.failed')}
        onRetry={state.retry}
      />
    );
  }

  const comparison = state.value;
  const items = comparison.items;
  const reference = items[0]
    ? t('evaluationComparison.referenceTo', { title: title(items[0], t) })
    : t('evaluationComparison.reference');
  const rows = failingOnly
    ? comparison.rows.filter(hasFailure)
    : comparison.rows;
  const lastPage = Math.max(0, Math.ceil(rows.length / pageSize) - 1);
  const shownPage = Math.min(page, lastPage);
  const shown = rows.slice(shownPage * pageSize, (shownPage + 1) * pageSize);

  return (
    <Box>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 16 }}
      >
        <FormControlLabel
          control={
            <Switch
              checked={failingOnly}
              onChange={(_, on) => {
                setFailingOnly(on);
                setPage(0);
              }}
              color="primary"
            />
          }
          label={t('evaluationComparison.failingOnly')}
        />
        <Typography variant="body2" color="textSecondary">
          {t('evaluationComparison.counts', {
            rows: t('evaluationComparison.rowCount', {
              shown: rows.length,
              count: comparison.rows.length,
            }),
            slices: t('evaluationComparison.sliceCount', {
              count: comparison.slices.length,
            }),
            metrics: t('evaluationComparison.metricCount', {
              count: comparison.metrics.length,
            }),
          })}
        </Typography>
      </Box>
      {rows.length === 0 ? (
        <EmptyState
          missing="data"
          title={
            failingOnly
              ? t('evaluationComparison.noFailing')
              : t('evaluationComparison.noCommon')
          }
          description={
            failingOnly
              ? t('evaluationComparison.noFailingHelp')
              : t('evaluationComparison.noCommonHelp')
          }
        />
      ) : (
        <Paper variant="outlined">
          <TableContainer>
            <Table size="small" aria-label={t('evaluationComparison.table')}>
              <TableHead>
                <TableRow>
                  <TableCell scope="col">
                    {t('evaluationComparison.slice')}
                  </TableCell>
                  <TableCell scope="col">
                    {t('evaluationComparison.metric')}
                  </TableCell>
                  {items.map((item, i) => (
                    <TableCell key={item.id} align="right" scope="col">
                      <Box
                        display="flex"
                        flexDirection="column"
                        alignItems="flex-end"
                      >
                        <Link to={evaluationLink(item.id)}>
                          {title(item, t)}
                        </Link>
                        <Box
                          display="flex"
                          alignItems="center"
                          style={{ gap: 4 }}
                        >
                          {i === 0 ? (
                            <Typography variant="caption" color="textSecondary">
                              {t('evaluationComparison.reference')}
                            </Typography>
                          ) : null}
                          <PassFailBadge pass={item.pass} />
                        </Box>
                      </Box>
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.map((row, r) => {
                  const firstOfSlice =
                    r === 0 || shown[r - 1].slice !== row.slice;
                  return (
                    <TableRow
                      key={`${row.slice}\n${row.metric}`}
                      className={
                        firstOfSlice && r > 0 ? classes.groupStart : undefined
                      }
                    >
                      <TableCell component="th" scope="row" role="rowheader">
                        {firstOfSlice ? (
                          <strong>{row.slice}</strong>
                        ) : (
                          <Typography variant="caption" color="textSecondary">
                            {row.slice}
                          </Typography>
                        )}
                      </TableCell>
                      <TableCell>
                        {row.metric}
                        <MetricDirectionNote
                          direction={row.direction}
                          source={row.directionSource}
                          higher={t('evaluationComparison.higherBetter')}
                          lower={t('evaluationComparison.lowerBetter')}
                        />
                      </TableCell>
                      {items.map((item, i) => (
                        <ValueCell
                          key={item.id}
                          row={row}
                          index={i}
                          reference={reference}
                        />
                      ))}
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
          {rows.length > PAGE_SIZES[0] ? (
            <TablePagination
              component="div"
              count={rows.length}
              page={shownPage}
              rowsPerPage={pageSize}
              rowsPerPageOptions={PAGE_SIZES}
              labelRowsPerPage={t('evaluationComparison.rowsPerPage')}
              onPageChange={(_, p) => setPage(p)}
              onRowsPerPageChange={e => {
                setPageSize(Number(e.target.value));
                setPage(0);
              }}
            />
          ) : null}
        </Paper>
      )}
    </Box>
  );
}
