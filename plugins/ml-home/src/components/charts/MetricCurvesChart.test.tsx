import { renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MetricCurvesChart } from './MetricCurvesChart';
import { loadECharts, ChartOption } from './echartsSetup';

jest.setTimeout(30_000);

const series = [
  {
    name: 'run-a',
    points: [
      { step: 0, value: 1, timestamp: 0 },
      { step: 1, value: 0.1, timestamp: 1000 },
    ],
  },
];

function drawnOption(): ChartOption {
  const img = screen.getByRole('img', {
    name: 'Line chart of loss for 1 series',
  });
  return loadECharts().getInstanceByDom(img)!.getOption() as ChartOption;
}

/** ECharts loads on first use: wait until the chart has drawn the first option. */
async function chartReady() {
  const img = screen.getByRole('img', {
    name: 'Line chart of loss for 1 series',
  });
  await waitFor(() => expect(img).toHaveAttribute('data-rendered', 'true'), {
    // The first chart of a test file loads ECharts.
    timeout: 20_000,
  });
}

describe('MetricCurvesChart', () => {
  it('switches the drawn chart to a log axis, smoothing and time', async () => {
    await renderInTestApp(
      <MetricCurvesChart series={series} metricKey="loss" />,
    );
    await chartReady();
    expect((drawnOption().yAxis as { type: string }[])[0].type).toBe('value');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Log scale' }));
    expect((drawnOption().yAxis as { type: string }[])[0].type).toBe('log');

    const slider = screen.getByRole('slider', { name: /Smoothing/ });
    fireEvent.keyDown(slider, { key: 'End' });
    const ids = (drawnOption().series as { id: string }[]).map(s => s.id);
    expect(ids.sort()).toEqual(['s0', 's0:raw']);
    expect(screen.getByText('Smoothing (0.99)')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /X axis/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Time' }));
    expect((drawnOption().xAxis as { type: string }[])[0].type).toBe('time');
  });

  it('reports setting changes when controlled', async () => {
    const changes: unknown[] = [];
    await renderInTestApp(
      <MetricCurvesChart
        series={series}
        metricKey="loss"
        settings={{ xAxis: 'step', logScale: true, smoothing: 0 }}
        onSettingsChange={s => changes.push(s)}
      />,
    );
    await chartReady();
    expect((drawnOption().yAxis as { type: string }[])[0].type).toBe('log');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Log scale' }));
    expect(changes).toEqual([{ xAxis: 'step', logScale: false, smoothing: 0 }]);
    // Controlled: the drawn chart follows the props, not the click.
    expect((drawnOption().yAxis as { type: string }[])[0].type).toBe('log');
  });
});
