import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import type { Project } from '@ml-home/plugin-ml-home-common';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../../routes';
import { SafeMarkdown } from '../common/SafeMarkdown';
import { ActivityFeed } from './ActivityFeed';
import { KeyModels } from './KeyModels';
import { OwnerCard } from './OwnerCard';

/** What the project is, who owns it, its key models and what happened lately. */
export function OverviewTab(props: { project: Project }) {
  const { project } = props;
  const rootLink = useRouteRef(rootRouteRef);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={8}>
        <InfoCard title="About">
          {project.description.trim() ? (
            <SafeMarkdown content={project.description} />
          ) : (
            <Typography variant="body2" color="textSecondary">
              No description yet. A good one says what the project predicts, for
              whom, from which data, and how to contribute.
            </Typography>
          )}
          <Box mt={2} display="flex" flexWrap="wrap" style={{ gap: 24 }}>
            {project.counts ? (
              <Typography variant="body2">
                {project.counts.experiments.toLocaleString()} experiments ·{' '}
                {project.counts.runs.toLocaleString()} runs
              </Typography>
            ) : null}
            {project.tags.length ? (
              <Box
                display="flex"
                flexWrap="wrap"
                style={{ gap: 4 }}
                aria-label="Tags"
              >
                {project.tags.map(t => (
                  <Link
                    key={t}
                    to={`${rootLink?.() ?? ''}?tag=${encodeURIComponent(t)}`}
                  >
                    <Chip
                      label={t}
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
          <InfoCard title="Related services and systems">
            {project.relatedEntities.length ? (
              <List dense aria-label="Related catalog entities">
                {project.relatedEntities.map(ref => (
                  <ListItem key={ref}>
                    <EntityRefLink entityRef={ref} />
                  </ListItem>
                ))}
              </List>
            ) : (
              <Typography variant="body2" color="textSecondary">
                No related services. Add the systems and components this project
                feeds to the project's related entities.
              </Typography>
            )}
          </InfoCard>
        </Box>
        <Box mt={3}>
          <InfoCard title="Links">
            {project.links.length ? (
              <List dense aria-label="Project links">
                {project.links.map(l => (
                  <ListItem key={l.url}>
                    <Link to={l.url}>{l.title || l.url}</Link>
                  </ListItem>
                ))}
              </List>
            ) : (
              <Typography variant="body2" color="textSecondary">
                No links yet: dashboards, docs and repositories belong here.
              </Typography>
            )}
          </InfoCard>
        </Box>
      </Grid>
    </Grid>
  );
}
