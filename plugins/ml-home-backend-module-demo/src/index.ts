/**
 * ML Home backend module `demo`: a deterministic demo ML organisation, loaded into an empty ML
 * Home when `mlHome.demoData.enabled` is true.
 *
 * @packageDocumentation
 */
export { mlHomeModuleDemo as default } from './module';
