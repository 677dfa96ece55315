/*
 * Attack: signed in, but reaching for what is not yours. Every write operation of the OpenAPI
 * document is aimed at another team's project by a guest, by the static token (beyond ingestion)
 * and by another project's token; each must be refused with 403 and leave the database as it was.
 * The legitimate calls next to them still succeed: owners change their project, the static token
 * ingests, a project token ingests into its own project and reads it.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  ALICE,
  BASE,
  BOB,
  GUEST,
  asBearer,
  asStaticToken,
  asUser,
  startAttackBackend,
} from './__testUtils__/attackBackend';
import {
  TOKEN_USE_COLUMNS,
  contentSnapshot,
  rowCounts,
  snapshotDiff,
} from './__testUtils__/database';
import {
  Fixtures,
  ProjectFixture,
  createToken,
  seedFixtures,
  tokenOf,
} from './__testUtils__/fixtures';
import { leaksIn } from './__testUtils__/leaks';
import {
  INGESTION_WRITES,
  OWNER_READS,
  OWNER_WRITES,
  Operation,
  READ_ONLY_POSTS,
  isWrite,
  requestFor,
  send,
  specOperations,
} from './__testUtils__/operations';

jest.setTimeout(180_000);

/** Lists that span projects and take no project filter: what they show is checked instead. */
const UNSCOPED_LISTS = new Set([
  'listProjects',
  'listOrphanedModels',
  'getCertificationOverview',
]);

/** Lists across projects, filtered by a `project` query parameter. */
const isFilteredList = (op: Operation) =>
  op.method === 'get' &&
  !op.path.includes('{') &&
  (op.definition.parameters ?? []).some(
    (p: any) => p.$ref === '#/components/parameters/projectFilter',
  );

/** A list of another project's things may be refused, or answered with nothing in it. */
const refusedOrEmpty = (res: { status: number; body: any }) =>
  res.status === 403 ||
  (res.status === 200 &&
    (res.body?.items?.length ?? 0) === 0 &&
    !(res.body?.totalCount > 0));

