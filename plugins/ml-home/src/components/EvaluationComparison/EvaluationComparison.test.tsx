import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  compareEvaluationResults,
  type EvaluationComparison as Comparison,
  type EvaluationSummary,
} from '@ml-home/plugin-ml-home-common';
import { EvaluationComparison } from './EvaluationComparison';
import { fakeMlHomeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage } from '../common/__testUtils__/renderPage';
import { scoredEvaluation } from '../EvaluationPage/__testUtils__/evaluations';
import { numericResults, savedScore } from '../EvaluationPage/evaluationGrid';

jest.setTimeout(60_000);

function summary(
  id: string,
  version: number,
  pass: boolean,
): EvaluationSummary {
  return {
    id,
    project: 'churn',
    model: 'churn-model',
    version,
    name: 'holdout',
    dataset: { project: 'churn', name: 'churn-eval' },
    description: '',
    pass,
    regressions: 0,
    sliceCount: 2,
    failingSlices: pass ? [] : ['country=de'],
    resultCount: 4,
    createdAt: '2026-11-20T10:00:00.000Z',
    createdBy: 'user:default/alice',
    updatedAt: '2026-11-20T10:00:00.000Z',
  };
}

const COMPARISON: Comparison = {
  items: [summary('eval-2', 2, true), summary('eval-3', 3, false)],
  slices: ['overall', 'country=de'],
  metrics: ['accuracy', 'log_loss'],
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
    {
      slice: 'overall',
      metric: 'log_loss',
      direction: 'lower',
      values: [0.31, 'NaN'],
      deltas: [0, 'NaN'],
      best: [0],
      pass: [null, null],
    },
    {
      slice: 'country=de',
      metric: 'accuracy',
      direction: 'higher',
      values: [0.81, 0.72],
      deltas: [0, -0.09],
      best: [0],
      pass: [true, false],
    },
    {
      slice: 'country=de',
      metric: 'log_loss',
      direction: 'lower',
      values: [0.4, null],
      deltas: [0, null],
      best: [0],
      pass: [null, null],
    },
  ],
};

const rowOf = (slice: string, metric: string) =>
  screen
    .getAllByRole('row')
    .find(
      r =>
        within(r).queryByRole('rowheader', { name: slice }) &&
        within(r).queryByText(metric),
    );

async function render(ids = ['eval-2', 'eval-3']) {
  const requests: string[][] = [];
  const api = fakeMlHomeApi({
    compareEvaluations: async request => {
      requests.push(request.evaluations);
      return COMPARISON;
    },
  });
  await renderPage(<EvaluationComparison evaluationIds={ids} />, {
    path: '/*',
    url: '/ml-home',
    api,
  });
  return requests;
}

