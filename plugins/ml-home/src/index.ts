/**
 * ML Home frontend plugin for Backstage's new frontend system. The legacy system's exports are
 * under `@ml-home/plugin-ml-home/legacy`.
 *
 * @packageDocumentation
 */
export { mlHomePlugin as default } from './plugin';
export { mlHomeApiRef } from './api/mlHomeApiRef';
export { mlHomeTranslationRef } from './translation';
