import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  ML_HOME_PROJECT_RESOURCE_TYPE,
  mlHomeAdminImportsPermission,
  mlHomeCertificationAttestPermission,
  mlHomeCertificationReviewPermission,
  mlHomeProjectCreatePermission,
  mlHomeProjectDeletePermission,
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
  mlHomeRunWritePermission,
} from '@ml-home/plugin-ml-home-common';
import { MlHomeExamplePolicy } from './permissionPolicy';

const alice = {
  identity: {
    type: 'user',
    userEntityRef: 'user:default/alice',
    ownershipEntityRefs: ['user:default/alice', 'group:default/home-ranking'],
  },
  info: {
    userEntityRef: 'user:default/alice',
    ownershipEntityRefs: ['user:default/alice', 'group:default/home-ranking'],
  },
  token: 'token',
  credentials: {} as PolicyQueryUser['credentials'],
} as PolicyQueryUser;

describe('MlHomeExamplePolicy', () => {
  const policy = new MlHomeExamplePolicy();

  it('lets only the admin groups see and start MLflow imports', async () => {
    const admin = {
      ...alice,
      info: {
        ...alice.info,
        ownershipEntityRefs: ['user:default/pat', 'group:default/ml-platform'],
      },
    } as PolicyQueryUser;
    await expect(
      policy.handle({ permission: mlHomeAdminImportsPermission }, admin),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle({ permission: mlHomeAdminImportsPermission }, alice),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      policy.handle({ permission: mlHomeAdminImportsPermission }),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets only the reviewer groups review certification attestations', async () => {
    const reviewer = {
      ...alice,
      info: {
        ...alice.info,
        ownershipEntityRefs: ['user:default/rita', 'group:default/ml-platform'],
      },
    } as PolicyQueryUser;
    await expect(
      policy.handle(
        { permission: mlHomeCertificationReviewPermission },
        reviewer,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle({ permission: mlHomeCertificationReviewPermission }, alice),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    const custom = new MlHomeExamplePolicy(undefined, [
      'group:default/home-ranking',
    ]);
    await expect(
      custom.handle({ permission: mlHomeCertificationReviewPermission }, alice),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets everyone read and signed-in users create projects', async () => {
    await expect(
      policy.handle({ permission: mlHomeProjectReadPermission }),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle({ permission: mlHomeProjectCreatePermission }, alice),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle({ permission: mlHomeProjectCreatePermission }),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it.each([
    mlHomeProjectUpdatePermission,
    mlHomeProjectDeletePermission,
    mlHomeRunWritePermission,
    mlHomeCertificationAttestPermission,
  ])(
    'lets the owning group change a project ($name): a condition ML Home decides',
    async permission => {
      await expect(policy.handle({ permission }, alice)).resolves.toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'ml-home',
        resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
        conditions: {
          rule: 'IS_PROJECT_OWNER',
          resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
          params: {
            owners: ['user:default/alice', 'group:default/home-ranking'],
          },
        },
      });
      await expect(policy.handle({ permission })).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
    },
  );
});
