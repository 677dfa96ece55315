import {
  Content,
  EmptyState,
  Header,
  HeaderLabel,
  Link,
  LinkButton,
  Page,
  Progress,
} from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import EditIcon from '@material-ui/icons/Edit';
import Alert from '@material-ui/lab/Alert';
import {
  mlHomeProjectUpdatePermission,
  type Evaluation,
} from '@ml-home/plugin-ml-home-common';
import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { rootRouteRef } from '../../routes';
import { mlHomeTranslationRef, type MlHomeT } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { errorMessage, formatDateTime } from '../common/format';
import { useMlHomeLinks } from '../common/links';
import { ActorLink } from '../common/CatalogRefLink';
import { SafeMarkdown } from '../common/SafeMarkdown';
import { NotesPanel, TagEditor } from '../annotations';
import { SliceMetricTable } from './SliceMetricTable';
import { ThresholdsEditor } from './ThresholdsEditor';
import {
  type ThresholdsDraft,
  buildGrid,
  draftFromEvaluation,
  filterRows,
  isDraftValid,
  resolvedDirections,
  numericResults,
  previewScore,
  savedScore,
  updateFromDraft,
  validateDraft,
} from './evaluationGrid';
import { useEvaluationLink } from './useEvaluationLink';
import { PassFailBadge } from './verdicts';

/** Query parameters of the page's filters. */
const FAILING_PARAM = 'failing';
const REGRESSIONS_PARAM = 'regressions';

function emptyTitle(
  failingOnly: boolean,
  regressionsOnly: boolean,
  t: MlHomeT,
) {
  if (failingOnly && regressionsOnly) {
    return t('evaluation.view.noFailingRegression');
  }
  if (failingOnly) return t('evaluation.view.noFailing');
  return t('evaluation.view.noRegression');
}

function Summary(props: { evaluation: Evaluation }) {
  const { evaluation: e } = props;
  const links = useMlHomeLinks();
  const evaluationLink = useEvaluationLink();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const failing = e.score.slices.filter(s => !s.pass).length;
  const baselineText = (ev: Evaluation) => {
    if (ev.baselineVersion === undefined) {
      return t('evaluation.summary.noBaseline');
    }
    const version = (
      <Link to={links.model(ev.model, ev.baselineVersion)}>
        {t('evaluation.summary.version', {
          model: ev.model,
          version: String(ev.baselineVersion),
        })}
      </Link>
    );
    return ev.baselineEvaluationId
      ? t('evaluation.summary.baselineEvaluation', {
          version,
          evaluation: (
            <Link to={evaluationLink(ev.baselineEvaluationId)}>
              {t('evaluation.summary.itsEvaluation')}
            </Link>
          ),
        })
      : t('evaluation.summary.noBaselineEvaluation', {
          version,
          name: ev.name,
        });
  };
  return (
    <Paper variant="outlined">
      <Box p={2}>
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 16 }}
        >
          <PassFailBadge pass={e.score.pass} />
          <Typography variant="body2">
            {t('evaluation.summary.line', {
              failing: t('evaluation.summary.failingSlices', {
                count: failing,
              }),
              slices: e.score.slices.length,
              regressions: t('evaluation.summary.regressions', {
                count: e.score.regressions,
              }),
            })}
          </Typography>
        </Box>
        <Box
          component="dl"
          display="grid"
          mt={2}
          mb={0}
          style={{
            gridTemplateColumns: 'max-content auto',
            columnGap: 16,
            rowGap: 4,
          }}
        >
          <Typography component="dt" variant="body2" color="textSecondary">
            {t('evaluation.summary.modelVersion')}
          </Typography>
          <Typography component="dd" variant="body2" style={{ margin: 0 }}>
            {t('evaluation.summary.inProject', {
              version: (
                <Link to={links.model(e.model, e.version)}>
                  {t('evaluation.summary.version', {
                    model: e.model,
                    version: String(e.version),
                  })}
                </Link>
              ),
              project: <Link to={links.project(e.project)}>{e.project}</Link>,
            })}
          </Typography>
          <Typography component="dt" variant="body2" color="textSecondary">
            {t('evaluation.summary.dataset')}
          </Typography>
          <Typography component="dd" variant="body2" style={{ margin: 0 }}>
            <Link to={links.dataset(e.dataset.project, e.dataset.name)}>
              {e.dataset.project === e.project
                ? e.dataset.name
                : `${e.dataset.project}/${e.dataset.name}`}
            </Link>
          </Typography>
          <Typography component="dt" variant="body2" color="textSecondary">
            {t('evaluation.summary.baseline')}
          </Typography>
          <Typography component="dd" variant="body2" style={{ margin: 0 }}>
            {baselineText(e)}
          </Typography>
          <Typography component="dt" variant="body2" color="textSecondary">
            {t('evaluation.summary.created')}
          </Typography>
          <Typography component="dd" variant="body2" style={{ margin: 0 }}>
            {t('evaluation.summary.createdBy', {
              when: formatDateTime(e.createdAt),
              actor: <ActorLink actor={e.createdBy} />,
            })}
          </Typography>
        </Box>
        {e.description ? (
          <Box mt={2}>
            <SafeMarkdown content={e.description} />
          </Box>
        ) : null}
      </Box>
    </Paper>
  );
}

