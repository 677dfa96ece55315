import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  BackstageCredentials,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mlHomeCertificationChecksExtensionPoint } from '@ml-home/plugin-ml-home-node/alpha';
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

const ALICE = 'user:default/alice'; // member of team-a, the owner
const BOB = 'user:default/bob'; // member of team-b
const RITA = 'user:default/rita'; // the platform group's reviewer
const GROUPS: Record<string, string[]> = {
  [ALICE]: [ALICE, 'group:default/team-a'],
  [BOB]: [BOB, 'group:default/team-b'],
  [RITA]: [RITA, 'group:default/platform'],
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

/** The example policy: everyone reads, owners write and attest, the platform group reviews. */
function decide(permission: Permission, credentials: BackstageCredentials) {
  const principal = credentials.principal as any;
  const user: string | undefined =
    principal.type === 'user' ? principal.userEntityRef : undefined;
  switch (permission.name) {
    case 'ml-home.project.read':
      return { result: AuthorizeResult.ALLOW };
    case 'ml-home.project.create':
      return { result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    case 'ml-home.certification.review':
      return {
        result: GROUPS[user ?? '']?.includes('group:default/platform')
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    default:
      return user
        ? ownerCondition(GROUPS[user] ?? [user])
        : { result: AuthorizeResult.DENY };
  }
}

const as = (ref: string) => mockCredentials.user.header(ref);

describe('certification routes', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: any;
    let secret: string;
    const audits: any[] = [];

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
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
          requests.map(r => decide(r.permission, options.credentials) as any),
      });
      ({ server } = await startTestBackend({
        features: [
          mlHomePlugin,
          // An organisation's own check, added by a backend module.
          createBackendModule({
            pluginId: 'ml-home',
            moduleId: 'acme-checks',
            register(reg) {
              reg.registerInit({
                deps: { checks: mlHomeCertificationChecksExtensionPoint },
                async init({ checks }) {
                  checks.addCheck({
                    id: 'acme.fairness-report',
                    title: 'A fairness report is filed',
                    section: 'model',
                    description: 'The fairness review board filed its report.',
                    evaluate: async ({ model }) => ({
                      status: 'pass',
                      evidence: { text: `report for ${model}` },
                    }),
                  });
                },
              });
            },
          }),
          permissions.factory,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({
            entities: [
              ...['team-a', 'team-b', 'platform'].map(name => ({
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Group',
                metadata: { name, namespace: 'default' },
                spec: { type: 'team', children: [] },
              })),
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Component',
                metadata: { name: 'feed-service', namespace: 'default' },
                spec: { owner: 'group:default/team-a' },
              },
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
              publish: async () => {},
              subscribe: async () => {},
            }),
          }),
          createServiceFactory({
            service: coreServices.auditor,
            deps: {},
            factory: () => ({
              createEvent: async (options: any) => {
                audits.push(options);
                return {
                  success: async () => {},
                  fail: async () => {},
                };
              },
            }),
          }),
          mockServices.rootConfig.factory({
            data: {
              mlHome: {
                certification: {
                  gate: {
                    aliases: { production: 'silver' },
                    environments: { production: 'silver' },
                  },
                },
              },
            },
          }),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      }));

      const api = request(server);
      // Set-up steps: a failure throws, which fails every test of the block.
      const mustCreate = async (res: request.Response) => {
        if (res.status !== 201) {
          throw new Error(
            `set-up expected 201, got ${res.status}: ${JSON.stringify(res.body)}`,
          );
        }
        return res;
      };
      await mustCreate(
        await api
          .post('/api/ml-home/projects')
          .set('Authorization', as(ALICE))
          .send({ name: 'feed', owner: 'group:default/team-a' }),
      );
      await mustCreate(
        await api
          .post('/api/ml-home/projects/feed/models')
          .set('Authorization', as(ALICE))
          .send({ name: 'ranker' }),
      );
      await mustCreate(
        await api
          .post('/api/ml-home/models/ranker/versions')
          .set('Authorization', as(ALICE))
          .send({}),
      );
      const token = await mustCreate(
        await api
          .post('/api/ml-home/projects/feed/tokens')
          .set('Authorization', as(ALICE))
          .send({ name: 'ci' }),
      );
      secret = token.body.secret;
    });

    const api = () => request(server);
    const attest = (by: string, checkId = 'data.cost') =>
      api()
        .post('/api/ml-home/models/ranker/scorecard/attestations')
        .set('Authorization', by)
        .send({
          checkId,
          evidenceUrl: 'https://docs.example.com/feature-costs',
          note: 'Cost review of every feature',
        });

    it('answers a scorecard in the rubric sections', async () => {
      const res = await api()
        .get('/api/ml-home/models/ranker/scorecard')
        .set('Authorization', as(BOB));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        model: 'ranker',
        project: 'feed',
        owner: 'group:default/team-a',
        level: 'none',
        score: 0,
      });
      expect(res.body.sections[1].score).toBe(1);
      expect(res.body.sections.map((s: any) => s.id)).toEqual([
        'data',
        'model',
        'infrastructure',
        'monitoring',
      ]);
      expect(res.body.nextLevel.level).toBe('bronze');
      const custom = res.body.sections[1].checks.find(
        (c: any) => c.id === 'acme.fairness-report',
      );
      expect(custom).toMatchObject({
        status: 'pass',
        points: 1,
        source: 'automated',
        evidence: { text: 'report for ranker' },
      });
      expect(
        (await api().get('/api/ml-home/models/ranker/scorecard')).status,
      ).toBe(401);
    });

    it('lets owners attest, not other teams nor project tokens', async () => {
      expect((await attest(as(BOB))).status).toBe(403);
      expect((await attest(`Bearer ${secret}`)).status).toBe(403);
      const bad = await api()
        .post('/api/ml-home/models/ranker/scorecard/attestations')
        .set('Authorization', as(ALICE))
        .send({ checkId: 'data.cost', evidenceUrl: 'ftp://x.example.com/a' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('evidenceUrl');
      const unknown = await attest(as(ALICE), 'no.such-test');
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toContain('checkId');

      const res = await attest(as(ALICE));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        checkId: 'data.cost',
        by: ALICE,
        state: 'active',
      });
      expect(audits.map(a => a.eventId)).toContain('certification-attest');
      const card = await api()
        .get('/api/ml-home/models/ranker/scorecard')
        .set('Authorization', as(BOB));
      const cost = card.body.sections[0].checks.find(
        (c: any) => c.id === 'data.cost',
      );
      expect(cost).toMatchObject({
        points: 0.5,
        source: 'attested',
        attestation: { id: res.body.id },
      });
    });

    it('lets reviewers reject an attestation with a reason, nobody else', async () => {
      const { body } = await attest(as(ALICE), 'data.privacy');
      const review = (by: string) =>
        api()
          .post(
            `/api/ml-home/models/ranker/scorecard/attestations/${body.id}/review`,
          )
          .set('Authorization', by)
          .send({ decision: 'reject', reason: 'The link is a template' });
      expect((await review(as(ALICE))).status).toBe(403);
      expect((await review(`Bearer ${secret}`)).status).toBe(403);
      const done = await review(as(RITA));
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({
        state: 'rejected',
        reviewedBy: RITA,
        reviewReason: 'The link is a template',
      });
      expect((await review(as(RITA))).status).toBe(409);
      const history = await api()
        .get('/api/ml-home/models/ranker/scorecard/history?limit=100')
        .set('Authorization', as(BOB));
      expect(history.body.items.map((h: any) => h.kind)).toEqual(
        expect.arrayContaining([
          'attestation-added',
          'attestation-rejected',
          'check-changed',
        ]),
      );
    });

    it("takes external results from the project's CI token", async () => {
      const report = (by: string) =>
        api()
          .post('/api/ml-home/models/ranker/scorecard/results')
          .set('Authorization', by)
          .send({
            checkId: 'infra.integration-tested',
            status: 'pass',
            evidenceUrl: 'https://ci.example.com/pipelines/7',
          });
      expect((await report(as(BOB))).status).toBe(403);
      const res = await report(`Bearer ${secret}`);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        checkId: 'infra.integration-tested',
        status: 'pass',
      });
      const card = await api()
        .get('/api/ml-home/models/ranker/scorecard')
        .set('Authorization', as(ALICE));
      const check = card.body.sections[2].checks.find(
        (c: any) => c.id === 'infra.integration-tested',
      );
      expect(check).toMatchObject({ points: 1, source: 'external' });
    });

    it('refuses a gated promotion below the level with 409, unless an owner overrides', async () => {
      const move = (by: string, extra: object = {}) =>
        api()
          .put('/api/ml-home/models/ranker/aliases/production')
          .set('Authorization', by)
          .send({ version: 1, ...extra });
      const refused = await move(as(ALICE));
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/needs level silver/);
      expect(refused.body.error.message).toMatch(/is none with score 0/);
      expect(refused.body.error.message).toMatch(/Missing checks: .*\(/);

      const deploy = await api()
        .post('/api/ml-home/models/ranker/deployments')
        .set('Authorization', `Bearer ${secret}`)
        .send({
          version: 1,
          environment: 'production',
          service: 'component:default/feed-service',
          certificationOverride: { reason: 'CI says so' },
        });
      // A pipeline token is no owner: it cannot override.
      expect(deploy.status).toBe(403);
      const staging = await api()
        .post('/api/ml-home/models/ranker/deployments')
        .set('Authorization', `Bearer ${secret}`)
        .send({
          version: 1,
          environment: 'staging',
          service: 'component:default/feed-service',
        });
      expect(staging.status).toBe(201);

      const overridden = await move(as(ALICE), {
        certificationOverride: { reason: 'Hotfix for incident 42' },
      });
      expect(overridden.status).toBe(200);
      expect(
        audits.find(
          a =>
            a.eventId === 'model-alias-set' &&
            a.meta?.certificationOverride === 'Hotfix for incident 42',
        ),
      ).toBeDefined();
      const history = await api()
        .get('/api/ml-home/models/ranker/scorecard/history?limit=100')
        .set('Authorization', as(BOB));
      expect(history.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'override-used',
            actor: ALICE,
            reason: 'Hotfix for incident 42',
          }),
        ]),
      );
    });

    it('gives projects and models their level, with a facet and a filter', async () => {
      // A write re-evaluates: the version behind the production alias is now certified.
      expect((await attest(as(ALICE), 'model.hyperparameters')).status).toBe(
        201,
      );
      const model = await api()
        .get('/api/ml-home/models/ranker')
        .set('Authorization', as(BOB));
      const level = model.body.certificationLevel;
      expect(['none', 'bronze']).toContain(level);
      const projects = await api()
        .get(`/api/ml-home/projects?level=${level}`)
        .set('Authorization', as(BOB));
      expect(projects.status).toBe(200);
      expect(projects.body.items.map((p: any) => p.name)).toEqual(['feed']);
      expect(projects.body.items[0].certificationLevel).toBe(level);
      expect(projects.body.facets.level).toEqual([{ value: level, count: 1 }]);
      const gold = await api()
        .get('/api/ml-home/projects?level=gold')
        .set('Authorization', as(BOB));
      expect(gold.body.items).toEqual([]);
      expect(gold.body.facets.level).toEqual([{ value: level, count: 1 }]);
    });

    it('answers the overview of readable models', async () => {
      const res = await api()
        .get('/api/ml-home/certification?level=none&level=bronze&limit=10')
        .set('Authorization', as(BOB));
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: any) => i.model)).toEqual(['ranker']);
      expect(res.body.expiring).toEqual([]);
      expect(res.body.levels.map((l: any) => l.level)).toEqual([
        'none',
        'bronze',
        'silver',
        'gold',
        'platinum',
      ]);
      expect(
        (
          await api()
            .get('/api/ml-home/certification?expiringWithinDays=0')
            .set('Authorization', as(BOB))
        ).status,
      ).toBe(400);
    });
  });
});
