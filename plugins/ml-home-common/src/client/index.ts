export * from './MlHomeClient';
