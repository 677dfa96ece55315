import {
  DEFAULT_MAX_POINTS,
  downsampleSeries,
  MAX_POINTS_LIMIT,
  MetricSeriesPoint,
} from './downsample';

/* A small seeded PRNG (mulberry32) so the property tests are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function series(values: number[]): MetricSeriesPoint[] {
  return values.map((value, i) => ({ step: i, value, timestamp: 1000 + i }));
}

/* Which input positions the output kept, by identity. */
function keptIndices(
  input: readonly MetricSeriesPoint[],
  output: readonly MetricSeriesPoint[],
): number[] {
  const index = new Map(input.map((p, i) => [p, i]));
  return output.map(p => {
    const i = index.get(p);
    if (i === undefined) {
      throw new Error(
        `output point ${JSON.stringify(p)} is not from the input`,
      );
    }
    return i;
  });
}

function indicesOf(values: number[], maxPoints: number): number[] {
  const points = series(values);
  return keptIndices(points, downsampleSeries(points, maxPoints));
}

function randomSeries(rand: () => number, count: number): MetricSeriesPoint[] {
  const points: MetricSeriesPoint[] = [];
  let step = 0;
  let level = 0;
  for (let i = 0; i < count; i++) {
    // repeated steps happen when a client logs a step twice
    step += rand() < 0.1 ? 0 : 1 + Math.floor(rand() * 3);
    level += rand() - 0.5;
    const r = rand();
    let value = level;
    if (r < 0.01) value = NaN;
    else if (r < 0.015) value = Infinity;
    else if (r < 0.02) value = -Infinity;
    points.push({ step, value, timestamp: 1_700_000_000_000 + i });
  }
  return points;
}

/*
 * The documented guarantees, checked from the outside: the result of
 * downsampling `points` to `maxPoints` as a list of broken promises.
 */
function guaranteeViolations(
  points: MetricSeriesPoint[],
  maxPoints: number,
  result: MetricSeriesPoint[],
): string[] {
  const count = points.length;
  if (count <= maxPoints) {
    const same =
      result.length === count && result.every((p, i) => p === points[i]);
    return same ? [] : ['a series that fits was changed'];
  }
  const problems: string[] = [];
  const kept = keptIndices(points, result);
  if (result.length > maxPoints) {
    problems.push(`${result.length} points returned`);
  }
  if (!kept.every((k, i) => i === 0 || k > kept[i - 1])) {
    problems.push('points out of order or repeated');
  }
  if (!kept.includes(count - 1)) {
    problems.push('the last point is missing');
  }
  const hasNaN = points.some(p => Number.isNaN(p.value));
  if (hasNaN && maxPoints >= 2 && !result.some(p => Number.isNaN(p.value))) {
    problems.push('the NaN is missing');
  }
  const buckets = Math.floor((maxPoints - 1) / 3);
  if (buckets > 0 && result.length < buckets) {
    problems.push(`only ${result.length} points for ${buckets} buckets`);
  }
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * count) / buckets);
    const end = Math.floor(((b + 1) * count) / buckets);
    const inBucket = kept
      .filter(k => k >= start && k < end)
      .map(k => points[k].value);
    const values = points.slice(start, end).map(p => p.value);
    const numbers = values.filter(v => !Number.isNaN(v));
    const extra = b === buckets - 1 ? 1 : 0;
    if (inBucket.length > 3 + extra) {
      problems.push(`bucket ${b} kept ${inBucket.length} points`);
    }
    if (numbers.length > 0 && !inBucket.includes(Math.max(...numbers))) {
      problems.push(`bucket ${b} lost its maximum`);
    }
    if (numbers.length > 0 && !inBucket.includes(Math.min(...numbers))) {
      problems.push(`bucket ${b} lost its minimum`);
    }
    if (numbers.length < values.length && !inBucket.some(Number.isNaN)) {
      problems.push(`bucket ${b} lost its NaN`);
    }
  }
  return problems;
}

