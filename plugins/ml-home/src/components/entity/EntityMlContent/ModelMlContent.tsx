import type { Entity } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  LinkButton,
  Progress,
} from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import Alert from '@material-ui/lab/Alert';
import type { EvaluationSummary, Model } from '@ml-home/plugin-ml-home-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../../api/mlHomeApiRef';
import { evaluationRouteRef } from '../../../routes';
import { mlHomeTranslationRef, type MlHomeT } from '../../../translation';
import { LoadErrorPanel } from '../../common/LoadErrorPanel';
import { useMlHomeLinks } from '../../common/links';
import { PagingControls, useCursorPages } from '../../common/paging';
import { AliasChips } from '../common/AliasChips';
import { OwnerTeam } from '../common/OwnerTeam';
import { isNotFound } from '../common/useModels';
import { useOwnerContacts } from '../common/useOwnerContacts';
import { modelNameOf } from '../entityPredicates';
import { RelativeTime } from '../../common/RelativeTime';
import { LevelBadge } from '../../Certification/LevelBadge';

const VERSIONS_PAGE_SIZE = 10;
const DEPLOYMENTS_PAGE_SIZE = 10;

/** Who owns the model, what it is, and the way to the full page in ML Home. */
function ModelSummaryCard(props: { model: Model }) {
  const { model } = props;
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const contacts = useOwnerContacts([model.owner]);
  return (
    <InfoCard
      title={t('entity.model.title')}
      titleTypographyProps={{ component: 'h2' }}
      deepLink={{
        title: t('entity.model.open'),
        link: links.model(model.name),
      }}
    >
      {model.description ? (
        <Typography variant="body1" paragraph>
          {model.description}
        </Typography>
      ) : null}
      <Box display="flex" flexWrap="wrap" style={{ gap: 24 }} mb={1}>
        <Typography variant="body2" component="div">
          {t('entity.model.project', {
            project: (
              <Link to={links.project(model.project)} underline="always">
                {model.project}
              </Link>
            ),
          })}
        </Typography>
        <Typography variant="body2" component="div">
          {model.latestVersion !== undefined
            ? t('entity.model.latestVersion', {
                version: String(model.latestVersion),
                count: model.versionCount,
              })
            : t('entity.model.noVersion')}
        </Typography>
        <Typography variant="body2" component="div">
          <Link
            to={links.model(model.name, undefined, 'certification')}
            underline="always"
          >
            <LevelBadge level={model.certificationLevel} size="small" />
          </Link>
        </Typography>
      </Box>
      <OwnerTeam
        owner={model.owner}
        contact={contacts.value?.get(model.owner)}
        contactsLoading={contacts.loading}
        contactsError={contacts.error}
        onRetryContacts={contacts.retry}
      />
      <Box mt={2}>
        <Typography variant="subtitle2" component="h3">
          {t('entity.model.aliases')}
        </Typography>
        <AliasChips
          model={model}
          label={t('entity.aliases.of', { name: model.name })}
        />
      </Box>
    </InfoCard>
  );
}

/** "Failing on 2 of 6 slices: country=BR, plan=family" (the first five slices named). */
function failingText(latest: EvaluationSummary, t: MlHomeT): string {
  const failing = latest.failingSlices.length;
  if (!failing) {
    return t('entity.model.failing', { failing, count: latest.sliceCount });
  }
  const slices = `${latest.failingSlices.slice(0, 5).join(', ')}${
    failing > 5 ? ', …' : ''
  }`;
  return t('entity.model.failingSlices', {
    failing,
    count: latest.sliceCount,
    slices,
  });
}

