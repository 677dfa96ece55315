import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  ML_HOME_PERMISSION_RULES,
  ML_HOME_PROJECT_RESOURCE_TYPE,
} from '@ml-home/plugin-ml-home-common';
import request from 'supertest';
import { Knex } from 'knex';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mlHomePlugin } from '../plugin';

jest.setTimeout(120_000);

// Alice's token still names ghost-team, which has left the catalog.
const ALICE = 'user:default/alice'; // member of team-a
const BOB = 'user:default/bob'; // member of team-b
const EVE = 'user:default/eve'; // may read team-a's projects only
const GROUPS: Record<string, string[]> = {
  [ALICE]: [ALICE, 'group:default/team-a', 'group:default/ghost-team'],
  [BOB]: [BOB, 'group:default/team-b'],
  [EVE]: [EVE],
};

function ownerCondition(owners: string[]) {
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

/** The example portal's policy, with group membership from a table instead of the catalog. */
function decide(
  permission: Permission,
  credentials: BackstageCredentials,
): any {
  const principal = credentials.principal as any;
  const user: string | undefined =
    principal.type === 'user' ? principal.userEntityRef : undefined;
  switch (permission.name) {
    case 'ml-home.project.read':
      return user === EVE
        ? ownerCondition(['group:default/team-a'])
        : { result: AuthorizeResult.ALLOW };
    case 'ml-home.project.create':
      return { result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    case 'ml-home.run.write':
      if (!user) return { result: AuthorizeResult.ALLOW };
      return ownerCondition(GROUPS[user] ?? [user]);
    default:
      return user
        ? ownerCondition(GROUPS[user] ?? [user])
        : { result: AuthorizeResult.DENY };
  }
}

const user = (ref: string) => mockCredentials.user.header(ref);

describe('ML Home API', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: any;
    const published: any[] = [];

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const permissions = mockServices.permissions.mock({
        authorize: async (requests, options) =>
          requests.map(r => {
            const d = decide(r.permission, options.credentials);
            return {
              result:
                d.result === AuthorizeResult.ALLOW
                  ? AuthorizeResult.ALLOW
                  : AuthorizeResult.DENY,
            };
          }),
        authorizeConditional: async (requests, options) =>
          requests.map(r => decide(r.permission, options.credentials)),
      });
      ({ server } = await startTestBackend({
        features: [
          mlHomePlugin,
          permissions.factory,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({
            entities: [
              ...['team-a', 'team-b'].map(name => ({
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Group',
                metadata: { name, namespace: 'default' },
                spec: { type: 'team', children: [] },
              })),
              ...['feed-service', 'other-service', 'batch-service'].map(
                name => ({
                  apiVersion: 'backstage.io/v1alpha1',
                  kind: 'Component',
                  metadata: { name, namespace: 'default' },
                  spec: {},
                }),
              ),
            ],
          }),
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
                published.push(event);
              },
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

    const api = () => request(server);
    const createProject = (
      name: string,
      owner: string,
      by = ALICE,
      extra: object = {},
    ) =>
      api()
        .post('/api/ml-home/projects')
        .set('Authorization', user(by))
        .send({
          name,
          owner,
          title: `Project ${name}`,
          tags: ['ranking'],
          ...extra,
        });

    it('requires an identity', async () => {
      const res = await api().get('/api/ml-home/projects');
      expect(res.status).toBe(401);
    });

    it('creates, reads, updates, soft-deletes and restores a project', async () => {
      const created = await createProject(
        'feed-ranking',
        'group:team-a',
        ALICE,
        {
          description: '# Feed\nRanks the home feed.',
          lifecycle: 'production',
          links: [{ title: 'Runbook', url: 'https://example.com/runbook' }],
        },
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'feed-ranking',
        owner: 'group:default/team-a',
        lifecycle: 'production',
        tags: ['ranking'],
        createdBy: ALICE,
      });

      const again = await createProject('feed-ranking', 'group:default/team-a');
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain('feed-ranking');

      const byBob = await api()
        .patch('/api/ml-home/projects/feed-ranking')
        .set('Authorization', user(BOB))
        .send({ title: 'Hijacked' });
      expect(byBob.status).toBe(403);

      const updated = await api()
        .patch('/api/ml-home/projects/feed-ranking')
        .set('Authorization', user(ALICE))
        .send({ title: 'Home feed ranking', tags: ['ranking', 'recsys'] });
      expect(updated.status).toBe(200);
      expect(updated.body.title).toBe('Home feed ranking');
      expect(updated.body.tags).toEqual(['ranking', 'recsys']);

      expect(
        (
          await api()
            .delete('/api/ml-home/projects/feed-ranking')
            .set('Authorization', user(BOB))
        ).status,
      ).toBe(403);
      expect(
        (
          await api()
            .delete('/api/ml-home/projects/feed-ranking')
            .set('Authorization', user(ALICE))
        ).status,
      ).toBe(204);
      expect(
        (
          await api()
            .get('/api/ml-home/projects/feed-ranking')
            .set('Authorization', user(BOB))
        ).status,
      ).toBe(404);
      const deleted = await api()
        .get('/api/ml-home/projects?deleted=true')
        .set('Authorization', user(BOB));
      expect(deleted.body.items.map((p: any) => p.name)).toContain(
        'feed-ranking',
      );

      const restored = await api()
        .post('/api/ml-home/projects/feed-ranking/restore')
        .set('Authorization', user(ALICE));
      expect(restored.status).toBe(200);
      expect(restored.body.deletedAt).toBeUndefined();

      const events = await api()
        .get('/api/ml-home/projects/feed-ranking/events')
        .set('Authorization', user(BOB));
      expect(events.body.items.map((e: any) => e.action)).toEqual([
        'project.restore',
        'project.delete',
        'project.update',
        'project.create',
      ]);
      expect(events.body.items[0].actor).toBe(ALICE);
    });

    it('rejects invalid input with a 400 that names the field', async () => {
      const cases: [object, string][] = [
        [{ name: 'Bad Name', owner: 'group:default/team-a' }, 'name'],
        [{ name: 'ok-name', owner: 'user:default/alice' }, 'owner'],
        [
          {
            name: 'ok-name',
            owner: 'group:default/team-a',
            title: 'x'.repeat(201),
          },
          'title',
        ],
        [
          {
            name: 'ok-name',
            owner: 'group:default/team-a',
            description: 'é'.repeat(40000),
          },
          'description',
        ],
        [
          {
            name: 'ok-name',
            owner: 'group:default/team-a',
            links: [{ url: 'ftp://x' }],
          },
          'links[0].url',
        ],
        [
          { name: 'ok-name', owner: 'group:default/team-a', surprise: true },
          'request/body',
        ],
      ];
      for (const [body, field] of cases) {
        const res = await api()
          .post('/api/ml-home/projects')
          .set('Authorization', user(ALICE))
          .send(body);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(res.body.error.message).toContain(field);
      }
      const unknown = await api()
        .get('/api/ml-home/projects/nope')
        .set('Authorization', user(ALICE));
      expect(unknown.status).toBe(404);
    });

    it('lists projects with search, facets and keyset pages, within what the reader may see', async () => {
      for (let i = 0; i < 7; i++) {
        const owner = i % 2 ? 'group:default/team-b' : 'group:default/team-a';
        const res = await createProject(
          `list-${i}`,
          owner,
          i % 2 ? BOB : ALICE,
          {
            tags: i < 3 ? ['churn'] : ['ads'],
            lifecycle: i < 2 ? 'deprecated' : 'production',
            description:
              i === 4 ? 'Predicts subscription churn for families' : '',
          },
        );
        expect(res.status).toBe(201);
      }
      const names: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await api()
          .get('/api/ml-home/projects')
          .query({ q: 'list', limit: 3, ...(cursor ? { cursor } : {}) })
          .set('Authorization', user(BOB));
        expect(res.status).toBe(200);
        expect(res.body.totalCount).toBe(7);
        names.push(...res.body.items.map((p: any) => p.name));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(names).toEqual([
        'list-0',
        'list-1',
        'list-2',
        'list-3',
        'list-4',
        'list-5',
        'list-6',
      ]);

      const search = await api()
        .get('/api/ml-home/projects')
        .query({ q: 'SUBSCRIPTION churn' })
        .set('Authorization', user(BOB));
      expect(search.body.items.map((p: any) => p.name)).toEqual(['list-4']);

      const filtered = await api()
        .get('/api/ml-home/projects?q=list&tag=churn&lifecycle=production')
        .set('Authorization', user(BOB));
      expect(filtered.body.items.map((p: any) => p.name)).toEqual(['list-2']);
      // A facet counts with the other filters applied but not its own.
      expect(filtered.body.facets.lifecycle).toEqual([
        { value: 'deprecated', count: 2 },
        { value: 'production', count: 1 },
      ]);

      const eve = await api()
        .get('/api/ml-home/projects?q=list')
        .set('Authorization', user(EVE));
      expect(eve.body.totalCount).toBe(4);
      expect(eve.body.facets.owner).toEqual([
        { value: 'group:default/team-a', count: 4 },
      ]);
      expect(
        (
          await api()
            .get('/api/ml-home/projects/list-1')
            .set('Authorization', user(EVE))
        ).status,
      ).toBe(403);

      const badCursor = await api()
        .get('/api/ml-home/projects?cursor=bm9wZQ')
        .set('Authorization', user(BOB));
      expect(badCursor.status).toBe(400);
      expect(badCursor.body.error.message).toContain('cursor');
    });

    describe('models, versions and aliases', () => {
      beforeAll(async () => {
        await createProject('model-home', 'group:default/team-a');
        await api()
          .post('/api/ml-home/projects/model-home/ingest')
          .set('Authorization', user(ALICE))
          .send({
            runs: [
              {
                runId: 'e'.repeat(32),
                experiment: 'train',
                metrics: [{ key: 'auc', value: 0.9 }],
              },
            ],
          });
      });

      it('registers models with unique names and numbered versions', async () => {
        const created = await api()
          .post('/api/ml-home/projects/model-home/models')
          .set('Authorization', user(ALICE))
          .send({ name: 'feed-ranker', description: 'Ranks the feed' });
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
          name: 'feed-ranker',
          project: 'model-home',
          owner: 'group:default/team-a',
          ownerIsProjectOwner: true,
          versionCount: 0,
          aliases: [],
        });

        const clash = await api()
          .post('/api/ml-home/projects/model-home/models')
          .set('Authorization', user(ALICE))
          .send({ name: 'feed-ranker' });
        expect(clash.status).toBe(409);
        const byBob = await api()
          .post('/api/ml-home/projects/model-home/models')
          .set('Authorization', user(BOB))
          .send({ name: 'bobs-model' });
        expect(byBob.status).toBe(403);

        const v1 = await api()
          .post('/api/ml-home/models/feed-ranker/versions')
          .set('Authorization', user(ALICE))
          .send({
            runId: 'e'.repeat(32),
            artifactUri: 's3://models/feed/1',
            framework: 'pytorch',
            modelCard: { intendedUse: 'Home feed' },
          });
        expect(v1.status).toBe(201);
        expect(v1.body).toMatchObject({
          version: 1,
          runId: 'e'.repeat(32),
          modelCard: { intendedUse: 'Home feed' },
        });
        const v2 = await api()
          .post('/api/ml-home/models/feed-ranker/versions')
          .set('Authorization', mockCredentials.service.header())
          .send({ artifactUri: 's3://models/feed/2' });
        expect(v2.body.version).toBe(2);
        const badRun = await api()
          .post('/api/ml-home/models/feed-ranker/versions')
          .set('Authorization', user(ALICE))
          .send({ runId: 'f'.repeat(32) });
        expect(badRun.status).toBe(400);
        expect(badRun.body.error.message).toContain('runId');
        await api()
          .post('/api/ml-home/models/feed-ranker/versions')
          .set('Authorization', user(ALICE))
          .send({});

        const page1 = await api()
          .get('/api/ml-home/models/feed-ranker/versions?limit=2')
          .set('Authorization', user(BOB));
        expect(page1.body.items.map((v: any) => v.version)).toEqual([3, 2]);
        const page2 = await api()
          .get(
            `/api/ml-home/models/feed-ranker/versions?limit=2&cursor=${page1.body.nextCursor}`,
          )
          .set('Authorization', user(BOB));
        expect(page2.body.items.map((v: any) => v.version)).toEqual([1]);
        expect(page2.body.nextCursor).toBeUndefined();
      });

      it('moves aliases atomically and keeps their history', async () => {
        const set = (alias: string, version: number, by = user(ALICE)) =>
          api()
            .put(`/api/ml-home/models/feed-ranker/aliases/${alias}`)
            .set('Authorization', by)
            .send({ version });
        expect((await set('champion', 1)).status).toBe(200);
        expect((await set('production', 1)).status).toBe(200);
        const moved = await set('champion', 3);
        expect(moved.body).toMatchObject({
          alias: 'champion',
          version: 3,
          updatedBy: ALICE,
        });

        expect((await set('champion', 2, user(BOB))).status).toBe(403);
        expect((await set('latest', 2)).status).toBe(400);
        const reserved = await set('v2', 2);
        expect(reserved.status).toBe(400);
        expect(reserved.body.error.message).toContain("alias 'v2'");
        expect((await set('champion', 99)).status).toBe(404);

        const model = await api()
          .get('/api/ml-home/models/feed-ranker')
          .set('Authorization', user(BOB));
        expect(model.body).toMatchObject({
          latestVersion: 3,
          versionCount: 3,
          aliases: [
            { alias: 'champion', version: 3 },
            { alias: 'production', version: 1 },
          ],
        });
        const v3 = await api()
          .get('/api/ml-home/models/feed-ranker/versions/3')
          .set('Authorization', user(BOB));
        expect(v3.body.aliases).toEqual(['champion']);
        const v1 = await api()
          .get('/api/ml-home/models/feed-ranker/versions/1')
          .set('Authorization', user(BOB));
        expect(v1.body.aliases).toEqual(['production']);

        expect(
          (
            await api()
              .delete('/api/ml-home/models/feed-ranker/aliases/production')
              .set('Authorization', user(ALICE))
          ).status,
        ).toBe(204);
        expect(
          (
            await api()
              .delete('/api/ml-home/models/feed-ranker/aliases/production')
              .set('Authorization', user(ALICE))
          ).status,
        ).toBe(404);

        const history = await api()
          .get('/api/ml-home/models/feed-ranker/alias-history')
          .set('Authorization', user(BOB));
        expect(
          history.body.items.map((h: any) => [
            h.alias,
            h.fromVersion ?? null,
            h.toVersion ?? null,
          ]),
        ).toEqual([
          ['production', 1, null],
          ['champion', 1, 3],
          ['production', null, 1],
          ['champion', null, 1],
        ]);
        const unknown = await api()
          .get('/api/ml-home/models/no-such-model')
          .set('Authorization', user(BOB));
        expect(unknown.status).toBe(404);
      });
      it('registers datasets with their features and lists what consumes them', async () => {
        const created = await api()
          .post('/api/ml-home/projects/model-home/datasets')
          .set('Authorization', user(ALICE))
          .send({
            name: 'listening-events',
            kind: 'training-set',
            uri: 's3://data/listening-events/2026-11',
            features: [
              {
                name: 'user_age_bucket',
                type: 'category',
                description: 'Age band',
              },
              { name: 'plays_7d', type: 'int' },
            ],
          });
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
          name: 'listening-events',
          kind: 'training-set',
        });
        expect(created.body.features).toHaveLength(2);

        const twice = await api()
          .post('/api/ml-home/projects/model-home/datasets')
          .set('Authorization', user(ALICE))
          .send({
            name: 'dupe-features',
            kind: 'feature-set',
            features: [
              { name: 'a', type: 'x' },
              { name: 'a', type: 'y' },
            ],
          });
        expect(twice.status).toBe(400);
        expect(twice.body.error.message).toContain('features[1].name');
        const badKind = await api()
          .post('/api/ml-home/projects/model-home/datasets')
          .set('Authorization', user(ALICE))
          .send({ name: 'x', kind: 'mystery' });
        expect(badKind.status).toBe(400);
        expect(badKind.body.error.message).toContain('kind');
        const byBob = await api()
          .post('/api/ml-home/projects/model-home/datasets')
          .set('Authorization', user(BOB))
          .send({ name: 'bobs-data', kind: 'training-set' });
        expect(byBob.status).toBe(403);

        const inputs = await api()
          .post(`/api/ml-home/runs/${'e'.repeat(32)}/inputs`)
          .set('Authorization', user(ALICE))
          .send({ datasets: ['listening-events', 'listening-events'] });
        expect(inputs.status).toBe(200);
        expect(inputs.body).toEqual({ datasets: ['listening-events'] });
        const unknown = await api()
          .post(`/api/ml-home/runs/${'e'.repeat(32)}/inputs`)
          .set('Authorization', user(ALICE))
          .send({ datasets: ['nope'] });
        expect(unknown.status).toBe(400);
        expect(unknown.body.error.message).toContain("'nope'");

        const dataset = await api()
          .get('/api/ml-home/projects/model-home/datasets/listening-events')
          .set('Authorization', user(BOB));
        expect(dataset.body.consumers).toEqual({
          runCount: 1,
          runs: [{ runId: 'e'.repeat(32), name: '', project: 'model-home' }],
          modelVersions: [{ model: 'feed-ranker', version: 1 }],
        });
        const list = await api()
          .get('/api/ml-home/projects/model-home/datasets?kind=training-set')
          .set('Authorization', user(BOB));
        expect(list.body.items.map((d: any) => d.name)).toEqual([
          'listening-events',
        ]);
        expect(list.body.totalCount).toBe(1);
      });
      it('records deployments, their monitoring and the lineage of a version', async () => {
        const deploy = (
          version: number,
          by = user(ALICE),
          extra: object = {},
        ) =>
          api()
            .post('/api/ml-home/models/feed-ranker/deployments')
            .set('Authorization', by)
            .send({
              version,
              environment: 'production',
              service: 'component:default/feed-service',
              ...extra,
            });
        const first = await deploy(1, user(ALICE), {
          endpoint: 'https://feed.internal/v1',
        });
        expect(first.status).toBe(201);
        expect(first.body).toMatchObject({
          version: 1,
          status: 'active',
          service: 'component:default/feed-service',
        });
        const second = await deploy(3, mockCredentials.service.header());
        expect(second.status).toBe(201);
        expect((await deploy(2, user(BOB))).status).toBe(403);
        const badService = await deploy(2, user(ALICE), {
          service: 'group:default/team-a',
        });
        expect(badService.status).toBe(400);
        expect(badService.body.error.message).toContain('service');
        expect((await deploy(99)).status).toBe(404);

        const list = await api()
          .get('/api/ml-home/models/feed-ranker/deployments')
          .set('Authorization', user(BOB));
        expect(list.body.items.map((d: any) => [d.version, d.status])).toEqual([
          [3, 'active'],
          [1, 'retired'],
        ]);

        const points = Array.from({ length: 3000 }, (_, i) => ({
          metric: 'latency_p99_ms',
          value: i === 2000 ? 900 : 40 + (i % 7),
          timestamp: 1_000_000 + i * 60_000,
        }));
        const logged = await api()
          .post(`/api/ml-home/deployments/${second.body.id}/monitoring`)
          .set('Authorization', mockCredentials.service.header())
          .send({ points });
        expect(logged.body).toEqual({ points: 3000 });
        await api()
          .post(`/api/ml-home/deployments/${second.body.id}/monitoring`)
          .set('Authorization', mockCredentials.service.header())
          .send({ points: points.slice(0, 10) });
        const series = await api()
          .get(
            `/api/ml-home/deployments/${second.body.id}/monitoring?metric=latency_p99_ms&maxPoints=100`,
          )
          .set('Authorization', user(BOB));
        expect(series.body).toMatchObject({
          totalPoints: 3000,
          downsampled: true,
        });
        expect(series.body.points.length).toBeLessThanOrEqual(100);
        expect(series.body.points.some((p: any) => p.value === 900)).toBe(true);

        const lineage = await api()
          .get('/api/ml-home/models/feed-ranker/versions/1/lineage')
          .set('Authorization', user(BOB));
        expect(lineage.status).toBe(200);
        const kinds = lineage.body.nodes.map(
          (n: any) => `${n.kind}:${n.label}`,
        );
        expect(kinds).toEqual([
          'model-version:feed-ranker v1',
          `run:${'e'.repeat(8)}`,
          'dataset:listening-events',
          'deployment:production',
          'component:feed-service',
        ]);
        expect(lineage.body.edges.map((e: any) => e.label)).toEqual([
          'produced',
          'trained on',
          'deployed as',
          'served by',
        ]);

        const retired = await api()
          .post(`/api/ml-home/deployments/${second.body.id}/retire`)
          .set('Authorization', user(ALICE));
        // Every recorded change, a retirement included, is the project's latest activity.
        const [project, feed] = await Promise.all([
          api()
            .get('/api/ml-home/projects/model-home')
            .set('Authorization', user(BOB)),
          api()
            .get('/api/ml-home/projects/model-home/events?limit=1')
            .set('Authorization', user(BOB)),
        ]);
        expect(feed.body.items[0].action).toBe('deployment.retire');
        expect(project.body.lastActivityAt).toBe(feed.body.items[0].createdAt);
        expect(retired.body).toMatchObject({ status: 'retired' });
        expect(retired.body.retiredAt).toBeDefined();
      });
      it('searches models, datasets and deployments across projects, within what the reader may see', async () => {
        await createProject('other-home', 'group:default/team-b', BOB);
        const as = (who: string) => ({ Authorization: user(who) });
        await api()
          .post('/api/ml-home/projects/other-home/models')
          .set(as(BOB))
          .send({ name: 'other-model', description: 'Scores churn risk' });
        await api()
          .post('/api/ml-home/models/other-model/versions')
          .set(as(BOB))
          .send({});
        const deployed = await api()
          .post('/api/ml-home/models/other-model/deployments')
          .set(as(BOB))
          .send({
            version: 1,
            environment: 'staging',
            service: 'component:default/other-service',
          });
        expect(deployed.status).toBe(201);
        await api()
          .post('/api/ml-home/projects/other-home/datasets')
          .set(as(BOB))
          .send({ name: 'churn-features', kind: 'feature-set' });

        // Each write that the catalog mirrors was announced after it committed.
        expect(
          published
            .filter(e => e.eventPayload.project === 'other-home')
            .map(e => {
              const { entity, action, name } = e.eventPayload;
              return `${e.topic} ${entity} ${action} ${name}`;
            }),
        ).toEqual([
          'ml-home project created other-home',
          'ml-home model created other-model',
          'ml-home model updated other-model',
          'ml-home deployment created other-model',
          'ml-home dataset created churn-features',
        ]);

        const get = (path: string, who = BOB) =>
          api().get(`/api/ml-home${path}`).set(as(who));
        const names = (res: any) => res.body.items.map((m: any) => m.name);

        const all = await get('/models?limit=1000');
        expect(names(all)).toEqual(
          expect.arrayContaining(['feed-ranker', 'other-model']),
        );
        expect(all.body.totalCount).toBe(all.body.items.length);
        expect(names(await get('/models?owner=group:team-b'))).toEqual([
          'other-model',
        ]);
        expect(names(await get('/models?q=CHURN%20risk'))).toEqual([
          'other-model',
        ]);
        expect(names(await get('/models?project=model-home'))).not.toContain(
          'other-model',
        );
        // The restricted reader sees neither the other team's model nor its count.
        const seenByEve = await get('/models?limit=1000', EVE);
        expect(names(seenByEve)).not.toContain('other-model');
        expect(seenByEve.body.totalCount).toBe(seenByEve.body.items.length);

        // Keyset pages visit every model once, in name order.
        const paged: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await get(
            `/models?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          );
          paged.push(...names(page));
          cursor = page.body.nextCursor;
        } while (cursor);
        expect(paged).toEqual(names(all));

        const datasets: string[] = [];
        cursor = undefined;
        do {
          const page = await get(
            `/datasets?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          );
          datasets.push(
            ...page.body.items.map((d: any) => `${d.project}/${d.name}`),
          );
          cursor = page.body.nextCursor;
        } while (cursor);
        expect(datasets).toEqual([...datasets].sort());
        expect(datasets).toContain('other-home/churn-features');
        expect(datasets).toContain('model-home/listening-events');
        const featureSets = await get('/datasets?kind=feature-set');
        expect(
          featureSets.body.items.every((d: any) => d.kind === 'feature-set'),
        ).toBe(true);
        expect(
          (await get('/datasets?limit=1000', EVE)).body.items.map(
            (d: any) => d.project,
          ),
        ).not.toContain('other-home');
        const badCursor = await get('/datasets?cursor=nonsense');
        expect(badCursor.status).toBe(400);
        expect(badCursor.body.error.message).toContain('cursor');

        const served = await get(
          '/deployments?status=active&service=component:default/other-service',
        );
        expect(
          served.body.items.map((d: any) => [d.project, d.model, d.version]),
        ).toEqual([['other-home', 'other-model', 1]]);
        const retired = await get('/deployments?status=retired&limit=1');
        expect(retired.body.items[0].status).toBe('retired');
        expect(retired.body.totalCount).toBeGreaterThan(1);
        const next = await get(
          `/deployments?status=retired&limit=1&cursor=${retired.body.nextCursor}`,
        );
        expect(next.body.items[0].id).not.toBe(retired.body.items[0].id);
        expect(
          (await get('/deployments', EVE)).body.items.map((d: any) => d.model),
        ).not.toContain('other-model');
      });
    });

    it('requires owners to be catalog groups and lists models whose owner left the catalog', async () => {
      const unknown = await createProject('ghost-home', 'group:ghost-team');
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toContain(
        "owner: 'group:default/ghost-team' is not a group",
      );
      const aUser = await createProject('user-home', 'user:default/alice');
      expect(aUser.status).toBe(400);
      expect(aUser.body.error.message).toContain('owner');
      await createProject('orphan-home', 'group:team-a');
      const patch = await api()
        .patch('/api/ml-home/projects/orphan-home')
        .set('Authorization', user(ALICE))
        .send({ owner: 'group:default/ghost-team' });
      expect(patch.status).toBe(400);
      expect(patch.body.error.message).toContain('owner');
      const model = await api()
        .post('/api/ml-home/projects/orphan-home/models')
        .set('Authorization', user(ALICE))
        .send({ name: 'orphan-model', owner: 'group:default/ghost-team' });
      expect(model.status).toBe(400);
      for (const name of ['orphan-model', 'adopted-model']) {
        await api()
          .post('/api/ml-home/projects/orphan-home/models')
          .set('Authorization', user(ALICE))
          .send({ name, owner: 'group:default/team-a' });
      }
      // The owning team is later removed from the catalog.
      await knex('models')
        .where('name', 'orphan-model')
        .update({ owner: 'group:default/disbanded' });
      const orphans = await api()
        .get('/api/ml-home/orphaned-models')
        .set('Authorization', user(BOB));
      expect(orphans.body.items.map((m: any) => [m.name, m.owner])).toEqual([
        ['orphan-model', 'group:default/disbanded'],
      ]);
      expect(orphans.body.totalCount).toBe(1);
    });

    describe('evaluations, notes and tags', () => {
      const as = (who: string) => ({ Authorization: user(who) });
      const versionIds: Record<number, string> = {};
      let modelId = '';

      beforeAll(async () => {
        await createProject('eval-home', 'group:default/team-a');
        const model = await api()
          .post('/api/ml-home/projects/eval-home/models')
          .set(as(ALICE))
          .send({ name: 'eval-model' });
        modelId = model.body.id;
        for (const n of [1, 2, 3]) {
          const v = await api()
            .post('/api/ml-home/models/eval-model/versions')
            .set(as(ALICE))
            .send({});
          versionIds[n] = v.body.id;
        }
        await api()
          .post('/api/ml-home/projects/eval-home/datasets')
          .set(as(ALICE))
          .send({ name: 'holdout', kind: 'evaluation-set' });
      });

      const evaluate = (version: number, body: object, who = user(ALICE)) =>
        api()
          .post(
            `/api/ml-home/models/eval-model/versions/${version}/evaluations`,
          )
          .set('Authorization', who)
          .send(body);
      const v1 = {
        name: 'holdout-eval',
        dataset: 'holdout',
        results: [
          { slice: 'overall', metric: 'auc', value: 0.8 },
          { slice: 'country=us', metric: 'auc', value: 0.82 },
          { slice: 'country=de', metric: 'auc', value: 0.7 },
          { slice: 'overall', metric: 'log_loss', value: 0.5 },
        ],
        thresholds: [{ metric: 'auc', op: '>=', value: 0.75 }],
      };
      const v2 = {
        ...v1,
        baselineVersion: 1,
        results: [
          { slice: 'overall', metric: 'auc', value: 0.85 },
          { slice: 'country=us', metric: 'auc', value: 0.8 },
          { slice: 'country=de', metric: 'auc', value: 0.78 },
          { slice: 'overall', metric: 'log_loss', value: 0.45 },
          { slice: 'country=fr', metric: 'auc', value: 'NaN' },
        ],
        thresholds: [
          { metric: 'auc', op: '>=', value: 0.75, slice: 'overall' },
          { metric: 'log_loss', op: '<', value: 0.6 },
        ],
      };

      it('records evaluations idempotently and scores them against thresholds and the baseline', async () => {
        const first = await evaluate(1, v1);
        expect(first.status).toBe(201);
        expect(first.body).toMatchObject({
          model: 'eval-model',
          version: 1,
          dataset: { project: 'eval-home', name: 'holdout' },
          pass: false,
          failingSlices: ['country=de'],
          sliceCount: 3,
          regressions: 0,
          directions: { auc: 'higher', log_loss: 'lower' },
        });
        const second = await evaluate(2, v2);
        expect(second.status).toBe(201);
        expect(second.body).toMatchObject({
          baselineVersion: 1,
          baselineEvaluationId: first.body.id,
          pass: true,
          regressions: 1,
        });
        const delta = (slice: string, metric: string) =>
          second.body.score.deltas.find(
            (d: any) => d.slice === slice && d.metric === metric,
          );
        expect(delta('country=us', 'auc')).toMatchObject({
          regression: true,
          improvement: false,
        });
        expect(delta('country=us', 'auc').delta).toBeCloseTo(-0.02);
        expect(delta('overall', 'log_loss')).toMatchObject({
          improvement: true,
        });
        expect(delta('country=fr', 'auc')).toMatchObject({ value: 'NaN' });
        expect(delta('country=fr', 'auc').baseline).toBeUndefined();

        // A retry returns the stored evaluation; the same name with other content is a conflict.
        const retry = await evaluate(2, v2);
        expect(retry.status).toBe(200);
        expect(retry.body.id).toBe(second.body.id);
        const changed = await evaluate(2, { ...v2, description: 'other' });
        expect(changed.status).toBe(409);
        expect(changed.body.error.message).toContain('name');

        // Pipelines record evaluations with service tokens; other teams may not.
        expect(
          (
            await evaluate(
              3,
              { ...v1, name: 'pipeline-eval' },
              mockCredentials.service.header(),
            )
          ).status,
        ).toBe(201);
        expect(
          (await evaluate(3, { ...v1, name: 'bobs' }, user(BOB))).status,
        ).toBe(403);

        const list = await api()
          .get('/api/ml-home/evaluations?model=eval-model')
          .set(as(BOB));
        expect(list.body.totalCount).toBe(3);
        expect(list.body.items.map((e: any) => e.version)).toEqual([3, 2, 1]);
        const ofV1 = await api()
          .get('/api/ml-home/evaluations?model=eval-model&version=1')
          .set(as(BOB));
        expect(ofV1.body.items.map((e: any) => e.id)).toEqual([first.body.id]);
        const byDataset = await api()
          .get('/api/ml-home/evaluations?dataset=eval-home/holdout&limit=2')
          .set(as(BOB));
        expect(byDataset.body.items).toHaveLength(2);
        const rest = await api()
          .get(
            `/api/ml-home/evaluations?dataset=eval-home/holdout&limit=2&cursor=${byDataset.body.nextCursor}`,
          )
          .set(as(BOB));
        expect(rest.body.items.map((e: any) => e.id)).toEqual([first.body.id]);
      });

      it('names the field of every invalid evaluation', async () => {
        const cases: [object, number, string][] = [
          [
            {
              ...v1,
              name: 'a',
              results: [{ slice: 'country', metric: 'auc', value: 1 }],
            },
            400,
            'results[0].slice',
          ],
          [
            { ...v1, name: 'b', results: [v1.results[0], v1.results[0]] },
            400,
            'results[1]',
          ],
          [{ ...v1, name: 'c', dataset: 'missing' }, 400, 'dataset'],
          [
            { ...v1, name: 'c2', dataset: 'no-such-project/holdout' },
            400,
            "dataset: project 'no-such-project' has no dataset",
          ],
          [{ ...v1, name: 'd', baselineVersion: 99 }, 400, 'baselineVersion'],
          [{ ...v1, name: 'e', baselineVersion: 3 }, 400, 'baselineVersion'],
          [
            {
              ...v1,
              name: 'f',
              thresholds: [{ metric: 'auc', op: '>', value: 1, slice: 'x' }],
            },
            400,
            'thresholds[0].slice',
          ],
          [{ ...v1, name: 'g', directions: { auc: 'up' } }, 400, 'directions'],
          [{ ...v1, name: 'h', results: [] }, 400, 'results'],
          [{ ...v1, name: 'Bad Name' }, 400, 'name'],
        ];
        for (const [body, status, field] of cases) {
          const res = await evaluate(3, body);
          expect([res.status, res.body.error?.message]).toEqual([
            status,
            expect.stringContaining(field),
          ]);
        }
        expect((await evaluate(9, v1)).status).toBe(404);
      });

      it('re-scores when thresholds change and compares evaluations slice by slice', async () => {
        const [e2] = (
          await api()
            .get('/api/ml-home/evaluations?model=eval-model&version=2')
            .set(as(ALICE))
        ).body.items;
        const [e1] = (
          await api()
            .get('/api/ml-home/evaluations?model=eval-model&version=1')
            .set(as(ALICE))
        ).body.items;
        const stricter = await api()
          .put(`/api/ml-home/evaluations/${e2.id}/thresholds`)
          .set(as(ALICE))
          .send({ thresholds: [{ metric: 'auc', op: '>=', value: 0.9 }] });
        expect(stricter.status).toBe(200);
        expect(stricter.body.pass).toBe(false);
        expect(stricter.body.failingSlices).toEqual([
          'overall',
          'country=de',
          'country=fr',
          'country=us',
        ]);
        expect(
          (
            await api()
              .put(`/api/ml-home/evaluations/${e2.id}/thresholds`)
              .set(as(BOB))
              .send({ thresholds: [] })
          ).status,
        ).toBe(403);

        const compared = await api()
          .post('/api/ml-home/compare/evaluations')
          .set(as(BOB))
          .send({ evaluations: [e1.id, e2.id] });
        expect(compared.status).toBe(200);
        expect(compared.body.slices).toEqual([
          'overall',
          'country=de',
          'country=fr',
          'country=us',
        ]);
        const row = (slice: string, metric: string) =>
          compared.body.rows.find(
            (r: any) => r.slice === slice && r.metric === metric,
          );
        expect(row('overall', 'auc')).toMatchObject({
          values: [0.8, 0.85],
          best: [1],
          direction: 'higher',
          pass: [true, false],
        });
        expect(row('overall', 'auc').deltas[1]).toBeCloseTo(0.05);
        expect(row('overall', 'log_loss')).toMatchObject({
          direction: 'lower',
          best: [1],
        });
        expect(row('country=fr', 'auc')).toMatchObject({
          values: [null, 'NaN'],
          deltas: [null, null],
          best: [],
        });
        const unknown = await api()
          .post('/api/ml-home/compare/evaluations')
          .set(as(BOB))
          .send({
            evaluations: [e1.id, '00000000-0000-0000-0000-000000000000'],
          });
        expect(unknown.status).toBe(400);
        expect(unknown.body.error.message).toContain('evaluations[1]');
      });

      it('edits notes with optimistic concurrency and keeps every revision', async () => {
        const created = await api()
          .post('/api/ml-home/notes')
          .set(as(ALICE))
          .send({
            entityType: 'model-version',
            entityId: versionIds[2],
            body: '# Why v2\nBetter on **de**.',
          });
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
          project: 'eval-home',
          entityLabel: 'eval-model v2',
          revision: 1,
          createdBy: ALICE,
        });
        const id = created.body.id;
        const edit = (body: string, revision: number, who = ALICE) =>
          api()
            .put(`/api/ml-home/notes/${id}`)
            .set(as(who))
            .send({ body, revision });
        const edited = await edit('Better on de and fr.', 1);
        expect(edited.body.revision).toBe(2);
        const stale = await edit('An edit made on revision 1', 1);
        expect(stale.status).toBe(409);
        expect(stale.body.error.message).toContain('revision 2');
        // Two editors on revision 2 at once: exactly one wins, the other is told.
        const racing = await Promise.all([
          edit('Editor one', 2),
          edit('Editor two', 2),
        ]);
        expect(racing.map(r => r.status).sort()).toEqual([200, 409]);
        const winner = racing.find(r => r.status === 200)!.body.body;
        expect((await edit('x', 3, BOB)).status).toBe(403);

        const revisions = await api()
          .get(`/api/ml-home/notes/${id}/revisions`)
          .set(as(BOB));
        expect(
          revisions.body.items.map((r: any) => [r.revision, r.action, r.body]),
        ).toEqual([
          [1, 'create', '# Why v2\nBetter on **de**.'],
          [2, 'edit', 'Better on de and fr.'],
          [3, 'edit', winner],
        ]);

        await api().post('/api/ml-home/notes').set(as(ALICE)).send({
          entityType: 'model',
          entityId: modelId,
          body: 'Owner: ranking',
        });
        const ofProject = await api()
          .get('/api/ml-home/notes?project=eval-home')
          .set(as(BOB));
        expect(ofProject.body.items.map((n: any) => n.entityLabel)).toEqual([
          'eval-model',
          'eval-model v2',
        ]);
        const ofVersion = await api()
          .get(
            `/api/ml-home/notes?entityType=model-version&entityId=${versionIds[2]}`,
          )
          .set(as(BOB));
        expect(ofVersion.body.items.map((n: any) => n.id)).toEqual([id]);
        const noScope = await api().get('/api/ml-home/notes').set(as(BOB));
        expect(noScope.status).toBe(400);
        expect(noScope.body.error.message).toContain('project');
        const unknownEntity = await api()
          .post('/api/ml-home/notes')
          .set(as(ALICE))
          .send({ entityType: 'run', entityId: 'f'.repeat(32), body: 'x' });
        expect(unknownEntity.status).toBe(404);
        const blank = await api()
          .post('/api/ml-home/notes')
          .set(as(ALICE))
          .send({ entityType: 'model', entityId: modelId, body: '   ' });
        expect(blank.status).toBe(400);
        expect(blank.body.error.message).toContain('body');

        expect(
          (
            await api()
              .delete(`/api/ml-home/notes/${id}?revision=2`)
              .set(as(ALICE))
          ).status,
        ).toBe(409);
        expect(
          (
            await api()
              .delete(`/api/ml-home/notes/${id}?revision=3`)
              .set(as(ALICE))
          ).status,
        ).toBe(204);
        expect(
          (await api().get(`/api/ml-home/notes/${id}/revisions`).set(as(BOB)))
            .status,
        ).toBe(404);
        const after = await api()
          .get('/api/ml-home/notes?project=eval-home')
          .set(as(BOB));
        expect(after.body.totalCount).toBe(1);
      });

      it('tags any entity with slugs, counts them for facets and finds what carries one', async () => {
        const setTags = (
          entityType: string,
          entityId: string,
          tags: string[],
          who = ALICE,
        ) =>
          api()
            .put('/api/ml-home/tags')
            .set(as(who))
            .send({ entityType, entityId, tags });
        const onModel = await setTags('model', modelId, [
          'tabular',
          'churn',
          'churn',
        ]);
        expect(onModel.body.tags).toEqual(['churn', 'tabular']);
        await setTags('model-version', versionIds[2], ['churn', 'candidate']);
        const project = (
          await api().get('/api/ml-home/projects/eval-home').set(as(ALICE))
        ).body;
        await setTags('project', project.id, ['churn', 'ranking']);
        expect(
          (await api().get('/api/ml-home/projects/eval-home').set(as(BOB))).body
            .tags,
        ).toEqual(['churn', 'ranking']);
        const bad = await setTags('model', modelId, ['ok', 'Not A Slug']);
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toContain('tags/1');
        expect((await setTags('model', modelId, ['x'], BOB)).status).toBe(403);
        expect(
          (
            await setTags('dataset', '00000000-0000-0000-0000-000000000000', [
              'x',
            ])
          ).status,
        ).toBe(404);

        const read = await api()
          .get(`/api/ml-home/tags?entityType=model&entityId=${modelId}`)
          .set(as(BOB));
        expect(read.body.tags).toEqual(['churn', 'tabular']);
        const counts = await api()
          .get('/api/ml-home/tag-counts?project=eval-home')
          .set(as(BOB));
        expect(counts.body.items).toEqual([
          { value: 'churn', count: 3 },
          { value: 'candidate', count: 1 },
          { value: 'ranking', count: 1 },
          { value: 'tabular', count: 1 },
        ]);
        const prefixed = await api()
          .get(
            '/api/ml-home/tag-counts?project=eval-home&q=ch&entityType=model',
          )
          .set(as(BOB));
        expect(prefixed.body.items).toEqual([{ value: 'churn', count: 1 }]);
        const tagged = await api()
          .get('/api/ml-home/tagged?tag=churn&project=eval-home')
          .set(as(BOB));
        expect(
          tagged.body.items.map((t: any) => [t.entityType, t.label]),
        ).toEqual([
          ['model', 'eval-model'],
          ['model-version', 'eval-model v2'],
          ['project', 'eval-home'],
        ]);
        expect(tagged.body.items.map((t: any) => t.tags)).toEqual([
          ['churn', 'tabular'],
          ['candidate', 'churn'],
          ['churn', 'ranking'],
        ]);
        const firstPage = await api()
          .get('/api/ml-home/tagged?tag=churn&project=eval-home&limit=2')
          .set(as(BOB));
        const secondPage = await api()
          .get(
            `/api/ml-home/tagged?tag=churn&project=eval-home&limit=2&cursor=${firstPage.body.nextCursor}`,
          )
          .set(as(BOB));
        expect(secondPage.body.items.map((t: any) => t.entityType)).toEqual([
          'project',
        ]);
      });

      it('moves one alias from two requests at once into one consistent state with two history entries', async () => {
        const move = (version: number) =>
          api()
            .put('/api/ml-home/models/eval-model/aliases/champion')
            .set(as(ALICE))
            .send({ version });
        const [a, b] = await Promise.all([move(1), move(3)]);
        expect([a.status, b.status]).toEqual([200, 200]);
        const model = await api()
          .get('/api/ml-home/models/eval-model')
          .set(as(BOB));
        const champion = model.body.aliases.find(
          (x: any) => x.alias === 'champion',
        ).version;
        const history = (
          await api()
            .get('/api/ml-home/models/eval-model/alias-history')
            .set(as(BOB))
        ).body.items.filter((h: any) => h.alias === 'champion');
        expect(history).toHaveLength(2);
        // Newest first: the last move lands where the alias is, and starts where the first ended.
        expect(history[0].toVersion).toBe(champion);
        expect(history[0].fromVersion).toBe(history[1].toVersion);
        expect(history[1].fromVersion).toBeUndefined();
      });
    });

    describe('ingestion', () => {
      const RUN_A = 'a'.repeat(32);
      const RUN_B = 'b'.repeat(32);
      const ingest = (
        body: object,
        by: string = user(ALICE),
        project = 'ingest-target',
      ) =>
        api()
          .post(`/api/ml-home/projects/${project}/ingest`)
          .set('Authorization', by)
          .send(body);

      beforeAll(async () => {
        await createProject('ingest-target', 'group:default/team-a');
      });

      it('writes runs, params, tags and metrics, idempotently', async () => {
        const batch = {
          requestId: 'req-1',
          runs: [
            {
              runId: RUN_A,
              experiment: 'baseline',
              name: 'adam-lr-3e-4',
              status: 'FINISHED',
              startTime: 1000,
              endTime: 9000,
              params: [
                { key: 'optimizer', value: 'adam' },
                { key: 'lr', value: '0.0003' },
              ],
              tags: [{ key: 'stage', value: 'prod' }],
              metrics: [
                { key: 'loss', value: 1.5, step: 0, timestamp: 1000 },
                { key: 'loss', value: 0.5, step: 2, timestamp: 3000 },
                { key: 'loss', value: 'NaN', step: 1, timestamp: 2000 },
                { key: 'auc', value: 0.91, step: 2, timestamp: 3000 },
                { key: 'grad', value: 'Infinity', step: 0, timestamp: 1000 },
              ],
            },
          ],
        };
        const first = await ingest(batch);
        expect(first.status).toBe(200);
        expect(first.body).toMatchObject({
          metricPoints: 5,
          params: 2,
          tags: 1,
          replayed: false,
        });
        expect(first.body.runs).toEqual([
          {
            runId: RUN_A,
            experiment: 'baseline',
            experimentId: expect.stringMatching(/^\d+$/),
            created: true,
          },
        ]);

        const replay = await ingest(batch);
        expect(replay.body).toMatchObject({ replayed: true, metricPoints: 5 });

        // The same points again without the requestId: client run ids keep it idempotent too.
        const again = await ingest({ runs: batch.runs });
        expect(again.status).toBe(200);
        expect(again.body.runs[0].created).toBe(false);

        const points = await knex('metric_points')
          .where({ run_id: RUN_A })
          .count({ n: '*' });
        expect(Number(points[0].n)).toBe(5);

        const run = await api()
          .get(`/api/ml-home/runs/${RUN_A}`)
          .set('Authorization', user(BOB));
        expect(run.status).toBe(200);
        expect(run.body).toMatchObject({
          id: RUN_A,
          project: 'ingest-target',
          experiment: 'baseline',
          status: 'FINISHED',
          params: [
            { key: 'lr', value: '0.0003' },
            { key: 'optimizer', value: 'adam' },
          ],
          tags: [{ key: 'stage', value: 'prod' }],
        });
        const byKey = Object.fromEntries(
          run.body.metrics.map((m: any) => [m.key, m]),
        );
        expect(byKey.loss).toMatchObject({
          value: 0.5,
          step: 2,
          min: 0.5,
          max: 1.5,
        });
        expect(byKey.grad).toMatchObject({ value: 'Infinity' });
        expect(byKey.auc).toMatchObject({ value: 0.91 });
        const count = await knex('latest_metrics')
          .where({ run_id: RUN_A, key: 'loss' })
          .first();
        expect(Number(count.point_count)).toBe(3);

        const history = await api()
          .get(`/api/ml-home/runs/${RUN_A}/metric-history?key=loss`)
          .set('Authorization', user(BOB));
        expect(history.body.points).toEqual([
          { step: 0, value: 1.5, timestamp: 1000 },
          { step: 1, value: 'NaN', timestamp: 2000 },
          { step: 2, value: 0.5, timestamp: 3000 },
        ]);
        // A metric the run never logged is a 404 naming it, not an empty history.
        const none = await api()
          .get(`/api/ml-home/runs/${RUN_A}/metric-history?key=lossy`)
          .set('Authorization', user(BOB));
        expect(none.status).toBe(404);
        expect(none.body.error.message).toBe(
          `Run '${RUN_A}' has no metric 'lossy'`,
        );
      });

      it('keeps params write-once and writes nothing of a rejected batch', async () => {
        const conflict = await ingest({
          runs: [
            {
              runId: RUN_B,
              experiment: 'new-experiment',
              params: [{ key: 'x', value: '1' }],
              metrics: [{ key: 'm', value: 1 }],
            },
            {
              runId: RUN_A,
              experiment: 'baseline',
              params: [{ key: 'optimizer', value: 'sgd' }],
            },
          ],
        });
        expect(conflict.status).toBe(409);
        expect(conflict.body.error.message).toContain("'optimizer'");
        expect(await knex('runs').where({ id: RUN_B }).first()).toBeUndefined();
        expect(
          await knex('experiments').where({ name: 'new-experiment' }).first(),
        ).toBeUndefined();

        const same = await ingest({
          runs: [
            {
              runId: RUN_A,
              experiment: 'baseline',
              params: [{ key: 'optimizer', value: 'adam' }],
            },
          ],
        });
        expect(same.status).toBe(200);
      });

      it('enforces the limits with errors that name the field', async () => {
        const tooMany = await ingest({
          runs: [
            {
              experiment: 'limits',
              metrics: Array.from({ length: 10_001 }, (_, i) => ({
                key: 'm',
                value: i,
                step: i,
              })),
            },
          ],
        });
        expect(tooMany.status).toBe(400);
        expect(tooMany.body.error.message).toContain('10000');

        const longParam = await ingest({
          runs: [
            {
              experiment: 'limits',
              params: [{ key: 'p', value: 'v'.repeat(6001) }],
            },
          ],
        });
        expect(longParam.status).toBe(400);
        expect(longParam.body.error.message).toContain(
          'runs[0].params[0].value',
        );

        const longTag = await ingest({
          runs: [
            {
              experiment: 'limits',
              tags: [{ key: 't', value: 'v'.repeat(5001) }],
            },
          ],
        });
        expect(longTag.body.error.message).toContain('runs[0].tags[0].value');

        const longKey = await ingest({
          runs: [
            {
              experiment: 'limits',
              metrics: [{ key: 'k'.repeat(251), value: 1 }],
            },
          ],
        });
        expect(longKey.body.error.message).toContain('runs[0].metrics[0].key');

        const badValue = await ingest({
          runs: [
            { experiment: 'limits', metrics: [{ key: 'm', value: 'inf' }] },
          ],
        });
        expect(badValue.status).toBe(400);
        expect(badValue.body.error.message).toContain('runs/0/metrics/0/value');

        const huge = await ingest({
          runs: [
            {
              experiment: 'limits',
              tags: [{ key: 't', value: 'x'.repeat(6 * 1024 * 1024) }],
            },
          ],
        });
        expect(huge.status).toBe(413);

        expect(
          await knex('experiments').where({ name: 'limits' }).first(),
        ).toBeUndefined();
      });

      it('registers versions, evaluations and deployments in the same all-or-nothing, retry-safe batch', async () => {
        const R1 = '1'.repeat(32);
        const R2 = '2'.repeat(32);
        await api()
          .post('/api/ml-home/projects/ingest-target/models')
          .set('Authorization', user(ALICE))
          .send({ name: 'batch-model' });
        await api()
          .post('/api/ml-home/projects/ingest-target/datasets')
          .set('Authorization', user(ALICE))
          .send({ name: 'batch-eval', kind: 'evaluation-set' });
        const batch = {
          runs: [
            {
              runId: R1,
              experiment: 'train',
              metrics: [{ key: 'auc', value: 0.9 }],
            },
          ],
          modelVersions: [
            { model: 'batch-model', runId: R1, aliases: ['candidate'] },
          ],
          evaluations: [
            {
              model: 'batch-model',
              runId: R1,
              name: 'holdout',
              dataset: 'batch-eval',
              results: [
                { slice: 'overall', metric: 'auc', value: 0.9 },
                { slice: 'device=ios', metric: 'auc', value: 0.7 },
              ],
              thresholds: [{ metric: 'auc', op: '>=', value: 0.8 }],
            },
          ],
          deployments: [
            {
              model: 'batch-model',
              runId: R1,
              environment: 'staging',
              service: 'component:batch-service',
            },
          ],
        };
        const first = await ingest(batch, mockCredentials.service.header());
        expect(first.status).toBe(200);
        expect(first.body.modelVersions).toEqual([
          { model: 'batch-model', version: 1, runId: R1, created: true },
        ]);
        expect(first.body.evaluations).toMatchObject([
          { model: 'batch-model', version: 1, name: 'holdout', created: true },
        ]);
        expect(first.body.deployments).toMatchObject([
          {
            version: 1,
            environment: 'staging',
            service: 'component:default/batch-service',
            created: true,
          },
        ]);
        // The same batch again, without a requestId: nothing new.
        const again = await ingest(batch, mockCredentials.service.header());
        expect(again.body.modelVersions[0]).toMatchObject({
          version: 1,
          created: false,
        });
        expect(again.body.evaluations[0]).toMatchObject({
          id: first.body.evaluations[0].id,
          created: false,
        });
        expect(again.body.deployments[0]).toMatchObject({
          id: first.body.deployments[0].id,
          created: false,
        });
        const model = await api()
          .get('/api/ml-home/models/batch-model')
          .set('Authorization', user(BOB));
        expect(model.body).toMatchObject({
          versionCount: 1,
          aliases: [
            expect.objectContaining({ alias: 'candidate', version: 1 }),
          ],
        });
        const evaluation = await api()
          .get(`/api/ml-home/evaluations/${first.body.evaluations[0].id}`)
          .set('Authorization', user(BOB));
        expect(evaluation.body).toMatchObject({
          pass: false,
          failingSlices: ['device=ios'],
        });

        // Checked before writing: the error names the field and nothing is written.
        const invalid = await ingest({
          runs: [{ runId: R2, experiment: 'train' }],
          modelVersions: [{ model: 'batch-model', runId: R2 }],
          evaluations: [
            { ...batch.evaluations[0], runId: R2, dataset: 'nope' },
          ],
        });
        expect(invalid.status).toBe(400);
        expect(invalid.body.error.message).toContain('evaluations[0].dataset');
        // Found wrong inside the transaction: the runs and versions before it are rolled back.
        const rolledBack = await ingest({
          runs: [{ runId: R2, experiment: 'train' }],
          modelVersions: [{ model: 'batch-model', runId: R2 }],
          deployments: [
            {
              model: 'batch-model',
              version: 99,
              environment: 'prod',
              service: 'component:batch-service',
            },
          ],
        });
        expect(rolledBack.status).toBe(400);
        expect(rolledBack.body.error.message).toContain(
          'deployments[0].version',
        );
        expect(
          (
            await api()
              .get(`/api/ml-home/runs/${R2}`)
              .set('Authorization', user(ALICE))
          ).status,
        ).toBe(404);
        expect(
          (
            await api()
              .get('/api/ml-home/models/batch-model')
              .set('Authorization', user(ALICE))
          ).body.versionCount,
        ).toBe(1);

        const cases: [object, string][] = [
          [
            { modelVersions: [{ model: 'nope', runId: R1 }] },
            'modelVersions[0].model',
          ],
          [
            {
              modelVersions: [{ model: 'batch-model', runId: 'f'.repeat(32) }],
            },
            'modelVersions[0].runId',
          ],
          [
            {
              modelVersions: [
                { model: 'batch-model', runId: R1, aliases: ['latest'] },
              ],
            },
            'modelVersions[0].aliases[0]',
          ],
          [
            { evaluations: [{ ...batch.evaluations[0], version: 1 }] },
            'evaluations[0]',
          ],
          [
            { deployments: [{ ...batch.deployments[0], service: 'group:x' }] },
            'deployments[0].service',
          ],
          [{}, 'runs'],
        ];
        for (const [body, field] of cases) {
          const res = await ingest(body);
          expect([res.status, res.body.error?.message]).toEqual([
            400,
            expect.stringContaining(field),
          ]);
        }
      });

      it('lets service tokens ingest but not other teams, and 404s unknown projects', async () => {
        const service = await ingest(
          {
            runs: [
              { experiment: 'from-ci', metrics: [{ key: 'm', value: 2 }] },
            ],
          },
          mockCredentials.service.header(),
        );
        expect(service.status).toBe(200);
        const bob = await ingest({ runs: [{ experiment: 'x' }] }, user(BOB));
        expect(bob.status).toBe(403);
        const missing = await ingest(
          { runs: [{ experiment: 'x' }] },
          user(ALICE),
          'no-such-project',
        );
        expect(missing.status).toBe(404);
      });

      it('filters, orders and pages runs; downsamples long histories keeping spikes', async () => {
        const runs = Array.from({ length: 9 }, (_, i) => ({
          runId: i.toString(16).padStart(32, 'c'),
          experiment: 'sweep',
          name: `run-${i}`,
          status: 'FINISHED',
          startTime: 10_000 + i,
          params: [{ key: 'optimizer', value: i % 3 === 0 ? 'sgd' : 'adam' }],
          metrics: [
            { key: 'auc', value: 0.5 + i / 100, step: 1, timestamp: 1 },
          ],
        }));
        expect((await ingest({ runs })).status).toBe(200);

        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const res = await api()
            .get('/api/ml-home/projects/ingest-target/runs')
            .query({
              experiment: 'sweep',
              filter: 'metrics.auc > 0.5 and params.optimizer = "adam"',
              orderBy: 'metrics.auc DESC',
              limit: 2,
              ...(cursor ? { cursor } : {}),
            })
            .set('Authorization', user(BOB));
          expect(res.status).toBe(200);
          expect(res.body.totalCount).toBe(6);
          seen.push(...res.body.items.map((r: any) => r.name));
          cursor = res.body.nextCursor;
        } while (cursor);
        expect(seen).toEqual([
          'run-8',
          'run-7',
          'run-5',
          'run-4',
          'run-2',
          'run-1',
        ]);

        const bad = await api()
          .get(
            '/api/ml-home/projects/ingest-target/runs?filter=metrics.auc%20%3E%3E%201',
          )
          .set('Authorization', user(BOB));
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toMatch(/^filter: /);

        const long = Array.from({ length: 3000 }, (_, step) => ({
          key: 'loss',
          value: step === 1234 ? 99 : 1 / (step + 1),
          step,
          timestamp: 1000 + step,
        }));
        expect(
          (
            await ingest({
              runs: [
                { runId: 'd'.repeat(32), experiment: 'long', metrics: long },
              ],
            })
          ).status,
        ).toBe(200);
        const history = await api()
          .get(
            `/api/ml-home/runs/${'d'.repeat(32)}/metric-history?key=loss&maxPoints=100`,
          )
          .set('Authorization', user(BOB));
        expect(history.body.totalPoints).toBe(3000);
        expect(history.body.downsampled).toBe(true);
        expect(history.body.points.length).toBeLessThanOrEqual(100);
        expect(history.body.points.some((p: any) => p.value === 99)).toBe(true);

        // Many runs' series of one metric in one call, in request order; a run that never
        // logged the metric gets an empty series.
        const many = await api()
          .post('/api/ml-home/metric-histories')
          .set('Authorization', user(BOB))
          .send({
            runIds: [RUN_A, 'd'.repeat(32)],
            key: 'loss',
            maxPoints: 100,
          });
        expect(many.status).toBe(200);
        expect(
          many.body.items.map((h: any) => [h.runId, h.totalPoints]),
        ).toEqual([
          [RUN_A, expect.any(Number)],
          ['d'.repeat(32), 3000],
        ]);
        expect(many.body.items[1].points).toEqual(history.body.points);
        const unknownRun = await api()
          .post('/api/ml-home/metric-histories')
          .set('Authorization', user(BOB))
          .send({ runIds: [RUN_A, `${'e'.repeat(31)}f`], key: 'loss' });
        expect(unknownRun.status).toBe(400);
        expect(unknownRun.body.error.message).toContain('runIds[1]');
        // A reader limited to team-a's projects may not read a team-b run among them.
        const teamBRun = 'b0'.repeat(16);
        await ingest(
          {
            runs: [
              {
                runId: teamBRun,
                experiment: 'x',
                metrics: [{ key: 'loss', value: 1 }],
              },
            ],
          },
          user(BOB),
          'other-home',
        );
        const hidden = await api()
          .post('/api/ml-home/metric-histories')
          .set('Authorization', user(EVE))
          .send({ runIds: ['d'.repeat(32), teamBRun], key: 'loss' });
        expect(hidden.status).toBe(403);
        const visible = await api()
          .post('/api/ml-home/metric-histories')
          .set('Authorization', user(EVE))
          .send({ runIds: ['d'.repeat(32)], key: 'loss' });
        expect(visible.status).toBe(200);
      });
      it('compares runs and model versions side by side', async () => {
        const runId = (i: number) => i.toString(16).padStart(32, 'c');
        const res = await api()
          .post('/api/ml-home/compare')
          .set('Authorization', user(BOB))
          .send({
            runs: [runId(0), runId(1)],
            modelVersions: [{ model: 'feed-ranker', version: 1 }],
          });
        expect(res.status).toBe(200);
        expect(res.body.items).toEqual([
          {
            id: runId(0),
            kind: 'run',
            label: 'run-0',
            project: 'ingest-target',
            runId: runId(0),
          },
          {
            id: runId(1),
            kind: 'run',
            label: 'run-1',
            project: 'ingest-target',
            runId: runId(1),
          },
          expect.objectContaining({
            id: 'feed-ranker/1',
            kind: 'model-version',
            project: 'model-home',
            runId: 'e'.repeat(32),
          }),
        ]);
        expect(res.body.params).toEqual([
          { key: 'optimizer', values: ['sgd', 'adam', null], differs: true },
        ]);
        const auc = res.body.metrics.find((m: any) => m.key === 'auc');
        expect(auc).toMatchObject({ direction: 'higher', best: [2] });
        expect(auc.last).toEqual([0.5, 0.51, 0.9]);
        expect(auc.min).toHaveLength(3);
        expect(auc.max).toHaveLength(3);

        const missing = await api()
          .post('/api/ml-home/compare')
          .set('Authorization', user(BOB))
          .send({ runs: ['f'.repeat(32)] });
        expect(missing.status).toBe(404);
        const tooMany = await api()
          .post('/api/ml-home/compare')
          .set('Authorization', user(BOB))
          .send({ runs: Array.from({ length: 101 }, (_, i) => runId(i)) });
        expect(tooMany.status).toBe(400);
        expect(tooMany.body.error.message).toContain('runs');
        const none = await api()
          .post('/api/ml-home/compare')
          .set('Authorization', user(BOB))
          .send({});
        expect(none.status).toBe(400);
      });

      it('folds concurrent batches into the same run without losing a metric, a min or a max', async () => {
        const run = 'c0ffee'.padEnd(32, '0');
        expect(
          (
            await ingest({
              runs: [{ runId: run, experiment: 'concurrent', metrics: [] }],
            })
          ).status,
        ).toBe(200);
        // Eight batches at once, each with its own keys and one shared key at its own step.
        const batches = Array.from({ length: 8 }, (_, b) => ({
          runs: [
            {
              runId: run,
              experiment: 'concurrent',
              metrics: [
                ...Array.from({ length: 60 }, (__, k) => ({
                  key: `b${b}_m${k}`,
                  value: b * 1000 + k,
                  step: 0,
                })),
                { key: 'shared', value: b, step: b },
              ],
            },
          ],
        }));
        const answers = await Promise.all(batches.map(batch => ingest(batch)));
        expect(answers.map(a => a.status)).toEqual(batches.map(() => 200));
        const res = await api()
          .post('/api/ml-home/compare')
          .set('Authorization', user(ALICE))
          .send({ runs: [run] });
        expect(res.body.metrics).toHaveLength(8 * 60 + 1);
        expect(
          res.body.metrics.find((m: any) => m.key === 'shared'),
        ).toMatchObject({ last: [7], min: [0], max: [7] });
        // The rows that filters and sorting read agree: every key, and all 8 points counted.
        const rows = await knex('latest_metrics')
          .where('run_id', run)
          .select('key', 'point_count');
        expect(rows).toHaveLength(8 * 60 + 1);
        expect(Number(rows.find(r => r.key === 'shared')!.point_count)).toBe(8);
      });

      it("compares metrics exactly, from the runs' summaries or their rows alike, and sends a large answer gzipped", async () => {
        const runId = (i: number) => i.toString(16).padStart(32, '7');
        const point = (key: string, value: number | string, step: number) => ({
          key,
          value,
          step,
          timestamp: 1_700_000_000_000 + step,
        });
        const res0 = await ingest({
          requestId: 'summary-edge-cases',
          runs: [
            {
              runId: runId(0),
              experiment: 'summaries',
              metrics: [
                point('acc', 0.5, 0),
                point('acc', 0.30000000000000004, 1),
                point('loss', 'NaN', 0),
                point('loss', 'NaN', 1),
                point('tail', 'Infinity', 0),
                point('tail', 1e-320, 1),
              ],
            },
            {
              runId: runId(1),
              experiment: 'summaries',
              metrics: [point('acc', 0.7, 0), point('tail', '-Infinity', 3)],
            },
            { runId: runId(2), experiment: 'summaries' },
          ],
        });
        expect(res0.status).toBe(200);
        const compare = () =>
          api()
            .post('/api/ml-home/compare')
            .set('Authorization', user(ALICE))
            .send({ runs: [runId(0), runId(1), runId(2)] });
        const expected = [
          {
            key: 'acc',
            direction: 'higher',
            directionSource: 'heuristic',
            last: [0.30000000000000004, 0.7, null],
            min: [0.30000000000000004, 0.7, null],
            max: [0.5, 0.7, null],
            best: [1],
          },
          {
            key: 'loss',
            direction: 'lower',
            directionSource: 'heuristic',
            last: ['NaN', null, null],
            min: [null, null, null],
            max: [null, null, null],
            best: [],
          },
          {
            // Nobody declared it and the name says nothing: no best.
            key: 'tail',
            last: [1e-320, '-Infinity', null],
            min: [1e-320, '-Infinity', null],
            max: ['Infinity', '-Infinity', null],
            best: [],
          },
        ];
        const fromSummaries = await compare();
        expect(fromSummaries.status).toBe(200);
        expect(fromSummaries.body.metrics).toEqual(expected);
        // Runs with metrics carry their summary (a run without any is read from its no rows).
        const summaries = await knex('runs')
          .whereIn('id', [runId(0), runId(1)])
          .select('metrics_summary');
        expect(summaries.map(r => typeof r.metrics_summary)).toEqual([
          'string',
          'string',
        ]);

        // Runs whose summary was never computed are read from their rows, with the same answer.
        await knex('runs')
          .whereIn('id', [runId(0), runId(2)])
          .update({ metrics_summary: null });
        const fromRows = await compare();
        expect(fromRows.body.metrics).toEqual(expected);

        // A later point rewrites the summary in the same batch.
        await ingest({
          runs: [
            {
              runId: runId(1),
              experiment: 'summaries',
              metrics: [point('acc', 0.95, 5), point('acc', 0.1, 2)],
            },
          ],
        });
        const later = await compare();
        expect(later.body.metrics[0]).toMatchObject({
          key: 'acc',
          last: [0.30000000000000004, 0.95, null],
          min: [0.30000000000000004, 0.1, null],
          max: [0.5, 0.95, null],
          best: [1],
        });

        // An answer of a few hundred kilobytes goes out gzipped when the caller accepts it.
        const wide = Array.from({ length: 40 }, (_, r) => ({
          runId: r.toString(16).padStart(32, '6'),
          experiment: 'summaries',
          metrics: Array.from({ length: 250 }, (__, k) =>
            point(`m${k}`, Math.sin(r * 1000 + k), 0),
          ),
        }));
        expect((await ingest({ runs: wide })).status).toBe(200);
        const ids = wide.map(r => r.runId);
        const zipped = await api()
          .post('/api/ml-home/compare')
          .set('Authorization', user(ALICE))
          .set('Accept-Encoding', 'gzip')
          .send({ runs: ids });
        expect(zipped.status).toBe(200);
        expect(zipped.headers['content-encoding']).toBe('gzip');
        expect(zipped.headers['content-type']).toMatch(/^application\/json/);
        expect(zipped.body.metrics).toHaveLength(250);
        const m3 = zipped.body.metrics.find((m: any) => m.key === 'm3');
        expect(m3.last[7]).toBe(Math.sin(7 * 1000 + 3));
        const plain = await api()
          .post('/api/ml-home/compare')
          .set('Authorization', user(ALICE))
          .set('Accept-Encoding', 'identity')
          .send({ runs: ids });
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.body).toEqual(zipped.body);
      });
    });
  });
});
