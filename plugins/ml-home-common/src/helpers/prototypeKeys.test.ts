/*
 * Metric, param and slice names are user input. Names that Object.prototype also has must behave
 * like any other name in every helper that keys something by them.
 */
import { compareItems } from './comparison';
import {
  MetricDirection,
  metricDirection,
  scoreEvaluation,
} from './evaluation';
import { compareEvaluationResults } from './evaluationComparison';
import {
  guessMetricDirection,
  resolveMetricDirection,
} from './metricDirections';

const KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

/* Declared directions as they come off the wire: parsed JSON, own properties only. */
function declared(
  key: string,
  direction: MetricDirection,
): Record<string, MetricDirection> {
  return JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(direction)}}`);
}

describe.each(KEYS)('a metric, param or slice named %s', key => {
  const slice = `${key}=a`;

  it('has its declared direction, else the one its name implies', () => {
    expect(metricDirection(key, declared(key, 'lower'))).toBe('lower');
    expect(metricDirection(key, declared(key, 'higher'))).toBe('higher');
    expect(metricDirection(key, {})).toBe('higher');
    expect(metricDirection(key, declared('other', 'lower'))).toBe('higher');
  });

  it('resolves as declared at each level, else as unknown', () => {
    expect(
      resolveMetricDirection(key, { model: declared(key, 'lower') }),
    ).toEqual({ direction: 'lower', source: 'model' });
    expect(
      resolveMetricDirection(key, { project: declared(key, 'higher') }),
    ).toEqual({ direction: 'higher', source: 'project' });
    expect(resolveMetricDirection(key, { project: {} })).toBeUndefined();
    expect(
      resolveMetricDirection(key, { project: declared('other', 'lower') }),
    ).toBeUndefined();
    expect(guessMetricDirection(key)).toBeUndefined();
  });

  describe('in an evaluation comparison', () => {
    const results = (value: number) => [
      { slice: 'overall', metric: key, value },
      { slice, metric: 'auc', value },
      { slice, metric: key, value },
    ];

    it.each<
      [
        string,
        Record<string, MetricDirection> | undefined,
        string | undefined,
        number[],
      ]
    >([
      ['declared lower', declared(key, 'lower'), 'lower', [1]],
      ['declared higher', declared(key, 'higher'), 'higher', [0]],
      ['undeclared', undefined, undefined, []],
      ['undeclared among others', declared('auc', 'lower'), undefined, []],
    ])(
      '%s: direction, deltas and best',
      (_case, directions, direction, best) => {
        const comparison = compareEvaluationResults([
          { results: results(0.9), directions },
          { results: results(0.7) },
        ]);
        expect(comparison.slices).toEqual(['overall', slice]);
        expect(comparison.metrics).toEqual(
          [key, 'auc'].sort((a, b) => (a < b ? -1 : 1)),
        );
        const rows = comparison.rows.filter(r => r.metric === key);
        expect(rows.map(r => r.slice)).toEqual(['overall', slice]);
        for (const row of rows) {
          expect(row.direction).toBe(direction);
          expect(row.values).toEqual([0.9, 0.7]);
          expect(row.deltas[0]).toBe(0);
          expect(row.deltas[1]).toBeCloseTo(-0.2);
          expect(row.best).toEqual(best);
        }
      },
    );

    it('combines the threshold verdicts of that metric and slice', () => {
      const score = scoreEvaluation({
        results: results(0.7),
        thresholds: [
          { metric: key, op: '>=', value: 0.5 },
          { metric: key, op: '>=', value: 0.8, slice },
        ],
      });
      const comparison = compareEvaluationResults([
        { results: results(0.9) },
        { results: results(0.7), outcomes: score.outcomes },
      ]);
      expect(
        comparison.rows.map(r => [r.slice, r.metric, r.pass]),
      ).toContainEqual(['overall', key, [null, true]]);
      expect(
        comparison.rows.map(r => [r.slice, r.metric, r.pass]),
      ).toContainEqual([slice, key, [null, false]]);
      expect(
        comparison.rows.map(r => [r.slice, r.metric, r.pass]),
      ).toContainEqual([slice, 'auc', [null, null]]);
    });
  });

  describe('in a run comparison', () => {
    const items = [
      {
        id: 'r1',
        params: [{ key, value: '1' }],
        metrics: [{ key, value: 0.9, min: 0.1, max: 0.9 }],
      },
      { id: 'r2', params: [], metrics: [{ key, value: 0.7 }] },
    ];

    it.each<
      [
        string,
        Record<string, MetricDirection> | undefined,
        string | undefined,
        number[],
      ]
    >([
      ['declared lower', declared(key, 'lower'), 'lower', [1]],
      ['declared higher', declared(key, 'higher'), 'higher', [0]],
      ['undeclared', undefined, undefined, []],
    ])('%s: params, metrics and best', (_case, directions, direction, best) => {
      const comparison = compareItems(items, {
        directions: { project: directions },
      });
      expect(comparison.params).toEqual([
        { key, values: ['1', null], differs: true },
      ]);
      expect(comparison.metrics).toEqual([
        {
          key,
          ...(direction && { direction, directionSource: 'project' }),
          last: [0.9, 0.7],
          min: [0.1, null],
          max: [0.9, null],
          best,
        },
      ]);
    });

    it('still refuses a repeated key', () => {
      expect(() =>
        compareItems([
          {
            id: 'r1',
            params: [
              { key, value: '1' },
              { key, value: '2' },
            ],
            metrics: [],
          },
        ]),
      ).toThrow(`has param ${JSON.stringify(key)} more than once`);
    });
  });

  describe('in the scoring of an evaluation', () => {
    const results = [
      { slice: 'overall', metric: key, value: 0.7 },
      { slice, metric: key, value: 0.4 },
    ];
    const baseline = [
      { slice: 'overall', metric: key, value: 0.8 },
      { slice, metric: key, value: 0.3 },
    ];

    it('checks thresholds on it, on every slice and on its own slice', () => {
      const score = scoreEvaluation({
        results,
        thresholds: [
          { metric: key, op: '>=', value: 0.5 },
          { metric: 'auc', op: '>=', value: 0.5, slice },
        ],
      });
      expect(
        score.outcomes.map(o => [o.slice, o.threshold.metric, o.value, o.pass]),
      ).toEqual([
        ['overall', key, 0.7, true],
        [slice, key, 0.4, false],
        [slice, 'auc', undefined, false],
      ]);
      expect(score.slices).toEqual([
        { slice: 'overall', pass: true, failing: [] },
        { slice, pass: false, failing: ['auc', key].sort() },
      ]);
    });

    it.each<[string, Record<string, MetricDirection>, boolean]>([
      ['declared lower', declared(key, 'lower'), true],
      ['declared higher', declared(key, 'higher'), false],
    ])('%s: the deltas go its way', (_case, directions, lowerIsBetter) => {
      const score = scoreEvaluation({
        results,
        thresholds: [],
        baseline,
        directions,
      });
      expect(
        score.deltas.map(d => [d.slice, d.improvement, d.regression]),
      ).toEqual([
        ['overall', lowerIsBetter, !lowerIsBetter],
        [slice, !lowerIsBetter, lowerIsBetter],
      ]);
      expect(score.regressions).toBe(1);
    });

    it('undeclared: no delta is better or worse', () => {
      const score = scoreEvaluation({ results, thresholds: [], baseline });
      expect(
        score.deltas.map(d => [d.slice, d.improvement, d.regression]),
      ).toEqual([
        ['overall', false, false],
        [slice, false, false],
      ]);
      expect(score.regressions).toBe(0);
    });
  });
});
