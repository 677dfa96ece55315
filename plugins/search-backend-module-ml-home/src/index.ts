/**
 * Search backend module for ML Home: indexes ML Home projects, models and pages for Backstage search.
 *
 * @packageDocumentation
 */
export { searchModuleMlHomeCollator as default } from './module';
export {
  MlHomeCollatorFactory,
  type MlHomeDocument,
  type MlHomePageDocument,
  type MlHomeSearchReader,
} from './collator/MlHomeCollatorFactory';
