import {
  RouteContext,
  countedPageToWire,
  pageRequest,
} from '../router/RouteContext';
import { metricValueToWire } from '../runs/runsWire';
import { DeploymentsApi } from './deploymentsAccess';
import { deploymentToWire } from './deploymentsWire';

/** Points per series when a route is given no `maxPoints`. */
const DEFAULT_MAX_POINTS = 1000;

/** Deployments of model versions, their monitoring series, and a version's lineage. */
export function bindDeploymentsEndpoints(
  { api, caller, audited }: RouteContext,
  deployments: DeploymentsApi,
) {
  api.get('/deployments', async (req, res) => {
    const page = await deployments.searchDeployments(await caller(req), {
      project: req.query.project,
      model: req.query.model,
      service: req.query.service,
      status: req.query.status,
      ...pageRequest(req.query),
    });
    res.json(countedPageToWire(page, deploymentToWire));
  });

  api.get('/models/:modelName/deployments', async (req, res) => {
    const items = await deployments.listModelDeployments(
      await caller(req),
      req.params.modelName,
    );
    res.json({ items: items.map(deploymentToWire) });
  });

  api.post('/models/:modelName/deployments', async (req, res) => {
    const who = await caller(req);
    const deployment = await audited(
      req,
      'deployment-create',
      {
        model: req.params.modelName,
        version: req.body.version,
        environment: req.body.environment,
        service: req.body.service,
        ...(req.body.certificationOverride
          ? { certificationOverride: req.body.certificationOverride.reason }
          : {}),
      },
      () => deployments.createDeployment(who, req.params.modelName, req.body),
    );
    res.status(201).json(deploymentToWire(deployment));
  });

  api.post('/deployments/:deploymentId/retire', async (req, res) => {
    const who = await caller(req);
    const deployment = await audited(
      req,
      'deployment-retire',
      { deployment: req.params.deploymentId },
      () => deployments.retireDeployment(who, req.params.deploymentId),
    );
    res.json(deploymentToWire(deployment));
  });

  api.post('/deployments/:deploymentId/monitoring', async (req, res) => {
    const points = await deployments.logMonitoring(
      await caller(req),
      req.params.deploymentId,
      req.body.points,
    );
    res.json({ points });
  });

  api.get('/deployments/:deploymentId/monitoring', async (req, res) => {
    const series = await deployments.getMonitoring(
      await caller(req),
      req.params.deploymentId,
      req.query.metric,
      req.query.maxPoints ?? DEFAULT_MAX_POINTS,
    );
    res.json({
      ...series,
      points: series.points.map(p => ({
        timestamp: p.timestamp,
        value: metricValueToWire(p.value),
      })),
    });
  });

  api.get('/models/:modelName/versions/:version/lineage', async (req, res) => {
    res.json(
      await deployments.getLineage(
        await caller(req),
        req.params.modelName,
        // Path parameters arrive as strings even when the spec says integer.
        Number(req.params.version),
      ),
    );
  });
}
