import {
  EvaluationResult,
  EvaluationScore,
  EvaluationThreshold,
  isValidSlice,
  metricDirection,
  OVERALL_SLICE,
  parseSlice,
  scoreEvaluation,
  SLICE_MAX,
} from './evaluation';

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

const r = (slice: string, metric: string, value: number): EvaluationResult => ({
  slice,
  metric,
  value,
});

const t = (
  metric: string,
  op: EvaluationThreshold['op'],
  value: number,
  slice?: string,
): EvaluationThreshold =>
  slice === undefined ? { metric, op, value } : { metric, op, value, slice };

/* The outcomes as compact tuples, to assert order and verdicts at once. */
function verdicts(score: EvaluationScore) {
  return score.outcomes.map(o => [
    o.threshold.metric,
    o.slice,
    o.pass,
    o.reason,
  ]);
}

describe('metricDirection', () => {
  it.each([
    'loss',
    'error',
    'wer',
    'cer',
    'rmse',
    'mae',
    'mse',
    'latency',
    'log_loss',
    'brier',
    'fpr',
    'fnr',
    'perplexity',
    'val_loss',
    'valLoss',
    'eval/val-loss',
    'p95_latency_ms',
    'Latency.P99',
    'mean_absolute_error',
    'error_rate',
    'brier_score',
    'test-RMSE',
    'LOSS',
  ])('%j is lower-is-better', metric => {
    expect(metricDirection(metric)).toBe('lower');
  });

  it.each([
    'accuracy',
    'auc',
    'f1',
    'precision',
    'recall',
    'tpr',
    'r2',
    // whole words only: these merely contain a lower-is-better word
    'power',
    'cancer_recall',
    'glossary_hits',
    'maestro',
    'terror',
    'lossless_ratio',
    // scikit-learn's negated losses are higher-is-better
    'neg_log_loss',
    'neg_mean_squared_error',
    '',
  ])('%j is higher-is-better', metric => {
    expect(metricDirection(metric)).toBe('higher');
  });

  it('lets a declared direction win over the name', () => {
    expect(metricDirection('loss', { loss: 'higher' })).toBe('higher');
    expect(metricDirection('accuracy', { accuracy: 'lower' })).toBe('lower');
  });

  it('falls back to the name for metrics not declared', () => {
    expect(metricDirection('loss', { accuracy: 'higher' })).toBe('lower');
  });

  it('ignores inherited properties of the declared directions', () => {
    expect(metricDirection('constructor', {})).toBe('higher');
    expect(metricDirection('toString', {})).toBe('higher');
    expect(metricDirection('__proto__', {})).toBe('higher');
  });
});

describe('isValidSlice and parseSlice', () => {
  it.each<[string, { feature?: string; value?: string }]>([
    ['overall', {}],
    ['country=SE', { feature: 'country', value: 'SE' }],
    ['a=b', { feature: 'a', value: 'b' }],
    ['age_bucket=18-25', { feature: 'age_bucket', value: '18-25' }],
    ['ns:feat.x-1=v', { feature: 'ns:feat.x-1', value: 'v' }],
    ['expr=a=b', { feature: 'expr', value: 'a=b' }],
    ['city=São Paulo', { feature: 'city', value: 'São Paulo' }],
    ['x= ', { feature: 'x', value: ' ' }],
    ['overall=yes', { feature: 'overall', value: 'yes' }],
    ['emoji=😀', { feature: 'emoji', value: '😀' }],
  ])('accepts %j', (slice, parsed) => {
    expect(isValidSlice(slice)).toBe(true);
    expect(parseSlice(slice)).toEqual(parsed);
  });

  it.each([
    '',
    'Overall',
    ' overall',
    'overall ',
    'country',
    '=SE',
    'country=',
    'coun try=SE',
    'country/x=SE',
    'é=x',
    'country=S\nE',
    'country=S\rE',
    'country=SE\n',
  ])('rejects %j', slice => {
    expect(isValidSlice(slice)).toBe(false);
    expect(() => parseSlice(slice)).toThrow(/Invalid slice/);
  });

  it(`allows at most ${SLICE_MAX} characters, counted as code points`, () => {
    const longest = `f=${'v'.repeat(SLICE_MAX - 2)}`;
    expect(isValidSlice(longest)).toBe(true);
    expect(isValidSlice(`${longest}v`)).toBe(false);
    // 2 + 248 astral characters: 498 UTF-16 units but 250 code points
    const astral = `f=${'😀'.repeat(SLICE_MAX - 2)}`;
    expect(astral.length).toBeGreaterThan(SLICE_MAX);
    expect(isValidSlice(astral)).toBe(true);
    expect(isValidSlice(`${astral}😀`)).toBe(false);
  });

  it('names the overall slice', () => {
    expect(OVERALL_SLICE).toBe('overall');
  });
});

