import {
  RouteContext,
  countedPageToWire,
  pageRequest,
} from '../router/RouteContext';
import { DatasetsApi } from './datasetsAccess';
import { datasetToWire } from './datasetsWire';

/** Datasets: search, per project, read (with the runs and versions they fed), create, run inputs. */
export function bindDatasetsEndpoints(
  { api, caller, audited }: RouteContext,
  datasets: DatasetsApi,
) {
  api.get('/datasets', async (req, res) => {
    const page = await datasets.searchDatasets(await caller(req), {
      q: req.query.q,
      project: req.query.project,
      kind: req.query.kind,
      ...pageRequest(req.query),
    });
    res.json(countedPageToWire(page, datasetToWire));
  });

  api.get('/projects/:projectName/datasets', async (req, res) => {
    const page = await datasets.listDatasets(
      await caller(req),
      req.params.projectName,
      { kind: req.query.kind, ...pageRequest(req.query) },
    );
    res.json(countedPageToWire(page, datasetToWire));
  });

  api.post('/projects/:projectName/datasets', async (req, res) => {
    const who = await caller(req);
    const dataset = await audited(
      req,
      'dataset-create',
      { project: req.params.projectName, dataset: req.body.name },
      () => datasets.createDataset(who, req.params.projectName, req.body),
    );
    res.status(201).json(datasetToWire(dataset));
  });

  api.get('/projects/:projectName/datasets/:datasetName', async (req, res) => {
    res.json(
      datasetToWire(
        await datasets.getDataset(
          await caller(req),
          req.params.projectName,
          req.params.datasetName,
        ),
      ),
    );
  });

  api.post('/runs/:runId/inputs', async (req, res) => {
    const who = await caller(req);
    const inputs = await audited(
      req,
      'run-inputs',
      { runId: req.params.runId },
      () => datasets.addRunInputs(who, req.params.runId, req.body.datasets),
    );
    res.json({ datasets: inputs });
  });
}
