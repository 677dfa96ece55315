import { renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Project, ProjectList } from '@ml-home/plugin-ml-home-common';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { MlHomePage } from './MlHomePage';
import { fakeMlHomeApi as fakeApi } from '../../testUtils/fakeMlHomeApi';

function project(name: string, extra: Partial<Project> = {}): Project {
  return {
    id: name,
    name,
    title: `Title of ${name}`,
    description: '',
    owner: 'group:default/home-ranking',
    lifecycle: 'production',
    tags: ['ranking'],
    links: [],
    relatedEntities: [],
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
    lastActivityAt: '2026-10-01T00:00:00.000Z',
    createdBy: 'user:default/guest',
    updatedBy: 'user:default/guest',
    counts: { experiments: 1, runs: 12 },
    ...extra,
  };
}

const list = (items: Project[], nextCursor?: string): ProjectList => ({
  items,
  totalCount: items.length,
  nextCursor,
  facets: { owner: [], tag: [], lifecycle: [] },
});

jest.setTimeout(30_000);

describe('MlHomePage', () => {
  it('tells the user how to start when there is no project', async () => {
    await renderInTestApp(<MlHomePage />, {
      apis: [[mlHomeApiRef, fakeApi({ listProjects: async () => list([]) })]],
    });
    expect(
      screen.getByRole('heading', { level: 1, name: 'ML Home' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('No ML projects yet')).toBeInTheDocument();
  });

  it('lists projects and searches on the server', async () => {
    const calls: (string | undefined)[] = [];
    const api = fakeApi({
      listProjects: async query => {
        calls.push(query?.q);
        return query?.q
          ? list([project('churn-prediction')])
          : list([project('home-feed'), project('churn-prediction')]);
      },
    });
    await renderInTestApp(<MlHomePage />, { apis: [[mlHomeApiRef, api]] });
    expect(
      await screen.findByRole('link', { name: 'Title of home-feed' }),
    ).toHaveAttribute('href', '/ml-home/projects/home-feed');
    expect(screen.getByText('Projects (2)')).toBeInTheDocument();

    const input = screen.getByLabelText('Search projects');
    fireEvent.change(input, { target: { value: 'churn' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: 'Title of home-feed' }),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.getByRole('link', { name: 'Title of churn-prediction' }),
    ).toBeInTheDocument();
    expect(calls).toContain('churn');
  });

  it('shows the error and retries on request', async () => {
    let calls = 0;
    const api = fakeApi({
      listProjects: async () => {
        calls += 1;
        if (calls === 1) {
          throw new Error('backend down');
        }
        return list([]);
      },
    });
    await renderInTestApp(<MlHomePage />, { apis: [[mlHomeApiRef, api]] });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No ML projects yet')).toBeInTheDocument();
    expect(calls).toBe(2);
  });
});
