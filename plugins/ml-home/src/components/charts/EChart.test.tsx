import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { EChart } from './EChart';
import { loadECharts } from './echartsSetup';
import type { ChartOption } from './echartsSetup';

jest.setTimeout(30_000);

const option: ChartOption = {
  animation: false,
  xAxis: { type: 'value' },
  yAxis: { type: 'value' },
  series: [
    {
      type: 'line',
      name: 'run-a',
      data: [
        [0, 1],
        [1, 0.5],
      ],
    },
  ],
};

describe('EChart', () => {
  it('draws the option into an accessible container and disposes on unmount', async () => {
    const { unmount } = await renderInTestApp(
      <EChart
        option={option}
        ariaLabel="Loss curves"
        summary="run-a ends at 0.5"
      />,
    );
    const img = screen.getByRole('img', { name: 'Loss curves' });
    expect(img).toHaveAccessibleDescription('run-a ends at 0.5');
    expect(img).toHaveAttribute('data-rendered', 'false');
    await waitFor(() => expect(img).toHaveAttribute('data-rendered', 'true'), {
      // The first chart of a test file loads ECharts.
      timeout: 20_000,
    });
    const chart = loadECharts().getInstanceByDom(img);
    const series = (chart!.getOption() as ChartOption).series as {
      name: string;
    }[];
    expect(series.map(s => s.name)).toEqual(['run-a']);

    unmount();
    expect(chart!.isDisposed()).toBe(true);
  });

  it('replaces the drawn series when the option changes', async () => {
    const next: ChartOption = {
      ...option,
      series: [
        { type: 'line', name: 'run-b', data: [[0, 2]] },
        { type: 'line', name: 'run-c', data: [[0, 3]] },
      ],
    };
    const Harness = () => {
      const [current, setCurrent] = useState(option);
      return (
        <>
          <button onClick={() => setCurrent(next)}>swap</button>
          <EChart option={current} ariaLabel="Loss curves" />
        </>
      );
    };
    await renderInTestApp(<Harness />);
    const img = screen.getByRole('img', { name: 'Loss curves' });
    await waitFor(() => expect(img).toHaveAttribute('data-rendered', 'true'), {
      timeout: 20_000,
    });
    const chart = loadECharts().getInstanceByDom(img)!;
    const names = () =>
      ((chart.getOption() as ChartOption).series as { name: string }[]).map(
        s => s.name,
      );
    expect(names()).toEqual(['run-a']);
    await userEvent.click(screen.getByRole('button', { name: 'swap' }));
    expect(names()).toEqual(['run-b', 'run-c']);
    expect(loadECharts().getInstanceByDom(img)).toBe(chart);
  });
});
