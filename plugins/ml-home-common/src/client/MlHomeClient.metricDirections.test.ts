import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { MlHomeClient } from './MlHomeClient';

const baseUrl = 'http://backend.test/api/ml-home';
const server = setupServer();

describe('MlHomeClient metric directions', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const client = new MlHomeClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('reads and replaces a project’s directions, its name escaped in the path', async () => {
    const seen: { method: string; path: string; body?: unknown }[] = [];
    server.use(
      http.get(`${baseUrl}/projects/:name/metric-directions`, ({ request }) => {
        seen.push({ method: 'GET', path: new URL(request.url).pathname });
        return HttpResponse.json({ directions: { loss: 'lower' } });
      }),
      http.put(
        `${baseUrl}/projects/:name/metric-directions`,
        async ({ request }) => {
          const body = await request.json();
          seen.push({
            method: 'PUT',
            path: new URL(request.url).pathname,
            body,
          });
          return HttpResponse.json(body);
        },
      ),
    );
    expect(await client.getProjectMetricDirections('churn')).toEqual({
      directions: { loss: 'lower' },
    });
    expect(
      await client.setProjectMetricDirections('churn', {
        directions: { auc: 'higher' },
      }),
    ).toEqual({ directions: { auc: 'higher' } });
    expect(seen).toEqual([
      { method: 'GET', path: '/api/ml-home/projects/churn/metric-directions' },
      {
        method: 'PUT',
        path: '/api/ml-home/projects/churn/metric-directions',
        body: { directions: { auc: 'higher' } },
      },
    ]);
  });

  it('reads and replaces a model’s directions, and throws ResponseError when refused', async () => {
    server.use(
      http.get(`${baseUrl}/models/churn-model/metric-directions`, () =>
        HttpResponse.json({ directions: {} }),
      ),
      http.put(`${baseUrl}/models/churn-model/metric-directions`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'not an owner' },
            request: { method: 'PUT', url: '/' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    expect(await client.getModelMetricDirections('churn-model')).toEqual({
      directions: {},
    });
    const error = await client
      .setModelMetricDirections('churn-model', { directions: {} })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(403);
  });
});
