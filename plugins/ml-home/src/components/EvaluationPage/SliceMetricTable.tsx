import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ResolvedMetricDirection } from '@ml-home/plugin-ml-home-common';
import { MetricDirectionNote } from '../common/MetricDirectionNote';
import { useState } from 'react';
import { mlHomeTranslationRef, type MlHomeT } from '../../translation';
import { formatMetric } from '../charts';
import { type GridCell, type GridRow, outcomeText } from './evaluationGrid';
import { DeltaText, PassFailBadge, VerdictMark, percent } from './verdicts';

const PAGE_SIZES = [25, 50, 100];

const useStyles = makeStyles(theme => ({
  sliceCell: {
    // Stays in view while wide tables scroll sideways; opaque like the row it sits in.
    position: 'sticky',
    left: 0,
    zIndex: 1,
    whiteSpace: 'nowrap',
    background: theme.palette.background.paper,
    'tbody tr:nth-of-type(odd) > &': {
      background: theme.palette.background.default,
    },
  },
  failingSlice: {
    // A stripe as well as the words: the words carry the meaning, the stripe helps scanning.
    boxShadow: `inset 4px 0 0 ${theme.palette.error.main}`,
  },
  cellContent: {
    display: 'inline-flex',
    flexDirection: 'column',
    alignItems: 'flex-end',
    gap: 2,
    outline: 'none',
    borderRadius: 2,
    '&:focus-visible': {
      boxShadow: `0 0 0 2px ${theme.palette.primary.main}`,
    },
  },
  valueLine: { display: 'inline-flex', alignItems: 'center', gap: 4 },
  missing: { color: theme.palette.text.secondary },
}));

function cellTooltip(
  cell: GridCell,
  baselineLabel: string,
  t: MlHomeT,
): string {
  const lines: string[] = cell.outcomes.map(o => {
    const text = outcomeText(o, t);
    return text.charAt(0).toUpperCase() + text.slice(1);
  });
  const d = cell.delta;
  if (d?.baseline !== undefined && d.delta !== undefined) {
    const rel = percent(d.relativeDelta);
    const values = {
      baseline: baselineLabel,
      value: formatMetric(d.baseline),
      delta: formatMetric(d.delta),
    };
    lines.push(
      rel
        ? t('evaluation.table.baselineChangeRelative', {
            ...values,
            relative: rel,
          })
        : t('evaluation.table.baselineChange', values),
    );
  }
  if (lines.length === 0) lines.push(t('evaluation.table.nothingApplies'));
  return lines.join(' · ');
}

function MetricCell(props: {
  cell?: GridCell;
  metric: string;
  slice: string;
  baselineLabel: string;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const { cell, metric, slice, baselineLabel } = props;
  if (!cell) {
    return (
      <TableCell align="right" className={classes.missing}>
        <span aria-label={t('evaluation.table.noResultOn', { metric, slice })}>
          —
        </span>
      </TableCell>
    );
  }
  const pass = cell.outcomes.every(o => o.pass);
  const d = cell.delta;
  const tooltip = cellTooltip(cell, baselineLabel, t);
  return (
    <TableCell align="right">
      <Tooltip title={tooltip}>
        {/*
         * Focusable so that keyboard users can open the tooltip (thresholds and baseline value)
         * too; screen readers get the same from the visually hidden texts inside.
         */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <span className={classes.cellContent} tabIndex={0}>
          <span className={classes.valueLine}>
            <span>
              {cell.value === undefined ? (
                <span className={classes.missing}>
                  {t('evaluation.table.noResult')}
                </span>
              ) : (
                formatMetric(cell.value)
              )}
            </span>
            {cell.outcomes.length > 0 ? (
              <VerdictMark
                pass={pass}
                description={cell.outcomes
                  .map(o => outcomeText(o, t))
                  .join('; ')}
              />
            ) : null}
          </span>
          {d?.delta !== undefined && d.baseline !== undefined ? (
            <DeltaText
              delta={d.delta}
              regression={d.regression}
              improvement={d.improvement}
              reference={baselineLabel}
              referenceValue={d.baseline}
            />
          ) : null}
        </span>
      </Tooltip>
    </TableCell>
  );
}

/**
 * The slice × metric table of an evaluation: one row per slice (`overall` first), one column per
 * metric; each cell the value, its threshold verdict and its change against the baseline.
 */
export function SliceMetricTable(props: {
  rows: GridRow[];
  metrics: string[];
  directions: Record<string, ResolvedMetricDirection>;
  /** How the baseline is called in tooltips, e.g. `baseline v2`. */
  baselineLabel: string;
  /** The table's caption, for screen readers. */
  caption: string;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const { rows, metrics, directions, baselineLabel, caption } = props;
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const lastPage = Math.max(0, Math.ceil(rows.length / pageSize) - 1);
  const shownPage = Math.min(page, lastPage);
  const shown = rows.slice(shownPage * pageSize, (shownPage + 1) * pageSize);

  return (
    <Paper variant="outlined">
      <TableContainer>
        <Table size="small" aria-label={caption}>
          <TableHead>
            <TableRow>
              <TableCell className={classes.sliceCell} scope="col">
                {t('evaluation.table.slice')}
              </TableCell>
              {metrics.map(metric => (
                <TableCell key={metric} align="right" scope="col">
                  <Box display="flex" flexDirection="column">
                    <span>{metric}</span>
                    <MetricDirectionNote
                      direction={directions[metric]?.direction}
                      source={directions[metric]?.source}
                      higher={t('evaluation.table.higherBetter')}
                      lower={t('evaluation.table.lowerBetter')}
                    />
                  </Box>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(row => (
              <TableRow key={row.slice} data-testid={`slice-row-${row.slice}`}>
                <TableCell
                  component="th"
                  role="rowheader"
                  scope="row"
                  className={
                    row.pass
                      ? classes.sliceCell
                      : `${classes.sliceCell} ${classes.failingSlice}`
                  }
                >
                  <Box display="flex" flexDirection="column" style={{ gap: 4 }}>
                    <strong>{row.slice}</strong>
                    <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
                      {row.pass ? null : (
                        <PassFailBadge
                          pass={false}
                          label={t('evaluation.table.fails', {
                            metrics: row.failing.join(', '),
                          })}
                        />
                      )}
                      {row.regressions > 0 ? (
                        <Typography variant="caption" color="error">
                          {t('evaluation.table.regressions', {
                            count: row.regressions,
                          })}
                        </Typography>
                      ) : null}
                    </Box>
                  </Box>
                </TableCell>
                {metrics.map(metric => (
                  <MetricCell
                    key={metric}
                    cell={row.cells[metric]}
                    metric={metric}
                    slice={row.slice}
                    baselineLabel={baselineLabel}
                  />
                ))}
              </TableRow>
            ))}
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
          labelRowsPerPage={t('evaluation.table.slicesPerPage')}
          onPageChange={(_, p) => setPage(p)}
          onRowsPerPageChange={e => {
            setPageSize(Number(e.target.value));
            setPage(0);
          }}
        />
      ) : null}
    </Paper>
  );
}
