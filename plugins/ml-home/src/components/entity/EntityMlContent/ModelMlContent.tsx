import type { Entity } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  LinkButton,
  Progress,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
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
import { LoadErrorPanel } from '../../common/LoadErrorPanel';
import { useMlHomeLinks } from '../../common/links';
import { PagingControls, useCursorPages } from '../../common/paging';
import { AliasChips } from '../common/AliasChips';
import { OwnerTeam } from '../common/OwnerTeam';
import { isNotFound } from '../common/useModels';
import { useOwnerContacts } from '../common/useOwnerContacts';
import { modelNameOf } from '../entityPredicates';
import { RelativeTime } from '../../common/RelativeTime';

const VERSIONS_PAGE_SIZE = 10;
const DEPLOYMENTS_PAGE_SIZE = 10;

/** Who owns the model, what it is, and the way to the full page in ML Home. */
function ModelSummaryCard(props: { model: Model }) {
  const { model } = props;
  const links = useMlHomeLinks();
  const contacts = useOwnerContacts([model.owner]);
  return (
    <InfoCard
      title="ML Home model"
      titleTypographyProps={{ component: 'h2' }}
      deepLink={{
        title: 'Open the full model page in ML Home',
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
          Project:{' '}
          <Link to={links.project(model.project)} underline="always">
            {model.project}
          </Link>
        </Typography>
        <Typography variant="body2" component="div">
          {model.latestVersion !== undefined
            ? `Latest version: v${model.latestVersion} of ${model.versionCount}`
            : 'No version registered yet'}
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
          Aliases
        </Typography>
        <AliasChips model={model} label={`Aliases of ${model.name}`} />
      </Box>
    </InfoCard>
  );
}

/** The newest offline evaluation of the model and its verdict, computed by ML Home. */
function LatestEvaluationCard(props: { model: Model }) {
  const { model } = props;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const evaluationLink = useRouteRef(evaluationRouteRef);
  const state = useAsyncRetry(
    () => api.listEvaluations({ model: model.name, limit: 1 }),
    [api, model.name],
  );
  const latest: EvaluationSummary | undefined = state.value?.items[0];
  return (
    <InfoCard
      title="Latest evaluation"
      titleTypographyProps={{ component: 'h2' }}
    >
      {state.loading ? <Progress /> : null}
      {state.error ? (
        <LoadErrorPanel
          error={state.error}
          title="The evaluations could not be loaded from ML Home"
          onRetry={state.retry}
        />
      ) : null}
      {state.value && !latest ? (
        <Typography variant="body2" color="textSecondary">
          No evaluation is recorded for this model. Record one for a version
          (POST /api/ml-home/models/{model.name}
          /versions/&lt;version&gt;/evaluations) to see here whether it passes
          its thresholds.
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
              {latest.pass ? 'Passed' : 'Failed'}
            </Typography>
          </Box>
          <Typography variant="body2" paragraph>
            {evaluationLink ? (
              <Link
                to={evaluationLink({ evaluationId: latest.id })}
                underline="always"
              >
                {latest.name}
              </Link>
            ) : (
              latest.name
            )}{' '}
            of{' '}
            <Link
              to={links.model(model.name, latest.version)}
              underline="always"
            >
              v{latest.version}
            </Link>{' '}
            on {latest.dataset.project}/{latest.dataset.name},{' '}
            <RelativeTime value={latest.createdAt} />.
          </Typography>
          <Typography variant="body2">
            {latest.pass
              ? `Every threshold holds on all ${latest.sliceCount} slices`
              : `Failing on ${latest.failingSlices.length} of ${latest.sliceCount} slices${
                  latest.failingSlices.length
                    ? `: ${latest.failingSlices.slice(0, 5).join(', ')}${
                        latest.failingSlices.length > 5 ? ', …' : ''
                      }`
                    : ''
                }`}
            {latest.baselineVersion !== undefined
              ? `; ${latest.regressions} regression${
                  latest.regressions === 1 ? '' : 's'
                } against v${latest.baselineVersion}`
              : ''}
            .
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
    <InfoCard title="Versions" titleTypographyProps={{ component: 'h2' }}>
      {state.loading ? <Progress /> : null}
      {state.error ? (
        <LoadErrorPanel
          error={state.error}
          title="The versions could not be loaded from ML Home"
          onRetry={state.retry}
        />
      ) : null}
      {state.value && !versions.length ? (
        <Typography variant="body2" color="textSecondary">
          No version is registered yet. Register one from a training run with
          the models API or an MLflow client.
        </Typography>
      ) : null}
      {versions.length ? (
        <>
          <Table size="small" aria-label={`Versions of ${model.name}`}>
            <TableHead>
              <TableRow>
                <TableCell>Version</TableCell>
                <TableCell>Aliases</TableCell>
                <TableCell>Framework</TableCell>
                <TableCell>Registered</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {versions.map(v => (
                <TableRow key={v.id}>
                  <TableCell>
                    <Link to={links.model(model.name, v.version)}>
                      v{v.version}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <AliasChips
                      model={model}
                      version={v.version}
                      label={`Aliases of ${model.name} v${v.version}`}
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
            noun="versions"
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
      title="Active deployments"
      titleTypographyProps={{ component: 'h2' }}
    >
      {state.loading ? <Progress /> : null}
      {state.error ? (
        <LoadErrorPanel
          error={state.error}
          title="The deployments could not be loaded from ML Home"
          onRetry={state.retry}
        />
      ) : null}
      {state.value && !deployments.length ? (
        <Typography variant="body2" color="textSecondary">
          No service serves this model now. Record a deployment when one does
          (POST /api/ml-home/models/{model.name}/deployments with the service's
          catalog ref); the service then lists the model on its ML tab.
        </Typography>
      ) : null}
      {deployments.length ? (
        <>
          <Table
            size="small"
            aria-label={`Active deployments of ${model.name}`}
          >
            <TableHead>
              <TableRow>
                <TableCell>Environment</TableCell>
                <TableCell>Version</TableCell>
                <TableCell>Service</TableCell>
                <TableCell>Endpoint</TableCell>
                <TableCell>Deployed</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {deployments.map(d => (
                <TableRow key={d.id}>
                  <TableCell>{d.environment}</TableCell>
                  <TableCell>
                    <Link to={links.model(model.name, d.version)}>
                      v{d.version}
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
            noun="deployments"
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
        title={`The model ${name} could not be loaded from ML Home`}
        onRetry={state.retry}
      />
    );
  }
  const model = state.value;
  if (!model) {
    return (
      <Alert severity="warning">
        ML Home has no model named “{name}” (or you may not read its project).
        It may have been deleted; the catalog drops this entity at its next
        refresh.
      </Alert>
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
          Lineage, monitoring and model card in ML Home
        </LinkButton>
      </Grid>
    </Grid>
  );
}
