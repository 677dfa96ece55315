import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { isErrorWithName, ResponseError } from '@backstage/errors';
import {
  RetryWithBackoffOptions,
  retryWithBackoff,
} from '@ml-home/plugin-ml-home-node';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type {
  Dataset,
  Deployment,
  MlHomeChangeEvent,
  Model,
  Project,
} from '@ml-home/plugin-ml-home-common';
import {
  MappingContext,
  datasetEntityName,
  datasetToEntity,
  isValidEntityName,
  modelEntityName,
  modelToEntity,
  resourceRef,
} from './entities';
import { MlHomeCatalogReader } from './MlHomeCatalogReader';
import { PAGE_SIZE, mapWithConcurrency, readAllPages } from './paging';

/** How many dataset details the provider reads at once (for their consumers). */
const DATASET_READ_CONCURRENCY = 4;

/**
 * Options of {@link MlHomeEntityProvider}.
 *
 * @public
 */
export type MlHomeEntityProviderOptions = {
  /** Reads ML Home over its HTTP API, e.g. an `MlHomeClient` with a service-token fetch. */
  client: MlHomeCatalogReader;
  logger: LoggerService;
  /** Runs the full refresh once across replicas. */
  scheduler: SchedulerService;
  /** When the full refresh runs. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** The app's base URL (`app.baseUrl`); entity links point at the ML Home pages below it. */
  appBaseUrl: string;
  /** How a failed full refresh is retried (defaults of `retryWithBackoff`: 2 s doubling, up to 5 minutes). */
  retry?: Pick<
    RetryWithBackoffOptions,
    'initialDelayMs' | 'maxDelayMs' | 'giveUpAfterMs' | 'sleep'
  >;
};

type Candidate = { entity: Entity; source: string };

function isNotFound(error: unknown): boolean {
  return (
    (ResponseError.is(error) && error.statusCode === 404) ||
    isErrorWithName(error, 'NotFoundError')
  );
}

/** Reads one object, returning undefined when ML Home answers 404. */
async function orNotFound<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}

const EVENT_ENTITIES = new Set(['project', 'model', 'dataset', 'deployment']);

/**
 * Checks that an event payload on the ML Home topic has the shape the provider acts on.
 *
 * @public
 */
export function isMlHomeChangeEvent(
  payload: unknown,
): payload is MlHomeChangeEvent {
  if (!payload || typeof payload !== 'object') {
    return false;
  }
  const p = payload as Record<string, unknown>;
  return (
    typeof p.entity === 'string' &&
    EVENT_ENTITIES.has(p.entity) &&
    typeof p.action === 'string' &&
    typeof p.project === 'string' &&
    p.project.length > 0 &&
    typeof p.name === 'string' &&
    p.name.length > 0
  );
}

/**
 * Publishes ML Home models, datasets and feature sets to the software catalog as `Resource`
 * entities (`spec.type` `ml-model`, `dataset`, `feature-set`).
 *
 * @remarks
 * A full mutation runs on a schedule (once across replicas); between runs, change events from
 * the ML Home backend are applied as delta mutations. Everything is read through ML Home's HTTP
 * API.
 *
 * @public
 */
export class MlHomeEntityProvider implements EntityProvider {
  private readonly client: MlHomeCatalogReader;
  private readonly logger: LoggerService;
  private readonly scheduler: SchedulerService;
  private readonly schedule: SchedulerServiceTaskScheduleDefinition;
  private readonly context: MappingContext;
  private readonly retry: MlHomeEntityProviderOptions['retry'];
  private connection?: EntityProviderConnection;
  /** Events waiting to be applied, by the object they concern; a newer one replaces an older. */
  private readonly pending = new Map<string, MlHomeChangeEvent>();
  private draining?: Promise<void>;
  /** Full runs and deltas take turns, so that a delta is never undone by an older snapshot. */
  private exclusive: Promise<unknown> = Promise.resolve();

  constructor(options: MlHomeEntityProviderOptions) {
    this.client = options.client;
    this.logger = options.logger.child({ provider: this.getProviderName() });
    this.scheduler = options.scheduler;
    this.schedule = options.schedule;
    this.context = { appBaseUrl: options.appBaseUrl };
    this.retry = options.retry;
  }

