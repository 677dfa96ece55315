import {
  EmptyState,
  Link,
  StatusOK,
  StatusAborted,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import type { Deployment, Project } from '@ml-home/plugin-ml-home-common';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { PagingControls, useCursorPages } from '../common/paging';
import { useMlHomeLinks } from '../common/links';
import { RelativeTime } from '../common/RelativeTime';
import { tableOptions } from '../common/tableOptions';

const PAGE_SIZE = 25;

/** Shows a deployment's status in words with the matching status icon. */
export function DeploymentStatus(props: { status: Deployment['status'] }) {
  const { t } = useTranslationRef(mlHomeTranslationRef);
  return props.status === 'active' ? (
    <StatusOK>{t('project.deployments.active')}</StatusOK>
  ) : (
    <StatusAborted>{t('project.deployments.retired')}</StatusAborted>
  );
}

/** Where the project's models run: deployments with their serving services. */
export function DeploymentsTab(props: { project: Project }) {
  const { project } = props;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const status =
    searchParams.get('status') === 'all'
      ? undefined
      : ((searchParams.get('status') as 'retired' | null) ?? 'active');
  const pages = useCursorPages(`${project.name}:${status ?? 'all'}`);
  const state = useAsyncRetry(
    () =>
      api.listDeployments({
        project: project.name,
        status,
        limit: PAGE_SIZE,
        cursor: pages.cursor,
      }),
    [api, project.name, status, pages.cursor],
  );
  const columns: TableColumn<Deployment>[] = [
    {
      title: t('project.deployments.modelVersionColumn'),
      field: 'model',
      render: d => (
        <Link to={links.model(d.model, d.version)}>
          {t('project.deployments.modelVersion', {
            model: d.model,
            version: String(d.version),
          })}
        </Link>
      ),
    },
    { title: t('project.deployments.environmentColumn'), field: 'environment' },
    {
      title: t('project.deployments.serviceColumn'),
      field: 'service',
      render: d => (
        <EntityRefLink entityRef={d.service} defaultKind="component" />
      ),
    },
    {
      title: t('project.deployments.endpointColumn'),
      field: 'endpoint',
      render: d =>
        /^https?:\/\//.test(d.endpoint) ? (
          <Link to={d.endpoint}>{d.endpoint}</Link>
        ) : (
          d.endpoint || '—'
        ),
    },
    {
      title: t('project.deployments.statusColumn'),
      field: 'status',
      render: d => <DeploymentStatus status={d.status} />,
    },
    {
      title: t('project.deployments.deployedColumn'),
      field: 'deployedAt',
      render: d => <RelativeTime value={d.deployedAt} />,
    },
  ];
  const page = state.value;
  return (
    <>
      <Box mb={2}>
        <TextField
          id="project-deployments-status"
          select
          label={t('project.deployments.status')}
          value={status ?? 'all'}
          onChange={e => {
            const next = new URLSearchParams(searchParams);
            if (e.target.value === 'active') next.delete('status');
            else next.set('status', e.target.value);
            setSearchParams(next);
          }}
          variant="outlined"
          size="small"
          style={{ minWidth: 160 }}
        >
          <MenuItem value="active">
            {t('project.deployments.statusActive')}
          </MenuItem>
          <MenuItem value="retired">
            {t('project.deployments.statusRetired')}
          </MenuItem>
          <MenuItem value="all">{t('project.deployments.statusAll')}</MenuItem>
        </TextField>
      </Box>
      {state.error ? (
        <LoadErrorPanel
          error={state.error}
          title={t('project.deployments.loadFailed')}
          onRetry={state.retry}
        />
      ) : (
        <Table<Deployment>
          title={
            page
              ? t('project.deployments.titleCount', {
                  count: page.totalCount ?? page.items.length,
                })
              : t('project.deployments.title')
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
              title={
                status === 'active'
                  ? t('project.deployments.noneActive')
                  : t('project.deployments.none')
              }
              description={t('project.deployments.emptyDescription')}
            />
          }
        />
      )}
      {page && page.items.length ? (
        <PagingControls
          noun={t('project.deployments.pagingNoun')}
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
