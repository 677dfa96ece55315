import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import Alert from '@material-ui/lab/Alert';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  metricDirection,
  type EvaluationScore,
  type EvaluationThreshold,
  type MetricDirection,
} from '@ml-home/plugin-ml-home-common';
import {
  type DraftErrors,
  type ThresholdRowDraft,
  type ThresholdsDraft,
  newRowKey,
} from './evaluationGrid';
import { mlHomeTranslationRef, type MlHomeT } from '../../translation';
import { PassFailBadge } from './verdicts';

/** The comparisons offered, in this order; each is said by its `evaluation.editor.ops` message. */
const OPS: EvaluationThreshold['op'][] = ['>=', '>', '<=', '<'];

/** One line on what the draft would change, for the live preview. */
function previewLines(
  saved: EvaluationScore,
  next: EvaluationScore,
  t: MlHomeT,
): string[] {
  const savedBySlice = new Map(saved.slices.map(s => [s.slice, s]));
  const lines: string[] = [];
  for (const s of next.slices) {
    const before = savedBySlice.get(s.slice);
    if (before && before.pass === s.pass) continue;
    lines.push(
      s.pass
        ? t('evaluation.editor.wouldPass', { slice: s.slice })
        : t('evaluation.editor.wouldFail', {
            slice: s.slice,
            metrics: s.failing.join(', '),
          }),
    );
  }
  return lines;
}

/** The verdict the draft would give, against the saved one, said as it changes. */
function Preview(props: { saved: EvaluationScore; next?: EvaluationScore }) {
  const { saved, next } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  if (!next) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('evaluation.editor.fixFields')}
      </Typography>
    );
  }
  const failing = next.slices.filter(s => !s.pass).length;
  const savedFailing = saved.slices.filter(s => !s.pass).length;
  const changes = previewLines(saved, next, t);
  return (
    <Box>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Typography variant="body2" component="span">
          {t('evaluation.editor.preview')}
        </Typography>
        <PassFailBadge pass={next.pass} />
        <Typography variant="body2" component="span">
          {t('evaluation.editor.previewCounts', {
            failing: t('evaluation.summary.failingSlices', { count: failing }),
            slices: next.slices.length,
            regressions: t('evaluation.summary.regressions', {
              count: next.regressions,
            }),
          })}
        </Typography>
        <Typography variant="body2" component="span" color="textSecondary">
          {t('evaluation.editor.savedCounts', {
            verdict: saved.pass
              ? t('evaluation.editor.savedPass')
              : t('evaluation.editor.savedFail'),
            failing: t('evaluation.summary.failingSlices', {
              count: savedFailing,
            }),
            regressions: t('evaluation.summary.regressions', {
              count: saved.regressions,
            }),
          })}
        </Typography>
      </Box>
      {changes.length > 0 ? (
        <ul aria-label={t('evaluation.editor.changes')}>
          {changes.slice(0, 20).map(line => (
            <li key={line}>
              <Typography variant="body2">{line}</Typography>
            </li>
          ))}
          {changes.length > 20 ? (
            <li>
              <Typography variant="body2">
                {t('evaluation.editor.more', { count: changes.length - 20 })}
              </Typography>
            </li>
          ) : null}
        </ul>
      ) : (
        <Typography variant="body2" color="textSecondary">
          {t('evaluation.editor.noChange')}
        </Typography>
      )}
    </Box>
  );
}

