import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { Model } from '@ml-home/plugin-ml-home-common';
import { useState } from 'react';
import { mlHomeTranslationRef } from '../../../translation';
import { LoadErrorPanel } from '../../common/LoadErrorPanel';
import { useMlHomeLinks } from '../../common/links';
import { PagingControls } from '../../common/paging';
import { AliasChips } from '../common/AliasChips';
import { LinkModelsHelp } from '../common/LinkModelsHelp';
import { OwnerTeam } from '../common/OwnerTeam';
import { useModels } from '../common/useModels';
import {
  type OwnerContact,
  useOwnerContacts,
} from '../common/useOwnerContacts';
import { type ServedModel, useServedModels } from '../common/useServedModels';
import { ML_HOME_MODELS_ANNOTATION } from '../entityPredicates';
import { RelativeTime } from '../../common/RelativeTime';
import { LevelBadge } from '../../Certification/LevelBadge';

/** Models shown per page; each reads its model from ML Home. */
const PAGE_SIZE = 10;

function Endpoint(props: { endpoint: string }) {
  const { endpoint } = props;
  if (!endpoint) return <>—</>;
  return /^https?:\/\//.test(endpoint) ? (
    <Link to={endpoint}>{endpoint}</Link>
  ) : (
    <code>{endpoint}</code>
  );
}

