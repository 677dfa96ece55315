import type { IngestBatch } from '@ml-home/plugin-ml-home-common';
import { checkParamsAndTagsCount, hashIngestRequest } from './ingestRequest';

describe('hashIngestRequest', () => {
  const request = {
    requestId: 'r',
    runs: [
      {
        experiment: 'e',
        params: [{ key: 'lr', value: '0.1' }],
        metrics: [{ key: 'm', value: 'NaN', step: 1 }],
      },
    ],
    deployments: [
      { model: 'm', version: 1, environment: 'prod', service: 'component:s' },
    ],
  } satisfies IngestBatch;

  it('is the same for the same request written in another member order', () => {
    expect(
      hashIngestRequest({
        deployments: [
          {
            service: 'component:s',
            environment: 'prod',
            version: 1,
            model: 'm',
          },
        ],
        runs: [
          {
            metrics: [{ step: 1, value: 'NaN', key: 'm' }],
            params: [{ value: '0.1', key: 'lr' }],
            experiment: 'e',
            name: undefined,
          },
        ],
        requestId: 'r',
      }),
    ).toBe(hashIngestRequest(request));
    expect(hashIngestRequest(request)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when anything of the batch differs, its attachments included', () => {
    const hash = hashIngestRequest(request);
    for (const other of [
      { ...request, deployments: [] },
      { ...request, modelVersions: [{ model: 'm', runId: 'a'.repeat(32) }] },
      { ...request, runs: [{ ...request.runs[0], experiment: 'f' }] },
      { ...request, runs: [...request.runs, ...request.runs] },
      {
        ...request,
        runs: [{ ...request.runs[0], metrics: [{ key: 'm', value: 1 }] }],
      },
    ]) {
      expect(hashIngestRequest(other)).not.toBe(hash);
    }
  });
});

describe('checkParamsAndTagsCount', () => {
  const run = (params: number, tags: number) => ({
    experiment: 'e',
    params: Array.from({ length: params }, (_, i) => ({
      key: `p${i}`,
      value: '',
    })),
    tags: Array.from({ length: tags }, (_, i) => ({ key: `t${i}`, value: '' })),
  });

  it('counts params and tags of every run together', () => {
    expect(() =>
      checkParamsAndTagsCount({ runs: [run(1000, 1000), run(4000, 4000)] }),
    ).not.toThrow();
    expect(() =>
      checkParamsAndTagsCount({ runs: [run(1000, 1000), run(4000, 4001)] }),
    ).toThrow(
      'runs[].params, runs[].tags: the call carries 5000 params and 5001 tags; the limit is 10000 per call',
    );
    expect(() => checkParamsAndTagsCount({})).not.toThrow();
  });
});