function ThresholdRow(props: {
  index: number;
  row: ThresholdRowDraft;
  metrics: string[];
  slices: string[];
  errors?: DraftErrors['rows'][number];
  onChange: (row: ThresholdRowDraft) => void;
  onRemove: () => void;
}) {
  const { index, row, metrics, slices, errors, onChange, onRemove } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const id = `threshold-${row.key}`;
  const metricOptions =
    metrics.includes(row.metric) || !row.metric
      ? metrics
      : [row.metric, ...metrics];
  const sliceOptions =
    !row.slice || slices.includes(row.slice) ? slices : [row.slice, ...slices];
  return (
    <Grid
      container
      spacing={1}
      alignItems="flex-start"
      role="group"
      aria-label={t('evaluation.editor.threshold', { index: index + 1 })}
    >
      <Grid item xs={12} sm={3}>
        <TextField
          id={`${id}-metric`}
          label={t('evaluation.editor.metric')}
          select
          fullWidth
          margin="dense"
          variant="outlined"
          SelectProps={{ native: true }}
          value={row.metric}
          error={!!errors?.metric}
          helperText={errors?.metric && t(errors.metric)}
          onChange={e => onChange({ ...row, metric: e.target.value })}
        >
          {row.metric ? null : (
            <option value="">{t('evaluation.editor.pickMetric')}</option>
          )}
          {metricOptions.map(m => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={3}>
        <TextField
          id={`${id}-slice`}
          label={t('evaluation.editor.slice')}
          select
          fullWidth
          margin="dense"
          variant="outlined"
          SelectProps={{ native: true }}
          value={row.slice}
          onChange={e => onChange({ ...row, slice: e.target.value })}
        >
          <option value="">{t('evaluation.editor.allSlices')}</option>
          {sliceOptions.map(s => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={6} sm={2}>
        <TextField
          id={`${id}-op`}
          label={t('evaluation.editor.passesWhen')}
          select
          fullWidth
          margin="dense"
          variant="outlined"
          SelectProps={{ native: true }}
          value={row.op}
          onChange={e =>
            onChange({
              ...row,
              op: e.target.value as EvaluationThreshold['op'],
            })
          }
        >
          {OPS.map(op => (
            <option key={op} value={op}>
              {t(`evaluation.editor.ops.${op}`)}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={6} sm={3}>
        <TextField
          id={`${id}-value`}
          label={t('evaluation.editor.value')}
          type="number"
          fullWidth
          margin="dense"
          variant="outlined"
          inputProps={{ step: 'any' }}
          value={row.value}
          error={!!errors?.value}
          helperText={errors?.value && t(errors.value)}
          onChange={e => onChange({ ...row, value: e.target.value })}
        />
      </Grid>
      <Grid item xs={12} sm={1}>
        <IconButton
          aria-label={t('evaluation.editor.remove', { index: index + 1 })}
          onClick={onRemove}
        >
          <DeleteIcon />
        </IconButton>
      </Grid>
    </Grid>
  );
}

/**
 * Edits an evaluation's thresholds, metric directions and tolerance, previewing the verdict they
 * would give (scored in the browser with the backend's own function) before they are saved.
 */
export function ThresholdsEditor(props: {
  metrics: string[];
  slices: string[];
  draft: ThresholdsDraft;
  errors: DraftErrors;
  valid: boolean;
  saved: EvaluationScore;
  /** The draft's score; undefined while the draft has errors. */
  preview?: EvaluationScore;
  saving: boolean;
  saveError?: string;
  onChange: (draft: ThresholdsDraft) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const {
    metrics,
    slices,
    draft,
    errors,
    valid,
    saved,
    preview,
    saving,
    saveError,
    onChange,
    onSave,
    onCancel,
  } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const setRow = (i: number, row: ThresholdRowDraft) =>
    onChange({ ...draft, rows: draft.rows.map((r, j) => (j === i ? row : r)) });
  const setDirection = (metric: string, direction: MetricDirection) =>
    onChange({
      ...draft,
      directions: { ...draft.directions, [metric]: direction },
    });

  return (
    <Paper variant="outlined">
      <Box
        p={2}
        component="form"
        aria-labelledby="thresholds-editor-title"
        onSubmit={(e: { preventDefault: () => void }) => {
          e.preventDefault();
          if (valid && !saving) onSave();
        }}
      >
        <Typography variant="h6" component="h3" id="thresholds-editor-title">
          {t('evaluation.editor.title')}
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          {t('evaluation.editor.explanation')}
        </Typography>
        {draft.rows.length === 0 ? (
          <Typography variant="body2" paragraph>
            {t('evaluation.editor.none')}
          </Typography>
        ) : null}
        {draft.rows.map((row, i) => (
          <ThresholdRow
            key={row.key}
            index={i}
            row={row}
            metrics={metrics}
            slices={slices}
            errors={errors.rows[i]}
            onChange={next => setRow(i, next)}
            onRemove={() =>
              onChange({
                ...draft,
                rows: draft.rows.filter((_, j) => j !== i),
              })
            }
          />
        ))}
        <Box mt={1} mb={2}>
          <Button
            variant="outlined"
            onClick={() =>
              onChange({
                ...draft,
                rows: [
                  ...draft.rows,
                  {
                    key: newRowKey(),
                    metric: metrics[0] ?? '',
                    slice: '',
                    op: '>=',
                    value: '',
                  },
                ],
              })
            }
          >
            {t('evaluation.editor.add')}
          </Button>
        </Box>

        <Typography variant="subtitle2" component="h4">
          {t('evaluation.editor.whichWay')}
        </Typography>
        <Grid container spacing={1}>
          {metrics.map(metric => (
            <Grid item xs={6} sm={3} key={metric}>
              <TextField
                id={`direction-${metric}`}
                label={t('evaluation.editor.betterWhen', { metric })}
                select
                fullWidth
                margin="dense"
                variant="outlined"
                SelectProps={{ native: true }}
                value={metricDirection(metric, draft.directions)}
                onChange={e =>
                  setDirection(metric, e.target.value as MetricDirection)
                }
              >
                <option value="higher">{t('evaluation.editor.higher')}</option>
                <option value="lower">{t('evaluation.editor.lower')}</option>
              </TextField>
            </Grid>
          ))}
        </Grid>
        <Box maxWidth={320}>
          <TextField
            id="thresholds-tolerance"
            label={t('evaluation.editor.tolerance')}
            type="number"
            fullWidth
            margin="dense"
            variant="outlined"
            inputProps={{ step: 'any', min: 0 }}
            value={draft.tolerance}
            error={!!errors.tolerance}
            helperText={
              errors.tolerance
                ? t(errors.tolerance)
                : t('evaluation.editor.toleranceHelp')
            }
            onChange={e => onChange({ ...draft, tolerance: e.target.value })}
          />
        </Box>

        <Box mt={2} aria-live="polite">
          <Preview saved={saved} next={preview} />
        </Box>
        {saveError ? (
          <Box mt={2}>
            <Alert severity="error">
              {t('evaluation.editor.saveFailed', { message: saveError })}
            </Alert>
          </Box>
        ) : null}
        <Box mt={2} display="flex" style={{ gap: 8 }}>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={!valid || saving}
          >
            {saving
              ? t('evaluation.editor.saving')
              : t('evaluation.editor.save')}
          </Button>
          <Button onClick={onCancel} disabled={saving}>
            {t('common.cancel')}
          </Button>
        </Box>
      </Box>
    </Paper>
  );
}
