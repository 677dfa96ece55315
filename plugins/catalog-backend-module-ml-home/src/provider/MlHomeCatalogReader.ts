import type { MlHomeApi } from '@ml-home/plugin-ml-home-common';

/**
 * The part of the ML Home API that the entity provider reads. `MlHomeClient` implements it; tests
 * use a typed fake.
 *
 * @public
 */
export type MlHomeCatalogReader = Pick<
  MlHomeApi,
  | 'listProjects'
  | 'getProject'
  | 'getModel'
  | 'getDataset'
  | 'listModelDeployments'
  | 'searchModels'
  | 'searchDatasets'
  | 'listDeployments'
>;
