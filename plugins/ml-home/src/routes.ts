import {
  createRouteRef,
  createSubRouteRef,
} from '@backstage/frontend-plugin-api';

/** The ML Home root page, `/ml-home`: discover projects. */
export const rootRouteRef = createRouteRef();

/** A project space, `/ml-home/projects/:projectName` (tabs below it). */
export const projectRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/projects/:projectName',
});

/** Side-by-side comparison, `/ml-home/compare?runs=…` or `?versions=model:1,…`. */
export const compareRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/compare',
});

/** A registered model, `/ml-home/models/:modelName`. */
export const modelRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/models/:modelName',
});

/** An offline evaluation, `/ml-home/evaluations/:evaluationId`. */
export const evaluationRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/evaluations/:evaluationId',
});

/** Models whose owner group has left the catalog, `/ml-home/orphans`. */
export const orphansRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/orphans',
});

/** Feature sets and datasets across projects, `/ml-home/features`. */
export const featuresRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/features',
});

/** The organisation's certification overview, `/ml-home/certification`. */
export const certificationRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/certification',
});

/** The MLflow imports, for admins, `/ml-home/admin/imports`. */
export const importsRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/admin/imports',
});
