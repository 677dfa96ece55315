import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  CompareRequest,
  CompareResult,
  MetricHistory,
} from '@ml-home/plugin-ml-home-common';
import { fakeMlHomeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage } from '../common/__testUtils__/renderPage';
import { loadECharts, ChartOption } from '../charts/echartsSetup';
import { ComparePage } from './ComparePage';

jest.setTimeout(60_000);

const ids = ['a', 'b', 'c'].map(c => c.repeat(32));

const result: CompareResult = {
  items: ids.map((id, i) => ({
    id,
    kind: 'run',
    label: `run-${i + 1}`,
    project: 'churn',
    runId: id,
  })),
  params: [
    { key: 'lr', values: ['0.1', '0.01', '0.001'], differs: true },
    { key: 'optimizer', values: ['adam', 'sgd', null], differs: true },
    { key: 'seed', values: ['7', '7', '7'], differs: false },
  ],
  metrics: [
    {
      key: 'auc',
      direction: 'higher',
      directionSource: 'project',
      last: [0.8, 0.9, 0.85],
      min: [0.5, 0.6, 0.55],
      max: [0.8, 0.9, 0.85],
      best: [1],
    },
    {
      key: 'loss',
      direction: 'lower',
      directionSource: 'heuristic',
      last: [0.4, 0.3, null],
      min: [null, null, null],
      max: [null, null, null],
      best: [1],
    },
  ],
};

function history(runId: string, key: string): MetricHistory {
  const base = ids.indexOf(runId) + 1;
  return {
    runId,
    key,
    totalPoints: 3,
    downsampled: false,
    points: [0, 1, 2].map(step => ({
      step,
      value: base / (step + 1),
      timestamp: 1_000 * step,
    })),
  };
}

async function render(search: string, overrides = {}) {
  const compareCalls: CompareRequest[] = [];
  const historyCalls: [string, string, number | undefined][] = [];
  const api = fakeMlHomeApi({
    compare: async request => {
      compareCalls.push(request);
      return result;
    },
    getMetricHistories: async ({ runIds, key, maxPoints }) => {
      for (const runId of runIds) historyCalls.push([runId, key, maxPoints]);
      return { items: runIds.map(runId => history(runId, key)) };
    },
    ...overrides,
  });
  const rendered = await renderPage(<ComparePage />, {
    path: '/compare',
    url: `/ml-home/compare${search}`,
    api,
  });
  return { ...rendered, compareCalls, historyCalls };
}

/** The option a chart has drawn, once ECharts (loaded on first use) has drawn it. */
async function drawn(name: RegExp): Promise<ChartOption> {
  const img = await screen.findByRole('img', { name });
  await waitFor(() => expect(img).toHaveAttribute('data-rendered', 'true'), {
    // The first chart of a test file loads ECharts.
    timeout: 20_000,
  });
  return loadECharts().getInstanceByDom(img)!.getOption() as ChartOption;
}

/** A drawn line's points as [x, y] pairs (the chart packs them into one Float64Array). */
function pairs(data: ArrayLike<number>): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < data.length; i += 2) out.push([data[i], data[i + 1]]);
  return out;
}

