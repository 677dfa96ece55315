import { sendLargeJson } from '../router/largeJson';
import {
  RouteContext,
  countedPageToWire,
  pageRequest,
} from '../router/RouteContext';
import { RunsApi } from './runsAccess';
import { experimentToWire, pointsToWire, runToWire } from './runsWire';

/** Points per history when a route is given no `maxPoints`. */
const DEFAULT_MAX_POINTS = 1000;

/** Experiments, runs (search and read) and metric histories. */
export function bindRunsEndpoints(
  { api, caller, audited }: RouteContext,
  runs: RunsApi,
) {
  api.get('/projects/:projectName/experiments', async (req, res) => {
    const page = await runs.listExperiments(
      await caller(req),
      req.params.projectName,
      pageRequest(req.query),
    );
    res.json(countedPageToWire(page, experimentToWire));
  });

  api.post('/projects/:projectName/experiments', async (req, res) => {
    const who = await caller(req);
    const experiment = await audited(
      req,
      'experiment-create',
      { project: req.params.projectName, experiment: req.body.name },
      () => runs.createExperiment(who, req.params.projectName, req.body),
    );
    res.status(201).json(experimentToWire(experiment));
  });

  api.get('/projects/:projectName/runs', async (req, res) => {
    const q = req.query;
    const result = await runs.listRuns(
      await caller(req),
      req.params.projectName,
      {
        experiments: q.experiment,
        filter: q.filter,
        orderBy: q.orderBy,
        deleted: q.deleted,
        ...pageRequest(q),
      },
    );
    res.json({
      items: result.items.map(runToWire),
      ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      totalCount: result.totalCount,
    });
  });

  api.get('/runs/:runId', async (req, res) => {
    res.json(runToWire(await runs.getRun(await caller(req), req.params.runId)));
  });

  api.get('/runs/:runId/metric-history', async (req, res) => {
    const history = await runs.getMetricHistory(
      await caller(req),
      req.params.runId,
      req.query.key,
      req.query.maxPoints ?? DEFAULT_MAX_POINTS,
    );
    res.json({ ...history, points: pointsToWire(history.points) });
  });

  api.post('/metric-histories', async (req, res) => {
    const histories = await runs.getMetricHistories(
      await caller(req),
      req.body.runIds,
      req.body.key,
      req.body.maxPoints ?? DEFAULT_MAX_POINTS,
    );
    await sendLargeJson(req, res, {
      items: histories.map(h => ({ ...h, points: pointsToWire(h.points) })),
    });
  });
}
