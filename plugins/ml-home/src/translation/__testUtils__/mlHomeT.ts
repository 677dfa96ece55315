import { mockApis } from '@backstage/frontend-test-utils';
import { mlHomeTranslationRef, type MlHomeT } from '..';

/**
 * ML Home's translation function with its default (English) messages, for tests of helpers that
 * compose texts outside a rendered component.
 */
export const mlHomeT: MlHomeT = mockApis
  .translation()
  .getTranslation(mlHomeTranslationRef).t;
