import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  Evaluation,
  EvaluationThresholdsUpdate,
  MlHomeApi,
} from '@ml-home/plugin-ml-home-common';
import { EvaluationPage } from './EvaluationPage';
import { fakeMlHomeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage, responseError } from '../common/__testUtils__/renderPage';
import {
  CHURN_BASELINE,
  CHURN_RESULTS,
  churnEvaluation,
  scoredEvaluation,
} from './__testUtils__/evaluations';

jest.setTimeout(60_000);

/** The page's API: the evaluation, and empty notes and tags for the panels below the table. */
function pageApi(overrides: Partial<MlHomeApi> = {}) {
  return fakeMlHomeApi({
    getEvaluation: async () => churnEvaluation(),
    listNotes: async () => ({ items: [], totalCount: 0 }),
    getTags: async (entityType, entityId) => ({
      entityType,
      entityId,
      tags: [],
    }),
    countTags: async () => ({ items: [] }),
    ...overrides,
  });
}

function render(api: MlHomeApi, query = '') {
  return renderPage(<EvaluationPage />, {
    path: '/evaluations/:evaluationId',
    url: `/ml-home/evaluations/eval-3${query}`,
    api,
  });
}

const sliceRow = (slice: string) => screen.getByTestId(`slice-row-${slice}`);
const sliceRows = () =>
  screen.queryAllByTestId(/^slice-row-/).map(r => r.dataset.testid);

