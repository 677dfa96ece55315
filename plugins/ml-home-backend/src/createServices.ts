import {
  annotationsAccess,
  AnnotationsApi,
} from './annotations/annotationsAccess';
import {
  AnnotationsService,
  DefaultAnnotationsService,
} from './annotations/AnnotationsService';
import { addressed, authorize } from './authorization/authorize';
import { Finders } from './authorization/finders';
import { ProjectAuthorizer } from './authorization/ProjectAuthorizer';
import { ReferenceAuthorizer } from './authorization/ReferenceAuthorizer';
import { CatalogChecks } from './catalog/CatalogChecks';
import { ChangeTable } from './changes/publishChanges';
import { comparisonAccess, ComparisonApi } from './comparison/comparisonAccess';
import {
  ComparisonService,
  DefaultComparisonService,
} from './comparison/ComparisonService';
import { findComparedItems } from './comparison/findComparedItems';
import { Clock, systemClock } from './database/clock';
import { Stores, UnitOfWork } from './database/UnitOfWork';
import { datasetsAccess, DatasetsApi } from './datasets/datasetsAccess';
import { datasetsChanges } from './datasets/datasetsChanges';
import {
  DatasetsService,
  DefaultDatasetsService,
} from './datasets/DatasetsService';
import {
  deploymentsAccess,
  DeploymentsApi,
} from './deployments/deploymentsAccess';
import { deploymentsChanges } from './deployments/deploymentsChanges';
import {
  DefaultDeploymentsService,
  DeploymentsService,
} from './deployments/DeploymentsService';
import {
  evaluationsAccess,
  EvaluationsApi,
} from './evaluations/evaluationsAccess';
import {
  DefaultEvaluationsService,
  EvaluationsService,
} from './evaluations/EvaluationsService';
import { DefaultHealthService, HealthService } from './health/HealthService';
import { ingestionAccess, IngestionApi } from './ingestion/ingestionAccess';
import { ingestionChanges } from './ingestion/ingestionChanges';
import {
  DefaultIngestionService,
  IngestionService,
} from './ingestion/IngestionService';
import { modelsAccess, ModelsApi } from './models/modelsAccess';
import { modelsChanges } from './models/modelsChanges';
import { DefaultModelsService, ModelsService } from './models/ModelsService';
import { projectsAccess, ProjectsApi } from './projects/projectsAccess';
import { projectsChanges } from './projects/projectsChanges';
import {
  DefaultProjectsService,
  ProjectsService,
} from './projects/ProjectsService';
import { runsAccess, RunsApi } from './runs/runsAccess';
import { DefaultRunsService, RunsService } from './runs/RunsService';
import {
  DefaultProjectTokensService,
  ProjectTokensService,
} from './tokens/ProjectTokensService';
import { tokensAccess, TokensApi } from './tokens/tokensAccess';
import {
  certificationAccess,
  CertificationApi,
} from './certification/certificationAccess';
import {
  CertificationDependencies,
  DefaultCertificationService,
} from './certification/CertificationService';
import { createAutomatedChecks } from './certification/automatedChecks';
import { resolveMetricDirections } from './metricDirections/resolveMetricDirections';
import {
  CertificationConfig,
  DEFAULT_CERTIFICATION_CONFIG,
} from './certification/config';
import { CertificationGate } from './certification/CertificationGate';
import {
  metricDirectionsAccess,
  MetricDirectionsApi,
} from './metricDirections/metricDirectionsAccess';
import {
  DefaultMetricDirectionsService,
  MetricDirectionsService,
} from './metricDirections/MetricDirectionsService';

/*
 * The plugin's services, assembled once in plugin.ts: the rules of each resource over its store
 * (announcing the writes other plugins mirror), and the routes' view of them, authorized by each
 * resource's access table.
 */

/** ML Home's rules, one service per resource. They know nothing of permissions. */
export interface MlHomeServices {
  projects: ProjectsService;
  runs: RunsService;
  ingestion: IngestionService;
  models: ModelsService;
  datasets: DatasetsService;
  deployments: DeploymentsService;
  evaluations: EvaluationsService;
  annotations: AnnotationsService;
  comparison: ComparisonService;
  tokens: ProjectTokensService;
  certification: DefaultCertificationService;
  metricDirections: MetricDirectionsService;
  health: HealthService;
}

/** What the routes call: each resource's operations, addressed by route parameters. */
export interface MlHomeApis {
  projects: ProjectsApi;
  runs: RunsApi;
  ingestion: IngestionApi;
  models: ModelsApi;
  datasets: DatasetsApi;
  deployments: DeploymentsApi;
  evaluations: EvaluationsApi;
  annotations: AnnotationsApi;
  comparison: ComparisonApi;
  tokens: TokensApi;
  certification: CertificationApi;
  metricDirections: MetricDirectionsApi;
  health: HealthService;
}

/** Wraps a service so that its writes are announced (see changes/publishChanges.ts). */
export type Announce = <TService extends object>(
  service: TService,
  changes: ChangeTable<TService>,
) => TService;

