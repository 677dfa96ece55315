import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MlflowImport } from '@ml-home/plugin-ml-home-common';
import { ImportsPage } from './ImportsPage';
import { fakeMlHomeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage, responseError } from '../common/__testUtils__/renderPage';

jest.setTimeout(60_000);

const PROD: MlflowImport = {
  serverId: 'prod',
  url: 'https://mlflow.example.com',
  project: 'churn',
  experiments: [],
  models: true,
  frequencySeconds: 900,
  status: 'failed',
  itemsDone: 3,
  itemsTotal: 12,
  pointsDone: 1500,
  failures: 2,
  lastError: 'runs/search answered 500: INTERNAL_ERROR: boom',
  startedAt: '2026-12-05T10:00:00.000Z',
  finishedAt: '2026-12-05T10:01:00.000Z',
  nextAttemptAt: '2026-12-05T10:03:00.000Z',
  recent: [
    {
      status: 'failed',
      trigger: 'manual',
      itemsDone: 3,
      itemsTotal: 12,
      pointsDone: 1500,
      error: 'runs/search answered 500: INTERNAL_ERROR: boom',
      startedAt: '2026-12-05T10:00:00.000Z',
      finishedAt: '2026-12-05T10:01:00.000Z',
    },
    {
      status: 'succeeded',
      trigger: 'schedule',
      itemsDone: 40,
      itemsTotal: 40,
      pointsDone: 9000,
      startedAt: '2026-12-05T09:45:00.000Z',
      finishedAt: '2026-12-05T09:46:00.000Z',
    },
  ],
};

const render = (api: Parameters<typeof fakeMlHomeApi>[0]) =>
  renderPage(<ImportsPage />, {
    path: '/admin/imports',
    url: '/ml-home/admin/imports',
    api: fakeMlHomeApi(api),
  });

describe('ImportsPage', () => {
  it('shows each server with its status, progress, last error and next attempt', async () => {
    await render({ listMlflowImports: async () => ({ items: [PROD] }) });
    const row = (await screen.findByText('https://mlflow.example.com')).closest(
      'tr',
    )!;
    const cells = within(row);
    expect(cells.getByText('churn')).toBeInTheDocument();
    expect(
      cells.getByText('Failed 2 times in a row (retried with backoff)'),
    ).toBeInTheDocument();
    expect(cells.getByText(/runs\/search answered 500/)).toBeInTheDocument();
    const bar = cells.getByRole('progressbar', {
      name: 'Progress of the import from prod',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(
      cells.getByText('3 of 12 items, 1,500 metric points'),
    ).toBeInTheDocument();
  });

  it("lists each server's latest imports in a table of their own", async () => {
    await render({ listMlflowImports: async () => ({ items: [PROD] }) });
    expect(
      await screen.findByText('Recent imports from prod'),
    ).toBeInTheDocument();
    const table = screen
      .getByText('Recent imports from prod')
      .closest('div[class*="MuiPaper"]') as HTMLElement;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('Import now')).toBeInTheDocument();
    expect(within(rows[0]).getByText('Failed')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Schedule')).toBeInTheDocument();
    expect(within(rows[1]).getByText('40 of 40')).toBeInTheDocument();
    expect(within(rows[1]).getByText('9,000')).toBeInTheDocument();
  });

  it('starts an import at once and says so', async () => {
    const started: string[] = [];
    let lists = 0;
    await render({
      listMlflowImports: async () => {
        lists += 1;
        return { items: [PROD] };
      },
      runMlflowImport: async (serverId: string) => {
        started.push(serverId);
        return { ...PROD, nextAttemptAt: '2026-12-05T10:02:00.000Z' };
      },
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Import now from prod' }),
    );
    expect(
      await screen.findByText('The import from prod starts within a minute.'),
    ).toBeInTheDocument();
    expect(started).toEqual(['prod']);
    expect(lists).toBeGreaterThan(1);
  });

  it('tells how to configure a server when none is', async () => {
    await render({ listMlflowImports: async () => ({ items: [] }) });
    expect(
      await screen.findByText('No MLflow server is configured'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/mlHome\.mlflowImport\.servers/),
    ).toBeInTheDocument();
  });

  it('tells a user without the admin permission who to ask', async () => {
    await render({
      listMlflowImports: async () => {
        throw await responseError(403, 'NotAllowedError', 'not allowed');
      },
    });
    expect(
      await screen.findByText(/Only ML Home admins see the imports/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
