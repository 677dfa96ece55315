import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ComponentProps } from 'react';
import type { RunsTableState } from '../runsTableState';
import { RunsToolbar } from './RunsToolbar';

jest.setTimeout(60_000);

const state: RunsTableState = {
  experiments: [],
  filter: 'metrics.auc > 0.5',
  mine: false,
  columns: [],
  pageSize: 50,
};

function props(
  extra: Partial<ComponentProps<typeof RunsToolbar>> = {},
): ComponentProps<typeof RunsToolbar> {
  return {
    state,
    onChange: () => {},
    experiments: [],
    experimentsFailed: false,
    availableColumns: [],
    ...extra,
  };
}

describe('RunsToolbar', () => {
  it('applies the filter text on Enter or with the button, not while typing', async () => {
    const patches: Partial<RunsTableState>[] = [];
    await renderInTestApp(
      <RunsToolbar {...props({ onChange: p => patches.push(p) })} />,
    );
    const box = screen.getByRole('textbox', { name: 'Filter runs' });
    expect(box).toHaveValue('metrics.auc > 0.5');
    await userEvent.type(box, ' AND status = "FAILED"');
    expect(patches).toEqual([]);
    await userEvent.type(box, '{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filter' }));
    expect(patches).toEqual([
      { filter: 'metrics.auc > 0.5 AND status = "FAILED"' },
      { filter: 'metrics.auc > 0.5 AND status = "FAILED"' },
    ]);
  });

  it("shows the API's message at the filter box, and the experiments' load failure at theirs", async () => {
    await renderInTestApp(
      <RunsToolbar
        {...props({
          filterError: 'filter: unknown key',
          experimentsFailed: true,
        })}
      />,
    );
    expect(screen.getByText('filter: unknown key')).toBeInTheDocument();
    expect(
      screen.getByRole('textbox', { name: 'Filter runs' }),
    ).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText('Could not load the experiments'),
    ).toBeInTheDocument();
  });

  it('offers "My runs" once the user is known', async () => {
    const patches: Partial<RunsTableState>[] = [];
    const first = await renderInTestApp(
      <RunsToolbar {...props({ onChange: p => patches.push(p) })} />,
    );
    expect(screen.getByRole('checkbox', { name: 'My runs' })).toBeDisabled();
    first.unmount();
    await renderInTestApp(
      <RunsToolbar
        {...props({
          onChange: p => patches.push(p),
          userEntityRef: 'user:default/alice',
        })}
      />,
    );
    await userEvent.click(screen.getByRole('checkbox', { name: 'My runs' }));
    expect(patches).toEqual([{ mine: true }]);
  });
});
