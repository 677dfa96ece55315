import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, isError } from '@backstage/errors';
import type {
  MlHomeDataWriter,
  MlHomeDemoDataLoader,
  MlHomeDemoDataWriter,
  MlHomeDemoDataWriterOptions,
} from '@ml-home/plugin-ml-home-node/alpha';
import { noteToWire } from '../annotations/annotationsWire';
import type { MlHomeApis } from '../createServices';
import { datasetToWire } from '../datasets/datasetsWire';
import { deploymentToWire } from '../deployments/deploymentsWire';
import type { Caller } from '../domain/Caller';
import { evaluationToWire } from '../evaluations/evaluationsWire';
import {
  modelAliasToWire,
  modelToWire,
  modelVersionToWire,
} from '../models/modelsWire';
import { projectToWire } from '../projects/projectsWire';
import { experimentToWire } from '../runs/runsWire';
import { metricDirectionsToWire } from '../metricDirections/metricDirectionsWire';
import {
  attestationToWire,
  externalResultToWire,
} from '../certification/certificationWire';

/** The services a demo-data writer writes through: addressed by name, as the routes are. */
export type DemoDataServices = Pick<
  MlHomeApis,
  | 'projects'
  | 'runs'
  | 'ingestion'
  | 'datasets'
  | 'models'
  | 'evaluations'
  | 'deployments'
  | 'annotations'
  | 'metricDirections'
  | 'certification'
>;

/**
 * The writer handed to demo-data loaders: each write goes through ML Home's services as a caller
 * with the plugin's own service credentials and the given actor, and is answered in wire types, as
 * the route for the same write would answer. `servicesAt` gives the services whose stores stamp
 * the given time (or now).
 */
export function createDemoDataWriter(
  servicesAt: (at?: Date) => DemoDataServices,
  credentials: BackstageCredentials,
): MlHomeDemoDataWriter {
  return {
    as(actor: string, options?: MlHomeDemoDataWriterOptions): MlHomeDataWriter {
      return writerOver(servicesAt(options?.at), { credentials, actor });
    },
  };
}

/** The writes of one actor (at one time) through the services. */
function writerOver(
  services: DemoDataServices,
  caller: Caller,
): MlHomeDataWriter {
  const {
    projects,
    runs,
    ingestion,
    datasets: datasetsService,
    models,
    evaluations,
    deployments,
    annotations,
    metricDirections,
    certification,
  } = services;
  return {
    createProject: async project =>
      projectToWire(await projects.createProject(caller, project)),
    createExperiment: async (project, experiment) =>
      experimentToWire(
        await runs.createExperiment(caller, project, experiment),
      ),
    ingest: (project, batch) => ingestion.ingest(caller, project, batch),
    createDataset: async (project, dataset) =>
      datasetToWire(
        await datasetsService.createDataset(caller, project, dataset),
      ),
    addRunInputs: async (runId, datasets) => ({
      datasets: await datasetsService.addRunInputs(caller, runId, datasets),
    }),
    createModel: async (project, model) =>
      modelToWire(await models.createModel(caller, project, model)),
    createModelVersion: async (model, version) =>
      modelVersionToWire(
        await models.createModelVersion(caller, model, version),
      ),
    setModelAlias: async (model, alias, version) =>
      modelAliasToWire(
        await models.setModelAlias(caller, model, alias, version),
      ),
    createEvaluation: async (model, version, evaluation) =>
      evaluationToWire(
        (await evaluations.createEvaluation(caller, model, version, evaluation))
          .evaluation,
      ),
    createDeployment: async (model, deployment) =>
      deploymentToWire(
        await deployments.createDeployment(caller, model, deployment),
      ),
    logMonitoring: async (id, batch) => ({
      points: await deployments.logMonitoring(caller, id, batch.points),
    }),
    createNote: async note =>
      noteToWire(
        await annotations.createNote(
          caller,
          { type: note.entityType, id: note.entityId },
          note.body,
        ),
      ),
    updateNote: async (id, update) =>
      noteToWire(await annotations.updateNote(caller, id, update)),
    setTags: async tags => ({
      entityType: tags.entityType,
      entityId: tags.entityId,
      tags: await annotations.setTags(
        caller,
        { type: tags.entityType, id: tags.entityId },
        tags.tags,
      ),
    }),
    setProjectMetricDirections: async (project, directions) =>
      metricDirectionsToWire(
        await metricDirections.setProjectDirections(
          caller,
          project,
          directions,
        ),
      ),
    setModelMetricDirections: async (model, directions) =>
      metricDirectionsToWire(
        await metricDirections.setModelDirections(caller, model, directions),
      ),
    createCertificationAttestation: async (model, attestation) =>
      attestationToWire(
        await certification.createAttestation(caller, model, attestation),
      ),
    reviewCertificationAttestation: async (model, attestationId, review) =>
      attestationToWire(
        await certification.reviewAttestation(
          caller,
          model,
          attestationId,
          review,
        ),
      ),
    reportCertificationResult: async (model, result) =>
      externalResultToWire(
        await certification.reportResult(caller, model, result),
      ),
  };
}

