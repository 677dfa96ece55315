export { mlHomeTranslationRef } from './translation';
export type { MlHomeT } from './translation';
