import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { ProjectEvent } from '@ml-home/plugin-ml-home-common';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { useLoadMore } from '../../hooks/useLoadMore';
import { ActorLink } from '../common/CatalogRefLink';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { formatRelativeTime } from '../common/format';

const PAGE_SIZE = 15;

/** The project's activity, newest first, with "show older". */
export function ActivityFeed(props: { projectName: string }) {
  const { projectName } = props;
  const api = useApi(mlHomeApiRef);
  const feed = useLoadMore<ProjectEvent>(
    cursor => api.listProjectEvents(projectName, { limit: PAGE_SIZE, cursor }),
    [api, projectName],
  );
  return (
    <InfoCard title="Activity">
      {feed.items.length === 0 && !feed.loading && !feed.error ? (
        <Typography variant="body2" color="textSecondary">
          Nothing has happened here yet. Log a run or register a model and it
          shows up here.
        </Typography>
      ) : null}
      <List dense aria-label="Project activity">
        {feed.items.map(event => (
          <ListItem key={event.id} divider>
            <ListItemText
              primary={event.summary}
              secondary={
                <>
                  <ActorLink actor={event.actor} /> ·{' '}
                  <time
                    dateTime={event.createdAt}
                    title={new Date(event.createdAt).toLocaleString()}
                  >
                    {formatRelativeTime(event.createdAt)}
                  </time>
                </>
              }
              secondaryTypographyProps={{ component: 'div' }}
            />
          </ListItem>
        ))}
      </List>
      {feed.loading ? <Progress /> : null}
      {feed.error ? (
        <LoadErrorPanel
          error={feed.error}
          title="The activity could not be loaded"
          onRetry={feed.retry}
        />
      ) : null}
      {feed.hasMore && !feed.loading && !feed.error ? (
        <Button size="small" onClick={feed.loadMore}>
          Show older activity
        </Button>
      ) : null}
    </InfoCard>
  );
}
