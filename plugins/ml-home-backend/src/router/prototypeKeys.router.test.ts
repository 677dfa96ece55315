/*
 * Param, tag, metric and slice names are user input. Names that Object.prototype also has
 * (`__proto__`, `constructor`, …) go in through ingestion and the evaluation routes and must come
 * back intact from every read: the run, the comparison, the metric history, the evaluation and
 * the evaluation comparison.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { mlHomePlugin } from '../plugin';

jest.setTimeout(120_000);

const ALICE = mockCredentials.user.header('user:default/alice');
const RUN_1 = '1'.repeat(32);
const RUN_2 = '2'.repeat(32);

describe('names that Object.prototype also has', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: any;

    const call = (
      method: 'get' | 'post' | 'put',
      path: string,
      body?: object,
    ) => {
      const req = request(server)
        [method](`/api/ml-home${path}`)
        .set('Authorization', ALICE);
      return body === undefined ? req : req.send(body);
    };

    /* For set-up steps, which must not fail quietly. */
    const setUp = async (
      res: Promise<request.Response> | request.Response,
      status: number,
    ) => {
      const { status: got, body } = await res;
      if (got !== status) {
        throw new Error(`set-up got ${got}: ${JSON.stringify(body)}`);
      }
      return body;
    };

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          mlHomePlugin,
          mockServices.permissions.factory(),
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({
            entities: [
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Group',
                metadata: { name: 'team-a', namespace: 'default' },
                spec: { type: 'team', children: [] },
              },
            ],
          }),
          // Alice is a member of team-a, as the sign-in resolver would put it in her token.
          createServiceFactory({
            service: coreServices.userInfo,
            deps: {},
            factory: () => ({
              getUserInfo: async (credentials: BackstageCredentials) => {
                const ref = (credentials.principal as any).userEntityRef;
                return {
                  userEntityRef: ref,
                  ownershipEntityRefs: [ref, 'group:default/team-a'],
                };
              },
            }),
          }),
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
      await setUp(
        call('post', '/projects', {
          name: 'proto-home',
          owner: 'group:default/team-a',
        }),
        201,
      );
    });

    /* A JSON object with these keys, as a client would send it. */
    const object = (entries: [string, unknown][]) =>
      JSON.parse(
        `{${entries
          .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
          .join(',')}}`,
      );

    describe('runs', () => {
      const KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

      beforeAll(async () => {
        const run = (runId: string, offset: number) => ({
          runId,
          experiment: 'baseline',
          params: KEYS.map((key, i) => ({ key, value: `${runId[0]}-${i}` })),
          tags: KEYS.map(key => ({ key, value: `tag-${key}` })),
          metrics: KEYS.flatMap((key, i) => [
            { key, value: i + offset, step: 0, timestamp: 1000 },
            { key, value: i + offset + 0.5, step: 1, timestamp: 2000 },
          ]),
        });
        await setUp(
          call('post', '/projects/proto-home/ingest', {
            runs: [run(RUN_1, 0), run(RUN_2, 10)],
          }),
          200,
        );
      });

      it('reads a run back with every param, tag and metric', async () => {
        const res = await call('get', `/runs/${RUN_1}`);
        expect(res.status).toBe(200);
        const byKey = (list: any[]) =>
          Object.fromEntries(list.map(x => [x.key, x]));
        expect(res.body.params).toHaveLength(KEYS.length);
        expect(res.body.tags).toHaveLength(KEYS.length);
        expect(res.body.metrics).toHaveLength(KEYS.length);
        const params = byKey(res.body.params);
        const tags = byKey(res.body.tags);
        const metrics = byKey(res.body.metrics);
        KEYS.forEach((key, i) => {
          expect(Object.hasOwn(params, key)).toBe(true);
          expect(params[key].value).toBe(`1-${i}`);
          expect(tags[key].value).toBe(`tag-${key}`);
          expect(metrics[key]).toMatchObject({ value: i + 0.5, step: 1 });
        });
      });

      it('compares the runs on those params and metrics', async () => {
        const res = await call('post', '/compare', {
          runs: [RUN_1, RUN_2],
          allParams: true,
        });
        expect(res.status).toBe(200);
        expect(res.body.params.map((p: any) => p.key).sort()).toEqual(
          [...KEYS].sort(),
        );
        for (const [i, key] of KEYS.entries()) {
          expect(res.body.params.find((p: any) => p.key === key)).toEqual({
            key,
            values: [`1-${i}`, `2-${i}`],
            differs: true,
          });
          // Undeclared, and the name says nothing: no direction, no best.
          expect(res.body.metrics.find((m: any) => m.key === key)).toEqual({
            key,
            last: [i + 0.5, i + 10.5],
            min: [i, i + 10],
            max: [i + 0.5, i + 10.5],
            best: [],
          });
        }
      });

      it.each(KEYS)('reads the history of %s', async key => {
        const i = KEYS.indexOf(key);
        const one = await call(
          'get',
          `/runs/${RUN_1}/metric-history?key=${encodeURIComponent(key)}`,
        );
        expect(one.status).toBe(200);
        expect(one.body.points.map((p: any) => [p.step, p.value])).toEqual([
          [0, i],
          [1, i + 0.5],
        ]);
        const many = await call('post', '/metric-histories', {
          runIds: [RUN_1, RUN_2],
          key,
        });
        expect(many.status).toBe(200);
        expect(
          many.body.items.map((h: any) => h.points.map((p: any) => p.value)),
        ).toEqual([
          [i, i + 0.5],
          [i + 10, i + 10.5],
        ]);
      });

      it('filters and orders runs by those names', async () => {
        const res = await call(
          'get',
          `/projects/proto-home/runs?filter=${encodeURIComponent(
            "params.constructor = '2-1' AND tags.`__proto__` = 'tag-__proto__'",
          )}&orderBy=${encodeURIComponent('metrics.`__proto__` ASC')}`,
        );
        expect(res.status).toBe(200);
        expect(res.body.items.map((r: any) => r.runId ?? r.id)).toEqual([
          RUN_2,
        ]);
      });
    });

    describe('evaluations', () => {
      const METRICS = ['__proto__', 'constructor', 'toString', 'valueOf'];
      const ids: string[] = [];

      beforeAll(async () => {
        await setUp(
          call('post', '/projects/proto-home/models', { name: 'proto-model' }),
          201,
        );
        // The project declares `toString`; `valueOf` nobody declares.
        await setUp(
          call('put', '/projects/proto-home/metric-directions', {
            directions: object([['toString', 'higher']]),
          }),
          200,
        );
        for (let n = 0; n < 2; n++) {
          await setUp(call('post', '/models/proto-model/versions', {}), 201);
        }
        await setUp(
          call('post', '/projects/proto-home/datasets', {
            name: 'holdout',
            kind: 'evaluation-set',
          }),
          201,
        );
        // Version 2 is lower on every metric; `__proto__` and `constructor` are declared
        // lower-is-better, so there it improved; `toString` regressed; `valueOf` has no direction.
        for (const [version, value] of [
          [1, 0.6],
          [2, 0.4],
        ]) {
          const evaluation = await setUp(
            call(
              'post',
              `/models/proto-model/versions/${version}/evaluations`,
              {
                name: 'holdout-eval',
                dataset: 'holdout',
                ...(version === 2 ? { baselineVersion: 1 } : {}),
                results: METRICS.flatMap(metric => [
                  { slice: 'overall', metric, value },
                  { slice: `${metric}=a`, metric, value },
                ]),
                thresholds: [{ metric: 'constructor', op: '<=', value: 0.5 }],
                directions: object([
                  ['__proto__', 'lower'],
                  ['constructor', 'lower'],
                ]),
              },
            ),
            201,
          );
          ids.push(evaluation.id);
        }
      });

      it("keeps every declared direction of an evaluation, and its project's", async () => {
        const res = await call('get', `/evaluations/${ids[1]}`);
        expect(res.status).toBe(200);
        expect(Object.keys(res.body.directions).sort()).toEqual(
          ['__proto__', 'constructor', 'toString'].sort(),
        );
        expect(res.body.directions).toEqual(
          object([
            ['__proto__', 'lower'],
            ['constructor', 'lower'],
            ['toString', 'higher'],
          ]),
        );
        expect(res.body.directionSources).toEqual(
          object([
            ['__proto__', 'evaluation'],
            ['constructor', 'evaluation'],
            ['toString', 'project'],
          ]),
        );
        expect(res.body.regressions).toBe(2);
        const delta = (slice: string, metric: string) =>
          res.body.score.deltas.find(
            (d: any) => d.slice === slice && d.metric === metric,
          );
        for (const metric of METRICS) {
          const lower = metric === '__proto__' || metric === 'constructor';
          const known = metric !== 'valueOf';
          for (const slice of ['overall', `${metric}=a`]) {
            expect(delta(slice, metric)).toMatchObject({
              improvement: known && lower,
              regression: known && !lower,
            });
          }
        }
        expect(
          res.body.score.outcomes.map((o: any) => [o.slice, o.pass]),
        ).toEqual([
          ['overall', true],
          ['constructor=a', true],
        ]);
      });

      it('compares the evaluations with each metric in its direction', async () => {
        const res = await call('post', '/compare/evaluations', {
          evaluations: ids,
        });
        expect(res.status).toBe(200);
        expect(res.body.metrics).toEqual([...METRICS].sort());
        expect(res.body.rows).toHaveLength(METRICS.length * 2);
        const undeclared = res.body.rows.filter(
          (r: any) => r.metric === 'valueOf',
        );
        for (const row of undeclared) {
          expect(row.direction).toBeUndefined();
          expect(row.best).toEqual([]);
        }
        const declared = res.body.rows.filter(
          (r: any) => r.metric !== 'valueOf',
        );
        for (const row of declared) {
          const lower =
            row.metric === '__proto__' || row.metric === 'constructor';
          expect(row).toMatchObject({
            direction: lower ? 'lower' : 'higher',
            directionSource: lower ? 'evaluation' : 'project',
            values: [0.6, 0.4],
            best: lower ? [1] : [0],
          });
        }
        for (const row of res.body.rows) {
          expect(row.deltas[0]).toBe(0);
          expect(row.deltas[1]).toBeCloseTo(-0.2);
        }
        const pass = (slice: string) =>
          res.body.rows.find(
            (r: any) => r.slice === slice && r.metric === 'constructor',
          ).pass;
        expect(pass('overall')).toEqual([false, true]);
        expect(pass('constructor=a')).toEqual([false, true]);
      });

      it('keeps the directions through a thresholds update', async () => {
        const res = await call('put', `/evaluations/${ids[0]}/thresholds`, {
          thresholds: [{ metric: '__proto__', op: '<', value: 0.5 }],
          directions: object([
            ['__proto__', 'higher'],
            ['valueOf', 'lower'],
          ]),
        });
        expect(res.status).toBe(200);
        expect(res.body.directions).toEqual(
          object([
            ['__proto__', 'higher'],
            ['toString', 'higher'],
            ['valueOf', 'lower'],
          ]),
        );
        expect(res.body.score.outcomes.map((o: any) => o.pass)).toEqual([
          false,
          false,
        ]);
      });
    });
  });
});
