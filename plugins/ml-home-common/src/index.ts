/**
 * The shared contract of ML Home: wire types, the API client, permissions and pure helpers.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './events';
export * from './catalog';
export * from './client';
export * from './helpers';
export * from './certification';
export * from './generated/openapi';
