import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { Caller } from '../domain/Caller';
import {
  DatabaseImportStore,
  ImportLogEntry,
  ImportState,
} from './DatabaseImportStore';
import { MlflowImportConfig, MlflowServerConfig } from './importConfig';
import { MlflowClient } from './MlflowClient';
import { ImportTarget, MlflowImporter } from './MlflowImporter';

/** A configured server with where its imports stand, as the admin page shows it. */
export interface ImportStatus extends Omit<ImportState, 'serverId'> {
  serverId: string;
  url: string;
  project: string;
  experiments: 'all' | string[];
  models: boolean;
  frequencyMs: number;
  /** The latest imports, newest first. */
  recent: ImportLogEntry[];
}

/** What the admin routes call. Knows nothing of permissions. */
export interface ImportsService {
  listImports(caller: Caller): Promise<ImportStatus[]>;
  /** Makes the server due now and wakes its task; answers its status. */
  runImport(caller: Caller, serverId: string): Promise<ImportStatus>;
}

/** The first retry waits this long; each failure in a row doubles it, up to the configured cap. */
export const FIRST_BACKOFF_MS = 60_000;
/** How often a running import logs its progress (milliseconds of real time). */
const PROGRESS_LOG_MS = 30_000;
/** How often each server's task looks whether the server is due (a single-row read). */
const TICK = { seconds: 30 };

/** When a server is due again after `failures` failed imports in a row. */
export function backoffMs(failures: number, maxBackoffMs: number): number {
  return Math.min(
    FIRST_BACKOFF_MS * 2 ** Math.max(0, failures - 1),
    maxBackoffMs,
  );
}

/** Only host and path: a URL may carry a user and password. */
function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/**
 * Runs the imports: one scheduled task per server (scope global: once across replicas) that wakes
 * every 30 seconds and imports when the server is due — its frequency after a success, an
 * exponential backoff after a failure, at once after "run now". A failing server is logged,
 * recorded and retried; it never throws out of its task, so other servers and the backend go on.
 */
export class MlflowImportService implements ImportsService {
  private readonly servers: Map<string, MlflowServerConfig>;
  private readonly manual = new Set<string>();

  constructor(
    private readonly options: {
      config: MlflowImportConfig;
      store: DatabaseImportStore;
      target: ImportTarget;
      /** Who the imported items are written by. */
      callerFor: (server: MlflowServerConfig) => Caller;
      logger: LoggerService;
      clock?: () => Date;
      clientFor?: (server: MlflowServerConfig) => MlflowClient;
    },
  ) {
    this.servers = new Map(options.config.servers.map(s => [s.id, s]));
  }

  private now() {
    return (this.options.clock ?? (() => new Date()))();
  }

  static taskId(serverId: string) {
    return `ml-home-mlflow-import-${serverId}`;
  }

  /** Adds each server's state row and schedules its task. */
  async start(scheduler: SchedulerService): Promise<void> {
    const { config, store } = this.options;
    await store.ensureServers([...this.servers.keys()], this.now());
    for (const server of this.servers.values()) {
      await scheduler.scheduleTask({
        id: MlflowImportService.taskId(server.id),
        scope: 'global',
        frequency: TICK,
        initialDelay: config.initialDelay,
        // A long first import holds the task's lock; resumed from its cursors if it times out.
        timeout: { hours: 6 },
        fn: async () => {
          await this.runIfDue(server.id);
        },
      });
    }
    this.scheduler = scheduler;
  }

  private scheduler?: SchedulerService;

  /** Imports the server if it is due; answers whether it ran. Never throws. */
  async runIfDue(serverId: string): Promise<boolean> {
    const server = this.servers.get(serverId);
    if (!server) return false;
    try {
      const state = await this.options.store.getState(serverId);
      const now = this.now();
      if (state?.nextAttemptAt && state.nextAttemptAt > now) return false;
      await this.importServer(server);
      return true;
    } catch (error) {
      // Only the importer's own bookkeeping can fail here (the database); the next tick retries.
      this.options.logger.error(
        `MLflow import from '${serverId}' could not run: ${error}`,
      );
      return false;
    }
  }

