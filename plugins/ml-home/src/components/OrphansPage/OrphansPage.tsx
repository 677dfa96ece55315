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
import {
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import type { Model } from '@ml-home/plugin-ml-home-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { rootRouteRef } from '../../routes';
import { mlHomeTranslationRef } from '../../translation';
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
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const state = useAsyncRetry(() => api.listOrphanedModels(), [api]);

  const columns: TableColumn<Model>[] = [
    {
      title: t('orphans.modelColumn'),
      field: 'name',
      render: m => <Link to={links.model(m.name)}>{m.name}</Link>,
    },
    {
      title: t('orphans.projectColumn'),
      field: 'project',
      render: m => <Link to={links.project(m.project)}>{m.project}</Link>,
    },
    {
      title: t('orphans.ownerColumn'),
      field: 'owner',
      render: m =>
        m.ownerIsProjectOwner
          ? t('orphans.projectOwner', { owner: m.owner })
          : m.owner,
    },
    {
      title: t('orphans.versionsColumn'),
      field: 'versionCount',
      type: 'numeric',
    },
  ];

  let body: JSX.Element;
  if (state.error) {
    body = (
      <LoadErrorPanel
        error={state.error}
        title={t('orphans.loadFailed')}
        onRetry={state.retry}
      />
    );
  } else if (!state.loading && state.value?.items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title={t('orphans.emptyTitle')}
        description={t('orphans.emptyDescription')}
      />
    );
  } else {
    body = (
      <Table<Model>
        title={
          state.value
            ? t('orphans.titleCount', { count: state.value.totalCount })
            : t('orphans.title')
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
        title={t('orphans.title')}
        subtitle={t('orphans.subtitle')}
        type={t('title')}
        typeLink={rootLink?.()}
      />
      <Content>
        <ContentHeader title={t('orphans.contentTitle')}>{null}</ContentHeader>
        {body}
      </Content>
    </Page>
  );
};
