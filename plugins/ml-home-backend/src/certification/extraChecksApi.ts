import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { MlHomeClient } from '@ml-home/plugin-ml-home-common';
import type { MlHomeCertificationCheck } from '@ml-home/plugin-ml-home-node/alpha';
import { ExtraCertificationChecks } from './checks';

/**
 * The checks backend modules added, with the API they read ML Home through: ML Home's own client
 * over HTTP, each request carrying a fresh service token of this plugin (so a check reads what
 * ML Home itself may read). Undefined when no module added a check.
 */
export function createExtraChecks(
  checks: MlHomeCertificationCheck[],
  services: { discovery: DiscoveryService; auth: AuthService },
): ExtraCertificationChecks | undefined {
  if (checks.length === 0) return undefined;
  const { discovery, auth } = services;
  const api = new MlHomeClient({
    discoveryApi: discovery,
    fetchApi: {
      fetch: async (input, init) => {
        const { token } = await auth.getPluginRequestToken({
          onBehalfOf: await auth.getOwnServiceCredentials(),
          targetPluginId: 'ml-home',
        });
        const headers = new Headers(init?.headers);
        headers.set('Authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
    },
  });
  return { checks, api };
}
