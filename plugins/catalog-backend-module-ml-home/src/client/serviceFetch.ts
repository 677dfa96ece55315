import { AuthService } from '@backstage/backend-plugin-api';
import { MlHomeFetch } from '@ml-home/plugin-ml-home-common';

/**
 * A fetch for `MlHomeClient` that calls ML Home as this backend plugin: every request carries a
 * fresh service token for the `ml-home` plugin, so the catalog reads ML Home without a user.
 */
export function createServiceFetch(
  auth: AuthService,
  fetchImpl: typeof fetch = fetch,
): MlHomeFetch {
  return {
    fetch: async (input, init) => {
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'ml-home',
      });
      const headers = new Headers(init?.headers);
      headers.set('Authorization', `Bearer ${token}`);
      return fetchImpl(input, { ...init, headers });
    },
  };
}
