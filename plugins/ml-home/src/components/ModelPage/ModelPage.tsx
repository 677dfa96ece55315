import {
  Content,
  EmptyState,
  Header,
  HeaderLabel,
  InfoCard,
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
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  mlHomeProjectUpdatePermission,
  type Model,
} from '@ml-home/plugin-ml-home-common';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { rootRouteRef } from '../../routes';
import { mlHomeTranslationRef } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { useCursorPages } from '../common/paging';
import { useMlHomeLinks } from '../common/links';
import { AliasesCard } from './AliasesCard';
import {
  DeploymentsCard,
  SUGGESTED_MONITORING_METRICS,
} from './DeploymentsCard';
import { LineageGraph } from './LineageGraph';
import { ModelCardView } from './ModelCardView';
import { MoveAliasDialog } from './MoveAliasDialog';
import { VersionsCard } from './VersionsCard';
import { EvaluationsTable } from '../EvaluationsTable';
import { NotesPanel, TagEditor } from '../annotations';
import { ModelCertificationTab } from '../Certification';

const VERSIONS_PAGE_SIZE = 20;

/** The version to show when the URL names none: what production runs, else the newest. */
function defaultVersion(model: Model): number | undefined {
  const byAlias = (alias: string) =>
    model.aliases.find(a => a.alias === alias)?.version;
  return byAlias('production') ?? byAlias('champion') ?? model.latestVersion;
}

/**
 * A registered model, `/ml-home/models/:modelName?version=N`: versions and aliases (with alias
 * moves), the lineage of the chosen version, deployments with monitoring, and its model card.
 *
 * @public
 */