describe('attack: authorisation', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: any;
    let api: () => any;
    let fixtures: Fixtures;
    const operations = specOperations();
    const byId = (id: string) => operations.find(o => o.operationId === id)!;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      ({ server, api } = await startAttackBackend(knex));
      fixtures = await seedFixtures(server, knex);
    });

    /**
     * Sends each operation aimed at `target` with `authorization`; returns what was not refused,
     * leaked internals or changed a table — each request's row counts, and at the end every row.
     */
    async function refusals(
      ops: Operation[],
      target: ProjectFixture,
      authorization: string,
      acceptable: (op: Operation, res: any) => boolean = (_op, res) =>
        res.status === 403,
    ) {
      const before = await contentSnapshot(knex, TOKEN_USE_COLUMNS);
      const wrong: string[] = [];
      for (const op of ops) {
        const built = requestFor(op, target);
        const counts = await rowCounts(knex);
        const res = await send(api, built, authorization);
        if (!acceptable(op, res)) {
          wrong.push(
            `${built.label} → ${res.status} ${res.body?.error?.message ?? ''}`,
          );
        }
        const leaks = leaksIn(res.body);
        if (leaks.length) wrong.push(`${built.label} leaks ${leaks}`);
        const after = await rowCounts(knex);
        const changed = Object.keys(after).filter(t => after[t] !== counts[t]);
        if (changed.length) {
          wrong.push(`${built.label} wrote to ${changed.join(', ')}`);
        }
      }
      return [
        ...wrong,
        ...snapshotDiff(
          before,
          await contentSnapshot(knex, TOKEN_USE_COLUMNS),
        ).map(change => `the database changed: ${change}`),
      ];
    }

    it('knows what every operation of the document is for', () => {
      // A new write must be classified here before the matrix below can attack it rightly.
      const unclassified = operations
        .filter(op => op.method !== 'get')
        .filter(
          op =>
            [READ_ONLY_POSTS, INGESTION_WRITES, OWNER_WRITES].filter(set =>
              set.has(op.operationId),
            ).length !== 1,
        )
        .map(op => op.operationId);
      expect(unclassified).toEqual([]);
    });

    it("refuses a guest every write on another team's project, and its tokens", async () => {
      expect(
        await refusals(
          operations.filter(
            op => isWrite(op) || OWNER_READS.has(op.operationId),
          ),
          fixtures.bravo,
          asUser(GUEST),
        ),
      ).toEqual([]);
    });

    it('refuses one team every write on the other team’s project', async () => {
      expect(
        await refusals(
          operations.filter(
            op => isWrite(op) || OWNER_READS.has(op.operationId),
          ),
          fixtures.alpha,
          asUser(BOB),
        ),
      ).toEqual([]);
    });

    it('refuses the static token everything beyond reading and ingesting, in any project', async () => {
      const ops = operations.filter(
        op =>
          OWNER_WRITES.has(op.operationId) || OWNER_READS.has(op.operationId),
      );
      expect(await refusals(ops, fixtures.alpha, asStaticToken())).toEqual([]);
      expect(await refusals(ops, fixtures.bravo, asStaticToken())).toEqual([]);
    });

    it('refuses a project token every operation on another project, reads included', async () => {
      const secret = tokenOf(fixtures.alpha).secret;
      expect(
        await refusals(
          operations.filter(
            op =>
              op.operationId !== 'getHealth' &&
              !UNSCOPED_LISTS.has(op.operationId),
          ),
          fixtures.bravo,
          asBearer(secret),
          (op, res) =>
            isFilteredList(op) ? refusedOrEmpty(res) : res.status === 403,
        ),
      ).toEqual([]);
    });

    it('refuses a project token the owners’ operations on its own project', async () => {
      const secret = tokenOf(fixtures.alpha).secret;
      expect(
        await refusals(
          operations.filter(
            op =>
              OWNER_WRITES.has(op.operationId) ||
              OWNER_READS.has(op.operationId),
          ),
          fixtures.alpha,
          asBearer(secret),
        ),
      ).toEqual([]);
    });

    it('shows a project token nothing of other projects in lists that span projects', async () => {
      const secret = tokenOf(fixtures.alpha).secret;
      const wrong: string[] = [];
      const lists: [string, (item: any) => string][] = [
        ['/projects?limit=1000', p => p.name],
        ['/projects?deleted=true', p => p.name],
        ['/orphaned-models', m => m.project],
        ['/models?limit=1000', m => m.project],
        ['/datasets?limit=1000', d => d.project],
        ['/deployments?limit=1000', d => d.project],
        ['/evaluations?limit=1000', e => e.project],
        ['/tagged?tag=seed', t => t.project],
        ['/tag-counts', () => ''],
        ['/certification?limit=100', m => m.project],
      ];
      for (const [path, projectOf] of lists) {
        const res = await api()
          .get(`${BASE}${path}`)
          .set('Authorization', asBearer(secret));
        if (res.status === 403) continue;
        if (res.status !== 200) {
          wrong.push(`GET ${path} → ${res.status}`);
          continue;
        }
        if (path.startsWith('/certification')) {
          // The overview's summaries (levels, teams, failing checks, expiring attestations) count
          // other projects' models unless they are empty for a project token.
          const { levels, byOwner, failingChecks, expiring } = res.body;
          const counted = [...levels, ...failingChecks].reduce(
            (n: number, i: any) => n + (i.count ?? 0),
            0,
          );
          const alphaModels = res.body.items.length;
          if (
            counted > 2 * alphaModels ||
            byOwner.length > 1 ||
            expiring.some((e: any) => e.project !== 'alpha')
          ) {
            wrong.push(`GET ${path} summarises other projects`);
          }
        }
        if (path === '/tag-counts') {
          // Counts over every project would tell how other projects are tagged.
          const total = res.body.items.reduce(
            (n: number, i: any) => n + i.count,
            0,
          );
          if (total > 2) wrong.push(`GET ${path} counts other projects' tags`);
          continue;
        }
        const foreign = res.body.items
          .map(projectOf)
          .filter((p: string) => p !== 'alpha');
        if (foreign.length)
          wrong.push(`GET ${path} shows ${foreign.join(', ')}`);
        if ((res.body.totalCount ?? 0) > res.body.items.length) {
          wrong.push(`GET ${path} counts ${res.body.totalCount} items`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('lets owners change their own project', async () => {
      const statuses: Record<string, number> = {};
      for (const [who, p] of [
        [ALICE, fixtures.alpha],
        [BOB, fixtures.bravo],
      ] as const) {
        const as = asUser(who);
        statuses[`${p.name} update`] = (
          await api()
            .patch(`${BASE}/projects/${p.name}`)
            .set('Authorization', as)
            .send({ title: `Owned by ${who}` })
        ).status;
        statuses[`${p.name} model`] = (
          await api()
            .post(`${BASE}/projects/${p.name}/models`)
            .set('Authorization', as)
            .send({ name: `${p.name}-second-model` })
        ).status;
        statuses[`${p.name} alias`] = (
          await api()
            .put(`${BASE}/models/${p.model}/aliases/production`)
            .set('Authorization', as)
            .send({ version: 1 })
        ).status;
        statuses[`${p.name} tokens`] = (
          await api()
            .get(`${BASE}/projects/${p.name}/tokens`)
            .set('Authorization', as)
        ).status;
      }
      expect(statuses).toEqual({
        'alpha update': 200,
        'alpha model': 201,
        'alpha alias': 200,
        'alpha tokens': 200,
        'bravo update': 200,
        'bravo model': 201,
        'bravo alias': 200,
        'bravo tokens': 200,
      });
    });

    /**
     * Every ingestion write, as a pipeline would send them: a run, its inputs, a version from it,
     * an evaluation, a deployment with monitoring that is then retired.
     */
    async function ingestEverything(
      target: ProjectFixture,
      authorization: string,
      runId: string,
    ) {
      const statuses: Record<string, number> = {};
      const ingest = await send(
        api,
        requestFor(byId('ingestBatch'), target, {
          body: {
            runs: [
              {
                runId,
                experiment: 'pipeline',
                metrics: [{ key: 'loss', value: 0.5 }],
              },
            ],
          },
        }),
        authorization,
      );
      statuses.ingestBatch = ingest.status;
      const mine = { ...target, runId };
      const deployment = await send(
        api,
        requestFor(byId('createDeployment'), mine),
        authorization,
      );
      statuses.createDeployment = deployment.status;
      const withDeployment = { ...mine, deploymentId: deployment.body?.id };
      const order = [
        'createExperiment',
        'addRunInputs',
        'createModelVersion',
        'createEvaluation',
        'logMonitoring',
        'retireDeployment',
      ];
      const rest = [...INGESTION_WRITES].filter(
        id => !order.includes(id) && !(id in statuses),
      );
      for (const id of [...order, ...rest]) {
        const res = await send(
          api,
          requestFor(byId(id), withDeployment),
          authorization,
        );
        statuses[id] = res.status;
      }
      const run = await api()
        .get(`${BASE}/runs/${runId}`)
        .set('Authorization', asUser(GUEST));
      return {
        outcomes: Object.fromEntries(
          Object.entries(statuses).map(([id, status]) => [
            id,
            status >= 200 && status < 300 ? 'ok' : status,
          ]),
        ),
        run: run.body,
      };
    }

    const allOk = () =>
      Object.fromEntries([...INGESTION_WRITES].map(id => [id, 'ok']));

    it('lets the static token ingest into any project', async () => {
      for (const [target, runId] of [
        [fixtures.alpha, '5a'.repeat(16)],
        [fixtures.bravo, '5b'.repeat(16)],
      ] as const) {
        const { outcomes, run } = await ingestEverything(
          target,
          asStaticToken(),
          runId,
        );
        expect(outcomes).toEqual(allOk());
        expect(run).toMatchObject({
          project: target.name,
          experiment: 'pipeline',
        });
      }
    });

    it('lets a project token ingest into its own project and read it, until it is revoked', async () => {
      const secret = tokenOf(fixtures.alpha).secret;
      const { outcomes, run } = await ingestEverything(
        fixtures.alpha,
        asBearer(secret),
        '7a'.repeat(16),
      );
      expect(outcomes).toEqual(allOk());
      expect(run).toMatchObject({ project: 'alpha', experiment: 'pipeline' });
      const reads = await Promise.all(
        [
          '/projects/alpha',
          '/projects/alpha/runs',
          `/runs/${fixtures.alpha.runId}`,
          `/models/${fixtures.alpha.model}/versions`,
          `/evaluations?project=alpha`,
        ].map(path =>
          api().get(`${BASE}${path}`).set('Authorization', asBearer(secret)),
        ),
      );
      expect(reads.map(r => r.status)).toEqual([200, 200, 200, 200, 200]);

      const fresh = await createToken(server, 'alpha', ALICE, 'short-lived');
      if (typeof fresh === 'string') throw new Error(fresh);
      const batch = { runs: [{ experiment: 'revocation' }] };
      const before = await api()
        .post(`${BASE}/projects/alpha/ingest`)
        .set('Authorization', asBearer(fresh.secret))
        .send(batch);
      expect(before.status).toBe(200);
      const revoked = await api()
        .delete(`${BASE}/projects/alpha/tokens/${fresh.id}`)
        .set('Authorization', asUser(ALICE));
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).toBeDefined();
      const after = await api()
        .post(`${BASE}/projects/alpha/ingest`)
        .set('Authorization', asBearer(fresh.secret))
        .send(batch);
      expect(after.status).toBe(401);
    });
  });
});
