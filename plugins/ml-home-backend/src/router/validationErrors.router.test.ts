import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { mlHomePlugin } from '../plugin';
import { spec } from '../schema/openapi.generated';

jest.setTimeout(120_000);

type Node = { [key: string]: any };

const doc = spec as unknown as Node;

function resolve(node: Node): Node {
  let current = node;
  while (current?.$ref) {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((target: Node, segment: string) => target[segment], doc);
  }
  return current;
}

const STRING_CANDIDATES = [
  'a',
  'group:default/team-a',
  '0123456789abcdef0123456789abcdef',
  'https://example.com/x',
  '2026-01-01T00:00:00Z',
];

/** The smallest value the spec accepts for a schema: required properties only, minimal arrays. */
function minimal(node: Node): unknown {
  const schema = resolve(node);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.allOf) {
    return Object.assign({}, ...schema.allOf.map((s: Node) => minimal(s)));
  }
  if (schema.oneOf ?? schema.anyOf)
    return minimal((schema.oneOf ?? schema.anyOf)[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((key: string) => [
          key,
          minimal(schema.properties[key]),
        ]),
      );
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () =>
        minimal(schema.items),
      );
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default: {
      const pattern = schema.pattern ? new RegExp(schema.pattern, 'u') : /.*/;
      const fits = STRING_CANDIDATES.find(
        s =>
          pattern.test(s) &&
          s.length >= (schema.minLength ?? 0) &&
          s.length <= (schema.maxLength ?? Infinity),
      );
      if (!fits)
        throw new Error(`no sample string for ${JSON.stringify(schema)}`);
      return fits;
    }
  }
}

/** Every operation with a JSON object body that refuses unknown properties, with a valid call. */
function closedBodyOperations() {
  const operations: {
    method: 'post' | 'put' | 'patch';
    path: string;
    url: string;
    body: Node;
  }[] = [];
  for (const [path, item] of Object.entries(doc.paths as Node)) {
    for (const method of ['post', 'put', 'patch'] as const) {
      const operation = item[method];
      const schema = operation?.requestBody
        ? resolve(
            resolve(operation.requestBody).content['application/json'].schema,
          )
        : undefined;
      if (schema?.additionalProperties !== false) continue;
      const parameters = [
        ...(item.parameters ?? []),
        ...(operation.parameters ?? []),
      ].map(resolve);
      const url = path.replace(/\{(\w+)\}/g, (_, name) => {
        const parameter = parameters.find(
          p => p.in === 'path' && p.name === name,
        );
        return encodeURIComponent(String(minimal(parameter!.schema)));
      });
      operations.push({ method, path, url, body: minimal(schema) as Node });
    }
  }
  return operations;
}

