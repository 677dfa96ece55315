import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  ExperimentList,
  ListRunsQuery,
  Run,
  RunList,
} from '@ml-home/plugin-ml-home-common';
import { fakeMlHomeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage, responseError } from '../common/__testUtils__/renderPage';
import { RunsTable } from './RunsTable';

jest.setTimeout(60_000);

function run(n: number, extra: Partial<Run> = {}): Run {
  const id = n.toString(16).padStart(32, '0');
  return {
    id,
    project: 'churn',
    experimentId: '1',
    experiment: 'baseline',
    name: `run-${n}`,
    status: 'FINISHED',
    user: 'user:default/alice',
    startTime: Date.UTC(2026, 10, 1, 10, n),
    endTime: Date.UTC(2026, 10, 1, 11, n),
    lifecycleStage: 'active',
    params: [{ key: 'lr', value: `0.0${n}` }],
    tags: [],
    metrics: [
      {
        key: 'auc',
        value: 0.8 + n / 100,
        step: 10,
        timestamp: 0,
        min: 0.5,
        max: 0.9,
      },
    ],
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...extra,
  };
}

const experiments: ExperimentList = {
  items: ['baseline', 'tuning'].map((name, i) => ({
    id: String(i + 1),
    project: 'churn',
    name,
    description: '',
    lifecycleStage: 'active',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    createdBy: 'user:default/alice',
    runCount: 2,
  })),
  totalCount: 2,
};

const list = (items: Run[], nextCursor?: string, totalCount = items.length) =>
  ({ items, nextCursor, totalCount }) as RunList;

function render(listRuns: (q: ListRunsQuery) => Promise<RunList>, search = '') {
  const calls: ListRunsQuery[] = [];
  const api = fakeMlHomeApi({
    listExperiments: async () => experiments,
    listRuns: async (_project, query) => {
      calls.push(query ?? {});
      return listRuns(query ?? {});
    },
  });
  return renderPage(<RunsTable projectName="churn" />, {
    path: '/projects/:projectName/runs',
    url: `/ml-home/projects/churn/runs${search}`,
    api,
  }).then(r => ({ ...r, calls }));
}

