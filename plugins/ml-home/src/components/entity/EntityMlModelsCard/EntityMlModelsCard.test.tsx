import type { SearchModelsQuery } from '@ml-home/plugin-ml-home-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeMlHomeApi } from '../../../testUtils/fakeMlHomeApi';
import {
  alias,
  componentEntity,
  deployment,
  groupEntity,
  model,
  renderEntity,
} from '../__testUtils__/renderEntity';
import { EntityMlModelsCard } from './EntityMlModelsCard';

jest.setTimeout(60_000);

const SERVICE = 'component:default/churn-scoring-service';

describe('EntityMlModelsCard on a group', () => {
  it("lists the team's models with project, latest version and aliases, page by page", async () => {
    const queries: (SearchModelsQuery | undefined)[] = [];
    const api = fakeMlHomeApi({
      searchModels: async query => {
        queries.push(query);
        return query?.cursor
          ? { items: [model('late-model', { project: 'late' })], totalCount: 6 }
          : {
              items: [
                model('churn-model', {
                  aliases: [alias('production', 3), alias('candidate', 4)],
                }),
                ...['a', 'b', 'c', 'd'].map(x => model(`${x}-model`)),
              ],
              nextCursor: 'page-2',
              totalCount: 6,
            };
      },
    });
    renderEntity(<EntityMlModelsCard />, {
      entity: groupEntity('churn-team'),
      api,
    });

    const list = await screen.findByRole('list', {
      name: 'ML models owned by this team',
    });
    expect(queries[0]).toEqual(
      expect.objectContaining({ owner: 'group:default/churn-team', limit: 5 }),
    );
    expect(screen.getByText('6 owned by this team')).toBeInTheDocument();
    const first = within(list).getAllByRole('listitem')[0];
    expect(
      within(first).getByRole('link', { name: 'churn-model' }),
    ).toHaveAttribute('href', '/ml-home/models/churn-model');
    const project = within(first).getByRole('link', { name: 'churn' });
    expect(project).toHaveAttribute('href', '/ml-home/projects/churn');
    // Inside a sentence: underlined, not told apart by colour alone.
    expect(getComputedStyle(project).textDecoration).toContain('underline');
    expect(within(first).getByText(/latest v4/)).toBeInTheDocument();
    expect(
      within(
        within(first).getByRole('list', { name: 'Aliases of churn-model' }),
      )
        .getAllByRole('link')
        .map(a => a.textContent),
    ).toEqual(['candidate → v4', 'production → v3']);

    await userEvent.click(
      screen.getByRole('button', { name: 'Next page of models' }),
    );
    expect(
      await screen.findByRole('link', { name: 'late-model' }),
    ).toBeInTheDocument();
    expect(queries[queries.length - 1]).toEqual(
      expect.objectContaining({ cursor: 'page-2' }),
    );
  });

  it('explains how a team comes to own models when it owns none', async () => {
    const api = fakeMlHomeApi({
      searchModels: async () => ({ items: [], totalCount: 0 }),
    });
    renderEntity(<EntityMlModelsCard />, {
      entity: groupEntity('web-team'),
      api,
    });
    expect(
      await screen.findByText(/This team owns no ML model in ML Home/),
    ).toBeInTheDocument();
  });
});

describe('EntityMlModelsCard on a component', () => {
  it('sums up what the service serves: version and aliases per environment, and the owner', async () => {
    const api = fakeMlHomeApi({
      listDeployments: async () => ({
        items: [
          deployment('churn-model', 3, 'production', SERVICE),
          deployment('churn-model', 4, 'staging', SERVICE),
        ],
      }),
      getModel: async name =>
        model(name, {
          aliases:
            name === 'churn-model'
              ? [alias('production', 3), alias('champion', 3)]
              : [],
        }),
    });
    renderEntity(<EntityMlModelsCard />, {
      entity: componentEntity('churn-scoring-service', 'upsell-model'),
      api,
    });

    const list = await screen.findByRole('list', {
      name: 'ML models of this service',
    });
    const [churn, upsell] = within(list).getAllByRole('listitem');
    expect(
      within(churn).getByRole('link', { name: 'churn-model' }),
    ).toHaveAttribute('href', '/ml-home/models/churn-model');
    expect(
      within(churn).getByText(
        'production: v3 (champion, production) · staging: v4',
      ),
    ).toBeInTheDocument();
    expect(
      within(churn).getByRole('link', { name: /churn-team/ }),
    ).toHaveAttribute('href', '/catalog/default/group/churn-team');
    expect(
      within(upsell).getByText(/Named in ml-home.io\/models; not deployed/),
    ).toBeInTheDocument();
  });

  it('tells how to link models when the service has none', async () => {
    const api = fakeMlHomeApi({
      listDeployments: async () => ({ items: [] }),
    });
    renderEntity(<EntityMlModelsCard />, {
      entity: componentEntity('checkout-web'),
      api,
    });
    expect(
      await screen.findByText(/No ML model is linked to this service/),
    ).toHaveTextContent(
      'Add ml-home.io/models: <model-name> to its catalog-info.yaml, or record a deployment in ML Home that names component:default/checkout-web',
    );
  });
});
