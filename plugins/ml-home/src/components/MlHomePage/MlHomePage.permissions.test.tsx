import { screen } from '@testing-library/react';
import type { Project } from '@ml-home/plugin-ml-home-common';
import { MlHomePage } from './MlHomePage';
import { fakeMlHomeApi as fakeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage } from '../common/__testUtils__/renderPage';

// In a file of its own: the permission hook caches decisions for the whole module.

jest.setTimeout(60_000);

const project: Project = {
  id: 'p',
  name: 'home-feed',
  title: 'Home feed',
  description: '',
  owner: 'group:default/home-ranking',
  lifecycle: 'production',
  tags: [],
  links: [],
  relatedEntities: [],
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  lastActivityAt: '2026-10-01T00:00:00.000Z',
  createdBy: 'user:default/guest',
  updatedBy: 'user:default/guest',
};

it('hides project creation from users who may not create projects', async () => {
  const api = fakeApi({
    listProjects: async () => ({
      items: [project],
      totalCount: 1,
      facets: { owner: [], tag: [], lifecycle: [] },
    }),
  });
  await renderPage(<MlHomePage />, {
    path: '/',
    url: '/ml-home',
    api,
    allow: false,
  });
  await screen.findByRole('link', { name: 'Home feed' });
  expect(
    screen.queryByRole('button', { name: 'Create project' }),
  ).not.toBeInTheDocument();
});
