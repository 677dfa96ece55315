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
import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  ML_HOME_PERMISSION_RULES,
  ML_HOME_PROJECT_RESOURCE_TYPE,
} from '@ml-home/plugin-ml-home-common';
import request from 'supertest';
import { mlHomePlugin } from '../plugin';

jest.setTimeout(120_000);

/*
 * What a request body names outside the project its route writes: runs, datasets, baselines,
 * owner groups and catalog entities. Each is decided against the caller's rights or the catalog,
 * refused with a 403 or 400 that names the field, and a refused call writes nothing.
 */

const GUEST = 'user:default/guest'; // member of home-ranking only
const CAROL = 'user:default/carol'; // member of churn-prediction
const INTERN = 'user:default/intern'; // home-ranking; may read home-ranking's projects only
const BOT = 'user:default/ci-bot'; // home-ranking; may read churn-prediction's projects only
const HOME = 'group:default/home-ranking';
const CHURN = 'group:default/churn-prediction';
const GROUPS: Record<string, string[]> = {
  [GUEST]: [GUEST, HOME],
  [CAROL]: [CAROL, CHURN],
  [INTERN]: [INTERN, HOME],
  [BOT]: [BOT, HOME],
};
const GUEST_RUN = 'a'.repeat(32);
const CHURN_RUN = 'c'.repeat(32);

function ownedBy(owners: string[]) {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'ml-home',
    resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
    conditions: {
      rule: ML_HOME_PERMISSION_RULES.isProjectOwner,
      resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
      params: { owners },
    },
  } as const;
}

/**
 * The example portal's policy (members write their group's projects), with two restricted
 * readers, and services allowed everything: what a body names is decided even for them.
 */
function decide(permission: Permission, credentials: BackstageCredentials) {
  const principal = credentials.principal as any;
  if (principal.type !== 'user') return { result: AuthorizeResult.ALLOW };
  const user: string = principal.userEntityRef;
  switch (permission.name) {
    case 'ml-home.project.read':
      if (user === INTERN) return ownedBy([HOME]);
      if (user === BOT) return ownedBy([CHURN]);
      return { result: AuthorizeResult.ALLOW };
    case 'ml-home.project.create':
      return { result: AuthorizeResult.ALLOW };
    default:
      return ownedBy(GROUPS[user] ?? [user]);
  }
}

