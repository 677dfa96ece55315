import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { ML_HOME_PROJECT_RESOURCE_TYPE } from '@ml-home/plugin-ml-home-common';

/**
 * What the permission rules need to know about a project to decide on it in memory.
 *
 * @remarks
 * Deliberately smaller than the domain `Project`: `getResources` and single-project checks only
 * have to load these fields.
 */
export type ProjectResource = {
  /** The project's unique slug; also the `resourceRef` used in permission requests. */
  name: string;
  /** Entity ref of the owning group, e.g. `group:default/home-ranking`. */
  owner: string;
};

/**
 * The query form of a rule, which {@link applyProjectConditions} turns into SQL.
 *
 * @remarks
 * `ownerIn` matches projects whose owner equals one of the refs, ignoring case; an empty list
 * matches nothing.
 */
export type ProjectQuery = {
  ownerIn: string[];
};

/**
 * The project resource type of the `ml-home` plugin, tying together its rules, its condition
 * exports and its registration with the permissions registry.
 */
export const mlHomeProjectResourceRef = createPermissionResourceRef<
  ProjectResource,
  ProjectQuery
>().with({
  pluginId: 'ml-home',
  resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
});