/**
 * The evaluation as a slice × metric table with its thresholds, verdicts and baseline deltas; a
 * thresholds editor that previews before saving; the evaluation's tags and notes.
 */
function EvaluationView(props: {
  evaluation: Evaluation;
  onSaved: (evaluation: Evaluation) => void;
}) {
  const { evaluation, onSaved } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const failingOnly = searchParams.get(FAILING_PARAM) === '1';
  const regressionsOnly = searchParams.get(REGRESSIONS_PARAM) === '1';
  const { allowed: canEdit } = usePermission({
    permission: mlHomeProjectUpdatePermission,
    resourceRef: evaluation.project,
  });
  const [draft, setDraft] = useState<ThresholdsDraft>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const [savedNotice, setSavedNotice] = useState(false);

  const setFlag = (key: string, on: boolean) => {
    const next = new URLSearchParams(searchParams);
    if (on) next.set(key, '1');
    else next.delete(key);
    setSearchParams(next, { replace: true });
  };

  const results = useMemo(() => numericResults(evaluation), [evaluation]);
  const saved = useMemo(() => savedScore(evaluation), [evaluation]);
  const errors = draft ? validateDraft(draft) : undefined;
  const valid = !!errors && isDraftValid(errors);
  const preview = useMemo(
    () => (draft && valid ? previewScore(evaluation, draft) : undefined),
    [evaluation, draft, valid],
  );
  const score = preview ?? saved;
  const grid = useMemo(() => buildGrid(results, score), [results, score]);
  const directions = resolvedDirections(
    grid.metrics,
    evaluation,
    draft?.directions,
  );
  const rows = filterRows(grid.rows, { failingOnly, regressionsOnly });
  const resultMetrics = useMemo(
    () => [...new Set(evaluation.results.map(r => r.metric))].sort(),
    [evaluation],
  );
  const resultSlices = useMemo(() => saved.slices.map(s => s.slice), [saved]);
  const baselineLabel =
    evaluation.baselineVersion !== undefined
      ? t('evaluation.view.baselineVersion', {
          version: String(evaluation.baselineVersion),
        })
      : t('evaluation.view.baseline');

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      const updated = await api.setEvaluationThresholds(
        evaluation.id,
        updateFromDraft(draft),
      );
      setDraft(undefined);
      setSavedNotice(true);
      onSaved(updated);
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Summary evaluation={evaluation} />
      </Grid>
      <Grid item xs={12}>
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 16 }}
          mb={1}
        >
          <Typography variant="h5" component="h2">
            {t('evaluation.view.slicesAndMetrics')}
          </Typography>
          <FormControlLabel
            control={
              <Switch
                checked={failingOnly}
                onChange={(_, on) => setFlag(FAILING_PARAM, on)}
                color="primary"
              />
            }
            label={t('evaluation.view.failingOnly')}
          />
          <FormControlLabel
            control={
              <Switch
                checked={regressionsOnly}
                onChange={(_, on) => setFlag(REGRESSIONS_PARAM, on)}
                color="primary"
              />
            }
            label={t('evaluation.view.regressionsOnly')}
          />
          <Box flexGrow={1} />
          {canEdit && !draft ? (
            <Button
              variant="outlined"
              color="primary"
              startIcon={<EditIcon />}
              onClick={() => {
                setSavedNotice(false);
                setSaveError(undefined);
                setDraft(draftFromEvaluation(evaluation));
              }}
            >
              {t('evaluation.view.editThresholds')}
            </Button>
          ) : null}
        </Box>
        <Box aria-live="polite">
          {savedNotice ? (
            <Box mb={1}>
              <Alert severity="success" onClose={() => setSavedNotice(false)}>
                {t('evaluation.view.saved')}
              </Alert>
            </Box>
          ) : null}
        </Box>
        {draft && errors ? (
          <Box mb={2}>
            <ThresholdsEditor
              metrics={resultMetrics}
              slices={resultSlices}
              draft={draft}
              errors={errors}
              valid={valid}
              saved={saved}
              preview={preview}
              saving={saving}
              saveError={saveError}
              onChange={setDraft}
              onSave={save}
              onCancel={() => {
                setDraft(undefined);
                setSaveError(undefined);
              }}
            />
          </Box>
        ) : null}
        {preview ? (
          <Box mb={1}>
            <Alert severity="info">{t('evaluation.view.previewing')}</Alert>
          </Box>
        ) : null}
        {evaluation.thresholds.length === 0 && !draft ? (
          <Box mb={1}>
            <Typography variant="body2" color="textSecondary">
              {canEdit
                ? t('evaluation.view.noThresholdsEdit')
                : t('evaluation.view.noThresholds')}
            </Typography>
          </Box>
        ) : null}
        {rows.length === 0 ? (
          <EmptyState
            missing="data"
            title={emptyTitle(failingOnly, regressionsOnly, t)}
            description={t('evaluation.view.allHidden', {
              count: grid.rows.length,
            })}
            action={
              <Button
                variant="outlined"
                onClick={() => {
                  const next = new URLSearchParams(searchParams);
                  next.delete(FAILING_PARAM);
                  next.delete(REGRESSIONS_PARAM);
                  setSearchParams(next, { replace: true });
                }}
              >
                {t('evaluation.view.showAll')}
              </Button>
            }
          />
        ) : (
          <>
            {rows.length < grid.rows.length ? (
              <Typography variant="body2" color="textSecondary" gutterBottom>
                {t('evaluation.view.showing', {
                  shown: rows.length,
                  count: grid.rows.length,
                })}
              </Typography>
            ) : null}
            <SliceMetricTable
              rows={rows}
              metrics={grid.metrics}
              directions={directions}
              baselineLabel={baselineLabel}
              caption={t('evaluation.view.caption', { name: evaluation.name })}
            />
          </>
        )}
      </Grid>
      <Grid item xs={12} md={4}>
        <Typography variant="h5" component="h2" gutterBottom>
          {t('evaluation.view.tags')}
        </Typography>
        <TagEditor
          entityType="evaluation"
          entityId={evaluation.id}
          projectName={evaluation.project}
        />
      </Grid>
      <Grid item xs={12} md={8}>
        <Typography variant="h5" component="h2" gutterBottom>
          {t('evaluation.view.notes')}
        </Typography>
        <NotesPanel
          entityType="evaluation"
          entityId={evaluation.id}
          projectName={evaluation.project}
        />
      </Grid>
    </Grid>
  );
}