export const ModelPage = () => {
  const params = useParams();
  const modelName = params.modelName ?? '';
  // The page's tabs: the model itself (no segment) and its certification scorecard.
  const tab =
    (params['*'] ?? '').split('/')[0] === 'certification'
      ? 'certification'
      : '';
  const [searchParams, setSearchParams] = useSearchParams();
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const rootLink = useRouteRef(rootRouteRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [revision, setRevision] = useState(0);
  const [moving, setMoving] = useState<{ alias?: string } | undefined>();

  const modelState = useAsyncRetry(
    () => api.getModel(modelName),
    [api, modelName, revision],
  );
  const pages = useCursorPages(modelName);
  const versionsState = useAsyncRetry(
    () =>
      api.listModelVersions(modelName, {
        limit: VERSIONS_PAGE_SIZE,
        cursor: pages.cursor,
      }),
    [api, modelName, pages.cursor, revision],
  );
  const deploymentsState = useAsyncRetry(
    () => api.listModelDeployments(modelName),
    [api, modelName],
  );
  const model = modelState.value;
  const { allowed: canUpdate } = usePermission({
    permission: mlHomeProjectUpdatePermission,
    resourceRef: model?.project,
  });

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(searchParams);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    setSearchParams(next);
  };
  const versionParam = Number(searchParams.get('version'));
  const selected =
    Number.isInteger(versionParam) && versionParam > 0
      ? versionParam
      : model && defaultVersion(model);
  const metric = searchParams.get('metric') ?? SUGGESTED_MONITORING_METRICS[0];
  const selectedDeployment = searchParams.get('deployment') ?? undefined;

  const versionState = useAsyncRetry(
    async () =>
      selected ? api.getModelVersion(modelName, selected) : undefined,
    [api, modelName, selected, revision],
  );

  if (modelState.loading && !model) {
    return (
      <Page themeId="tool">
        <Header title={modelName} type={t('model.type')} />
        <Content>
          <Progress />
        </Content>
      </Page>
    );
  }
  if (modelState.error || !model) {
    const notFound =
      (modelState.error as { statusCode?: number } | undefined)?.statusCode ===
      404;
    return (
      <Page themeId="tool">
        <Header title={modelName} type={t('model.type')} />
        <Content>
          {notFound ? (
            <EmptyState
              missing="data"
              title={t('model.notFoundTitle', { name: modelName })}
              description={t('model.notFoundDescription')}
              action={
                <LinkButton
                  variant="contained"
                  color="primary"
                  to={rootLink?.() ?? '/'}
                >
                  {t('model.findProject')}
                </LinkButton>
              }
            />
          ) : (
            <LoadErrorPanel
              error={modelState.error ?? new Error('No model')}
              title={t('model.loadFailed')}
              onRetry={modelState.retry}
            />
          )}
        </Content>
      </Page>
    );
  }

  const versions = versionsState.value?.items ?? [];
  const pickable = [
    ...new Set([
      ...versions.map(v => v.version),
      ...model.aliases.map(a => a.version),
      ...(model.latestVersion ? [model.latestVersion] : []),
      ...(selected ? [selected] : []),
    ]),
  ].sort((a, b) => b - a);
  const deployments = deploymentsState.value?.items ?? [];

  return (
    <Page themeId="tool">
      <Header
        title={model.name}
        subtitle={model.description || undefined}
        type={t('model.type')}
        typeLink={links.project(model.project, 'models')}
      >
        <HeaderLabel
          label={t('model.project')}
          value={
            <Link
              to={links.project(model.project)}
              style={{ color: 'inherit' }}
            >
              {model.project}
            </Link>
          }
        />
        <HeaderLabel
          label={t('model.owner')}
          value={
            <EntityRefLink
              entityRef={model.owner}
              defaultKind="group"
              style={{ color: 'inherit' }}
            />
          }
        />
        <HeaderLabel
          label={t('model.latestVersion')}
          value={
            model.latestVersion
              ? t('model.version', { version: String(model.latestVersion) })
              : t('model.none')
          }
        />
      </Header>
      {/* The page is a grid: the tab bar takes the sub-header row, under the header. */}
      <Box
        px={3}
        borderBottom={1}
        borderColor="divider"
        style={{ gridArea: 'pageSubheader' }}
      >
        <Tabs
          value={tab}
          indicatorColor="primary"
          textColor="primary"
          aria-label={t('certification.tab.modelSections')}
        >
          <Tab
            value=""
            label={t('certification.tab.overview')}
            component={Link}
            to={links.model(model.name)}
            id="model-tab-overview"
            aria-controls="model-tabpanel"
          />
          <Tab
            value="certification"
            label={t('certification.tab.label')}
            component={Link}
            to={links.model(model.name, undefined, 'certification')}
            id="model-tab-certification"
            aria-controls="model-tabpanel"
          />
        </Tabs>
      </Box>
      <Content>
        <div
          role="tabpanel"
          id="model-tabpanel"
          aria-labelledby={`model-tab-${tab || 'overview'}`}
        >
          {tab === 'certification' ? (
            <ModelCertificationTab model={model} />
          ) : (
            <Grid container spacing={3}>
              <Grid item xs={12} lg={8}>
                {versionsState.error ? (
                  <LoadErrorPanel
                    error={versionsState.error}
                    title={t('model.versionsFailed')}
                    onRetry={versionsState.retry}
                  />
                ) : (
                  <VersionsCard
                    versions={versions}
                    totalCount={versionsState.value?.totalCount}
                    loading={versionsState.loading}
                    selected={selected}
                    onSelect={v => setParam('version', String(v))}
                    paging={{
                      pageIndex: pages.pageIndex,
                      pageSize: VERSIONS_PAGE_SIZE,
                      nextCursor: versionsState.value?.nextCursor,
                      onNext: pages.next,
                      onPrevious: pages.previous,
                    }}
                  />
                )}
              </Grid>
              <Grid item xs={12} lg={4}>
                <AliasesCard
                  model={model}
                  canMove={canUpdate}
                  onMove={alias => setMoving({ alias })}
                  revision={revision}
                />
              </Grid>
              <Grid item xs={12}>
                <InfoCard
                  title={t('model.lineage')}
                  subheader={t('model.lineageSubheader')}
                  action={
                    selected ? (
                      <Box mt={1} mr={1}>
                        <TextField
                          id="model-lineage-version"
                          select
                          label={t('model.lineageVersion')}
                          value={selected}
                          onChange={e => setParam('version', e.target.value)}
                          variant="outlined"
                          size="small"
                          style={{ minWidth: 120 }}
                        >
                          {pickable.map(v => (
                            <MenuItem key={v} value={v}>
                              {t('model.version', { version: String(v) })}
                            </MenuItem>
                          ))}
                        </TextField>
                      </Box>
                    ) : undefined
                  }
                >
                  {selected ? (
                    <LineageGraph
                      model={model.name}
                      version={selected}
                      onSelectDeployment={id => setParam('deployment', id)}
                    />
                  ) : (
                    <EmptyState
                      missing="info"
                      title={t('model.noVersionTitle')}
                      description={t('model.noVersionDescription')}
                    />
                  )}
                </InfoCard>
              </Grid>
              <Grid item xs={12}>
                <DeploymentsCard
                  deployments={deployments}
                  loading={deploymentsState.loading}
                  error={deploymentsState.error}
                  onRetry={deploymentsState.retry}
                  metric={metric}
                  onMetricChange={m => setParam('metric', m)}
                  selectedId={selectedDeployment}
                />
              </Grid>
              <Grid item xs={12}>
                <InfoCard
                  title={
                    selected
                      ? t('model.modelCardOf', { version: String(selected) })
                      : t('model.modelCard')
                  }
                >
                  {versionState.loading ? <Progress /> : null}
                  {versionState.error ? (
                    <LoadErrorPanel
                      error={versionState.error}
                      title={t('model.versionFailed', {
                        version: String(selected),
                      })}
                      onRetry={versionState.retry}
                    />
                  ) : null}
                  {versionState.value ? (
                    <ModelCardView
                      card={versionState.value.modelCard}
                      version={versionState.value.version}
                    />
                  ) : null}
                  {!selected ? t('model.registerToWrite') : null}
                </InfoCard>
              </Grid>
              <Grid item xs={12}>
                <InfoCard
                  title={
                    selected
                      ? t('model.evaluationsOf', { version: String(selected) })
                      : t('model.evaluations')
                  }
                  subheader={t('model.evaluationsSubheader')}
                >
                  <EvaluationsTable model={model.name} version={selected} />
                </InfoCard>
              </Grid>
              <Grid item xs={12} md={4}>
                <InfoCard title={t('model.tags')}>
                  <TagEditor
                    entityType="model"
                    entityId={model.id}
                    projectName={model.project}
                  />
                  {versionState.value ? (
                    <Box mt={2}>
                      <Typography variant="subtitle2" component="h3">
                        {t('model.tagsOf', {
                          version: String(versionState.value.version),
                        })}
                      </Typography>
                      <TagEditor
                        entityType="model-version"
                        entityId={versionState.value.id}
                        projectName={model.project}
                      />
                    </Box>
                  ) : null}
                </InfoCard>
              </Grid>
              <Grid item xs={12} md={8}>
                <InfoCard title={t('model.notes')}>
                  <NotesPanel
                    entityType="model"
                    entityId={model.id}
                    projectName={model.project}
                  />
                </InfoCard>
              </Grid>
            </Grid>
          )}
        </div>
        {moving ? (
          <MoveAliasDialog
            model={model}
            versions={pickable}
            initialAlias={moving.alias}
            initialVersion={selected}
            deployments={deployments}
            onClose={() => setMoving(undefined)}
            onMoved={() => {
              setMoving(undefined);
              setRevision(r => r + 1);
            }}
          />
        ) : null}
      </Content>
    </Page>
  );
};
