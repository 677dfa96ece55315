import type { EvaluationSummary } from '@ml-home/plugin-ml-home-common';
import { pickComparableEvaluations } from './VersionEvaluationsSection';

const evaluation = (id: string, dataset: string): EvaluationSummary => ({
  id,
  project: 'p',
  model: 'm',
  version: 1,
  name: id,
  dataset: { project: 'p', name: dataset },
  description: '',
  pass: true,
  regressions: 0,
  sliceCount: 1,
  failingSlices: [],
  resultCount: 1,
  createdAt: '2026-11-01T00:00:00Z',
  createdBy: 'user:default/a',
  updatedAt: '2026-11-01T00:00:00Z',
});

describe('pickComparableEvaluations', () => {
  it('compares every version on the dataset most of them share, newest evaluation first', () => {
    const picked = pickComparableEvaluations([
      {
        label: 'm v1',
        evaluations: [evaluation('a1', 'holdout'), evaluation('a0', 'holdout')],
      },
      {
        label: 'm v2',
        evaluations: [evaluation('b1', 'fresh'), evaluation('b0', 'holdout')],
      },
      { label: 'm v3', evaluations: [evaluation('c1', 'fresh')] },
      { label: 'm v4', evaluations: [evaluation('d1', 'holdout')] },
    ]);
    expect(picked).toEqual({
      ids: ['a1', 'b0', 'd1'],
      dataset: 'p/holdout',
      missing: ['m v3'],
    });
  });

  it('finds nothing to compare without evaluations', () => {
    expect(
      pickComparableEvaluations([
        { label: 'm v1', evaluations: [] },
        { label: 'm v2', evaluations: [] },
      ]),
    ).toEqual({ ids: [], dataset: undefined, missing: ['m v1', 'm v2'] });
  });
});