/**
 * An offline evaluation, `/ml-home/evaluations/:evaluationId`: the model version and dataset it
 * measured, its verdict against its thresholds and baseline, slice by slice and metric by metric.
 *
 * @public
 */
export const EvaluationPage = () => {
  const { evaluationId = '' } = useParams();
  const api = useApi(mlHomeApiRef);
  const rootLink = useRouteRef(rootRouteRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const state = useAsyncRetry(
    () => api.getEvaluation(evaluationId),
    [api, evaluationId],
  );
  const [updated, setUpdated] = useState<Evaluation>();
  const evaluation = updated?.id === evaluationId ? updated : state.value;

  if (state.loading && !evaluation) {
    return (
      <Page themeId="tool">
        <Header title={t('evaluation.title')} type={t('evaluation.type')} />
        <Content>
          <Progress />
        </Content>
      </Page>
    );
  }
  if (!evaluation) {
    const notFound =
      (state.error as { statusCode?: number } | undefined)?.statusCode === 404;
    return (
      <Page themeId="tool">
        <Header title={t('evaluation.title')} type={t('evaluation.type')} />
        <Content>
          {notFound ? (
            <EmptyState
              missing="data"
              title={t('evaluation.notFoundTitle')}
              description={t('evaluation.notFoundDescription', {
                id: evaluationId,
              })}
              action={
                <LinkButton
                  variant="contained"
                  color="primary"
                  to={rootLink?.() ?? '/'}
                >
                  {t('evaluation.goHome')}
                </LinkButton>
              }
            />
          ) : (
            <LoadErrorPanel
              error={state.error ?? new Error('No evaluation')}
              title={t('evaluation.loadFailed')}
              onRetry={state.retry}
            />
          )}
        </Content>
      </Page>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title={t('evaluation.headerTitle', {
          model: evaluation.model,
          version: String(evaluation.version),
          name: evaluation.name,
        })}
        subtitle={t('evaluation.evaluatedOn', {
          dataset: `${evaluation.dataset.project}/${evaluation.dataset.name}`,
        })}
        type={t('evaluation.type')}
      >
        <HeaderLabel
          label={t('evaluation.result')}
          value={
            evaluation.score.pass
              ? t('evaluation.resultPass')
              : t('evaluation.resultFail')
          }
        />
        <HeaderLabel
          label={t('evaluation.regressions')}
          value={String(evaluation.score.regressions)}
        />
      </Header>
      <Content>
        <EvaluationView
          key={evaluation.id}
          evaluation={evaluation}
          onSaved={setUpdated}
        />
      </Content>
    </Page>
  );
};
