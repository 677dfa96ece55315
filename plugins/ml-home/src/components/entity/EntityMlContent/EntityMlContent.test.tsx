import type { Entity } from '@backstage/catalog-model';
import type { ListDeploymentsQuery } from '@ml-home/plugin-ml-home-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeMlHomeApi } from '../../../testUtils/fakeMlHomeApi';
import { responseError } from '../../common/__testUtils__/renderPage';
import {
  alias,
  componentEntity,
  deployment,
  evaluationSummary,
  groupEntity,
  mlModelEntity,
  model,
  modelVersion,
  renderEntity,
  userEntity,
} from '../__testUtils__/renderEntity';
import { EntityMlContent } from './EntityMlContent';

// Entity pages render several cards and tables; a loaded two-core machine is slow to paint them.
jest.setTimeout(60_000);

const SERVICE = 'component:default/churn-scoring-service';

/** The cards of the models on the tab (the app has other regions, such as its toasts). */
const modelRegions = () =>
  screen.queryAllByRole('region', { name: /^ML model / });

const owners: Entity[] = [
  groupEntity('churn-team', {
    title: 'Churn Team',
    email: 'churn@example.com',
    members: ['alice', 'bob', 'carol'],
  }),
  userEntity('alice', {
    displayName: 'Alice Adams',
    email: 'alice@example.com',
  }),
  userEntity('bob', { displayName: 'Bob Brown', email: 'bob@example.com' }),
  // No address: not offered as a contact.
  userEntity('carol', { displayName: 'Carol Chen' }),
];

const churnModel = model('churn-model', {
  aliases: [
    alias('production', 3),
    alias('champion', 3),
    alias('candidate', 4),
  ],
});
const upsellModel = model('upsell-model', {
  project: 'upsell',
  latestVersion: 2,
  versionCount: 2,
  aliases: [alias('champion', 2)],
});

function serviceApi(
  options: {
    deployments?: ReturnType<typeof deployment>[];
    listDeployments?: (q?: ListDeploymentsQuery) => Promise<any>;
  } = {},
) {
  const calls: (ListDeploymentsQuery | undefined)[] = [];
  const api = fakeMlHomeApi({
    listDeployments:
      options.listDeployments ??
      (async query => {
        calls.push(query);
        return { items: options.deployments ?? [] };
      }),
    getModel: async name => {
      if (name === 'churn-model') return churnModel;
      if (name === 'upsell-model') return upsellModel;
      throw await responseError(
        404,
        'NotFoundError',
        `model '${name}' not found`,
      );
    },
  });
  return { api, calls };
}