describe('scoreEvaluation thresholds', () => {
  it.each<[EvaluationThreshold['op'], number, boolean]>([
    ['>', 0.9, true],
    ['>', 0.8, false],
    ['>=', 0.8, true],
    ['>=', 0.79, false],
    ['<', 0.79, true],
    ['<', 0.8, false],
    ['<=', 0.8, true],
    ['<=', 0.81, false],
  ])('a result %s 0.8 with value %p passes: %p', (op, value, pass) => {
    const score = scoreEvaluation({
      results: [r('overall', 'm', value)],
      thresholds: [t('m', op, 0.8)],
    });
    expect(score.outcomes).toEqual([
      { threshold: t('m', op, 0.8), slice: 'overall', value, pass },
    ]);
    expect(score.pass).toBe(pass);
  });

  it('applies a threshold with a slice to that slice only', () => {
    const score = scoreEvaluation({
      results: [
        r('overall', 'acc', 0.5),
        r('country=SE', 'acc', 0.9),
        r('country=DE', 'acc', 0.5),
      ],
      thresholds: [t('acc', '>=', 0.8, 'country=SE')],
    });
    expect(verdicts(score)).toEqual([['acc', 'country=SE', true, undefined]]);
    expect(score.pass).toBe(true);
    expect(score.slices).toEqual([
      { slice: 'overall', pass: true, failing: [] },
      { slice: 'country=DE', pass: true, failing: [] },
      { slice: 'country=SE', pass: true, failing: [] },
    ]);
  });

  it('applies a threshold without a slice to every slice with that metric', () => {
    const score = scoreEvaluation({
      results: [
        r('country=SE', 'acc', 0.9),
        r('overall', 'acc', 0.85),
        r('country=DE', 'acc', 0.7),
        r('country=FI', 'loss', 0.1),
      ],
      thresholds: [t('acc', '>=', 0.8)],
    });
    expect(verdicts(score)).toEqual([
      ['acc', 'overall', true, undefined],
      ['acc', 'country=DE', false, undefined],
      ['acc', 'country=SE', true, undefined],
    ]);
    expect(score.pass).toBe(false);
    expect(score.slices).toEqual([
      { slice: 'overall', pass: true, failing: [] },
      { slice: 'country=DE', pass: false, failing: ['acc'] },
      { slice: 'country=FI', pass: true, failing: [] },
      { slice: 'country=SE', pass: true, failing: [] },
    ]);
  });

  it('fails a threshold for all slices once on overall when no slice has the metric', () => {
    const threshold = t('auc', '>', 0.7);
    const score = scoreEvaluation({
      results: [r('country=SE', 'acc', 0.9)],
      thresholds: [threshold],
    });
    expect(score.outcomes).toEqual([
      { threshold, slice: 'overall', pass: false, reason: 'missing' },
    ]);
    expect(score.pass).toBe(false);
    expect(score.slices).toEqual([
      { slice: 'overall', pass: false, failing: ['auc'] },
      { slice: 'country=SE', pass: true, failing: [] },
    ]);
  });

  it('fails a threshold on a slice without a result as missing', () => {
    const threshold = t('acc', '>', 0.7, 'country=NO');
    const score = scoreEvaluation({
      results: [r('overall', 'acc', 0.9), r('country=NO', 'loss', 0.1)],
      thresholds: [threshold],
    });
    expect(score.outcomes).toEqual([
      { threshold, slice: 'country=NO', pass: false, reason: 'missing' },
    ]);
    expect(score.slices).toEqual([
      { slice: 'overall', pass: true, failing: [] },
      { slice: 'country=NO', pass: false, failing: ['acc'] },
    ]);
    expect(score.pass).toBe(false);
  });

  it('lists a slice that only a threshold names', () => {
    const score = scoreEvaluation({
      results: [],
      thresholds: [t('acc', '>', 0.7, 'country=NO')],
    });
    expect(score.slices).toEqual([
      { slice: 'country=NO', pass: false, failing: ['acc'] },
    ]);
    expect(score.deltas).toEqual([]);
  });

  it('fails NaN results with reason nan, whatever the operator', () => {
    for (const op of ['>', '>=', '<', '<='] as const) {
      const score = scoreEvaluation({
        results: [r('overall', 'acc', NaN)],
        thresholds: [t('acc', op, 0.5)],
      });
      expect(score.outcomes).toEqual([
        {
          threshold: t('acc', op, 0.5),
          slice: 'overall',
          value: NaN,
          pass: false,
          reason: 'nan',
        },
      ]);
      expect(score.pass).toBe(false);
    }
  });

  it('compares ±Infinity as numbers', () => {
    const score = scoreEvaluation({
      results: [r('overall', 'acc', Infinity), r('overall', 'loss', -Infinity)],
      thresholds: [
        t('acc', '>', 1e308),
        t('loss', '<', -1e308),
        t('acc', '<', 1),
        t('acc', '>=', Infinity),
        t('loss', '>', -Infinity),
      ],
    });
    expect(score.outcomes.map(o => [o.pass, o.reason])).toEqual([
      [true, undefined],
      [true, undefined],
      [false, undefined],
      [true, undefined],
      [false, undefined],
    ]);
    expect(score.slices).toEqual([
      { slice: 'overall', pass: false, failing: ['acc', 'loss'] },
    ]);
  });

  it('checks every threshold, even several on the same metric and slice', () => {
    const score = scoreEvaluation({
      results: [r('overall', 'acc', 0.995)],
      thresholds: [t('acc', '>=', 0.8), t('acc', '<=', 0.99, 'overall')],
    });
    expect(verdicts(score)).toEqual([
      ['acc', 'overall', true, undefined],
      ['acc', 'overall', false, undefined],
    ]);
    expect(score.slices).toEqual([
      { slice: 'overall', pass: false, failing: ['acc'] },
    ]);
    expect(score.pass).toBe(false);
  });

  it('passes with no thresholds', () => {
    const score = scoreEvaluation({
      results: [r('overall', 'acc', NaN)],
      thresholds: [],
    });
    expect(score.pass).toBe(true);
    expect(score.outcomes).toEqual([]);
    expect(score.slices).toEqual([
      { slice: 'overall', pass: true, failing: [] },
    ]);
  });

  it('keeps outcomes in threshold order and slices overall first, then sorted', () => {
    const score = scoreEvaluation({
      results: [
        r('z=1', 'b', 1),
        r('a=1', 'b', 1),
        r('overall', 'b', 1),
        r('B=1', 'a', 1),
      ],
      thresholds: [t('b', '>', 0), t('a', '>', 0)],
    });
    expect(verdicts(score).map(v => `${v[0]}@${v[1]}`)).toEqual([
      'b@overall',
      'b@a=1',
      'b@z=1',
      'a@B=1',
    ]);
    // code-unit order: upper case before lower case
    expect(score.slices.map(s => s.slice)).toEqual([
      'overall',
      'B=1',
      'a=1',
      'z=1',
    ]);
  });

  it('gives the same result whatever the order of results', () => {
    const results = [
      r('overall', 'acc', 0.9),
      r('country=SE', 'acc', 0.7),
      r('country=SE', 'loss', 0.3),
      r('country=DE', 'loss', 0.2),
    ];
    const baseline = [r('country=SE', 'loss', 0.25), r('overall', 'acc', 0.8)];
    const thresholds = [t('acc', '>', 0.8), t('loss', '<', 0.25)];
    const expected = scoreEvaluation({ results, thresholds, baseline });
    const reversed = scoreEvaluation({
      results: [...results].reverse(),
      thresholds,
      baseline: [...baseline].reverse(),
    });
    expect(reversed).toEqual(expected);
  });

  it('throws on a duplicated (slice, metric) result, naming it', () => {
    expect(() =>
      scoreEvaluation({
        results: [
          r('overall', 'acc', 0.9),
          r('country=SE', 'acc', 0.9),
          r('overall', 'acc', 0.8),
        ],
        thresholds: [],
      }),
    ).toThrow('Duplicated results for (slice, metric): ("overall", "acc")');
  });

  it('throws on a duplicated baseline result, naming it', () => {
    expect(() =>
      scoreEvaluation({
        results: [r('overall', 'acc', 0.9)],
        baseline: [r('a=b', 'loss', 1), r('a=b', 'loss', 1)],
        thresholds: [],
      }),
    ).toThrow(
      'Duplicated baseline results for (slice, metric): ("a=b", "loss")',
    );
  });

  it('does not treat the same metric on different slices as duplicates', () => {
    expect(() =>
      scoreEvaluation({
        results: [r('overall', 'acc', 0.9), r('a=b', 'acc', 0.9)],
        thresholds: [],
      }),
    ).not.toThrow();
  });

  it('throws on an unknown operator rather than passing', () => {
    expect(() =>
      scoreEvaluation({
        results: [r('overall', 'acc', 0.9)],
        thresholds: [{ metric: 'acc', op: '==' as '>', value: 0.9 }],
      }),
    ).toThrow('Unknown threshold operator "=="');
  });
});

