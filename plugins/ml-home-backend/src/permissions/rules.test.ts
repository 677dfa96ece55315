import {
  coreServices,
  createBackendPlugin,
  PermissionsRegistryService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import {
  ML_HOME_PERMISSION_RULES,
  ML_HOME_PROJECT_RESOURCE_TYPE,
  mlHomePermissions,
} from '@ml-home/plugin-ml-home-common';
import {
  mlHomeProjectResourceRef,
  mlHomeRules,
  type MlHomeProjectResource,
} from '@ml-home/plugin-ml-home-node';
import request from 'supertest';
import { matchesProjectConditions } from './conditionsToKnex';

const projects: MlHomeProjectResource[] = [
  { name: 'ranker', owner: 'group:default/home-ranking' },
  { name: 'fraud', owner: 'Group:ML/Fraud' },
];

/** The conditions the example policy returns for a member of home-ranking, as they travel. */
const policyConditions: PermissionCondition = {
  rule: ML_HOME_PERMISSION_RULES.isProjectOwner,
  resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
  params: {
    owners: ['user:default/alice', 'GROUP:default/Home-Ranking'],
  },
};

describe('registration with the permissions registry', () => {
  // A stand-in plugin with ML Home's id that registers the resource type the way plugin.ts
  // should, so the real registry (metadata, parameter validation, apply-conditions) is exercised.
  async function startBackend() {
    let registry: PermissionsRegistryService | undefined;
    const { server } = await startTestBackend({
      features: [
        createBackendPlugin({
          pluginId: 'ml-home',
          register(env) {
            env.registerInit({
              deps: { permissionsRegistry: coreServices.permissionsRegistry },
              async init({ permissionsRegistry }) {
                permissionsRegistry.addResourceType({
                  resourceRef: mlHomeProjectResourceRef,
                  permissions: mlHomePermissions,
                  rules: Object.values(mlHomeRules),
                  getResources: async names =>
                    names.map(name => projects.find(p => p.name === name)),
                });
                registry = permissionsRegistry;
              },
            });
          },
        }),
      ],
    });
    return { server, registry: registry! };
  }

  it('publishes the rule with a JSON schema of its parameters', async () => {
    const { server } = await startBackend();
    const res = await request(server).get(
      '/api/ml-home/.well-known/backstage/permissions/metadata',
    );
    expect(res.status).toBe(200);
    expect(res.body.permissions).toEqual(
      expect.arrayContaining(
        mlHomePermissions.map(p => expect.objectContaining({ name: p.name })),
      ),
    );
    expect(res.body.rules).toEqual([
      {
        name: 'IS_PROJECT_OWNER',
        description: expect.any(String),
        resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
        paramsSchema: expect.objectContaining({
          type: 'object',
          properties: {
            owners: expect.objectContaining({
              type: 'array',
              items: { type: 'string' },
            }),
          },
          required: ['owners'],
        }),
      },
    ]);
  });

  it('applies the example policy conditions to single projects', async () => {
    const { server } = await startBackend();
    const res = await request(server)
      .post('/api/ml-home/.well-known/backstage/permissions/apply-conditions')
      .set('Authorization', mockCredentials.service.header())
      .send({
        items: [
          {
            id: '1',
            resourceRef: 'ranker',
            resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
            conditions: policyConditions,
          },
          {
            id: '2',
            resourceRef: ['fraud', 'ranker', 'missing'],
            resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
            conditions: { not: policyConditions },
          },
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: '1', result: AuthorizeResult.ALLOW },
      {
        id: '2',
        result: [
          AuthorizeResult.ALLOW,
          AuthorizeResult.DENY,
          AuthorizeResult.DENY,
        ],
      },
    ]);
  });

  it('rejects parameters that do not fit the schema', async () => {
    const { server } = await startBackend();
    const res = await request(server)
      .post('/api/ml-home/.well-known/backstage/permissions/apply-conditions')
      .set('Authorization', mockCredentials.service.header())
      .send({
        items: [
          {
            id: '1',
            resourceRef: 'ranker',
            resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
            conditions: { ...policyConditions, params: { owners: 'alice' } },
          },
        ],
      });
    expect(res.status).toBe(400);
  });

  it('transforms conditions into project queries that agree with the rule', async () => {
    const { registry } = await startBackend();
    const transform = createConditionTransformer(
      registry.getPermissionRuleset(mlHomeProjectResourceRef),
    );
    const conditions: PermissionCriteria<PermissionCondition> = {
      anyOf: [policyConditions, { not: policyConditions }],
    };
    const query = transform(conditions);
    expect(query).toEqual({
      anyOf: [
        { ownerIn: ['user:default/alice', 'GROUP:default/Home-Ranking'] },
        {
          not: {
            ownerIn: ['user:default/alice', 'GROUP:default/Home-Ranking'],
          },
        },
      ],
    });
    expect(
      matchesProjectConditions(projects[0], transform(policyConditions)),
    ).toBe(true);
    expect(
      matchesProjectConditions(projects[1], transform(policyConditions)),
    ).toBe(false);
  });
});
