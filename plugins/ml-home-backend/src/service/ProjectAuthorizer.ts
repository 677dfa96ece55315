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
} from '@ml-home/plugin-ml-home-common';
import { ProjectConditions } from '../database/MlHomeStore';
import { ProjectQuery, matchesProjectConditions } from '../permissions';
import { Caller } from './MlHomeService';

type ProjectPermission = ResourcePermission<
  typeof ML_HOME_PROJECT_RESOURCE_TYPE
>;

/**
 * Decides permissions on projects for the authorisation wrappers: a list call asks for the
 * conditions to push into SQL, a single-project call checks the loaded project in memory with the
 * same rules.
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
    const { denied, conditions } = await this.conditionsFor(caller, permission);
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
  }

  async checkBasic(caller: Caller, permission: BasicPermission) {
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
