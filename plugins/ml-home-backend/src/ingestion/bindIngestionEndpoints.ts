import { RouteContext } from '../router/RouteContext';
import { IngestionApi } from './ingestionAccess';

/** Batch ingestion: runs, params, tags, metrics, versions, evaluations and deployments at once. */
export function bindIngestionEndpoints(
  { api, caller, audited }: RouteContext,
  ingestion: IngestionApi,
) {
  api.post('/projects/:projectName/ingest', async (req, res) => {
    const who = await caller(req);
    const result = await audited(
      req,
      'runs-ingest',
      {
        project: req.params.projectName,
        runs: req.body.runs?.length ?? 0,
        modelVersions: req.body.modelVersions?.length ?? 0,
        evaluations: req.body.evaluations?.length ?? 0,
        deployments: req.body.deployments?.length ?? 0,
        requestId: req.body.requestId ?? null,
      },
      () => ingestion.ingest(who, req.params.projectName, req.body),
    );
    res.json(result);
  });
}
