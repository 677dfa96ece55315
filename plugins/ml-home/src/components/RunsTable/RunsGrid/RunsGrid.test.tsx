import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Run } from '@ml-home/plugin-ml-home-common';
import { ComponentProps } from 'react';
import { RunsGrid } from './RunsGrid';

jest.setTimeout(60_000);

const run = (n: number): Run =>
  ({
    id: `id-${n}`,
    name: `run-${n}`,
    experiment: 'baseline',
    status: 'FINISHED',
    user: 'user:default/alice',
    startTime: Date.UTC(2026, 10, 1, 10),
    endTime: Date.UTC(2026, 10, 1, 11),
    params: [{ key: 'optimizer', value: 'adam' }],
    metrics: [
      { key: 'auc', value: 0.9, step: 1, timestamp: 0, min: 0.9, max: 0.9 },
    ],
  }) as Run;

function props(
  extra: Partial<ComponentProps<typeof RunsGrid>> = {},
): ComponentProps<typeof RunsGrid> {
  return {
    rows: [run(1), run(2)],
    columns: [],
    onSort: () => {},
    isSelected: () => false,
    onToggle: () => {},
    pageSelected: 0,
    onTogglePage: () => {},
    loading: false,
    onClearFilters: () => {},
    now: 0,
    ...extra,
  };
}

describe('RunsGrid', () => {
  it('sorts by a header: a text column ascending first, a number column descending, the same one flipped', async () => {
    const sorts: string[] = [];
    const first = await renderInTestApp(
      <RunsGrid
        {...props({
          columns: [
            { kind: 'param', key: 'optimizer' },
            { kind: 'metric', key: 'auc' },
          ],
          onSort: o => sorts.push(o),
        })}
      />,
    );
    const table = screen.getByRole('table', { name: 'Runs' });
    await userEvent.click(within(table).getByRole('button', { name: 'Name' }));
    await userEvent.click(
      within(table).getByRole('button', { name: 'optimizer' }),
    );
    await userEvent.click(within(table).getByRole('button', { name: 'auc' }));
    // The default order is newest first: Started flips to ascending.
    await userEvent.click(
      within(table).getByRole('button', { name: /^Started/ }),
    );
    expect(sorts).toEqual([
      'attributes.name ASC',
      'params.optimizer ASC',
      'metrics.auc DESC',
      'attributes.startTime ASC',
    ]);
    expect(
      within(table).getByRole('columnheader', { name: /Started/ }),
    ).toHaveAttribute('aria-sort', 'descending');
    first.unmount();
    await renderInTestApp(
      <RunsGrid {...props({ orderBy: 'attributes.name ASC' })} />,
    );
    expect(
      screen.getByRole('columnheader', { name: 'Name, sorted ascending' }),
    ).toHaveAttribute('aria-sort', 'ascending');
  });

  it('selects a run or the whole page', async () => {
    const toggled: string[] = [];
    let pageToggles = 0;
    await renderInTestApp(
      <RunsGrid
        {...props({
          isSelected: r => r.id === 'id-1',
          pageSelected: 1,
          onToggle: r => toggled.push(r.name),
          onTogglePage: () => {
            pageToggles += 1;
          },
        })}
      />,
    );
    const all = screen.getByRole('checkbox', {
      name: 'Select all runs on this page',
    });
    expect(all).toHaveAttribute('data-indeterminate', 'true');
    expect(
      screen.getByRole('checkbox', { name: 'Select run run-1' }),
    ).toBeChecked();
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Select run run-2' }),
    );
    await userEvent.click(all);
    expect(toggled).toEqual(['run-2']);
    expect(pageToggles).toBe(1);
  });

  it('without rows, says why and offers to clear the filters, unless the filter is wrong', async () => {
    let cleared = 0;
    const first = await renderInTestApp(
      <RunsGrid
        {...props({
          rows: [],
          onClearFilters: () => {
            cleared += 1;
          },
        })}
      />,
    );
    expect(
      screen.getByText('No run matches these filters.'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(cleared).toBe(1);
    first.unmount();
    await renderInTestApp(
      <RunsGrid {...props({ rows: [], filterError: 'bad' })} />,
    );
    expect(screen.getByText('Fix the filter to see runs.')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Clear filters' }),
    ).not.toBeInTheDocument();
  });
});
