import { PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import {
  ML_HOME_PROJECT_RESOURCE_TYPE,
  mlHomeProjectReadPermission,
  mlHomeRunWritePermission,
} from '@ml-home/plugin-ml-home-common';
import { ProjectConditions } from '../domain/ProjectConditions';
import { ProjectQuery, matchesProjectConditions } from '../permissions';
import { Caller } from '../domain/Caller';

/** A permission decided on a project. */
export type ProjectPermission = ResourcePermission<
  typeof ML_HOME_PROJECT_RESOURCE_TYPE
>;

/** What a project token may do in its own project: read it and ingest into it. */
const PROJECT_TOKEN_PERMISSIONS: ReadonlySet<string> = new Set([
  mlHomeProjectReadPermission.name,
  mlHomeRunWritePermission.name,
]);

/**
 * Decides permissions on projects for the authorisation wrappers: a list call asks for the
 * conditions to push into SQL, a single-project call checks the loaded project in memory with the
 * same rules.
 *
 * Project tokens are ML Home's own credentials, unknown to the permission framework, so they are
 * decided here and never forwarded to the policy: read and ingest in the token's project, nothing
 * else, and no cross-project lists.
 */
export class ProjectAuthorizer {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly toProjectQuery: ConditionTransformer<ProjectQuery>,
  ) {}

  /** `denied`, or the conditions (undefined: no restriction) a query must add. */
  async conditionsFor(
    caller: Caller,
    permission: ProjectPermission,
  ): Promise<{ denied: boolean; conditions: ProjectConditions }> {
    if (caller.projectToken) {
      return { denied: true, conditions: undefined };
    }
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials: caller.credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      return { denied: true, conditions: undefined };
    }
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return {
        denied: false,
        conditions: this.toProjectQuery(decision.conditions),
      };
    }
    return { denied: false, conditions: undefined };
  }

  /**
   * Runs a list query with the caller's read conditions pushed into it, or answers `empty` when
   * the caller may read no project at all.
   */
  async whenReadable<T>(
    caller: Caller,
    empty: T,
    run: (conditions: ProjectConditions) => Promise<T>,
  ): Promise<T> {
    const { denied, conditions } = await this.conditionsFor(
      caller,
      mlHomeProjectReadPermission,
    );
    return denied ? empty : run(conditions);
  }

  /** Throws NotAllowedError unless the caller holds the permission on the project. */
  async check(
    caller: Caller,
    permission: ProjectPermission,
    project: { name: string; owner: string },
  ): Promise<void> {
    (await this.decide(caller, permission))(project);
  }

  /**
   * The caller's decision on a permission, asked once, as a check of any project: throws
   * NotAllowedError unless the caller holds the permission on the project given. The decision is
   * the same for every project (it is asked without a resource; a conditional one is matched
   * against each project in memory), so an operation on several projects asks once instead of
   * once per project. Use it within one operation, never across requests.
   */
  async decide(
    caller: Caller,
    permission: ProjectPermission,
  ): Promise<(project: { name: string; owner: string }) => void> {
    if (caller.projectToken) {
      const token = caller.projectToken;
      return project => {
        if (
          !PROJECT_TOKEN_PERMISSIONS.has(permission.name) ||
          token.project !== project.name
        ) {
          throw new NotAllowedError(
            `This project token may only read and write runs, metrics, versions, evaluations and deployments of project '${token.project}' (${permission.name} on project '${project.name}' refused)`,
          );
        }
      };
    }
    const { denied, conditions } = await this.conditionsFor(caller, permission);
    return project => {
      const allowed =
        !denied &&
        (!conditions ||
          matchesProjectConditions(
            { name: project.name, owner: project.owner },
            conditions,
          ));
      if (!allowed) {
        throw new NotAllowedError(
          `You may not ${permission.attributes.action ?? 'use'} (${permission.name}) project '${project.name}'`,
        );
      }
    };
  }

  async checkBasic(caller: Caller, permission: BasicPermission) {
    if (caller.projectToken) {
      throw new NotAllowedError(
        `A project token may not ${permission.attributes.action} ML projects (${permission.name})`,
      );
    }
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials: caller.credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${permission.attributes.action} ML projects (${permission.name})`,
      );
    }
  }
}
