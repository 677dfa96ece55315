/**
 * Search backend module for ML Home: indexes ML Home projects and models for Backstage search.
 *
 * @packageDocumentation
 */
export { searchModuleMlHomeCollator as default } from './module';
export {
  MlHomeCollatorFactory,
  type MlHomeDocument,
  type MlHomeSearchReader,
} from './collator/MlHomeCollatorFactory';