describe('EntityMlContent on a component', () => {
  it('lists the models the service serves with version and aliases per environment, the owner team and its contacts', async () => {
    const { api, calls } = serviceApi({
      deployments: [
        deployment('churn-model', 4, 'staging', SERVICE),
        deployment('churn-model', 3, 'production', SERVICE),
      ],
    });
    renderEntity(<EntityMlContent />, {
      entity: componentEntity('churn-scoring-service'),
      api,
      catalogEntities: owners,
    });

    const card = await screen.findByRole('region', {
      name: 'ML model churn-model',
    });
    expect(
      within(card).getByRole('heading', { name: 'churn-model' }),
    ).toBeInTheDocument();
    expect(calls[0]).toEqual(
      expect.objectContaining({ service: SERVICE, status: 'active' }),
    );

    const table = within(card).getByRole('table', {
      name: 'Active deployments of churn-model on this service',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    // Production first, whatever order the API answered in.
    expect(within(rows[0]).getAllByRole('cell')[0]).toHaveTextContent(
      'production',
    );
    expect(within(rows[0]).getByRole('link', { name: 'v3' })).toHaveAttribute(
      'href',
      '/ml-home/models/churn-model?version=3',
    );
    expect(
      within(
        within(rows[0]).getByRole('list', {
          name: 'Aliases of churn-model v3',
        }),
      )
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual(['champion', 'production']);
    expect(within(rows[1]).getAllByRole('cell')[0]).toHaveTextContent(
      'staging',
    );
    expect(within(rows[1]).getByText('v4')).toBeInTheDocument();
    expect(
      within(rows[1]).getByRole('list', { name: 'Aliases of churn-model v4' }),
    ).toHaveTextContent('candidate');

    // Owner team links to its catalog page; its address and members' addresses to write to.
    expect(
      await within(card).findByRole('link', {
        name: /^(Churn Team|churn-team)$/,
      }),
    ).toHaveAttribute('href', '/catalog/default/group/churn-team');
    const contacts = await within(card).findByRole('list', {
      name: 'Contacts of Churn Team',
    });
    expect(
      within(contacts).getByRole('link', { name: 'Email Churn Team' }),
    ).toHaveAttribute('href', 'mailto:churn@example.com');
    expect(
      within(contacts).getByRole('link', { name: 'Email Alice Adams' }),
    ).toHaveAttribute('href', 'mailto:alice@example.com');
    expect(
      within(contacts).getByRole('link', { name: 'Email Bob Brown' }),
    ).toHaveAttribute('href', 'mailto:bob@example.com');
    expect(within(contacts).queryByText('Carol Chen')).not.toBeInTheDocument();

    expect(
      within(card).getByRole('link', { name: 'Open churn-model in ML Home' }),
    ).toHaveAttribute('href', '/ml-home/models/churn-model');
    expect(within(card).getByRole('link', { name: 'churn' })).toHaveAttribute(
      'href',
      '/ml-home/projects/churn',
    );
    expect(
      screen.getByText(/1 ML model: 1 with an active deployment/),
    ).toBeInTheDocument();
  });

  it('shows models named only in ml-home.io/models, and says when ML Home does not know a name', async () => {
    const { api } = serviceApi({
      deployments: [deployment('churn-model', 3, 'production', SERVICE)],
    });
    renderEntity(<EntityMlContent />, {
      entity: componentEntity(
        'churn-scoring-service',
        'upsell-model, churn-model, ghost-model, Bad_Name',
      ),
      api,
      catalogEntities: owners,
    });

    const upsell = await screen.findByRole('region', {
      name: 'ML model upsell-model',
    });
    expect(
      within(upsell).getByText(/ML Home has no active deployment of it/),
    ).toBeInTheDocument();
    expect(
      within(
        within(upsell).getByRole('list', { name: 'Aliases of upsell-model' }),
      ).getByRole('link', { name: 'champion → v2' }),
    ).toHaveAttribute('href', '/ml-home/models/upsell-model?version=2');
    expect(
      within(upsell).getByRole('link', { name: 'upsell' }),
    ).toHaveAttribute('href', '/ml-home/projects/upsell');

    // The deployed model comes first; the annotation adds to it, not twice.
    expect(modelRegions().map(r => r.getAttribute('aria-label'))).toEqual([
      'ML model churn-model',
      'ML model ghost-model',
      'ML model upsell-model',
    ]);
    const ghost = screen.getByRole('region', { name: 'ML model ghost-model' });
    expect(
      within(ghost).getByText(/ML Home has no model named “ghost-model”/),
    ).toBeInTheDocument();
    expect(
      within(ghost).queryByRole('link', { name: /Open ghost-model/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(/values that are not model names: Bad_Name/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /3 ML models: 1 with an active deployment on this service, 2 only named in ml-home.io\/models/,
      ),
    ).toBeInTheDocument();
  });

  it('explains how to link a service to its models when none is linked', async () => {
    const { api, calls } = serviceApi();
    renderEntity(<EntityMlContent />, {
      entity: componentEntity('churn-scoring-service'),
      api,
    });

    expect(
      await screen.findByText('No ML models are linked to this service'),
    ).toBeInTheDocument();
    expect(calls).toHaveLength(1);
    expect(
      screen.getByText(/Name the models in the service's catalog-info.yaml/),
    ).toBeInTheDocument();
    // The snippets load their highlighter lazily.
    await waitFor(() =>
      expect(document.body.textContent).toContain(
        'ml-home.io/models: <model-name>, <other-model-name>',
      ),
    );
    expect(
      screen.getByText('POST /api/ml-home/models/<model-name>/deployments'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(document.body.textContent).toContain(`"service": "${SERVICE}"`),
    );
    expect(modelRegions()).toHaveLength(0);
  });

  it('shows a load failure with a retry that loads the models', async () => {
    let fail = true;
    const { api } = serviceApi({
      listDeployments: async () => {
        if (fail) throw new Error('ML Home is down');
        return {
          items: [deployment('churn-model', 3, 'production', SERVICE)],
        };
      },
    });
    renderEntity(<EntityMlContent />, {
      entity: componentEntity('churn-scoring-service'),
      api,
      catalogEntities: owners,
    });

    expect(
      await screen.findByText(
        /The models this service serves could not be loaded/,
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/ML Home is down/).length).toBeGreaterThan(0);
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('region', { name: 'ML model churn-model' }),
    ).toBeInTheDocument();
  });

  it('pages through a long list of models', async () => {
    const names = Array.from(
      { length: 12 },
      (_, i) => `m${String(i).padStart(2, '0')}-model`,
    );
    const api = fakeMlHomeApi({
      listDeployments: async () => ({
        items: names.map(n => deployment(n, 1, 'production', SERVICE)),
      }),
      getModel: async name => model(name),
    });
    renderEntity(<EntityMlContent />, {
      entity: componentEntity('churn-scoring-service'),
      api,
    });

    await screen.findByRole('region', { name: 'ML model m00-model' });
    expect(modelRegions()).toHaveLength(10);
    expect(screen.getByText('1–10 of 12')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Next page of models' }),
    );
    await screen.findByRole('region', { name: 'ML model m11-model' });
    expect(modelRegions()).toHaveLength(2);
  });
});

describe('EntityMlContent on an ml-model resource', () => {
  it('shows the model: owner, versions with aliases, active deployments, the latest verdict and the way to ML Home', async () => {
    const versionQueries: unknown[] = [];
    const api = fakeMlHomeApi({
      getModel: async () => churnModel,
      listModelVersions: async (_name, page) => {
        versionQueries.push(page);
        return {
          items: [
            modelVersion('churn-model', 4, ['candidate']),
            modelVersion('churn-model', 3, ['champion', 'production']),
          ],
          totalCount: 2,
        };
      },
      listDeployments: async query => {
        expect(query).toEqual(
          expect.objectContaining({ model: 'churn-model', status: 'active' }),
        );
        return {
          items: [deployment('churn-model', 3, 'production', SERVICE)],
          totalCount: 1,
        };
      },
      listEvaluations: async query => {
        expect(query).toEqual(
          expect.objectContaining({ model: 'churn-model', limit: 1 }),
        );
        return {
          items: [
            evaluationSummary({
              pass: false,
              failingSlices: ['country=BR', 'plan=family'],
              sliceCount: 6,
              baselineVersion: 3,
              regressions: 2,
            }),
          ],
          totalCount: 1,
        };
      },
    });
    renderEntity(<EntityMlContent />, {
      entity: mlModelEntity('churn-model', 'churn'),
      api,
      catalogEntities: owners,
    });

    expect(
      await screen.findByRole('heading', { name: 'ML Home model' }),
    ).toBeInTheDocument();
    expect(screen.getByText('churn-model description')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Email Churn Team' }),
    ).toHaveAttribute('href', 'mailto:churn@example.com');

    const versions = await screen.findByRole('table', {
      name: 'Versions of churn-model',
    });
    const rows = within(versions).getAllByRole('row').slice(1);
    expect(
      rows.map(r => within(r).getAllByRole('cell')[0].textContent),
    ).toEqual(['v4', 'v3']);
    expect(
      within(rows[1]).getByRole('list', { name: 'Aliases of churn-model v3' }),
    ).toHaveTextContent('championproduction');
    expect(versionQueries[0]).toEqual(expect.objectContaining({ limit: 10 }));

    const deployments = await screen.findByRole('table', {
      name: 'Active deployments of churn-model',
    });
    expect(
      within(deployments).getByRole('link', { name: /churn-scoring-service/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/churn-scoring-service',
    );

    expect(await screen.findByText('Failed')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Failing on 2 of 6 slices: country=BR, plan=family; 2 regressions against v3/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'holdout-nov' })).toHaveAttribute(
      'href',
      '/ml-home/evaluations/eval-1',
    );
    expect(
      screen.getByRole('link', { name: 'Open the full model page in ML Home' }),
    ).toHaveAttribute('href', '/ml-home/models/churn-model');
  });

  it('says so when ML Home no longer has the model', async () => {
    const api = fakeMlHomeApi({
      getModel: async name => {
        throw await responseError(404, 'NotFoundError', `no model ${name}`);
      },
    });
    renderEntity(<EntityMlContent />, {
      entity: mlModelEntity('gone-model', 'churn'),
      api,
    });
    expect(
      await screen.findByText(/ML Home has no model named “gone-model”/),
    ).toBeInTheDocument();
  });

  it('explains an empty model: no deployment, no evaluation', async () => {
    const api = fakeMlHomeApi({
      getModel: async () =>
        model('new-model', { versionCount: 0, latestVersion: undefined }),
      listModelVersions: async () => ({ items: [], totalCount: 0 }),
      listDeployments: async () => ({ items: [], totalCount: 0 }),
      listEvaluations: async () => ({ items: [], totalCount: 0 }),
    });
    renderEntity(<EntityMlContent />, {
      entity: mlModelEntity('new-model', 'churn'),
      api,
      catalogEntities: owners,
    });
    expect(
      await screen.findByText(/No service serves this model now/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/No evaluation is recorded for this model/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/No version is registered yet\. Register/),
    ).toBeInTheDocument();
  });
});

describe('EntityMlContent elsewhere', () => {
  it('explains where the tab belongs on other kinds', async () => {
    const api = fakeMlHomeApi({});
    renderEntity(<EntityMlContent />, {
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: { name: 'billing-api', namespace: 'default' },
        spec: {},
      },
      api,
    });
    await waitFor(() =>
      expect(
        screen.getByText('No ML view for this entity'),
      ).toBeInTheDocument(),
    );
  });
});

describe('EntityMlContent links inside sentences', () => {
  /** Underlined, they are told apart from the text around them by more than colour. */
  const decoration = (link: HTMLElement) =>
    getComputedStyle(link).textDecoration;

  it('underlines the project and latest version of a served model', async () => {
    const { api } = serviceApi({
      deployments: [deployment('churn-model', 3, 'production', SERVICE)],
    });
    renderEntity(<EntityMlContent />, {
      entity: componentEntity('churn-scoring-service'),
      api,
      catalogEntities: owners,
    });
    const card = await screen.findByRole('region', {
      name: 'ML model churn-model',
    });
    expect(
      decoration(within(card).getByRole('link', { name: 'v4' })),
    ).toContain('underline');
    expect(
      decoration(within(card).getByRole('link', { name: 'churn' })),
    ).toContain('underline');
  });

  it("underlines the latest evaluation and its version on a model's tab", async () => {
    const api = fakeMlHomeApi({
      getModel: async () => churnModel,
      listModelVersions: async () => ({ items: [], totalCount: 0 }),
      listDeployments: async () => ({ items: [], totalCount: 0 }),
      listEvaluations: async () => ({
        items: [evaluationSummary({ version: 4 })],
        totalCount: 1,
      }),
    });
    renderEntity(<EntityMlContent />, {
      entity: mlModelEntity('churn-model', 'churn'),
      api,
      catalogEntities: owners,
    });
    const latest = await screen.findByRole('link', {
      name: evaluationSummary().name,
    });
    expect(decoration(latest)).toContain('underline');
    expect(
      decoration(
        within(latest.parentElement!).getByRole('link', { name: 'v4' }),
      ),
    ).toContain('underline');
  });
});
