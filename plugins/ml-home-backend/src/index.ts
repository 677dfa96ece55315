/**
 * The ML Home backend plugin: metadata store, REST and ingestion APIs, permissions.
 *
 * @packageDocumentation
 */
export { mlHomePlugin as default } from './plugin';
