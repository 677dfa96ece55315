import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  Deployment,
  LineageGraph,
  MlHomeApi,
  Model,
  ModelVersion,
} from '@ml-home/plugin-ml-home-common';
import { ModelPage } from './ModelPage';
import { fakeMlHomeApi as fakeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage, responseError } from '../common/__testUtils__/renderPage';

jest.setTimeout(90_000);

// jsdom does not lay out SVG; the dependency graph measures its nodes with getBBox.
beforeAll(() => {
  (SVGElement.prototype as any).getBBox = () => ({
    x: 0,
    y: 0,
    width: 180,
    height: 46,
  });
});

const RUN_ID = 'c'.repeat(32);

const MODEL: Model = {
  id: 'm1',
  project: 'churn',
  name: 'churn-classifier',
  description: 'Gradient-boosted churn classifier',
  owner: 'group:default/growth',
  latestVersion: 4,
  versionCount: 2,
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

const version = (
  v: number,
  extra: Partial<ModelVersion> = {},
): ModelVersion => ({
  id: `mv${v}`,
  model: 'churn-classifier',
  version: v,
  runId: RUN_ID,
  artifactUri: `s3://models/churn/${v}`,
  framework: 'xgboost',
  description: `Version ${v}`,
  modelCard: {},
  aliases: [],
  createdAt: '2026-10-01T00:00:00.000Z',
  createdBy: 'user:default/alice',
  ...extra,
});

const VERSIONS = [
  version(4),
  version(3, {
    aliases: ['production'],
    modelCard: {
      intendedUse: 'Rank listeners by **churn risk** for retention offers.',
    },
  }),
];

const DEPLOYMENT: Deployment = {
  id: 'dep-1',
  project: 'churn',
  model: 'churn-classifier',
  version: 3,
  environment: 'production',
  service: 'component:default/churn-scorer',
  endpoint: 'https://churn-scorer.internal/predict',
  status: 'active',
  deployedAt: '2026-10-01T00:00:00.000Z',
  createdBy: 'user:default/alice',
};

const lineage = (v: number): LineageGraph => ({
  nodes: [
    {
      id: 'dataset:churn/listening-sessions',
      kind: 'dataset',
      label: 'listening-sessions',
      ref: 'churn/listening-sessions',
      status: 'training-set',
    },
    {
      id: 'dataset:churn/listening-sessions-with-skips-and-replays',
      kind: 'dataset',
      label: 'listening-sessions-with-skips-and-replays',
      ref: 'churn/listening-sessions-with-skips-and-replays',
      status: 'feature-set',
    },
    {
      id: `run:${RUN_ID}`,
      kind: 'run',
      label: 'weekly-3',
      ref: RUN_ID,
      status: 'FINISHED',
    },
    {
      id: `model-version:churn-classifier/${v}`,
      kind: 'model-version',
      label: `churn-classifier v${v}`,
      ref: `churn-classifier/${v}`,
    },
    {
      id: 'deployment:dep-1',
      kind: 'deployment',
      label: 'production',
      ref: 'dep-1',
      status: 'active',
    },
    {
      id: 'component:default/churn-scorer',
      kind: 'component',
      label: 'churn-scorer',
      ref: 'component:default/churn-scorer',
    },
  ],
  edges: [
    {
      from: 'dataset:churn/listening-sessions-with-skips-and-replays',
      to: `run:${RUN_ID}`,
      label: 'trained on',
    },
    {
      from: 'dataset:churn/listening-sessions',
      to: `run:${RUN_ID}`,
      label: 'trained on',
    },
    {
      from: `run:${RUN_ID}`,
      to: `model-version:churn-classifier/${v}`,
      label: 'produced',
    },
    {
      from: `model-version:churn-classifier/${v}`,
      to: 'deployment:dep-1',
      label: 'deployed as',
    },
    {
      from: 'deployment:dep-1',
      to: 'component:default/churn-scorer',
      label: 'served by',
    },
  ],
});

function api(overrides: Partial<MlHomeApi> = {}) {
  let model = MODEL;
  return fakeApi({
    getModel: async name => {
      if (name !== 'churn-classifier') {
        throw await responseError(
          404,
          'NotFoundError',
          `No model named '${name}'`,
        );
      }
      return model;
    },
    listModelVersions: async () => ({ items: VERSIONS, totalCount: 2 }),
    getModelVersion: async (_m, v) => VERSIONS.find(x => x.version === v)!,
    listModelDeployments: async () => ({ items: [DEPLOYMENT] }),
    getModelVersionLineage: async (_m, v) => lineage(v),
    getModelAliasHistory: async () => ({
      items: [
        {
          alias: 'production',
          fromVersion: 2,
          toVersion: 3,
          actor: 'user:default/alice',
          createdAt: '2026-10-01T00:00:00.000Z',
        },
      ],
    }),
    getMonitoring: async (id, metric) => ({
      deploymentId: id,
      metric,
      points: [
        { timestamp: 1764115200000, value: 41 },
        { timestamp: 1764118800000, value: 44 },
      ],
      totalPoints: 2,
      downsampled: false,
    }),
    setModelAlias: async (_m, alias, v) => {
      model = {
        ...model,
        aliases: [{ ...model.aliases[0], alias, version: v }],
      };
      return model.aliases[0];
    },
    ...overrides,
  });
}

/**
 * A lineage node by its graph id (role queries are slow on this big page), checked to be a
 * named link. The graph stays hidden until its layout settles, so wait until the name is exposed.
 */
async function lineageNode(id: string, name: string) {
  const node = await screen.findByTestId(`lineage-node-${id}`);
  expect(node).toHaveAttribute('role', 'link');
  await waitFor(() => expect(node).toHaveAccessibleName(name));
  // Label in name (WCAG 2.5.3), read as axe reads it: the node's text run together (an SVG <title>
  // counts, and its <text> elements join without a space), its words in order are words of the
  // accessible name.
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const shown = words(node.textContent ?? '').join(' ');
  expect(` ${words(name).join(' ')} `).toContain(` ${shown} `);
  return node;
}

/** The serving component in the catalog, owned by the team on call for it. */
const SERVING_COMPONENT = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'churn-scorer', namespace: 'default' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/scoring-oncall',
  },
};

