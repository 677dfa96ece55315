/*
 * The MLflow door against MLflow's own definition (mlflow/protos/service.proto,
 * model_registry.proto): field names and types, defaults, GET parameters in the query string
 * (repeated ones too), paging, error codes and statuses; round trips with ML Home's own API; and
 * a client written the way MLflow's Python client calls (its request shapes and its retries)
 * driving a whole training run. On SQLite and PostgreSQL.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import http from 'http';
import { AddressInfo } from 'net';
import { Knex } from 'knex';
import {
  ALICE,
  BASE,
  BOB,
  asUser,
  startAttackBackend,
} from '../attack/__testUtils__/attackBackend';
import { Fixtures, seedFixtures } from '../attack/__testUtils__/fixtures';
import {
  MlflowRestError,
  PythonLikeMlflowClient,
} from './__testUtils__/pythonLikeClient';

jest.setTimeout(180_000);

const DOOR = `${BASE}/mlflow/api/2.0/mlflow`;
const PREVIEW = `${BASE}/mlflow/api/2.0/preview/mlflow`;
const HEX32 = /^[0-9a-f]{32}$/;

describe('MLflow door', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: any;
    let api: () => any;
    let fixtures: Fixtures;
    let baseUrl: string;
    const alice = asUser(ALICE);
    const bob = asUser(BOB);

    const post = (path: string, body: object, who = alice) =>
      api().post(`${DOOR}/${path}`).set('Authorization', who).send(body);
    const get = (path: string, query: object | string = {}, who = alice) =>
      api().get(`${DOOR}/${path}`).query(query).set('Authorization', who);
    const expectError = (res: any, status: number, code: string) => {
      expect({ status: res.status, code: res.body.error_code }).toEqual({
        status,
        code,
      });
      expect(typeof res.body.message).toBe('string');
    };

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      ({ server, api } = await startAttackBackend(knex, {
        config: { mlHome: { mlflow: { defaultProject: 'alpha' } } },
      }));
      fixtures = await seedFixtures(server, knex);
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    async function newExperiment(name: string, tags: object[] = []) {
      const res = await post('experiments/create', { name, tags });
      expect(res.status).toBe(200);
      return res.body.experiment_id as string;
    }

    async function newRun(experimentId: string, body: object = {}) {
      const res = await post('runs/create', {
        experiment_id: experimentId,
        start_time: 1_700_000_000_000,
        ...body,
      });
      expect(res.status).toBe(200);
      return res.body.run.info.run_id as string;
    }

    describe('experiments', () => {
      it('creates, gets by id and by name, with MLflow fields and types', async () => {
        const id = await newExperiment('/Users/alice/churn', [
          { key: 'team', value: 'a' },
        ]);
        expect(id).toMatch(/^\d+$/);
        const got = await get('experiments/get', { experiment_id: id });
        expect(got.status).toBe(200);
        const e = got.body.experiment;
        expect(e).toMatchObject({
          experiment_id: id,
          name: '/Users/alice/churn',
          lifecycle_stage: 'active',
          artifact_location: `mlflow-artifacts:/${id}`,
        });
        expect(typeof e.creation_time).toBe('number');
        expect(typeof e.last_update_time).toBe('number');
        expect(e.tags).toEqual(
          expect.arrayContaining([
            { key: 'team', value: 'a' },
            { key: 'ml-home.project', value: 'alpha' },
          ]),
        );
        const byName = await get('experiments/get-by-name', {
          experiment_name: '/Users/alice/churn',
        });
        expect(byName.body.experiment.experiment_id).toBe(id);
        // The preview prefix of older clients serves the same.
        const preview = await api()
          .get(`${PREVIEW}/experiments/get`)
          .query({ experiment_id: id })
          .set('Authorization', alice);
        expect(preview.body).toEqual(got.body);
      });

      it('answers MLflow errors: exists, missing, bad parameter', async () => {
        await newExperiment('dup-exp');
        expectError(
          await post('experiments/create', { name: 'dup-exp' }),
          400,
          'RESOURCE_ALREADY_EXISTS',
        );
        expectError(
          await post('experiments/create', {}),
          400,
          'INVALID_PARAMETER_VALUE',
        );
        expectError(
          await get('experiments/get', { experiment_id: '999999' }),
          404,
          'RESOURCE_DOES_NOT_EXIST',
        );
        expectError(
          await get('experiments/get-by-name', { experiment_name: 'nope' }),
          404,
          'RESOURCE_DOES_NOT_EXIST',
        );
        expectError(
          await post('experiments/create', {
            name: 'x',
            tags: [{ key: 'ml-home.project', value: 'no-such-project' }],
          }),
          404,
          'RESOURCE_DOES_NOT_EXIST',
        );
      });

      it('searches by name and tags, orders, pages, and by view type', async () => {
        const ids = [];
        for (const n of [1, 2, 3]) {
          ids.push(
            await newExperiment(`search-exp-${n}`, [
              { key: 'kind', value: n === 2 ? 'odd' : 'even' },
            ]),
          );
        }
        const page1 = await post('experiments/search', {
          filter: "name LIKE 'search-exp-%'",
          order_by: ['name DESC'],
          max_results: 2,
        });
        expect(page1.status).toBe(200);
        expect(page1.body.experiments.map((e: any) => e.name)).toEqual([
          'search-exp-3',
          'search-exp-2',
        ]);
        expect(typeof page1.body.next_page_token).toBe('string');
        const page2 = await post('experiments/search', {
          filter: "name LIKE 'search-exp-%'",
          order_by: ['name DESC'],
          max_results: 2,
          page_token: page1.body.next_page_token,
        });
        expect(page2.body.experiments.map((e: any) => e.name)).toEqual([
          'search-exp-1',
        ]);
        expect(page2.body.next_page_token).toBeUndefined();
        // GET with the query string, a tag filter.
        const byTag = await get('experiments/search', {
          filter: "tags.kind = 'odd' AND name ILIKE 'SEARCH-EXP-%'",
        });
        expect(byTag.body.experiments.map((e: any) => e.name)).toEqual([
          'search-exp-2',
        ]);
        // Delete, then only DELETED_ONLY finds it; restore brings it back.
        expect(
          (await post('experiments/delete', { experiment_id: ids[0] })).status,
        ).toBe(200);
        const active = await post('experiments/search', {
          filter: "name = 'search-exp-1'",
        });
        expect(active.body.experiments ?? []).toEqual([]);
        const deleted = await post('experiments/search', {
          filter: "name = 'search-exp-1'",
          view_type: 'DELETED_ONLY',
        });
        expect(deleted.body.experiments[0].lifecycle_stage).toBe('deleted');
        await post('experiments/restore', { experiment_id: ids[0] });
        const listed = await get('experiments/list', { view_type: 'ALL' });
        expect(listed.body.experiments.map((e: any) => e.name)).toContain(
          'search-exp-1',
        );
        expectError(
          await post('experiments/search', { filter: 'name ~ 3' }),
          400,
          'INVALID_PARAMETER_VALUE',
        );
      });

      it('renames and sets tags', async () => {
        const id = await newExperiment('to-rename');
        await post('experiments/update', {
          experiment_id: id,
          new_name: 'renamed',
        });
        await post('experiments/set-experiment-tag', {
          experiment_id: id,
          key: 'k',
          value: 'v',
        });
        const e = (await get('experiments/get', { experiment_id: id })).body
          .experiment;
        expect(e.name).toBe('renamed');
        expect(e.tags).toContainEqual({ key: 'k', value: 'v' });
      });
    });

    describe('runs', () => {
      let experimentId: string;
      beforeAll(async () => {
        experimentId = await newExperiment('runs-contract');
      });

      it('creates and gets a run with MLflow fields', async () => {
        const res = await post('runs/create', {
          experiment_id: experimentId,
          run_name: 'first',
          start_time: 1_700_000_000_000,
          tags: [{ key: 'mlflow.source.name', value: 'train.py' }],
        });
        expect(res.status).toBe(200);
        const { info, data } = res.body.run;
        expect(info).toMatchObject({
          run_name: 'first',
          experiment_id: experimentId,
          status: 'RUNNING',
          lifecycle_stage: 'active',
          start_time: 1_700_000_000_000,
        });
        expect(info.run_id).toMatch(HEX32);
        expect(info.run_uuid).toBe(info.run_id);
        expect(info.artifact_uri).toBe(
          `mlflow-artifacts:/${experimentId}/${info.run_id}/artifacts`,
        );
        expect(data.tags).toEqual(
          expect.arrayContaining([
            { key: 'mlflow.runName', value: 'first' },
            { key: 'mlflow.source.name', value: 'train.py' },
          ]),
        );
        const got = await get('runs/get', { run_id: info.run_id });
        expect(got.body.run.info).toEqual(info);
        // Older clients send run_uuid.
        const old = await get('runs/get', { run_uuid: info.run_id });
        expect(old.body.run.info.run_id).toBe(info.run_id);
        expectError(
          await get('runs/get', { run_id: 'f'.repeat(32) }),
          404,
          'RESOURCE_DOES_NOT_EXIST',
        );
      });

      it('logs NaN and infinities as MLflow sends them and pages the history', async () => {
        const runId = await newRun(experimentId);
        for (const [step, value] of [
          [0, 'NaN'],
          [1, 'Infinity'],
          [2, '-Infinity'],
          [3, 0.5],
        ] as const) {
          const res = await post('runs/log-metric', {
            run_id: runId,
            key: 'loss',
            value,
            timestamp: 1_700_000_000_000 + step,
            step,
          });
          expect(res.status).toBe(200);
        }
        const all = await get('metrics/get-history', {
          run_id: runId,
          metric_key: 'loss',
        });
        expect(all.body.metrics.map((m: any) => m.value)).toEqual([
          'NaN',
          'Infinity',
          '-Infinity',
          0.5,
        ]);
        expect(all.body.metrics[1]).toEqual({
          key: 'loss',
          value: 'Infinity',
          timestamp: 1_700_000_000_001,
          step: 1,
        });
        const first = await get('metrics/get-history', {
          run_id: runId,
          metric_key: 'loss',
          max_results: 3,
        });
        expect(first.body.metrics).toHaveLength(3);
        const rest = await get('metrics/get-history', {
          run_id: runId,
          metric_key: 'loss',
          max_results: 3,
          page_token: first.body.next_page_token,
        });
        expect(rest.body.metrics.map((m: any) => m.step)).toEqual([3]);
        expect(rest.body.next_page_token).toBeUndefined();
        // The run's latest value is the highest step's.
        const run = (await get('runs/get', { run_id: runId })).body.run;
        expect(run.data.metrics).toEqual([
          { key: 'loss', value: 0.5, timestamp: 1_700_000_000_003, step: 3 },
        ]);
      });

      it("accepts MLflow's log-batch limits, all or nothing, and a retry duplicates nothing", async () => {
        const runId = await newRun(experimentId);
        const batch = {
          run_id: runId,
          metrics: Array.from({ length: 1000 }, (_, i) => ({
            key: `m${i % 10}`,
            value: i / 7,
            timestamp: 1_700_000_000_000 + i,
            step: i,
          })),
          params: Array.from({ length: 100 }, (_, i) => ({
            key: `p${i}`,
            value: i === 0 ? 'x'.repeat(6000) : String(i),
          })),
          tags: Array.from({ length: 100 }, (_, i) => ({
            key: `t${i}`,
            value: i === 0 ? 'y'.repeat(5000) : String(i),
          })),
        };
        expect((await post('runs/log-batch', batch)).status).toBe(200);
        expect((await post('runs/log-batch', batch)).status).toBe(200);
        const [{ n }] = await knex('metric_points')
          .where({ run_id: runId })
          .count({ n: '*' });
        expect(Number(n)).toBe(1000);
        // A changed param: MLflow's INVALID_PARAMETER_VALUE, and nothing of the batch written.
        const bad = await post('runs/log-batch', {
          run_id: runId,
          metrics: [{ key: 'new', value: 1, timestamp: 1, step: 0 }],
          params: [{ key: 'p1', value: 'changed' }],
        });
        expectError(bad, 400, 'INVALID_PARAMETER_VALUE');
        const malformed = await post('runs/log-batch', {
          run_id: runId,
          metrics: [
            { key: 'new', value: 1, timestamp: 1, step: 0 },
            { key: 'new', value: 'abc', timestamp: 2, step: 1 },
          ],
        });
        expectError(malformed, 400, 'INVALID_PARAMETER_VALUE');
        const news = await knex('metric_points').where({
          run_id: runId,
          key: 'new',
        });
        expect(news).toEqual([]);
        // The same param value again is fine, as in MLflow.
        expect(
          (
            await post('runs/log-parameter', {
              run_id: runId,
              key: 'p1',
              value: '1',
            })
          ).status,
        ).toBe(200);
      });

      it('refuses metrics for a run that does not exist, and stores none', async () => {
        const ghost = 'd'.repeat(32);
        expectError(
          await post('runs/log-metric', {
            run_id: ghost,
            key: 'acc',
            value: 1,
            timestamp: 1,
            step: 0,
          }),
          404,
          'RESOURCE_DOES_NOT_EXIST',
        );
        expectError(
          await post('runs/log-batch', {
            run_id: ghost,
            metrics: [{ key: 'acc', value: 1, timestamp: 1, step: 0 }],
          }),
          404,
          'RESOURCE_DOES_NOT_EXIST',
        );
        expect(await knex('metric_points').where({ run_id: ghost })).toEqual(
          [],
        );
      });

      it('sets and deletes tags, updates, deletes and restores runs', async () => {
        const runId = await newRun(experimentId);
        await post('runs/set-tag', { run_id: runId, key: 'stage', value: 'a' });
        expect(
          (await post('runs/delete-tag', { run_id: runId, key: 'stage' }))
            .status,
        ).toBe(200);
        expectError(
          await post('runs/delete-tag', { run_id: runId, key: 'stage' }),
          404,
          'RESOURCE_DOES_NOT_EXIST',
        );
        const updated = await post('runs/update', {
          run_id: runId,
          status: 'FINISHED',
          end_time: 1_700_000_100_000,
        });
        expect(updated.body.run_info).toMatchObject({
          run_id: runId,
          status: 'FINISHED',
          end_time: 1_700_000_100_000,
        });
        await post('runs/delete', { run_id: runId });
        expect(
          (await get('runs/get', { run_id: runId })).body.run.info
            .lifecycle_stage,
        ).toBe('deleted');
        expectError(
          await post('runs/log-metric', {
            run_id: runId,
            key: 'x',
            value: 1,
            timestamp: 1,
          }),
          400,
          'INVALID_PARAMETER_VALUE',
        );
        const deletedOnly = await post('runs/search', {
          experiment_ids: [experimentId],
          run_view_type: 'DELETED_ONLY',
        });
        expect(deletedOnly.body.runs.map((r: any) => r.info.run_id)).toEqual([
          runId,
        ]);
        await post('runs/restore', { run_id: runId });
        expect(
          (await get('runs/get', { run_id: runId })).body.run.info
            .lifecycle_stage,
        ).toBe('active');
      });

      it("searches with MLflow's grammar, orders by a metric and pages", async () => {
        const exp = await newExperiment('search-runs');
        const ids: string[] = [];
        for (let i = 0; i < 5; i += 1) {
          const runId = await newRun(exp, { run_name: `r${i}` });
          ids.push(runId);
          await post('runs/log-batch', {
            run_id: runId,
            metrics: [{ key: 'acc', value: i / 10, timestamp: 1, step: 0 }],
            params: [{ key: 'lr', value: i % 2 ? '0.1' : '0.01' }],
          });
        }
        const res = await post('runs/search', {
          experiment_ids: [exp],
          filter: "metrics.acc > 0.05 AND params.lr = '0.1'",
          order_by: ['metrics.acc DESC'],
        });
        expect(res.status).toBe(200);
        expect(res.body.runs.map((r: any) => r.info.run_name)).toEqual([
          'r3',
          'r1',
        ]);
        const page1 = await post('runs/search', {
          experiment_ids: [exp],
          order_by: ['metrics.acc ASC'],
          max_results: 2,
        });
        const page2 = await post('runs/search', {
          experiment_ids: [exp],
          order_by: ['metrics.acc ASC'],
          max_results: 2,
          page_token: page1.body.next_page_token,
        });
        expect(
          [...page1.body.runs, ...page2.body.runs].map(
            (r: any) => r.info.run_name,
          ),
        ).toEqual(['r0', 'r1', 'r2', 'r3']);
        const byIds = await post('runs/search', {
          experiment_ids: [exp],
          filter: `attributes.run_id IN ('${ids[0]}', '${ids[4]}') AND attributes.run_name LIKE 'r%'`,
          order_by: ['attributes.start_time DESC'],
        });
        expect(byIds.body.runs.map((r: any) => r.info.run_id).sort()).toEqual(
          [ids[0], ids[4]].sort(),
        );
        expectError(
          await post('runs/search', { experiment_ids: [exp], filter: 'acc >' }),
          400,
          'INVALID_PARAMETER_VALUE',
        );
        expectError(
          await post('runs/search', {}),
          400,
          'INVALID_PARAMETER_VALUE',
        );
        // get-history-bulk-interval takes run_ids repeated in the query string.
        const bulk = await api()
          .get(
            `${DOOR}/metrics/get-history-bulk-interval?run_ids=${ids[1]}&run_ids=${ids[2]}&metric_key=acc&max_results=10`,
          )
          .set('Authorization', alice);
        expect(bulk.status).toBe(200);
        expect(bulk.body.metrics.map((m: any) => m.run_id)).toEqual([
          ids[1],
          ids[2],
        ]);
      });
      it('pages a search ordered by the metric it filters on, through ties', async () => {
        const exp = await newExperiment('ties');
        const accs = [0.5, 0.5, 0.7, 0.7, 0.1, 0.5];
        for (const acc of accs) {
          const runId = await newRun(exp);
          await post('runs/log-metric', {
            run_id: runId,
            key: 'acc',
            value: acc,
            timestamp: 1,
          });
        }
        const seen: { id: string; acc: number }[] = [];
        let token: string | undefined;
        do {
          const page = await post('runs/search', {
            experiment_ids: [exp],
            filter: 'metrics.acc > 0.2',
            order_by: ['metrics.acc DESC'],
            max_results: 1,
            ...(token ? { page_token: token } : {}),
          });
          expect(page.status).toBe(200);
          for (const run of page.body.runs) {
            seen.push({ id: run.info.run_id, acc: run.data.metrics[0].value });
          }
          token = page.body.next_page_token;
        } while (token);
        expect(seen.map(r => r.acc)).toEqual([0.7, 0.7, 0.5, 0.5, 0.5]);
        expect(new Set(seen.map(r => r.id)).size).toBe(5);
      });
    });

    describe('errors in MLflow shape', () => {
      it('unauthenticated, unknown endpoint, permission denied, bad JSON, too large', async () => {
        expectError(
          await api().get(`${DOOR}/experiments/get?experiment_id=1`),
          401,
          'UNAUTHENTICATED',
        );
        expectError(
          await api()
            .post(`${DOOR}/runs/create`)
            .set('Authorization', 'Bearer mlh_not-a-real-token')
            .send({}),
          401,
          'UNAUTHENTICATED',
        );
        expectError(await get('nothing/here'), 404, 'ENDPOINT_NOT_FOUND');
        expectError(
          await api().get(`${DOOR}/runs/log-batch`).set('Authorization', alice),
          404,
          'ENDPOINT_NOT_FOUND',
        );
        // Bob's team does not own alpha: he may read it, not write into it.
        const id = await newExperiment('bob-may-not');
        expect(
          (await get('experiments/get', { experiment_id: id }, bob)).status,
        ).toBe(200);
        expectError(
          await post('runs/create', { experiment_id: id }, bob),
          403,
          'PERMISSION_DENIED',
        );
        expectError(
          await post('experiments/create', { name: 'bob-exp' }, bob),
          403,
          'PERMISSION_DENIED',
        );
        const badJson = await api()
          .post(`${DOOR}/runs/create`)
          .set('Authorization', alice)
          .set('Content-Type', 'application/json')
          .send('{"experiment_id": ');
        expect(badJson.status).toBe(400);
        expect(badJson.body.error_code).toBe('BAD_REQUEST');
        const huge = await api()
          .post(`${DOOR}/runs/log-batch`)
          .set('Authorization', alice)
          .send({
            run_id: 'a'.repeat(32),
            tags: [{ key: 'k', value: 'v'.repeat(6 * 1024 * 1024) }],
          });
        expect(huge.status).toBe(413);
        expect(huge.body.error_code).toBe('INVALID_PARAMETER_VALUE');
      });

      it('a project token writes into its own project and no other', async () => {
        const token = fixtures.alpha.token!;
        const asToken = `Bearer ${token.secret}`;
        const res = await post(
          'experiments/create',
          { name: 'token-exp' },
          asToken,
        );
        expect(res.status).toBe(200);
        const e = (
          await get(
            'experiments/get',
            { experiment_id: res.body.experiment_id },
            asToken,
          )
        ).body.experiment;
        expect(e.tags).toContainEqual({
          key: 'ml-home.project',
          value: 'alpha',
        });
        expectError(
          await post(
            'experiments/create',
            {
              name: 'elsewhere',
              tags: [{ key: 'ml-home.project', value: 'bravo' }],
            },
            asToken,
          ),
          403,
          'PERMISSION_DENIED',
        );
        expectError(
          await get('runs/get', { run_id: fixtures.bravo.runId }, asToken),
          403,
          'PERMISSION_DENIED',
        );
      });
    });

    describe('model registry', () => {
      it('creates, tags, searches, renames, versions, aliases and stages', async () => {
        const exp = await newExperiment('registry-exp');
        const runId = await newRun(exp);
        const created = await post('registered-models/create', {
          name: 'mlflow-churn',
          description: 'from MLflow',
          tags: [{ key: 'task', value: 'classification' }],
        });
        expect(created.status).toBe(200);
        expect(created.body.registered_model).toMatchObject({
          name: 'mlflow-churn',
          description: 'from MLflow',
          tags: [{ key: 'task', value: 'classification' }],
          latest_versions: [],
          aliases: [],
        });
        expectError(
          await post('registered-models/create', { name: 'mlflow-churn' }),
          400,
          'RESOURCE_ALREADY_EXISTS',
        );
        expectError(
          await post('registered-models/create', { name: 'Not A Slug' }),
          400,
          'INVALID_PARAMETER_VALUE',
        );
        const v1 = await post('model-versions/create', {
          name: 'mlflow-churn',
          source: 's3://bucket/model/1',
          run_id: runId,
        });
        expect(v1.body.model_version).toMatchObject({
          name: 'mlflow-churn',
          version: '1',
          source: 's3://bucket/model/1',
          run_id: runId,
          current_stage: 'None',
          status: 'READY',
          aliases: [],
        });
        const v2 = await post('model-versions/create', {
          name: 'mlflow-churn',
          source: 's3://bucket/model/2',
          run_id: runId,
        });
        expect(v2.body.model_version.version).toBe('2');
        // Stages map onto aliases.
        const staged = await post('model-versions/transition-stage', {
          name: 'mlflow-churn',
          version: '1',
          stage: 'Production',
          archive_existing_versions: false,
        });
        expect(staged.body.model_version).toMatchObject({
          current_stage: 'Production',
          aliases: ['production'],
        });
        await post('registered-models/alias', {
          name: 'mlflow-churn',
          alias: 'champion',
          version: '2',
        });
        const byAlias = await get('registered-models/alias', {
          name: 'mlflow-churn',
          alias: 'champion',
        });
        expect(byAlias.body.model_version.version).toBe('2');
        const latest = await post('registered-models/get-latest-versions', {
          name: 'mlflow-churn',
          stages: ['Production'],
        });
        expect(latest.body.model_versions.map((v: any) => v.version)).toEqual([
          '1',
        ]);
        // ML Home's own route sees the aliases.
        const mlHome = await api()
          .get(`${BASE}/models/mlflow-churn`)
          .set('Authorization', alice);
        expect(
          mlHome.body.aliases.map((a: any) => [a.alias, a.version]).sort(),
        ).toEqual([
          ['champion', 2],
          ['production', 1],
        ]);
        await api()
          .delete(`${DOOR}/registered-models/alias`)
          .set('Authorization', alice)
          .send({ name: 'mlflow-churn', alias: 'champion' });
        expectError(
          await get('registered-models/alias', {
            name: 'mlflow-churn',
            alias: 'champion',
          }),
          404,
          'RESOURCE_DOES_NOT_EXIST',
        );
        const archived = await post('model-versions/transition-stage', {
          name: 'mlflow-churn',
          version: '1',
          stage: 'archived',
        });
        expect(archived.body.model_version).toMatchObject({
          current_stage: 'Archived',
          aliases: [],
        });
        const searched = await get('model-versions/search', {
          filter: `run_id = '${runId}'`,
        });
        expect(searched.body.model_versions.map((v: any) => v.version)).toEqual(
          ['2', '1'],
        );
        const models = await get('registered-models/search', {
          filter: "name LIKE 'mlflow-%'",
          max_results: 10,
        });
        expect(models.body.registered_models.map((m: any) => m.name)).toEqual([
          'mlflow-churn',
        ]);
        await api()
          .patch(`${DOOR}/registered-models/update`)
          .set('Authorization', alice)
          .send({ name: 'mlflow-churn', description: 'updated' });
        const renamed = await post('registered-models/rename', {
          name: 'mlflow-churn',
          new_name: 'mlflow-churn-2',
        });
        expect(renamed.body.registered_model).toMatchObject({
          name: 'mlflow-churn-2',
          description: 'updated',
        });
        expect(
          (
            await api()
              .delete(`${DOOR}/model-versions/delete`)
              .set('Authorization', alice)
              .send({ name: 'mlflow-churn-2', version: '2' })
          ).status,
        ).toBe(200);
        expect(
          (
            await api()
              .delete(`${DOOR}/registered-models/delete`)
              .set('Authorization', alice)
              .send({ name: 'mlflow-churn-2' })
          ).status,
        ).toBe(200);
        expectError(
          await get('registered-models/get', { name: 'mlflow-churn-2' }),
          404,
          'RESOURCE_DOES_NOT_EXIST',
        );
        // Bob may read alpha's models but not change them.
        expectError(
          await post(
            'registered-models/create',
            {
              name: 'bob-model',
              tags: [{ key: 'ml-home.project', value: 'alpha' }],
            },
            bob,
          ),
          403,
          'PERMISSION_DENIED',
        );
      });
    });

    describe('one store, two doors', () => {
      it("what ML Home's API writes reads through the door, and the other way", async () => {
        const ingested = await api()
          .post(`${BASE}/projects/alpha/ingest`)
          .set('Authorization', alice)
          .send({
            runs: [
              {
                runId: 'c'.repeat(32),
                experiment: 'native-exp',
                name: 'native',
                params: [{ key: 'depth', value: '6' }],
                metrics: [{ key: 'auc', value: 0.9, step: 1, timestamp: 5 }],
              },
            ],
          });
        expect(ingested.status).toBe(200);
        const run = (await get('runs/get', { run_id: 'c'.repeat(32) })).body
          .run;
        expect(run.info.run_name).toBe('native');
        expect(run.data.params).toEqual([{ key: 'depth', value: '6' }]);
        expect(run.data.metrics).toEqual([
          { key: 'auc', value: 0.9, timestamp: 5, step: 1 },
        ]);
        const exp = (
          await get('experiments/get-by-name', {
            experiment_name: 'native-exp',
          })
        ).body.experiment;
        expect(exp.experiment_id).toBe(run.info.experiment_id);

        const mlflowExp = await newExperiment('door-exp');
        const runId = await newRun(mlflowExp, { run_name: 'via-door' });
        await post('runs/log-batch', {
          run_id: runId,
          metrics: [{ key: 'f1', value: 0.7, timestamp: 1, step: 2 }],
          params: [{ key: 'lr', value: '0.3' }],
        });
        const mlHome = await api()
          .get(`${BASE}/runs/${runId}`)
          .set('Authorization', alice);
        expect(mlHome.status).toBe(200);
        expect(mlHome.body).toMatchObject({
          id: runId,
          project: 'alpha',
          experiment: 'door-exp',
          name: 'via-door',
          params: [{ key: 'lr', value: '0.3' }],
        });
        expect(mlHome.body.metrics[0]).toMatchObject({ key: 'f1', value: 0.7 });
      });
    });

    describe("a client that calls like MLflow's Python client", () => {
      it('drives a whole training run, retrying a lost answer without duplicates', async () => {
        // A proxy in front of the backend that loses the answer to the first log-batch after the
        // backend has written it (a 503 from a load balancer), and answers 429 once to search.
        let lostBatch = false;
        let throttled = false;
        const proxy = http.createServer((req, res) => {
          const chunks: Buffer[] = [];
          req.on('data', c => chunks.push(c));
          req.on('end', () => {
            const url = req.url ?? '';
            if (!throttled && url.endsWith('/runs/search')) {
              throttled = true;
              res.writeHead(429).end('slow down');
              return;
            }
            const upstream = http.request(
              `${baseUrl}${url}`,
              { method: req.method, headers: req.headers },
              answer => {
                const body: Buffer[] = [];
                answer.on('data', c => body.push(c));
                answer.on('end', () => {
                  if (!lostBatch && url.endsWith('/runs/log-batch')) {
                    lostBatch = true;
                    res.writeHead(503).end('upstream went away');
                    return;
                  }
                  res.writeHead(answer.statusCode ?? 500, answer.headers);
                  res.end(Buffer.concat(body));
                });
              },
            );
            upstream.end(Buffer.concat(chunks));
          });
        });
        await new Promise<void>(r => proxy.listen(0, '127.0.0.1', r));
        const port = (proxy.address() as AddressInfo).port;
        try {
          const client = new PythonLikeMlflowClient(
            `http://127.0.0.1:${port}${BASE}/mlflow`,
            alice.replace(/^Bearer /, ''),
          );
          const experimentId = await client.createExperiment('client-exp', {
            'ml-home.project': 'alpha',
          });
          expect(
            (await client.getExperimentByName('client-exp')).experiment
              .experiment_id,
          ).toBe(experimentId);
          const runs: string[] = [];
          for (const [i, lr] of ['0.1', '0.01'].entries()) {
            const run = await client.createRun(
              experimentId,
              `train-${i}`,
              1_700_000_000_000 + i,
            );
            const runId = run.info.run_id;
            runs.push(runId);
            await client.logParam(runId, 'lr', lr);
            await client.logParam(runId, 'lr', lr);
            for (let chunk = 0; chunk < 3; chunk += 1) {
              await client.logBatch(runId, {
                metrics: Array.from({ length: 1000 }, (_, j) => {
                  const step = chunk * 1000 + j;
                  return {
                    key: 'loss',
                    value: step === 0 ? NaN : 1 / (step + 1) + i,
                    timestamp: 1_700_000_000_000 + step,
                    step,
                  };
                }),
              });
            }
            await client.logBatch(runId, {
              metrics: [
                { key: 'acc', value: 0.8 + i / 10, timestamp: 1, step: 0 },
              ],
              tags: [{ key: 'framework', value: 'sklearn' }],
            });
            await client.setTag(runId, 'stage', 'trained');
            await client.logInputs(
              runId,
              'Churn Training Data',
              'https://data.example.com/churn.csv',
              'training',
            );
            await client.updateRun(runId, 'FINISHED', 1_700_000_100_000);
          }
          // The lost answer was retried with the same body: 3,000 points, not 4,000.
          expect(
            client.attempts.filter(
              a => a.endpoint === 'runs/log-batch' && a.status === 503,
            ),
          ).toHaveLength(1);
          const [{ n }] = await knex('metric_points')
            .where({ run_id: runs[0], key: 'loss' })
            .count({ n: '*' });
          expect(Number(n)).toBe(3000);

          await client.createRegisteredModel('client-model', {
            'ml-home.project': 'alpha',
          });
          const version = await client.createModelVersion(
            'client-model',
            `mlflow-artifacts:/${experimentId}/${runs[1]}/artifacts/model`,
            runs[1],
          );
          expect(version.model_version.version).toBe('1');
          await client.setRegisteredModelAlias('client-model', 'champion', '1');
          await client.transitionModelVersionStage(
            'client-model',
            '1',
            'Staging',
          );

          const found = await client.searchRuns(
            [experimentId],
            "metrics.acc > 0.5 AND tags.stage = 'trained' AND attributes.status = 'FINISHED'",
            ['metrics.acc DESC'],
          );
          expect(found.runs.map((r: any) => r.info.run_id)).toEqual([
            runs[1],
            runs[0],
          ]);
          expect(client.attempts.filter(a => a.status === 429)).toHaveLength(1);

          // What the client logged is on ML Home's own routes at once.
          const list = await api()
            .get(`${BASE}/projects/alpha/runs`)
            .query({ experiment: 'client-exp', orderBy: 'metrics.acc DESC' })
            .set('Authorization', alice);
          expect(list.status).toBe(200);
          expect(list.body.items.map((r: any) => r.id)).toEqual([
            runs[1],
            runs[0],
          ]);
          expect(list.body.items[0]).toMatchObject({
            status: 'FINISHED',
            endTime: 1_700_000_100_000,
          });
          const history = await api()
            .get(`${BASE}/runs/${runs[0]}/metric-history`)
            .query({ key: 'loss', maxPoints: 5000 })
            .set('Authorization', alice);
          expect(history.status).toBe(200);
          const model = await api()
            .get(`${BASE}/models/client-model`)
            .set('Authorization', alice);
          expect(model.body.aliases.map((a: any) => a.alias).sort()).toEqual([
            'champion',
            'staging',
          ]);
          const v1 = await api()
            .get(`${BASE}/models/client-model/versions/1`)
            .set('Authorization', alice);
          expect(v1.body.runId).toBe(runs[1]);
          const dataset = await api()
            .get(`${BASE}/projects/alpha/datasets/churn-training-data`)
            .set('Authorization', alice);
          expect(dataset.status).toBe(200);
          expect(dataset.body.uri).toBe('https://data.example.com/churn.csv');
          await expect(
            client.call('runs/get', 'GET', { run_id: '0'.repeat(32) }),
          ).rejects.toMatchObject({
            errorCode: 'RESOURCE_DOES_NOT_EXIST',
          } as Partial<MlflowRestError>);
        } finally {
          await new Promise(r => proxy.close(r));
        }
      });
    });
  });
});