/**
 * Whether ML Home holds no project at all, live or deleted: the one state in which demo data may be
 * loaded without touching anybody's work.
 */
export async function holdsNoProject(
  services: Pick<MlHomeApis, 'projects'>,
  credentials: BackstageCredentials,
): Promise<boolean> {
  const caller: Caller = { credentials, actor: 'plugin:ml-home' };
  for (const deleted of [false, true]) {
    const { totalCount } = await services.projects.listProjects(caller, {
      orderBy: 'name',
      order: 'asc',
      deleted,
      limit: 1,
    });
    if (totalCount > 0) {
      return false;
    }
  }
  return true;
}

/**
 * The demo-data loaders that backend modules added through `mlHomeDemoDataExtensionPoint`, run
 * once at start-up when ML Home's database is empty.
 */
export class DemoDataLoaders {
  private readonly loaders: MlHomeDemoDataLoader[] = [];

  /** Adds a loader; its id names it in logs and must be unique. */
  add(loader: MlHomeDemoDataLoader): void {
    if (typeof loader?.id !== 'string' || !loader.id.trim()) {
      throw new InputError('A demo-data loader needs an id');
    }
    if (typeof loader.load !== 'function') {
      throw new InputError(
        `Demo-data loader ${loader.id} has no load function`,
      );
    }
    if (this.loaders.some(l => l.id === loader.id)) {
      throw new ConflictError(`Demo-data loader ${loader.id} was added twice`);
    }
    this.loaders.push(loader);
  }

  /** How many loaders were added. */
  get size(): number {
    return this.loaders.length;
  }

  /**
   * Runs every loader, in the order they were added, when `isEmpty` says the database holds no
   * project; otherwise none. Emptiness is decided once, before the first loader, so loaders added
   * together all run (or none does).
   *
   * @returns whether the loaders ran
   */
  async runIfEmpty(options: {
    isEmpty: () => Promise<boolean>;
    writer: MlHomeDemoDataWriter;
    logger: LoggerService;
  }): Promise<boolean> {
    const { isEmpty, writer, logger } = options;
    if (this.loaders.length === 0) {
      return false;
    }
    if (!(await isEmpty())) {
      logger.info(
        `ML Home holds data already; skipping ${this.loaders.length} demo-data loader(s): ${this.loaders.map(l => l.id).join(', ')}`,
      );
      return false;
    }
    for (const loader of this.loaders) {
      const started = Date.now();
      const child = logger.child({ demoDataLoader: loader.id });
      try {
        await loader.load({ writer, logger: child });
      } catch (error) {
        // By name: a module may throw its own copy of @backstage/errors' ConflictError.
        if (isError(error) && error.name === 'ConflictError') {
          // Another replica is loading the same data at the same moment; its copy wins.
          logger.info(
            `Demo-data loader ${loader.id} stopped: the data is being loaded elsewhere (${error.message})`,
          );
          continue;
        }
        throw error;
      }
      logger.info(
        `Demo-data loader ${loader.id} ran in ${Date.now() - started} ms`,
      );
    }
    return true;
  }
}
