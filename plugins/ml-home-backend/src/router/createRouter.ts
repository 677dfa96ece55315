import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import express from 'express';
import Router from 'express-promise-router';
import { HealthStore } from '../health/DatabaseHealthStore';
import {
  MAX_BODY_BYTES,
  MetricValue,
  formatMetricValue,
} from '@ml-home/plugin-ml-home-common';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { Caller, MlHomeService } from '../service/MlHomeService';
import {
  aliasHistoryToWire,
  compareResultToWire,
  datasetToWire,
  deploymentToWire,
  eventToWire,
  modelAliasToWire,
  modelToWire,
  modelVersionToWire,
  experimentToWire,
  pointsToWire,
  projectToWire,
  projectTokenToWire,
  runToWire,
} from '../service/wire';
import { ProjectListQuery } from '../domain/types';
import { AnnotationsService } from '../service/AnnotationsService';
import { bindAnnotationsEndpoints } from '../service/bindAnnotationsEndpoints';
import { bindEvaluationsEndpoints } from '../service/bindEvaluationsEndpoints';
import { EvaluationsService } from '../service/EvaluationsService';
import { countedPageToWire, pageToWire } from './RouteContext';
import { sendLargeJson } from './largeJson';
import { createValidationErrorNamer } from './validationErrors';
import { errorHandling } from './errorHandling';
import {
  ProjectTokensService,
  isProjectTokenSecret,
} from '../service/ProjectTokensService';

export interface RouterOptions {
  health: HealthStore;
  service: MlHomeService;
  tokens: ProjectTokensService;
  evaluations: EvaluationsService;
  annotations: AnnotationsService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logger: LoggerService;
}

const DEFAULT_ORDER: Record<ProjectListQuery['orderBy'], 'asc' | 'desc'> = {
  name: 'asc',
  title: 'asc',
  createdAt: 'desc',
  updatedAt: 'desc',
  lastActivityAt: 'desc',
};

