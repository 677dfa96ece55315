import {
  guessMetricDirection,
  MAX_DECLARED_METRIC_DIRECTIONS,
  metricDirectionsProblems,
  resolveMetricDirection,
  resolveMetricDirections,
} from './metricDirections';

describe('guessMetricDirection', () => {
  it.each([
    ['loss', 'lower'],
    ['val_loss', 'lower'],
    ['valLoss', 'lower'],
    ['eval/log-loss', 'lower'],
    ['logloss', 'lower'],
    ['mean_absolute_error', 'lower'],
    ['rmse', 'lower'],
    ['MAE', 'lower'],
    ['p95_latency_ms', 'lower'],
    ['p99.Latency', 'lower'],
    ['wer', 'lower'],
    ['perplexity', 'lower'],
    ['brier_score', 'lower'],
    ['neg_log_loss', 'higher'],
    ['neg_mean_squared_error', 'higher'],
    ['accuracy', 'higher'],
    ['val_acc', 'higher'],
    ['top5_accuracy', 'higher'],
    ['auc', 'higher'],
    ['roc_auc', 'higher'],
    ['f1', 'higher'],
    ['macro_f1', 'higher'],
    ['precision', 'higher'],
    ['recall@10', 'higher'],
    ['ndcg@10', 'higher'],
    ['map', 'higher'],
    ['r2', 'higher'],
  ])('%s is %s-is-better', (metric, direction) => {
    expect(guessMetricDirection(metric)).toBe(direction);
  });

  it.each([
    'grad_norm',
    'learning_rate',
    'lr',
    'epoch',
    'throughput',
    'power',
    'cancer_recall_weight',
    'loss_scale',
    'error_count',
    'precision_error',
    'neg_accuracy',
    'score',
    'm',
    '',
    'constructor',
    '__proto__',
  ])('%s is unknown', metric => {
    expect(guessMetricDirection(metric)).toBeUndefined();
  });
});

describe('resolveMetricDirection', () => {
  const declared = {
    evaluation: { a: 'lower' as const, d: 'lower' as const },
    model: { a: 'higher' as const, b: 'lower' as const },
    project: {
      a: 'lower' as const,
      b: 'higher' as const,
      c: 'lower' as const,
    },
  };

  it.each([
    ['a', { direction: 'higher', source: 'model' }],
    ['b', { direction: 'lower', source: 'model' }],
    ['c', { direction: 'lower', source: 'project' }],
    ['d', { direction: 'lower', source: 'evaluation' }],
    ['val_loss', { direction: 'lower', source: 'heuristic' }],
    ['accuracy', { direction: 'higher', source: 'heuristic' }],
    ['grad_norm', undefined],
    ['learning_rate', undefined],
  ])('%s resolves to %j', (metric, expected) => {
    expect(resolveMetricDirection(metric, declared)).toEqual(expected);
  });

  it('lets a declaration overrule the name', () => {
    expect(
      resolveMetricDirection('loss', { project: { loss: 'higher' } }),
    ).toEqual({ direction: 'higher', source: 'project' });
    expect(
      resolveMetricDirection('accuracy', { model: { accuracy: 'lower' } }),
    ).toEqual({ direction: 'lower', source: 'model' });
  });

  it('ignores inherited properties and values that are not directions', () => {
    expect(resolveMetricDirection('toString', { project: {} })).toBeUndefined();
    expect(
      resolveMetricDirection('x', { project: { x: 'sideways' as any } }),
    ).toBeUndefined();
  });

  it('resolves a list, leaving unknown metrics out', () => {
    const resolved = resolveMetricDirections(
      ['loss', 'grad_norm', 'loss', 'c'],
      { project: { c: 'higher' } },
    );
    expect([...resolved]).toEqual([
      ['loss', { direction: 'lower', source: 'heuristic' }],
      ['c', { direction: 'higher', source: 'project' }],
    ]);
  });
});

describe('metricDirectionsProblems', () => {
  it('accepts higher and lower', () => {
    expect(
      metricDirectionsProblems('directions', { loss: 'lower', auc: 'higher' }),
    ).toEqual([]);
  });

  it('names the field of every problem', () => {
    expect(
      metricDirectionsProblems('directions', {
        loss: 'down',
        '': 'higher',
        ['x'.repeat(251)]: 'lower',
      }),
    ).toEqual([
      "directions.loss: must be 'higher' or 'lower', not 'down'",
      "directions: a metric key must be 1 to 250 characters, got ''",
      `directions: a metric key must be 1 to 250 characters, got '${'x'.repeat(40)}'`,
    ]);
  });

  it('bounds the count', () => {
    const many = Object.fromEntries(
      Array.from({ length: MAX_DECLARED_METRIC_DIRECTIONS + 1 }, (_, i) => [
        `m${i}`,
        'higher',
      ]),
    );
    expect(metricDirectionsProblems('directions', many)).toEqual([
      `directions: at most ${MAX_DECLARED_METRIC_DIRECTIONS} metrics may be declared, got ${MAX_DECLARED_METRIC_DIRECTIONS + 1}`,
    ]);
  });
});
