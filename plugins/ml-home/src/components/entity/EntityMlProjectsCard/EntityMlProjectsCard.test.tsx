import type { ListProjectsQuery } from '@ml-home/plugin-ml-home-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeMlHomeApi } from '../../../testUtils/fakeMlHomeApi';
import {
  groupEntity,
  project,
  renderEntity,
} from '../__testUtils__/renderEntity';
import { EntityMlProjectsCard } from './EntityMlProjectsCard';

jest.setTimeout(60_000);

const facets = { owner: [], tag: [], lifecycle: [] } as any;

describe('EntityMlProjectsCard', () => {
  it("lists the team's project spaces, most recently active first, with links to them", async () => {
    const queries: (ListProjectsQuery | undefined)[] = [];
    const api = fakeMlHomeApi({
      listProjects: async query => {
        queries.push(query);
        return {
          items: [
            project('churn-prediction', {
              title: 'Churn prediction',
              description: '# Churn\n\nPredicts **subscriber** churn.',
            }),
            project('upsell', { title: 'Upsell', lifecycle: 'experimental' }),
          ],
          totalCount: 2,
          facets,
        };
      },
    });
    renderEntity(<EntityMlProjectsCard />, {
      entity: groupEntity('churn-team'),
      api,
    });

    const list = await screen.findByRole('list', {
      name: 'ML projects owned by this team',
    });
    expect(queries[0]).toEqual(
      expect.objectContaining({
        owner: ['group:default/churn-team'],
        orderBy: 'lastActivityAt',
        order: 'desc',
      }),
    );
    const [churn, upsell] = within(list).getAllByRole('listitem');
    expect(
      within(churn).getByRole('link', { name: 'Churn prediction' }),
    ).toHaveAttribute('href', '/ml-home/projects/churn-prediction');
    expect(
      within(churn).getByText('Predicts subscriber churn.'),
    ).toBeInTheDocument();
    expect(within(churn).getByText('production')).toBeInTheDocument();
    expect(
      within(upsell).getByRole('link', { name: 'Upsell' }),
    ).toHaveAttribute('href', '/ml-home/projects/upsell');
    expect(within(upsell).getByText('experimental')).toBeInTheDocument();
    expect(screen.getByText('2 owned by this team')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: "The team's projects in ML Home" }),
    ).toHaveAttribute(
      'href',
      `/ml-home?owner=${encodeURIComponent('group:default/churn-team')}`,
    );
  });

  it('invites the team to create a project when it owns none', async () => {
    const api = fakeMlHomeApi({
      listProjects: async () => ({ items: [], totalCount: 0, facets }),
    });
    renderEntity(<EntityMlProjectsCard />, {
      entity: groupEntity('web-team'),
      api,
    });
    expect(
      await screen.findByText(/This team owns no ML Home project yet/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Create one in ML Home' }),
    ).toHaveAttribute('href', '/ml-home');
  });

  it('shows a failure with a retry', async () => {
    let fail = true;
    const api = fakeMlHomeApi({
      listProjects: async () => {
        if (fail) throw new Error('backend unavailable');
        return { items: [project('churn')], totalCount: 1, facets };
      },
    });
    renderEntity(<EntityMlProjectsCard />, {
      entity: groupEntity('churn-team'),
      api,
    });
    expect(
      await screen.findByText(/The team's projects could not be loaded/),
    ).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'churn' })).toHaveAttribute(
      'href',
      '/ml-home/projects/churn',
    );
  });
});
