import {
  LoggerService,
  createExtensionPoint,
} from '@backstage/backend-plugin-api';
import type { MlHomeApi } from '@ml-home/plugin-ml-home-common';

/**
 * The writes a demo-data loader can make: the same operations, arguments and answers as the
 * corresponding methods of `MlHomeApi` (and the HTTP routes), run in-process through ML Home's
 * own services and stores.
 *
 * @alpha
 */
export type MlHomeDataWriter = Pick<
  MlHomeApi,
  | 'createProject'
  | 'createExperiment'
  | 'ingest'
  | 'createDataset'
  | 'addRunInputs'
  | 'createModel'
  | 'createModelVersion'
  | 'setModelAlias'
  | 'createEvaluation'
  | 'createDeployment'
  | 'logMonitoring'
  | 'createNote'
  | 'updateNote'
  | 'setTags'
  | 'setProjectMetricDirections'
  | 'setModelMetricDirections'
  | 'createCertificationAttestation'
  | 'reviewCertificationAttestation'
  | 'reportCertificationResult'
>;

/**
 * Writes demo data into ML Home as a given author.
 *
 * @remarks
 * The writes go through ML Home's rules (names, limits, references within ML Home, ingestion's
 * idempotency) and are announced to other plugins like any other write; they skip what only a
 * request from outside needs: permission checks (the loader is code installed in the backend) and
 * catalog look-ups of owners and services (the catalog is still loading at start-up). Bodies are
 * typed, not validated against the OpenAPI document as HTTP bodies are.
 *
 * @alpha
 */
export interface MlHomeDemoDataWriter {
  /**
   * The writes, recorded as made by `actor` (an entity ref such as `user:default/alice`): it is
   * the author of notes, the creator of projects and versions, the actor of alias moves, ….
   *
   * With `at`, they are also recorded as made at that time instead of now: creation and update
   * times, the project's activity feed and last activity, note revisions, alias moves, the
   * retirement of a replaced deployment. Times the API already carries (runs' start and end,
   * metric and monitoring points' timestamps, `deployedAt`) are taken from the request as usual.
   */
  as(actor: string, options?: MlHomeDemoDataWriterOptions): MlHomeDataWriter;
}

/**
 * How a demo-data writer records its writes.
 *
 * @alpha
 */
export interface MlHomeDemoDataWriterOptions {
  /** The time the writes are recorded as made at; now when absent. */
  at?: Date;
}

/**
 * What a demo-data loader is given.
 *
 * @alpha
 */
export interface MlHomeDemoDataLoaderContext {
  /** Writes into ML Home as a given author. */
  writer: MlHomeDemoDataWriter;
  /** The ML Home plugin's logger, tagged with the loader's id. */
  logger: LoggerService;
}

/**
 * A loader of demo data, registered by a backend module.
 *
 * @alpha
 */
export interface MlHomeDemoDataLoader {
  /** Names the loader in logs, e.g. `demo`. */
  id: string;
  /**
   * Writes the data. ML Home calls it once per start-up, after its migrations and before it
   * serves requests, and only when its database holds no project (live or deleted): a database in
   * use is never touched. A `ConflictError` (another replica loading at the same moment) is logged
   * and start-up goes on; any other error stops start-up.
   */
  load(context: MlHomeDemoDataLoaderContext): Promise<void>;
}

/**
 * Lets a backend module load demo data into an empty ML Home.
 *
 * @alpha
 */
export interface MlHomeDemoDataExtensionPoint {
  /** Adds a loader; loaders run in the order they were added. */
  addLoader(loader: MlHomeDemoDataLoader): void;
}

/**
 * The extension point for demo data:
 *
 * ```ts
 * createBackendModule({
 *   pluginId: 'ml-home',
 *   moduleId: 'demo',
 *   register(reg) {
 *     reg.registerInit({
 *       deps: { demoData: mlHomeDemoDataExtensionPoint },
 *       async init({ demoData }) {
 *         demoData.addLoader({
 *           id: 'demo',
 *           async load({ writer }) {
 *             await writer.as('user:default/guest').createProject({
 *               name: 'churn-prediction',
 *               owner: 'group:default/churn-prediction',
 *             });
 *           },
 *         });
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @alpha
 */
export const mlHomeDemoDataExtensionPoint =
  createExtensionPoint<MlHomeDemoDataExtensionPoint>({
    id: 'ml-home.demo-data',
  });
