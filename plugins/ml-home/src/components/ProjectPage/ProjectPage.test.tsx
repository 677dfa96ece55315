import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  Dataset,
  Deployment,
  Model,
  MlHomeApi,
  Project,
  ProjectEvent,
} from '@ml-home/plugin-ml-home-common';
import { ProjectPage } from './ProjectPage';
import { fakeMlHomeApi as fakeApi } from '../../testUtils/fakeMlHomeApi';
import {
  groupEntity,
  renderPage,
  responseError,
} from '../common/__testUtils__/renderPage';

jest.setTimeout(60_000);

const PROJECT: Project = {
  id: 'p1',
  name: 'churn',
  title: 'Churn prediction',
  description: '## Goal\n\nPredict which listeners **leave**.',
  owner: 'group:default/growth',
  lifecycle: 'production',
  tags: ['retention'],
  links: [{ title: 'Dashboard', url: 'https://dash.example.com/churn' }],
  relatedEntities: ['system:default/retention-platform'],
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  lastActivityAt: '2026-10-01T00:00:00.000Z',
  createdBy: 'user:default/alice',
  updatedBy: 'user:default/alice',
  counts: { experiments: 3, runs: 42 },
};

const MODEL: Model = {
  id: 'm1',
  project: 'churn',
  name: 'churn-classifier',
  description: 'Gradient-boosted churn classifier',
  owner: 'group:default/growth',
  ownerIsProjectOwner: true,
  latestVersion: 4,
  versionCount: 4,
  aliases: [
    {
      alias: 'production',
      version: 3,
      updatedAt: '2026-10-01T00:00:00.000Z',
      updatedBy: 'user:default/alice',
    },
  ],
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  createdBy: 'user:default/alice',
};

const event = (id: string, summary: string): ProjectEvent => ({
  id,
  project: 'churn',
  actor: 'user:default/alice',
  action: 'created',
  entityType: 'run',
  entityId: id,
  summary,
  createdAt: '2026-10-01T00:00:00.000Z',
});

const DATASET: Dataset = {
  id: 'd1',
  project: 'churn',
  name: 'listening-sessions',
  kind: 'training-set',
  uri: 's3://data/sessions',
  description: 'Sessions of the last 90 days',
  features: [{ name: 'session_length', type: 'float', description: 'Seconds' }],
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  createdBy: 'user:default/alice',
};

const DEPLOYMENT: Deployment = {
  id: 'dep1',
  project: 'churn',
  model: 'churn-classifier',
  version: 3,
  environment: 'production',
  service: 'component:default/churn-scorer',
  endpoint: 'https://churn-scorer.internal/predict',
  status: 'active',
  deployedAt: '2026-10-01T00:00:00.000Z',
  createdBy: 'user:default/alice',
} as Deployment;

function api(overrides: Partial<MlHomeApi> = {}) {
  return fakeApi({
    getProject: async name => {
      if (name !== 'churn') {
        throw await responseError(
          404,
          'NotFoundError',
          `No ML project named '${name}'`,
        );
      }
      return PROJECT;
    },
    listModels: async () => ({ items: [MODEL], totalCount: 1 }),
    listProjectEvents: async (_name, page) =>
      page?.cursor
        ? { items: [event('e2', 'Run weekly-7 finished')] }
        : {
            items: [event('e1', 'Model churn-classifier v4 registered')],
            nextCursor: 'older',
          },
    listDatasets: async () => ({ items: [DATASET], totalCount: 1 }),
    getDataset: async () => ({
      ...DATASET,
      consumers: {
        runCount: 1,
        runs: [{ runId: 'a'.repeat(32), name: 'weekly-3', project: 'churn' }],
        modelVersions: [{ model: 'churn-classifier', version: 3 }],
      },
    }),
    listDeployments: async () => ({ items: [DEPLOYMENT], totalCount: 1 }),
    ...overrides,
  });
}

const render = (url: string, mlHomeApi = api()) =>
  renderPage(<ProjectPage />, {
    path: '/projects/:projectName/*',
    url,
    api: mlHomeApi,
    catalogEntities: [groupEntity('growth', ['alice', 'bob'], 'Growth')],
  });