describe('EvaluationComparison', () => {
  it('shows values per evaluation, deltas against the first, best and pass marks', async () => {
    const requests = await render();
    await screen.findByRole('table');
    expect(requests).toEqual([['eval-2', 'eval-3']]);
    expect(
      screen.getByRole('link', { name: 'churn-model v3 · holdout' }),
    ).toHaveAttribute('href', '/ml-home/evaluations/eval-3');

    const overallAccuracy = rowOf('overall', 'accuracy')!;
    const cells = within(overallAccuracy).getAllByRole('cell');
    // Metric, then one cell per evaluation.
    expect(within(cells[1]).queryByText('best')).toBeNull();
    expect(within(cells[2]).getByText('best')).toBeInTheDocument();
    expect(
      within(cells[2]).getByText(
        'improvement: +0.01 against reference churn-model v2 · holdout 0.84',
      ),
    ).toBeInTheDocument();
    expect(
      within(cells[2]).getByText('passes its thresholds'),
    ).toBeInTheDocument();

    const deAccuracy = rowOf('country=de', 'accuracy')!;
    const deCells = within(deAccuracy).getAllByRole('cell');
    expect(within(deCells[1]).getByText('best')).toBeInTheDocument();
    expect(
      within(deCells[2]).getByText('fails its thresholds'),
    ).toBeInTheDocument();
    expect(
      within(deCells[2]).getByText(/^regression: -0.09 against reference/),
    ).toBeInTheDocument();

    // A missing value is said, not blank; NaN is shown as such.
    const deLoss = rowOf('country=de', 'log_loss')!;
    expect(within(deLoss).getByLabelText('no result')).toBeInTheDocument();
    expect(
      within(rowOf('overall', 'log_loss')!).getAllByText('NaN').length,
    ).toBeGreaterThan(0);
  });

  it('narrows to rows where an evaluation fails with the failing-only filter', async () => {
    await render();
    await screen.findByRole('table');
    expect(screen.getAllByRole('row')).toHaveLength(5);
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Failing rows only' }),
    );
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(rowOf('country=de', 'accuracy')).toBeDefined();
    expect(screen.getByText(/1 of 4 rows/)).toBeInTheDocument();
  });

  it('asks for evaluations when given none', async () => {
    const requests = await render([]);
    expect(await screen.findByText('Nothing to compare')).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('shows a metric named constructor or __proto__ in its declared direction', async () => {
    // Declared lower-is-better as the wire carries it; v3 is lower everywhere.
    const directions = JSON.parse(
      '{"constructor": "lower", "__proto__": "lower"}',
    );
    const evaluation = (version: number, value: number) =>
      scoredEvaluation({
        id: `eval-${version}`,
        results: ['constructor', '__proto__', 'toString'].flatMap(metric => [
          { slice: 'overall', metric, value },
          { slice: 'constructor=a', metric, value },
        ]),
        thresholds: [{ metric: 'constructor', op: '<=', value: 0.5 }],
        directions,
        extra: { version },
      });
    const items = [evaluation(2, 0.6), evaluation(3, 0.4)];
    // The answer as the backend computes it, with the same -common function.
    const comparison: Comparison = {
      items,
      ...compareEvaluationResults(
        items.map(e => ({
          results: numericResults(e),
          directions: e.directions,
          outcomes: savedScore(e).outcomes,
        })),
      ),
    };
    await renderPage(
      <EvaluationComparison evaluationIds={['eval-2', 'eval-3']} />,
      {
        path: '/*',
        url: '/ml-home',
        api: fakeMlHomeApi({ compareEvaluations: async () => comparison }),
      },
    );
    await screen.findByRole('table');
    expect(screen.getAllByRole('row')).toHaveLength(1 + 6);

    for (const slice of ['overall', 'constructor=a']) {
      for (const metric of ['constructor', '__proto__']) {
        const row = rowOf(slice, metric)!;
        expect(within(row).getByText('lower is better')).toBeInTheDocument();
        const cells = within(row).getAllByRole('cell');
        expect(within(cells[1]).queryByText('best')).toBeNull();
        expect(within(cells[2]).getByText('best')).toBeInTheDocument();
        expect(
          within(cells[2]).getByText(/^improvement: -0.2 against reference/),
        ).toBeInTheDocument();
      }
      const other = rowOf(slice, 'toString')!;
      expect(within(other).getByText('higher is better')).toBeInTheDocument();
      const cells = within(other).getAllByRole('cell');
      expect(within(cells[1]).getByText('best')).toBeInTheDocument();
      expect(
        within(cells[2]).getByText(/^regression: -0.2 against reference/),
      ).toBeInTheDocument();
    }
    // Its thresholds are checked on it too: v2's 0.6 fails `constructor ≤ 0.5`, v3 passes.
    const cells = within(rowOf('overall', 'constructor')!).getAllByRole('cell');
    expect(
      within(cells[1]).getByText('fails its thresholds'),
    ).toBeInTheDocument();
    expect(
      within(cells[2]).getByText('passes its thresholds'),
    ).toBeInTheDocument();
  });
});
