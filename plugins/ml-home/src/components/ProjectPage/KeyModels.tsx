import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { Model } from '@ml-home/plugin-ml-home-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { useMlHomeLinks } from '../common/links';

const SHOWN = 6;

/** Aliases of a model as chips: `production → v3`, each linking to that version. */
export function AliasChips(props: { model: Model }) {
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const { model } = props;
  return (
    <Box display="inline-flex" flexWrap="wrap" style={{ gap: 4 }}>
      {model.aliases.map(a => (
        <Link key={a.alias} to={links.model(model.name, a.version)}>
          <Chip
            size="small"
            color={
              a.alias === 'production' || a.alias === 'champion'
                ? 'primary'
                : 'default'
            }
            label={t('project.keyModels.alias', {
              alias: a.alias,
              version: String(a.version),
            })}
            style={{ cursor: 'pointer' }}
          />
        </Link>
      ))}
    </Box>
  );
}

/** The project's models with their aliases; models that carry aliases first. */
export function KeyModels(props: { projectName: string }) {
  const { projectName } = props;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const state = useAsyncRetry(
    () => api.listModels(projectName, { limit: 50 }),
    [api, projectName],
  );
  const models = [...(state.value?.items ?? [])]
    .sort((a, b) => b.aliases.length - a.aliases.length)
    .slice(0, SHOWN);
  return (
    <InfoCard
      title={t('project.keyModels.title')}
      deepLink={
        state.value && state.value.totalCount > SHOWN
          ? {
              title: t('project.keyModels.all', {
                count: state.value.totalCount,
              }),
              link: links.project(projectName, 'models'),
            }
          : undefined
      }
    >
      {state.loading ? <Progress /> : null}
      {state.error ? (
        <LoadErrorPanel
          error={state.error}
          title={t('project.keyModels.loadFailed')}
          onRetry={state.retry}
        />
      ) : null}
      {state.value && state.value.items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('project.keyModels.none')}
        </Typography>
      ) : null}
      <List dense aria-label={t('project.keyModels.title')}>
        {models.map(m => (
          <ListItem key={m.name} divider>
            <ListItemText
              primary={<Link to={links.model(m.name)}>{m.name}</Link>}
              secondary={
                <>
                  {m.latestVersion
                    ? t('project.keyModels.latest', {
                        version: String(m.latestVersion),
                      })
                    : ''}
                  {t('project.keyModels.versionCount', {
                    count: m.versionCount,
                  })}{' '}
                  {m.aliases.length ? <AliasChips model={m} /> : null}
                </>
              }
              secondaryTypographyProps={{ component: 'div' }}
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
