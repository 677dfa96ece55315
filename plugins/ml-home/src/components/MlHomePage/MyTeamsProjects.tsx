import { Link } from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { projectRouteRef } from '../../routes';
import { mlHomeTranslationRef } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { useRelativeTime } from '../common/RelativeTime';
import { shortEntityRef } from '../common/format';

const SHOWN = 6;

/**
 * The signed-in user's teams' projects, most recently active first, as cards above the full
 * list. Renders nothing for a user who belongs to no group.
 */
export function MyTeamsProjects(props: {
  groups: string[];
  onShowAll: () => void;
  onCreate?: () => void;
}) {
  const { groups, onShowAll, onCreate } = props;
  const api = useApi(mlHomeApiRef);
  const projectLink = useRouteRef(projectRouteRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const relativeTime = useRelativeTime();
  const state = useAsyncRetry(
    async () =>
      groups.length
        ? api.listProjects({
            owner: groups,
            orderBy: 'lastActivityAt',
            order: 'desc',
            limit: SHOWN,
          })
        : undefined,
    [api, groups.join(',')],
  );
  if (!groups.length) {
    return null;
  }
  const teams = groups.map(shortEntityRef).join(', ');
  return (
    <Box component="section" mb={3} aria-labelledby="my-teams-projects">
      <Box display="flex" alignItems="baseline" style={{ gap: 16 }} mb={1}>
        <Typography variant="h5" component="h2" id="my-teams-projects">
          {t('discover.myTeams.title')}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {teams}
        </Typography>
        {state.value && state.value.totalCount > SHOWN ? (
          <Button size="small" color="primary" onClick={onShowAll}>
            {t('discover.myTeams.showAll', { count: state.value.totalCount })}
          </Button>
        ) : null}
      </Box>
      {state.error ? (
        <LoadErrorPanel
          error={state.error}
          title={t('discover.myTeams.loadFailed')}
          onRetry={state.retry}
        />
      ) : null}
      {state.value && state.value.items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('discover.myTeams.none')}{' '}
          {onCreate ? (
            <Button size="small" color="primary" onClick={onCreate}>
              {t('discover.myTeams.createOne')}
            </Button>
          ) : null}
        </Typography>
      ) : null}
      <Grid container spacing={2}>
        {(state.value?.items ?? []).map(p => (
          <Grid item xs={12} sm={6} md={4} key={p.name}>
            <Card variant="outlined" style={{ height: '100%' }}>
              <CardContent>
                <Typography variant="h6" component="h3">
                  <Link to={projectLink?.({ projectName: p.name }) ?? '#'}>
                    {p.title}
                  </Link>
                </Typography>
                <Typography variant="body2" color="textSecondary">
                  {t('discover.myTeams.summary', {
                    owner: shortEntityRef(p.owner),
                    lifecycle: t(`lifecycle.${p.lifecycle}`),
                    when: relativeTime(p.lastActivityAt),
                  })}
                </Typography>
                <Box mt={1}>
                  {p.tags.slice(0, 4).map(tag => (
                    <Chip
                      key={tag}
                      label={tag}
                      size="small"
                      style={{ marginRight: 4 }}
                    />
                  ))}
                </Box>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}
