import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { CompareResult } from '@ml-home/plugin-ml-home-common';
import { mlHomeTranslationRef } from '../../translation';

/**
 * The params side by side: by default only those whose values differ between the items.
 */
export function ParamDiffTable(props: {
  params: CompareResult['params'];
  labels: string[];
  showAll: boolean;
  onShowAllChange: (showAll: boolean) => void;
}) {
  const { params, labels, showAll, onShowAllChange } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const differing = params.filter(p => p.differs);
  const rows = showAll ? params : differing;
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <Typography variant="body2" aria-live="polite">
          {t('compare.paramDiff.differ', {
            differing: differing.length,
            count: params.length,
          })}
        </Typography>
        <FormControlLabel
          control={
            <Switch
              id="ml-home-compare-all-params"
              color="primary"
              checked={showAll}
              onChange={e => onShowAllChange(e.target.checked)}
            />
          }
          label={t('compare.paramDiff.showAll')}
        />
      </div>
      {rows.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {params.length === 0
            ? t('compare.paramDiff.noParams')
            : t('compare.paramDiff.allSame')}
        </Typography>
      ) : (
        // Scrolls on its own: focusable, so the keyboard can scroll it too.
        <TableContainer
          style={{ maxHeight: 480 }}
          tabIndex={0}
          role="region"
          aria-label={t('compare.paramDiff.table')}
        >
          <Table
            size="small"
            stickyHeader
            aria-label={t('compare.paramDiff.table')}
          >
            <TableHead>
              <TableRow>
                <TableCell>{t('compare.paramDiff.param')}</TableCell>
                {labels.map((label, i) => (
                  <TableCell key={i}>{label}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(row => (
                <TableRow key={row.key}>
                  <TableCell component="th" scope="row">
                    {row.key}
                    {showAll && row.differs ? (
                      <Typography
                        variant="caption"
                        color="secondary"
                        component="span"
                      >
                        {t('compare.paramDiff.differs')}
                      </Typography>
                    ) : null}
                  </TableCell>
                  {row.values.map((value, i) => (
                    <TableCell key={i}>
                      {value ?? (
                        <span
                          aria-label={t('compare.paramDiff.notSet')}
                          title={t('compare.paramDiff.notSet')}
                        >
                          —
                        </span>
                      )}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </div>
  );
}
