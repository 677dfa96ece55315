import {
  RouteContext,
  countedPageToWire,
  pageRequest,
  pageToWire,
} from '../router/RouteContext';
import { ModelsApi } from './modelsAccess';
import {
  aliasHistoryToWire,
  modelAliasToWire,
  modelToWire,
  modelVersionToWire,
} from './modelsWire';

/** Registered models: search, per project, orphans, versions, aliases and their history. */
export function bindModelsEndpoints(
  { api, caller, audited }: RouteContext,
  models: ModelsApi,
) {
  api.get('/projects/:projectName/models', async (req, res) => {
    const page = await models.listModels(
      await caller(req),
      req.params.projectName,
      pageRequest(req.query),
    );
    res.json(countedPageToWire(page, modelToWire));
  });

  api.post('/projects/:projectName/models', async (req, res) => {
    const who = await caller(req);
    const model = await audited(
      req,
      'model-create',
      { project: req.params.projectName, model: req.body.name },
      () => models.createModel(who, req.params.projectName, req.body),
    );
    res.status(201).json(modelToWire(model));
  });

  api.get('/models', async (req, res) => {
    const page = await models.searchModels(await caller(req), {
      q: req.query.q,
      project: req.query.project,
      owner: req.query.owner,
      ...pageRequest(req.query),
    });
    res.json(countedPageToWire(page, modelToWire));
  });

  api.get('/orphaned-models', async (req, res) => {
    const page = await models.listOrphanedModels(await caller(req));
    res.json(countedPageToWire(page, modelToWire));
  });

  api.get('/models/:modelName', async (req, res) => {
    res.json(
      modelToWire(
        await models.getModel(await caller(req), req.params.modelName),
      ),
    );
  });

  api.get('/models/:modelName/versions', async (req, res) => {
    const page = await models.listModelVersions(
      await caller(req),
      req.params.modelName,
      pageRequest(req.query),
    );
    res.json(countedPageToWire(page, modelVersionToWire));
  });

  api.post('/models/:modelName/versions', async (req, res) => {
    const who = await caller(req);
    const version = await audited(
      req,
      'model-version-create',
      { model: req.params.modelName },
      () => models.createModelVersion(who, req.params.modelName, req.body),
    );
    res.status(201).json(modelVersionToWire(version));
  });

  api.get('/models/:modelName/versions/:version', async (req, res) => {
    res.json(
      modelVersionToWire(
        await models.getModelVersion(
          await caller(req),
          req.params.modelName,
          // Path parameters arrive as strings even when the spec says integer.
          Number(req.params.version),
        ),
      ),
    );
  });

  api.put('/models/:modelName/aliases/:alias', async (req, res) => {
    const who = await caller(req);
    const { modelName, alias } = req.params;
    const result = await audited(
      req,
      'model-alias-set',
      {
        model: modelName,
        alias,
        version: req.body.version,
        ...(req.body.certificationOverride
          ? { certificationOverride: req.body.certificationOverride.reason }
          : {}),
      },
      () =>
        models.setModelAlias(who, modelName, alias, req.body.version, {
          certificationOverride: req.body.certificationOverride,
        }),
    );
    res.json(modelAliasToWire(result));
  });

  api.delete('/models/:modelName/aliases/:alias', async (req, res) => {
    const who = await caller(req);
    const { modelName, alias } = req.params;
    await audited(req, 'model-alias-delete', { model: modelName, alias }, () =>
      models.deleteModelAlias(who, modelName, alias),
    );
    res.status(204).end();
  });

  api.get('/models/:modelName/alias-history', async (req, res) => {
    const page = await models.listModelAliasHistory(
      await caller(req),
      req.params.modelName,
      pageRequest(req.query),
    );
    res.json(pageToWire(page, aliasHistoryToWire));
  });
}
