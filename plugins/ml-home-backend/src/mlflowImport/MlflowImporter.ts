import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  IngestBatch,
  IngestMetric,
  KEY_MAX,
  MAX_METRIC_POINTS_PER_BATCH,
  PARAM_VALUE_MAX,
  TAG_VALUE_MAX,
} from '@ml-home/plugin-ml-home-common';
import type { MlHomeApis } from '../createServices';
import type { Caller } from '../domain/Caller';
import { hashIngestRequest } from '../ingestion/ingestRequest';
import { DatabaseImportStore, ImportProgress } from './DatabaseImportStore';
import { MlflowServerConfig } from './importConfig';
import {
  MlflowClient,
  MlflowExperiment,
  MlflowMetric,
  MlflowModelVersion,
  MlflowRegisteredModel,
  MlflowRun,
} from './MlflowClient';
import { aliasName, toSlug } from './names';

/** What the importer writes through: ML Home's own services, addressed by name. */
export type ImportTarget = Pick<
  MlHomeApis,
  'ingestion' | 'models' | 'datasets' | 'runs'
>;

/** Where an experiment's import stands between two imports. */
export interface ExperimentCursor {
  /** Runs that started at or after this time (ms) are searched again. */
  startTime: number;
  /** Runs seen unfinished: they are looked at again until they finish. */
  unfinished: string[];
  /** Runs marked deleted because MLflow deleted them: restored if MLflow restores them. */
  deleted: string[];
}

/** Where the registry's import stands: per MLflow model, what was imported last. */
export interface RegistryCursor {
  /** last_updated_timestamp of each model when its versions were last imported. */
  models: Record<string, number>;
  /** Aliases the importer set, per ML Home model: removed when MLflow no longer has them. */
  aliases: Record<string, string[]>;
}

const RUNS_PAGE = 500;
const TERMINAL = new Set(['FINISHED', 'FAILED', 'KILLED']);
const RUN_STATUSES = new Set(['RUNNING', 'SCHEDULED', ...TERMINAL]);
/** MLflow stage → the alias the door maps it to. */
const STAGE_ALIASES: Record<string, string> = {
  Production: 'production',
  Staging: 'staging',
};

const cut = (text: string, max: number) =>
  [...text].length > max ? [...text].slice(0, max).join('') : text;

const wireValue = (value: number): IngestMetric['value'] =>
  Number.isFinite(value) ? value : (String(value) as IngestMetric['value']);

/**
 * One import of one MLflow server into one ML Home project: experiments and their runs (params,
 * tags, metric histories, inputs), then registered models, versions and aliases. Every write goes
 * through ML Home's services; runs through batch ingestion with a requestId derived from the
 * batch, so an import that is repeated (after a crash, or a page seen twice) writes nothing twice.
 * Each cursor moves only after what it covers is written.
 */
export class MlflowImporter {
  private readonly progress: ImportProgress = {
    itemsDone: 0,
    itemsTotal: 0,
    pointsDone: 0,
  };
  /** Items that could not be imported (named in the import's outcome), by reason. */
  readonly skipped: string[] = [];

  constructor(
    private readonly options: {
      server: MlflowServerConfig;
      client: MlflowClient;
      target: ImportTarget;
      store: DatabaseImportStore;
      caller: Caller;
      logger: LoggerService;
      clock: () => Date;
      /** Called with the progress after each page. */
      onProgress: (progress: ImportProgress) => Promise<void>;
    },
  ) {}

  get current(): ImportProgress {
    return { ...this.progress };
  }

  async run(): Promise<ImportProgress> {
    const { server } = this.options;
    for (const experiment of await this.experiments()) {
      await this.importExperiment(experiment);
    }
    if (server.models) {
      await this.importRegistry();
    }
    return this.current;
  }

  private skip(reason: string) {
    this.skipped.push(reason);
    this.options.logger.warn(
      `MLflow import from '${this.options.server.id}': skipped ${reason}`,
    );
  }

  private async report() {
    await this.options.onProgress(this.current);
  }

  private async experiments(): Promise<MlflowExperiment[]> {
    const { server, client } = this.options;
    if (server.experiments !== 'all') {
      const found: MlflowExperiment[] = [];
      for (const idOrName of server.experiments) {
        found.push(await client.getExperiment(idOrName));
      }
      return found;
    }
    const all: MlflowExperiment[] = [];
    let token: string | undefined;
    do {
      const page = await client.searchExperiments(token);
      all.push(...page.items);
      token = page.nextPageToken;
    } while (token);
    return all;
  }

  // ---- runs --------------------------------------------------------------------------------

