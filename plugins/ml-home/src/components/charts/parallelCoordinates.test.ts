import {
  buildParallelCoordinatesOption,
  paramAxis,
  UNSET,
} from './parallelCoordinates';

describe('paramAxis', () => {
  it('puts numeric params on a value axis', () => {
    expect(paramAxis('lr', ['0.1', '1e-3', null])).toEqual({
      key: 'lr',
      type: 'value',
    });
  });

  it('puts other params on a category axis, sorted, with unset last', () => {
    expect(paramAxis('opt', ['sgd', 'adam', 'sgd', undefined])).toEqual({
      key: 'opt',
      type: 'category',
      categories: ['adam', 'sgd', UNSET],
    });
  });
});

describe('buildParallelCoordinatesOption', () => {
  const items = [
    { label: 'run-a', params: { lr: '0.1', opt: 'adam' }, metric: 0.9 },
    { label: 'run-b', params: { lr: '0.01', opt: 'sgd' }, metric: 0.7 },
    { label: 'run-c', params: { opt: 'sgd' }, metric: null },
  ];

  it('draws an axis per param and the metric last, a line per item', () => {
    const option = buildParallelCoordinatesOption({
      items,
      paramKeys: ['lr', 'opt'],
      metricKey: 'auc',
    });
    expect(
      option.parallelAxis!.map(a => [a.dim, a.name, a.type, a.data]),
    ).toEqual([
      [0, 'lr', 'value', undefined],
      [1, 'opt', 'category', ['adam', 'sgd']],
      [2, 'auc', 'value', undefined],
    ]);
    const series = (option.series as { type: string; data: unknown[] }[])[0];
    expect(series.type).toBe('parallel');
    expect(series.data).toEqual([
      { name: 'run-a', value: [0.1, 'adam', 0.9] },
      { name: 'run-b', value: [0.01, 'sgd', 0.7] },
      { name: 'run-c', value: [null, 'sgd', null] },
    ]);
  });

  it('colours lines by the metric, the strong colour at the better end', () => {
    const higher = buildParallelCoordinatesOption({
      items,
      paramKeys: ['lr'],
      metricKey: 'auc',
    });
    expect(higher.visualMap).toMatchObject({
      dimension: 1,
      min: 0.7,
      max: 0.9,
      inRange: { color: ['#d0d7e5', '#5470c6'] },
    });
    const formatter = (higher.visualMap as { formatter: (v: number) => string })
      .formatter;
    expect(formatter(0.7712)).toBe('0.7712');
    const lower = buildParallelCoordinatesOption({
      items,
      paramKeys: ['lr'],
      metricKey: 'loss',
      direction: 'lower',
    });
    expect(lower.visualMap).toMatchObject({
      inRange: { color: ['#5470c6', '#d0d7e5'] },
    });
  });
});

describe('buildParallelCoordinatesOption with params named like Object.prototype', () => {
  it('reads only the params an item has', () => {
    // As the compare page builds them from the param rows; run-b lacks all three.
    const items = [
      {
        label: 'run-a',
        params: JSON.parse(
          '{"__proto__": "0.5", "constructor": "adam", "toString": "x"}',
        ),
        metric: 0.9,
      },
      { label: 'run-b', params: {}, metric: 0.7 },
    ];
    const option = buildParallelCoordinatesOption({
      items,
      paramKeys: ['__proto__', 'constructor', 'toString'],
      metricKey: 'auc',
    });
    expect(option.parallelAxis!.map(a => [a.name, a.type, a.data])).toEqual([
      ['__proto__', 'value', undefined],
      ['constructor', 'category', ['adam', UNSET]],
      ['toString', 'category', ['x', UNSET]],
      ['auc', 'value', undefined],
    ]);
    const series = (option.series as { data: unknown[] }[])[0];
    expect(series.data).toEqual([
      { name: 'run-a', value: [0.5, 'adam', 'x', 0.9] },
      { name: 'run-b', value: [null, UNSET, UNSET, 0.7] },
    ]);
  });
});
