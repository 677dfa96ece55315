import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  MetricDirections,
  MlHomeApi,
} from '@ml-home/plugin-ml-home-common';
import { fakeMlHomeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage, responseError } from '../common/__testUtils__/renderPage';
import { MetricDirectionsEditor } from './MetricDirectionsEditor';

jest.setTimeout(60_000);

const DECLARED: MetricDirections = {
  directions: { val_loss: 'lower', auc: 'higher' },
};

/*
 * usePermission caches its answers per permission and project for the whole test file, so a test
 * whose answer differs from an earlier one's names a project of its own.
 */
const render = (
  mlHomeApi: MlHomeApi,
  options: { allow?: boolean; project?: string } = {},
) =>
  renderPage(<MetricDirectionsEditor project={options.project ?? 'churn'} />, {
    path: '/*',
    url: '/ml-home',
    api: mlHomeApi,
    allow: options.allow,
  });

/* MUI gives a body's <th> the role cell. */
const metricCell = (metric: string) =>
  screen.queryByRole('cell', { name: metric });
const rowOf = (metric: string) => metricCell(metric)!.closest('tr')!;

describe('MetricDirectionsEditor', () => {
  it('shows a non-owner the declared directions, read-only, sorted by metric', async () => {
    await render(
      fakeMlHomeApi({ getProjectMetricDirections: async () => DECLARED }),
      { allow: false, project: 'read-only' },
    );
    expect(
      await screen.findByText('Only the project’s owners can change these.'),
    ).toBeInTheDocument();
    const rows = screen
      .getAllByRole('row')
      .slice(1)
      .map(r => (r as HTMLTableRowElement).cells[0].textContent);
    expect(rows).toEqual(['auc', 'val_loss']);
    expect(
      within(rowOf('val_loss')).getByText('lower is better'),
    ).toBeVisible();
    expect(
      screen.queryByRole('button', { name: 'Save directions' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Remove auc' }),
    ).not.toBeInTheDocument();
  });

  it('tells an owner with nothing declared what to do', async () => {
    await render(
      fakeMlHomeApi({
        getProjectMetricDirections: async () => ({ directions: {} }),
      }),
    );
    expect(
      await screen.findByText(
        'No metric directions are declared yet. Add the metrics your team judges models by.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Save directions' }),
    ).toBeDisabled();
  });

  it('lets an owner add, change and remove directions, then saves them all at once', async () => {
    const saved: MetricDirections[] = [];
    await render(
      fakeMlHomeApi({
        getProjectMetricDirections: async () => DECLARED,
        setProjectMetricDirections: async (project, body) => {
          expect(project).toBe('churn');
          saved.push(body);
          return body;
        },
      }),
    );
    await screen.findByRole('cell', { name: 'auc' });

    // A blank key and a key already declared are refused at the field.
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(
      screen.getByText('Enter the metric key as it is logged'),
    ).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Metric key'), 'auc');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(
      screen.getByText('auc is declared already; change it in the table'),
    ).toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText('Metric key'));
    await userEvent.type(screen.getByLabelText('Metric key'), 'grad_norm');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(metricCell('grad_norm')).toBeVisible();

    await userEvent.click(
      screen.getByRole('button', { name: 'Remove val_loss' }),
    );
    expect(metricCell('val_loss')).not.toBeInTheDocument();

    await userEvent.click(
      within(rowOf('grad_norm')).getByRole('button', {
        name: /^Which way grad_norm is better: /,
      }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'lower is better' }),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Save directions' }),
    );
    expect(await screen.findByText('Metric directions saved.')).toBeVisible();
    expect(saved).toEqual([
      { directions: { auc: 'higher', grad_norm: 'lower' } },
    ]);
    expect(
      screen.getByRole('button', { name: 'Save directions' }),
    ).toBeDisabled();
  });

  it('says why a save failed and keeps the edits', async () => {
    await render(
      fakeMlHomeApi({
        getProjectMetricDirections: async () => DECLARED,
        setProjectMetricDirections: async () => {
          throw await responseError(
            403,
            'NotAllowedError',
            'You may not update project churn',
          );
        },
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Remove auc' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Save directions' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not save the metric directions',
    );
    expect(metricCell('auc')).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Save directions' }),
    ).toBeEnabled();
  });

  it('offers a retry when the directions cannot be loaded', async () => {
    let calls = 0;
    await render(
      fakeMlHomeApi({
        getProjectMetricDirections: async () => {
          calls += 1;
          if (calls === 1) throw new Error('backend down');
          return DECLARED;
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the metric directions/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(metricCell('auc')).toBeVisible());
  });
});
