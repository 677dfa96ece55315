import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { MlHomeClient } from './MlHomeClient';

const baseUrl = 'http://backend.test/api/ml-home';
const server = setupServer();

describe('MlHomeClient', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const client = new MlHomeClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('sends list filters as repeated query parameters', async () => {
    let seen: URL | undefined;
    server.use(
      http.get(`${baseUrl}/projects`, ({ request }) => {
        seen = new URL(request.url);
        return HttpResponse.json({
          items: [],
          totalCount: 0,
          facets: { owner: [], tag: [], lifecycle: [] },
        });
      }),
    );
    const result = await client.listProjects({
      q: 'churn model',
      owner: ['group:default/a', 'group:default/b'],
      limit: 20,
    });
    expect(result.totalCount).toBe(0);
    expect(seen?.searchParams.get('q')).toBe('churn model');
    expect(seen?.searchParams.getAll('owner')).toEqual([
      'group:default/a',
      'group:default/b',
    ]);
    expect(seen?.searchParams.get('limit')).toBe('20');
  });

  it('posts JSON bodies and encodes path segments', async () => {
    let body: unknown;
    let path = '';
    server.use(
      http.post(
        `${baseUrl}/projects/:name/ingest`,
        async ({ request, params }) => {
          body = await request.json();
          path = String(params.name);
          return HttpResponse.json({
            runs: [],
            metricPoints: 1,
            params: 0,
            tags: 0,
            replayed: false,
          });
        },
      ),
    );
    const result = await client.ingest('my-project', {
      runs: [{ experiment: 'e', metrics: [{ key: 'loss', value: 'NaN' }] }],
    });
    expect(result.metricPoints).toBe(1);
    expect(path).toBe('my-project');
    expect(body).toEqual({
      runs: [{ experiment: 'e', metrics: [{ key: 'loss', value: 'NaN' }] }],
    });
  });

  it('asks for a metric history with its key and maxPoints', async () => {
    let seen: URL | undefined;
    server.use(
      http.get(`${baseUrl}/runs/:runId/metric-history`, ({ request }) => {
        seen = new URL(request.url);
        return HttpResponse.json({
          runId: 'r',
          key: 'val/loss',
          points: [],
          totalPoints: 0,
          downsampled: false,
        });
      }),
    );
    await client.getMetricHistory('abc', 'val/loss', { maxPoints: 300 });
    expect(seen?.pathname).toBe('/api/ml-home/runs/abc/metric-history');
    expect(seen?.searchParams.get('key')).toBe('val/loss');
    expect(seen?.searchParams.get('maxPoints')).toBe('300');
  });

  it('turns error answers into ResponseErrors that keep the message', async () => {
    server.use(
      http.post(`${baseUrl}/projects`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'title is 201 characters long; the limit is 200',
            },
            request: { method: 'POST', url: '/projects' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await client
      .createProject({
        name: 'x',
        owner: 'group:default/a',
        title: 'x'.repeat(201),
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(400);
    expect(error.body.error.message).toContain('title');
  });

  it('moves an alias with a PUT carrying the version', async () => {
    let body: unknown;
    server.use(
      http.put(
        `${baseUrl}/models/feed-ranker/aliases/champion`,
        async ({ request }) => {
          body = await request.json();
          return HttpResponse.json({
            alias: 'champion',
            version: 3,
            updatedAt: '2026-11-26T00:00:00Z',
            updatedBy: 'user:default/a',
          });
        },
      ),
    );
    const alias = await client.setModelAlias('feed-ranker', 'champion', 3);
    expect(body).toEqual({ version: 3 });
    expect(alias.version).toBe(3);
  });

  it('returns nothing for 204', async () => {
    server.use(
      http.delete(
        `${baseUrl}/projects/:name`,
        () => new HttpResponse(null, { status: 204 }),
      ),
    );
    await expect(client.deleteProject('gone')).resolves.toBeUndefined();
  });

  it('searches across projects with the filters as query parameters', async () => {
    const seen: URL[] = [];
    const record = ({ request }: { request: Request }) => {
      seen.push(new URL(request.url));
      return HttpResponse.json({ items: [], totalCount: 0 });
    };
    server.use(
      http.get(`${baseUrl}/models`, record),
      http.get(`${baseUrl}/datasets`, record),
      http.get(`${baseUrl}/deployments`, record),
    );
    await client.searchModels({ owner: 'group:default/a', q: 'churn' });
    await client.searchDatasets({ kind: 'feature-set', cursor: 'abc' });
    await client.listDeployments({
      status: 'active',
      service: 'component:default/feed',
    });
    expect(seen.map(u => `${u.pathname}${u.search}`)).toEqual([
      '/api/ml-home/models?owner=group%3Adefault%2Fa&q=churn',
      '/api/ml-home/datasets?kind=feature-set&cursor=abc',
      '/api/ml-home/deployments?status=active&service=component%3Adefault%2Ffeed',
    ]);
  });

  it('edits and deletes notes naming the revision they were made on', async () => {
    const seen: string[] = [];
    server.use(
      http.put(`${baseUrl}/notes/n1`, async ({ request }) => {
        seen.push(`PUT ${JSON.stringify(await request.json())}`);
        return HttpResponse.json(
          { error: { name: 'ConflictError', message: 'revision: stale' } },
          { status: 409 },
        );
      }),
      http.delete(`${baseUrl}/notes/n1`, ({ request }) => {
        seen.push(`DELETE ${new URL(request.url).search}`);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const conflict = await client
      .updateNote('n1', { body: 'new', revision: 2 })
      .catch(e => e);
    expect(conflict).toBeInstanceOf(ResponseError);
    expect(conflict.response.status).toBe(409);
    await client.deleteNote('n1', 3);
    expect(seen).toEqual([
      'PUT {"body":"new","revision":2}',
      'DELETE ?revision=3',
    ]);
  });

  it('records an evaluation of a model version', async () => {
    let path = '';
    server.use(
      http.post(
        `${baseUrl}/models/:model/versions/:version/evaluations`,
        ({ request }) => {
          path = new URL(request.url).pathname;
          return HttpResponse.json({ id: 'e1' }, { status: 201 });
        },
      ),
    );
    await client.createEvaluation('churn-model', 4, {
      name: 'holdout',
      dataset: 'holdout',
      results: [{ slice: 'overall', metric: 'auc', value: 0.9 }],
    });
    expect(path).toBe('/api/ml-home/models/churn-model/versions/4/evaluations');
  });
  it('reads scorecards and the overview, attests and reviews through the certification routes', async () => {
    const seen: string[] = [];
    let attestBody: unknown;
    let reviewBody: unknown;
    server.use(
      http.get(`${baseUrl}/models/:model/scorecard`, ({ params }) => {
        seen.push(`scorecard ${params.model}`);
        return HttpResponse.json({ model: params.model, score: 1.5 });
      }),
      http.post(
        `${baseUrl}/models/:model/scorecard/attestations`,
        async ({ request, params }) => {
          attestBody = await request.json();
          seen.push(`attest ${params.model}`);
          return HttpResponse.json({ id: 'a1' }, { status: 201 });
        },
      ),
      http.post(
        `${baseUrl}/models/:model/scorecard/attestations/:id/review`,
        async ({ request, params }) => {
          reviewBody = await request.json();
          seen.push(`review ${params.model} ${params.id}`);
          return HttpResponse.json({ id: params.id, state: 'rejected' });
        },
      ),
      http.get(`${baseUrl}/models/:model/scorecard/history`, ({ request }) => {
        seen.push(`history ${new URL(request.url).search}`);
        return HttpResponse.json({ items: [] });
      }),
      http.get(`${baseUrl}/certification`, ({ request }) => {
        const url = new URL(request.url);
        seen.push(
          `overview ${url.searchParams.getAll('level').join(',')} ${url.searchParams.get('owner')}`,
        );
        return HttpResponse.json({ items: [], totalCount: 0 });
      }),
    );
    expect((await client.getModelScorecard('churn model')).score).toBe(1.5);
    expect(
      (
        await client.createCertificationAttestation('churn', {
          checkId: 'data.schema',
          evidenceUrl: 'https://wiki/x',
          note: 'checked',
        })
      ).id,
    ).toBe('a1');
    expect(
      (
        await client.reviewCertificationAttestation('churn', 'a1', {
          decision: 'reject',
          reason: 'link is dead',
        })
      ).state,
    ).toBe('rejected');
    await client.getModelScorecardHistory('churn', { limit: 10, cursor: 'c' });
    await client.getCertificationOverview({
      level: ['gold', 'silver'],
      owner: ['group:default/a'],
    });
    expect(seen).toEqual([
      'scorecard churn model',
      'attest churn',
      'review churn a1',
      'history ?limit=10&cursor=c',
      'overview gold,silver group:default/a',
    ]);
    expect(attestBody).toEqual({
      checkId: 'data.schema',
      evidenceUrl: 'https://wiki/x',
      note: 'checked',
    });
    expect(reviewBody).toEqual({ decision: 'reject', reason: 'link is dead' });
  });
});
