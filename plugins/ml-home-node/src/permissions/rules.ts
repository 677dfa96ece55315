import {
  createConditionExports,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { ML_HOME_PERMISSION_RULES } from '@ml-home/plugin-ml-home-common';
import { z } from 'zod';
import { mlHomeProjectResourceRef } from './resource';

/**
 * Folds an entity ref for comparison, as ML Home's rules compare owners.
 *
 * @remarks
 * Entity refs are case-insensitive, and Backstage restricts their kind, namespace and name to
 * ASCII, so this agrees with SQL `lower()` on every database: the in-memory and SQL forms of a
 * rule must fold alike.
 *
 * @public
 */
export function foldEntityRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/**
 * The project is owned by one of the given entity refs, typically the user's
 * `ownershipEntityRefs` (rule `IS_PROJECT_OWNER`; owners compared ignoring case).
 *
 * @public
 */
export const isProjectOwner = createPermissionRule({
  name: ML_HOME_PERMISSION_RULES.isProjectOwner,
  description: 'Allow projects owned by one of the given entity refs',
  resourceRef: mlHomeProjectResourceRef,
  paramsSchema: z.object({
    owners: z
      .array(z.string())
      .describe(
        'Entity refs of owners, such as the user ownership refs; matched ignoring case',
      ),
  }),
  apply: (resource, { owners }) => {
    const owner = foldEntityRef(resource.owner);
    return owners.some(candidate => foldEntityRef(candidate) === owner);
  },
  toQuery: ({ owners }) => ({ ownerIn: owners }),
});

/**
 * Every rule ML Home registers for its project resource type.
 *
 * @public
 */
export const mlHomeRules = { isProjectOwner };

const conditionExports = createConditionExports({
  resourceRef: mlHomeProjectResourceRef,
  rules: mlHomeRules,
});

/**
 * Condition factories for policy authors, one per rule, e.g.
 * `mlHomeConditions.isProjectOwner({ owners: user.info.ownershipEntityRefs })`.
 *
 * @public
 */
export const mlHomeConditions = conditionExports.conditions;

/**
 * Wraps ML Home conditions into a conditional policy decision for a project permission:
 *
 * ```ts
 * if (isResourcePermission(permission, ML_HOME_PROJECT_RESOURCE_TYPE)) {
 *   return createMlHomeConditionalDecision(
 *     permission,
 *     mlHomeConditions.isProjectOwner({ owners: user.info.ownershipEntityRefs ?? [] }),
 *   );
 * }
 * ```
 *
 * @public
 */
export const createMlHomeConditionalDecision =
  conditionExports.createConditionalDecision;
