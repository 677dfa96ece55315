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
import { DatabaseMetricDirectionsStore } from './DatabaseMetricDirectionsStore';
import { resolveMetricDirections } from './resolveMetricDirections';

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

function run(runId: string, metrics: Record<string, number>) {
  return {
    runId,
    experiment: 'nightly',
    status: 'FINISHED',
    params: [],
    metrics: Object.entries(metrics).map(([key, value]) => ({
      key,
      value,
      step: 1,
      timestamp: 1,
    })),
  };
}

describe('metric directions', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: any;

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

    const RUN_A = 'a'.repeat(32);
    const RUN_B = 'b'.repeat(32);

    it("lets an owner declare a project's directions, and everyone read them", async () => {
      const empty = await api()
        .get('/api/ml-home/projects/alpha/metric-directions')
        .set('Authorization', user(BOB));
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({ directions: {} });

      const set = await api()
        .put('/api/ml-home/projects/alpha/metric-directions')
        .set('Authorization', user(ALICE))
        .send({ directions: { grad_norm: 'lower', coverage: 'higher' } });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({
        directions: { coverage: 'higher', grad_norm: 'lower' },
      });

      const read = await api()
        .get('/api/ml-home/projects/alpha/metric-directions')
        .set('Authorization', user(BOB));
      expect(read.body).toEqual({
        directions: { coverage: 'higher', grad_norm: 'lower' },
      });
      const rows = await knex('project_metric_directions').orderBy('metric');
      expect(rows.map(r => [r.metric, r.direction, r.updated_by])).toEqual([
        ['coverage', 'higher', ALICE],
        ['grad_norm', 'lower', ALICE],
      ]);
    });

    it('refuses a non-owner (403) and changes nothing', async () => {
      const res = await api()
        .put('/api/ml-home/projects/alpha/metric-directions')
        .set('Authorization', user(BOB))
        .send({ directions: { grad_norm: 'higher' } });
      expect(res.status).toBe(403);
      const model = await api()
        .put('/api/ml-home/models/alpha-model/metric-directions')
        .set('Authorization', user(BOB))
        .send({ directions: { grad_norm: 'higher' } });
      expect([403, 404]).toContain(model.status);
      const read = await api()
        .get('/api/ml-home/projects/alpha/metric-directions')
        .set('Authorization', user(ALICE));
      expect(read.body.directions.grad_norm).toBe('lower');
    });

    it.each([
      [{ directions: { loss: 'down' } }, 'directions'],
      [{ directions: { '': 'lower' } }, 'directions'],
      [{ directions: { ['x'.repeat(251)]: 'lower' } }, 'directions'],
      [{}, 'directions'],
      [{ directions: [] }, 'directions'],
    ])('answers %j with a 400 naming %s', async (body, field) => {
      const res = await api()
        .put('/api/ml-home/projects/alpha/metric-directions')
        .set('Authorization', user(ALICE))
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
    });

    it('keeps a metric called __proto__ as a metric', async () => {
      const res = await api()
        .put('/api/ml-home/projects/beta/metric-directions')
        .set('Authorization', user(BOB))
        .set('Content-Type', 'application/json')
        .send('{"directions":{"__proto__":"lower","constructor":"higher"}}');
      expect(res.status).toBe(200);
      const read = await api()
        .get('/api/ml-home/projects/beta/metric-directions')
        .set('Authorization', user(BOB));
      expect(Object.keys(read.body.directions).sort()).toEqual([
        '__proto__',
        'constructor',
      ]);
      await api()
        .put('/api/ml-home/projects/beta/metric-directions')
        .set('Authorization', user(BOB))
        .send({ directions: {} })
        .expect(200);
    });

    it('marks the best run only where the direction is known, saying where it comes from', async () => {
      await api()
        .post('/api/ml-home/projects/alpha/ingest')
        .set('Authorization', user(ALICE))
        .send({
          runs: [
            run(RUN_A, { grad_norm: 1, learning_rate: 0.1, val_loss: 0.3 }),
            run(RUN_B, { grad_norm: 2, learning_rate: 0.01, val_loss: 0.2 }),
          ],
        })
        .expect(200);
      const res = await api()
        .post('/api/ml-home/compare')
        .set('Authorization', user(ALICE))
        .send({ runs: [RUN_A, RUN_B] });
      expect(res.status).toBe(200);
      const rows = Object.fromEntries(
        res.body.metrics.map((m: any) => [
          m.key,
          [m.direction, m.directionSource, m.best],
        ]),
      );
      expect(rows).toEqual({
        grad_norm: ['lower', 'project', [0]],
        learning_rate: [undefined, undefined, []],
        val_loss: ['lower', 'heuristic', [1]],
      });
    });

    it('lets a model overrule its project, for the model only', async () => {
      await api()
        .post('/api/ml-home/projects/alpha/models')
        .set('Authorization', user(ALICE))
        .send({ name: 'alpha-model' })
        .expect(201);
      const set = await api()
        .put('/api/ml-home/models/alpha-model/metric-directions')
        .set('Authorization', user(ALICE))
        .send({ directions: { grad_norm: 'higher', val_loss: 'higher' } });
      expect(set.status).toBe(200);
      const read = await api()
        .get('/api/ml-home/models/alpha-model/metric-directions')
        .set('Authorization', user(BOB));
      expect(read.body).toEqual({
        directions: { grad_norm: 'higher', val_loss: 'higher' },
      });

      const stores = {
        metricDirections: new DatabaseMetricDirectionsStore(knex),
      };
      const forModel = await resolveMetricDirections(stores, {
        projectName: 'alpha',
        modelName: 'alpha-model',
        metrics: ['learning_rate', 'accuracy'],
      });
      expect(Object.fromEntries(forModel)).toEqual({
        accuracy: { direction: 'higher', source: 'heuristic' },
        coverage: { direction: 'higher', source: 'project' },
        grad_norm: { direction: 'higher', source: 'model' },
        val_loss: { direction: 'higher', source: 'model' },
      });
      const forProject = await resolveMetricDirections(stores, {
        projectName: 'alpha',
        metrics: ['val_loss'],
      });
      expect(Object.fromEntries(forProject)).toEqual({
        coverage: { direction: 'higher', source: 'project' },
        grad_norm: { direction: 'lower', source: 'project' },
        val_loss: { direction: 'lower', source: 'heuristic' },
      });
    });

    it('answers 404 for an unknown project or model', async () => {
      await api()
        .get('/api/ml-home/projects/nope/metric-directions')
        .set('Authorization', user(ALICE))
        .expect(404);
      await api()
        .put('/api/ml-home/models/nope/metric-directions')
        .set('Authorization', user(ALICE))
        .send({ directions: {} })
        .expect(404);
    });
  });
});
