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
import { Knex } from 'knex';
import request from 'supertest';
import { mlHomePlugin } from '../plugin';

jest.setTimeout(120_000);

const ALICE = 'user:default/alice'; // member of team-a, which owns project "alpha"
const BOB = 'user:default/bob'; // member of team-b, which owns project "beta"
const GROUPS: Record<string, string[]> = {
  [ALICE]: [ALICE, 'group:default/team-a'],
  [BOB]: [BOB, 'group:default/team-b'],
};

/** The example policy: everyone reads, owners write; services follow Backstage's rule. */
function decide(permission: Permission, credentials: BackstageCredentials) {
  const principal = credentials.principal as any;
  if (principal.type === 'service') {
    return { result: AuthorizeResult.ALLOW } as const;
  }
  const owners = GROUPS[principal.userEntityRef] ?? [];
  if (permission.name === 'ml-home.project.read') {
    return { result: AuthorizeResult.ALLOW } as const;
  }
  if (permission.name === 'ml-home.project.create') {
    return { result: AuthorizeResult.ALLOW } as const;
  }
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

const user = (ref: string) => mockCredentials.user.header(ref);
const bearer = (secret: string) => `Bearer ${secret}`;

function batch(runId: string, requestId?: string) {
  return {
    ...(requestId ? { requestId } : {}),
    runs: [
      {
        runId,
        experiment: 'nightly',
        status: 'FINISHED',
        params: [{ key: 'lr', value: '0.1' }],
        metrics: [{ key: 'auc', value: 0.8, step: 1, timestamp: 1 }],
      },
    ],
  };
}

describe('project tokens', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: any;
    let alphaSecret: string;
    let alphaTokenId: string;

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
          requests.map(r => decide(r.permission, options.credentials)) as any,
      });
      ({ server } = await startTestBackend({
        features: [
          mlHomePlugin,
          permissions.factory,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({
            entities: ['team-a', 'team-b'].map(name => ({
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Group',
              metadata: { name, namespace: 'default' },
              spec: { type: 'team', children: [] },
            })),
          }),
          // Group membership as the sign-in resolver puts it in the user's token: owners of
          // new projects must be among it.
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
      for (const [name, owner, by] of [
        ['alpha', 'group:default/team-a', ALICE],
        ['beta', 'group:default/team-b', BOB],
      ]) {
        const res = await request(server)
          .post('/api/ml-home/projects')
          .set('Authorization', user(by))
          .send({ name, owner });
        if (res.status !== 201) {
          throw new Error(`creating project ${name}: ${res.status}`);
        }
      }
    });

    const api = () => request(server);

    it('lets an owner create a token whose secret is shown once and stored only as a hash', async () => {
      const res = await api()
        .post('/api/ml-home/projects/alpha/tokens')
        .set('Authorization', user(ALICE))
        .send({ name: 'nightly training', expiresInDays: 30 });
      expect(res.status).toBe(201);
      const { token, secret } = res.body;
      expect(secret).toMatch(/^mlh_[A-Za-z0-9_-]{43}$/);
      expect(token).toMatchObject({
        project: 'alpha',
        name: 'nightly training',
        prefix: secret.slice(0, 12),
        createdBy: ALICE,
      });
      const days =
        (Date.parse(token.expiresAt) - Date.parse(token.createdAt)) / 86400000;
      expect(days).toBeCloseTo(30, 5);
      expect(token.lastUsedAt).toBeUndefined();
      alphaSecret = secret;
      alphaTokenId = token.id;

      const stored = await knex('project_tokens').where('id', token.id).first();
      expect(JSON.stringify(stored)).not.toContain(secret);
      expect(stored.secret_hash).toMatch(/^[0-9a-f]{64}$/);

      const list = await api()
        .get('/api/ml-home/projects/alpha/tokens')
        .set('Authorization', user(ALICE));
      expect(list.status).toBe(200);
      expect(list.body.items.map((t: any) => t.id)).toEqual([token.id]);
      expect(JSON.stringify(list.body)).not.toContain(secret);

      const events = await api()
        .get('/api/ml-home/projects/alpha/events')
        .set('Authorization', user(ALICE));
      expect(events.body.items[0]).toMatchObject({
        action: 'token.create',
        actor: ALICE,
      });
    });

    it('refuses token management to non-owners, with the field named on bad input', async () => {
      for (const call of [
        api().get('/api/ml-home/projects/alpha/tokens'),
        api().post('/api/ml-home/projects/alpha/tokens').send({ name: 'x' }),
        api().delete(`/api/ml-home/projects/alpha/tokens/${alphaTokenId}`),
      ]) {
        const res = await call.set('Authorization', user(BOB));
        expect(res.status).toBe(403);
      }
      const blank = await api()
        .post('/api/ml-home/projects/alpha/tokens')
        .set('Authorization', user(ALICE))
        .send({ name: '   ' });
      expect(blank.status).toBe(400);
      expect(blank.body.error.message).toContain('name');
      const tooLong = await api()
        .post('/api/ml-home/projects/alpha/tokens')
        .set('Authorization', user(ALICE))
        .send({ name: 'x', expiresInDays: 366 });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.message).toContain('expiresInDays');
    });

    it('ingests and reads with a project token in its own project, and records its use', async () => {
      const runId = 'a1'.repeat(16);
      const res = await api()
        .post('/api/ml-home/projects/alpha/ingest')
        .set('Authorization', bearer(alphaSecret))
        .send(batch(runId, 'token-batch-1'));
      expect(res.status).toBe(200);
      expect(res.body.runs[0]).toMatchObject({ runId, created: true });

      const run = await api()
        .get(`/api/ml-home/runs/${runId}`)
        .set('Authorization', bearer(alphaSecret));
      expect(run.status).toBe(200);
      expect(run.body.project).toBe('alpha');
      expect(run.body.user).toBe(`project-token:${alphaSecret.slice(0, 12)}`);

      expect(
        (
          await api()
            .get('/api/ml-home/projects/alpha')
            .set('Authorization', bearer(alphaSecret))
        ).status,
      ).toBe(200);

      const list = await api()
        .get('/api/ml-home/projects/alpha/tokens')
        .set('Authorization', user(ALICE));
      expect(list.body.items[0].lastUsedAt).toBeDefined();
    });

    it('confines a project token to its project: reads and writes elsewhere are refused, nothing is written', async () => {
      const before = await knex('runs').count({ n: '*' });
      const runId = 'b2'.repeat(16);
      const ingest = await api()
        .post('/api/ml-home/projects/beta/ingest')
        .set('Authorization', bearer(alphaSecret))
        .send(batch(runId));
      expect(ingest.status).toBe(403);
      const read = await api()
        .get('/api/ml-home/projects/beta')
        .set('Authorization', bearer(alphaSecret));
      expect(read.status).toBe(403);
      expect(await knex('runs').count({ n: '*' })).toEqual(before);

      // Cross-project lists show it nothing rather than everything.
      const all = await api()
        .get('/api/ml-home/projects')
        .set('Authorization', bearer(alphaSecret));
      expect(all.status).toBe(200);
      expect(all.body.items).toEqual([]);
    });

    it('refuses a project token everything but reading and ingesting, even in its own project', async () => {
      const refused: [string, string, object?][] = [
        [
          'patch',
          '/api/ml-home/projects/alpha',
          { owner: 'group:default/team-b' },
        ],
        ['delete', '/api/ml-home/projects/alpha'],
        [
          'post',
          '/api/ml-home/projects',
          { name: 'gamma', owner: 'group:default/team-a' },
        ],
        ['post', '/api/ml-home/projects/alpha/tokens', { name: 'more' }],
        ['get', '/api/ml-home/projects/alpha/tokens'],
        ['delete', `/api/ml-home/projects/alpha/tokens/${alphaTokenId}`],
        ['post', '/api/ml-home/projects/alpha/models', { name: 'alpha-model' }],
      ];
      for (const [method, path, body] of refused) {
        const res = await (api() as any)
          [method](path)
          .set('Authorization', bearer(alphaSecret))
          .send(body);
        expect([method, path, res.status]).toEqual([method, path, 403]);
      }
      const project = await api()
        .get('/api/ml-home/projects/alpha')
        .set('Authorization', user(ALICE));
      expect(project.body.owner).toBe('group:default/team-a');
      expect(project.body.deletedAt).toBeUndefined();
    });

    it('answers 401 for an unknown, expired or revoked token', async () => {
      const unknown = await api()
        .get('/api/ml-home/health')
        .set('Authorization', bearer(`mlh_${'x'.repeat(43)}`));
      expect(unknown.status).toBe(401);

      const created = await api()
        .post('/api/ml-home/projects/alpha/tokens')
        .set('Authorization', user(ALICE))
        .send({ name: 'short-lived', expiresInDays: 1 });
      const { secret, token } = created.body;
      expect(
        (
          await api()
            .get('/api/ml-home/health')
            .set('Authorization', bearer(secret))
        ).status,
      ).toBe(200);
      await knex('project_tokens')
        .where('id', token.id)
        .update({ expires_at: new Date(Date.now() - 1000).toISOString() });
      const expired = await api()
        .post('/api/ml-home/projects/alpha/ingest')
        .set('Authorization', bearer(secret))
        .send(batch('c3'.repeat(16)));
      expect(expired.status).toBe(401);

      const revoked = await api()
        .delete(`/api/ml-home/projects/alpha/tokens/${alphaTokenId}`)
        .set('Authorization', user(ALICE));
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({
        id: alphaTokenId,
        revokedBy: ALICE,
      });
      expect(revoked.body.revokedAt).toBeDefined();
      const after = await api()
        .post('/api/ml-home/projects/alpha/ingest')
        .set('Authorization', bearer(alphaSecret))
        .send(batch('d4'.repeat(16)));
      expect(after.status).toBe(401);
      expect(
        await knex('runs').whereIn('id', ['c3'.repeat(16), 'd4'.repeat(16)]),
      ).toEqual([]);

      const missing = await api()
        .delete('/api/ml-home/projects/alpha/tokens/no-such-token')
        .set('Authorization', user(ALICE));
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toContain('tokenId');
    });

    it('still requires a Backstage identity or a project token on every path', async () => {
      for (const path of [
        '/api/ml-home/health',
        '/api/ml-home/no-such-route',
      ]) {
        expect((await api().get(path)).status).toBe(401);
        expect(
          (await api().get(path).set('Authorization', 'Bearer garbage')).status,
        ).toBe(401);
      }
    });
  });
});
