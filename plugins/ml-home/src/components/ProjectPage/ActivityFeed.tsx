import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { ProjectEvent } from '@ml-home/plugin-ml-home-common';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import { useLoadMore } from '../../hooks/useLoadMore';
import { ActorLink } from '../common/CatalogRefLink';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { useRelativeTime } from '../common/RelativeTime';

const PAGE_SIZE = 15;

/** The project's activity, newest first, with "show older". */
export function ActivityFeed(props: { projectName: string }) {
  const { projectName } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const relativeTime = useRelativeTime();
  const feed = useLoadMore<ProjectEvent>(
    cursor => api.listProjectEvents(projectName, { limit: PAGE_SIZE, cursor }),
    [api, projectName],
  );
  return (
    <InfoCard title={t('project.activity.title')}>
      {feed.items.length === 0 && !feed.loading && !feed.error ? (
        <Typography variant="body2" color="textSecondary">
          {t('project.activity.none')}
        </Typography>
      ) : null}
      <List dense aria-label={t('project.activity.list')}>
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
                    {relativeTime(event.createdAt)}
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
          title={t('project.activity.loadFailed')}
          onRetry={feed.retry}
        />
      ) : null}
      {feed.hasMore && !feed.loading && !feed.error ? (
        <Button size="small" onClick={feed.loadMore}>
          {t('project.activity.showOlder')}
        </Button>
      ) : null}
    </InfoCard>
  );
}
