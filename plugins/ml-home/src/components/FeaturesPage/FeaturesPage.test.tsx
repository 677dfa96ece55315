import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  Dataset,
  MlHomeApi,
  SearchDatasetsQuery,
} from '@ml-home/plugin-ml-home-common';
import { FeaturesPage } from './FeaturesPage';
import { fakeMlHomeApi as fakeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage } from '../common/__testUtils__/renderPage';

jest.setTimeout(60_000);

function dataset(
  project: string,
  name: string,
  extra: Partial<Dataset> = {},
): Dataset {
  return {
    id: `${project}/${name}`,
    project,
    name,
    kind: 'feature-set',
    uri: '',
    description: '',
    features: [
      { name: `${name}_f1`, type: 'float', description: 'First feature' },
    ],
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
    createdBy: 'user:default/alice',
    ...extra,
  };
}

const ALL = [
  dataset('churn', 'listener-profile'),
  dataset('search', 'query-log', { kind: 'training-set' }),
];

function api(
  calls: SearchDatasetsQuery[] = [],
  overrides: Partial<MlHomeApi> = {},
) {
  return fakeApi({
    searchDatasets: async (query = {}) => {
      calls.push(query);
      const items = ALL.filter(
        d =>
          (!query.q || d.name.includes(query.q)) &&
          (!query.kind || d.kind === query.kind) &&
          (!query.project || d.project === query.project),
      );
      return { items, totalCount: items.length };
    },
    getDataset: async (project, name) => ({
      ...ALL.find(d => d.project === project && d.name === name)!,
      consumers: {
        runCount: 2,
        runs: [{ runId: 'b'.repeat(32), name: 'nightly-12', project }],
        modelVersions: [{ model: `${project}-model`, version: 2 }],
      },
    }),
    ...overrides,
  });
}

const render = (url = '/ml-home/features', mlHomeApi = api()) =>
  renderPage(<FeaturesPage />, { path: '/features', url, api: mlHomeApi });

describe('FeaturesPage', () => {
  it('lists datasets of all projects and expands one to show schema and consumers', async () => {
    const { location } = await render();
    const summary = await screen.findByRole('button', {
      name: /listener-profile/,
    });
    expect(
      screen.getByRole('button', { name: /query-log/ }),
    ).toBeInTheDocument();
    await userEvent.click(summary);
    expect(await screen.findByText('listener-profile_f1')).toBeInTheDocument();
    expect(screen.getByText('First feature')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'churn-model v2' }),
    ).toHaveAttribute('href', '/ml-home/models/churn-model?version=2');
    expect(screen.getByRole('link', { name: 'nightly-12' })).toHaveAttribute(
      'href',
      `/ml-home/compare?runs=${'b'.repeat(32)}`,
    );
    expect(screen.getByText('Runs that read it (2)')).toBeInTheDocument();
    await waitFor(() =>
      expect(new URLSearchParams(location().search).get('open')).toBe(
        'churn/listener-profile',
      ),
    );
  });

  it('filters by kind and text on the server, in the URL', async () => {
    const calls: SearchDatasetsQuery[] = [];
    const { location } = await render('/ml-home/features', api(calls));
    await screen.findByRole('button', { name: /listener-profile/ });
    await userEvent.click(screen.getByLabelText('Kind'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Training sets' }),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: /listener-profile/ }),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.getByRole('button', { name: /query-log/ }),
    ).toBeInTheDocument();
    expect(new URLSearchParams(location().search).get('kind')).toBe(
      'training-set',
    );
    expect(calls[calls.length - 1].kind).toBe('training-set');

    const input = screen.getByLabelText('Search datasets and feature sets');
    fireEvent.change(input, { target: { value: 'nothing' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByText('No dataset matches')).toBeInTheDocument();
    expect(calls[calls.length - 1]).toMatchObject({
      q: 'nothing',
      kind: 'training-set',
    });
  });

  it('opens the dataset a link names', async () => {
    const calls: SearchDatasetsQuery[] = [];
    await render(
      '/ml-home/features?project=search&q=query-log&open=search%2Fquery-log',
      api(calls),
    );
    expect(await screen.findByText('query-log_f1')).toBeInTheDocument();
    expect(calls[0]).toMatchObject({ project: 'search', q: 'query-log' });
    expect(screen.getByText('project: search')).toBeInTheDocument();
  });

  it('tells the user how to register data when there is none', async () => {
    await render(
      '/ml-home/features',
      api([], { searchDatasets: async () => ({ items: [], totalCount: 0 }) }),
    );
    expect(
      await screen.findByText('No dataset is registered yet'),
    ).toBeInTheDocument();
  });

  it('shows a load error and retries', async () => {
    let calls = 0;
    await render(
      '/ml-home/features',
      api([], {
        searchDatasets: async () => {
          calls += 1;
          if (calls === 1) throw new Error('backend down');
          return { items: ALL, totalCount: 2 };
        },
      }),
    );
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('button', { name: /listener-profile/ }),
    ).toBeInTheDocument();
  });
});
