/**
 * Catalog backend module for ML Home: ML models, datasets and feature sets as catalog Resources,
 * and the `ml-home.io/models` annotation on components.
 *
 * @packageDocumentation
 */
export { catalogModuleMlHome as default } from './module';
export {
  MlHomeEntityProvider,
  isMlHomeChangeEvent,
  type MlHomeEntityProviderOptions,
} from './provider/MlHomeEntityProvider';
export type { MlHomeCatalogReader } from './provider/MlHomeCatalogReader';
export { MlHomeModelsAnnotationProcessor } from './processor/MlHomeModelsAnnotationProcessor';
export { datasetEntityName, modelEntityName } from './provider/entities';
