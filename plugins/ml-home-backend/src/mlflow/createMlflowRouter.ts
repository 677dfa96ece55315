import { LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { bodyLimit } from '../router/bodyLimit';
import { RouteContext } from '../router/RouteContext';
import { rejectNulBytes } from '../router/rejectNulBytes';
import { MlflowError, mlflowErrorHandling } from './mlflowErrors';
import { MlflowRequest } from './mlflowRequest';
import { MlflowService } from './MlflowService';

/*
 * The MLflow door's HTTP side: MLflow's REST API 2.0 paths (tracking and model registry), under
 * `api/2.0/mlflow/` and, for older clients, `api/2.0/preview/mlflow/`. Each path takes the
 * methods MLflow's protos give it; a GET reads its fields from the query string, the others from
 * the JSON body. Every request is authenticated first (a project token or Backstage credentials
 * as `Authorization: Bearer`), and every error, an unauthenticated call or a body over the limit
 * included, leaves in MLflow's shape.
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Each endpoint and its methods, from mlflow/protos/service.proto and model_registry.proto. */
export const MLFLOW_ENDPOINTS: Record<string, Method[]> = {
  'experiments/create': ['POST'],
  'experiments/get': ['GET'],
  'experiments/get-by-name': ['GET'],
  'experiments/search': ['POST', 'GET'],
  'experiments/list': ['GET'],
  'experiments/update': ['POST'],
  'experiments/delete': ['POST'],
  'experiments/restore': ['POST'],
  'experiments/set-experiment-tag': ['POST'],
  'experiments/delete-experiment-tag': ['POST'],
  'runs/create': ['POST'],
  'runs/get': ['GET'],
  'runs/update': ['POST'],
  'runs/delete': ['POST'],
  'runs/restore': ['POST'],
  'runs/search': ['POST'],
  'runs/log-metric': ['POST'],
  'runs/log-parameter': ['POST'],
  'runs/log-batch': ['POST'],
  'runs/log-inputs': ['POST'],
  'runs/set-tag': ['POST'],
  'runs/delete-tag': ['POST'],
  'metrics/get-history': ['GET'],
  'metrics/get-history-bulk-interval': ['GET'],
  'registered-models/create': ['POST'],
  'registered-models/get': ['GET'],
  'registered-models/update': ['PATCH'],
  'registered-models/rename': ['POST'],
  'registered-models/delete': ['DELETE'],
  'registered-models/search': ['GET'],
  'registered-models/get-latest-versions': ['POST', 'GET'],
  'registered-models/set-tag': ['POST'],
  'registered-models/delete-tag': ['DELETE'],
  'registered-models/alias': ['POST', 'DELETE', 'GET'],
  'model-versions/create': ['POST'],
  'model-versions/get': ['GET'],
  'model-versions/update': ['PATCH'],
  'model-versions/delete': ['DELETE'],
  'model-versions/search': ['GET'],
  'model-versions/set-tag': ['POST'],
  'model-versions/delete-tag': ['DELETE'],
  'model-versions/transition-stage': ['POST'],
};

const PREFIXES = ['/api/2.0/mlflow/', '/api/2.0/preview/mlflow/'];

/** The door's router, mounted at `/mlflow` of the plugin's router. */
export function createMlflowRouter(options: {
  service: MlflowService;
  caller: RouteContext['caller'];
  audited: RouteContext['audited'];
  logger: LoggerService;
}): express.Router {
  const { service, caller, audited, logger } = options;
  const router = Router();
  router.use(async (_req, res, next) => {
    // MLflow's clients read JSON whatever happens; no caching of answers that depend on rights.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Authentication first, for every path (known or not), before a body is read.
  router.use(async (req, _res, next) => {
    await caller(req);
    next();
  });
  router.use(bodyLimit());
  router.use(rejectNulBytes());

  for (const [endpoint, methods] of Object.entries(MLFLOW_ENDPOINTS)) {
    for (const method of methods) {
      const operation =
        service.operations[`${endpoint}#${method}`] ??
        service.operations[endpoint];
      if (!operation) {
        throw new Error(`MLflow door: no operation for ${method} ${endpoint}`);
      }
      for (const prefix of PREFIXES) {
        const route = router.route(`${prefix}${endpoint}`);
        const handler = async (req: express.Request, res: express.Response) => {
          const who = await caller(req);
          const body: unknown = req.body ?? {};
          if (
            method !== 'GET' &&
            (typeof body !== 'object' || body === null || Array.isArray(body))
          ) {
            throw new MlflowError(
              'INVALID_PARAMETER_VALUE',
              'The request body must be a JSON object',
            );
          }
          const fields =
            method === 'GET'
              ? (req.query as Record<string, unknown>)
              : (body as Record<string, unknown>);
          const run = () => operation(who, new MlflowRequest(fields));
          const answer =
            method === 'GET'
              ? await run()
              : await audited(
                  req,
                  `mlflow-${endpoint.replace('/', '-')}`,
                  { endpoint },
                  run,
                );
          res.status(200).json(answer);
        };
        if (method === 'GET') route.get(handler);
        else if (method === 'POST') route.post(handler);
        else if (method === 'PATCH') route.patch(handler);
        else route.delete(handler);
      }
    }
  }

  router.use((req, _res, next) => {
    next(
      new MlflowError(
        'ENDPOINT_NOT_FOUND',
        `No MLflow endpoint ${req.method} ${req.path} in ML Home (see the README's "Log from MLflow" for what is served)`,
      ),
    );
  });
  router.use(mlflowErrorHandling(logger));
  return router;
}