describe('ComparePage', () => {
  it('lists the compared runs with links back to their project', async () => {
    const { compareCalls } = await render(`?runs=${ids.join(',')}`);
    const list = await screen.findByRole('list', { name: 'Compared items' });
    expect(
      within(list).getAllByRole('link', { name: 'churn' })[0],
    ).toHaveAttribute('href', '/ml-home/projects/churn');
    expect(within(list).getByText('run-2')).toBeInTheDocument();
    expect(compareCalls[0]).toEqual({ runs: ids, allParams: true });
  });

  it('asks for model versions named in the URL', async () => {
    const { compareCalls } = await render(
      '?versions=churn-model:1,churn-model:2',
    );
    await screen.findByRole('list', { name: 'Compared items' });
    expect(compareCalls[0]).toEqual({
      modelVersions: [
        { model: 'churn-model', version: 1 },
        { model: 'churn-model', version: 2 },
      ],
      allParams: true,
    });
  });

  it('shows differing params by default and all of them on request, in the URL', async () => {
    const { location } = await render(`?runs=${ids.join(',')}`);
    const table = await screen.findByRole('table', {
      name: 'Param differences',
    });
    expect(within(table).getByText('lr')).toBeInTheDocument();
    expect(within(table).queryByText('seed')).not.toBeInTheDocument();
    expect(within(table).getByLabelText('not set')).toBeInTheDocument();
    expect(screen.getByText('2 of 3 params differ')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Show all params' }),
    );
    expect(within(table).getByText('seed')).toBeInTheDocument();
    expect(location().search).toContain('allParams=true');
  });

  it('starts with all params when the URL says so', async () => {
    await render(`?runs=${ids.join(',')}&allParams=true`);
    const table = await screen.findByRole('table', {
      name: 'Param differences',
    });
    expect(within(table).getByText('seed')).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: 'Show all params' }),
    ).toBeChecked();
  });

  it('lets the keyboard scroll its tables, which scroll on their own', async () => {
    await render(`?runs=${ids.join(',')}&allParams=true`);
    for (const name of ['Param differences', 'Metrics']) {
      const table = await screen.findByRole('table', { name });
      const region = screen.getByRole('region', { name });
      expect(region).toContainElement(table);
      expect(region).toHaveAttribute('tabindex', '0');
    }
  });

  it('marks nothing best, and no direction, for a metric whose direction nobody knows', async () => {
    await render(`?runs=${ids.join(',')}`, {
      compare: async () => ({
        ...result,
        metrics: [
          {
            key: 'grad_norm',
            last: [1.5, 0.9, 2.1],
            min: [null, null, null],
            max: [null, null, null],
            best: [],
          },
        ],
      }),
    });
    const table = await screen.findByRole('table', { name: 'Metrics' });
    const row = within(table).getByRole('row', { name: /^grad_norm/ });
    expect(row).not.toHaveTextContent(/better/);
    expect(row).not.toHaveTextContent(/best/);
  });

  it('marks the best value of each metric with text, not only colour', async () => {
    await render(`?runs=${ids.join(',')}`);
    const table = await screen.findByRole('table', { name: 'Metrics' });
    const aucRow = within(table).getByRole('row', { name: /^auc/ });
    // The metric's name, then one cell per run.
    const cells = within(aucRow).getAllByRole('cell');
    expect(cells[2]).toHaveTextContent('0.9 (best)');
    expect(cells[1]).toHaveTextContent('0.8');
    expect(cells[1]).not.toHaveTextContent('best');
    expect(cells[3]).not.toHaveTextContent('best');
    // A declared direction as is; one guessed from the name says so.
    expect(within(aucRow).getByText('↑ higher is better')).toBeInTheDocument();
    expect(
      within(table).getByText('↓ lower is better (guessed from the name)'),
    ).toBeInTheDocument();
    expect(within(table).getAllByText(/\(best\)/)).toHaveLength(2);
    // min – max under the last value where known; a dash where an item lacks the metric
    expect(cells[1]).toHaveTextContent('range 0.5 – 0.8');
    const lossCells = within(
      within(table).getByRole('row', { name: /^loss/ }),
    ).getAllByRole('cell');
    expect(lossCells[2]).not.toHaveTextContent('range');
    expect(
      within(lossCells[3]).getByLabelText('not logged'),
    ).toBeInTheDocument();
  });

  it('pages a long metric table and filters it by key, the filter kept in the URL', async () => {
    const wide: CompareResult = {
      ...result,
      metrics: Array.from({ length: 120 }, (_, k) => ({
        key: `eval/slice_${String(k).padStart(3, '0')}/auc`,
        direction: 'higher' as const,
        last: [k, k + 1, null],
        min: [k, k, null],
        max: [k, k + 1, null],
        best: [1],
      })),
    };
    await render(`?runs=${ids.join(',')}`, { compare: async () => wide });
    const table = await screen.findByRole('table', { name: 'Metrics' });
    // the header row and one row per metric of the first page
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('1–50 of 120')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Next page of metrics' }),
    );
    expect(screen.getByText('51–100 of 120')).toBeInTheDocument();
    expect(
      within(table).getByRole('row', { name: /^eval\/slice_050\/auc/ }),
    ).toBeInTheDocument();

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Filter metrics' }),
      'slice_11',
    );
    // slice_110 … slice_119; the page starts again at the first
    await waitFor(() =>
      expect(within(table).getAllByRole('row')).toHaveLength(11),
    );
    expect(screen.getByText('10 of 120 metrics')).toBeInTheDocument();
    expect(
      within(table).getByRole('row', { name: /^eval\/slice_110\/auc/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Next page of metrics' }),
    ).not.toBeInTheDocument();
  });

  it('opens with the metric filter of its link', async () => {
    await render(`?runs=${ids.join(',')}&mf=loss`);
    const table = await screen.findByRole('table', { name: 'Metrics' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(
      screen.getByRole('searchbox', { name: 'Filter metrics' }),
    ).toHaveValue('loss');
  });

  it('overlays the downsampled histories of the first metric by default', async () => {
    const { historyCalls } = await render(`?runs=${ids.join(',')}`);
    const img = await screen.findByRole('img', {
      name: 'Line chart of auc for 3 series',
    });
    expect(historyCalls).toEqual(ids.map(id => [id, 'auc', 1000]));
    const option = await drawn(/Line chart of auc/);
    const series = option.series as {
      name: string;
      data: Float64Array;
    }[];
    expect(series.map(s => s.name)).toEqual(['run-1', 'run-2', 'run-3']);
    expect(pairs(series[1].data)).toEqual([
      [0, 2],
      [1, 1],
      [2, 2 / 3],
    ]);
    await waitFor(() => expect(img).toHaveAttribute('data-rendered', 'true'), {
      // The first chart of a test file loads ECharts.
      timeout: 20_000,
    });
  });

  it('asks for the first chart’s histories before the page has rendered the comparison, once', async () => {
    const chartOnPage: boolean[] = [];
    await render(`?runs=${ids.join(',')}`, {
      getMetricHistories: async ({
        runIds,
        key,
        maxPoints,
      }: {
        runIds: string[];
        key: string;
        maxPoints?: number;
      }) => {
        chartOnPage.push(
          document.querySelector('[aria-label^="Line chart of"]') !== null,
        );
        expect([runIds, key, maxPoints]).toEqual([ids, 'auc', 1000]);
        return { items: runIds.map(runId => history(runId, key)) };
      },
    });
    await drawn(/Line chart of auc for 3 series/);
    expect(chartOnPage).toEqual([false]);
  });

  it('draws log scale and smoothing from the URL and plots chosen metrics', async () => {
    const { historyCalls, location } = await render(
      `?runs=${ids.join(',')}&log=true&smooth=0.6&x=time`,
    );
    await screen.findByRole('img', { name: /Line chart of auc/ });
    const option = await drawn(/Line chart of auc/);
    expect((option.yAxis as { type: string }[])[0].type).toBe('log');
    expect((option.xAxis as { type: string }[])[0].type).toBe('time');
    const series = option.series as { id: string; data: Float64Array }[];
    expect(series.map(s => s.id).sort()).toEqual([
      's0',
      's0:raw',
      's1',
      's1:raw',
      's2',
      's2:raw',
    ]);
    const smoothed = pairs(series.find(s => s.id === 's1')!.data);
    // EMA(0.6) debiased over 2, 1: (0.6*0.8 + 0.4*1)/(1-0.36)
    expect(smoothed[1][1]).toBeCloseTo((0.6 * 0.8 + 0.4) / 0.64);
    expect(screen.getByRole('checkbox', { name: 'Log scale' })).toBeChecked();

    await userEvent.click(
      screen.getByRole('textbox', { name: 'Metrics to plot' }),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'loss' }));
    await screen.findByRole('img', { name: 'Line chart of loss for 2 series' });
    // Only the runs that logged the metric are asked for its history.
    expect(historyCalls.filter(c => c[1] === 'loss')).toEqual([
      [ids[0], 'loss', 1000],
      [ids[1], 'loss', 1000],
    ]);
    expect(location().search).toContain('metric=auc&metric=loss');
    expect(location().search).toContain('log=true');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Log scale' }));
    expect(location().search).not.toContain('log=true');
    await waitFor(async () =>
      expect(
        ((await drawn(/Line chart of auc/)).yAxis as { type: string }[])[0]
          .type,
      ).toBe('value'),
    );
  });

  it('relates differing params to a chosen metric in parallel coordinates', async () => {
    const { location } = await render(`?runs=${ids.join(',')}`);
    await screen.findByRole('img', { name: /Parallel coordinates/ });
    const option = await drawn(/Parallel coordinates of 2 params against auc/);
    expect(
      (option.parallelAxis as { name: string; type: string }[]).map(a => [
        a.name,
        a.type,
      ]),
    ).toEqual([
      ['lr', 'value'],
      ['optimizer', 'category'],
      ['auc', 'value'],
    ]);
    const data = (option.series as { data: { value: unknown[] }[] }[])[0].data;
    expect(data.map(d => d.value)).toEqual([
      [0.1, 'adam', 0.8],
      [0.01, 'sgd', 0.9],
      [0.001, '(unset)', 0.85],
    ]);

    await userEvent.click(screen.getByRole('button', { name: /Metric axis/ }));
    await userEvent.click(screen.getByRole('option', { name: 'loss' }));
    expect(location().search).toContain('pc=loss');
    await screen.findByRole('img', {
      name: /Parallel coordinates of 2 params against loss/,
    });
  });

  it('tells the user how to start when nothing is selected', async () => {
    await render('');
    expect(
      await screen.findByText('Nothing to compare yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Find a project' }),
    ).toHaveAttribute('href', '/ml-home');
  });

  it('shows a failed comparison with retry', async () => {
    let calls = 0;
    await render(`?runs=${ids[0]}`, {
      compare: async () => {
        calls += 1;
        if (calls === 1) throw new Error('no run with id');
        return result;
      },
    });
    expect(
      (await screen.findAllByText(/no run with id/)).length,
    ).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('table', { name: 'Metrics' }),
    ).toBeInTheDocument();
  });
});