describe('EvaluationPage', () => {
  it('shows the header and marks failing slices, threshold verdicts and regressions', async () => {
    await render(pageApi());
    await screen.findByText('churn-model v3 · holdout');
    expect(
      screen.getByRole('link', { name: 'churn-model v3' }),
    ).toHaveAttribute('href', '/ml-home/models/churn-model?version=3');
    expect(
      screen.getByRole('link', { name: 'churn-model v2' }),
    ).toHaveAttribute('href', '/ml-home/models/churn-model?version=2');
    expect(
      screen.getByRole('link', { name: 'its evaluation' }),
    ).toHaveAttribute('href', '/ml-home/evaluations/eval-2');
    expect(
      screen.getByRole('link', { name: 'churn-eval' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/1 failing slice of 3 · 2 regressions against/),
    ).toBeInTheDocument();

    expect(sliceRows()).toEqual([
      'slice-row-overall',
      'slice-row-country=de',
      'slice-row-country=fr',
    ]);
    const de = sliceRow('country=de');
    expect(within(de).getByText('Fails: accuracy')).toBeInTheDocument();
    expect(within(de).getByText('2 regressions')).toBeInTheDocument();
    expect(
      within(de).getByText('fails accuracy ≥ 0.8 on every slice'),
    ).toBeInTheDocument();
    expect(
      within(de).getByText('regression: -0.06 against baseline v2 0.78'),
    ).toBeInTheDocument();
    expect(
      within(de).getByText('regression: +0.05 against baseline v2 0.4'),
    ).toBeInTheDocument();

    const overall = sliceRow('overall');
    expect(within(overall).queryByText(/^Fails/)).not.toBeInTheDocument();
    expect(
      within(overall).getByText('passes accuracy ≥ 0.8 on every slice'),
    ).toBeInTheDocument();
    // log_loss is lower-is-better: going down from 0.31 to 0.3 is an improvement.
    expect(
      within(overall).getByText('improvement: -0.01 against baseline v2 0.31'),
    ).toBeInTheDocument();
    expect(
      within(sliceRow('country=fr')).getByText(
        'no significant change: 0 against baseline v2 0.28',
      ),
    ).toBeInTheDocument();
  });

  it('hides passing slices with the failing-only filter, which lives in the URL', async () => {
    const { location } = await render(pageApi());
    await screen.findByTestId('slice-row-country=de');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Failing slices only' }),
    );
    await waitFor(() => expect(sliceRows()).toEqual(['slice-row-country=de']));
    expect(new URLSearchParams(location().search).get('failing')).toBe('1');
    expect(screen.getByText('Showing 1 of 3 slices.')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Failing slices only' }),
    );
    await waitFor(() => expect(sliceRows()).toHaveLength(3));
    expect(new URLSearchParams(location().search).has('failing')).toBe(false);
  });

  it('reads the filters from the URL and says when they hide everything', async () => {
    const passing = scoredEvaluation({
      results: CHURN_RESULTS,
      baseline: CHURN_BASELINE,
      thresholds: [],
      tolerance: 0.005,
    });
    await render(
      pageApi({ getEvaluation: async () => passing }),
      '?failing=1&regressions=1',
    );
    await screen.findByText('No failing slice has a regression');
    expect(
      screen.getByRole('checkbox', { name: 'Failing slices only' }),
    ).toBeChecked();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show all slices' }),
    );
    await waitFor(() => expect(sliceRows()).toHaveLength(3));
  });

  it('shows only slices with a regression with the regressions filter', async () => {
    await render(pageApi(), '?regressions=1');
    await waitFor(() => expect(sliceRows()).toEqual(['slice-row-country=de']));
    expect(
      screen.getByRole('checkbox', { name: 'Regressions only' }),
    ).toBeChecked();
  });

  it('previews edited thresholds live, then saves them', async () => {
    const updates: EvaluationThresholdsUpdate[] = [];
    const api = pageApi({
      setEvaluationThresholds: async (_id, update) => {
        updates.push(update);
        return scoredEvaluation({
          results: CHURN_RESULTS,
          baseline: CHURN_BASELINE,
          thresholds: update.thresholds,
          directions: update.directions,
          tolerance: update.tolerance,
        });
      },
    });
    await render(api);
    await screen.findByTestId('slice-row-country=de');
    await userEvent.click(
      screen.getByRole('button', { name: 'Edit thresholds' }),
    );

    const first = screen.getByRole('group', { name: 'Threshold 1' });
    const value = within(first).getByLabelText('Value');
    expect(value).toHaveValue(0.8);
    fireEvent.change(value, { target: { value: '0.7' } });

    // The preview re-scores in the browser: Germany now passes, the table follows.
    expect(
      await screen.findByText('country=de would pass'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Previewing unsaved thresholds/),
    ).toBeInTheDocument();
    expect(
      within(sliceRow('country=de')).queryByText(/^Fails/),
    ).not.toBeInTheDocument();

    // A second threshold on one slice only.
    await userEvent.click(
      screen.getByRole('button', { name: 'Add threshold' }),
    );
    const second = screen.getByRole('group', { name: 'Threshold 2' });
    await userEvent.selectOptions(
      within(second).getByLabelText('Metric'),
      'log_loss',
    );
    await userEvent.selectOptions(
      within(second).getByLabelText('Slice'),
      'country=fr',
    );
    await userEvent.selectOptions(
      within(second).getByLabelText('Passes when'),
      '<',
    );
    expect(
      screen.getByRole('button', { name: 'Save thresholds' }),
    ).toBeDisabled();
    expect(
      within(second).getByText('Enter a finite number'),
    ).toBeInTheDocument();
    fireEvent.change(within(second).getByLabelText('Value'), {
      target: { value: '0.25' },
    });
    expect(
      await screen.findByText('country=fr would fail (log_loss)'),
    ).toBeInTheDocument();
    expect(
      within(sliceRow('country=fr')).getByText('Fails: log_loss'),
    ).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Tolerance'), {
      target: { value: '0.1' },
    });
    await waitFor(() =>
      expect(
        within(sliceRow('country=de')).queryByText(/regressions?$/),
      ).not.toBeInTheDocument(),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Save thresholds' }),
    );
    await screen.findByText(/Thresholds saved/);
    expect(updates).toEqual([
      {
        thresholds: [
          { metric: 'accuracy', op: '>=', value: 0.7 },
          { metric: 'log_loss', slice: 'country=fr', op: '<', value: 0.25 },
        ],
        directions: {},
        tolerance: 0.1,
      },
    ]);
    expect(
      screen.queryByRole('button', { name: 'Save thresholds' }),
    ).not.toBeInTheDocument();
    // The stored verdict, from the server's answer.
    expect(
      within(sliceRow('country=fr')).getByText('Fails: log_loss'),
    ).toBeInTheDocument();
  });

  it('removes a threshold and changes a direction in the preview; cancel restores the saved verdict', async () => {
    await render(pageApi());
    await screen.findByTestId('slice-row-country=de');
    await userEvent.click(
      screen.getByRole('button', { name: 'Edit thresholds' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Remove threshold 1' }),
    );
    expect(
      await screen.findByText('country=de would pass'),
    ).toBeInTheDocument();
    await userEvent.selectOptions(
      screen.getByLabelText('log_loss is better when'),
      'higher',
    );
    await waitFor(() =>
      expect(
        within(sliceRow('overall')).getByText(
          'regression: -0.01 against baseline v2 0.31',
        ),
      ).toBeInTheDocument(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(
      within(sliceRow('country=de')).getByText('Fails: accuracy'),
    ).toBeInTheDocument();
  });

  it("shows the backend's refusal when saving is not allowed", async () => {
    const api = pageApi({
      setEvaluationThresholds: async () => {
        throw await responseError(
          403,
          'NotAllowedError',
          'You may not change project churn',
        );
      },
    });
    await render(api);
    await screen.findByTestId('slice-row-country=de');
    await userEvent.click(
      screen.getByRole('button', { name: 'Edit thresholds' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Save thresholds' }),
    );
    expect(
      await screen.findByText(
        'The thresholds were not saved: You may not change project churn',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Save thresholds' }),
    ).toBeEnabled();
  });

  it('names a script that recorded the evaluation without linking it to the catalog', async () => {
    const byScript = {
      ...churnEvaluation(),
      createdBy: 'ml-home-token',
    };
    await render(pageApi({ getEvaluation: async () => byScript }));
    await screen.findByTestId('slice-row-country=de');
    expect(screen.getByText('ml-home-token')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /ml-home-token/ }),
    ).not.toBeInTheDocument();
  });

  it('offers a retry when the evaluation cannot be loaded', async () => {
    let calls = 0;
    const api = pageApi({
      getEvaluation: async (): Promise<Evaluation> => {
        calls += 1;
        if (calls === 1) throw new Error('backend down');
        return churnEvaluation();
      },
    });
    await render(api);
    await screen.findByText(/The evaluation could not be loaded/);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByTestId('slice-row-country=de'),
    ).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('says so when there is no such evaluation', async () => {
    const api = pageApi({
      getEvaluation: async () => {
        throw await responseError(404, 'NotFoundError', 'No evaluation');
      },
    });
    await render(api);
    await screen.findByText('No such evaluation');
    expect(
      screen.getByRole('button', { name: 'Go to ML Home' }),
    ).toHaveAttribute('href', '/ml-home');
  });

  it('shows a metric named constructor or __proto__ with its cells and declared direction', async () => {
    const evaluation = scoredEvaluation({
      results: [
        { slice: 'overall', metric: 'constructor', value: 0.4 },
        { slice: 'overall', metric: '__proto__', value: 0.3 },
        { slice: 'constructor=a', metric: 'constructor', value: 0.6 },
      ],
      baseline: [{ slice: 'overall', metric: 'constructor', value: 0.5 }],
      thresholds: [{ metric: 'constructor', op: '<=', value: 0.5 }],
      directions: JSON.parse('{"constructor": "lower", "__proto__": "lower"}'),
    });
    await render(pageApi({ getEvaluation: async () => evaluation }));
    await screen.findByTestId('slice-row-overall');
    expect(sliceRows()).toEqual([
      'slice-row-overall',
      'slice-row-constructor=a',
    ]);
    for (const metric of ['constructor', '__proto__']) {
      const header = screen.getByRole('columnheader', {
        name: new RegExp(`^${metric}`),
      });
      expect(within(header).getByText('lower is better')).toBeInTheDocument();
    }
    const overall = sliceRow('overall');
    expect(
      within(overall).getByText('passes constructor ≤ 0.5 on every slice'),
    ).toBeInTheDocument();
    expect(
      within(overall).getByText('improvement: -0.1 against baseline v2 0.5'),
    ).toBeInTheDocument();
    expect(
      within(sliceRow('constructor=a')).getByText('Fails: constructor'),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Edit thresholds' }),
    );
    expect(screen.getByLabelText('constructor is better when')).toHaveValue(
      'lower',
    );
    expect(screen.getByLabelText('__proto__ is better when')).toHaveValue(
      'lower',
    );
  });
});
