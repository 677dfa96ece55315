import { screen } from '@testing-library/react';
import type { Model } from '@ml-home/plugin-ml-home-common';
import { ModelPage } from './ModelPage';
import { fakeMlHomeApi as fakeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage } from '../common/__testUtils__/renderPage';

// In a file of its own: the permission hook caches decisions for the whole module.

jest.setTimeout(60_000);

const MODEL: Model = {
  id: 'm1',
  project: 'churn',
  name: 'churn-classifier',
  description: '',
  owner: 'group:default/growth',
  versionCount: 0,
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

it('offers no alias move to users who may not change the project', async () => {
  const api = fakeApi({
    getModel: async () => MODEL,
    listModelVersions: async () => ({ items: [], totalCount: 0 }),
    getModelVersion: async () => {
      throw new Error('no version');
    },
    getModelVersionLineage: async () => ({ nodes: [], edges: [] }),
    listModelDeployments: async () => ({ items: [] }),
    getModelAliasHistory: async () => ({ items: [] }),
  });
  await renderPage(<ModelPage />, {
    path: '/models/:modelName',
    url: '/ml-home/models/churn-classifier',
    api,
    allow: false,
  });
  expect(
    await screen.findByText('No alias has moved yet.'),
  ).toBeInTheDocument();
  expect(screen.getByText('production → v3')).toBeInTheDocument();
  expect(
    screen.queryByRole('button', { name: /^Move/ }),
  ).not.toBeInTheDocument();
});
