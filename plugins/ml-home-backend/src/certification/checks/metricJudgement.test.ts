import {
  describeDirections,
  judgeDirections,
  matchesMetricPattern,
  MetricDirectionsResolver,
} from './metricJudgement';

describe('matchesMetricPattern', () => {
  it.each([
    ['latency_p99_ms', ['*latency*'], true],
    ['P95_Latency', ['*latency*'], true],
    ['error_rate', ['*latency*'], false],
    ['error_rate', ['*latency*', 'error_*'], true],
    ['auc', ['auc'], true],
    ['val_auc', ['auc'], false],
    ['a.b', ['a.b'], true],
    ['axb', ['a.b'], false],
  ])('%s against %j: %s', (metric, patterns, expected) => {
    expect(matchesMetricPattern(metric, patterns)).toBe(expected);
  });
});

describe('judgeDirections', () => {
  const target = { projectName: 'p', modelName: 'm' };

  it('guesses every metric from its name without a resolver, and says so', async () => {
    const judged = await judgeDirections(
      ['auc', 'log_loss'],
      target,
      undefined,
    );
    expect(judged.directions).toEqual({ auc: 'higher', log_loss: 'lower' });
    expect(describeDirections(judged)).toBe(
      'Metric directions: guessed from the name for auc, log_loss (declare them to be sure).',
    );
  });

  it('prefers declarations of the model or project, then of the evaluation, then the name', async () => {
    const resolver: MetricDirectionsResolver = async () =>
      new Map([
        ['drift', { direction: 'lower', source: 'project' }],
        ['latency', { direction: 'lower', source: 'heuristic' }],
      ]);
    const judged = await judgeDirections(
      ['drift', 'latency', 'custom', 'mystery'],
      target,
      resolver,
      { custom: 'lower', drift: 'higher' },
    );
    expect({ ...judged.directions }).toEqual({
      drift: 'lower',
      latency: 'lower',
      custom: 'lower',
    });
    expect(judged.unknown).toEqual(['mystery']);
    expect(describeDirections(judged)).toBe(
      'Metric directions: declared for drift, custom; guessed from the name for latency (declare them to be sure); unknown for mystery (not judged; declare them).',
    );
  });

  it('keeps a metric called __proto__ a metric', async () => {
    const judged = await judgeDirections(['__proto__'], target, undefined, {});
    const key = '__proto__';
    expect(judged.directions[key]).toBe('higher');
  });
});
