import {
  EmptyState,
  Link,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { Model, Project } from '@ml-home/plugin-ml-home-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { PagingControls, useCursorPages } from '../common/paging';
import { useRelativeTime } from '../common/RelativeTime';
import { useMlHomeLinks } from '../common/links';
import { AliasChips } from './KeyModels';
import { tableOptions } from '../common/tableOptions';
import { LevelBadge } from '../Certification/LevelBadge';

const PAGE_SIZE = 25;

/** The project's registered models, paged on the server. */
export function ModelsTab(props: { project: Project }) {
  const { project } = props;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const relativeTime = useRelativeTime();
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
        title={t('project.models.loadFailed')}
        onRetry={state.retry}
      />
    );
  }
  const columns: TableColumn<Model>[] = [
    {
      title: t('project.models.modelColumn'),
      field: 'name',
      render: m => <Link to={links.model(m.name)}>{m.name}</Link>,
    },
    { title: t('project.models.descriptionColumn'), field: 'description' },
    {
      title: t('project.models.latestVersionColumn'),
      field: 'latestVersion',
      render: m =>
        m.latestVersion
          ? t('project.models.version', { version: String(m.latestVersion) })
          : '—',
    },
    {
      title: t('project.models.versionsColumn'),
      field: 'versionCount',
      type: 'numeric',
    },
    {
      title: t('certification.discover.levelColumn'),
      field: 'certificationLevel',
      render: m => (
        <Link to={links.model(m.name, undefined, 'certification')}>
          <LevelBadge level={m.certificationLevel} size="small" />
        </Link>
      ),
    },
    {
      title: t('project.models.aliasesColumn'),
      render: m => <AliasChips model={m} />,
    },
    {
      title: t('project.models.ownerColumn'),
      field: 'owner',
      render: m => <EntityRefLink entityRef={m.owner} defaultKind="group" />,
    },
    {
      title: t('project.models.updatedColumn'),
      field: 'updatedAt',
      render: m => relativeTime(m.updatedAt),
    },
  ];
  const page = state.value;
  return (
    <>
      <Table<Model>
        title={
          page
            ? t('project.models.titleCount', { count: page.totalCount })
            : t('project.models.title')
        }
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
            title={t('project.models.emptyTitle')}
            description={t('project.models.emptyDescription')}
          />
        }
      />
      {page && page.items.length ? (
        <PagingControls
          noun={t('project.models.pagingNoun')}
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
