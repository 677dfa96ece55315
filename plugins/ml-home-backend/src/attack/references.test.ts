/*
 * Attack: writing into your own project, but naming other teams' things in the body — another
 * team's run as the source of your model version, another team's group as your project's owner,
 * a serving component that does not exist. Each is refused with a 403 or 400 that names the field,
 * through its own route and through the ingestion batch, and nothing is written; the same calls
 * with your own things still work.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  ALICE,
  BASE,
  TEAM_A,
  TEAM_B,
  asBearer,
  asStaticToken,
  asUser,
  startAttackBackend,
} from './__testUtils__/attackBackend';
import {
  TOKEN_USE_COLUMNS,
  contentSnapshot,
  snapshotDiff,
} from './__testUtils__/database';
import { Fixtures, seedFixtures, tokenOf } from './__testUtils__/fixtures';
import { leaksIn } from './__testUtils__/leaks';

jest.setTimeout(180_000);

interface Attempt {
  what: string;
  method: 'post' | 'patch' | 'put';
  path: string;
  body: object;
  /** Who sends it; Alice (team A) unless said otherwise. */
  as?: (f: Fixtures) => string;
  /** The statuses that refuse it: 403 for someone else's thing, 400 for a missing one. */
  status: number[];
  /** What the error message must name. */
  field: string;
}