/** The newest offline evaluation of the model and its verdict, computed by ML Home. */
function LatestEvaluationCard(props: { model: Model }) {
  const { model } = props;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const evaluationLink = useRouteRef(evaluationRouteRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const state = useAsyncRetry(
    () => api.listEvaluations({ model: model.name, limit: 1 }),
    [api, model.name],
  );
  const latest: EvaluationSummary | undefined = state.value?.items[0];
  return (
    <InfoCard
      title={t('entity.model.latestEvaluation')}
      titleTypographyProps={{ component: 'h2' }}
    >
      {state.loading ? <Progress /> : null}
      {state.error ? (
        <LoadErrorPanel
          error={state.error}
          title={t('entity.model.evaluationsFailed')}
          onRetry={state.retry}
        />
      ) : null}
      {state.value && !latest ? (
        <Typography variant="body2" color="textSecondary">
          {t('entity.model.noEvaluation', { name: model.name })}
        </Typography>
      ) : null}
      {latest ? (
        <>
          <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={1}>
            {latest.pass ? (
              <CheckCircleIcon style={{ color: '#2e7d32' }} aria-hidden />
            ) : (
              <ErrorIcon color="error" aria-hidden />
            )}
            <Typography variant="h6" component="p">
              {latest.pass
                ? t('entity.model.passed')
                : t('entity.model.failed')}
            </Typography>
          </Box>
          <Typography variant="body2" paragraph>
            {t('entity.model.evaluationOf', {
              evaluation: evaluationLink ? (
                <Link
                  to={evaluationLink({ evaluationId: latest.id })}
                  underline="always"
                >
                  {latest.name}
                </Link>
              ) : (
                latest.name
              ),
              version: (
                <Link
                  to={links.model(model.name, latest.version)}
                  underline="always"
                >
                  {t('entity.model.version', {
                    version: String(latest.version),
                  })}
                </Link>
              ),
              dataset: `${latest.dataset.project}/${latest.dataset.name}`,
              when: <RelativeTime value={latest.createdAt} />,
            })}
          </Typography>
          <Typography variant="body2">
            {t('entity.model.verdict', {
              verdict: latest.pass
                ? t('entity.model.allHold', { count: latest.sliceCount })
                : failingText(latest, t),
              regressions:
                latest.baselineVersion !== undefined
                  ? t('entity.model.regressions', {
                      count: latest.regressions,
                      baseline: String(latest.baselineVersion),
                    })
                  : '',
            })}
          </Typography>
        </>
      ) : null}
    </InfoCard>
  );
}

/** The model's versions, newest first, with the aliases on each. */
function VersionsTable(props: { model: Model }) {
  const { model } = props;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const pages = useCursorPages(model.name);
  const state = useAsyncRetry(
    () =>
      api.listModelVersions(model.name, {
        limit: VERSIONS_PAGE_SIZE,
        cursor: pages.cursor,
      }),
    [api, model.name, pages.cursor],
  );
  const versions = state.value?.items ?? [];
  return (
    <InfoCard
      title={t('entity.model.versions')}
      titleTypographyProps={{ component: 'h2' }}
    >
      {state.loading ? <Progress /> : null}
      {state.error ? (
        <LoadErrorPanel
          error={state.error}
          title={t('entity.model.versionsFailed')}
          onRetry={state.retry}
        />
      ) : null}
      {state.value && !versions.length ? (
        <Typography variant="body2" color="textSecondary">
          {t('entity.model.noVersions')}
        </Typography>
      ) : null}
      {versions.length ? (
        <>
          <Table
            size="small"
            aria-label={t('entity.model.versionsOf', { name: model.name })}
          >
            <TableHead>
              <TableRow>
                <TableCell>{t('entity.model.versionColumn')}</TableCell>
                <TableCell>{t('entity.model.aliasesColumn')}</TableCell>
                <TableCell>{t('entity.model.frameworkColumn')}</TableCell>
                <TableCell>{t('entity.model.registeredColumn')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {versions.map(v => (
                <TableRow key={v.id}>
                  <TableCell>
                    <Link to={links.model(model.name, v.version)}>
                      {t('entity.model.version', {
                        version: String(v.version),
                      })}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <AliasChips
                      model={model}
                      version={v.version}
                      label={t('entity.aliases.ofVersion', {
                        name: model.name,
                        version: String(v.version),
                      })}
                    />
                  </TableCell>
                  <TableCell>{v.framework || '—'}</TableCell>
                  <TableCell>
                    <RelativeTime value={v.createdAt} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <PagingControls
            noun={t('entity.model.versionsNoun')}
            pageIndex={pages.pageIndex}
            pageSize={VERSIONS_PAGE_SIZE}
            shown={versions.length}
            totalCount={state.value?.totalCount}
            nextCursor={state.value?.nextCursor}
            onNext={pages.next}
            onPrevious={pages.previous}
          />
        </>
      ) : null}
    </InfoCard>
  );
}

/** Where the model runs now: its active deployments, with the serving services. */
function ActiveDeploymentsTable(props: { model: Model }) {
  const { model } = props;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const pages = useCursorPages(model.name);
  const state = useAsyncRetry(
    () =>
      api.listDeployments({
        model: model.name,
        status: 'active',
        limit: DEPLOYMENTS_PAGE_SIZE,
        cursor: pages.cursor,
      }),
    [api, model.name, pages.cursor],
  );
  const deployments = state.value?.items ?? [];
  return (
    <InfoCard
      title={t('entity.model.activeDeployments')}
      titleTypographyProps={{ component: 'h2' }}
    >
      {state.loading ? <Progress /> : null}
      {state.error ? (
        <LoadErrorPanel
          error={state.error}
          title={t('entity.model.deploymentsFailed')}
          onRetry={state.retry}
        />
      ) : null}
      {state.value && !deployments.length ? (
        <Typography variant="body2" color="textSecondary">
          {t('entity.model.noDeployments', { name: model.name })}
        </Typography>
      ) : null}
      {deployments.length ? (
        <>
          <Table
            size="small"
            aria-label={t('entity.model.deploymentsOf', { name: model.name })}
          >
            <TableHead>
              <TableRow>
                <TableCell>{t('entity.model.environmentColumn')}</TableCell>
                <TableCell>{t('entity.model.versionColumn')}</TableCell>
                <TableCell>{t('entity.model.serviceColumn')}</TableCell>
                <TableCell>{t('entity.model.endpointColumn')}</TableCell>
                <TableCell>{t('entity.model.deployedColumn')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {deployments.map(d => (
                <TableRow key={d.id}>
                  <TableCell>{d.environment}</TableCell>
                  <TableCell>
                    <Link to={links.model(model.name, d.version)}>
                      {t('entity.model.version', {
                        version: String(d.version),
                      })}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <EntityRefLink
                      entityRef={d.service}
                      defaultKind="component"
                    />
                  </TableCell>
                  <TableCell>
                    {d.endpoint ? <code>{d.endpoint}</code> : '—'}
                  </TableCell>
                  <TableCell>
                    <RelativeTime value={d.deployedAt} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <PagingControls
            noun={t('entity.model.deploymentsNoun')}
            pageIndex={pages.pageIndex}
            pageSize={DEPLOYMENTS_PAGE_SIZE}
            shown={deployments.length}
            totalCount={state.value?.totalCount}
            nextCursor={state.value?.nextCursor}
            onNext={pages.next}
            onPrevious={pages.previous}
          />
        </>
      ) : null}
    </InfoCard>
  );
}

/**
 * The ML tab of an ml-model Resource: the ML Home model page inside the catalog — who owns it,
 * its versions with aliases, where it is deployed, its latest evaluation's verdict, and the way
 * to the full page.
 */
export function ModelMlContent(props: { entity: Entity }) {
  const { entity } = props;
  const name = modelNameOf(entity);
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const state = useAsyncRetry(async () => {
    try {
      return await api.getModel(name);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }, [api, name]);

  if (state.loading) return <Progress />;
  if (state.error) {
    return (
      <LoadErrorPanel
        error={state.error}
        title={t('entity.model.loadFailed', { name })}
        onRetry={state.retry}
      />
    );
  }
  const model = state.value;
  if (!model) {
    return (
      <Alert severity="warning">{t('entity.model.unknown', { name })}</Alert>
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        <ModelSummaryCard model={model} />
      </Grid>
      <Grid item xs={12} md={5}>
        <LatestEvaluationCard model={model} />
      </Grid>
      <Grid item xs={12}>
        <ActiveDeploymentsTable model={model} />
      </Grid>
      <Grid item xs={12}>
        <VersionsTable model={model} />
      </Grid>
      <Grid item xs={12}>
        <LinkButton
          to={links.model(model.name)}
          variant="outlined"
          color="primary"
        >
          {t('entity.model.more')}
        </LinkButton>
      </Grid>
    </Grid>
  );
}
