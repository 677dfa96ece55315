import {
  buildMetricCurvesOption,
  emaSmooth,
  formatCurvesTooltip,
  formatDuration,
  metricNumber,
  packPoints,
  summarizeCurves,
  CurveSeries,
} from './metricCurves';
import { mlHomeT } from '../../translation/__testUtils__/mlHomeT';

type LineSeries = {
  id: string;
  name: string;
  data: Float64Array;
  dimensions: string[];
  lineStyle: { opacity?: number };
  silent?: boolean;
};

/** A packed line's points as [x, y] pairs, a gap as null. */
function pairs(data: Float64Array): [number, number | null][] {
  const out: [number, number | null][] = [];
  for (let i = 0; i < data.length; i += 2) {
    out.push([data[i], Number.isNaN(data[i + 1]) ? null : data[i + 1]]);
  }
  return out;
}

const series: CurveSeries[] = [
  {
    name: 'run-a',
    points: [
      // Out of order on purpose: the chart sorts by x.
      { step: 2, value: 0.25, timestamp: 3_000 },
      { step: 0, value: 1, timestamp: 1_000 },
      { step: 1, value: 0.5, timestamp: 2_000 },
    ],
  },
  {
    name: 'run-b',
    points: [
      { step: 0, value: 0, timestamp: 10_000 },
      { step: 1, value: 'NaN', timestamp: 70_000 },
      { step: 2, value: 2, timestamp: 130_000 },
    ],
  },
];

describe('emaSmooth', () => {
  it('is the identity at weight 0', () => {
    expect(emaSmooth([1, 5, 3], 0)).toEqual([1, 5, 3]);
  });

  it('debiases like TensorBoard, so the first value is kept', () => {
    const out = emaSmooth([10, 20, 30], 0.5);
    expect(out[0]).toBeCloseTo(10);
    // last = 0.5*5 + 0.5*20 = 12.5; debias 1 - 0.25 = 0.75
    expect(out[1]).toBeCloseTo(12.5 / 0.75);
    // last = 0.5*12.5 + 15 = 21.25; debias 1 - 0.125
    expect(out[2]).toBeCloseTo(21.25 / 0.875);
  });

  it('passes NaN and infinities through without disturbing the average', () => {
    const out = emaSmooth([10, NaN, 10, Infinity], 0.9);
    expect(out[0]).toBeCloseTo(10);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(10);
    expect(out[3]).toBe(Infinity);
  });
});

describe('metricNumber', () => {
  it('reads the API spellings of non-finite values', () => {
    expect(metricNumber(0.5)).toBe(0.5);
    expect(metricNumber('Infinity')).toBe(Infinity);
    expect(metricNumber('-Infinity')).toBe(-Infinity);
    expect(metricNumber('NaN')).toBeNaN();
  });
});

describe('buildMetricCurvesOption', () => {
  it('draws one line per series by step, sorted, with NaN as a gap', () => {
    const option = buildMetricCurvesOption(
      series,
      { xAxis: 'step', logScale: false, smoothing: 0 },
      mlHomeT,
      { metricKey: 'loss' },
    );
    const lines = option.series as LineSeries[];
    expect(lines.map(l => l.name)).toEqual(['run-a', 'run-b']);
    expect(pairs(lines[0].data)).toEqual([
      [0, 1],
      [1, 0.5],
      [2, 0.25],
    ]);
    expect(pairs(lines[1].data)).toEqual([
      [0, 0],
      [1, null],
      [2, 2],
    ]);
    expect(option.xAxis).toMatchObject({ type: 'value', name: 'step' });
    expect(option.yAxis).toMatchObject({ type: 'value', name: 'loss' });
    expect(option.dataZoom).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'inside' }),
        expect.objectContaining({ type: 'slider' }),
      ]),
    );
  });

  it('uses a log axis and leaves out values it cannot show', () => {
    const option = buildMetricCurvesOption(
      series,
      {
        xAxis: 'step',
        logScale: true,
        smoothing: 0,
      },
      mlHomeT,
    );
    expect(option.yAxis).toMatchObject({ type: 'log' });
    const lines = option.series as LineSeries[];
    expect(pairs(lines[1].data)).toEqual([
      [0, null],
      [1, null],
      [2, 2],
    ]);
  });

  it('smooths with a faded raw line underneath each smoothed one', () => {
    const option = buildMetricCurvesOption(
      series.slice(0, 1),
      {
        xAxis: 'step',
        logScale: false,
        smoothing: 0.5,
      },
      mlHomeT,
    );
    const lines = option.series as LineSeries[];
    expect(lines.map(l => l.id)).toEqual(['s0:raw', 's0']);
    expect(lines[0]).toMatchObject({
      silent: true,
      lineStyle: { opacity: 0.25 },
    });
    expect(pairs(lines[0].data).map(p => p[1])).toEqual([1, 0.5, 0.25]);
    const smoothed = pairs(lines[1].data).map(p => p[1]!);
    const expected = emaSmooth([1, 0.5, 0.25], 0.5);
    smoothed.forEach((v, i) => expect(v).toBeCloseTo(expected[i]));
    expect(smoothed[2]).toBeGreaterThan(0.25);
  });

  it('puts time or time since the first point on x', () => {
    const time = buildMetricCurvesOption(
      series,
      {
        xAxis: 'time',
        logScale: false,
        smoothing: 0,
      },
      mlHomeT,
    );
    expect(time.xAxis).toMatchObject({ type: 'time' });
    expect(pairs((time.series as LineSeries[])[0].data)[0]).toEqual([1_000, 1]);
    const relative = buildMetricCurvesOption(
      series,
      {
        xAxis: 'relative',
        logScale: false,
        smoothing: 0,
      },
      mlHomeT,
    );
    expect(relative.xAxis).toMatchObject({ type: 'value' });
    expect(
      pairs((relative.series as LineSeries[])[1].data).map(p => p[0]),
    ).toEqual([0, 60, 120]);
  });

  it('does not animate large data', () => {
    const big: CurveSeries[] = Array.from({ length: 50 }, (_, i) => ({
      name: `run-${i}`,
      points: Array.from({ length: 100 }, (__, step) => ({
        step,
        value: step,
        timestamp: step,
      })),
    }));
    const option = buildMetricCurvesOption(
      big,
      {
        xAxis: 'step',
        logScale: false,
        smoothing: 0,
      },
      mlHomeT,
    );
    expect(option.animation).toBe(false);
    expect((option.series as LineSeries[]).length).toBe(50);
  });
});

