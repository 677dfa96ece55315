import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
} from '@backstage/core-components';
import {
  RouterLink,
  useApi,
  useAppSearchParams,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import type { CompareRequest } from '@ml-home/plugin-ml-home-common';
import { useEffect, useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { modelRouteRef, projectRouteRef, rootRouteRef } from '../../routes';
import { mlHomeTranslationRef } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import {
  CompareState,
  readCompareState,
  uniqueLabels,
  writeCompareState,
} from './compareState';
import { MetricCurvesSection, prefetchCurves } from './MetricCurvesSection';
import { MetricTable } from './MetricTable';
import { ParallelCoordinatesSection } from './ParallelCoordinatesSection';
import { ParamDiffTable } from './ParamDiffTable';
import { VersionEvaluationsSection } from './VersionEvaluationsSection';

/** The most items one comparison takes (the API's limit). */
const MAX_ITEMS = 100;

/**
 * Runs or model versions side by side (`/ml-home/compare?runs=…` or `?versions=model:1,…`): the
 * param diff, the metric table with the best marked, overlaid metric curves and a parallel-
 * coordinates view of params against a metric. Every view setting is kept in the URL.
 *
 * @public
 */
export function ComparePage() {
  const api = useApi(mlHomeApiRef);
  const projectLink = useRouteRef(projectRouteRef);
  const modelLink = useRouteRef(modelRouteRef);
  const rootLink = useRouteRef(rootRouteRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [searchParams, setSearchParams] = useAppSearchParams();
  const search = searchParams.toString();
  const state = useMemo(
    () => readCompareState(new URLSearchParams(search)),
    [search],
  );
  const update = (patch: Partial<CompareState>) =>
    setSearchParams(writeCompareState({ ...state, ...patch }), {
      replace: true,
    });

  // Fetch the chart library while the comparison loads, not after it.
  useEffect(() => {
    import('../charts/echartsSetup').catch(() => undefined);
  }, []);

  const count = state.runs.length + state.versions.length;
  const requestKey = JSON.stringify([state.runs, state.versions]);
  const comparison = useAsyncRetry(async () => {
    if (count === 0 || count > MAX_ITEMS) return undefined;
    // Every param comes back with whether it differs, so "show all" is a view toggle.
    const request: CompareRequest = { allParams: true };
    if (state.runs.length) request.runs = state.runs;
    if (state.versions.length) request.modelVersions = state.versions;
    const compared = await api.compare(request);
    // The histories of the charts shown first load while the page renders the comparison.
    const curveKeys =
      state.curveMetrics ??
      (compared.metrics.length ? [compared.metrics[0].key] : []);
    const itemLabels = uniqueLabels(compared.items);
    for (const key of curveKeys) {
      prefetchCurves(api, compared, itemLabels, key);
    }
    return compared;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, requestKey]);

  const result = comparison.value;
  const labels = useMemo(
    () => (result ? uniqueLabels(result.items) : []),
    [result],
  );
  const runIds = useMemo(
    () => (result ? result.items.map(i => i.runId) : []),
    [result],
  );
  const versionsOnly = state.versions.length > 0 && !state.runs.length;

  let body: JSX.Element;
  if (count === 0) {
    body = (
      <EmptyState
        missing="data"
        title={t('compare.nothingTitle')}
        description={t('compare.nothingDescription')}
        action={
          <Button
            variant="contained"
            color="primary"
            component={RouterLink}
            href={rootLink?.() ?? '/'}
            role="link"
          >
            {t('compare.findProject')}
          </Button>
        }
      />
    );
  } else if (count > MAX_ITEMS) {
    body = (
      <EmptyState
        missing="data"
        title={t('compare.tooManyTitle', { max: MAX_ITEMS })}
        description={t('compare.tooManyDescription', { count })}
      />
    );
  } else if (comparison.error) {
    body = (
      <LoadErrorPanel
        error={comparison.error}
        title={t('compare.failed')}
        onRetry={comparison.retry}
      />
    );
  } else if (!result) {
    body = <Progress />;
  } else {
    const chosenCurves =
      state.curveMetrics ??
      (result.metrics.length ? [result.metrics[0].key] : []);
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard
            title={
              versionsOnly
                ? t('compare.comparingVersions', { count: result.items.length })
                : t('compare.comparingRuns', { count: result.items.length })
            }
          >
            <Box
              component="ul"
              display="flex"
              flexWrap="wrap"
              p={0}
              m={0}
              style={{ gap: 8, listStyle: 'none' }}
              aria-label={t('compare.items')}
            >
              {result.items.map((item, i) => {
                const model =
                  item.kind === 'model-version'
                    ? item.id.split('/')[0]
                    : undefined;
                return (
                  <li key={item.id}>
                    <Chip
                      variant="outlined"
                      label={
                        <span>
                          {t('compare.itemIn', {
                            label: <strong>{labels[i]}</strong>,
                            project: (
                              <Link
                                to={
                                  projectLink?.({
                                    projectName: item.project,
                                  }) ?? '#'
                                }
                              >
                                {item.project}
                              </Link>
                            ),
                          })}
                          {model && modelLink ? (
                            <>
                              {' · '}
                              <Link to={modelLink({ modelName: model })}>
                                {model}
                              </Link>
                            </>
                          ) : null}
                        </span>
                      }
                    />
                  </li>
                );
              })}
            </Box>
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard title={t('compare.metrics')}>
            <MetricTable
              metrics={result.metrics}
              labels={labels}
              filter={state.metricFilter}
              onFilterChange={metricFilter => update({ metricFilter })}
            />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard title={t('compare.metricCurves')}>
            <MetricCurvesSection
              metrics={result.metrics}
              runIds={runIds}
              labels={labels}
              chosen={chosenCurves}
              onChosenChange={curveMetrics => update({ curveMetrics })}
              settings={state.curve}
              onSettingsChange={curve => update({ curve })}
            />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard title={t('compare.params')}>
            <ParamDiffTable
              params={result.params}
              labels={labels}
              showAll={state.allParams}
              onShowAllChange={allParams => update({ allParams })}
            />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard title={t('compare.paramsAgainstMetric')}>
            <ParallelCoordinatesSection
              params={result.params}
              metrics={result.metrics}
              labels={labels}
              metricKey={state.parallelMetric}
              onMetricChange={parallelMetric => update({ parallelMetric })}
            />
          </InfoCard>
        </Grid>
        {state.versions.length >= 2 ? (
          <Grid item xs={12}>
            <InfoCard
              title={t('compare.evaluations')}
              subheader={t('compare.evaluationsSubheader')}
            >
              <VersionEvaluationsSection versions={state.versions} />
            </InfoCard>
          </Grid>
        ) : null}
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title={t('compare.title')}
        subtitle={
          versionsOnly
            ? t('compare.subtitleVersions', { count })
            : t('compare.subtitleRuns', { count })
        }
        type={t('title')}
        typeLink={rootLink?.()}
      />
      <Content>
        <ContentHeader
          title={
            versionsOnly
              ? t('compare.contentVersions')
              : t('compare.contentRuns')
          }
        />
        {body}
      </Content>
    </Page>
  );
}