/** One model the service uses: what it serves per environment, the aliases, and its owners. */
function ServedModelCard(props: {
  served: ServedModel;
  model: Model | null | undefined;
  contact?: OwnerContact;
  contacts: { loading: boolean; error?: Error; retry: () => void };
}) {
  const { served, model, contact, contacts } = props;
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const { name, deployments } = served;
  return (
    <section aria-label={t('entity.service.model', { name })}>
      <InfoCard
        title={name}
        titleTypographyProps={{ component: 'h2' }}
        subheader={model?.description || undefined}
        deepLink={
          model
            ? {
                title: t('entity.service.open', { name }),
                link: links.model(name),
              }
            : undefined
        }
      >
        {model === null ? (
          <Alert severity="warning">
            {t('entity.service.unknownModel', { name })}
            {served.declared
              ? t('entity.service.checkSpelling', {
                  annotation: ML_HOME_MODELS_ANNOTATION,
                })
              : t('entity.service.deletedSince')}
          </Alert>
        ) : null}
        {model ? (
          <>
            <Box display="flex" flexWrap="wrap" style={{ gap: 24 }} mb={1}>
              <Typography variant="body2" component="div">
                {t('entity.service.project', {
                  project: (
                    <Link to={links.project(model.project)} underline="always">
                      {model.project}
                    </Link>
                  ),
                })}
              </Typography>
              <Typography variant="body2" component="div">
                {model.latestVersion !== undefined
                  ? t('entity.service.latestVersion', {
                      version: (
                        <Link
                          to={links.model(name, model.latestVersion)}
                          underline="always"
                        >
                          {t('entity.service.version', {
                            version: String(model.latestVersion),
                          })}
                        </Link>
                      ),
                      count: model.versionCount,
                    })
                  : t('entity.service.noVersion')}
              </Typography>
              <Typography variant="body2" component="div">
                <Link
                  to={links.model(name, undefined, 'certification')}
                  underline="always"
                >
                  <LevelBadge level={model.certificationLevel} size="small" />
                </Link>
              </Typography>
            </Box>
            <OwnerTeam
              owner={model.owner}
              contact={contact}
              contactsLoading={contacts.loading}
              contactsError={contacts.error}
              onRetryContacts={contacts.retry}
            />
            <Box mt={2}>
              <Typography variant="subtitle2" component="h3">
                {t('entity.service.servedBy')}
              </Typography>
              {deployments.length ? (
                <Table
                  size="small"
                  aria-label={t('entity.service.deploymentsOf', { name })}
                >
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('entity.service.environment')}</TableCell>
                      <TableCell>{t('entity.service.versionColumn')}</TableCell>
                      <TableCell>{t('entity.service.aliasesColumn')}</TableCell>
                      <TableCell>{t('entity.service.endpoint')}</TableCell>
                      <TableCell>{t('entity.service.deployed')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {deployments.map(d => (
                      <TableRow key={d.id}>
                        <TableCell>{d.environment}</TableCell>
                        <TableCell>
                          <Link to={links.model(name, d.version)}>
                            {t('entity.service.version', {
                              version: String(d.version),
                            })}
                          </Link>
                        </TableCell>
                        <TableCell>
                          <AliasChips
                            model={model}
                            version={d.version}
                            label={t('entity.aliases.ofVersion', {
                              name,
                              version: String(d.version),
                            })}
                          />
                        </TableCell>
                        <TableCell>
                          <Endpoint endpoint={d.endpoint} />
                        </TableCell>
                        <TableCell>
                          <RelativeTime value={d.deployedAt} />
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              ) : (
                <Typography variant="body2" color="textSecondary">
                  {t('entity.service.namedOnly', {
                    annotation: ML_HOME_MODELS_ANNOTATION,
                    name,
                  })}
                </Typography>
              )}
            </Box>
            <Box mt={2}>
              <Typography variant="subtitle2" component="h3">
                {t('entity.service.allAliases')}
              </Typography>
              <AliasChips
                model={model}
                label={t('entity.aliases.of', { name })}
              />
            </Box>
          </>
        ) : null}
      </InfoCard>
    </section>
  );
}

/**
 * The ML tab of a component: the models it serves (its active deployments in ML Home) and the
 * ones its `ml-home.io/models` annotation names, each with the version and aliases per
 * environment, the owner team and how to reach it, and links into ML Home.
 */
export function ServiceMlContent(props: { entity: Entity }) {
  const { entity } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const served = useServedModels(entity);
  const [page, setPage] = useState(0);
  const all = served.value ?? [];
  const lastPage = Math.max(0, Math.ceil(all.length / PAGE_SIZE) - 1);
  const pageIndex = Math.min(page, lastPage);
  const shown = all.slice(pageIndex * PAGE_SIZE, (pageIndex + 1) * PAGE_SIZE);
  const models = useModels(shown.map(s => s.name));
  const owners = [...(models.value?.values() ?? [])].flatMap(m =>
    m ? [m.owner] : [],
  );
  const contacts = useOwnerContacts(owners);

  if (served.loading) {
    return <Progress />;
  }
  if (served.error) {
    return (
      <LoadErrorPanel
        error={served.error}
        title={t('entity.service.loadFailed')}
        onRetry={served.retry}
      />
    );
  }
  const invalid = served.invalidNames.length ? (
    <Alert severity="warning">
      {t('entity.service.invalidNames', {
        annotation: ML_HOME_MODELS_ANNOTATION,
        names: served.invalidNames.join(', '),
      })}
    </Alert>
  ) : null;
  if (!all.length) {
    return (
      <>
        {invalid}
        <EmptyState
          missing="field"
          title={t('entity.service.noneTitle')}
          description={t('entity.service.noneDescription', {
            service: served.service,
            annotation: ML_HOME_MODELS_ANNOTATION,
          })}
          action={<LinkModelsHelp service={served.service} />}
        />
      </>
    );
  }
  const deployed = all.filter(s => s.deployments.length > 0).length;
  const declaredOnly = all.length - deployed;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {invalid}
        <Typography variant="body1">
          {declaredOnly
            ? t('entity.service.summaryWithNamed', {
                count: all.length,
                deployed,
                named: declaredOnly,
                annotation: ML_HOME_MODELS_ANNOTATION,
              })
            : t('entity.service.summary', { count: all.length, deployed })}
        </Typography>
      </Grid>
      {models.loading ? (
        <Grid item xs={12}>
          <Progress />
        </Grid>
      ) : null}
      {models.error ? (
        <Grid item xs={12}>
          <LoadErrorPanel
            error={models.error}
            title={t('entity.service.modelsLoadFailed')}
            onRetry={models.retry}
          />
        </Grid>
      ) : null}
      {models.value
        ? shown.map(s => {
            const model = models.value?.get(s.name);
            return (
              <Grid item xs={12} key={s.name}>
                <ServedModelCard
                  served={s}
                  model={model}
                  contact={model ? contacts.value?.get(model.owner) : undefined}
                  contacts={contacts}
                />
              </Grid>
            );
          })
        : null}
      {all.length > PAGE_SIZE ? (
        <Grid item xs={12}>
          <PagingControls
            noun={t('entity.service.pagingNoun')}
            pageIndex={pageIndex}
            pageSize={PAGE_SIZE}
            shown={shown.length}
            totalCount={all.length}
            nextCursor={
              pageIndex < lastPage ? String(pageIndex + 1) : undefined
            }
            onNext={() => setPage(pageIndex + 1)}
            onPrevious={() => setPage(Math.max(0, pageIndex - 1))}
          />
        </Grid>
      ) : null}
    </Grid>
  );
}
