/*
 * A permission policy for a Backstage portal with ML Home: copy this file into your backend
 * (packages/backend/src/mlHomePermissionPolicy.ts) and add it in place of the allow-all policy:
 *
 *   backend.add(import('./mlHomePermissionPolicy'));
 *
 * It needs @backstage/plugin-permission-common and @backstage/plugin-permission-node (both in the
 * create-app template's backend), @backstage/backend-plugin-api, @ml-home/plugin-ml-home-common and
 * @ml-home/plugin-ml-home-node.
 *
 * What it decides:
 * - every signed-in user reads every ML Home project;
 * - any signed-in user may create a project (ML Home itself checks that the owner is a catalog group
 *   the creator is a member of);
 * - a project, its runs and everything else in it are changed and deleted only by members of the
 *   project's owner group: a conditional decision that ML Home applies in SQL for lists and in
 *   memory for one project;
 * - a model's owners attest its certification checks (the same owner condition);
 * - only the platform group (PLATFORM_GROUP below: change it to yours) reviews attestations and runs
 *   the imports from MLflow;
 * - everything else is allowed, as with the allow-all policy: the rest of the portal.
 *
 * Service-to-service calls (the catalog and search modules reading ML Home) never reach a policy:
 * Backstage allows them from their token's access restrictions.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  mlHomeAdminImportsPermission,
  mlHomeCertificationAttestPermission,
  mlHomeCertificationReviewPermission,
  mlHomeProjectCreatePermission,
  mlHomeProjectDeletePermission,
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
  mlHomeRunWritePermission,
} from '@ml-home/plugin-ml-home-common';
import {
  createMlHomeConditionalDecision,
  mlHomeConditions,
} from '@ml-home/plugin-ml-home-node';

/** Who reviews certification attestations and runs the MLflow imports: your ML platform team. */
const PLATFORM_GROUP = 'group:default/ml-platform';

class MlHomePermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;

    if (isPermission(permission, mlHomeProjectReadPermission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      isPermission(permission, mlHomeCertificationReviewPermission) ||
      isPermission(permission, mlHomeAdminImportsPermission)
    ) {
      const groups = user?.info.ownershipEntityRefs ?? [];
      return {
        result: groups.includes(PLATFORM_GROUP)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    if (isPermission(permission, mlHomeProjectCreatePermission)) {
      return { result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    if (
      isPermission(permission, mlHomeProjectUpdatePermission) ||
      isPermission(permission, mlHomeProjectDeletePermission) ||
      isPermission(permission, mlHomeRunWritePermission) ||
      isPermission(permission, mlHomeCertificationAttestPermission)
    ) {
      if (!user) {
        return { result: AuthorizeResult.DENY };
      }
      // Members of the owner group: the user's ownership refs hold the groups they belong to.
      return createMlHomeConditionalDecision(
        permission,
        mlHomeConditions.isProjectOwner({
          owners: user.info.ownershipEntityRefs ?? [],
        }),
      );
    }

    return { result: AuthorizeResult.ALLOW };
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'ml-home-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new MlHomePermissionPolicy());
      },
    });
  },
});