describe('validation errors name the offending property', () => {
  let server: any;

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        mlHomePlugin,
        mockServices.permissions.factory(),
        catalogServiceMock.factory({ entities: [] }),
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () => ({
            publish: async () => {},
            subscribe: async () => {},
          }),
        }),
        mockServices.rootConfig.factory({ data: {} }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    }));
  });

  const send = (method: 'post' | 'put' | 'patch', url: string, body: unknown) =>
    request(server)
      [method](`/api/ml-home${url}`)
      .set('Authorization', mockCredentials.user.header('user:default/alice'))
      .send(body as object);

  const run = { experiment: 'baseline' };
  const metric = { key: 'auc', value: 0.9 };
  const result = { slice: 'all', metric: 'auc', value: 0.9 };

  it.each([
    [
      'ingest batch',
      'post',
      '/projects/feed/ingest',
      { metricz: [] },
      "request/body: unknown property 'metricz' (allowed: requestId, runs, modelVersions, evaluations, deployments",
    ],
    [
      'ingest run',
      'post',
      '/projects/feed/ingest',
      { runs: [run, { ...run, nmae: 'x' }] },
      "request/body/runs/1: unknown property 'nmae' (allowed: runId, experiment, name,",
    ],
    [
      'ingest metric',
      'post',
      '/projects/feed/ingest',
      { runs: [{ ...run, metrics: [metric, { ...metric, stepp: 1 }] }] },
      "request/body/runs/0/metrics/1: unknown property 'stepp' (allowed: key, value, step, timestamp)",
    ],
    [
      'ingest param',
      'post',
      '/projects/feed/ingest',
      { runs: [{ ...run, params: [{ key: 'lr', value: '1', typ: 'x' }] }] },
      "request/body/runs/0/params/0: unknown property 'typ' (allowed: key, value)",
    ],
    [
      'project create',
      'post',
      '/projects',
      { name: 'feed', owner: 'group:default/team-a', titel: 'Feed' },
      "request/body: unknown property 'titel' (allowed: name, title,",
    ],
    [
      'project create link',
      'post',
      '/projects',
      {
        name: 'feed',
        owner: 'group:default/team-a',
        links: [{ url: 'https://example.com', titel: 'x' }],
      },
      "request/body/links/0: unknown property 'titel' (allowed: title, url)",
    ],
    [
      'project update',
      'patch',
      '/projects/feed',
      { titel: 'Feed', ownr: 'x' },
      "request/body: unknown properties 'titel', 'ownr' (allowed: title,",
    ],
    [
      'model',
      'post',
      '/projects/feed/models',
      { name: 'ranker', ownr: 'group:default/team-a' },
      "request/body: unknown property 'ownr' (allowed: name, description, owner",
    ],
    [
      'model version card',
      'post',
      '/models/ranker/versions',
      { modelCard: { intendedUses: 'x' } },
      "request/body/modelCard: unknown property 'intendedUses' (allowed: modelDetails, intendedUse,",
    ],
    [
      'dataset feature',
      'post',
      '/projects/feed/datasets',
      {
        name: 'clicks',
        kind: 'training-set',
        features: [{ name: 'age', type: 'int', dtype: 'int' }],
      },
      "request/body/features/0: unknown property 'dtype' (allowed: name, type, description)",
    ],
    [
      'evaluation result',
      'post',
      '/models/ranker/versions/1/evaluations',
      {
        name: 'holdout',
        dataset: 'clicks',
        results: [result, { ...result, slise: 'x' }],
      },
      "request/body/results/1: unknown property 'slise' (allowed: slice, metric, value)",
    ],
    [
      'evaluation threshold',
      'put',
      '/evaluations/e1/thresholds',
      { thresholds: [{ metric: 'auc', op: '>=', value: 0.8, severity: 1 }] },
      "request/body/thresholds/0: unknown property 'severity' (allowed: metric, slice, op, value)",
    ],
    [
      'note',
      'post',
      '/notes',
      { entityType: 'project', entityId: 'feed', body: 'x', bdy: 'x' },
      "request/body: unknown property 'bdy' (allowed: entityType, entityId, body)",
    ],
    [
      'deployment',
      'post',
      '/models/ranker/deployments',
      {
        version: 1,
        environment: 'production',
        service: 'component:default/feed',
        env: 'x',
      },
      "request/body: unknown property 'env' (allowed: version, environment, service,",
    ],
    [
      'monitoring point',
      'post',
      '/deployments/d1/monitoring',
      { points: [{ metric: 'latency', value: 1, timestamp: 1, ts: 1 }] },
      "request/body/points/0: unknown property 'ts' (allowed: metric, value, timestamp)",
    ],
  ] as const)('%s', async (_family, method, url, body, expected) => {
    const res = await send(method, url, body);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(expected);
  });

  it('names the field of a malformed metric value once, with both accepted forms', async () => {
    const res = await send('post', '/projects/feed/ingest', {
      runs: [{ ...run, metrics: [{ key: 'auc', value: 'high' }] }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'request/body/runs/0/metrics/0/value must be number or be equal to one of the allowed values: NaN, Infinity, -Infinity, +Infinity',
    );
  });

  it('says which Content-Type a body needs', async () => {
    const res = await request(server)
      .post('/api/ml-home/projects')
      .set('Authorization', mockCredentials.user.header('user:default/alice'))
      .set('Content-Type', 'text/plain')
      .send('name=feed');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      "request body: Content-Type must be application/json (got 'text/plain')",
    );
  });

  it.each([
    [
      'a required property',
      'post',
      '/projects',
      { owner: 'group:a' },
      "request/body must have required property 'name'",
    ],
    [
      'an enum',
      'post',
      '/projects',
      { name: 'feed', owner: 'group:a', lifecycle: 'beta' },
      'request/body/lifecycle must be equal to one of the allowed values: experimental, production, deprecated',
    ],
    [
      'a type',
      'post',
      '/projects',
      { name: 'feed', owner: 'group:a', tags: [1] },
      'request/body/tags/0 must be string',
    ],
    [
      'a pattern',
      'post',
      '/projects',
      { name: 'Feed Ranking', owner: 'group:a' },
      'request/body/name must match pattern',
    ],
    [
      'a maxLength',
      'post',
      '/compare/evaluations',
      { evaluations: ['x'.repeat(37)] },
      'request/body/evaluations/0 must NOT have more than 36 characters',
    ],
    [
      'a maxItems',
      'post',
      '/projects',
      { name: 'feed', owner: 'group:a', tags: Array(51).fill('x') },
      'request/body/tags must NOT have more than 50 items',
    ],
    [
      'a path parameter',
      'post',
      '/projects/Feed%20Ranking/ingest',
      { runs: [run] },
      'request/params/projectName must match pattern',
    ],
  ] as const)(
    'keeps naming the field for %s',
    async (_what, method, url, body, expected) => {
      const res = await send(method, url, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(expected);
    },
  );

  it.each([
    ['/projects?limit=many', 'request/query/limit must be integer'],
    [
      '/projects?orderBy=size',
      'request/query/orderBy must be equal to one of the allowed values',
    ],
    ['/projects?limitt=1', "Unknown query parameter 'limitt'"],
    [
      '/runs/r1/metric-history',
      "request/query must have required property 'key'",
    ],
  ])('keeps naming the query parameter of %s', async (url, expected) => {
    const res = await request(server)
      .get(`/api/ml-home${url}`)
      .set('Authorization', mockCredentials.user.header('user:default/alice'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(expected);
  });

  const operations = closedBodyOperations();

  it('finds the operations with closed bodies', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
  });

  it.each(operations.map(o => [`${o.method.toUpperCase()} ${o.path}`, o]))(
    '%s names an unknown property',
    async (_name, { method, url, body }) => {
      // The minimal body passes the spec; what the handler then says (404, 201, a rule of the
      // service) does not matter here.
      const valid = await send(method, url, body);
      expect(valid.body.error?.message ?? '').not.toMatch(/^request[/ ]/);

      const res = await send(method, url, { ...body, zzUnknown: 1 });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /^request\/body: unknown property 'zzUnknown' \(allowed: [^)]+\)$/,
      );
    },
  );
});
