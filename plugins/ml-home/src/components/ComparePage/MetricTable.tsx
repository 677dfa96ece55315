import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import StarIcon from '@material-ui/icons/Star';
import type { CompareResult } from '@ml-home/plugin-ml-home-common';
import { formatMetric, metricNumber, visuallyHidden } from '../charts';

/**
 * Each metric's last value per item with its min and max; the best value by the metric's
 * direction is bold and starred, and says "best" to screen readers.
 */
export function MetricTable(props: {
  metrics: CompareResult['metrics'];
  labels: string[];
}) {
  const { metrics, labels } = props;
  if (metrics.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        None of the compared items logged metrics.
      </Typography>
    );
  }
  return (
    <TableContainer style={{ maxHeight: 480 }}>
      <Table size="small" stickyHeader aria-label="Metrics">
        <TableHead>
          <TableRow>
            <TableCell>Metric</TableCell>
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
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="div"
                  >
                    {row.direction === 'higher'
                      ? '↑ higher is better'
                      : '↓ lower is better'}
                  </Typography>
                </TableCell>
                {row.values.map((cell, i) => {
                  if (!cell) {
                    return (
                      <TableCell key={i} align="right">
                        <span aria-label="not logged" title="not logged">
                          —
                        </span>
                      </TableCell>
                    );
                  }
                  const isBest = best.has(i);
                  const range =
                    cell.min !== undefined && cell.max !== undefined
                      ? `${formatMetric(metricNumber(cell.min))} – ${formatMetric(
                          metricNumber(cell.max),
                        )}`
                      : undefined;
                  return (
                    <TableCell
                      key={i}
                      align="right"
                      data-best={isBest ? 'true' : undefined}
                    >
                      <span
                        title={isBest ? 'Best' : undefined}
                        style={{
                          fontWeight: isBest ? 700 : undefined,
                          whiteSpace: 'nowrap',
                        }}
                      >
                        {isBest ? (
                          <StarIcon
                            fontSize="inherit"
                            color="primary"
                            style={{ verticalAlign: 'middle', marginRight: 4 }}
                          />
                        ) : null}
                        {formatMetric(metricNumber(cell.last))}
                        {isBest ? (
                          <span style={visuallyHidden}> (best)</span>
                        ) : null}
                      </span>
                      {range ? (
                        <Typography
                          variant="caption"
                          color="textSecondary"
                          component="div"
                        >
                          <span style={visuallyHidden}>range </span>
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
  );
}
