import { MetricSeriesPoint } from './downsample';
import { isLaterMetricPoint } from './latestMetric';

const point = (
  step: number,
  timestamp: number,
  value: number,
): MetricSeriesPoint => ({
  step,
  timestamp,
  value,
});

describe('isLaterMetricPoint', () => {
  it.each<[string, MetricSeriesPoint, MetricSeriesPoint, boolean]>([
    ['a higher step wins', point(2, 1, 0), point(1, 9, 9), true],
    ['a lower step loses', point(1, 9, 9), point(2, 1, 0), false],
    [
      'a step beats any timestamp and value',
      point(3, 0, -Infinity),
      point(2, 9e12, Infinity),
      true,
    ],
    [
      'a later timestamp wins at the same step',
      point(1, 2, 0),
      point(1, 1, 5),
      true,
    ],
    [
      'an earlier timestamp loses at the same step',
      point(1, 1, 5),
      point(1, 2, 0),
      false,
    ],
    [
      'a larger value wins at the same step and time',
      point(1, 1, 6),
      point(1, 1, 5),
      true,
    ],
    [
      'a smaller value loses at the same step and time',
      point(1, 1, 5),
      point(1, 1, 6),
      false,
    ],
    ['an equal point does not replace', point(1, 1, 5), point(1, 1, 5), false],
    [
      'zero does not replace negative zero',
      point(1, 1, 0),
      point(1, 1, -0),
      false,
    ],
    [
      'Infinity beats a number',
      point(1, 1, Infinity),
      point(1, 1, 1e308),
      true,
    ],
    [
      'a number beats -Infinity',
      point(1, 1, -1e308),
      point(1, 1, -Infinity),
      true,
    ],
    ['a number beats NaN', point(1, 1, -5), point(1, 1, NaN), true],
    ['-Infinity beats NaN', point(1, 1, -Infinity), point(1, 1, NaN), true],
    ['NaN loses to a number', point(1, 1, NaN), point(1, 1, -5), false],
    ['NaN loses to -Infinity', point(1, 1, NaN), point(1, 1, -Infinity), false],
    ['NaN does not replace NaN', point(1, 1, NaN), point(1, 1, NaN), false],
    ['NaN at a higher step still wins', point(2, 1, NaN), point(1, 1, 5), true],
    ['NaN at a later time still wins', point(1, 2, NaN), point(1, 1, 5), true],
    [
      'negative steps compare as numbers',
      point(-1, 1, 0),
      point(-2, 1, 0),
      true,
    ],
  ])('%s', (_, a, b, expected) => {
    expect(isLaterMetricPoint(a, b)).toBe(expected);
  });

  it('picks the same latest point whatever the arrival order', () => {
    const points = [
      point(3, 10, 1),
      point(3, 10, NaN),
      point(3, 10, 7),
      point(3, 9, 100),
      point(2, 50, 1000),
      point(3, 10, -Infinity),
    ];
    const latest = (ordered: MetricSeriesPoint[]) =>
      ordered.reduce((current, p) =>
        isLaterMetricPoint(p, current) ? p : current,
      );
    // every rotation and its reverse
    for (let r = 0; r < points.length; r++) {
      const rotated = [...points.slice(r), ...points.slice(0, r)];
      expect(latest(rotated)).toBe(points[2]);
      expect(latest([...rotated].reverse())).toBe(points[2]);
    }
  });
});