  /** {@inheritDoc @backstage/plugin-catalog-node#EntityProvider.getProviderName} */
  getProviderName(): string {
    return 'MlHomeEntityProvider';
  }

  /** The id of the scheduled full refresh. */
  get taskId(): string {
    return `${this.getProviderName()}:refresh`;
  }

  /** {@inheritDoc @backstage/plugin-catalog-node#EntityProvider.connect} */
  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
  }

  /**
   * Schedules the full refresh. Called once the backend has started. A run that fails — ML Home
   * still starting (503) or any other error — is tried again within seconds, with backoff, rather
   * than at the next scheduled run.
   */
  async start(): Promise<void> {
    await this.scheduler.scheduleTask({
      id: this.taskId,
      ...this.schedule,
      fn: signal =>
        retryWithBackoff(() => this.refresh(), {
          what: 'ML Home catalog refresh',
          logger: this.logger,
          signal,
          ...this.retry,
        }),
    });
  }

  /**
   * Reads every model, dataset and feature set and replaces all entities of this provider with
   * them (a full mutation): what was deleted in ML Home disappears from the catalog.
   */
  async refresh(): Promise<void> {
    await this.runExclusive(async () => {
      const connection = this.requireConnection();
      const started = Date.now();
      const [projects, models, deployments, datasets] = await Promise.all([
        readAllPages(cursor =>
          this.client.listProjects({ limit: PAGE_SIZE, cursor }),
        ),
        readAllPages(cursor =>
          this.client.searchModels({ limit: PAGE_SIZE, cursor }),
        ),
        readAllPages(cursor =>
          this.client.listDeployments({
            status: 'active',
            limit: PAGE_SIZE,
            cursor,
          }),
        ),
        readAllPages(cursor =>
          this.client.searchDatasets({ limit: PAGE_SIZE, cursor }),
        ),
      ]);
      const projectsByName = new Map(projects.map(p => [p.name, p]));
      const candidates = await this.buildCandidates({
        projects: projectsByName,
        models,
        deployments,
        datasets,
      });
      const entities = this.withoutClashes(candidates);
      await connection.applyMutation({
        type: 'full',
        entities: entities.map(entity => ({
          entity,
          locationKey: this.getProviderName(),
        })),
      });
      this.logger.info(
        `Published ${entities.length} ML Home entities (${models.length} models, ${datasets.length} datasets and feature sets) in ${Date.now() - started} ms`,
      );
    });
  }

  /**
   * Handles an event on the ML Home topic without waiting for it: the change is queued and
   * applied soon after (events for the same object are coalesced).
   */
  onEvent(payload: unknown): void {
    if (!isMlHomeChangeEvent(payload)) {
      this.logger.debug(
        `Ignored an event that is not an ML Home change: ${JSON.stringify(payload)}`,
      );
      return;
    }
    this.enqueue(payload).catch(error =>
      this.logger.warn(`Could not apply ML Home change`, error),
    );
  }

  /** Queues a change; resolves once the queue holding it has been applied. */
  enqueue(event: MlHomeChangeEvent): Promise<void> {
    const target = event.entity === 'deployment' ? 'model' : event.entity;
    const key =
      target === 'dataset'
        ? `dataset:${event.project}/${event.name}`
        : `${target}:${target === 'project' ? event.project : event.name}`;
    this.pending.set(key, event);
    if (!this.draining) {
      this.draining = (async () => {
        try {
          while (this.pending.size > 0) {
            const [nextKey, next] = this.pending.entries().next().value!;
            this.pending.delete(nextKey);
            try {
              await this.applyChange(next);
            } catch (error) {
              this.logger.warn(
                `Could not apply ML Home change ${JSON.stringify(next)}; the next full refresh will`,
                error as Error,
              );
            }
          }
        } finally {
          this.draining = undefined;
        }
      })();
    }
    return this.draining;
  }

  /**
   * Re-reads what one change event concerns and applies it as a delta mutation: the model or
   * dataset is added or updated, or removed when ML Home no longer has it (404).
   */
  async applyChange(event: MlHomeChangeEvent): Promise<void> {
    await this.runExclusive(async () => {
      switch (event.entity) {
        case 'model':
        case 'deployment':
          await this.applyModel(event.name);
          return;
        case 'dataset':
          await this.applyDataset(event.project, event.name);
          return;
        case 'project':
          await this.applyProject(event.project);
          return;
        default:
          this.logger.debug(`Ignored ML Home change of ${event.entity}`);
      }
    });
  }

  private async applyModel(name: string) {
    const model = await orNotFound(this.client.getModel(name));
    const project =
      model && (await orNotFound(this.client.getProject(model.project)));
    if (!model || !project) {
      await this.applyDelta([], [modelEntityName(name)]);
      return;
    }
    const { items: deployments } = await this.client.listModelDeployments(name);
    const entity = this.mapModel(model, project, deployments);
    await this.applyDelta(entity ? [entity] : [], []);
  }

  private async applyDataset(projectName: string, name: string) {
    const entityName = datasetEntityName(projectName, name);
    const dataset = await orNotFound(this.client.getDataset(projectName, name));
    const project =
      dataset && (await orNotFound(this.client.getProject(projectName)));
    if (!dataset || !project) {
      if (!(await this.nameTakenByOther(projectName, name, entityName))) {
        await this.applyDelta([], [entityName]);
      }
      return;
    }
    if (await this.nameTakenByOther(projectName, name, entityName)) {
      return;
    }
    const entity = this.mapDataset(dataset, project);
    await this.applyDelta(entity ? [entity] : [], []);
  }

  /**
   * A project's owner, title, tags or system changed: re-read its models and datasets. A project
   * that is gone takes its entities with it, which the full refresh does.
   */
  private async applyProject(projectName: string) {
    const project = await orNotFound(this.client.getProject(projectName));
    if (!project) {
      await this.requestFullRefresh(`project ${projectName} is gone`);
      return;
    }
    const [models, deployments, datasets] = await Promise.all([
      readAllPages(cursor =>
        this.client.searchModels({
          project: projectName,
          limit: PAGE_SIZE,
          cursor,
        }),
      ),
      readAllPages(cursor =>
        this.client.listDeployments({
          project: projectName,
          status: 'active',
          limit: PAGE_SIZE,
          cursor,
        }),
      ),
      readAllPages(cursor =>
        this.client.searchDatasets({
          project: projectName,
          limit: PAGE_SIZE,
          cursor,
        }),
      ),
    ]);
    const uncontested: Dataset[] = [];
    for (const dataset of datasets) {
      const entityName = datasetEntityName(projectName, dataset.name);
      if (
        !(await this.nameTakenByOther(projectName, dataset.name, entityName))
      ) {
        uncontested.push(dataset);
      }
    }
    const candidates = await this.buildCandidates({
      projects: new Map([[projectName, project]]),
      models,
      deployments,
      datasets: uncontested,
    });
    await this.applyDelta(this.withoutClashes(candidates), []);
  }

  /**
   * True when another ML Home object maps to the dataset's entity name: a model of that name
   * (models come first, as in the full refresh), or a dataset of another project whose
   * `<project>--<dataset>` reads the same. The delta then leaves the entity alone and the full
   * refresh decides.
   */
  private async nameTakenByOther(
    projectName: string,
    datasetName: string,
    entityName: string,
  ): Promise<boolean> {
    const other = [`model ${entityName}`];
    const readers: Array<Promise<unknown>> = [
      orNotFound(this.client.getModel(entityName)),
    ];
    for (
      let at = entityName.indexOf('--');
      at >= 0;
      at = entityName.indexOf('--', at + 1)
    ) {
      const p = entityName.slice(0, at);
      const d = entityName.slice(at + 2);
      if (p === projectName || !p || !d) {
        continue;
      }
      other.push(`dataset ${p}/${d}`);
      readers.push(orNotFound(this.client.getDataset(p, d)));
    }
    const found = await Promise.all(readers);
    const index = found.findIndex(x => x !== undefined);
    if (index < 0) {
      return false;
    }
    this.logger.warn(
      `ML Home dataset ${projectName}/${datasetName} and ${other[index]} both map to catalog entity ${resourceRef(entityName)}; left to the next full refresh`,
    );
    return true;
  }

  private async requestFullRefresh(reason: string) {
    this.logger.info(`Full refresh requested: ${reason}`);
    try {
      await this.scheduler.triggerTask(this.taskId);
    } catch (error) {
      // Already running (a conflict) or not scheduled yet: the run in progress or the next
      // scheduled one picks the change up.
      this.logger.debug(`Could not trigger the full refresh now: ${error}`);
    }
  }

  private async buildCandidates(snapshot: {
    projects: Map<string, Project>;
    models: Model[];
    deployments: Deployment[];
    datasets: Dataset[];
  }): Promise<Candidate[]> {
    const deploymentsByModel = new Map<string, Deployment[]>();
    for (const d of snapshot.deployments) {
      const list = deploymentsByModel.get(d.model) ?? [];
      list.push(d);
      deploymentsByModel.set(d.model, list);
    }
    const candidates: Candidate[] = [];
    for (const model of snapshot.models) {
      const project = snapshot.projects.get(model.project);
      if (!project) {
        this.logger.debug(
          `Skipped model ${model.name}: its project ${model.project} is not listed`,
        );
        continue;
      }
      const entity = this.mapModel(
        model,
        project,
        deploymentsByModel.get(model.name) ?? [],
      );
      if (entity) {
        candidates.push({ entity, source: `model ${model.name}` });
      }
    }
    // The list routes leave out consumers; each dataset's own route has the models trained on it.
    const detailed = await mapWithConcurrency(
      snapshot.datasets,
      DATASET_READ_CONCURRENCY,
      d => orNotFound(this.client.getDataset(d.project, d.name)),
    );
    for (const dataset of detailed) {
      const project = dataset && snapshot.projects.get(dataset.project);
      if (!dataset || !project) {
        continue;
      }
      const entity = this.mapDataset(dataset, project);
      if (entity) {
        candidates.push({
          entity,
          source: `dataset ${dataset.project}/${dataset.name}`,
        });
      }
    }
    return candidates;
  }

  private mapModel(
    model: Model,
    project: Project,
    deployments: readonly Deployment[],
  ): Entity | undefined {
    const name = modelEntityName(model.name);
    if (!isValidEntityName(name)) {
      this.logger.warn(
        `Skipped model ${model.name}: not a valid catalog entity name`,
      );
      return undefined;
    }
    return modelToEntity({
      model,
      project,
      deployments,
      context: this.context,
    });
  }

  private mapDataset(dataset: Dataset, project: Project): Entity | undefined {
    const name = datasetEntityName(project.name, dataset.name);
    if (!isValidEntityName(name)) {
      this.logger.warn(
        `Skipped dataset ${project.name}/${dataset.name}: ${name} is not a valid catalog entity name`,
      );
      return undefined;
    }
    return datasetToEntity({ dataset, project, context: this.context });
  }

  /** Keeps the first candidate of each entity name; logs and skips the rest. */
  private withoutClashes(candidates: Candidate[]): Entity[] {
    const taken = new Map<string, string>();
    const entities: Entity[] = [];
    for (const { entity, source } of candidates) {
      const key = entity.metadata.name.toLocaleLowerCase('en-US');
      const first = taken.get(key);
      if (first) {
        this.logger.warn(
          `ML Home ${source} maps to catalog entity ${resourceRef(entity.metadata.name)}, which ${first} already uses; skipped it`,
        );
        continue;
      }
      taken.set(key, source);
      entities.push(entity);
    }
    return entities;
  }

  private async applyDelta(added: Entity[], removedNames: string[]) {
    const locationKey = this.getProviderName();
    await this.requireConnection().applyMutation({
      type: 'delta',
      added: added.map(entity => ({ entity, locationKey })),
      removed: removedNames.map(name => ({
        entityRef: resourceRef(name),
        locationKey,
      })),
    });
  }

  private requireConnection(): EntityProviderConnection {
    if (!this.connection) {
      throw new Error(
        `${this.getProviderName()} is not connected to the catalog yet`,
      );
    }
    return this.connection;
  }

  private runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.exclusive.then(fn, fn);
    this.exclusive = result.catch(() => undefined);
    return result;
  }
}
