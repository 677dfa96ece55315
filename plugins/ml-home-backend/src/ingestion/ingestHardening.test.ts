import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { DatabaseProjectsStore } from '../projects/DatabaseProjectsStore';
import { DatabaseModelsStore } from '../models/DatabaseModelsStore';
import { Project } from '../domain/types';
import { mlHomePlugin } from '../plugin';

/*
 * Batch ingestion under large, concurrent and repeated calls, through the whole backend on every
 * database: a large valid body must not freeze the process, a batch of many new experiments must
 * not reach a statement the database refuses, and a requestId is one write whatever the timing.
 */

jest.setTimeout(180_000);

const ALICE = mockCredentials.user.header('user:default/alice');

const hexRunId = (i: number) => i.toString(16).padStart(32, '0');

describe('batch ingestion hardening', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: any;
    const projects = new Map<string, Project>();

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          mlHomePlugin,
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({ data: {} }),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      }));
      // Straight into the store: what is tested here starts after the project exists.
      for (const name of ['hardening', 'elsewhere']) {
        projects.set(
          name,
          await new DatabaseProjectsStore(knex).createProject(
            {
              name,
              title: name,
              description: '',
              owner: 'group:default/team-a',
              lifecycle: 'experimental',
              tags: [],
              links: [],
              relatedEntities: [],
            },
            'user:default/alice',
          ),
        );
      }
    });

    const ingest = (body: object, project = 'hardening') =>
      request(server)
        .post(`/api/ml-home/projects/${project}/ingest`)
        .set('Authorization', ALICE)
        .send(body);

    const count = async (table: string, where: object) =>
      Number((await knex(table).where(where).count({ n: '*' }))[0].n);

    const experimentId = async (name: string) =>
      (
        await knex('experiments')
          .join('projects', 'projects.id', 'experiments.project_id')
          .where({ 'projects.name': 'hardening', 'experiments.name': name })
          .first('experiments.id')
      )?.id;

    /** Sends health checks one after the other until `call` answers; the slowest took this long. */
    const slowestHealthCheckDuring = async <T>(call: PromiseLike<T>) => {
      let done = false;
      const answer = Promise.resolve(call).finally(() => {
        done = true;
      });
      let slowest = 0;
      while (!done) {
        const started = Date.now();
        const health = await request(server)
          .get('/api/ml-home/health')
          .set('Authorization', ALICE);
        expect(health.status).toBe(200);
        slowest = Math.max(slowest, Date.now() - started);
        await new Promise(resolve => setTimeout(resolve, 20));
      }
      return { answer: await answer, slowest };
    };

    /** One run logged in slices of 1,000 params and `points` points of one metric. */
    const slicedRun = (
      runId: string,
      experiment: string,
      slices: number,
      points = 1000,
    ) => ({
      runs: Array.from({ length: slices }, (_, s) => ({
        runId,
        experiment,
        params: Array.from({ length: 1000 }, (__, i) => ({
          key: `p${s * 1000 + i}`,
          value: String(i),
        })),
        metrics: Array.from({ length: points }, (__, i) => ({
          key: 'loss',
          value: i,
          step: s * points + i,
          timestamp: 1,
        })),
      })),
    });

    // Every step over a batch must be linear in its size: a quadratic one on a large body stalls
    // the event loop, and every other request of the backend waits. The bounds are generous: a
    // stalled event loop holds health checks for many seconds.
    it('answers a maximal batch while the backend keeps answering health checks', async () => {
      const RUN = 'c'.repeat(32);
      // 10,000 params on one run (the batch's limit) and 10,000 points of one metric.
      const { answer, slowest } = await slowestHealthCheckDuring(
        ingest(slicedRun(RUN, 'big', 10)),
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        params: 10_000,
        metricPoints: 10_000,
      });
      expect(await count('run_params', { run_id: RUN })).toBe(10_000);
      expect(slowest).toBeLessThan(2000);
    });

    it('refuses more params or tags than a run or a batch may carry, naming the field, without stalling', async () => {
      const keyValues = (n: number, prefix: string) =>
        Array.from({ length: n }, (_, i) => ({
          key: `${prefix}${i}`,
          value: 'v',
        }));

      // 20,000 params on one run, within each slice's limit but over the batch's.
      const { answer: perBatch, slowest } = await slowestHealthCheckDuring(
        ingest(slicedRun('e'.repeat(32), 'oversize', 20, 0)),
      );
      expect(perBatch.status).toBe(400);
      expect(perBatch.body.error.message).toContain('runs[].params');
      expect(perBatch.body.error.message).toContain('10000');
      expect(slowest).toBeLessThan(2000);

      const perRun = await ingest({
        runs: [{ experiment: 'oversize', params: keyValues(1001, 'p') }],
      });
      expect(perRun.status).toBe(400);
      expect(perRun.body.error.message).toContain('runs/0/params');

      const perRunTags = await ingest({
        runs: [{ experiment: 'oversize', tags: keyValues(1001, 't') }],
      });
      expect(perRunTags.status).toBe(400);
      expect(perRunTags.body.error.message).toContain('runs/0/tags');

      // Params and tags count together.
      const mixed = await ingest({
        runs: Array.from({ length: 6 }, () => ({
          experiment: 'oversize',
          params: keyValues(1000, 'p'),
          tags: keyValues(1000, 't'),
        })),
      });
      expect(mixed.status).toBe(400);
      expect(mixed.body.error.message).toContain('runs[].tags');
      expect(await experimentId('oversize')).toBeUndefined();
    });

    it('writes 1,000 runs, each in a new experiment, in one batch', async () => {
      const res = await ingest({
        runs: Array.from({ length: 1000 }, (_, i) => ({
          runId: hexRunId(100_000 + i),
          experiment: `many-${i}`,
          params: [{ key: 'i', value: String(i) }],
          tags: [{ key: 'kind', value: 'many' }],
          metrics: [{ key: 'm', value: i }],
        })),
      });
      expect(res.status).toBe(200);
      expect(res.body.runs).toHaveLength(1000);
      expect(res.body.runs.every((r: any) => r.created)).toBe(true);
      expect(new Set(res.body.runs.map((r: any) => r.experimentId)).size).toBe(
        1000,
      );
      const experiments = await knex('experiments')
        .join('projects', 'projects.id', 'experiments.project_id')
        .where('projects.name', 'hardening')
        .andWhere('experiments.name', 'like', 'many-%')
        .count({ n: '*' });
      expect(Number(experiments[0].n)).toBe(1000);
      expect(await count('run_tags', { key: 'kind', value: 'many' })).toBe(
        1000,
      );
    });

    it('applies concurrent retries of one requestId once and replays the other', async () => {
      for (const [requestId, supplied] of [
        ['race-supplied', true],
        ['race-generated', false],
      ] as const) {
        const experiment = `${requestId}-exp`;
        const body = {
          requestId,
          runs: [
            {
              ...(supplied ? { runId: 'd'.repeat(32) } : {}),
              experiment,
              params: [{ key: 'lr', value: '0.1' }],
              metrics: Array.from({ length: 2000 }, (_, i) => ({
                key: 'loss',
                value: i,
                step: i,
              })),
            },
          ],
        };
        const answers = await Promise.all([ingest(body), ingest(body)]);
        expect(answers.map(a => a.status)).toEqual([200, 200]);
        expect(answers.map(a => a.body.replayed).sort()).toEqual([false, true]);
        // The replay is the first call's answer: the same run.
        expect(answers[0].body.runs).toEqual(answers[1].body.runs);

        const id = await experimentId(experiment);
        const runs = await knex('runs').where('experiment_id', id);
        expect(runs).toHaveLength(1);
        expect(await count('metric_points', { run_id: runs[0].id })).toBe(2000);
        expect(
          await count('events', {
            action: 'runs.ingest',
            entity_id: runs[0].id,
          }),
        ).toBe(1);
      }
    });

    it('refuses a requestId reused with another payload or in another project, writing nothing', async () => {
      const body = {
        requestId: 'reused',
        runs: [
          { experiment: 'reuse-first', metrics: [{ key: 'm', value: 1 }] },
        ],
      };
      const first = await ingest(body);
      expect(first.status).toBe(200);
      const replay = await ingest(body);
      expect(replay.status).toBe(200);
      expect(replay.body.replayed).toBe(true);

      const changed = await ingest({
        requestId: 'reused',
        runs: [
          { experiment: 'reuse-second', metrics: [{ key: 'm', value: 2 }] },
        ],
      });
      expect(changed.status).toBe(409);
      expect(changed.body.error.message).toContain('requestId');
      expect(await experimentId('reuse-second')).toBeUndefined();

      // The model versions, evaluations and deployments are part of the request too.
      await new DatabaseModelsStore(knex).createModel(
        projects.get('hardening')!,
        { name: 'reuse-model', description: '' },
        'user:default/alice',
      );
      const withVersion = await ingest({
        ...body,
        modelVersions: [
          { model: 'reuse-model', runId: first.body.runs[0].runId },
        ],
      });
      expect(withVersion.status).toBe(409);
      expect(withVersion.body.error.message).toContain('requestId');
      expect(
        await count('model_versions', { run_id: first.body.runs[0].runId }),
      ).toBe(0);

      const elsewhere = await ingest(body, 'elsewhere');
      expect(elsewhere.status).toBe(409);
      expect(elsewhere.body.error.message).toContain('requestId');
      expect(
        await knex('experiments')
          .join('projects', 'projects.id', 'experiments.project_id')
          .where('projects.name', 'elsewhere')
          .first(),
      ).toBeUndefined();
    });
  });
});
