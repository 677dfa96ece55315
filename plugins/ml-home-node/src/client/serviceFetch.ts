import { AuthService } from '@backstage/backend-plugin-api';
import { MlHomeFetch } from '@ml-home/plugin-ml-home-common';

/**
 * A fetch for `MlHomeClient` that calls ML Home as the plugin whose `auth` service it is given:
 * every request carries a fresh service token for `ml-home` on behalf of that plugin's own
 * credentials, so a backend module reads ML Home without a user (and ML Home decides on the plugin,
 * e.g. `plugin:catalog`).
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