describe('attack: cross-team references', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let api: () => any;
    let fixtures: Fixtures;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const started = await startAttackBackend(knex);
      api = started.api;
      fixtures = await seedFixtures(started.server, knex);
    });

    const bravoRun = () => fixtures.bravo.runId;
    const attempts = (): Attempt[] => [
      {
        what: "a model version claiming another team's run",
        method: 'post',
        path: `/models/${fixtures.alpha.model}/versions`,
        body: { runId: bravoRun() },
        status: [403],
        field: 'runId',
      },
      {
        what: "a batch version claiming another team's run",
        method: 'post',
        path: '/projects/alpha/ingest',
        body: {
          modelVersions: [{ model: fixtures.alpha.model, runId: bravoRun() }],
        },
        status: [403],
        field: 'modelVersions[0].runId',
      },
      {
        what: "a project token's version claiming another project's run",
        method: 'post',
        path: `/models/${fixtures.alpha.model}/versions`,
        body: { runId: bravoRun() },
        as: f => asBearer(tokenOf(f.alpha).secret),
        status: [403],
        field: 'runId',
      },
      {
        what: "a project token's evaluation on another project's dataset",
        method: 'post',
        path: `/models/${fixtures.alpha.model}/versions/1/evaluations`,
        body: {
          name: 'peek',
          dataset: `bravo/${fixtures.bravo.dataset}`,
          results: [{ slice: 'overall', metric: 'auc', value: 1 }],
        },
        as: f => asBearer(tokenOf(f.alpha).secret),
        status: [403],
        field: 'dataset',
      },
      {
        what: "a project created for another team's group",
        method: 'post',
        path: '/projects',
        body: { name: 'planted', owner: TEAM_B },
        status: [403],
        field: 'owner',
      },
      {
        what: 'a project created by the static token',
        method: 'post',
        path: '/projects',
        body: { name: 'planted-by-token', owner: TEAM_A },
        as: () => asStaticToken(),
        status: [403],
        field: 'ml-home.project.create',
      },
      {
        what: "a model given to another team's group",
        method: 'post',
        path: '/projects/alpha/models',
        body: { name: 'planted-model', owner: TEAM_B },
        status: [403],
        field: 'owner',
      },
      {
        what: "a project handed to another team's group",
        method: 'patch',
        path: '/projects/alpha',
        body: { owner: TEAM_B },
        status: [403],
        field: 'owner',
      },
      {
        what: 'a deployment served by a component the catalog does not know',
        method: 'post',
        path: `/models/${fixtures.alpha.model}/deployments`,
        body: {
          version: 1,
          environment: 'shadow',
          service: 'component:default/no-such-service',
        },
        status: [400],
        field: 'service',
      },
      {
        what: 'a batch deployment served by a component the catalog does not know',
        method: 'post',
        path: '/projects/alpha/ingest',
        body: {
          deployments: [
            {
              model: fixtures.alpha.model,
              version: 1,
              environment: 'shadow',
              service: 'component:default/no-such-service',
            },
          ],
        },
        status: [400],
        field: 'deployments[0].service',
      },
      {
        what: 'a deployment served by a group, not a component',
        method: 'post',
        path: `/models/${fixtures.alpha.model}/deployments`,
        body: { version: 1, environment: 'shadow', service: TEAM_B },
        status: [400],
        field: 'service',
      },
    ];

    it('refuses every reference to what the caller may not claim, naming the field, and writes nothing', async () => {
      const before = await contentSnapshot(knex, TOKEN_USE_COLUMNS);
      const wrong: string[] = [];
      for (const attempt of attempts()) {
        let authorization: string;
        try {
          authorization = attempt.as?.(fixtures) ?? asUser(ALICE);
        } catch (error) {
          wrong.push(`${attempt.what}: ${(error as Error).message}`);
          continue;
        }
        const res = await api()
          [attempt.method](`${BASE}${attempt.path}`)
          .set('Authorization', authorization)
          .send(attempt.body);
        const message: string = res.body?.error?.message ?? '';
        if (!attempt.status.includes(res.status)) {
          wrong.push(`${attempt.what} → ${res.status} ${message}`);
        } else if (!message.includes(attempt.field)) {
          wrong.push(
            `${attempt.what}: '${message}' does not name ${attempt.field}`,
          );
        }
        const leaks = leaksIn(res.body);
        if (leaks.length) wrong.push(`${attempt.what} leaks ${leaks}`);
      }
      expect(wrong).toEqual([]);
      expect(
        snapshotDiff(before, await contentSnapshot(knex, TOKEN_USE_COLUMNS)),
      ).toEqual([]);
      // The other team's dataset gained no consumer.
      const dataset = await api()
        .get(`${BASE}/projects/bravo/datasets/${fixtures.bravo.dataset}`)
        .set('Authorization', asUser(ALICE));
      expect(dataset.body.consumers.modelVersions).toEqual([
        { model: fixtures.bravo.model, version: 1 },
      ]);
    });

    it('accepts the same references to the caller’s own things', async () => {
      const as = asUser(ALICE);
      const results = {
        version: await api()
          .post(`${BASE}/models/${fixtures.alpha.model}/versions`)
          .set('Authorization', as)
          .send({ runId: fixtures.alpha.runId }),
        project: await api()
          .post(`${BASE}/projects`)
          .set('Authorization', as)
          .send({ name: 'alpha-two', owner: TEAM_A }),
        model: await api()
          .post(`${BASE}/projects/alpha/models`)
          .set('Authorization', as)
          .send({ name: 'alpha-owned-model', owner: TEAM_A }),
        deployment: await api()
          .post(`${BASE}/models/${fixtures.alpha.model}/deployments`)
          .set('Authorization', as)
          .send({
            version: 1,
            environment: 'canary',
            service: fixtures.alpha.service,
          }),
        // Reading another team's dataset is allowed: an evaluation may consume it.
        evaluation: await api()
          .post(`${BASE}/models/${fixtures.alpha.model}/versions/1/evaluations`)
          .set('Authorization', as)
          .send({
            name: 'cross-check',
            dataset: `bravo/${fixtures.bravo.dataset}`,
            results: [{ slice: 'overall', metric: 'auc', value: 0.7 }],
          }),
      };
      expect(
        Object.fromEntries(
          Object.entries(results).map(([k, r]) => [k, r.status]),
        ),
      ).toEqual({
        version: 201,
        project: 201,
        model: 201,
        deployment: 201,
        evaluation: 201,
      });
    });
  });
});
