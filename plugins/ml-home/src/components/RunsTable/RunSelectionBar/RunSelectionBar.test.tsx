import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MAX_COMPARED_RUNS, RunSelectionBar } from './RunSelectionBar';

jest.setTimeout(60_000);

describe('RunSelectionBar', () => {
  it('asks for a selection, then links to the comparison from two runs on', async () => {
    const first = await renderInTestApp(
      <RunSelectionBar
        selectedCount={0}
        compareHref="/ml-home/compare?runs="
        onClear={() => {}}
      />,
    );
    expect(
      screen.getByText('Select runs to compare them.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Clear selection' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Compare (0)' })).toBeDisabled();

    first.unmount();
    const second = await renderInTestApp(
      <RunSelectionBar
        selectedCount={1}
        compareHref="/ml-home/compare?runs=a"
        onClear={() => {}}
      />,
    );
    expect(screen.getByText('1 run selected')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Compare (1)' })).toBeDisabled();

    const cleared: true[] = [];
    second.unmount();
    await renderInTestApp(
      <RunSelectionBar
        selectedCount={2}
        compareHref="/ml-home/compare?runs=a,b"
        onClear={() => cleared.push(true)}
      />,
    );
    expect(screen.getByText('2 runs selected')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Compare (2)' })).toHaveAttribute(
      'href',
      '/ml-home/compare?runs=a,b',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear selection' }),
    );
    expect(cleared).toEqual([true]);
  });

  it('says so when the selection is larger than a comparison takes', async () => {
    await renderInTestApp(
      <RunSelectionBar
        selectedCount={MAX_COMPARED_RUNS + 1}
        compareHref="/ml-home/compare"
        onClear={() => {}}
      />,
    );
    expect(
      screen.getByText(`A comparison takes at most ${MAX_COMPARED_RUNS} runs.`),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: `Compare (${MAX_COMPARED_RUNS + 1})`,
      }),
    ).toBeDisabled();
  });
});
