import { createApiRef } from '@backstage/frontend-plugin-api';
import type { MlHomeApi } from '@ml-home/plugin-ml-home-common';

/**
 * The ML Home API: every component reads and writes ML Home data through it.
 *
 * @public
 */
export const mlHomeApiRef = createApiRef<MlHomeApi>({
  id: 'plugin.ml-home.service',
});
