/*
 * Attack: bodies built to hurt — over the size limit (declared, chunked, or gzip-inflated), nested
 * a hundred thousand deep, arrays of a hundred thousand items, a megabyte in every kind of string
 * field, numbers JSON cannot hold, duplicate keys and malformed JSON. Each is answered — a 4xx
 * that names the limit or the field, or a correct write — within a bounded time, while
 * `/health` keeps answering: one caller must not freeze the backend for the others.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import http from 'http';
import { Knex } from 'knex';
import zlib from 'zlib';
import {
  ALICE,
  BASE,
  TEAM_A,
  asUser,
  startAttackBackend,
} from './__testUtils__/attackBackend';
import { Fixtures, seedFixtures } from './__testUtils__/fixtures';
import {
  HEALTH_BOUND_MS,
  REQUEST_BOUND_MS,
  whileHealthAnswers,
} from './__testUtils__/health';
import { leaksIn } from './__testUtils__/leaks';

jest.setTimeout(240_000);

const LIMIT = 5 * 1024 * 1024;
const MiB = 1024 * 1024;

interface Answer {
  status: number;
  body: any;
}

interface Case {
  name: string;
  send: () => Promise<Answer>;
  /** A message when the answer is wrong. */
  check: (res: Answer) => Promise<string | undefined> | string | undefined;
}

const message = (res: Answer): string => res.body?.error?.message ?? '';

/** A 400 whose message names the field. */
const namesField =
  (...fields: string[]) =>
  (res: Answer) =>
    res.status === 400 && fields.some(f => message(res).includes(f))
      ? undefined
      : `${res.status} '${message(res).slice(0, 200)}' (expected a 400 naming ${fields.join(' or ')})`;

/** A 413 whose message says the limit in bytes. */
const tooLarge = (res: Answer) =>
  res.status === 413 &&
  message(res).includes(`${LIMIT} bytes`) &&
  !/undefined|NaN/.test(message(res))
    ? undefined
    : `${res.status} '${message(res)}' (expected a 413 naming the limit, ${LIMIT} bytes)`;

const nested = (depth: number, open: string, close: string, inner = '1') =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

