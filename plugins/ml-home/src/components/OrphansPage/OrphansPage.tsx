import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Link,
  Page,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import type { Model } from '@ml-home/plugin-ml-home-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { rootRouteRef } from '../../routes';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { useMlHomeLinks } from '../common/links';
import { tableOptions } from '../common/tableOptions';

/**
 * Models whose owner group is no longer in the software catalog, so nobody answers for them:
 * each with its project and the owner it still names, to hand over to a team that exists.
 *
 * @public
 */
export const OrphansPage = () => {
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const rootLink = useRouteRef(rootRouteRef);
  const state = useAsyncRetry(() => api.listOrphanedModels(), [api]);

  const columns: TableColumn<Model>[] = [
    {
      title: 'Model',
      field: 'name',
      render: m => <Link to={links.model(m.name)}>{m.name}</Link>,
    },
    {
      title: 'Project',
      field: 'project',
      render: m => <Link to={links.project(m.project)}>{m.project}</Link>,
    },
    {
      title: 'Owner (gone from the catalog)',
      field: 'owner',
      render: m =>
        `${m.owner}${m.ownerIsProjectOwner ? ' (the project’s owner)' : ''}`,
    },
    {
      title: 'Versions',
      field: 'versionCount',
      type: 'numeric',
    },
  ];

  let body: JSX.Element;
  if (state.error) {
    body = (
      <LoadErrorPanel
        error={state.error}
        title="ML Home could not list the orphaned models"
        onRetry={state.retry}
      />
    );
  } else if (!state.loading && state.value?.items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="Every model has an owner"
        description="Each model's owner (its own, or its project's) is a group in the software catalog. When a team is removed from the catalog, its models are listed here so that another team can take them over."
      />
    );
  } else {
    body = (
      <Table<Model>
        title={
          state.value
            ? `Orphaned models (${state.value.totalCount})`
            : 'Orphaned models'
        }
        isLoading={state.loading}
        columns={columns}
        data={state.value?.items ?? []}
        options={{
          ...tableOptions,
          paging: true,
          pageSize: 25,
          search: false,
          padding: 'dense',
        }}
      />
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Orphaned models"
        subtitle="Models whose owner group is no longer in the software catalog"
        type="ML Home"
        typeLink={rootLink?.()}
      />
      <Content>
        <ContentHeader title="Hand these models to a team that exists">
          {null}
        </ContentHeader>
        {body}
      </Content>
    </Page>
  );
};