describe('scoreEvaluation deltas', () => {
  it('compares each result with the same baseline slice and metric', () => {
    const score = scoreEvaluation({
      results: [
        r('overall', 'acc', 0.9),
        r('overall', 'loss', 0.3),
        r('country=SE', 'acc', 0.6),
      ],
      baseline: [
        r('overall', 'acc', 0.8),
        r('overall', 'loss', 0.2),
        r('country=SE', 'acc', 0.75),
        r('country=DE', 'acc', 0.1),
      ],
      thresholds: [],
    });
    expect(score.deltas).toEqual([
      {
        slice: 'overall',
        metric: 'acc',
        value: 0.9,
        baseline: 0.8,
        delta: expect.closeTo(0.1, 10),
        relativeDelta: expect.closeTo(0.125, 10),
        regression: false,
        improvement: true,
      },
      {
        slice: 'overall',
        metric: 'loss',
        value: 0.3,
        baseline: 0.2,
        delta: expect.closeTo(0.1, 10),
        relativeDelta: expect.closeTo(0.5, 10),
        regression: true,
        improvement: false,
      },
      {
        slice: 'country=SE',
        metric: 'acc',
        value: 0.6,
        baseline: 0.75,
        delta: expect.closeTo(-0.15, 10),
        relativeDelta: expect.closeTo(-0.2, 10),
        regression: true,
        improvement: false,
      },
    ]);
    expect(score.regressions).toBe(2);
  });

  it('has no baseline fields when the baseline lacks the metric', () => {
    const score = scoreEvaluation({
      results: [r('overall', 'acc', 0.9), r('overall', 'f1', 0.5)],
      baseline: [r('overall', 'acc', 0.9)],
      thresholds: [],
    });
    expect(score.deltas[1]).toEqual({
      slice: 'overall',
      metric: 'f1',
      value: 0.5,
      regression: false,
      improvement: false,
    });
    expect(Object.keys(score.deltas[1])).not.toContain('baseline');
    expect(score.deltas[0]).toMatchObject({
      delta: 0,
      relativeDelta: 0,
      regression: false,
      improvement: false,
    });
  });

  it('has a delta per result and no baseline fields without a baseline', () => {
    const score = scoreEvaluation({
      results: [r('overall', 'loss', 2), r('overall', 'acc', 1)],
      thresholds: [],
    });
    expect(score.deltas.map(d => [d.metric, d.baseline, d.regression])).toEqual(
      [
        ['acc', undefined, false],
        ['loss', undefined, false],
      ],
    );
    expect(score.regressions).toBe(0);
  });

  it('leaves out relativeDelta against a zero baseline', () => {
    const [d] = scoreEvaluation({
      results: [r('overall', 'loss', 0.5)],
      baseline: [r('overall', 'loss', 0)],
      thresholds: [],
    }).deltas;
    expect(d).toEqual({
      slice: 'overall',
      metric: 'loss',
      value: 0.5,
      baseline: 0,
      delta: 0.5,
      regression: true,
      improvement: false,
    });
    expect('relativeDelta' in d).toBe(false);
  });

  it('divides by the absolute baseline, so the sign follows the delta', () => {
    const [d] = scoreEvaluation({
      results: [r('overall', 'score', -1)],
      baseline: [r('overall', 'score', -2)],
      thresholds: [],
      declared: { project: { score: 'higher' } },
    }).deltas;
    expect(d.delta).toBe(1);
    expect(d.relativeDelta).toBe(0.5);
    expect(d.improvement).toBe(true);
  });

  it('counts only deltas beyond the tolerance', () => {
    const score = (value: number, tolerance?: number) =>
      scoreEvaluation({
        results: [r('overall', 'acc', value)],
        baseline: [r('overall', 'acc', 0.5)],
        thresholds: [],
        tolerance,
      }).deltas[0];
    expect(score(0.49)).toMatchObject({ regression: true, improvement: false });
    expect(score(0.49, 0.02)).toMatchObject({
      regression: false,
      improvement: false,
    });
    expect(score(0.45, 0.02)).toMatchObject({
      regression: true,
      improvement: false,
    });
    expect(score(0.51, 0.02)).toMatchObject({
      regression: false,
      improvement: false,
    });
    expect(score(0.55, 0.02)).toMatchObject({
      regression: false,
      improvement: true,
    });
    // exactly at the tolerance is not beyond it
    expect(score(0.25, 0.25)).toMatchObject({
      regression: false,
      improvement: false,
    });
    expect(score(0.5)).toMatchObject({ regression: false, improvement: false });
    expect(score(0, Infinity)).toMatchObject({
      regression: false,
      improvement: false,
    });
  });

  it('rejects a negative or NaN tolerance', () => {
    for (const tolerance of [-0.1, NaN, -Infinity]) {
      expect(() =>
        scoreEvaluation({ results: [], thresholds: [], tolerance }),
      ).toThrow(RangeError);
    }
  });

  it('follows declared directions over the name heuristic', () => {
    const input = {
      results: [r('overall', 'loss', 0.3), r('overall', 'acc', 0.7)],
      baseline: [r('overall', 'loss', 0.2), r('overall', 'acc', 0.8)],
      thresholds: [],
    };
    expect(scoreEvaluation(input).deltas.map(d => d.regression)).toEqual([
      true,
      true,
    ]);
    const flipped = scoreEvaluation({
      ...input,
      directions: { loss: 'higher', acc: 'lower' },
    });
    expect(flipped.deltas.map(d => [d.regression, d.improvement])).toEqual([
      [false, true],
      [false, true],
    ]);
    expect(flipped.regressions).toBe(0);
  });

  it('counts neither a regression nor an improvement when the delta is NaN', () => {
    const score = scoreEvaluation({
      results: [
        r('overall', 'a', NaN),
        r('overall', 'b', 1),
        r('overall', 'c', Infinity),
      ],
      baseline: [
        r('overall', 'a', 1),
        r('overall', 'b', NaN),
        r('overall', 'c', Infinity),
      ],
      thresholds: [],
    });
    for (const d of score.deltas) {
      expect(d.delta).toBeNaN();
      expect(d.relativeDelta).toBeNaN();
      expect(d.regression).toBe(false);
      expect(d.improvement).toBe(false);
    }
    expect(score.regressions).toBe(0);
  });

  it('treats an infinite move as beyond any finite tolerance', () => {
    const score = scoreEvaluation({
      results: [
        r('overall', 'acc', -Infinity),
        r('overall', 'loss', -Infinity),
      ],
      baseline: [r('overall', 'acc', 0.5), r('overall', 'loss', 0.5)],
      thresholds: [],
      tolerance: 1e300,
    });
    expect(
      score.deltas.map(d => [d.metric, d.regression, d.improvement]),
    ).toEqual([
      ['acc', true, false],
      ['loss', false, true],
    ]);
    expect(score.deltas[0].relativeDelta).toBe(-Infinity);
  });

  it('orders deltas by slice, overall first, then by metric', () => {
    const score = scoreEvaluation({
      results: [
        r('b=1', 'z', 1),
        r('b=1', 'a', 1),
        r('overall', 'z', 1),
        r('a=1', 'm', 1),
        r('overall', 'a', 1),
      ],
      thresholds: [],
    });
    expect(score.deltas.map(d => `${d.slice}/${d.metric}`)).toEqual([
      'overall/a',
      'overall/z',
      'a=1/m',
      'b=1/a',
      'b=1/z',
    ]);
  });
});