describe('downsampleSeries', () => {
  it('exports its limits', () => {
    expect(DEFAULT_MAX_POINTS).toBe(1000);
    expect(MAX_POINTS_LIMIT).toBe(5000);
  });

  it('returns a series that fits as it is, in a new array', () => {
    const points = series([3, NaN, 1]);
    for (const maxPoints of [3, 4, 1000]) {
      const result = downsampleSeries(points, maxPoints);
      expect(result).toEqual(points);
      expect(result).not.toBe(points);
    }
    expect(downsampleSeries([], 1)).toEqual([]);
  });

  it.each([0, -1, 1.5, NaN, Infinity])('rejects maxPoints %p', maxPoints => {
    expect(() => downsampleSeries(series([1, 2]), maxPoints)).toThrow(
      new RangeError(`maxPoints must be a positive integer, got ${maxPoints}`),
    );
  });

  it('keeps the first, minimum and maximum of each bucket and the last point', () => {
    // maxPoints 7 gives two buckets of ten points.
    const values = [
      5, 3, 8, 1, 9, 4, 4, 2, 7, 6, 6, 6, 0, 6, 10, 6, 6, 0, 6, 5,
    ];
    expect(indicesOf(values, 7)).toEqual([0, 3, 4, 10, 12, 14, 19]);
    // one more point of budget buys no bucket
    expect(indicesOf(values, 9)).toEqual([0, 3, 4, 10, 12, 14, 19]);
  });

  it('returns the points themselves, with their other fields', () => {
    const points = series([1, 5, 2, 8, 3, 0, 4]).map(p => ({
      ...p,
      runId: 'r1',
    }));
    const result = downsampleSeries(points, 4);
    expect(result).toEqual([points[0], points[3], points[5], points[6]]);
    expect(result[1]).toBe(points[3]);
    expect(result[1].runId).toBe('r1');
  });

  it('keeps a NaN in place of the first point when the bucket is full', () => {
    expect(indicesOf([2, 5, NaN, -1, NaN, 3, 4, 1], 4)).toEqual([1, 2, 3, 7]);
  });

  it('keeps the first point beside a NaN when it is an extreme', () => {
    expect(indicesOf([-1, 5, NaN, 0, 3, 3, 3, 1], 4)).toEqual([0, 1, 2, 7]);
  });

  it('keeps one point of a bucket that is all NaN', () => {
    expect(indicesOf([NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN], 4)).toEqual([
      0, 7,
    ]);
  });

  it('treats infinities as extremes', () => {
    expect(indicesOf([0, 1, Infinity, 2, -Infinity, 3, 4, 5], 4)).toEqual([
      0, 2, 4, 7,
    ]);
  });

  it('keeps the earliest of equal extremes', () => {
    expect(indicesOf([1, 7, 0, 7, 0, 1, 1, 1], 4)).toEqual([0, 1, 2, 7]);
  });

  it('does not count the last point twice when it is an extreme', () => {
    expect(indicesOf([2, 5, -1, 3, 4, 1, 0, 8], 4)).toEqual([0, 2, 7]);
  });

  describe('budgets too small for a bucket', () => {
    it.each<[number[], number, number[]]>([
      [[2, 9, NaN, -3, 4, 1], 1, [5]],
      [[2, 9, NaN, -3, 4, 1], 2, [2, 5]],
      [[2, 9, NaN, -3, 4, 1], 3, [1, 2, 5]],
      [[2, 9, 0, -3, 4, 1], 2, [1, 5]],
      [[2, 9, 0, -3, 4, 1], 3, [1, 3, 5]],
      [[2, -3, 0, 9], 2, [1, 3]],
      [[2, -3, 0, 9], 3, [0, 1, 3]],
      [[4, 4, 4, 4], 3, [0, 3]],
    ])('keeps from %j with %i points %j', (values, maxPoints, expected) => {
      expect(indicesOf(values, maxPoints)).toEqual(expected);
    });
  });

  it('keeps a single spike in a long flat series', () => {
    const rand = prng(7);
    for (let trial = 0; trial < 20; trial++) {
      const values = Array.from({ length: 100_000 }, () => rand());
      const spike = Math.floor(rand() * values.length);
      const dip = Math.floor(rand() * values.length);
      values[spike] = 1000;
      values[dip] = -1000;
      const kept = indicesOf(values, DEFAULT_MAX_POINTS);
      expect(kept.length).toBeLessThanOrEqual(DEFAULT_MAX_POINTS);
      expect(kept).toContain(spike);
      expect(kept).toContain(dip);
    }
  });

  it('holds its guarantees on random series', () => {
    const rand = prng(20240611);
    const budgets = [1, 2, 3, 4, 5, 6, 7, 10, 1000];
    const violations: string[] = [];
    let downsampled = 0;
    for (let trial = 0; trial < 400; trial++) {
      const count = Math.floor(rand() * 2500);
      const maxPoints =
        rand() < 0.5
          ? budgets[Math.floor(rand() * budgets.length)]
          : 1 + Math.floor(rand() * 300);
      const points = randomSeries(rand, count);
      const problems = guaranteeViolations(
        points,
        maxPoints,
        downsampleSeries(points, maxPoints),
      );
      violations.push(
        ...problems.map(
          problem =>
            `trial ${trial} (${count} points, maxPoints ${maxPoints}): ${problem}`,
        ),
      );
      downsampled += count > maxPoints ? 1 : 0;
    }
    expect(violations).toEqual([]);
    // the loop must exercise the interesting case, not only series that fit
    expect(downsampled).toBeGreaterThan(300);
  });
});