describe('attack: oversize and pathological bodies', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: any;
    let api: () => any;
    let fixtures: Fixtures;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      ({ server, api } = await startAttackBackend(knex));
      fixtures = await seedFixtures(server, knex);
    });

    const as = asUser(ALICE);
    const send = (method: string, path: string, body: unknown) => async () => {
      const res = await api()
        [method](`${BASE}${path}`)
        .set('Authorization', as)
        .send(body);
      return { status: res.status, body: res.body };
    };
    const post = (path: string, body: unknown) => send('post', path, body);
    /**
     * A request as bytes on the wire: JSON text as typed (for what JSON.stringify cannot write),
     * compressed bytes, or chunks without a Content-Length, as a stream would send them.
     */
    const raw =
      (
        path: string,
        body: string | Buffer | { chunks: number; chunk: string },
        headers: Record<string, string> = {},
        method = 'POST',
      ) =>
      () =>
        new Promise<Answer>((resolve, reject) => {
          const chunked = typeof body === 'object' && !Buffer.isBuffer(body);
          const req = http.request(
            {
              host: '127.0.0.1',
              port: server.port(),
              method,
              path: `${BASE}${path}`,
              headers: {
                Authorization: as,
                'Content-Type': 'application/json',
                ...(chunked
                  ? { 'Transfer-Encoding': 'chunked' }
                  : { 'Content-Length': String(Buffer.byteLength(body)) }),
                ...headers,
              },
            },
            res => {
              let text = '';
              res.on('data', d => {
                text += d;
              });
              res.on('end', () => {
                let parsed: any = text;
                try {
                  parsed = text ? JSON.parse(text) : undefined;
                } catch {
                  // not JSON: kept as text
                }
                resolve({ status: res.statusCode ?? 0, body: parsed });
              });
            },
          );
          // The server may answer and close before the whole body is sent.
          req.on('error', error => {
            if (!['EPIPE', 'ECONNRESET'].includes((error as any).code)) {
              reject(error);
            }
          });
          if (!chunked) {
            req.end(body);
            return;
          }
          req.write('{"runs":"');
          let sent = 0;
          const more = () => {
            while (sent < body.chunks) {
              sent += 1;
              if (!req.write(body.chunk)) {
                req.once('drain', more);
                return;
              }
            }
            req.end('"}');
          };
          more();
        });
    const postText = (
      path: string,
      text: string | Buffer,
      headers: Record<string, string> = {},
    ) => raw(path, text, headers);

    const ingest = (body: unknown) => post('/projects/alpha/ingest', body);
    const run = (extra: object) => ({
      runs: [{ experiment: 'oversize', ...extra }],
    });
    const big = 'x'.repeat(MiB);

    /** Runs the cases one by one, each while `/health` is asked; returns what went wrong. */
    async function attack(cases: Case[]): Promise<string[]> {
      const wrong: string[] = [];
      for (const c of cases) {
        const measured = await whileHealthAnswers(api, c.send);
        const problem = await c.check(measured.result);
        if (problem) wrong.push(`${c.name}: ${problem}`);
        if (measured.took > REQUEST_BOUND_MS) {
          wrong.push(`${c.name}: answered after ${measured.took} ms`);
        }
        if (measured.slowestHealth > HEALTH_BOUND_MS) {
          wrong.push(
            `${c.name}: /health took ${measured.slowestHealth} ms meanwhile`,
          );
        }
        wrong.push(...measured.healthFailures.map(f => `${c.name}: ${f}`));
        const leaks = leaksIn(measured.result.body);
        if (leaks.length) wrong.push(`${c.name} leaks ${leaks}`);
      }
      return wrong;
    }

    it('refuses bodies over the limit with a 413 that names the limit in bytes', async () => {
      expect(
        await attack([
          {
            name: 'a 6 MiB body with its length declared',
            send: ingest(
              run({ tags: [{ key: 't', value: 'x'.repeat(6 * MiB) }] }),
            ),
            check: tooLarge,
          },
          {
            name: 'a 6 MiB body sent in chunks, length unknown',
            send: raw('/projects/alpha/ingest', {
              chunks: 96,
              chunk: 'x'.repeat(64 * 1024),
            }),
            check: tooLarge,
          },
          {
            name: 'a gzip body of 30 KiB that inflates to 20 MiB',
            send: postText(
              '/projects/alpha/ingest',
              zlib.gzipSync(`{"runs":"${'x'.repeat(20 * MiB)}"}`),
              { 'Content-Encoding': 'gzip' },
            ),
            check: tooLarge,
          },
          {
            name: 'a body just under the limit, in one tag',
            send: ingest(
              run({ tags: [{ key: 't', value: 'x'.repeat(LIMIT - 200) }] }),
            ),
            check: namesField('runs[0].tags[0].value', 'runs/0/tags/0/value'),
          },
        ]),
      ).toEqual([]);
    });

    it('refuses JSON nested a hundred thousand deep', async () => {
      expect(
        await attack([
          {
            name: 'runs as 100,000 nested arrays',
            send: postText(
              '/projects/alpha/ingest',
              `{"runs":${nested(100_000, '[', ']')}}`,
            ),
            check: namesField('runs'),
          },
          {
            name: 'a metric value as 50,000 nested arrays',
            send: postText(
              '/projects/alpha/ingest',
              `{"runs":[{"experiment":"e","metrics":[{"key":"m","value":${nested(50_000, '[', ']')}}]}]}`,
            ),
            check: namesField('value'),
          },
          {
            name: 'evaluation directions nested 10,000 objects deep',
            send: postText(
              `/models/${fixtures.alpha.model}/versions/1/evaluations`,
              `{"name":"deep","dataset":"${fixtures.alpha.dataset}","results":[{"slice":"overall","metric":"auc","value":1}],"directions":${nested(10_000, '{"auc":', '}', '"higher"')}}`,
            ),
            check: namesField('directions'),
          },
          {
            name: 'an unknown property holding 100,000 nested objects',
            send: postText(
              '/projects',
              `{"name":"deep-nest","owner":"${TEAM_A}","zzDeep":${nested(100_000, '{"a":', '}')}}`,
            ),
            check: namesField('zzDeep'),
          },
        ]),
      ).toEqual([]);
    });

    it('refuses arrays of a hundred thousand items, naming the field', async () => {
      const many = <T>(make: (i: number) => T) =>
        Array.from({ length: 100_000 }, (_, i) => make(i));
      const runIds = many(i => i.toString(16).padStart(32, '0'));
      expect(
        await attack([
          {
            name: '100,000 runs',
            send: ingest({ runs: many(() => ({ experiment: 'e' })) }),
            check: namesField('runs'),
          },
          {
            name: '100,000 metric points in one run',
            send: ingest(
              run({ metrics: many(i => ({ key: 'm', value: i, step: i })) }),
            ),
            check: namesField('metrics', '10000'),
          },
          {
            name: '100,000 params in one run',
            send: ingest(
              run({ params: many(i => ({ key: `p${i}`, value: 'v' })) }),
            ),
            check: namesField('params'),
          },
          {
            name: '100,000 tags in one run',
            send: ingest(
              run({ tags: many(i => ({ key: `t${i}`, value: 'v' })) }),
            ),
            check: namesField('tags'),
          },
          {
            name: '100,000 tags on a model',
            send: send('put', '/tags', {
              entityType: 'model',
              entityId: fixtures.alpha.modelId,
              tags: many(i => `t${i}`),
            }),
            check: namesField('tags'),
          },
          {
            name: '100,000 monitoring points',
            send: post(
              `/deployments/${fixtures.alpha.deploymentId}/monitoring`,
              {
                points: many(i => ({ metric: 'm', value: 1, timestamp: i })),
              },
            ),
            check: namesField('points'),
          },
          {
            name: 'comparing 100,000 runs',
            send: post('/compare', { runs: runIds }),
            check: namesField('runs'),
          },
          {
            name: 'histories of 100,000 runs',
            send: post('/metric-histories', { runIds, key: 'loss' }),
            check: namesField('runIds'),
          },
          {
            name: 'a dataset of 100,000 features',
            send: post('/projects/alpha/datasets', {
              name: 'wide',
              kind: 'feature-set',
              features: many(i => ({ name: `f${i}`, type: 'int' })),
            }),
            check: namesField('features'),
          },
          {
            name: 'an evaluation of 100,000 results',
            send: post(
              `/models/${fixtures.alpha.model}/versions/1/evaluations`,
              {
                name: 'wide',
                dataset: fixtures.alpha.dataset,
                results: many(i => ({
                  slice: `s=${i}`,
                  metric: 'auc',
                  value: 1,
                })),
              },
            ),
            check: namesField('results'),
          },
          {
            name: 'comparing 100,000 evaluations',
            send: post('/compare/evaluations', {
              evaluations: many(i => `${i}`),
            }),
            check: namesField('evaluations'),
          },
          {
            name: 'a project with 100,000 tags',
            send: post('/projects', {
              name: 'many-tags',
              owner: TEAM_A,
              tags: many(i => `t${i}`),
            }),
            check: namesField('tags'),
          },
          {
            name: 'a project with 100,000 related entities',
            send: post('/projects', {
              name: 'many-related',
              owner: TEAM_A,
              relatedEntities: many(i => `component:default/c${i}`),
            }),
            check: namesField('relatedEntities'),
          },
        ]),
      ).toEqual([]);
    });

    it('refuses a megabyte in every kind of string field, naming the field', async () => {
      const m = fixtures.alpha.model;
      const cases: [string, () => Promise<Answer>, string[]][] = [
        [
          'project name',
          post('/projects', { name: big, owner: TEAM_A }),
          ['name'],
        ],
        [
          'project title',
          post('/projects', { name: 'p1', owner: TEAM_A, title: big }),
          ['title'],
        ],
        [
          'project description',
          post('/projects', { name: 'p2', owner: TEAM_A, description: big }),
          ['description'],
        ],
        [
          'project owner',
          post('/projects', { name: 'p3', owner: big }),
          ['owner'],
        ],
        [
          'project link',
          post('/projects', {
            name: 'p4',
            owner: TEAM_A,
            links: [{ url: big }],
          }),
          ['links'],
        ],
        [
          'new project title',
          send('patch', '/projects/alpha', { title: big }),
          ['title'],
        ],
        [
          'new project description',
          send('patch', '/projects/alpha', { description: big }),
          ['description'],
        ],
        [
          'experiment name',
          post('/projects/alpha/experiments', { name: big }),
          ['name'],
        ],
        [
          'experiment description',
          post('/projects/alpha/experiments', { name: 'e1', description: big }),
          ['description'],
        ],
        [
          'model description',
          post('/projects/alpha/models', { name: 'm1', description: big }),
          ['description'],
        ],
        [
          'model version description',
          post(`/models/${m}/versions`, { description: big }),
          ['description'],
        ],
        [
          'model card section',
          post(`/models/${m}/versions`, { modelCard: { intendedUse: big } }),
          ['modelCard', 'intendedUse'],
        ],
        [
          'artifact URI',
          post(`/models/${m}/versions`, { artifactUri: big }),
          ['artifactUri'],
        ],
        [
          'dataset description',
          post('/projects/alpha/datasets', {
            name: 'd1',
            kind: 'training-set',
            description: big,
          }),
          ['description'],
        ],
        [
          'dataset URI',
          post('/projects/alpha/datasets', {
            name: 'd2',
            kind: 'training-set',
            uri: big,
          }),
          ['uri'],
        ],
        [
          'feature description',
          post('/projects/alpha/datasets', {
            name: 'd3',
            kind: 'training-set',
            features: [{ name: 'f', type: 't', description: big }],
          }),
          ['features'],
        ],
        ['run name', ingest(run({ name: big })), ['name']],
        ['run user', ingest(run({ user: big })), ['user']],
        ['run source URI', ingest(run({ source: { uri: big } })), ['uri']],
        [
          'experiment of a run',
          ingest({ runs: [{ experiment: big }] }),
          ['experiment'],
        ],
        [
          'param key',
          ingest(run({ params: [{ key: big, value: 'v' }] })),
          ['params'],
        ],
        [
          'param value',
          ingest(run({ params: [{ key: 'p', value: big }] })),
          ['params'],
        ],
        [
          'tag value',
          ingest(run({ tags: [{ key: 't', value: big }] })),
          ['tags'],
        ],
        [
          'metric key',
          ingest(run({ metrics: [{ key: big, value: 1 }] })),
          ['metrics'],
        ],
        ['request id', ingest({ requestId: big, ...run({}) }), ['requestId']],
        [
          'batch version description',
          ingest({
            modelVersions: [
              { model: m, runId: fixtures.alpha.runId, description: big },
            ],
          }),
          ['description'],
        ],
        [
          'evaluation description',
          post(`/models/${m}/versions/1/evaluations`, {
            name: 'big',
            dataset: fixtures.alpha.dataset,
            description: big,
            results: [{ slice: 'overall', metric: 'auc', value: 1 }],
          }),
          ['description'],
        ],
        [
          'evaluation slice',
          post(`/models/${m}/versions/1/evaluations`, {
            name: 'big',
            dataset: fixtures.alpha.dataset,
            results: [{ slice: big, metric: 'auc', value: 1 }],
          }),
          ['slice'],
        ],
        [
          'evaluation dataset',
          post(`/models/${m}/versions/1/evaluations`, {
            name: 'big',
            dataset: big,
            results: [{ slice: 'overall', metric: 'auc', value: 1 }],
          }),
          ['dataset'],
        ],
        [
          'note body',
          post('/notes', {
            entityType: 'model',
            entityId: fixtures.alpha.modelId,
            body: big,
          }),
          ['body'],
        ],
        [
          'note entity id',
          post('/notes', { entityType: 'model', entityId: big, body: 'x' }),
          ['entityId'],
        ],
        [
          'deployment endpoint',
          post(`/models/${m}/deployments`, {
            version: 1,
            environment: 'e',
            service: fixtures.alpha.service,
            endpoint: big,
          }),
          ['endpoint'],
        ],
        [
          'deployment environment',
          post(`/models/${m}/deployments`, {
            version: 1,
            environment: big,
            service: fixtures.alpha.service,
          }),
          ['environment'],
        ],
        [
          'deployment service',
          post(`/models/${m}/deployments`, {
            version: 1,
            environment: 'e',
            service: big,
          }),
          ['service'],
        ],
        [
          'monitoring metric',
          post(`/deployments/${fixtures.alpha.deploymentId}/monitoring`, {
            points: [{ metric: big, value: 1, timestamp: 1 }],
          }),
          ['metric'],
        ],
        ['token name', post('/projects/alpha/tokens', { name: big }), ['name']],
        [
          'history key',
          post('/metric-histories', {
            runIds: [fixtures.alpha.runId],
            key: big,
          }),
          ['key'],
        ],
      ];
      expect(
        await attack(
          cases.map(([name, sendIt, fields]) => ({
            name,
            send: sendIt,
            check: namesField(...fields),
          })),
        ),
      ).toEqual([]);
    });

    it('stores or refuses numbers JSON cannot hold, never answering with a broken value', async () => {
      const readMetric = async (runId: string, key: string) => {
        const res = await api()
          .get(`${BASE}/runs/${runId}`)
          .set('Authorization', as);
        return res.body.metrics?.find((x: any) => x.key === key);
      };
      /** 200 and the metric reads back as expected, or a 400 naming the field. */
      const storedAs =
        (runId: string, key: string, expected: object, ...fields: string[]) =>
        async (res: Answer) => {
          if (res.status === 400) return namesField(...fields)(res);
          if (res.status !== 200) return `${res.status} ${message(res)}`;
          const metric = await readMetric(runId, key);
          const mismatch = Object.entries(expected).filter(
            ([k, v]) => !Object.is(metric?.[k], v),
          );
          return mismatch.length
            ? `read back ${JSON.stringify(metric)}`
            : undefined;
        };
      const point = (runId: string, metric: string) =>
        `{"runs":[{"runId":"${runId}","experiment":"numbers","metrics":[${metric}]}]}`;
      const id = (n: number) => `${n}`.repeat(32).slice(0, 32);
      const m = fixtures.alpha.model;
      expect(
        await attack([
          {
            name: 'a metric of 1e309',
            send: postText(
              '/projects/alpha/ingest',
              point(id(1), '{"key":"huge","value":1e309}'),
            ),
            check: storedAs(id(1), 'huge', { value: 'Infinity' }, 'value'),
          },
          {
            name: 'a metric of -1e309',
            send: postText(
              '/projects/alpha/ingest',
              point(id(2), '{"key":"tiny","value":-1e309}'),
            ),
            check: storedAs(id(2), 'tiny', { value: '-Infinity' }, 'value'),
          },
          {
            name: 'a step beyond 64 bits',
            send: postText(
              '/projects/alpha/ingest',
              point(id(3), '{"key":"s","value":1,"step":1e19}'),
            ),
            check: storedAs(id(3), 's', { step: 1e19 }, 'step'),
          },
          {
            name: 'a timestamp beyond 64 bits',
            send: postText(
              '/projects/alpha/ingest',
              point(id(4), '{"key":"t","value":1,"timestamp":-1e19}'),
            ),
            check: storedAs(id(4), 't', { timestamp: -1e19 }, 'timestamp'),
          },
          {
            name: 'a step of -0',
            send: postText(
              '/projects/alpha/ingest',
              point(id(5), '{"key":"z","value":-0,"step":-0}'),
            ),
            check: storedAs(id(5), 'z', { step: 0 }, 'step'),
          },
          {
            name: 'a metric of "NaN"',
            send: postText(
              '/projects/alpha/ingest',
              point(id(6), '{"key":"n","value":"NaN"}'),
            ),
            check: storedAs(id(6), 'n', { value: 'NaN' }, 'value'),
          },
          {
            name: 'a metric of "nan"',
            send: postText(
              '/projects/alpha/ingest',
              point(id(7), '{"key":"n","value":"nan"}'),
            ),
            check: namesField('value'),
          },
          {
            name: 'a run start beyond 64 bits',
            send: postText(
              '/projects/alpha/ingest',
              `{"runs":[{"runId":"${id(8)}","experiment":"numbers","startTime":1e300}]}`,
            ),
            check: res =>
              res.status === 200 ? undefined : namesField('startTime')(res),
          },
          {
            name: 'a threshold of "NaN"',
            send: post(`/models/${m}/versions/1/evaluations`, {
              name: 'nan-threshold',
              dataset: fixtures.alpha.dataset,
              results: [{ slice: 'overall', metric: 'auc', value: 1 }],
              thresholds: [{ metric: 'auc', op: '>', value: 'NaN' }],
            }),
            check: namesField('value'),
          },
          {
            name: 'a tolerance of 1e309',
            send: postText(
              `/models/${m}/versions/1/evaluations`,
              `{"name":"inf-tolerance","dataset":"${fixtures.alpha.dataset}","results":[{"slice":"overall","metric":"auc","value":1}],"tolerance":1e309}`,
            ),
            check: res => {
              if (res.status !== 201) return namesField('tolerance')(res);
              return typeof res.body.tolerance === 'number'
                ? undefined
                : `answered a tolerance of ${JSON.stringify(res.body.tolerance)}`;
            },
          },
          {
            name: 'an alias at version 1e309',
            send: raw(
              `/models/${m}/aliases/champion`,
              '{"version":1e309}',
              {},
              'PUT',
            ),
            check: namesField('version'),
          },
          {
            name: 'an alias at a version beyond 32 bits',
            send: send('put', `/models/${m}/aliases/champion`, {
              version: 2 ** 31,
            }),
            check: res =>
              res.status === 404 ? undefined : namesField('version')(res),
          },
          {
            name: 'a deployment of a version beyond 32 bits',
            send: post(`/models/${m}/deployments`, {
              version: 99_999_999_999,
              environment: 'e',
              service: fixtures.alpha.service,
            }),
            check: res =>
              res.status === 404 ? undefined : namesField('version')(res),
          },
          {
            name: 'comparing a version beyond 32 bits',
            send: post('/compare', {
              modelVersions: [{ model: m, version: 99_999_999_999 }],
            }),
            check: res =>
              res.status === 404 ? undefined : namesField('version')(res),
          },
          {
            name: 'a token valid for 1e309 days',
            send: postText(
              '/projects/alpha/tokens',
              '{"name":"forever","expiresInDays":1e309}',
            ),
            check: namesField('expiresInDays'),
          },
          {
            name: 'a monitoring point beyond 64 bits',
            send: postText(
              `/deployments/${fixtures.alpha.deploymentId}/monitoring`,
              '{"points":[{"metric":"m","value":1,"timestamp":1e19}]}',
            ),
            check: res =>
              res.status === 200 ? undefined : namesField('timestamp')(res),
          },
        ]),
      ).toEqual([]);
    });

    it('reads duplicate keys one way and refuses malformed JSON', async () => {
      expect(
        await attack([
          {
            name: 'a project name given twice',
            send: postText(
              '/projects',
              `{"name":"dup-first","owner":"${TEAM_A}","name":"dup-last"}`,
            ),
            check: async res => {
              if (res.status === 400) return undefined;
              const first = await api()
                .get(`${BASE}/projects/dup-first`)
                .set('Authorization', as);
              return res.status === 201 &&
                res.body.name === 'dup-last' &&
                first.status === 404
                ? undefined
                : `${res.status} created ${res.body?.name}`;
            },
          },
          {
            name: 'runs given twice in a batch',
            send: postText(
              '/projects/alpha/ingest',
              '{"runs":[{"experiment":"dup-first"}],"runs":[{"experiment":"dup-last"}]}',
            ),
            check: res =>
              res.status === 400 ||
              (res.status === 200 &&
                res.body.runs.length === 1 &&
                res.body.runs[0].experiment === 'dup-last')
                ? undefined
                : `${res.status} ${JSON.stringify(res.body?.runs)}`,
          },
          {
            name: 'truncated JSON',
            send: postText('/projects/alpha/ingest', '{"runs":[{"experiment":'),
            check: res => (res.status === 400 ? undefined : `${res.status}`),
          },
          {
            name: 'JSON in UTF-16',
            send: postText('/projects/alpha/ingest', '{"runs":[]}', {
              'Content-Type': 'application/json; charset=utf-16',
            }),
            check: res =>
              [400, 415].includes(res.status) ? undefined : `${res.status}`,
          },
          {
            name: 'JSON sent as text/plain',
            send: postText(
              '/projects/alpha/ingest',
              '{"runs":[{"experiment":"x"}]}',
              {
                'Content-Type': 'text/plain',
              },
            ),
            check: res =>
              [400, 415].includes(res.status) ? undefined : `${res.status}`,
          },
          {
            name: 'a body compressed with an unknown encoding',
            send: postText('/projects/alpha/ingest', 'garbage', {
              'Content-Encoding': 'br2',
            }),
            check: res =>
              [400, 415].includes(res.status) ? undefined : `${res.status}`,
          },
        ]),
      ).toEqual([]);
    });
  });
});