/**
 * The HTTP binding: translates requests into service calls (params, credentials, status codes)
 * and answers with wire types. Requests are validated against the OpenAPI document first.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { health, service, tokens, evaluations, annotations, httpAuth, auditor } =
    options;

  /**
   * Who calls: a project token (ML Home's own, `Bearer mlh_…`), else a Backstage user or service.
   * Backstage's credentials barrier is opened for this plugin (see plugin.ts) so that project
   * tokens reach it; this is the barrier instead, run before anything else for every request.
   */
  const authenticate = async (req: express.Request): Promise<Caller> => {
    const bearer = /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(
      req.headers.authorization ?? '',
    )?.[1];
    if (bearer && isProjectTokenSecret(bearer)) {
      const { principal, actor } = await tokens.authenticate(bearer);
      return { actor, projectToken: principal };
    }
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (credentials.principal.type === 'user') {
      return { credentials, actor: credentials.principal.userEntityRef };
    }
    // Services (static tokens, other plugins) are recorded by their subject.
    const subject =
      credentials.principal.type === 'service'
        ? credentials.principal.subject
        : 'unknown';
    return { credentials, actor: subject };
  };
  const callers = new WeakMap<express.Request, Caller>();
  const caller = async (
    req: express.Request<any, any, any, any, any>,
  ): Promise<Caller> => {
    const known = callers.get(req);
    if (known) return known;
    const who = await authenticate(req);
    callers.set(req, who);
    return who;
  };

  /** Runs a write and records it with Backstage's auditor, success or failure. */
  const audited = async <T>(
    req: express.Request<any, any, any, any, any>,
    eventId: string,
    meta: JsonObject,
    fn: () => Promise<T>,
  ): Promise<T> => {
    const who = await caller(req);
    // The auditor reads Backstage credentials from the request; a project token has none, so
    // its events name the token in their metadata and carry the plugin as the actor.
    const event = await auditor.createEvent({
      eventId,
      request: who.projectToken ? undefined : req,
      severityLevel: 'medium',
      meta: who.projectToken
        ? {
            ...meta,
            projectToken: who.projectToken.id,
            actor: who.actor,
            method: req.method,
            url: req.originalUrl,
          }
        : meta,
    });
    try {
      const result = await fn();
      await event.success();
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  };

  const api = await createOpenApiRouter();
  bindEvaluationsEndpoints({ api, caller, audited }, evaluations);
  bindAnnotationsEndpoints({ api, caller, audited }, annotations);

  api.get('/health', async (req, res) => {
    await caller(req);
    await health.ping();
    res.json({ status: 'ok' });
  });

  api.get('/projects', async (req, res) => {
    const q = req.query;
    const orderBy = q.orderBy ?? 'name';
    const result = await service.listProjects(await caller(req), {
      q: q.q,
      owners: q.owner,
      tags: q.tag,
      lifecycles: q.lifecycle,
      orderBy,
      order: q.order ?? DEFAULT_ORDER[orderBy],
      deleted: q.deleted ?? false,
      limit: q.limit ?? 50,
      cursor: q.cursor,
    });
    res.json({
      items: result.items.map(projectToWire),
      ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      totalCount: result.totalCount,
      facets: result.facets,
    });
  });

  api.post('/projects', async (req, res) => {
    const who = await caller(req);
    const project = await audited(
      req,
      'project-create',
      { project: req.body.name },
      () => service.createProject(who, req.body),
    );
    res.status(201).json(projectToWire(project));
  });

  api.get('/projects/:projectName', async (req, res) => {
    res.json(
      projectToWire(
        await service.getProject(await caller(req), req.params.projectName),
      ),
    );
  });

  api.delete('/projects/:projectName', async (req, res) => {
    const who = await caller(req);
    await audited(
      req,
      'project-delete',
      { project: req.params.projectName },
      () => service.deleteProject(who, req.params.projectName),
    );
    res.status(204).end();
  });

  api.post('/projects/:projectName/restore', async (req, res) => {
    const who = await caller(req);
    const project = await audited(
      req,
      'project-restore',
      { project: req.params.projectName },
      () => service.restoreProject(who, req.params.projectName),
    );
    res.json(projectToWire(project));
  });

  api.get('/projects/:projectName/events', async (req, res) => {
    const page = await service.listEvents(
      await caller(req),
      req.params.projectName,
      {
        limit: req.query.limit ?? 50,
        cursor: req.query.cursor,
      },
    );
    res.json(pageToWire(page, eventToWire));
  });

  api.get('/projects/:projectName/experiments', async (req, res) => {
    const page = await service.listExperiments(
      await caller(req),
      req.params.projectName,
      {
        limit: req.query.limit ?? 50,
        cursor: req.query.cursor,
      },
    );
    res.json(countedPageToWire(page, experimentToWire));
  });

  api.post('/projects/:projectName/experiments', async (req, res) => {
    const who = await caller(req);
    const experiment = await audited(
      req,
      'experiment-create',
      { project: req.params.projectName, experiment: req.body.name },
      () => service.createExperiment(who, req.params.projectName, req.body),
    );
    res.status(201).json(experimentToWire(experiment));
  });

  api.get('/projects/:projectName/runs', async (req, res) => {
    const q = req.query;
    const result = await service.listRuns(
      await caller(req),
      req.params.projectName,
      {
        experiments: q.experiment,
        filter: q.filter,
        orderBy: q.orderBy,
        deleted: q.deleted,
        limit: q.limit ?? 50,
        cursor: q.cursor,
      },
    );
    res.json({
      items: result.items.map(runToWire),
      ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      totalCount: result.totalCount,
    });
  });

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
      () => service.ingest(who, req.params.projectName, req.body),
    );
    res.json(result);
  });

  api.get('/runs/:runId', async (req, res) => {
    res.json(
      runToWire(await service.getRun(await caller(req), req.params.runId)),
    );
  });

  api.post('/metric-histories', async (req, res) => {
    const histories = await service.getMetricHistories(
      await caller(req),
      req.body.runIds,
      req.body.key,
      req.body.maxPoints ?? 1000,
    );
    await sendLargeJson(req, res, {
      items: histories.map(h => ({ ...h, points: pointsToWire(h.points) })),
    });
  });

  api.get('/runs/:runId/metric-history', async (req, res) => {
    const history = await service.getMetricHistory(
      await caller(req),
      req.params.runId,
      req.query.key,
      req.query.maxPoints ?? 1000,
    );
    res.json({ ...history, points: pointsToWire(history.points) });
  });

  api.get('/projects/:projectName/models', async (req, res) => {
    const page = await service.listModels(
      await caller(req),
      req.params.projectName,
      {
        limit: req.query.limit ?? 50,
        cursor: req.query.cursor,
      },
    );
    res.json(countedPageToWire(page, modelToWire));
  });

  api.post('/projects/:projectName/models', async (req, res) => {
    const who = await caller(req);
    const model = await audited(
      req,
      'model-create',
      { project: req.params.projectName, model: req.body.name },
      () => service.createModel(who, req.params.projectName, req.body),
    );
    res.status(201).json(modelToWire(model));
  });

  api.get('/models', async (req, res) => {
    const page = await service.searchModels(await caller(req), {
      q: req.query.q,
      project: req.query.project,
      owner: req.query.owner,
      limit: req.query.limit ?? 50,
      cursor: req.query.cursor,
    });
    res.json(countedPageToWire(page, modelToWire));
  });

  api.get('/datasets', async (req, res) => {
    const page = await service.searchDatasets(await caller(req), {
      q: req.query.q,
      project: req.query.project,
      kind: req.query.kind,
      limit: req.query.limit ?? 50,
      cursor: req.query.cursor,
    });
    res.json(countedPageToWire(page, datasetToWire));
  });

  api.get('/deployments', async (req, res) => {
    const page = await service.searchDeployments(await caller(req), {
      project: req.query.project,
      model: req.query.model,
      service: req.query.service,
      status: req.query.status,
      limit: req.query.limit ?? 50,
      cursor: req.query.cursor,
    });
    res.json(countedPageToWire(page, deploymentToWire));
  });

  api.get('/orphaned-models', async (req, res) => {
    const page = await service.listOrphanedModels(await caller(req));
    res.json(countedPageToWire(page, modelToWire));
  });

  api.get('/models/:modelName', async (req, res) => {
    res.json(
      modelToWire(
        await service.getModel(await caller(req), req.params.modelName),
      ),
    );
  });

  api.get('/models/:modelName/versions', async (req, res) => {
    const page = await service.listModelVersions(
      await caller(req),
      req.params.modelName,
      {
        limit: req.query.limit ?? 50,
        cursor: req.query.cursor,
      },
    );
    res.json(countedPageToWire(page, modelVersionToWire));
  });

  api.post('/models/:modelName/versions', async (req, res) => {
    const who = await caller(req);
    const version = await audited(
      req,
      'model-version-create',
      { model: req.params.modelName },
      () => service.createModelVersion(who, req.params.modelName, req.body),
    );
    res.status(201).json(modelVersionToWire(version));
  });

  api.get('/models/:modelName/versions/:version', async (req, res) => {
    res.json(
      modelVersionToWire(
        await service.getModelVersion(
          await caller(req),
          req.params.modelName,
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
      { model: modelName, alias, version: req.body.version },
      () => service.setModelAlias(who, modelName, alias, req.body.version),
    );
    res.json(modelAliasToWire(result));
  });

  api.delete('/models/:modelName/aliases/:alias', async (req, res) => {
    const who = await caller(req);
    const { modelName, alias } = req.params;
    await audited(req, 'model-alias-delete', { model: modelName, alias }, () =>
      service.deleteModelAlias(who, modelName, alias),
    );
    res.status(204).end();
  });

  api.get('/models/:modelName/alias-history', async (req, res) => {
    const page = await service.listModelAliasHistory(
      await caller(req),
      req.params.modelName,
      {
        limit: req.query.limit ?? 50,
        cursor: req.query.cursor,
      },
    );
    res.json(pageToWire(page, aliasHistoryToWire));
  });

  api.get('/projects/:projectName/datasets', async (req, res) => {
    const page = await service.listDatasets(
      await caller(req),
      req.params.projectName,
      {
        kind: req.query.kind,
        limit: req.query.limit ?? 50,
        cursor: req.query.cursor,
      },
    );
    res.json(countedPageToWire(page, datasetToWire));
  });

  api.post('/projects/:projectName/datasets', async (req, res) => {
    const who = await caller(req);
    const dataset = await audited(
      req,
      'dataset-create',
      { project: req.params.projectName, dataset: req.body.name },
      () => service.createDataset(who, req.params.projectName, req.body),
    );
    res.status(201).json(datasetToWire(dataset));
  });

  api.get('/projects/:projectName/datasets/:datasetName', async (req, res) => {
    res.json(
      datasetToWire(
        await service.getDataset(
          await caller(req),
          req.params.projectName,
          req.params.datasetName,
        ),
      ),
    );
  });

  api.post('/runs/:runId/inputs', async (req, res) => {
    const who = await caller(req);
    const datasets = await audited(
      req,
      'run-inputs',
      { runId: req.params.runId },
      () => service.addRunInputs(who, req.params.runId, req.body.datasets),
    );
    res.json({ datasets });
  });

  api.get('/models/:modelName/deployments', async (req, res) => {
    const items = await service.listModelDeployments(
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
      },
      () => service.createDeployment(who, req.params.modelName, req.body),
    );
    res.status(201).json(deploymentToWire(deployment));
  });

  api.post('/deployments/:deploymentId/retire', async (req, res) => {
    const who = await caller(req);
    const deployment = await audited(
      req,
      'deployment-retire',
      { deployment: req.params.deploymentId },
      () => service.retireDeployment(who, req.params.deploymentId),
    );
    res.json(deploymentToWire(deployment));
  });

  api.post('/deployments/:deploymentId/monitoring', async (req, res) => {
    const points = await service.logMonitoring(
      await caller(req),
      req.params.deploymentId,
      req.body.points,
    );
    res.json({ points });
  });

  api.get('/deployments/:deploymentId/monitoring', async (req, res) => {
    const series = await service.getMonitoring(
      await caller(req),
      req.params.deploymentId,
      req.query.metric,
      req.query.maxPoints ?? 1000,
    );
    res.json({
      ...series,
      points: series.points.map(p => ({
        timestamp: p.timestamp,
        value: formatMetricValue(p.value) as MetricValue,
      })),
    });
  });

  api.get('/models/:modelName/versions/:version/lineage', async (req, res) => {
    res.json(
      await service.getLineage(
        await caller(req),
        req.params.modelName,
        Number(req.params.version),
      ),
    );
  });

  api.post('/compare', async (req, res) => {
    const { items, comparison } = await service.compare(
      await caller(req),
      req.body,
    );
    await sendLargeJson(req, res, compareResultToWire(items, comparison));
  });

  api.get('/projects/:projectName/tokens', async (req, res) => {
    const items = await tokens.listTokens(
      await caller(req),
      req.params.projectName,
    );
    res.json({ items: items.map(projectTokenToWire) });
  });

  api.post('/projects/:projectName/tokens', async (req, res) => {
    const who = await caller(req);
    const { token, secret } = await audited(
      req,
      'project-token-create',
      { project: req.params.projectName, name: req.body.name },
      () => tokens.createToken(who, req.params.projectName, req.body),
    );
    res.status(201).json({ token: projectTokenToWire(token), secret });
  });

  api.delete('/projects/:projectName/tokens/:tokenId', async (req, res) => {
    const who = await caller(req);
    const token = await audited(
      req,
      'project-token-revoke',
      { project: req.params.projectName, token: req.params.tokenId },
      () => tokens.revokeToken(who, req.params.projectName, req.params.tokenId),
    );
    res.json(projectTokenToWire(token));
  });

  // PATCH is not among the typed router's methods; the spec still validates it.
  (api as unknown as express.Router).patch(
    '/projects/:projectName',
    async (req, res) => {
      const who = await caller(req);
      const project = await audited(
        req,
        'project-update',
        { project: req.params.projectName },
        () => service.updateProject(who, req.params.projectName, req.body),
      );
      res.json(projectToWire(project));
    },
  );

  const router = Router();
  // Authentication first, for every path (known or not), before any body is read.
  router.use(async (req, _res, next) => {
    await caller(req);
    next();
  });
  // The body limit comes before the spec validator, so an oversized body is a 413, not a parse error.
  router.use(express.json({ limit: MAX_BODY_BYTES }));
  router.use(
    (
      err: any,
      _req: express.Request,
      _res: express.Response,
      next: express.NextFunction,
    ) => {
      if (err?.type === 'entity.too.large') {
        const tooLarge = new InputError(
          `request body is ${err.length} bytes; the limit is ${MAX_BODY_BYTES} bytes (5 MiB)`,
        );
        (tooLarge as any).statusCode = 413;
        next(Object.assign(tooLarge, { name: 'PayloadTooLargeError' }));
        return;
      }
      next(err);
    },
  );
  router.use(api);
  router.use(createValidationErrorNamer());
  // Last: no error body leaves with SQL, a stack or a file path.
  router.use(errorHandling(options.logger));
  return router;
}
