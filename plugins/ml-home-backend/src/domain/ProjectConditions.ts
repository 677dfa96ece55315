import { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { ProjectQuery } from '../permissions';

/**
 * What a conditional read decision narrows a list to, applied in SQL by the stores; undefined
 * when the caller may read every project.
 */
export type ProjectConditions = PermissionCriteria<ProjectQuery> | undefined;