const render = (url = '/ml-home/models/churn-classifier', mlHomeApi = api()) =>
  renderPage(<ModelPage />, {
    path: '/models/:modelName',
    url,
    api: mlHomeApi,
    catalogEntities: [SERVING_COMPONENT],
  });

describe('ModelPage', () => {
  it('shows versions, aliases, deployments and the model card of the production version', async () => {
    await render();
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'churn-classifier',
      }),
    ).toBeInTheDocument();
    // The production version is the one shown by default.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Show v3' })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );
    expect(screen.getByRole('button', { name: 'Show v4' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    const aliases = screen.getByRole('list', { name: 'Current aliases' });
    expect(within(aliases).getByText('production → v3')).toBeInTheDocument();
    expect(
      await screen.findByText('production moved from v2 to v3'),
    ).toBeInTheDocument();
    expect(await screen.findByText('churn risk')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Intended use' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: /churn-scorer\.internal/ }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', {
        name: 'Line chart of latency_p99_ms for 1 series',
      }),
    ).toBeInTheDocument();
  });

  it('draws the lineage with nodes that open what they show', async () => {
    const { location } = await render();
    const dataset = await lineageNode(
      'dataset:churn/listening-sessions',
      'dataset · training-set listening-sessions',
    );
    await lineageNode(`run:${RUN_ID}`, 'run · FINISHED weekly-3');
    await lineageNode(
      'model-version:churn-classifier/3',
      'model version · v3 churn-classifier',
    );
    await lineageNode('deployment:dep-1', 'deployment · active production');
    // A name too long for its node is cut after a whole word, and said in full.
    const long = await lineageNode(
      'dataset:churn/listening-sessions-with-skips-and-replays',
      'dataset · feature-set listening-sessions-with-skips-and-replays',
    );
    expect(long).toHaveTextContent(/listening-sessions…$/);

    await userEvent.click(dataset);
    await waitFor(() => expect(location().pathname).toBe('/ml-home/features'));
    expect(new URLSearchParams(location().search).get('open')).toBe(
      'churn/listening-sessions',
    );
  });

  it('opens the serving service in the catalog', async () => {
    const { location } = await render();
    const service = await lineageNode(
      'component:default/churn-scorer',
      'service churn-scorer',
    );
    await userEvent.click(service);
    await waitFor(() =>
      expect(location().pathname).toBe(
        '/catalog/default/component/churn-scorer',
      ),
    );
  });

  it('opens the run of a version with the keyboard', async () => {
    const { location } = await render();
    const run = await lineageNode(`run:${RUN_ID}`, 'run · FINISHED weekly-3');
    run.focus();
    fireEvent.keyDown(run, { key: 'Enter' });
    await waitFor(() => expect(location().pathname).toBe('/ml-home/compare'));
    expect(new URLSearchParams(location().search).get('runs')).toBe(RUN_ID);
  });

  it('shows the lineage of the version picked', async () => {
    const asked: number[] = [];
    const { location } = await render(
      '/ml-home/models/churn-classifier',
      api({
        getModelVersionLineage: async (_m, v) => {
          asked.push(v);
          return lineage(v);
        },
      }),
    );
    await lineageNode(
      'model-version:churn-classifier/3',
      'model version · v3 churn-classifier',
    );
    await userEvent.click(screen.getByLabelText('Version'));
    await userEvent.click(await screen.findByRole('option', { name: 'v4' }));
    await lineageNode(
      'model-version:churn-classifier/4',
      'model version · v4 churn-classifier',
    );
    expect(asked).toEqual([3, 4]);
    expect(new URLSearchParams(location().search).get('version')).toBe('4');
  });

  it('moves an alias after a confirmation that lists the serving services', async () => {
    const moves: [string, string, number][] = [];
    const base = api();
    const mlHomeApi = {
      ...base,
      setModelAlias: async (m: string, alias: string, v: number) => {
        moves.push([m, alias, v]);
        return base.setModelAlias(m, alias, v);
      },
    };
    await render('/ml-home/models/churn-classifier', mlHomeApi);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Move alias' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Move an alias' });
    expect(within(dialog).getByLabelText(/^Alias/)).toHaveValue('production');
    await userEvent.click(within(dialog).getByLabelText(/^Version/));
    await userEvent.click(await screen.findByRole('option', { name: 'v4' }));
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Review' }),
    );

    const confirm = await screen.findByRole('dialog', {
      name: 'Move production from v3 to v4?',
    });
    const services = within(confirm).getByRole('list', {
      name: 'Services serving the model',
    });
    expect(within(services).getAllByRole('link')[0]).toHaveAttribute(
      'href',
      '/catalog/default/component/churn-scorer',
    );
    expect(
      within(services).getByText('production · serves v3', { exact: false }),
    ).toBeInTheDocument();
    // Blast radius: who owns each serving service.
    expect(
      await within(services).findByRole('link', { name: /scoring-oncall/ }),
    ).toHaveAttribute('href', '/catalog/default/group/scoring-oncall');
    expect(moves).toEqual([]);

    await userEvent.click(
      within(confirm).getByRole('button', { name: 'Move production to v4' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(moves).toEqual([['churn-classifier', 'production', 4]]);
    expect(await screen.findByText('production → v4')).toBeInTheDocument();
  });

  it('keeps the dialog open with the reason when the move fails', async () => {
    await render(
      '/ml-home/models/churn-classifier',
      api({
        setModelAlias: async () => {
          throw await responseError(
            403,
            'NotAllowedError',
            'You may not change churn',
          );
        },
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Move production' }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Review' }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: /^Move production to v/ }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You may not change churn',
    );
  });

  it('says when there is no such model', async () => {
    await render('/ml-home/models/nope');
    expect(await screen.findByText('No model named nope')).toBeInTheDocument();
  });

  it('explains the empty states of a model without versions or deployments', async () => {
    await render(
      '/ml-home/models/churn-classifier',
      api({
        getModel: async () => ({
          ...MODEL,
          aliases: [],
          latestVersion: undefined,
          versionCount: 0,
        }),
        listModelVersions: async () => ({ items: [], totalCount: 0 }),
        listModelDeployments: async () => ({ items: [] }),
        getModelAliasHistory: async () => ({ items: [] }),
      }),
    );
    expect(await screen.findByText('No version yet')).toBeInTheDocument();
    expect(
      await screen.findByText(/No version registered yet/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/No deployment recorded/),
    ).toBeInTheDocument();
    expect(screen.getByText(/No alias yet/)).toBeInTheDocument();
  });

  it('shows a load error and retries', async () => {
    let calls = 0;
    await render(
      '/ml-home/models/churn-classifier',
      api({
        getModel: async () => {
          calls += 1;
          if (calls === 1) throw new Error('backend down');
          return MODEL;
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
        name: 'churn-classifier',
      }),
    ).toBeInTheDocument();
  });
});
