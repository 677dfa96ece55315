import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of ML Home's permissions: every ML Home object belongs to one project, and
 * permissions on it are decided on that project.
 *
 * @public
 */
export const ML_HOME_PROJECT_RESOURCE_TYPE = 'ml-home-project';

/**
 * Create a new ML project.
 *
 * @public
 */
export const mlHomeProjectCreatePermission = createPermission({
  name: 'ml-home.project.create',
  attributes: { action: 'create' },
});

/**
 * Read a project and everything in it.
 *
 * @public
 */
export const mlHomeProjectReadPermission = createPermission({
  name: 'ml-home.project.read',
  attributes: { action: 'read' },
  resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
});

/**
 * Change a project and the objects in it (experiments, models, notes, …).
 *
 * @public
 */
export const mlHomeProjectUpdatePermission = createPermission({
  name: 'ml-home.project.update',
  attributes: { action: 'update' },
  resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
});

/**
 * Delete (soft) or restore a project.
 *
 * @public
 */
export const mlHomeProjectDeletePermission = createPermission({
  name: 'ml-home.project.delete',
  attributes: { action: 'delete' },
  resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
});

/**
 * See and start the imports from MLflow tracking servers (the admin page, `/admin/imports`).
 * A basic permission: imports are configured for the whole portal, not per project.
 *
 * @public
 */
export const mlHomeAdminImportsPermission = createPermission({
  name: 'ml-home.admin.imports',
  attributes: { action: 'update' },
});

/**
 * Write runs, params, tags and metrics into a project (ingestion).
 *
 * @public
 */
export const mlHomeRunWritePermission = createPermission({
  name: 'ml-home.run.write',
  attributes: { action: 'create' },
  resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
});

/**
 * Attest a certification test of a model done by hand, with evidence (worth ½ point until it
 * expires). Decided on the model's project, so a conditional policy can allow its owners.
 *
 * @public
 */
export const mlHomeCertificationAttestPermission = createPermission({
  name: 'ml-home.certification.attest',
  attributes: { action: 'create' },
  resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
});

/**
 * Review certification attestations (reject one with a reason). A basic permission, meant for a
 * configured platform group rather than a project's owners.
 *
 * @public
 */
export const mlHomeCertificationReviewPermission = createPermission({
  name: 'ml-home.certification.review',
  attributes: { action: 'update' },
});

/**
 * Every permission ML Home defines, for registration with the permission framework.
 *
 * @public
 */
export const mlHomePermissions = [
  mlHomeProjectCreatePermission,
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
  mlHomeProjectDeletePermission,
  mlHomeRunWritePermission,
  mlHomeCertificationAttestPermission,
  mlHomeCertificationReviewPermission,
  mlHomeAdminImportsPermission,
];

/**
 * Names of the permission rules ML Home registers for its project resource type.
 *
 * @public
 */
export const ML_HOME_PERMISSION_RULES = {
  /** The project is owned by one of the given entity refs (a user's ownership refs). */
  isProjectOwner: 'IS_PROJECT_OWNER',
} as const;