const entity = (kind: string, name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

async function startBackend(knex: any, config: object, published: any[]) {
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, options) =>
      requests.map(r => ({
        result:
          decide(r.permission, options.credentials).result ===
          AuthorizeResult.ALLOW
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })),
    authorizeConditional: async (requests, options) =>
      requests.map(r => decide(r.permission, options.credentials) as any),
  });
  const { server } = await startTestBackend({
    features: [
      mlHomePlugin,
      permissions.factory,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({
        entities: [
          entity('Group', 'home-ranking'),
          entity('Group', 'churn-prediction'),
          entity('Component', 'feed-service'),
          entity('System', 'recsys'),
        ],
      }),
      // Group membership as the sign-in resolver would put it in the user's token.
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: () => ({
          getUserInfo: async (credentials: BackstageCredentials) => {
            const ref = (credentials.principal as any).userEntityRef;
            return {
              userEntityRef: ref,
              ownershipEntityRefs: GROUPS[ref] ?? [ref],
            };
          },
        }),
      }),
      createServiceFactory({
        service: eventsServiceRef,
        deps: {},
        factory: () => ({
          publish: async (event: any) => {
            published.push(event.eventPayload);
          },
          subscribe: async () => {},
        }),
      }),
      mockServices.rootConfig.factory({ data: config }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  return server;
}

describe('references in request bodies', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: any;
    const published: any[] = [];
    const as = (who: string) => ({
      Authorization:
        who === 'service'
          ? mockCredentials.service.header()
          : mockCredentials.user.header(who),
    });
    const post = (path: string, body: object, who = GUEST) =>
      request(server).post(`/api/ml-home${path}`).set(as(who)).send(body);
    const get = (path: string, who = GUEST) =>
      request(server).get(`/api/ml-home${path}`).set(as(who));
    const failure = (res: request.Response) => [
      res.status,
      res.body.error?.message,
    ];
    const results = [{ slice: 'overall', metric: 'auc', value: 0.8 }];

    /** Set-up calls must succeed; a failure names the call and the answer. */
    const setUp = async (path: string, body: object, who = GUEST) => {
      const res = await post(path, body, who);
      if (res.status >= 300) {
        throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    };

    beforeAll(async () => {
      server = await startBackend(
        await databases.init(databaseId),
        {},
        published,
      );
      // The other team: a project, its data, and a run that read it.
      await setUp('/projects', { name: 'churn-home', owner: CHURN }, CAROL);
      for (const [name, kind] of [
        ['churn-features', 'training-set'],
        ['churn-eval', 'evaluation-set'],
      ]) {
        await setUp('/projects/churn-home/datasets', { name, kind }, CAROL);
      }
      await setUp(
        '/projects/churn-home/ingest',
        { runs: [{ runId: CHURN_RUN, experiment: 'train' }] },
        CAROL,
      );
      await setUp(
        `/runs/${CHURN_RUN}/inputs`,
        { datasets: ['churn-features'] },
        CAROL,
      );
      // The guest's team: a project, a model with two versions, a dataset and a run.
      await setUp('/projects', { name: 'guest-home', owner: HOME });
      await setUp('/projects/guest-home/models', { name: 'guest-model' });
      await setUp('/projects/guest-home/datasets', {
        name: 'guest-data',
        kind: 'training-set',
      });
      await setUp('/projects/guest-home/ingest', {
        runs: [{ runId: GUEST_RUN, experiment: 'train' }],
      });
      await setUp('/models/guest-model/versions', { runId: GUEST_RUN });
      await setUp('/models/guest-model/versions', {});
    });

    const churnConsumers = async () =>
      (await get('/projects/churn-home/datasets/churn-features')).body
        .consumers;

    it("refuses a version claiming another team's run, through its route and the batch, and writes nothing", async () => {
      const before = await churnConsumers();
      expect(before.modelVersions).toEqual([]);

      const refused = `run ${CHURN_RUN} belongs to project 'churn-home', which you may not write`;
      expect(
        failure(
          await post('/models/guest-model/versions', { runId: CHURN_RUN }),
        ),
      ).toEqual([403, `runId: ${refused}`]);
      expect(
        (
          await post('/projects/guest-home/ingest', {
            modelVersions: [{ model: 'guest-model', runId: GUEST_RUN }],
          })
        ).status,
      ).toBe(200);
      expect(
        failure(
          await post('/projects/guest-home/ingest', {
            modelVersions: [
              { model: 'guest-model', runId: GUEST_RUN },
              { model: 'guest-model', runId: CHURN_RUN },
            ],
          }),
        ),
      ).toEqual([403, `modelVersions[1].runId: ${refused}`]);
      // Naming the run among the batch's runs does not make it the guest's.
      expect(
        failure(
          await post('/projects/guest-home/ingest', {
            runs: [{ runId: CHURN_RUN, experiment: 'train' }],
            modelVersions: [{ model: 'guest-model', runId: CHURN_RUN }],
          }),
        ),
      ).toEqual([403, `modelVersions[0].runId: ${refused}`]);
      expect(
        failure(
          await post('/models/guest-model/versions', { runId: 'f'.repeat(32) }),
        ),
      ).toEqual([400, `runId: no run with id '${'f'.repeat(32)}'`]);

      expect(await churnConsumers()).toEqual(before);
      expect((await get('/models/guest-model')).body.versionCount).toBe(2);
      expect((await get(`/runs/${CHURN_RUN}`, CAROL)).body).toMatchObject({
        project: 'churn-home',
      });
    });

    it('declares datasets of readable projects as inputs, and refuses the others', async () => {
      const before = await churnConsumers();
      expect(
        failure(
          await post(
            `/runs/${GUEST_RUN}/inputs`,
            { datasets: ['guest-data', 'churn-home/churn-features'] },
            INTERN,
          ),
        ),
      ).toEqual([
        403,
        "datasets[1]: dataset 'churn-home/churn-features' belongs to project 'churn-home', which you may not read",
      ]);
      expect(await churnConsumers()).toEqual(before);
      expect(
        failure(
          await post(`/runs/${GUEST_RUN}/inputs`, {
            datasets: ['no-such-project/x'],
          }),
        ),
      ).toEqual([
        400,
        "datasets[0]: project 'no-such-project' has no dataset named 'x'",
      ]);
      expect(
        failure(
          await post(`/runs/${GUEST_RUN}/inputs`, {
            datasets: ['churn-home/nope'],
          }),
        ),
      ).toEqual([
        400,
        "datasets[0]: project 'churn-home' has no dataset named 'nope'",
      ]);

      // The guest may read the other team's project: its dataset is an input like their own.
      published.length = 0;
      const declared = await post(`/runs/${GUEST_RUN}/inputs`, {
        datasets: ['guest-data', 'churn-home/churn-features'],
      });
      expect(declared.status).toBe(200);
      expect(declared.body).toEqual({
        datasets: ['churn-home/churn-features', 'guest-data'],
      });
      const after = await churnConsumers();
      expect(after.runs.map((r: any) => [r.project, r.runId]).sort()).toEqual([
        ['churn-home', CHURN_RUN],
        ['guest-home', GUEST_RUN],
      ]);
      // The guest's version 1 came from that run: the dataset now feeds it.
      expect(after.modelVersions).toEqual([
        { model: 'guest-model', version: 1 },
      ]);
      expect(published).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            entity: 'dataset',
            project: 'churn-home',
            name: 'churn-features',
          }),
          expect.objectContaining({
            entity: 'dataset',
            project: 'guest-home',
            name: 'guest-data',
          }),
        ]),
      );
      const lineage = await get('/models/guest-model/versions/1/lineage');
      expect(
        lineage.body.nodes
          .filter((n: any) => n.kind === 'dataset')
          .map((n: any) => n.ref)
          .sort(),
      ).toEqual(['churn-home/churn-features', 'guest-home/guest-data']);
    });

    it("requires read on an evaluation's dataset and baseline, through its route and the batch", async () => {
      const evaluation = (extra: object) => ({
        name: 'holdout',
        dataset: 'churn-home/churn-eval',
        results,
        ...extra,
      });
      const refusedDataset =
        "dataset 'churn-home/churn-eval' belongs to project 'churn-home', which you may not read";
      expect(
        failure(
          await post(
            '/models/guest-model/versions/1/evaluations',
            evaluation({}),
            INTERN,
          ),
        ),
      ).toEqual([403, `dataset: ${refusedDataset}`]);
      expect(
        failure(
          await post(
            '/projects/guest-home/ingest',
            {
              evaluations: [
                { model: 'guest-model', version: 1, ...evaluation({}) },
              ],
            },
            INTERN,
          ),
        ),
      ).toEqual([403, `evaluations[0].dataset: ${refusedDataset}`]);
      // The bot may write the guest's project and read the dataset, not the baseline.
      const refusedBaseline =
        "version 1 of model 'guest-model' belongs to project 'guest-home', which you may not read";
      expect(
        failure(
          await post(
            '/models/guest-model/versions/2/evaluations',
            evaluation({ baselineVersion: 1 }),
            BOT,
          ),
        ),
      ).toEqual([403, `baselineVersion: ${refusedBaseline}`]);
      expect(
        failure(
          await post(
            '/projects/guest-home/ingest',
            {
              evaluations: [
                {
                  model: 'guest-model',
                  version: 2,
                  ...evaluation({ baselineVersion: 1 }),
                },
              ],
            },
            BOT,
          ),
        ),
      ).toEqual([403, `evaluations[0].baselineVersion: ${refusedBaseline}`]);
      expect(
        (await get('/evaluations?model=guest-model')).body.totalCount,
      ).toBe(0);

      // Readers of both: the other team's evaluation set is a shared one.
      const recorded = await post(
        '/models/guest-model/versions/1/evaluations',
        evaluation({}),
      );
      expect(recorded.status).toBe(201);
      expect(recorded.body.dataset).toEqual({
        project: 'churn-home',
        name: 'churn-eval',
      });
      expect(
        (
          await post(
            '/models/guest-model/versions/2/evaluations',
            evaluation({ dataset: 'guest-data', baselineVersion: 1 }),
            GUEST,
          )
        ).status,
      ).toBe(201);
    });

    it("gives projects and models only to the caller's own groups", async () => {
      const notMember = `owner: you are not a member of ${CHURN}`;
      expect(
        failure(await post('/projects', { name: 'stolen-home', owner: CHURN })),
      ).toEqual([403, notMember]);
      expect((await get('/projects/stolen-home')).status).toBe(404);
      expect(
        failure(
          await post('/projects/guest-home/models', {
            name: 'stolen-model',
            owner: 'group:churn-prediction',
          }),
        ),
      ).toEqual([403, notMember]);
      expect((await get('/models/stolen-model')).status).toBe(404);
      const patch = (body: object, who = GUEST) =>
        request(server)
          .patch('/api/ml-home/projects/guest-home')
          .set(as(who))
          .send(body);
      expect(failure(await patch({ owner: CHURN, title: 'Ours' }))).toEqual([
        403,
        notMember,
      ]);
      expect((await get('/projects/guest-home')).body).toMatchObject({
        owner: HOME,
        title: 'guest-home',
      });

      // Services own nothing, even when the policy lets them do everything else.
      const noUser = expect.stringMatching(/^owner: .*no user/);
      expect(
        failure(
          await post(
            '/projects',
            { name: 'service-home', owner: HOME },
            'service',
          ),
        ),
      ).toEqual([403, noUser]);
      expect(
        failure(
          await post(
            '/projects/guest-home/models',
            { name: 'service-model', owner: CHURN },
            'service',
          ),
        ),
      ).toEqual([403, noUser]);
      expect(
        (
          await post(
            '/projects/guest-home/models',
            { name: 'service-model' },
            'service',
          )
        ).status,
      ).toBe(201);

      // The guest's own group, and an owner left as it is, are fine.
      expect(
        (
          await post('/projects', {
            name: 'guest-second',
            owner: 'group:home-ranking',
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await post('/projects/guest-home/models', {
            name: 'guest-owned',
            owner: HOME,
          })
        ).status,
      ).toBe(201);
      const renamed = await patch({ owner: 'group:Home-Ranking', title: 'G' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ owner: HOME, title: 'G' });
      expect(
        (await patch({ owner: CHURN, title: 'Carol' }, CAROL)).status,
      ).toBe(403);
    });

    it('requires serving components and related entities to be in the catalog', async () => {
      const missing =
        'component:default/no-such-service is not a component in the software catalog';
      const deployment = {
        version: 1,
        environment: 'production',
        service: 'component:default/no-such-service',
      };
      expect(
        failure(await post('/models/guest-model/deployments', deployment)),
      ).toEqual([400, `service: ${missing}`]);
      expect(
        failure(
          await post('/projects/guest-home/ingest', {
            runs: [{ runId: 'b'.repeat(32), experiment: 'train' }],
            deployments: [{ model: 'guest-model', ...deployment }],
          }),
        ),
      ).toEqual([400, `deployments[0].service: ${missing}`]);
      expect((await get('/models/guest-model/deployments')).body.items).toEqual(
        [],
      );
      expect((await get(`/runs/${'b'.repeat(32)}`)).status).toBe(404);
      expect(
        (
          await post('/models/guest-model/deployments', {
            ...deployment,
            service: 'component:feed-service',
          })
        ).status,
      ).toBe(201);

      expect(
        failure(
          await post('/projects', {
            name: 'related-home',
            owner: HOME,
            relatedEntities: ['system:default/recsys', 'system:nowhere'],
          }),
        ),
      ).toEqual([
        400,
        'relatedEntities[1]: system:default/nowhere is not an entity in the software catalog',
      ]);
      expect((await get('/projects/related-home')).status).toBe(404);
      const related = await post('/projects', {
        name: 'related-home',
        owner: HOME,
        relatedEntities: ['system:recsys', 'component:default/feed-service'],
      });
      expect(related.status).toBe(201);
      expect(related.body.relatedEntities).toEqual([
        'system:default/recsys',
        'component:default/feed-service',
      ]);
      expect(
        failure(
          await request(server)
            .patch('/api/ml-home/projects/related-home')
            .set(as(GUEST))
            .send({ relatedEntities: ['component:default/gone'] }),
        ),
      ).toEqual([
        400,
        'relatedEntities[0]: component:default/gone is not an entity in the software catalog',
      ]);
    });

    it('skips the catalog checks when they are turned off', async () => {
      const unchecked = await startBackend(
        await databases.init(databaseId),
        { mlHome: { checkOwnersInCatalog: false } },
        [],
      );
      const call = (path: string, body: object) =>
        request(unchecked)
          .post(`/api/ml-home${path}`)
          .set(as(GUEST))
          .send(body);
      expect(
        (
          await call('/projects', {
            name: 'free-home',
            owner: HOME,
            relatedEntities: ['system:nowhere'],
          })
        ).status,
      ).toBe(201);
      await call('/projects/free-home/models', { name: 'free-model' });
      await call('/models/free-model/versions', {});
      expect(
        (
          await call('/models/free-model/deployments', {
            version: 1,
            environment: 'production',
            service: 'component:default/no-such-service',
          })
        ).status,
      ).toBe(201);
      // Membership is a right, not a catalog lookup: it still holds.
      expect(
        (await call('/projects', { name: 'not-free', owner: CHURN })).status,
      ).toBe(403);
    });
  });
});
