import {
  EmptyState,
  Link,
  StatusOK,
  StatusAborted,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import type { Deployment, Project } from '@ml-home/plugin-ml-home-common';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { PagingControls, useCursorPages } from '../common/paging';
import { useMlHomeLinks } from '../common/links';
import { RelativeTime } from '../common/RelativeTime';
import { tableOptions } from '../common/tableOptions';

const PAGE_SIZE = 25;

/** Shows a deployment's status in words with the matching status icon. */
export function DeploymentStatus(props: { status: Deployment['status'] }) {
  return props.status === 'active' ? (
    <StatusOK>active</StatusOK>
  ) : (
    <StatusAborted>retired</StatusAborted>
  );
}

/** Where the project's models run: deployments with their serving services. */
export function DeploymentsTab(props: { project: Project }) {
  const { project } = props;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
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
      title: 'Model version',
      field: 'model',
      render: d => (
        <Link to={links.model(d.model, d.version)}>
          {d.model} v{d.version}
        </Link>
      ),
    },
    { title: 'Environment', field: 'environment' },
    {
      title: 'Service',
      field: 'service',
      render: d => (
        <EntityRefLink entityRef={d.service} defaultKind="component" />
      ),
    },
    {
      title: 'Endpoint',
      field: 'endpoint',
      render: d =>
        /^https?:\/\//.test(d.endpoint) ? (
          <Link to={d.endpoint}>{d.endpoint}</Link>
        ) : (
          d.endpoint || '—'
        ),
    },
    {
      title: 'Status',
      field: 'status',
      render: d => <DeploymentStatus status={d.status} />,
    },
    {
      title: 'Deployed',
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
          label="Status"
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
          <MenuItem value="active">Active</MenuItem>
          <MenuItem value="retired">Retired</MenuItem>
          <MenuItem value="all">All</MenuItem>
        </TextField>
      </Box>
      {state.error ? (
        <LoadErrorPanel
          error={state.error}
          title="The deployments could not be loaded"
          onRetry={state.retry}
        />
      ) : (
        <Table<Deployment>
          title={
            page
              ? `Deployments (${(page.totalCount ?? page.items.length).toLocaleString()})`
              : 'Deployments'
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
                  ? 'No model of this project is deployed'
                  : 'No deployment'
              }
              description="Record a deployment when a service starts serving a model version (POST /api/ml-home/models/{name}/deployments with the service's catalog ref): the model page then shows where it runs and its monitoring."
            />
          }
        />
      )}
      {page && page.items.length ? (
        <PagingControls
          noun="deployments"
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