describe('ProjectPage', () => {
  it('shows the overview: owner and members, description, models, activity', async () => {
    await render('/ml-home/projects/churn');
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Churn prediction',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    // Description rendered as markdown.
    expect(
      await screen.findByRole('heading', { name: 'Goal' }),
    ).toBeInTheDocument();
    // Owner from the catalog with its members, counted in the header.
    expect(await screen.findByText('2 members')).toBeInTheDocument();
    const members = await screen.findByRole('list', {
      name: 'Members of the owner team',
    });
    expect(within(members).getAllByRole('link')).toHaveLength(2);
    expect(within(members).getAllByRole('link')[0]).toHaveAttribute(
      'href',
      '/catalog/default/user/alice',
    );
    // Related entities link to the catalog.
    const related = screen.getByRole('list', {
      name: 'Related catalog entities',
    });
    expect(within(related).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/system/retention-platform',
    );
    // Key models with their aliases.
    const models = await screen.findByRole('list', { name: 'Key models' });
    expect(
      within(models).getByRole('link', { name: 'churn-classifier' }),
    ).toHaveAttribute('href', '/ml-home/models/churn-classifier');
    expect(within(models).getByText('production → v3')).toBeInTheDocument();
    // Activity, with older entries on request.
    expect(
      await screen.findByText('Model churn-classifier v4 registered'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show older activity' }),
    );
    expect(
      await screen.findByText('Run weekly-7 finished'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Model churn-classifier v4 registered'),
    ).toBeInTheDocument();
  });

  it('opens a tab from its URL and switches tabs through links', async () => {
    const { location } = await render('/ml-home/projects/churn/models');
    expect(await screen.findByRole('tab', { name: 'Models' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('link', { name: 'churn-classifier' }),
    ).toHaveAttribute('href', '/ml-home/models/churn-classifier');
    expect(screen.getByText('Models (1)')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Deployments' }));
    await waitFor(() =>
      expect(location().pathname).toBe('/ml-home/projects/churn/deployments'),
    );
    const endpoint = await screen.findByRole('link', {
      name: /https:\/\/churn-scorer\.internal\/predict/,
    });
    expect(endpoint).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'churn-classifier v3' }),
    ).toHaveAttribute('href', '/ml-home/models/churn-classifier?version=3');
    expect(
      screen
        .getAllByRole('link')
        .some(
          a =>
            a.getAttribute('href') ===
            '/catalog/default/component/churn-scorer',
        ),
    ).toBe(true);
  });

  it('asks for the active deployments of the project by default', async () => {
    const queries: unknown[] = [];
    await render(
      '/ml-home/projects/churn/deployments',
      api({
        listDeployments: async query => {
          queries.push(query);
          return { items: [], totalCount: 0 };
        },
      }),
    );
    expect(
      await screen.findByText('No model of this project is deployed'),
    ).toBeInTheDocument();
    expect(queries[0]).toMatchObject({ project: 'churn', status: 'active' });
  });

  it('shows the runs tab for the project', async () => {
    await render('/ml-home/projects/churn/runs');
    expect(
      await screen.findByRole('tab', { name: 'Experiments & runs' }),
    ).toHaveAttribute('aria-selected', 'true');
  });

  it('lists the project evaluations and its notes in their tabs', async () => {
    const asked: Record<string, unknown[]> = { evaluations: [], notes: [] };
    const mlHomeApi = api({
      listEvaluations: async query => {
        asked.evaluations.push(query);
        return { items: [], totalCount: 0 };
      },
      listNotes: async query => {
        asked.notes.push(query);
        return { items: [], totalCount: 0 };
      },
      getTags: async (entityType, entityId) => ({
        entityType,
        entityId,
        tags: ['retention'],
      }),
      countTags: async () => ({ items: [] }),
    });
    await render('/ml-home/projects/churn/evaluations', mlHomeApi);
    expect(
      await screen.findByRole('tab', { name: 'Evaluations' }),
    ).toHaveAttribute('aria-selected', 'true');
    await waitFor(() =>
      expect(asked.evaluations[0]).toMatchObject({ project: 'churn' }),
    );

    await userEvent.click(screen.getByRole('tab', { name: 'Notes' }));
    expect(
      await screen.findByText('Every note in the project'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(asked.notes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ entityType: 'project', entityId: 'p1' }),
          expect.objectContaining({ project: 'churn' }),
        ]),
      ),
    );
  });

  it('expands a dataset to show its schema and who consumes it', async () => {
    await render('/ml-home/projects/churn/data');
    const summary = await screen.findByRole('button', {
      name: /listening-sessions/,
    });
    expect(summary).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(summary);
    expect(await screen.findByText('session_length')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'churn-classifier v3' }),
    ).toHaveAttribute('href', '/ml-home/models/churn-classifier?version=3');
    expect(screen.getByRole('link', { name: 'weekly-3' })).toHaveAttribute(
      'href',
      `/ml-home/compare?runs=${'a'.repeat(32)}`,
    );
  });

  it('tells the user what to do when the project has no model', async () => {
    await render(
      '/ml-home/projects/churn/models',
      api({ listModels: async () => ({ items: [], totalCount: 0 }) }),
    );
    expect(await screen.findByText('No registered model')).toBeInTheDocument();
  });

  it('still shows the project when its description breaks the markdown renderer', async () => {
    const description = '<math><img src=x>y</math>';
    await render(
      '/ml-home/projects/churn',
      api({ getProject: async () => ({ ...PROJECT, description }) }),
    );
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Churn prediction',
      }),
    ).toBeInTheDocument();
    // The description as plain text, not as markup, with a word on why.
    expect(await screen.findByText(description)).toBeInTheDocument();
    expect(screen.getByText(/could not be formatted/)).toBeInTheDocument();
    expect(
      await screen.findByRole('list', { name: 'Key models' }),
    ).toBeInTheDocument();
  });

  it('says when there is no such project', async () => {
    await render('/ml-home/projects/nope');
    expect(
      await screen.findByText('No ML project named nope'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Find a project' }),
    ).toHaveAttribute('href', '/ml-home');
  });

  it('shows a load error and retries', async () => {
    let calls = 0;
    await render(
      '/ml-home/projects/churn',
      api({
        getProject: async () => {
          calls += 1;
          if (calls === 1) throw new Error('backend down');
          return PROJECT;
        },
      }),
    );
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Churn prediction',
      }),
    ).toBeInTheDocument();
  });
});
