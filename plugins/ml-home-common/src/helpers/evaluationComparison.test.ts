import { scoreEvaluation } from './evaluation';
import { compareEvaluationResults } from './evaluationComparison';

describe('compareEvaluationResults', () => {
  const v2 = {
    results: [
      { slice: 'overall', metric: 'accuracy', value: 0.84 },
      { slice: 'overall', metric: 'log_loss', value: 0.31 },
      { slice: 'country=de', metric: 'accuracy', value: 0.78 },
    ],
  };
  const v3 = {
    results: [
      { slice: 'country=de', metric: 'accuracy', value: 0.72 },
      { slice: 'overall', metric: 'log_loss', value: 0.3 },
      { slice: 'overall', metric: 'accuracy', value: 0.85 },
      { slice: 'country=fr', metric: 'accuracy', value: NaN },
    ],
    outcomes: scoreEvaluation({
      results: [
        { slice: 'country=de', metric: 'accuracy', value: 0.72 },
        { slice: 'overall', metric: 'accuracy', value: 0.85 },
      ],
      thresholds: [
        { metric: 'accuracy', op: '>=', value: 0.8 },
        { metric: 'accuracy', op: '<', value: 0.84, slice: 'overall' },
      ],
    }).outcomes,
  };

  it('lays out slices overall first, metrics sorted, values aligned with the evaluations', () => {
    const comparison = compareEvaluationResults([v2, v3]);
    expect(comparison.slices).toEqual(['overall', 'country=de', 'country=fr']);
    expect(comparison.metrics).toEqual(['accuracy', 'log_loss']);
    expect(
      comparison.rows.map(r => [r.slice, r.metric, r.values, r.pass]),
    ).toEqual([
      ['overall', 'accuracy', [0.84, 0.85], [null, false]],
      ['overall', 'log_loss', [0.31, 0.3], [null, null]],
      ['country=de', 'accuracy', [0.78, 0.72], [null, false]],
      ['country=fr', 'accuracy', [null, NaN], [null, null]],
    ]);
  });

  it('takes deltas against the first evaluation and marks the best by direction', () => {
    const rows = compareEvaluationResults([v2, v3]).rows;
    const [accuracy, logLoss, de, fr] = rows;
    expect(accuracy.direction).toBe('higher');
    expect(accuracy.deltas[0]).toBe(0);
    expect(accuracy.deltas[1]).toBeCloseTo(0.01);
    expect(accuracy.best).toEqual([1]);
    expect(logLoss.direction).toBe('lower');
    expect(logLoss.best).toEqual([1]);
    expect(de.best).toEqual([0]);
    // One evaluation lacks the result, the other has NaN: no delta, nothing best.
    expect(fr.deltas).toEqual([null, null]);
    expect(fr.best).toEqual([]);
  });

  it('takes a direction from the first evaluation with the metric and marks ties', () => {
    const rows = compareEvaluationResults([
      { results: [{ slice: 'overall', metric: 'other', value: 1 }] },
      {
        results: [{ slice: 'overall', metric: 'score', value: 2 }],
        directions: { score: 'lower' },
      },
      {
        results: [{ slice: 'overall', metric: 'score', value: 1 }],
        directions: { score: 'higher' },
      },
      { results: [{ slice: 'overall', metric: 'score', value: 1 }] },
    ]).rows;
    expect(rows[1]).toMatchObject({
      metric: 'score',
      direction: 'lower',
      values: [null, 2, 1, 1],
      deltas: [null, null, null, null],
      best: [2, 3],
    });
  });

  it('compares nothing to nothing', () => {
    expect(compareEvaluationResults([])).toEqual({
      slices: [],
      metrics: [],
      rows: [],
    });
  });
});
