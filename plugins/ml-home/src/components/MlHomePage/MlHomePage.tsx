import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Link,
  Page,
  ResponseErrorPanel,
  SupportButton,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import type { Project } from '@ml-home/plugin-ml-home-common';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';

const PAGE_SIZE = 25;

const columns: TableColumn<Project>[] = [
  {
    title: 'Project',
    field: 'title',
    render: p => <Link to={`/ml-home/projects/${p.name}`}>{p.title}</Link>,
  },
  {
    title: 'Owner',
    field: 'owner',
    render: p => p.owner.replace(/^group:default\//, ''),
  },
  { title: 'Lifecycle', field: 'lifecycle' },
  {
    title: 'Tags',
    field: 'tags',
    render: p =>
      p.tags.map(t => (
        <Chip key={t} label={t} size="small" style={{ marginRight: 4 }} />
      )),
  },
  { title: 'Runs', field: 'counts.runs', type: 'numeric' },
  {
    title: 'Last activity',
    field: 'lastActivityAt',
    render: p => new Date(p.lastActivityAt).toLocaleDateString(),
  },
];

/**
 * The ML Home landing page: every ML project of the organisation, searchable.
 *
 * @public
 */
export const MlHomePage = () => {
  const api = useApi(mlHomeApiRef);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const runSearch = (text: string) => {
    setQ(text.trim());
    setCursors([undefined]);
  };
  // Search as the user types, once they pause; Enter searches at once.
  useEffect(() => {
    const timer = setTimeout(() => runSearch(search), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const cursor = cursors[cursors.length - 1];
  const projects = useAsyncRetry(
    () =>
      api.listProjects({
        q: q || undefined,
        limit: PAGE_SIZE,
        cursor,
        orderBy: 'lastActivityAt',
      }),
    [api, q, cursor],
  );

  let body: JSX.Element;
  if (projects.error) {
    body = (
      <>
        <ResponseErrorPanel
          error={projects.error}
          title="ML Home could not load the projects"
        />
        <Button variant="outlined" color="primary" onClick={projects.retry}>
          Retry
        </Button>
      </>
    );
  } else if (!projects.loading && projects.value?.totalCount === 0 && !q) {
    body = (
      <EmptyState
        missing="data"
        title="No ML projects yet"
        description="ML projects gather your team's experiments, runs, models, evaluations and deployments. Log runs with the batch API (POST /api/ml-home/projects/{name}/ingest) or create a project to start."
      />
    );
  } else {
    const page = projects.value;
    body = (
      <>
        <div
          style={{
            display: 'flex',
            gap: 16,
            alignItems: 'center',
            marginBottom: 16,
          }}
        >
          <TextField
            id="ml-home-project-search"
            label="Search projects"
            value={search}
            onChange={e => setSearch(e.target.value)}
            onKeyDown={e => {
              if (e.key === 'Enter') runSearch(search);
            }}
            variant="outlined"
            size="small"
          />
          <Button
            disabled={cursors.length < 2}
            onClick={() => setCursors(c => c.slice(0, -1))}
          >
            Previous page
          </Button>
          <Button
            disabled={!page?.nextCursor}
            onClick={() => setCursors(c => [...c, page?.nextCursor])}
          >
            Next page
          </Button>
        </div>
        <Table<Project>
          title={page ? `Projects (${page.totalCount})` : 'Projects'}
          isLoading={projects.loading}
          columns={columns}
          data={page?.items ?? []}
          options={{ paging: false, search: false, padding: 'dense' }}
          emptyContent={
            <EmptyState
              missing="data"
              title="No project matches"
              description="Try fewer or other words."
            />
          }
        />
      </>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="ML Home"
        subtitle="Every machine-learning project, model and run of the organisation in one place"
      />
      <Content>
        <ContentHeader title="Discover ML projects">
          <SupportButton>
            ML Home gathers ML projects, experiments, models and their
            production readiness.
          </SupportButton>
        </ContentHeader>
        {body}
      </Content>
    </Page>
  );
};
