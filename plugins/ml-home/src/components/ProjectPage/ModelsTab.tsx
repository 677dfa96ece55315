import {
  EmptyState,
  Link,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { Model, Project } from '@ml-home/plugin-ml-home-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { PagingControls, useCursorPages } from '../common/paging';
import { formatRelativeTime } from '../common/format';
import { useMlHomeLinks } from '../common/links';
import { AliasChips } from './KeyModels';
import { tableOptions } from '../common/tableOptions';

const PAGE_SIZE = 25;

/** The project's registered models, paged on the server. */
export function ModelsTab(props: { project: Project }) {
  const { project } = props;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const pages = useCursorPages(project.name);
  const state = useAsyncRetry(
    () =>
      api.listModels(project.name, { limit: PAGE_SIZE, cursor: pages.cursor }),
    [api, project.name, pages.cursor],
  );
  if (state.error) {
    return (
      <LoadErrorPanel
        error={state.error}
        title="The models could not be loaded"
        onRetry={state.retry}
      />
    );
  }
  const columns: TableColumn<Model>[] = [
    {
      title: 'Model',
      field: 'name',
      render: m => <Link to={links.model(m.name)}>{m.name}</Link>,
    },
    { title: 'Description', field: 'description' },
    {
      title: 'Latest version',
      field: 'latestVersion',
      render: m => (m.latestVersion ? `v${m.latestVersion}` : '—'),
    },
    { title: 'Versions', field: 'versionCount', type: 'numeric' },
    { title: 'Aliases', render: m => <AliasChips model={m} /> },
    {
      title: 'Owner',
      field: 'owner',
      render: m => <EntityRefLink entityRef={m.owner} defaultKind="group" />,
    },
    {
      title: 'Updated',
      field: 'updatedAt',
      render: m => formatRelativeTime(m.updatedAt),
    },
  ];
  const page = state.value;
  return (
    <>
      <Table<Model>
        title={page ? `Models (${page.totalCount.toLocaleString()})` : 'Models'}
        isLoading={state.loading}
        columns={columns}
        data={page?.items ?? []}
        options={{
          ...tableOptions,
          paging: false,
          search: false,
          padding: 'dense',
        }}
        emptyContent={
          <EmptyState
            missing="data"
            title="No registered model"
            description="Register a model version from a finished run (POST /api/ml-home/projects/{name}/models, then its versions) or with an MLflow client's model registry."
          />
        }
      />
      {page && page.items.length ? (
        <PagingControls
          noun="models"
          pageIndex={pages.pageIndex}
          pageSize={PAGE_SIZE}
          shown={page.items.length}
          totalCount={page.totalCount}
          nextCursor={page.nextCursor}
          onNext={pages.next}
          onPrevious={pages.previous}
        />
      ) : null}
    </>
  );
}
