import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { bindAnnotationsEndpoints } from '../annotations/bindAnnotationsEndpoints';
import { bindCertificationEndpoints } from '../certification/bindCertificationEndpoints';
import { bindComparisonEndpoints } from '../comparison/bindComparisonEndpoints';
import type { MlHomeApis } from '../createServices';
import { bindDatasetsEndpoints } from '../datasets/bindDatasetsEndpoints';
import { bindDeploymentsEndpoints } from '../deployments/bindDeploymentsEndpoints';
import { bindEvaluationsEndpoints } from '../evaluations/bindEvaluationsEndpoints';
import { bindHealthEndpoints } from '../health/bindHealthEndpoints';
import { bindIngestionEndpoints } from '../ingestion/bindIngestionEndpoints';
import { bindModelsEndpoints } from '../models/bindModelsEndpoints';
import { bindProjectsEndpoints } from '../projects/bindProjectsEndpoints';
import { bindRunsEndpoints } from '../runs/bindRunsEndpoints';
import { createMlflowRouter } from '../mlflow/createMlflowRouter';
import type { MlflowService } from '../mlflow/MlflowService';
import { bindImportsEndpoints } from '../mlflowImport/bindImportsEndpoints';
import type { ImportsApi } from '../mlflowImport/importsAccess';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { bindTokensEndpoints } from '../tokens/bindTokensEndpoints';
import { bindMetricDirectionsEndpoints } from '../metricDirections/bindMetricDirectionsEndpoints';
import {
  ProjectTokenAuthenticator,
  createAuditing,
  createCallerResolver,
} from './authentication';
import { bodyLimit } from './bodyLimit';
import { rejectNulBytes } from './rejectNulBytes';
import { errorHandling } from './errorHandling';
import { RouteContext } from './RouteContext';
import { createValidationErrorNamer } from './validationErrors';

export interface RouterOptions {
  /** What the routes call, one set of operations per resource. */
  apis: MlHomeApis;
  /** ML Home's own bearer tokens, checked before Backstage's credentials. */
  tokens: ProjectTokenAuthenticator;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logger: LoggerService;
  /** The admin routes of the MLflow importer (see mlflowImport/). */
  imports?: ImportsApi;
  /** MLflow's REST API over the same services (see mlflow/), served under `/mlflow`. */
  mlflow?: MlflowService;
}

/**
 * The plugin's router: one binder per resource on the router generated from the OpenAPI document,
 * behind the middleware every request goes through — authentication first (before a body is
 * read), the body limit, the spec's validation with the offending field named, and an error
 * handler that lets no SQL, stack or file path out.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { apis, tokens, httpAuth, auditor, logger } = options;
  const caller = createCallerResolver({ httpAuth, tokens });
  const context: RouteContext = {
    api: await createOpenApiRouter(),
    caller,
    audited: createAuditing({ auditor, caller }),
  };

  bindHealthEndpoints(context, apis.health);
  bindProjectsEndpoints(context, apis.projects);
  bindRunsEndpoints(context, apis.runs);
  bindIngestionEndpoints(context, apis.ingestion);
  bindModelsEndpoints(context, apis.models);
  bindDatasetsEndpoints(context, apis.datasets);
  bindDeploymentsEndpoints(context, apis.deployments);
  bindEvaluationsEndpoints(context, apis.evaluations);
  bindAnnotationsEndpoints(context, apis.annotations);
  bindComparisonEndpoints(context, apis.comparison);
  bindTokensEndpoints(context, apis.tokens);
  bindMetricDirectionsEndpoints(context, apis.metricDirections);
  bindCertificationEndpoints(context, apis.certification);
  if (options.imports) bindImportsEndpoints(context, options.imports);

  const router = Router();
  if (options.mlflow) {
    // MLflow's door answers every error in MLflow's shape, so it authenticates (first, as below)
    // and limits bodies itself; it comes before the OpenAPI router, which does not know its paths.
    router.use(
      '/mlflow',
      createMlflowRouter({
        service: options.mlflow,
        caller,
        audited: context.audited,
        logger,
      }),
    );
  }
  // Authentication first, for every path (known or not), before a body is read.
  router.use(async (req, _res, next) => {
    await caller(req);
    next();
  });
  // The body limit comes before the spec validator, so an oversized body is a 413, not a parse error.
  router.use(bodyLimit());
  router.use(rejectNulBytes());
  router.use(context.api);
  router.use(createValidationErrorNamer());
  // Last: no error body leaves with SQL, a stack or a file path.
  router.use(errorHandling(logger));
  return router;
}
