import type { Entity } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../../api/mlHomeApiRef';
import { useMlHomeLinks } from '../../common/links';
import { useCursorPages } from '../../common/paging';
import { AliasChips } from '../common/AliasChips';
import { PagedListCard } from '../common/PagedListCard';
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
  const models = state.value?.items;
  return (
    <PagedListCard
      title="ML models"
      subheader={
        state.value ? `${state.value.totalCount} owned by this team` : undefined
      }
      loading={state.loading}
      reads={[
        {
          error: state.error,
          title: "The team's models could not be loaded from ML Home",
          onRetry: state.retry,
        },
      ]}
      items={models}
      empty={
        <Typography variant="body2" color="textSecondary">
          This team owns no ML model in ML Home. A model belongs to the team
          that owns its project: create a project owned by this team in ML Home,
          or set this team as a model's owner.
        </Typography>
      }
      listLabel="ML models owned by this team"
      renderRow={m => ({
        key: m.id,
        primary: <Link to={links.model(m.name)}>{m.name}</Link>,
        secondary: (
          <>
            <Typography variant="body2" component="div">
              Project: <Link to={links.project(m.project)}>{m.project}</Link>
              {' · '}
              {m.latestVersion !== undefined
                ? `latest v${m.latestVersion}`
                : 'no version yet'}
            </Typography>
            <AliasChips model={m} label={`Aliases of ${m.name}`} />
          </>
        ),
      })}
      paging={
        models?.length
          ? {
              noun: 'models',
              pageIndex: pages.pageIndex,
              pageSize: PAGE_SIZE,
              shown: models.length,
              totalCount: state.value?.totalCount,
              nextCursor: state.value?.nextCursor,
              onNext: pages.next,
              onPrevious: pages.previous,
            }
          : undefined
      }
    />
  );
}
