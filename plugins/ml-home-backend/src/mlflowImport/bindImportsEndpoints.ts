import { RouteContext } from '../router/RouteContext';
import { ImportsApi } from './importsAccess';
import { importStatusToWire } from './importsWire';

/** The admin page's view of the MLflow imports, and "run now". */
export function bindImportsEndpoints(
  { api, caller, audited }: RouteContext,
  imports: ImportsApi,
) {
  api.get('/admin/imports', async (req, res) => {
    const items = await imports.listImports(await caller(req));
    res.json({ items: items.map(importStatusToWire) });
  });

  api.post('/admin/imports/:serverId/run', async (req, res) => {
    const who = await caller(req);
    const status = await audited(
      req,
      'mlflow-import-run',
      { server: req.params.serverId },
      () => imports.runImport(who, req.params.serverId),
    );
    res.status(202).json(importStatusToWire(status));
  });
}
