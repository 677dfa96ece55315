import {
  Content,
  EmptyState,
  Header,
  HeaderLabel,
  Link,
  LinkButton,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import type { Project } from '@ml-home/plugin-ml-home-common';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { useGroupMembers } from '../../hooks/useGroupMembers';
import { rootRouteRef } from '../../routes';
import { RunsTable } from '../RunsTable';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { formatRelativeTime } from '../common/format';
import { useMlHomeLinks } from '../common/links';
import { DataTab } from './DataTab';
import { DeploymentsTab } from './DeploymentsTab';
import { ModelsTab } from './ModelsTab';
import { OverviewTab } from './OverviewTab';
import { NotesTab } from './NotesTab';
import { TokensTab } from './TokensTab';
import { EvaluationsTable } from '../EvaluationsTable';

/** The tabs of a project space; each has its own URL below the project's. */
const TABS = [
  { path: '', label: 'Overview' },
  { path: 'runs', label: 'Experiments & runs' },
  { path: 'models', label: 'Models' },
  { path: 'data', label: 'Data & features' },
  { path: 'evaluations', label: 'Evaluations' },
  { path: 'deployments', label: 'Deployments' },
  { path: 'notes', label: 'Notes' },
  { path: 'tokens', label: 'Tokens' },
] as const;
type TabPath = (typeof TABS)[number]['path'];

function TabContent(props: { tab: TabPath; project: Project }) {
  const { tab, project } = props;
  switch (tab) {
    case 'runs':
      return <RunsTable projectName={project.name} />;
    case 'models':
      return <ModelsTab project={project} />;
    case 'data':
      return <DataTab project={project} />;
    case 'evaluations':
      return <EvaluationsTable project={project.name} />;
    case 'deployments':
      return <DeploymentsTab project={project} />;
    case 'notes':
      return <NotesTab project={project} />;
    case 'tokens':
      return <TokensTab project={project} />;
    default:
      return <OverviewTab project={project} />;
  }
}

/** The owner team's size from the catalog, in the header; the overview lists the members. */
function TeamLabel(props: { owner: string }) {
  const group = useGroupMembers(props.owner);
  if (!group.value?.found) return null;
  const n = group.value.members.length;
  return (
    <HeaderLabel label="Team" value={n === 1 ? '1 member' : `${n} members`} />
  );
}

/**
 * A project space, `/ml-home/projects/:projectName/:tab?`: header with owner, lifecycle and
 * tags; tabs for overview, runs, models, data, evaluations, deployments, notes and the
 * project's tokens.
 *
 * @public
 */
export const ProjectPage = () => {
  const params = useParams();
  const projectName = params.projectName ?? '';
  const tabSegment = (params['*'] ?? '').split('/')[0];
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const rootLink = useRouteRef(rootRouteRef);
  const state = useAsyncRetry(
    () => api.getProject(projectName),
    [api, projectName],
  );
  const tab = TABS.find(t => t.path === tabSegment);

  if (state.loading && !state.value) {
    return (
      <Page themeId="tool">
        <Header title={projectName} type="ML project" />
        <Content>
          <Progress />
        </Content>
      </Page>
    );
  }
  if (state.error || !state.value) {
    const notFound =
      (state.error as { statusCode?: number } | undefined)?.statusCode === 404;
    return (
      <Page themeId="tool">
        <Header title={projectName} type="ML project" />
        <Content>
          {notFound ? (
            <EmptyState
              missing="data"
              title={`No ML project named ${projectName}`}
              description="It may have been renamed or deleted, or you may not have access to it."
              action={
                <LinkButton
                  variant="contained"
                  color="primary"
                  to={rootLink?.() ?? '/'}
                >
                  Find a project
                </LinkButton>
              }
            />
          ) : (
            <LoadErrorPanel
              error={state.error ?? new Error('No project')}
              title="The project could not be loaded"
              onRetry={state.retry}
            />
          )}
        </Content>
      </Page>
    );
  }

  const project = state.value;
  return (
    <Page themeId="tool">
      <Header
        title={project.title}
        subtitle={project.title !== project.name ? project.name : undefined}
        type="ML project"
        typeLink={rootLink?.()}
      >
        <HeaderLabel
          label="Owner"
          value={
            <EntityRefLink
              entityRef={project.owner}
              defaultKind="group"
              style={{ color: 'inherit' }}
            />
          }
        />
        <TeamLabel owner={project.owner} />
        <HeaderLabel label="Lifecycle" value={project.lifecycle} />
        <HeaderLabel
          label="Last activity"
          value={formatRelativeTime(project.lastActivityAt)}
        />
      </Header>
      {/* The page is a grid: the tab bar takes the sub-header row, under the header. */}
      <Box
        px={3}
        borderBottom={1}
        borderColor="divider"
        style={{ gridArea: 'pageSubheader' }}
      >
        <Tabs
          value={tab ? tab.path : false}
          indicatorColor="primary"
          textColor="primary"
          variant="scrollable"
          aria-label="Project sections"
        >
          {TABS.map(t => (
            <Tab
              key={t.path}
              value={t.path}
              label={t.label}
              component={Link}
              to={links.project(project.name, t.path)}
              id={`project-tab-${t.path || 'overview'}`}
              aria-controls="project-tabpanel"
            />
          ))}
        </Tabs>
      </Box>
      <Content>
        <div
          role="tabpanel"
          id="project-tabpanel"
          aria-labelledby={
            tab ? `project-tab-${tab.path || 'overview'}` : undefined
          }
        >
          {tab ? (
            <TabContent tab={tab.path} project={project} />
          ) : (
            <EmptyState
              missing="info"
              title={`This project has no section called "${tabSegment}"`}
              description="Pick one of the tabs above."
            />
          )}
        </div>
      </Content>
    </Page>
  );
};
