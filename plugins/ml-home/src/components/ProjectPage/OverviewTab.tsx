import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import type { Project } from '@ml-home/plugin-ml-home-common';
import { useRouteRef, useTranslationRef } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../../routes';
import { mlHomeTranslationRef } from '../../translation';
import { SafeMarkdown } from '../common/SafeMarkdown';
import { ActivityFeed } from './ActivityFeed';
import { KeyModels } from './KeyModels';
import { OwnerCard } from './OwnerCard';

/** What the project is, who owns it, its key models and what happened lately. */
export function OverviewTab(props: { project: Project }) {
  const { project } = props;
  const rootLink = useRouteRef(rootRouteRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={8}>
        <InfoCard title={t('project.overview.about')}>
          {project.description.trim() ? (
            <SafeMarkdown content={project.description} />
          ) : (
            <Typography variant="body2" color="textSecondary">
              {t('project.overview.noDescription')}
            </Typography>
          )}
          <Box mt={2} display="flex" flexWrap="wrap" style={{ gap: 24 }}>
            {project.counts ? (
              <Typography variant="body2">
                {t('project.overview.experimentCount', {
                  count: project.counts.experiments,
                })}{' '}
                ·{' '}
                {t('project.overview.runCount', {
                  count: project.counts.runs,
                })}
              </Typography>
            ) : null}
            {project.tags.length ? (
              <Box
                display="flex"
                flexWrap="wrap"
                style={{ gap: 4 }}
                aria-label={t('project.overview.tags')}
              >
                {project.tags.map(tag => (
                  <Link
                    key={tag}
                    to={`${rootLink?.() ?? ''}?tag=${encodeURIComponent(tag)}`}
                  >
                    <Chip
                      label={tag}
                      size="small"
                      style={{ cursor: 'pointer' }}
                    />
                  </Link>
                ))}
              </Box>
            ) : null}
          </Box>
        </InfoCard>
        <Box mt={3}>
          <KeyModels projectName={project.name} />
        </Box>
        <Box mt={3}>
          <ActivityFeed projectName={project.name} />
        </Box>
      </Grid>
      <Grid item xs={12} md={4}>
        <OwnerCard owner={project.owner} />
        <Box mt={3}>
          <InfoCard title={t('project.overview.related')}>
            {project.relatedEntities.length ? (
              <List dense aria-label={t('project.overview.relatedList')}>
                {project.relatedEntities.map(ref => (
                  <ListItem key={ref}>
                    <EntityRefLink entityRef={ref} />
                  </ListItem>
                ))}
              </List>
            ) : (
              <Typography variant="body2" color="textSecondary">
                {t('project.overview.noRelated')}
              </Typography>
            )}
          </InfoCard>
        </Box>
        <Box mt={3}>
          <InfoCard title={t('project.overview.links')}>
            {project.links.length ? (
              <List dense aria-label={t('project.overview.linksList')}>
                {project.links.map(l => (
                  <ListItem key={l.url}>
                    <Link to={l.url}>{l.title || l.url}</Link>
                  </ListItem>
                ))}
              </List>
            ) : (
              <Typography variant="body2" color="textSecondary">
                {t('project.overview.noLinks')}
              </Typography>
            )}
          </InfoCard>
        </Box>
      </Grid>
    </Grid>
  );
}