  private async importServer(server: MlflowServerConfig): Promise<void> {
    const { store, logger, target, config } = this.options;
    const trigger = this.manual.delete(server.id) ? 'manual' : 'schedule';
    const logId = await store.start(server.id, trigger, this.now());
    let loggedAt = Date.now();
    logger.info(
      `MLflow import from '${server.id}' (${shownUrl(server.url)}) into project '${server.project}' started`,
    );
    const importer = new MlflowImporter({
      server,
      client:
        this.options.clientFor?.(server) ??
        new MlflowClient({
          url: server.url,
          authorization: server.authorization,
        }),
      target,
      store,
      caller: this.options.callerFor(server),
      logger,
      clock: () => this.now(),
      onProgress: async progress => {
        await store.progress(server.id, logId, progress, this.now());
        // A long import says how far it is in the logs too, every half minute.
        const at = Date.now();
        if (at - loggedAt >= PROGRESS_LOG_MS) {
          loggedAt = at;
          logger.info(
            `MLflow import from '${server.id}': ${progress.itemsDone} of ${progress.itemsTotal} items found so far, ${progress.pointsDone} metric points`,
          );
        }
      },
    });
    const before = await store.getState(server.id);
    try {
      const progress = await importer.run();
      const skipped = importer.skipped;
      await store.finish(
        server.id,
        logId,
        {
          ...progress,
          failures: 0,
          error: undefined,
          skipped: skipped.length
            ? `${skipped.length} item(s) skipped, e.g. ${skipped[0]}`.slice(
                0,
                2000,
              )
            : undefined,
          nextAttemptAt: new Date(this.now().getTime() + server.frequencyMs),
        },
        this.now(),
      );
      logger.info(
        `MLflow import from '${server.id}' finished: ${progress.itemsDone} of ${progress.itemsTotal} items, ${progress.pointsDone} metric points${skipped.length ? `, ${skipped.length} skipped (first: ${skipped[0]})` : ''}`,
      );
    } catch (error) {
      const failures = (before?.failures ?? 0) + 1;
      const wait = backoffMs(failures, config.maxBackoffMs);
      const message = `${error instanceof Error ? error.message : error}`;
      await store.finish(
        server.id,
        logId,
        {
          ...importer.current,
          failures,
          error: message.slice(0, 2000),
          nextAttemptAt: new Date(this.now().getTime() + wait),
        },
        this.now(),
      );
      logger.warn(
        `MLflow import from '${server.id}' failed (${failures} in a row), retried in ${Math.round(wait / 1000)} s: ${message}`,
      );
    }
  }

  private async status(
    server: MlflowServerConfig,
    state: ImportState | undefined,
  ): Promise<ImportStatus> {
    return {
      status: 'never',
      itemsDone: 0,
      itemsTotal: 0,
      pointsDone: 0,
      failures: 0,
      ...state,
      serverId: server.id,
      url: shownUrl(server.url),
      project: server.project,
      experiments: server.experiments,
      models: server.models,
      frequencyMs: server.frequencyMs,
      recent: await this.options.store.recentLog(server.id, 5),
    };
  }

  async listImports(_caller: Caller): Promise<ImportStatus[]> {
    const states = new Map(
      (await this.options.store.listStates()).map(s => [s.serverId, s]),
    );
    const result: ImportStatus[] = [];
    for (const server of this.servers.values()) {
      result.push(await this.status(server, states.get(server.id)));
    }
    return result;
  }

  async runImport(_caller: Caller, serverId: string): Promise<ImportStatus> {
    const server = this.servers.get(serverId);
    if (!server) {
      throw new NotFoundError(
        `No MLflow server '${serverId}' is configured under mlHome.mlflowImport.servers`,
      );
    }
    const { store } = this.options;
    await store.ensureServers([serverId], this.now());
    await store.makeDue(serverId, this.now());
    this.manual.add(serverId);
    try {
      await this.scheduler?.triggerTask(MlflowImportService.taskId(serverId));
    } catch (error) {
      // Already running: the server stays due and the next tick imports it.
      this.options.logger.debug?.(
        `MLflow import '${serverId}' not triggered now: ${error}`,
      );
    }
    return this.status(server, await store.getState(serverId));
  }
}
