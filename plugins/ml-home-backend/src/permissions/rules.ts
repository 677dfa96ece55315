import {
  createConditionExports,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { ML_HOME_PERMISSION_RULES } from '@ml-home/plugin-ml-home-common';
import { z } from 'zod';
import { mlHomeProjectResourceRef } from './resource';

/**
 * Folds an entity ref for comparison. Entity refs are case-insensitive, and Backstage restricts
 * their kind, namespace and name to ASCII, so this agrees with SQL `lower()` on every database.
 */
export function foldEntityRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/**
 * The project is owned by one of the given entity refs, typically the user's
 * `ownershipEntityRefs`.
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

/** Every rule ML Home registers for its project resource type. */
export const mlHomeRules = { isProjectOwner };

const conditionExports = createConditionExports({
  resourceRef: mlHomeProjectResourceRef,
  rules: mlHomeRules,
});

/**
 * Condition factories for policy authors, e.g.
 * `mlHomeConditions.isProjectOwner({ owners: user.info.ownershipEntityRefs })`.
 */
export const mlHomeConditions = conditionExports.conditions;

/** Wraps ML Home conditions into a conditional policy decision for a project permission. */
export const createMlHomeConditionalDecision =
  conditionExports.createConditionalDecision;
