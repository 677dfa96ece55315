import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Model } from '@ml-home/plugin-ml-home-common';
import { OrphansPage } from './OrphansPage';
import { fakeMlHomeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage, responseError } from '../common/__testUtils__/renderPage';

jest.setTimeout(60_000);

const ORPHAN: Model = {
  id: 'm1',
  project: 'churn',
  name: 'churn-classifier',
  description: '',
  owner: 'group:default/disbanded',
  ownerIsProjectOwner: false,
  versionCount: 3,
  aliases: [],
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  createdBy: 'user:default/alice',
};

const render = (listOrphanedModels: () => Promise<any>) =>
  renderPage(<OrphansPage />, {
    path: '/orphans',
    url: '/ml-home/orphans',
    api: fakeMlHomeApi({ listOrphanedModels }),
  });

describe('OrphansPage', () => {
  it('lists models whose owner left the catalog, with links to them', async () => {
    await render(async () => ({ items: [ORPHAN], totalCount: 1 }));
    expect(await screen.findByText('Orphaned models (1)')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'churn-classifier' }),
    ).toHaveAttribute('href', '/ml-home/models/churn-classifier');
    expect(screen.getByText('group:default/disbanded')).toBeInTheDocument();
  });

  it('says when every model has an owner', async () => {
    await render(async () => ({ items: [], totalCount: 0 }));
    expect(
      await screen.findByText('Every model has an owner'),
    ).toBeInTheDocument();
  });

  it('shows a load error and retries', async () => {
    let calls = 0;
    await render(async () => {
      calls += 1;
      if (calls === 1) {
        throw await responseError(
          503,
          'ServiceUnavailableError',
          'catalog down',
        );
      }
      return { items: [ORPHAN], totalCount: 1 };
    });
    await userEvent.click(
      await screen.findByRole('button', { name: /retry/i }),
    );
    expect(await screen.findByText('Orphaned models (1)')).toBeInTheDocument();
  });
});