/* The outcome the rules call for, computed the slow, obvious way. */
function naiveOutcome(
  threshold: EvaluationThreshold,
  slice: string,
  results: EvaluationResult[],
) {
  const found = results.find(
    x => x.slice === slice && x.metric === threshold.metric,
  );
  if (!found) {
    return { threshold, slice, pass: false, reason: 'missing' };
  }
  if (Number.isNaN(found.value)) {
    return { threshold, slice, value: found.value, pass: false, reason: 'nan' };
  }
  const bar = threshold.value;
  const pass = {
    '>': found.value > bar,
    '>=': found.value >= bar,
    '<': found.value < bar,
    '<=': found.value <= bar,
  }[threshold.op];
  return { threshold, slice, value: found.value, pass };
}

describe('scoreEvaluation properties', () => {
  const ops = ['>', '>=', '<', '<='] as const;
  const metrics = ['acc', 'loss', 'f1', 'latency'];
  const sliceNames = ['overall', 'country=SE', 'country=DE', 'age=18-25'];

  function randomValue(rand: () => number): number {
    const x = rand();
    if (x < 0.08) return NaN;
    if (x < 0.12) return Infinity;
    if (x < 0.16) return -Infinity;
    // a coarse grid so that equality with a bar happens often
    return Math.round(rand() * 10) / 10;
  }

  function randomInput(rand: () => number) {
    const results: EvaluationResult[] = [];
    const baseline: EvaluationResult[] = [];
    for (const slice of sliceNames) {
      for (const metric of metrics) {
        if (rand() < 0.6) results.push(r(slice, metric, randomValue(rand)));
        if (rand() < 0.5) baseline.push(r(slice, metric, randomValue(rand)));
      }
    }
    const thresholds: EvaluationThreshold[] = [];
    const count = Math.floor(rand() * 6);
    for (let i = 0; i < count; i++) {
      const metric = metrics[Math.floor(rand() * metrics.length)];
      const op = ops[Math.floor(rand() * ops.length)];
      const bar = Math.round(rand() * 10) / 10;
      const slice =
        rand() < 0.5
          ? undefined
          : sliceNames[Math.floor(rand() * sliceNames.length)];
      thresholds.push(t(metric, op, bar, slice));
    }
    // shuffle so that input order never carries meaning
    for (let i = results.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [results[i], results[j]] = [results[j], results[i]];
    }
    const tolerance = rand() < 0.5 ? 0 : Math.round(rand() * 3) / 10;
    return { results, baseline, thresholds, tolerance };
  }

  it('agrees with its own outcomes and with a direct recomputation', () => {
    const rand = prng(20240607);
    for (let run = 0; run < 500; run++) {
      const input = randomInput(rand);
      const score = scoreEvaluation(input);
      const context = JSON.stringify(input);

      // overall pass is the AND of every outcome
      expect({ context, pass: score.pass }).toEqual({
        context,
        pass: score.outcomes.every(o => o.pass),
      });

      // each slice's pass is the AND of its outcomes, failing its metrics
      for (const s of score.slices) {
        const mine = score.outcomes.filter(o => o.slice === s.slice);
        expect(s.pass).toBe(mine.every(o => o.pass));
        expect(s.failing).toEqual(
          [
            ...new Set(mine.filter(o => !o.pass).map(o => o.threshold.metric)),
          ].sort(),
        );
      }
      // and every outcome's slice is listed exactly once
      const listed = score.slices.map(s => s.slice);
      expect(new Set(listed).size).toBe(listed.length);
      for (const o of score.outcomes) expect(listed).toContain(o.slice);

      // each outcome matches the rule, recomputed naively
      for (const o of score.outcomes) {
        expect(o).toEqual(naiveOutcome(o.threshold, o.slice, input.results));
      }

      // outcome counts: one per explicit slice, else one per slice with the
      // metric, at least one
      let expectedOutcomes = 0;
      for (const th of input.thresholds) {
        if (th.slice !== undefined) {
          expectedOutcomes += 1;
        } else {
          const n = input.results.filter(x => x.metric === th.metric).length;
          expectedOutcomes += Math.max(1, n);
        }
      }
      expect(score.outcomes).toHaveLength(expectedOutcomes);

      // one delta per result, and the regression count matches
      expect(score.deltas).toHaveLength(input.results.length);
      expect(score.regressions).toBe(
        score.deltas.filter(d => d.regression).length,
      );
      for (const d of score.deltas) {
        expect(d.regression && d.improvement).toBe(false);
      }
    }
  });
});
