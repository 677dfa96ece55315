import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { MlHomeClient } from './MlHomeClient';

const baseUrl = 'http://backend.test/api/ml-home';
const server = setupServer();

describe('MlHomeClient MLflow imports', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const client = new MlHomeClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('lists the imports and starts one by its encoded server id', async () => {
    let posted = '';
    server.use(
      http.get(`${baseUrl}/admin/imports`, () =>
        HttpResponse.json({ items: [{ serverId: 'prod' }] }),
      ),
      http.post(`${baseUrl}/admin/imports/:serverId/run`, ({ params }) => {
        posted = String(params.serverId);
        return HttpResponse.json({ serverId: posted }, { status: 202 });
      }),
    );
    const list = await client.listMlflowImports();
    expect(list.items.map(i => i.serverId)).toEqual(['prod']);
    const started = await client.runMlflowImport('prod-2');
    expect(posted).toBe('prod-2');
    expect(started.serverId).toBe('prod-2');
  });

  it('throws a ResponseError when the caller is no admin', async () => {
    server.use(
      http.get(`${baseUrl}/admin/imports`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'no' },
            request: { method: 'GET', url: '/admin/imports' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await expect(client.listMlflowImports()).rejects.toBeInstanceOf(
      ResponseError,
    );
  });
});
