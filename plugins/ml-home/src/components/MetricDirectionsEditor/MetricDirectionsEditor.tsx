import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import Alert from '@material-ui/lab/Alert';
import {
  MAX_DECLARED_METRIC_DIRECTIONS,
  mlHomeProjectUpdatePermission,
  type MetricDirection,
  type MetricDirections,
} from '@ml-home/plugin-ml-home-common';
import { FormEvent, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { errorMessage } from '../common/format';

/* Declared directions as sorted pairs: metric keys are user input, so never object keys here. */
type Entries = [string, MetricDirection][];

const sorted = (entries: Entries): Entries =>
  [...entries].sort(([a], [b]) => {
    if (a === b) return 0;
    return a < b ? -1 : 1;
  });

function toEntries(value: MetricDirections): Entries {
  return sorted(
    Object.keys(value.directions).map(key => [key, value.directions[key]]),
  );
}

/**
 * The project's declared metric directions: which way each metric is better. Everyone who can
 * read the project sees them; its owners edit them here and save them all at once.
 */
export function MetricDirectionsEditor(props: { project: string }) {
  const { project } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const api = useApi(mlHomeApiRef);
  const { allowed: canEdit } = usePermission({
    permission: mlHomeProjectUpdatePermission,
    resourceRef: project,
  });
  const state = useAsyncRetry(
    () => api.getProjectMetricDirections(project),
    [api, project],
  );
  const [draft, setDraft] = useState<{
    base: MetricDirections;
    rows: Entries;
  }>();
  const [metric, setMetric] = useState('');
  const [direction, setDirection] = useState<MetricDirection>('higher');
  const [metricError, setMetricError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<string>();

  if (state.error) {
    return (
      <LoadErrorPanel
        error={state.error}
        title={t('metricDirections.loadError')}
        onRetry={state.retry}
      />
    );
  }
  if (!state.value) {
    return <Progress />;
  }
  const loaded = state.value;
  const rows = draft?.base === loaded ? draft.rows : toEntries(loaded);
  const dirty = draft?.base === loaded && !saved;
  const edit = (next: Entries) => {
    setDraft({ base: loaded, rows: sorted(next) });
    setSaved(false);
    setSaveError(undefined);
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    const key = metric.trim();
    if (!key) {
      setMetricError(t('metricDirections.blank'));
      return;
    }
    if (rows.some(([k]) => k === key)) {
      setMetricError(t('metricDirections.duplicate', { metric: key }));
      return;
    }
    if (rows.length >= MAX_DECLARED_METRIC_DIRECTIONS) {
      setMetricError(
        t('metricDirections.tooMany', {
          count: MAX_DECLARED_METRIC_DIRECTIONS,
        }),
      );
      return;
    }
    edit([...rows, [key, direction]]);
    setMetric('');
    setMetricError(undefined);
  };

  const save = async () => {
    setSaving(true);
    setSaveError(undefined);
    try {
      const stored = await api.setProjectMetricDirections(project, {
        directions: Object.fromEntries(rows),
      });
      setDraft({ base: loaded, rows: toEntries(stored) });
      setSaved(true);
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const directionLabel = (d: MetricDirection) =>
    d === 'higher' ? t('metricDirections.higher') : t('metricDirections.lower');

  return (
    <InfoCard title={t('metricDirections.title')}>
      <Typography variant="body2" paragraph>
        {t('metricDirections.description')}
      </Typography>
      {!canEdit && (
        <Typography variant="body2" color="textSecondary" paragraph>
          {t('metricDirections.ownersOnly')}
        </Typography>
      )}
      {rows.length === 0 ? (
        <Typography variant="body2" color="textSecondary" paragraph>
          {canEdit
            ? t('metricDirections.emptyOwner')
            : t('metricDirections.empty')}
        </Typography>
      ) : (
        <Table size="small" aria-label={t('metricDirections.table')}>
          <TableHead>
            <TableRow>
              <TableCell scope="col">{t('metricDirections.metric')}</TableCell>
              <TableCell scope="col">
                {t('metricDirections.direction')}
              </TableCell>
              {canEdit && (
                <TableCell scope="col">
                  <span className="MuiTypography-srOnly">
                    {t('metricDirections.actions')}
                  </span>
                </TableCell>
              )}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(([key, value]) => (
              <TableRow key={key}>
                <TableCell component="th" scope="row">
                  {key}
                </TableCell>
                <TableCell>
                  {canEdit ? (
                    <TextField
                      select
                      size="small"
                      value={value}
                      inputProps={{
                        // The name holds the visible choice too (WCAG 2.5.3).
                        'aria-label': t('metricDirections.directionOf', {
                          metric: key,
                          direction: directionLabel(value),
                        }),
                      }}
                      onChange={e =>
                        edit(
                          rows.map(([k, v]) =>
                            k === key
                              ? [k, e.target.value as MetricDirection]
                              : [k, v],
                          ),
                        )
                      }
                    >
                      <MenuItem value="higher">
                        {directionLabel('higher')}
                      </MenuItem>
                      <MenuItem value="lower">
                        {directionLabel('lower')}
                      </MenuItem>
                    </TextField>
                  ) : (
                    directionLabel(value)
                  )}
                </TableCell>
                {canEdit && (
                  <TableCell padding="checkbox">
                    <IconButton
                      size="small"
                      aria-label={t('metricDirections.remove', { metric: key })}
                      onClick={() => edit(rows.filter(([k]) => k !== key))}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canEdit && (
        <>
          <Box
            component="form"
            onSubmit={add}
            display="flex"
            alignItems="flex-start"
            flexWrap="wrap"
            mt={2}
            style={{ gap: 8 }}
            aria-label={t('metricDirections.addForm')}
          >
            <TextField
              size="small"
              variant="outlined"
              id="metric-directions-new-metric"
              label={t('metricDirections.newMetric')}
              value={metric}
              onChange={e => {
                setMetric(e.target.value);
                setMetricError(undefined);
              }}
              error={!!metricError}
              helperText={metricError}
              inputProps={{ maxLength: 250 }}
            />
            <TextField
              select
              size="small"
              variant="outlined"
              id="metric-directions-new-direction"
              label={t('metricDirections.direction')}
              value={direction}
              onChange={e => setDirection(e.target.value as MetricDirection)}
            >
              <MenuItem value="higher">{directionLabel('higher')}</MenuItem>
              <MenuItem value="lower">{directionLabel('lower')}</MenuItem>
            </TextField>
            <Button type="submit" variant="outlined">
              {t('metricDirections.add')}
            </Button>
          </Box>
          <Box mt={2} display="flex" alignItems="center" style={{ gap: 8 }}>
            <Button
              variant="contained"
              color="primary"
              disabled={!dirty || saving}
              onClick={save}
            >
              {saving
                ? t('metricDirections.saving')
                : t('metricDirections.save')}
            </Button>
          </Box>
        </>
      )}
      <div role="status" aria-live="polite">
        {saved && (
          <Box mt={2}>
            <Alert severity="success">{t('metricDirections.saved')}</Alert>
          </Box>
        )}
      </div>
      {saveError && (
        <Box mt={2}>
          <Alert severity="error" role="alert">
            {t('metricDirections.saveError', { error: saveError })}
          </Alert>
        </Box>
      )}
    </InfoCard>
  );
}