describe('packPoints', () => {
  it('packs x and y alternately into one Float64Array, a gap as NaN', () => {
    const packed = packPoints([
      [0, 1],
      [1, null],
      [2, -0.5],
    ]);
    expect(packed).toBeInstanceOf(Float64Array);
    expect(Array.from(packed)).toEqual([0, 1, 1, NaN, 2, -0.5]);
  });

  it('gives each line of the option its points packed, in x order, named x and y', () => {
    const option = buildMetricCurvesOption(
      series,
      { xAxis: 'step', logScale: false, smoothing: 0.5 },
      mlHomeT,
    );
    for (const line of option.series as LineSeries[]) {
      expect(line.data).toBeInstanceOf(Float64Array);
      expect(line.data.length).toBe(6);
      expect(line.dimensions).toEqual(['x', 'y']);
      expect(pairs(line.data).map(p => p[0])).toEqual([0, 1, 2]);
    }
  });
});

describe('formatCurvesTooltip', () => {
  it('lists the hovered values best first and leaves raw lines out', () => {
    const html = formatCurvesTooltip(
      [
        { seriesId: 's0:raw', seriesName: 'a', value: [3, 9], color: 'red' },
        { seriesId: 's0', seriesName: 'a', value: [3, 0.5], color: 'red' },
        { seriesId: 's1', seriesName: '<b>', value: [3, 0.75], color: 'blue' },
      ],
      'step',
      mlHomeT,
    );
    expect(html.split('<br/>')).toEqual([
      'step 3',
      '<span style="color:blue">●</span> &lt;b&gt;: <b>0.75</b>',
      '<span style="color:red">●</span> a: <b>0.5</b>',
    ]);
  });
});

describe('formatCurvesTooltip with packed data', () => {
  it('leaves out a series whose hovered point is a gap (NaN)', () => {
    const html = formatCurvesTooltip(
      [
        { seriesId: 's0', seriesName: 'a', value: [3, NaN], color: 'red' },
        { seriesId: 's1', seriesName: 'b', value: [3, 0.75], color: 'blue' },
      ],
      'step',
      mlHomeT,
    );
    expect(html.split('<br/>')).toEqual([
      'step 3',
      '<span style="color:blue">●</span> b: <b>0.75</b>',
    ]);
  });
});

describe('formatDuration and summarizeCurves', () => {
  it('formats durations', () => {
    expect(formatDuration(7)).toBe('7s');
    expect(formatDuration(125)).toBe('2m 05s');
    expect(formatDuration(3723)).toBe('1h 02m 03s');
  });

  it('summarises each series for screen readers', () => {
    expect(summarizeCurves(series, mlHomeT, 'loss')).toEqual([
      'run-a: loss 0.25 at step 2, ranging 0.25 to 1 over 3 points.',
      'run-b: loss 2 at step 2, ranging 0 to 2 over 3 points.',
    ]);
  });
});
