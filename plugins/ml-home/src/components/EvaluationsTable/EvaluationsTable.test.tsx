import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  EvaluationCompareRequest,
  EvaluationComparison,
  EvaluationSummary,
  ListEvaluationsQuery,
} from '@ml-home/plugin-ml-home-common';
import { EvaluationsTable } from './EvaluationsTable';
import { fakeMlHomeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage } from '../common/__testUtils__/renderPage';

jest.setTimeout(60_000);

function summary(
  id: string,
  version: number,
  extra: Partial<EvaluationSummary> = {},
): EvaluationSummary {
  return {
    id,
    project: 'churn',
    model: 'churn-model',
    version,
    name: 'holdout',
    dataset: { project: 'churn', name: 'churn-eval' },
    description: '',
    pass: true,
    regressions: 0,
    sliceCount: 3,
    failingSlices: [],
    resultCount: 6,
    createdAt: '2026-11-20T10:00:00.000Z',
    createdBy: 'user:default/alice',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...extra,
  };
}

const V3 = summary('eval-3', 3, {
  pass: false,
  regressions: 2,
  failingSlices: ['country=de'],
  baselineVersion: 2,
});
const V2 = summary('eval-2', 2);
const V1 = summary('eval-1', 1);

const comparison: EvaluationComparison = {
  items: [V2, V3],
  slices: ['overall'],
  metrics: ['accuracy'],
  rows: [
    {
      slice: 'overall',
      metric: 'accuracy',
      direction: 'higher',
      values: [0.84, 0.85],
      deltas: [0, 0.01],
      best: [1],
      pass: [true, true],
    },
  ],
};

describe('EvaluationsTable', () => {
  it('lists evaluations with their verdict, a page at a time', async () => {
    const queries: ListEvaluationsQuery[] = [];
    const api = fakeMlHomeApi({
      listEvaluations: async (query = {}) => {
        queries.push(query);
        return query.cursor
          ? { items: [V1], totalCount: 3 }
          : { items: [V3, V2], totalCount: 3, nextCursor: 'c2' };
      },
    });
    await renderPage(<EvaluationsTable model="churn-model" />, {
      path: '/*',
      url: '/ml-home',
      api,
    });
    const v3Row = (
      await screen.findByRole('checkbox', {
        name: 'Select churn-model v3 · holdout',
      })
    ).closest('tr')!;
    expect(within(v3Row).getByText('Fail')).toBeInTheDocument();
    expect(within(v3Row).getByText('1 of 3: country=de')).toBeInTheDocument();
    expect(within(v3Row).getByText('2')).toBeInTheDocument();
    expect(
      within(v3Row).getByRole('link', { name: 'holdout' }),
    ).toHaveAttribute('href', '/ml-home/evaluations/eval-3');
    const v2Row = screen
      .getByRole('checkbox', { name: 'Select churn-model v2 · holdout' })
      .closest('tr')!;
    expect(within(v2Row).getByText('Pass')).toBeInTheDocument();
    expect(within(v2Row).getByText('none of 3')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Next page of evaluations' }),
    );
    await screen.findByRole('checkbox', {
      name: 'Select churn-model v1 · holdout',
    });
    expect(queries).toEqual([
      {
        project: undefined,
        model: 'churn-model',
        version: undefined,
        limit: 20,
        cursor: undefined,
      },
      {
        project: undefined,
        model: 'churn-model',
        version: undefined,
        limit: 20,
        cursor: 'c2',
      },
    ]);
  });

  it('compares the selected evaluations, the first picked as the reference', async () => {
    const requests: EvaluationCompareRequest[] = [];
    const api = fakeMlHomeApi({
      listEvaluations: async () => ({ items: [V3, V2], totalCount: 2 }),
      compareEvaluations: async request => {
        requests.push(request);
        return comparison;
      },
    });
    await renderPage(<EvaluationsTable project="churn" />, {
      path: '/*',
      url: '/ml-home',
      api,
    });
    const compare = await screen.findByRole('button', {
      name: 'Compare evaluations',
    });
    expect(compare).toBeDisabled();
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Select churn-model v2 · holdout' }),
    );
    expect(compare).toBeDisabled();
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Select churn-model v3 · holdout' }),
    );
    expect(
      screen.getByText(/2 selected; the first, churn-model v2/),
    ).toBeInTheDocument();
    await userEvent.click(compare);
    await screen.findByRole('heading', { name: 'Comparison of 2 evaluations' });
    await screen.findByRole('table', {
      name: 'Evaluations compared by slice and metric',
    });
    expect(requests).toEqual([{ evaluations: ['eval-2', 'eval-3'] }]);

    await userEvent.click(
      screen.getByRole('button', { name: 'Close comparison' }),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('heading', { name: 'Comparison of 2 evaluations' }),
      ).not.toBeInTheDocument(),
    );
  });

  it('tells the user how to record a first evaluation', async () => {
    const api = fakeMlHomeApi({
      listEvaluations: async () => ({ items: [], totalCount: 0 }),
    });
    await renderPage(<EvaluationsTable model="churn-model" version={4} />, {
      path: '/*',
      url: '/ml-home',
      api,
    });
    await screen.findByText('No evaluations yet');
    expect(
      screen.getByText(/versions\/\{version\}\/evaluations/),
    ).toBeInTheDocument();
  });

  it('offers a retry when the list cannot be loaded', async () => {
    let calls = 0;
    const api = fakeMlHomeApi({
      listEvaluations: async () => {
        calls += 1;
        if (calls === 1) throw new Error('backend down');
        return { items: [V2], totalCount: 1 };
      },
    });
    await renderPage(<EvaluationsTable />, {
      path: '/*',
      url: '/ml-home',
      api,
    });
    await screen.findByText(/The evaluations could not be loaded/);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByRole('checkbox', {
      name: 'Select churn-model v2 · holdout',
    });
    expect(calls).toBe(2);
  });
});
