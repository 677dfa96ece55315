import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import StarIcon from '@material-ui/icons/Star';
import TextField from '@material-ui/core/TextField';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { CompareResult } from '@ml-home/plugin-ml-home-common';
import { useMemo, useState } from 'react';
import { mlHomeTranslationRef } from '../../translation';
import { formatMetric, metricNumber, visuallyHidden } from '../charts';
import { PagingControls } from '../common/paging';
import { MetricDirectionNote } from '../common/MetricDirectionNote';

/** Metric rows per page: 100 items × 50 metrics is already 5,000 cells. */
export const METRIC_ROWS_PER_PAGE = 50;

/**
 * Each metric's last value per item with its min and max; the best value by the metric's
 * direction is bold and starred, and says "best" to screen readers. Long tables (evaluation
 * runs log hundreds of metrics) are filtered by key and paged.
 */
export function MetricTable(props: {
  metrics: CompareResult['metrics'];
  labels: string[];
  /** Words every shown metric key contains; kept by the page in its URL. */
  filter: string;
  onFilterChange: (filter: string) => void;
}) {
  const { metrics: all, labels, filter, onFilterChange } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [page, setPage] = useState({ filter, index: 0 });
  const pageIndex = page.filter === filter ? page.index : 0;
  const matching = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return words.length
      ? all.filter(m => {
          const key = m.key.toLowerCase();
          return words.every(w => key.includes(w));
        })
      : all;
  }, [all, filter]);
  if (all.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('compare.metricTable.none')}
      </Typography>
    );
  }
  const metrics = matching.slice(
    pageIndex * METRIC_ROWS_PER_PAGE,
    (pageIndex + 1) * METRIC_ROWS_PER_PAGE,
  );
  const hasNext = (pageIndex + 1) * METRIC_ROWS_PER_PAGE < matching.length;
  return (
    <>
      {all.length > 10 || filter ? (
        <TextField
          id="ml-home-compare-metric-filter"
          label={t('compare.metricTable.filter')}
          type="search"
          size="small"
          variant="outlined"
          value={filter}
          onChange={e => onFilterChange(e.target.value)}
          helperText={t('compare.metricTable.filterCount', {
            shown: matching.length,
            count: all.length,
          })}
          style={{ marginBottom: 8, minWidth: 280 }}
        />
      ) : null}
      {matching.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('compare.metricTable.noMatch', { filter, count: all.length })}
        </Typography>
      ) : null}
      {/* Scrolls on its own: focusable, so the keyboard can scroll it too. */}
      <TableContainer
        style={{ maxHeight: 480 }}
        tabIndex={0}
        role="region"
        aria-label={t('compare.metricTable.table')}
      >
        <Table
          size="small"
          stickyHeader
          aria-label={t('compare.metricTable.table')}
        >
          <TableHead>
            <TableRow>
              <TableCell>{t('compare.metricTable.metric')}</TableCell>
              {labels.map((label, i) => (
                <TableCell key={i} align="right">
                  {label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {metrics.map(row => {
              const best = new Set(row.best);
              return (
                <TableRow key={row.key}>
                  <TableCell component="th" scope="row">
                    {row.key}
                    <MetricDirectionNote
                      direction={row.direction}
                      source={row.directionSource}
                      higher={t('compare.metricTable.higherBetter')}
                      lower={t('compare.metricTable.lowerBetter')}
                    />
                  </TableCell>
                  {row.last.map((last, i) => {
                    if (last === null) {
                      return (
                        <TableCell key={i} align="right">
                          <span
                            aria-label={t('compare.metricTable.notLogged')}
                            title={t('compare.metricTable.notLogged')}
                          >
                            —
                          </span>
                        </TableCell>
                      );
                    }
                    const min = row.min[i];
                    const max = row.max[i];
                    const isBest = best.has(i);
                    const range =
                      min !== null && max !== null
                        ? `${formatMetric(metricNumber(min))} – ${formatMetric(
                            metricNumber(max),
                          )}`
                        : undefined;
                    return (
                      <TableCell
                        key={i}
                        align="right"
                        data-best={isBest ? 'true' : undefined}
                      >
                        <span
                          title={
                            isBest ? t('compare.metricTable.best') : undefined
                          }
                          style={{
                            fontWeight: isBest ? 700 : undefined,
                            whiteSpace: 'nowrap',
                          }}
                        >
                          {isBest ? (
                            <StarIcon
                              fontSize="inherit"
                              color="primary"
                              style={{
                                verticalAlign: 'middle',
                                marginRight: 4,
                              }}
                            />
                          ) : null}
                          {formatMetric(metricNumber(last))}
                          {isBest ? (
                            <span style={visuallyHidden}>
                              {t('compare.metricTable.bestHidden')}
                            </span>
                          ) : null}
                        </span>
                        {range ? (
                          <Typography
                            variant="caption"
                            color="textSecondary"
                            component="div"
                          >
                            <span style={visuallyHidden}>
                              {t('compare.metricTable.rangeHidden')}
                            </span>
                            {range}
                          </Typography>
                        ) : null}
                      </TableCell>
                    );
                  })}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {matching.length > METRIC_ROWS_PER_PAGE ? (
        <PagingControls
          noun={t('compare.metricTable.pagingNoun')}
          pageIndex={pageIndex}
          pageSize={METRIC_ROWS_PER_PAGE}
          shown={metrics.length}
          totalCount={matching.length}
          nextCursor={hasNext ? String(pageIndex + 1) : undefined}
          onNext={() => setPage({ filter, index: pageIndex + 1 })}
          onPrevious={() =>
            setPage({ filter, index: Math.max(0, pageIndex - 1) })
          }
        />
      ) : null}
    </>
  );
}