  private async importExperiment(experiment: MlflowExperiment) {
    const { server, client, store, clock } = this.options;
    const scope = `experiment:${experiment.experimentId}`;
    const cursor: ExperimentCursor = {
      startTime: 0,
      unfinished: [],
      deleted: [],
      ...(await store.getCursor<ExperimentCursor>(server.id, scope)),
    };
    const seen = new Set<string>();

    // Runs started since the cursor, oldest first, one committed page at a time.
    let token: string | undefined;
    const since = cursor.startTime;
    do {
      const page = await client.searchRuns({
        experimentId: experiment.experimentId,
        filter: `attributes.start_time >= ${since}`,
        viewType: 'ACTIVE_ONLY',
        orderBy: ['attributes.start_time ASC'],
        maxResults: RUNS_PAGE,
        pageToken: token,
      });
      this.progress.itemsTotal += page.items.length;
      for (const run of page.items) {
        await this.importRun(experiment, run);
        seen.add(run.runId);
        this.track(cursor, run);
        cursor.startTime = Math.max(cursor.startTime, run.startTime ?? 0);
      }
      await store.setCursor(server.id, scope, cursor, clock());
      await this.report();
      token = page.nextPageToken;
    } while (token);

    // Runs that were unfinished last time and did not start since: looked at again.
    const again = cursor.unfinished.filter(id => !seen.has(id));
    for (let i = 0; i < again.length; i += 100) {
      const ids = again.slice(i, i + 100);
      const page = await client.searchRuns({
        experimentId: experiment.experimentId,
        filter: `attributes.run_id IN (${ids.map(id => `'${id}'`).join(', ')})`,
        viewType: 'ACTIVE_ONLY',
        maxResults: ids.length,
      });
      this.progress.itemsTotal += page.items.length;
      const returned = new Set(page.items.map(r => r.runId));
      for (const run of page.items) {
        await this.importRun(experiment, run);
        this.track(cursor, run);
      }
      // Gone from the active runs (deleted, or the experiment moved): no longer followed here.
      cursor.unfinished = cursor.unfinished.filter(
        id => !ids.includes(id) || returned.has(id),
      );
      await store.setCursor(server.id, scope, cursor, clock());
      await this.report();
    }

    await this.followDeletions(experiment, cursor);
    await store.setCursor(server.id, scope, cursor, clock());
  }

  /** Keeps the unfinished list in step with a run just imported. */
  private track(cursor: ExperimentCursor, run: MlflowRun) {
    const unfinished = new Set(cursor.unfinished);
    if (TERMINAL.has(run.status)) unfinished.delete(run.runId);
    else unfinished.add(run.runId);
    cursor.unfinished = [...unfinished];
  }

