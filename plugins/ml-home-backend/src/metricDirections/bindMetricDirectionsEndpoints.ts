import { RouteContext } from '../router/RouteContext';
import { MetricDirectionsApi } from './metricDirectionsAccess';
import { metricDirectionsToWire } from './metricDirectionsWire';

/** A project's and a model's declared metric directions: read and replace. */
export function bindMetricDirectionsEndpoints(
  { api, caller, audited }: RouteContext,
  directions: MetricDirectionsApi,
) {
  api.get('/projects/:projectName/metric-directions', async (req, res) => {
    const declared = await directions.getProjectDirections(
      await caller(req),
      req.params.projectName,
    );
    res.json(metricDirectionsToWire(declared));
  });

  api.put('/projects/:projectName/metric-directions', async (req, res) => {
    const who = await caller(req);
    const declared = await audited(
      req,
      'project-metric-directions-set',
      {
        project: req.params.projectName,
        metrics: Object.keys(req.body.directions).length,
      },
      () =>
        directions.setProjectDirections(who, req.params.projectName, req.body),
    );
    res.json(metricDirectionsToWire(declared));
  });

  api.get('/models/:modelName/metric-directions', async (req, res) => {
    const declared = await directions.getModelDirections(
      await caller(req),
      req.params.modelName,
    );
    res.json(metricDirectionsToWire(declared));
  });

  api.put('/models/:modelName/metric-directions', async (req, res) => {
    const who = await caller(req);
    const declared = await audited(
      req,
      'model-metric-directions-set',
      {
        model: req.params.modelName,
        metrics: Object.keys(req.body.directions).length,
      },
      () => directions.setModelDirections(who, req.params.modelName, req.body),
    );
    res.json(metricDirectionsToWire(declared));
  });
}
