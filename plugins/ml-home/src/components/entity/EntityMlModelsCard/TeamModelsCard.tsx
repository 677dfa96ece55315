import type { Entity } from '@backstage/catalog-model';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../../api/mlHomeApiRef';
import { LoadErrorPanel } from '../../common/LoadErrorPanel';
import { useMlHomeLinks } from '../../common/links';
import { PagingControls, useCursorPages } from '../../common/paging';
import { AliasChips } from '../common/AliasChips';
import { entityRefOf } from '../entityPredicates';

const PAGE_SIZE = 5;

/** The "ML models" card of a group: the models the team owns (its own or through its projects). */
export function TeamModelsCard(props: { entity: Entity }) {
  const { entity } = props;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const owner = entityRefOf(entity);
  const pages = useCursorPages(owner);
  const state = useAsyncRetry(
    () => api.searchModels({ owner, limit: PAGE_SIZE, cursor: pages.cursor }),
    [api, owner, pages.cursor],
  );
  const models = state.value?.items ?? [];
  return (
    <InfoCard
      title="ML models"
      titleTypographyProps={{ component: 'h2' }}
      subheader={
        state.value ? `${state.value.totalCount} owned by this team` : undefined
      }
    >
      {state.loading ? <Progress /> : null}
      {state.error ? (
        <LoadErrorPanel
          error={state.error}
          title="The team's models could not be loaded from ML Home"
          onRetry={state.retry}
        />
      ) : null}
      {state.value && !models.length ? (
        <Typography variant="body2" color="textSecondary">
          This team owns no ML model in ML Home. A model belongs to the team
          that owns its project: create a project owned by this team in ML Home,
          or set this team as a model's owner.
        </Typography>
      ) : null}
      {models.length ? (
        <>
          <List dense aria-label="ML models owned by this team">
            {models.map(m => (
              <ListItem key={m.id} divider>
                <ListItemText
                  primary={<Link to={links.model(m.name)}>{m.name}</Link>}
                  secondaryTypographyProps={{ component: 'div' }}
                  secondary={
                    <>
                      <Typography variant="body2" component="div">
                        Project:{' '}
                        <Link to={links.project(m.project)}>{m.project}</Link>
                        {' · '}
                        {m.latestVersion !== undefined
                          ? `latest v${m.latestVersion}`
                          : 'no version yet'}
                      </Typography>
                      <AliasChips model={m} label={`Aliases of ${m.name}`} />
                    </>
                  }
                />
              </ListItem>
            ))}
          </List>
          <PagingControls
            noun="models"
            pageIndex={pages.pageIndex}
            pageSize={PAGE_SIZE}
            shown={models.length}
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