  /**
   * Runs MLflow deleted are marked deleted in ML Home if they were imported (never imported ones
   * are skipped), and marked active again when MLflow restores them.
   */
  private async followDeletions(
    experiment: MlflowExperiment,
    cursor: ExperimentCursor,
  ) {
    const { client, store, server, clock } = this.options;
    const deleted: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.searchRuns({
        experimentId: experiment.experimentId,
        filter: '',
        viewType: 'DELETED_ONLY',
        maxResults: 1000,
        pageToken: token,
      });
      deleted.push(...page.items.map(r => r.runId));
      token = page.nextPageToken;
    } while (token);
    const now = new Set(deleted);
    const restored = cursor.deleted.filter(id => !now.has(id));
    const project = server.project;
    const marked = await store.setRunsLifecycle(
      project,
      deleted,
      'deleted',
      clock(),
    );
    await store.setRunsLifecycle(project, restored, 'active', clock());
    cursor.deleted = deleted.filter(
      id => marked.has(id) || cursor.deleted.includes(id),
    );
    cursor.unfinished = cursor.unfinished.filter(id => !now.has(id));
  }

  private async ingest(batch: Omit<IngestBatch, 'requestId'>) {
    const { target, caller, server } = this.options;
    // The same batch gets the same requestId: sent again, it is answered from the first time.
    const requestId = `mlflow-import:${hashIngestRequest(batch)}`;
    return target.ingestion.ingest(caller, server.project, {
      ...batch,
      requestId,
    });
  }

  /**
   * One run, unless ML Home refuses it (a run id ML Home holds in another project or experiment,
   * a value out of ML Home's limits): then it is skipped, named in the import's outcome, and the
   * other runs go on.
   */
  private async importRun(experiment: MlflowExperiment, run: MlflowRun) {
    try {
      await this.writeRun(experiment, run);
    } catch (error) {
      if (!(error instanceof ConflictError || error instanceof InputError)) {
        throw error;
      }
      this.skip(`run ${run.runId}: ${error.message}`);
    }
    this.progress.itemsDone += 1;
  }

  private async writeRun(experiment: MlflowExperiment, run: MlflowRun) {
    const experimentName = cut(experiment.name, KEY_MAX);
    const usable = (key: string, what: string) => {
      if (!key.trim() || [...key].length > KEY_MAX) {
        this.skip(
          `${what} '${key.slice(0, 80)}' of run ${run.runId}: key is empty or over ${KEY_MAX} characters`,
        );
        return false;
      }
      return true;
    };
    const startTime =
      run.startTime !== undefined && run.startTime >= 0
        ? run.startTime
        : undefined;
    const endTime =
      run.endTime !== undefined &&
      run.endTime >= 0 &&
      (startTime === undefined || run.endTime >= startTime)
        ? run.endTime
        : undefined;
    await this.ingest({
      runs: [
        {
          runId: run.runId,
          experiment: experimentName,
          name: run.runName ? cut(run.runName, KEY_MAX) : undefined,
          status: (RUN_STATUSES.has(run.status)
            ? run.status
            : 'FAILED') as 'FINISHED',
          user: run.userId ? cut(run.userId, 255) : undefined,
          startTime,
          endTime,
          params: run.params
            .filter(p => usable(p.key, 'param'))
            .slice(0, 1000)
            .map(p => ({ key: p.key, value: cut(p.value, PARAM_VALUE_MAX) })),
          // Long system tags (mlflow.log-model.history) are cut to ML Home's limit.
          tags: run.tags
            .filter(t => usable(t.key, 'tag'))
            .slice(0, 1000)
            .map(t => ({ key: t.key, value: cut(t.value, TAG_VALUE_MAX) })),
        },
      ],
    });
    for (const key of new Set(run.metrics.map(m => m.key))) {
      if (usable(key, 'metric')) {
        await this.importHistory(experimentName, run.runId, key);
      }
    }
    await this.importInputs(run);
  }

  /** A metric's whole history, paged from MLflow, written in batches of up to the batch limit. */
  private async importHistory(experiment: string, runId: string, key: string) {
    const { client } = this.options;
    let pending: MlflowMetric[] = [];
    const flush = async () => {
      if (!pending.length) return;
      await this.ingest({
        runs: [
          {
            runId,
            experiment,
            metrics: pending.map(m => ({
              key,
              value: wireValue(m.value),
              step: m.step,
              timestamp: Math.max(0, m.timestamp),
            })),
          },
        ],
      });
      this.progress.pointsDone += pending.length;
      pending = [];
    };
    let token: string | undefined;
    do {
      const page = await client.getMetricHistory(runId, key, token);
      for (const point of page.items) {
        pending.push(point);
        if (pending.length >= MAX_METRIC_POINTS_PER_BATCH) await flush();
      }
      token = page.nextPageToken;
    } while (token);
    await flush();
  }

  /** MLflow dataset inputs become datasets of the project, declared as the run's inputs. */
  private async importInputs(run: MlflowRun) {
    const { target, caller, server } = this.options;
    const names: string[] = [];
    for (const input of run.inputs) {
      const name = toSlug(input.name);
      if (!name) {
        this.skip(
          `dataset input '${input.name}' of run ${run.runId}: no usable name`,
        );
        continue;
      }
      try {
        await target.datasets.getDataset(caller, server.project, name);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        const context = (input.context ?? '').toLowerCase();
        await target.datasets.createDataset(caller, server.project, {
          name,
          kind: /eval|valid|test/.test(context)
            ? 'evaluation-set'
            : 'training-set',
          uri: cut(input.source, 2000) || undefined,
          description: `Imported from MLflow '${server.id}' (dataset '${input.name}', digest ${input.digest || 'none'}).`,
        });
      }
      if (!names.includes(name)) names.push(name);
    }
    for (let i = 0; i < names.length; i += 100) {
      await target.datasets.addRunInputs(
        caller,
        run.runId,
        names.slice(i, i + 100),
      );
    }
  }

  // ---- registry ----------------------------------------------------------------------------

  private async importRegistry() {
    const { client, store, server, clock } = this.options;
    const cursor: RegistryCursor = {
      models: {},
      aliases: {},
      ...(await store.getCursor<RegistryCursor>(server.id, 'registry')),
    };
    const models: MlflowRegisteredModel[] = [];
    let token: string | undefined;
    do {
      const page = await client.searchRegisteredModels(token);
      models.push(...page.items);
      token = page.nextPageToken;
    } while (token);
    this.progress.itemsTotal += models.length;
    await this.report();
    for (const model of models) {
      const name = toSlug(model.name);
      if (!name) {
        this.skip(`registered model '${model.name}': no usable name`);
        continue;
      }
      if (!(await this.ensureModel(model, name))) continue;
      if (cursor.models[model.name] !== model.lastUpdatedTimestamp) {
        await this.importVersions(model, name);
      }
      cursor.aliases[name] = await this.syncAliases(
        model,
        name,
        cursor.aliases[name] ?? [],
      );
      cursor.models[model.name] = model.lastUpdatedTimestamp;
      await store.setCursor(server.id, 'registry', cursor, clock());
      this.progress.itemsDone += 1;
      await this.report();
    }
  }

  /** Finds or creates the ML Home model; false if the name belongs to another project. */
  private async ensureModel(
    model: MlflowRegisteredModel,
    name: string,
  ): Promise<boolean> {
    const { target, caller, server } = this.options;
    try {
      const existing = await target.models.getModel(caller, name);
      if (existing.project !== server.project) {
        this.skip(
          `registered model '${model.name}': ML Home model '${name}' belongs to project '${existing.project}'`,
        );
        return false;
      }
      return true;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    await target.models.createModel(caller, server.project, {
      name,
      description: model.description,
    });
    return true;
  }

  private async importVersions(model: MlflowRegisteredModel, name: string) {
    const { client, store, server, target, caller } = this.options;
    const versions: MlflowModelVersion[] = [];
    let token: string | undefined;
    do {
      const page = await client.searchModelVersions(model.name, token);
      versions.push(...page.items);
      token = page.nextPageToken;
    } while (token);
    versions.sort((a, b) => a.version - b.version);
    const imported = await store.importedVersions(server.id, model.name);
    const fresh = versions.filter(v => !imported.has(v.version));
    this.progress.itemsTotal += fresh.length;
    if (!fresh.length) return;
    // Versions created by an import that stopped before recording them are adopted, not doubled.
    const known = await this.listVersions(name);
    const taken = new Set([...imported.values()].map(v => v.version));
    for (const version of fresh) {
      const runId = await this.importedRun(version.runId);
      const artifactUri = cut(version.source, 2000);
      const twin = known.find(
        k =>
          !taken.has(k.version) &&
          k.runId === runId &&
          k.artifactUri === artifactUri,
      );
      const number =
        twin?.version ??
        (
          await target.models.createModelVersion(caller, name, {
            runId,
            artifactUri: artifactUri || undefined,
            description: version.description,
          })
        ).version;
      taken.add(number);
      await store.recordVersion(server.id, model.name, version.version, {
        model: name,
        version: number,
      });
      this.progress.itemsDone += 1;
    }
  }

  private async listVersions(name: string) {
    const { target, caller } = this.options;
    const all: { version: number; runId?: string; artifactUri: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await target.models.listModelVersions(caller, name, {
        limit: 500,
        cursor,
      });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  /** The version's run, if it is in ML Home (imported, or logged there); its lineage. */
  private async importedRun(runId: string | undefined) {
    if (!runId || !/^[0-9a-f]{32}$/.test(runId)) return undefined;
    const { target, caller } = this.options;
    try {
      await target.runs.getRun(caller, runId);
      return runId;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * MLflow's aliases (and its Production and Staging stages, as the door maps them) set on the
   * ML Home model; aliases this importer set before and MLflow no longer has are removed.
   * Answers the aliases the importer now holds.
   */
  private async syncAliases(
    model: MlflowRegisteredModel,
    name: string,
    before: string[],
  ): Promise<string[]> {
    const { target, caller, store, server } = this.options;
    const imported = await store.importedVersions(server.id, model.name);
    const wanted = new Map<string, number>();
    for (const { version, stage } of model.latest) {
      const alias = STAGE_ALIASES[stage];
      const mapped = imported.get(version);
      if (alias && mapped) wanted.set(alias, mapped.version);
    }
    for (const { alias, version } of model.aliases) {
      const slug = aliasName(alias);
      const mapped = imported.get(version);
      if (!slug) {
        this.skip(
          `alias '${alias}' of model '${model.name}': not a usable alias name`,
        );
      } else if (mapped) {
        wanted.set(slug, mapped.version);
      }
    }
    const current = await target.models.getModel(caller, name);
    const has = new Map(current.aliases.map(a => [a.alias, a.version]));
    for (const [alias, version] of wanted) {
      if (has.get(alias) !== version) {
        await target.models.setModelAlias(caller, name, alias, version);
      }
    }
    for (const alias of before) {
      if (!wanted.has(alias) && has.has(alias)) {
        await target.models.deleteModelAlias(caller, name, alias);
      }
    }
    return [...wanted.keys()];
  }
}
