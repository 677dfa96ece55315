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
import {
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
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
import { mlHomeTranslationRef } from '../../translation';
import { RunsTable } from '../RunsTable';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { useRelativeTime } from '../common/RelativeTime';
import { useMlHomeLinks } from '../common/links';
import { DataTab } from './DataTab';
import { DeploymentsTab } from './DeploymentsTab';
import { ModelsTab } from './ModelsTab';
import { OverviewTab } from './OverviewTab';
import { NotesTab } from './NotesTab';
import { TokensTab } from './TokensTab';
import { EvaluationsTable } from '../EvaluationsTable';
import { MetricDirectionsEditor } from '../MetricDirectionsEditor';
import { ProjectCertificationTab } from '../Certification';

/** The tabs of a project space; each has its own URL below the project's. */
const TABS = [
  { path: '', label: 'project.tabs.overview' },
  { path: 'runs', label: 'project.tabs.runs' },
  { path: 'models', label: 'project.tabs.models' },
  { path: 'data', label: 'project.tabs.data' },
  { path: 'evaluations', label: 'project.tabs.evaluations' },
  { path: 'deployments', label: 'project.tabs.deployments' },
  { path: 'certification', label: 'certification.tab.label' },
  { path: 'notes', label: 'project.tabs.notes' },
  { path: 'tokens', label: 'project.tabs.tokens' },
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
      return (
        <>
          <EvaluationsTable project={project.name} />
          <Box mt={3}>
            <MetricDirectionsEditor project={project.name} />
          </Box>
        </>
      );
    case 'deployments':
      return <DeploymentsTab project={project} />;
    case 'certification':
      return <ProjectCertificationTab project={project} />;
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
  const { t } = useTranslationRef(mlHomeTranslationRef);
  if (!group.value?.found) return null;
  return (
    <HeaderLabel
      label={t('project.team')}
      value={t('project.memberCount', { count: group.value.members.length })}
    />
  );
}

/**
 * A project space, `/ml-home/projects/:projectName/:tab?`: header with owner, lifecycle and
 * tags; tabs for overview, runs, models, data, evaluations, deployments, certification, notes and the
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
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const relativeTime = useRelativeTime();
  const state = useAsyncRetry(
    () => api.getProject(projectName),
    [api, projectName],
  );
  const tab = TABS.find(candidate => candidate.path === tabSegment);

  if (state.loading && !state.value) {
    return (
      <Page themeId="tool">
        <Header title={projectName} type={t('project.type')} />
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
        <Header title={projectName} type={t('project.type')} />
        <Content>
          {notFound ? (
            <EmptyState
              missing="data"
              title={t('project.notFoundTitle', { name: projectName })}
              description={t('project.notFoundDescription')}
              action={
                <LinkButton
                  variant="contained"
                  color="primary"
                  to={rootLink?.() ?? '/'}
                >
                  {t('project.findProject')}
                </LinkButton>
              }
            />
          ) : (
            <LoadErrorPanel
              error={state.error ?? new Error('No project')}
              title={t('project.loadFailed')}
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
        type={t('project.type')}
        typeLink={rootLink?.()}
      >
        <HeaderLabel
          label={t('project.owner')}
          value={
            <EntityRefLink
              entityRef={project.owner}
              defaultKind="group"
              style={{ color: 'inherit' }}
            />
          }
        />
        <TeamLabel owner={project.owner} />
        <HeaderLabel
          label={t('project.lifecycle')}
          value={t(`lifecycle.${project.lifecycle}`)}
        />
        <HeaderLabel
          label={t('project.lastActivity')}
          value={relativeTime(project.lastActivityAt)}
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
          aria-label={t('project.sections')}
        >
          {TABS.map(section => (
            <Tab
              key={section.path}
              value={section.path}
              label={t(section.label)}
              component={Link}
              to={links.project(project.name, section.path)}
              id={`project-tab-${section.path || 'overview'}`}
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
              title={t('project.noSuchTabTitle', { tab: tabSegment })}
              description={t('project.noSuchTabDescription')}
            />
          )}
        </div>
      </Content>
    </Page>
  );
};