describe('RunsTable', () => {
  it('lists runs with the fixed columns and adds chosen param and metric columns', async () => {
    const { calls, location } = await render(async () =>
      list([run(1), run(2)]),
    );
    const table = await screen.findByRole('table', { name: 'Runs' });
    expect(within(table).getByText('run-1')).toBeInTheDocument();
    expect(within(table).getAllByText('1h 00m 00s')).toHaveLength(2);
    expect(
      within(table).queryByRole('columnheader', { name: /auc/ }),
    ).not.toBeInTheDocument();
    expect(calls[0]).toMatchObject({ limit: 50 });

    await userEvent.click(
      screen.getByRole('textbox', { name: 'Param and metric columns' }),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'auc' }));
    expect(
      within(table).getByRole('columnheader', { name: /auc/ }),
    ).toBeInTheDocument();
    expect(within(table).getByText('0.81')).toBeInTheDocument();
    expect(location().search).toContain('column=metrics.auc');
  });

  it('shows the columns named in the URL', async () => {
    await render(
      async () => list([run(3)]),
      '?column=params.lr&column=metrics.auc',
    );
    const table = await screen.findByRole('table', { name: 'Runs' });
    expect(
      within(table).getByRole('columnheader', { name: /lr/ }),
    ).toBeInTheDocument();
    expect(within(table).getByText('0.03')).toBeInTheDocument();
    expect(within(table).getByText('0.83')).toBeInTheDocument();
  });

  it("shows the API's 400 message at the filter box", async () => {
    const message =
      "filter: Invalid filter at position 12: expected a value (a number or a quoted string) after 'metrics.auc >', found the end of the filter";
    const { calls, location } = await render(async q => {
      if (q.filter) throw await responseError(400, 'InputError', message);
      return list([run(1)]);
    });
    await screen.findByText('run-1');
    const box = screen.getByRole('textbox', { name: 'Filter runs' });
    await userEvent.type(box, 'metrics.auc >{Enter}');
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Fix the filter to see runs.')).toBeInTheDocument();
    expect(calls.at(-1)?.filter).toBe('metrics.auc >');
    expect(location().search).toContain('filter=metrics.auc');
  });

  it('sends quick filters as clauses after the text', async () => {
    const { calls } = await render(
      async () => list([run(1)]),
      '?filter=metrics.auc+%3E+0.5',
    );
    await screen.findByText('run-1');
    await userEvent.click(
      screen.getByRole('button', { name: 'Status Any status' }),
    );
    await userEvent.click(screen.getByRole('option', { name: 'Failed' }));
    await waitFor(() =>
      expect(calls.at(-1)?.filter).toBe(
        "metrics.auc > 0.5 AND status = 'FAILED'",
      ),
    );
    await userEvent.click(screen.getByRole('checkbox', { name: 'My runs' }));
    await waitFor(() =>
      expect(calls.at(-1)?.filter).toBe(
        "metrics.auc > 0.5 AND status = 'FAILED' AND user = 'user:default/alice'",
      ),
    );
  });

  it('sorts on the server when a column header is clicked', async () => {
    const { calls, location } = await render(
      async () => list([run(1)]),
      '?column=metrics.auc',
    );
    await screen.findByText('run-1');
    expect(calls[0].orderBy).toBeUndefined();
    await userEvent.click(screen.getByRole('button', { name: /^Started/ }));
    await waitFor(() =>
      expect(calls.at(-1)?.orderBy).toBe('attributes.startTime ASC'),
    );
    await userEvent.click(
      within(screen.getByRole('columnheader', { name: /auc/ })).getByRole(
        'button',
      ),
    );
    await waitFor(() => expect(calls.at(-1)?.orderBy).toBe('metrics.auc DESC'));
    expect(screen.getByRole('columnheader', { name: /auc/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(location().search).toContain('orderBy=metrics.auc+DESC');
  });

  it('keeps the selection across pages and experiments and links to the comparison', async () => {
    const { calls } = await render(async q => {
      if (q.experiment?.includes('tuning')) return list([run(5)]);
      return q.cursor === 'page-2'
        ? list([run(3)], undefined, 3)
        : list([run(1), run(2)], 'page-2', 3);
    });
    await screen.findByText('run-1');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Select run run-1' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Next page of runs' }),
    );
    await screen.findByText('run-3');
    expect(calls.at(-1)?.cursor).toBe('page-2');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Select run run-3' }),
    );

    // Another experiment: the selection stays.
    await userEvent.click(screen.getByRole('button', { name: /Experiments/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: /tuning/ }),
    );
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Escape' });
    await screen.findByText('run-5');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Select run run-5' }),
    );
    expect(screen.getByText('3 runs selected')).toBeInTheDocument();
    const compare = screen.getByRole('link', { name: 'Compare (3)' });
    expect(compare).toHaveAttribute(
      'href',
      `/ml-home/compare?runs=${[run(1).id, run(3).id, run(5).id].join(',')}`,
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear selection' }),
    );
    expect(
      screen.getByText('Select runs to compare them.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /Compare/ }),
    ).not.toBeInTheDocument();
  });

  it('selects every run of the page from the header', async () => {
    await render(async () => list([run(1), run(2)]));
    await screen.findByText('run-1');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Select all runs on this page' }),
    );
    expect(screen.getByText('2 runs selected')).toBeInTheDocument();
  });

  it('tells the user how to log runs when the project has none', async () => {
    await render(async () => list([]));
    expect(
      await screen.findByText('No runs in this project yet'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(document.body.textContent).toContain(
        'POST "$BACKEND/api/ml-home/projects/churn/ingest"',
      ),
    );
  });

  it('shows a load error with retry', async () => {
    let fail = true;
    await render(async () => {
      if (fail) {
        fail = false;
        throw new Error('backend down');
      }
      return list([run(1)]);
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('run-1')).toBeInTheDocument();
  });
});
