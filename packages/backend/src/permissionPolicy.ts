import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
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

/**
 * The example portal's policy:
 * - everyone signed in reads everything;
 * - ML Home projects are changed only by members of the owning group (a conditional decision the
 *   ML Home backend turns into SQL for lists and checks in memory for single projects);
 * - anyone signed in may create a project for a group they belong to (ML Home checks that the
 *   owner is a catalog group with the caller in it).
 *
 * Service callers never reach a policy: Backstage decides them from their token's access
 * restrictions (none: everything allowed). That is why `ML_HOME_TOKEN` is configured with
 * restrictions to ML Home's read and ingestion permissions (see externalAccess.ts), and why
 * pipelines that write into one project use ML Home's project tokens, which ML Home decides itself.
 *
 * - the imports from MLflow (`ml-home.admin.imports`, the admin page) are for the admin groups
 *   only, by default the ML platform team.
 * - certification: a model's owners attest its tests (`ml-home.certification.attest`, the same
 *   owner condition as changing the project); the reviewer groups reject attestations
 *   (`ml-home.certification.review`), by default `mlHome.certification.reviewerGroup` or the ML
 *   platform team.
 */
export class MlHomeExamplePolicy implements PermissionPolicy {
  constructor(
    private readonly adminGroups: string[] = ['group:default/ml-platform'],
    private readonly reviewerGroups: string[] = ['group:default/ml-platform'],
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;

    if (isPermission(permission, mlHomeProjectReadPermission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (isPermission(permission, mlHomeAdminImportsPermission)) {
      const refs = user?.info.ownershipEntityRefs ?? [];
      return {
        result: this.adminGroups.some(group => refs.includes(group))
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    if (isPermission(permission, mlHomeCertificationReviewPermission)) {
      const refs = user?.info.ownershipEntityRefs ?? [];
      return {
        result: this.reviewerGroups.some(group => refs.includes(group))
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    if (isPermission(permission, mlHomeProjectCreatePermission)) {
      return { result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    if (
      isPermission(permission, mlHomeRunWritePermission) ||
      isPermission(permission, mlHomeCertificationAttestPermission) ||
      isPermission(permission, mlHomeProjectUpdatePermission) ||
      isPermission(permission, mlHomeProjectDeletePermission)
    ) {
      if (!user) {
        return { result: AuthorizeResult.DENY };
      }
      return createMlHomeConditionalDecision(
        permission,
        mlHomeConditions.isProjectOwner({
          owners: user.info.ownershipEntityRefs ?? [],
        }),
      );
    }

    // The rest of the portal (catalog, settings, …): open to any signed-in principal.
    return { result: AuthorizeResult.ALLOW };
  }
}

/** Installs {@link MlHomeExamplePolicy} as the portal's permission policy. */
export const mlHomePermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'ml-home-example-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        const reviewer = config.getOptionalString(
          'mlHome.certification.reviewerGroup',
        );
        policy.setPolicy(
          new MlHomeExamplePolicy(undefined, reviewer ? [reviewer] : undefined),
        );
      },
    });
  },
});