/** The rules of every resource over the stores. */
export function createServices(options: {
  stores: Stores;
  unitOfWork: UnitOfWork;
  finders: Finders;
  catalog: CatalogChecks;
  announce: Announce;
  /** The time ingestion stamps on a batch; the same clock as the stores'. */
  clock?: Clock;
  /**
   * What certification scores with; by default ML Home's automated checks over the stores, the
   * default settings and no custom check.
   */
  certification?: Partial<CertificationDependencies>;
}): MlHomeServices {
  const { stores, unitOfWork, finders, catalog, announce } = options;
  const clock = options.clock ?? systemClock;
  const projects = announce(
    new DefaultProjectsService(stores.projects, catalog),
    projectsChanges,
  );
  return {
    projects,
    runs: new DefaultRunsService(stores.runs),
    ingestion: announce(
      new DefaultIngestionService(stores, unitOfWork, catalog, clock),
      ingestionChanges,
    ),
    models: announce(
      new DefaultModelsService(stores.models, stores.runs, catalog),
      modelsChanges,
    ),
    datasets: announce(
      new DefaultDatasetsService(stores.datasets, stores.projects),
      datasetsChanges,
    ),
    deployments: announce(
      new DefaultDeploymentsService(stores.deployments, catalog),
      deploymentsChanges,
    ),
    evaluations: new DefaultEvaluationsService(
      stores.evaluations,
      stores.models,
      stores.datasets,
      stores.projects,
      finders,
      stores.metricDirections,
    ),
    annotations: new DefaultAnnotationsService(
      stores.annotations,
      projects,
      finders,
    ),
    comparison: new DefaultComparisonService(
      stores.comparison,
      stores.metricDirections,
    ),
    tokens: new DefaultProjectTokensService({ store: stores.tokens }),
    certification: new DefaultCertificationService({
      runChecks: createAutomatedChecks({
        stores,
        config: options.certification?.config ?? DEFAULT_CERTIFICATION_CONFIG,
        metricDirections: target => resolveMetricDirections(stores, target),
      }),
      config: DEFAULT_CERTIFICATION_CONFIG,
      extraChecks: () => [],
      ...options.certification,
      store: stores.certification,
      unitOfWork,
      findModel: name =>
        finders.model.find(name).catch(error => {
          if (error?.name === 'NotFoundError') return undefined;
          throw error;
        }),
      clock,
    }),
    metricDirections: new DefaultMetricDirectionsService(
      stores.metricDirections,
    ),
    health: new DefaultHealthService(stores.health),
  };
}

/** Every resource's access table. */
function accessTables(
  finders: Finders,
  references: ReferenceAuthorizer,
  stores: Stores,
  gate?: CertificationGate,
) {
  return {
    projects: projectsAccess(finders, references),
    runs: runsAccess(finders),
    ingestion: ingestionAccess(finders, references),
    models: modelsAccess(finders, references, gate),
    datasets: datasetsAccess(finders, references),
    deployments: deploymentsAccess(finders, gate),
    evaluations: evaluationsAccess(finders, references),
    annotations: annotationsAccess(finders),
    comparison: comparisonAccess(findComparedItems(finders, stores)),
    tokens: tokensAccess(finders),
    certification: certificationAccess(finders, references),
    metricDirections: metricDirectionsAccess(finders),
  };
}

/** The routes' view of the services: every operation authorized by its resource's table. */
export function authorizeServices(
  services: MlHomeServices,
  options: {
    finders: Finders;
    references: ReferenceAuthorizer;
    authorizer: ProjectAuthorizer;
    stores: Stores;
    /** `mlHome.certification`, for its gate (default: no gate). */
    certificationConfig?: CertificationConfig;
  },
): MlHomeApis {
  const { finders, references, authorizer, stores } = options;
  const gate = new CertificationGate(
    services.certification,
    options.certificationConfig ?? DEFAULT_CERTIFICATION_CONFIG,
    references,
  );
  const tables = accessTables(finders, references, stores, gate);
  return {
    projects: authorize(services.projects, tables.projects, authorizer),
    runs: authorize(services.runs, tables.runs, authorizer),
    ingestion: authorize(services.ingestion, tables.ingestion, authorizer),
    models: authorize(services.models, tables.models, authorizer),
    datasets: authorize(services.datasets, tables.datasets, authorizer),
    deployments: authorize(
      services.deployments,
      tables.deployments,
      authorizer,
    ),
    evaluations: authorize(
      services.evaluations,
      tables.evaluations,
      authorizer,
    ),
    annotations: authorize(
      services.annotations,
      tables.annotations,
      authorizer,
    ),
    comparison: authorize(services.comparison, tables.comparison, authorizer),
    tokens: authorize(services.tokens, tables.tokens, authorizer),
    certification: authorize(
      services.certification,
      tables.certification,
      authorizer,
    ),
    metricDirections: authorize(
      services.metricDirections,
      tables.metricDirections,
      authorizer,
    ),
    health: services.health,
  };
}

/**
 * The same operations for trusted code inside the plugin (demo data loaded at start-up): each
 * finds what it names and calls the service, without asking for permission.
 */
export function addressServices(
  services: MlHomeServices,
  options: {
    finders: Finders;
    references: ReferenceAuthorizer;
    stores: Stores;
  },
): MlHomeApis {
  const tables = accessTables(
    options.finders,
    options.references,
    options.stores,
  );
  return {
    projects: addressed(services.projects, tables.projects),
    runs: addressed(services.runs, tables.runs),
    ingestion: addressed(services.ingestion, tables.ingestion),
    models: addressed(services.models, tables.models),
    datasets: addressed(services.datasets, tables.datasets),
    deployments: addressed(services.deployments, tables.deployments),
    evaluations: addressed(services.evaluations, tables.evaluations),
    annotations: addressed(services.annotations, tables.annotations),
    comparison: addressed(services.comparison, tables.comparison),
    tokens: addressed(services.tokens, tables.tokens),
    certification: addressed(services.certification, tables.certification),
    metricDirections: addressed(
      services.metricDirections,
      tables.metricDirections,
    ),
    health: services.health,
  };
}
