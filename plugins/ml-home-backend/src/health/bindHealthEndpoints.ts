import { RouteContext } from '../router/RouteContext';
import { HealthService } from './HealthService';

/** The health route: every authenticated caller may ask. */
export function bindHealthEndpoints(
  { api, caller }: RouteContext,
  health: HealthService,
) {
  api.get('/health', async (req, res) => {
    await caller(req);
    res.json(await health.check());
  });
}
