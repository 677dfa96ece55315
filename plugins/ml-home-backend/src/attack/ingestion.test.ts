/*
 * Attack: the ingestion route, the one pipelines hammer. A run with 20,000 params, the largest
 * batch the limits allow, hundreds of new experiments at once, the same requestId twice at the
 * same moment or with another payload, a requestId borrowed from another project, and misspelt
 * fields. Each is refused with a 4xx naming the field or processed exactly once, while `/health`
 * keeps answering, and no error body shows SQL, table names, stacks or file paths.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  ALICE,
  BASE,
  BOB,
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

const hex = (prefix: string, i: number) =>
  `${prefix}${i.toString(16).padStart(31, '0')}`;

describe('attack: ingestion', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let api: () => any;
    let fixtures: Fixtures;
    /** Every error body this file received, to be checked for leaks at the end. */
    const errors: { what: string; body: unknown }[] = [];

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const started = await startAttackBackend(knex);
      api = started.api;
      fixtures = await seedFixtures(started.server, knex);
    });

    const ingest = async (
      body: object,
      project = 'alpha',
      who = ALICE,
    ): Promise<{ status: number; body: any }> => {
      const res = await api()
        .post(`${BASE}/projects/${project}/ingest`)
        .set('Authorization', asUser(who))
        .send(body);
      if (res.status >= 400) errors.push({ what: 'ingest', body: res.body });
      return { status: res.status, body: res.body };
    };
    const count = async (table: string, where: object = {}) =>
      Number((await knex(table).where(where).count({ n: '*' }))[0].n);
    const experimentRuns = async (name: string) => {
      const experiment = await knex('experiments').where({ name }).first();
      return experiment ? count('runs', { experiment_id: experiment.id }) : 0;
    };

    it('refuses a run with 20,000 params quickly, naming the field, while /health answers', async () => {
      const measured = await whileHealthAnswers(api, () =>
        ingest({
          runs: [
            {
              experiment: 'too-many-params',
              params: Array.from({ length: 20_000 }, (_, i) => ({
                key: `p${i}`,
                value: `${i}`,
              })),
            },
          ],
        }),
      );
      expect(measured.result.status).toBe(400);
      expect(measured.result.body.error.message).toMatch(
        /runs(\/0\/|\[0\]\.)params/,
      );
      expect(measured.took).toBeLessThan(REQUEST_BOUND_MS);
      expect(measured.healthFailures).toEqual([]);
      expect(measured.slowestHealth).toBeLessThan(HEALTH_BOUND_MS);
      expect(await experimentRuns('too-many-params')).toBe(0);
    });

    it('processes the largest valid batch while /health keeps answering', async () => {
      // 1,000 runs (the most a batch carries), 10,000 metric points (the most a batch carries).
      const runs = Array.from({ length: 1000 }, (_, r) => ({
        runId: hex('f', r),
        experiment: `sweep-${r % 10}`,
        name: `run-${r}`,
        status: 'FINISHED',
        startTime: 1_700_000_000_000 + r,
        params: [
          { key: 'lr', value: `${r / 1000}` },
          { key: 'optimizer', value: r % 2 ? 'adam' : 'sgd' },
        ],
        tags: [
          { key: 'stage', value: 'sweep' },
          { key: 'seed', value: `${r}` },
        ],
        metrics: Array.from({ length: 10 }, (__, s) => ({
          key: s % 2 ? 'loss' : 'auc',
          value: Math.sin(r + s),
          step: s,
          timestamp: 1_700_000_000_000 + s,
        })),
      }));
      const measured = await whileHealthAnswers(api, () => ingest({ runs }));
      expect(measured.result.status).toBe(200);
      expect(measured.result.body).toMatchObject({
        metricPoints: 10_000,
        params: 2000,
        tags: 2000,
      });
      expect(measured.took).toBeLessThan(REQUEST_BOUND_MS);
      expect(measured.healthFailures).toEqual([]);
      expect(measured.slowestHealth).toBeLessThan(HEALTH_BOUND_MS);
      expect(await count('metric_points', { run_id: hex('f', 999) })).toBe(10);
    });

    it('writes 600 new experiments in one batch', async () => {
      const before = await count('experiments');
      const res = await ingest({
        runs: Array.from({ length: 600 }, (_, i) => ({
          experiment: `fresh-${i}`,
          metrics: [{ key: 'm', value: i }],
        })),
      });
      expect(res.status).toBe(200);
      expect(res.body.runs).toHaveLength(600);
      expect(await count('experiments')).toBe(before + 600);
    });

    it('writes a requestId sent twice at the same moment once, and replays it to the other', async () => {
      const batch = {
        requestId: 'attack-race-1',
        // No client run ids: a second write would be a second run.
        runs: [{ experiment: 'race', metrics: [{ key: 'm', value: 1 }] }],
      };
      const answers = await Promise.all([ingest(batch), ingest(batch)]);
      expect(answers.map(a => a.status)).toEqual([200, 200]);
      expect(answers.map(a => a.body.replayed).sort()).toEqual([false, true]);
      expect(answers[0].body.runs[0].runId).toBe(answers[1].body.runs[0].runId);
      expect(await experimentRuns('race')).toBe(1);
    });

    it('refuses a requestId reused with another payload, naming it, and writes nothing', async () => {
      const first = await ingest({
        requestId: 'attack-reuse-1',
        runs: [{ experiment: 'reuse', metrics: [{ key: 'm', value: 1 }] }],
      });
      expect(first.status).toBe(200);
      const other = await ingest({
        requestId: 'attack-reuse-1',
        runs: [
          { experiment: 'reuse-other', metrics: [{ key: 'm', value: 2 }] },
        ],
      });
      expect(other.status).toBe(409);
      expect(other.body.error.message).toContain('requestId');
      expect(await experimentRuns('reuse-other')).toBe(0);
      expect(await experimentRuns('reuse')).toBe(1);
    });

    it("does not replay another project's answer for its requestId", async () => {
      const secretRun = hex('b', 7);
      const bravo = await ingest(
        {
          requestId: 'attack-borrowed-1',
          runs: [{ runId: secretRun, experiment: 'bravo-secret' }],
        },
        'bravo',
        BOB,
      );
      expect(bravo.status).toBe(200);
      const alpha = await ingest({
        requestId: 'attack-borrowed-1',
        runs: [{ runId: secretRun, experiment: 'bravo-secret' }],
      });
      // Refused, or written as alpha's own: never bravo's stored answer.
      expect(alpha.body.replayed).not.toBe(true);
      expect([200, 409]).toContain(alpha.status);
      expect(
        alpha.status === 200 || alpha.body.error.message.includes('requestId'),
      ).toBe(true);
      const run = await api()
        .get(`${BASE}/runs/${secretRun}`)
        .set('Authorization', asUser(ALICE));
      expect(run.body.project).toBe('bravo');
    });

    it('names every misspelt field', async () => {
      const cases: [string, string, object][] = [
        ['metricz', '/projects/alpha/ingest', { runs: [], metricz: [] }],
        [
          'stepp',
          '/projects/alpha/ingest',
          {
            runs: [
              {
                experiment: 'typo',
                metrics: [{ key: 'm', value: 1, stepp: 1 }],
              },
            ],
          },
        ],
        ['titel', '/projects', { name: 'typo', owner: TEAM_A, titel: 'x' }],
        [
          'verison',
          `/models/${fixtures.alpha.model}/deployments`,
          {
            verison: 1,
            version: 1,
            environment: 'e',
            service: fixtures.alpha.service,
          },
        ],
      ];
      const unnamed: string[] = [];
      for (const [field, path, body] of cases) {
        const res = await api()
          .post(`${BASE}${path}`)
          .set('Authorization', asUser(ALICE))
          .send(body);
        errors.push({ what: field, body: res.body });
        if (res.status !== 400 || !res.body.error?.message?.includes(field)) {
          unnamed.push(`${field} → ${res.status} ${res.body.error?.message}`);
        }
      }
      expect(unnamed).toEqual([]);
    });

    it('shows no SQL, table names, stacks or file paths in any error it answered', () => {
      const leaking = errors
        .map(e => ({ what: e.what, leaks: leaksIn(e.body) }))
        .filter(e => e.leaks.length);
      expect(leaking).toEqual([]);
      expect(errors.length).toBeGreaterThan(5);
    });
  });
});
