import {
  CompareState,
  mapWithLimit,
  parseVersions,
  readCompareState,
  uniqueLabels,
  writeCompareState,
} from './compareState';

describe('compare page URL state', () => {
  it('round-trips through the query string', () => {
    const state: CompareState = {
      runs: ['a1', 'b2'],
      versions: [{ model: 'churn-model', version: 3 }],
      allParams: true,
      curveMetrics: ['auc', 'val loss'],
      curve: { xAxis: 'relative', logScale: true, smoothing: 0.6 },
      parallelMetric: 'auc',
      metricFilter: 'slice_01 auc',
    };
    const text = writeCompareState(state).toString();
    expect(readCompareState(new URLSearchParams(text))).toEqual(state);
  });

  it('tells "no curve chosen" apart from "default"', () => {
    const none = writeCompareState({
      ...readCompareState(new URLSearchParams('runs=a')),
      curveMetrics: [],
    });
    expect(none.toString()).toBe('runs=a&metric=');
    expect(readCompareState(none).curveMetrics).toEqual([]);
    expect(
      readCompareState(new URLSearchParams('runs=a')).curveMetrics,
    ).toBeUndefined();
  });

  it('ignores malformed values', () => {
    expect(parseVersions('m:1,bad,:2,x:y,n:10')).toEqual([
      { model: 'm', version: 1 },
      { model: 'n', version: 10 },
    ]);
    expect(
      readCompareState(new URLSearchParams('x=sideways&smooth=5')).curve,
    ).toEqual({ xAxis: 'step', logScale: false, smoothing: 0 });
  });
});

describe('mapWithLimit', () => {
  it('keeps order and never exceeds the limit', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapWithLimit([5, 1, 3, 2, 4], 2, async n => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise(resolve => setTimeout(resolve, n));
      running -= 1;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 30, 20, 40]);
    expect(peak).toBe(2);
  });
});

describe('uniqueLabels', () => {
  it('adds the short id to repeated labels only', () => {
    expect(
      uniqueLabels([
        { id: 'aaaaaaaaaa', label: 'run' },
        { id: 'bbbbbbbbbb', label: 'run' },
        { id: 'c', label: 'other' },
      ]),
    ).toEqual(['run (aaaaaaa)', 'run (bbbbbbb)', 'other']);
  });
});
