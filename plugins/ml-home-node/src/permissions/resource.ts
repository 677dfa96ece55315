import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { ML_HOME_PROJECT_RESOURCE_TYPE } from '@ml-home/plugin-ml-home-common';

/**
 * What ML Home's permission rules know about a project when they decide on it in memory.
 *
 * @remarks
 * Deliberately smaller than the wire `Project`: single-project checks and the permission
 * framework's `getResources` only have to load these fields.
 *
 * @public
 */
export type MlHomeProjectResource = {
  /** The project's unique slug; also the `resourceRef` of permission requests. */
  name: string;
  /** Entity ref of the owning group, e.g. `group:default/home-ranking`. */
  owner: string;
};

/**
 * The query form of ML Home's rules, which the backend turns into SQL.
 *
 * @remarks
 * `ownerIn` matches projects whose owner equals one of the refs, ignoring case; an empty list
 * matches nothing.
 *
 * @public
 */
export type MlHomeProjectQuery = {
  ownerIn: string[];
};

/**
 * The project resource type of the `ml-home` plugin (`ml-home-project`): ties together its
 * rules, its condition exports and its registration with the permissions registry.
 *
 * @public
 */
export const mlHomeProjectResourceRef = createPermissionResourceRef<
  MlHomeProjectResource,
  MlHomeProjectQuery
>().with({
  pluginId: 'ml-home',
  resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
});
