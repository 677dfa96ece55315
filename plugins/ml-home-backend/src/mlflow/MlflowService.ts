import { NotAllowedError } from '@backstage/errors';
import {
  IngestRun,
  NAME_PATTERN,
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
  mlHomeRunWritePermission,
} from '@ml-home/plugin-ml-home-common';
import { randomUUID } from 'crypto';
import {
  ProjectAuthorizer,
  ProjectPermission,
} from '../authorization/ProjectAuthorizer';
import type { MlHomeApis } from '../createServices';
import { Stores } from '../database/UnitOfWork';
import { Caller } from '../domain/Caller';
import { Model, ModelVersion, Project } from '../domain/types';
import { parseRunOrderBy } from '../runs/RunsService';
import {
  DatabaseMlflowStore,
  MlflowExperimentRecord,
  MlflowRunRecord,
  StringComparison,
} from './DatabaseMlflowStore';
import { MlflowError, doesNotExist, invalidParameter } from './mlflowErrors';
import { parseMlflowFilter, toRunFilter } from './mlflowFilter';
import {
  MlflowRequest,
  decodeOffsetToken,
  encodeOffsetToken,
  maxResults,
  viewType,
} from './mlflowRequest';
import {
  ARCHIVED_TAG,
  ARTIFACT_LOCATION_TAG,
  Json,
  PROJECT_TAG,
  STAGE_ALIASES,
  artifactLocation,
  experimentToJson,
  pointToJson,
  registeredModelToJson,
  runInfoToJson,
  runToJson,
  versionToJson,
} from './mlflowWire';

/*
 * MLflow's tracking and model registry operations over ML Home's store. One store, two doors: an
 * MLflow experiment is an ML Home experiment (in the project its `ml-home.project` tag names, the
 * caller's project token's project, or the configured default), a run is a run, a registered
 * model is a model and its versions are versions. Runs are written through ML Home's batch
 * ingestion (all or nothing, idempotent), models through the models service, each through the
 * same authorization as ML Home's own routes; what those lack (tags of models, lifecycles,
 * renames) is the door's store, behind the same permission checks.
 */

/** The door's configuration (`mlHome.mlflow`). */
export interface MlflowDoorConfig {
  /** The project experiments and models land in when nothing else names one. */
  defaultProject?: string;
}

/** One operation of the door: the caller and the request's fields in, MLflow's JSON out. */
export type MlflowOperation = (
  caller: Caller,
  request: MlflowRequest,
) => Promise<Json>;

const SEARCH_RUNS_MAX = 1000;
const HISTORY_MAX = 25000;

function isNotAllowed(error: unknown): boolean {
  return (error as Error)?.name === 'NotAllowedError';
}

/** The string comparisons of a filter on one attribute (`name`, or the registry's `name`). */
function stringComparisons(
  clauses: ReturnType<typeof parseMlflowFilter>,
  accept: (
    prefix: string | undefined,
    key: string,
  ) => 'name' | 'tag' | undefined,
  what: string,
): {
  name: StringComparison[];
  tags: (StringComparison & { key: string })[];
  runIds?: string[];
} {
  const name: StringComparison[] = [];
  const tags: (StringComparison & { key: string })[] = [];
  let runIds: string[] | undefined;
  for (const clause of clauses) {
    const kind = accept(clause.prefix, clause.key);
    if (
      kind === undefined &&
      clause.key === 'run_id' &&
      what === 'model versions'
    ) {
      if (clause.op === '=' && typeof clause.value === 'string') {
        runIds = [clause.value];
        continue;
      }
      if (clause.op === 'IN' && Array.isArray(clause.value)) {
        runIds = clause.value;
        continue;
      }
    }
    if (
      kind === undefined ||
      typeof clause.value !== 'string' ||
      !['=', '!=', 'LIKE', 'ILIKE'].includes(clause.op)
    ) {
      throw invalidParameter(
        `Invalid filter for ${what}: '${clause.prefix ? `${clause.prefix}.` : ''}${clause.key} ${clause.op}' is not supported; use name or tags.<key> with =, !=, LIKE or ILIKE and a quoted string`,
      );
    }
    const comparison = {
      op: clause.op as StringComparison['op'],
      value: clause.value,
    };
    if (kind === 'name') name.push(comparison);
    else tags.push({ ...comparison, key: clause.key });
  }
  return { name, tags, runIds };
}

const EXPERIMENT_ORDER = new Map([
  ['name', 'name'],
  ['experiment_id', 'id'],
  ['creation_time', 'created_at'],
  ['last_update_time', 'updated_at'],
] as const);

/**
 * The door's operations, by MLflow's endpoint path (without the `/mlflow/` prefix), and
 * `<path>#<METHOD>` where one path takes several methods.
 */
export class MlflowService {
  constructor(
    private readonly apis: MlHomeApis,
    private readonly stores: Stores,
    private readonly store: DatabaseMlflowStore,
    private readonly authorizer: ProjectAuthorizer,
    private readonly config: MlflowDoorConfig,
  ) {}

  // ---- permissions and look-ups -------------------------------------------------------------

  private check(
    caller: Caller,
    permission: ProjectPermission,
    project: { project: string; projectOwner: string },
  ) {
    return this.authorizer.check(caller, permission, {
      name: project.project,
      owner: project.projectOwner,
    });
  }

  private async experiment(
    caller: Caller,
    id: string,
    permission: ProjectPermission = mlHomeProjectReadPermission,
  ): Promise<MlflowExperimentRecord> {
    if (!/^\d{1,10}$/.test(id)) {
      throw doesNotExist(`No Experiment with id=${id} exists`);
    }
    const experiment = await this.store.getExperiment(Number(id));
    if (!experiment) throw doesNotExist(`No Experiment with id=${id} exists`);
    await this.check(caller, permission, experiment);
    return experiment;
  }

  private async run(
    caller: Caller,
    runId: string,
    permission: ProjectPermission = mlHomeProjectReadPermission,
  ): Promise<MlflowRunRecord> {
    const run = /^[0-9a-f]{32}$/.test(runId)
      ? await this.store.getRun(runId)
      : undefined;
    if (!run) {
      throw doesNotExist(`Run with id=${runId} not found`);
    }
    await this.check(caller, permission, run);
    return run;
  }

  private async activeRun(caller: Caller, runId: string) {
    const run = await this.run(caller, runId, mlHomeRunWritePermission);
    if (run.lifecycleStage !== 'active') {
      throw invalidParameter(
        `The run ${runId} must be in the 'active' state. Current state is ${run.lifecycleStage}.`,
      );
    }
    return run;
  }

  /** The project a new experiment or model lands in. */
  private async projectForNew(
    caller: Caller,
    tags: { key: string; value: string }[],
  ): Promise<Project> {
    const named = tags.find(t => t.key === PROJECT_TAG)?.value;
    let name = named ?? this.config.defaultProject;
    if (caller.projectToken) {
      if (named !== undefined && named !== caller.projectToken.project) {
        throw new NotAllowedError(
          `This project token writes into project '${caller.projectToken.project}' only, not '${named}'`,
        );
      }
      name = caller.projectToken.project;
    }
    if (!name) {
      throw invalidParameter(
        `No ML Home project to create it in: set the tag '${PROJECT_TAG}' to a project name, or configure mlHome.mlflow.defaultProject`,
      );
    }
    const project = await this.stores.projects.getProject(name);
    if (!project) {
      throw doesNotExist(
        `No ML project named '${name}'; create it in ML Home first (it needs an owner team), then log into it`,
      );
    }
    return project;
  }

  private async model(caller: Caller, name: string): Promise<Model> {
    const model = await this.stores.models.getModel(name);
    if (!model)
      throw doesNotExist(`Registered Model with name=${name} not found`);
    await this.authorizer.check(caller, mlHomeProjectReadPermission, {
      name: model.project,
      owner: (await this.projectOf(model)).owner,
    });
    return model;
  }

  private async projectOf(model: Model): Promise<Project> {
    const project = await this.stores.projects.getProject(model.project, {
      includeDeleted: true,
    });
    if (!project)
      throw doesNotExist(`Registered Model with name=${model.name} not found`);
    return project;
  }

  private async checkModel(
    caller: Caller,
    model: Model,
    permission: ProjectPermission,
  ) {
    const project = await this.projectOf(model);
    await this.authorizer.check(caller, permission, project);
  }

  private async version(
    caller: Caller,
    name: string,
    versionText: string | number,
  ): Promise<ModelVersion> {
    const model = await this.model(caller, name);
    const n = Number(versionText);
    const found = Number.isSafeInteger(n)
      ? await this.stores.models.getVersion(model, n)
      : undefined;
    if (!found) {
      throw doesNotExist(
        `Model Version (name=${name}, version=${versionText}) not found`,
      );
    }
    return found;
  }

  private async versionJson(version: ModelVersion): Promise<Json> {
    const tags =
      (await this.store.getVersionTags([version.id])).get(version.id) ?? [];
    return versionToJson(version, tags);
  }

  private async modelJson(model: Model): Promise<Json> {
    const tags = await this.store.getModelTags(model.id);
    const latest: Json[] = [];
    const seen = new Set<number>();
    const add = async (n: number | undefined) => {
      if (n === undefined || seen.has(n)) return;
      seen.add(n);
      const v = await this.stores.models.getVersion(model, n);
      if (v) latest.push(await this.versionJson(v));
    };
    await add(model.latestVersion);
    for (const alias of STAGE_ALIASES.values()) {
      await add(model.aliases.find(a => a.alias === alias)?.version);
    }
    return registeredModelToJson(model, tags, latest);
  }

  private ingest(
    caller: Caller,
    run: MlflowRunRecord,
    body: Omit<IngestRun, 'experiment' | 'runId'>,
  ) {
    return this.apis.ingestion.ingest(caller, run.project, {
      runs: [{ runId: run.id, experiment: run.experiment, ...body }],
    });
  }

  private async runJson(caller: Caller, runId: string): Promise<Json> {
    const run = await this.apis.runs.getRun(caller, runId);
    const experiment = await this.store.getExperiment(Number(run.experimentId));
    return runToJson(
      run,
      artifactLocation({ id: run.experimentId, tags: experiment?.tags }),
      await this.store.getRunInputs(runId),
    );
  }

  // ---- experiments ------------------------------------------------------------------------------

  readonly operations: Record<string, MlflowOperation> = {
    'experiments/create': async (caller, request) => {
      const name = request.requiredString('name');
      const tags = request.tags();
      const project = await this.projectForNew(caller, tags);
      const taken = (await this.store.getExperimentsByName(name)).find(
        e => e.projectId === project.id,
      );
      if (taken) {
        throw new MlflowError(
          'RESOURCE_ALREADY_EXISTS',
          `Experiment(name=${name}) already exists. Error: the experiment is in project '${project.name}'${taken.lifecycleStage === 'deleted' ? ' (deleted: restore it or use another name)' : ''}`,
        );
      }
      const created = await this.apis.runs.createExperiment(
        caller,
        project.name,
        {
          name,
        },
      );
      const location = request.string('artifact_location');
      const id = Number(created.id);
      const all = [
        ...tags.filter(t => t.key !== PROJECT_TAG),
        { key: PROJECT_TAG, value: project.name },
        ...(location ? [{ key: ARTIFACT_LOCATION_TAG, value: location }] : []),
      ];
      for (const tag of all)
        await this.store.setExperimentTag(id, tag.key, tag.value);
      return { experiment_id: String(id) };
    },

    'experiments/get': async (caller, request) => {
      const experiment = await this.experiment(
        caller,
        request.requiredString('experiment_id'),
      );
      return { experiment: experimentToJson(experiment) };
    },

    'experiments/get-by-name': async (caller, request) => {
      const name = request.requiredString('experiment_name');
      const candidates = await this.store.getExperimentsByName(name);
      // The caller's own project first: a project token's, then the default project.
      const preferred =
        caller.projectToken?.project ?? this.config.defaultProject;
      candidates.sort(
        (a, b) =>
          Number(a.lifecycleStage !== 'active') -
            Number(b.lifecycleStage !== 'active') ||
          Number(a.project !== preferred) - Number(b.project !== preferred) ||
          a.id - b.id,
      );
      for (const candidate of candidates) {
        try {
          await this.check(caller, mlHomeProjectReadPermission, candidate);
          return { experiment: experimentToJson(candidate) };
        } catch (error) {
          if (!isNotAllowed(error)) throw error;
        }
      }
      throw doesNotExist(`Could not find experiment with name '${name}'`);
    },

    'experiments/search': async (caller, request) => {
      const limit = maxResults(request, { default: 1000, max: 50000 });
      const offset = decodeOffsetToken(request.string('page_token'));
      const { name, tags } = stringComparisons(
        parseMlflowFilter(request.string('filter')),
        (prefix, key) => {
          if (
            (prefix === undefined ||
              prefix === 'attribute' ||
              prefix === 'attributes') &&
            key === 'name'
          )
            return 'name';
          if (prefix === 'tags' || prefix === 'tag') return 'tag';
          return undefined;
        },
        'experiments',
      );
      const orderBy = request.strings('order_by').map(text => {
        const match = /^\s*(?:attributes?\.)?(\w+)\s*(ASC|DESC)?\s*$/i.exec(
          text,
        );
        const column = match && EXPERIMENT_ORDER.get(match[1] as 'name');
        if (!column) {
          throw invalidParameter(
            `Invalid order_by clause '${text}': experiments are ordered by name, experiment_id, creation_time or last_update_time`,
          );
        }
        return { column, desc: match![2]?.toUpperCase() === 'DESC' };
      });
      const search = async (
        conditions: Parameters<
          typeof this.store.searchExperiments
        >[0]['conditions'],
        project?: string,
      ) =>
        this.store.searchExperiments({
          conditions,
          project,
          lifecycle: viewType(request.string('view_type'), 'view_type'),
          name,
          tags,
          orderBy: orderBy.length
            ? orderBy
            : [{ column: 'created_at', desc: true }],
          offset,
          limit: limit + 1,
        });
      let found: MlflowExperimentRecord[];
      if (caller.projectToken) {
        found = await search(undefined, caller.projectToken.project);
      } else {
        found = await this.authorizer.whenReadable(caller, [], conditions =>
          search(conditions),
        );
      }
      return {
        experiments: found.slice(0, limit).map(experimentToJson),
        ...(found.length > limit
          ? { next_page_token: encodeOffsetToken(offset + limit) }
          : {}),
      };
    },

    'experiments/list': async (caller, request) =>
      this.operations['experiments/search'](caller, request),

    'experiments/update': async (caller, request) => {
      const experiment = await this.experiment(
        caller,
        request.requiredString('experiment_id'),
        mlHomeRunWritePermission,
      );
      const newName = request.string('new_name');
      if (newName !== undefined) {
        if (!newName.trim())
          throw invalidParameter("'new_name' must not be empty");
        if (!(await this.store.renameExperiment(experiment.id, newName))) {
          throw new MlflowError(
            'RESOURCE_ALREADY_EXISTS',
            `Experiment(name=${newName}) already exists in project '${experiment.project}'`,
          );
        }
      }
      return {};
    },

    'experiments/delete': async (caller, request) => {
      const experiment = await this.experiment(
        caller,
        request.requiredString('experiment_id'),
        mlHomeRunWritePermission,
      );
      await this.store.setExperimentLifecycle(experiment.id, 'deleted');
      return {};
    },

    'experiments/restore': async (caller, request) => {
      const experiment = await this.experiment(
        caller,
        request.requiredString('experiment_id'),
        mlHomeRunWritePermission,
      );
      await this.store.setExperimentLifecycle(experiment.id, 'active');
      return {};
    },

    'experiments/set-experiment-tag': async (caller, request) => {
      const experiment = await this.experiment(
        caller,
        request.requiredString('experiment_id'),
        mlHomeRunWritePermission,
      );
      const key = request.requiredString('key');
      const value = request.string('value') ?? '';
      if (key === PROJECT_TAG && value !== experiment.project) {
        throw invalidParameter(
          `The tag '${PROJECT_TAG}' names the experiment's project ('${experiment.project}') and cannot move it`,
        );
      }
      checkLength('key', key, 250);
      checkLength('value', value, 5000);
      await this.store.setExperimentTag(experiment.id, key, value);
      return {};
    },

    'experiments/delete-experiment-tag': async (caller, request) => {
      const experiment = await this.experiment(
        caller,
        request.requiredString('experiment_id'),
        mlHomeRunWritePermission,
      );
      const key = request.requiredString('key');
      if (key === PROJECT_TAG) {
        throw invalidParameter(`The tag '${PROJECT_TAG}' cannot be deleted`);
      }
      if (!(await this.store.deleteExperimentTag(experiment.id, key))) {
        throw doesNotExist(
          `No tag with name: ${key} in experiment ${experiment.id}`,
        );
      }
      return {};
    },

    // ---- runs -----------------------------------------------------------------------------------

    'runs/create': async (caller, request) => {
      const experiment = await this.experiment(
        caller,
        request.requiredString('experiment_id'),
        mlHomeRunWritePermission,
      );
      if (experiment.lifecycleStage !== 'active') {
        throw invalidParameter(
          `The experiment ${experiment.id} must be in the 'active' state. Current state is ${experiment.lifecycleStage}.`,
        );
      }
      const tags = request.tags();
      const runId = randomUUID().replace(/-/g, '');
      const name =
        request.string('run_name') ||
        tags.find(t => t.key === 'mlflow.runName')?.value ||
        `run-${runId.slice(0, 8)}`;
      const withName = [
        ...tags.filter(t => t.key !== 'mlflow.runName'),
        { key: 'mlflow.runName', value: name },
      ];
      await this.apis.ingestion.ingest(caller, experiment.project, {
        runs: [
          {
            runId,
            experiment: experiment.name,
            name,
            status: 'RUNNING',
            user:
              request.string('user_id') ||
              tags.find(t => t.key === 'mlflow.user')?.value ||
              caller.actor,
            startTime: request.int('start_time') ?? Date.now(),
            tags: withName,
          },
        ],
      });
      return { run: await this.runJson(caller, runId) };
    },

    'runs/get': async (caller, request) => {
      const run = await this.run(caller, request.runId());
      return { run: await this.runJson(caller, run.id) };
    },

    'runs/update': async (caller, request) => {
      const run = await this.run(
        caller,
        request.runId(),
        mlHomeRunWritePermission,
      );
      const status = request.string('status');
      if (
        status !== undefined &&
        !['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'].includes(
          status,
        )
      ) {
        throw invalidParameter(
          `Invalid value '${status}' for parameter 'status': expected RUNNING, SCHEDULED, FINISHED, FAILED or KILLED`,
        );
      }
      const name = request.string('run_name');
      const endTime = request.int('end_time');
      await this.ingest(caller, run, {
        ...(status ? { status: status as IngestRun['status'] } : {}),
        ...(endTime !== undefined ? { endTime } : {}),
        ...(name
          ? { name, tags: [{ key: 'mlflow.runName', value: name }] }
          : {}),
      });
      const after = (await this.store.getRun(run.id))!;
      const experiment = await this.store.getExperiment(after.experimentId);
      return {
        run_info: runInfoToJson(
          after,
          artifactLocation({ id: after.experimentId, tags: experiment?.tags }),
        ),
      };
    },

    'runs/delete': async (caller, request) => {
      const run = await this.run(
        caller,
        request.runId(),
        mlHomeRunWritePermission,
      );
      await this.store.setRunLifecycle(run.id, 'deleted');
      return {};
    },

    'runs/restore': async (caller, request) => {
      const run = await this.run(
        caller,
        request.runId(),
        mlHomeRunWritePermission,
      );
      await this.store.setRunLifecycle(run.id, 'active');
      return {};
    },

    'runs/log-metric': async (caller, request) => {
      const run = await this.activeRun(caller, request.runId());
      await this.ingest(caller, run, {
        metrics: [
          {
            key: request.requiredString('key'),
            value: request.metricValue('value') as number,
            timestamp: request.requiredInt('timestamp'),
            step: request.int('step') ?? 0,
          },
        ],
      });
      return {};
    },

    'runs/log-parameter': async (caller, request) => {
      const run = await this.activeRun(caller, request.runId());
      await this.ingest(caller, run, {
        params: [
          {
            key: request.requiredString('key'),
            value: request.string('value') ?? '',
          },
        ],
      });
      return {};
    },

    'runs/set-tag': async (caller, request) => {
      const run = await this.activeRun(caller, request.runId());
      const key = request.requiredString('key');
      const value = request.string('value') ?? '';
      await this.ingest(caller, run, {
        tags: [{ key, value }],
        ...(key === 'mlflow.runName' && value ? { name: value } : {}),
      });
      return {};
    },

    'runs/delete-tag': async (caller, request) => {
      const run = await this.activeRun(caller, request.runId());
      const key = request.requiredString('key');
      if (!(await this.store.deleteRunTag(run.id, key))) {
        throw doesNotExist(`No tag with name: ${key} in run with id ${run.id}`);
      }
      return {};
    },

    'runs/log-batch': async (caller, request) => {
      const run = await this.activeRun(caller, request.runId());
      const metrics = request.objects('metrics');
      const params = request.objects('params');
      const tags = request.tags();
      const name = tags.find(t => t.key === 'mlflow.runName')?.value;
      await this.ingest(caller, run, {
        metrics: metrics.map(m => ({
          key: m.requiredString('key'),
          value: m.metricValue('value') as number,
          timestamp: m.requiredInt('timestamp'),
          step: m.int('step') ?? 0,
        })),
        params: params.map(p => ({
          key: p.requiredString('key'),
          value: p.string('value') ?? '',
        })),
        tags,
        ...(name ? { name } : {}),
      });
      return {};
    },

    'runs/log-inputs': async (caller, request) => {
      const run = await this.activeRun(caller, request.runId());
      const names: string[] = [];
      for (const [i, input] of request.objects('datasets').entries()) {
        const dataset = input.object('dataset');
        if (!dataset)
          throw invalidParameter(
            `Missing value for required parameter 'datasets[${i}].dataset'.`,
          );
        const rawName = dataset.requiredString('name');
        const name = slugOf(rawName);
        if (!name) {
          throw invalidParameter(
            `datasets[${i}].dataset.name '${rawName}' has no letter or digit to name an ML Home dataset`,
          );
        }
        const context =
          input.tags().find(t => t.key === 'mlflow.data.context')?.value ?? '';
        const existing = await this.stores.datasets.getDataset(
          (await this.stores.projects.getProject(run.project))!,
          name,
        );
        if (!existing) {
          await this.apis.datasets.createDataset(caller, run.project, {
            name,
            kind: /eval|test|valid/i.test(context)
              ? 'evaluation-set'
              : 'training-set',
            uri: uriOfSource(dataset.string('source')),
            description:
              rawName === name ? '' : `Logged from MLflow as '${rawName}'`,
          });
        }
        names.push(name);
      }
      if (names.length)
        await this.apis.datasets.addRunInputs(caller, run.id, names);
      return {};
    },

    'runs/search': async (caller, request) => {
      const ids = request.strings('experiment_ids');
      if (!ids.length) {
        throw invalidParameter(
          "Missing value for required parameter 'experiment_ids'.",
        );
      }
      const experiments = await Promise.all(
        ids.map(id => this.experiment(caller, id)),
      );
      const projects = new Set(experiments.map(e => e.project));
      if (projects.size > 1) {
        throw invalidParameter(
          `experiment_ids: the experiments are in several ML Home projects (${[...projects].join(', ')}); search one project's experiments at a time`,
        );
      }
      const project = (await this.stores.projects.getProject(
        experiments[0].project,
      ))!;
      const view = viewType(request.string('run_view_type'), 'run_view_type');
      const filter = toRunFilter(request.string('filter'));
      const orders = request.strings('order_by');
      const limit = maxResults(request, {
        default: 1000,
        max: SEARCH_RUNS_MAX,
      });
      const page = await this.stores.runs.listRuns(project, {
        experimentIds: experiments.map(e => e.id),
        clauses: filter.clauses,
        runIds: filter.runIds,
        excludedRunIds: filter.excludedRunIds,
        orderBy: parseOrder(orders),
        limit,
        cursor: request.string('page_token') || undefined,
        includeDeleted: view === 'all',
        onlyDeleted: view === 'deleted',
        // MLflow's answer has no total; counting every match would cost more than the page.
        countTotal: false,
      });
      const locations = new Map(
        experiments.map(e => [String(e.id), artifactLocation(e)]),
      );
      return {
        runs: page.items.map(r =>
          runToJson(
            r,
            locations.get(r.experimentId) ??
              artifactLocation({ id: r.experimentId }),
          ),
        ),
        ...(page.nextCursor ? { next_page_token: page.nextCursor } : {}),
      };
    },

    'metrics/get-history': async (caller, request) => {
      const run = await this.run(caller, request.runId());
      const key = request.requiredString('metric_key');
      const limit = maxResults(request, {
        default: HISTORY_MAX,
        max: HISTORY_MAX,
      });
      const offset = decodeOffsetToken(request.string('page_token'));
      const points = await this.store.getMetricHistory(
        run.id,
        key,
        offset,
        limit + 1,
      );
      return {
        metrics: points.slice(0, limit).map(pointToJson),
        ...(points.length > limit
          ? { next_page_token: encodeOffsetToken(offset + limit) }
          : {}),
      };
    },

    'metrics/get-history-bulk-interval': async (caller, request) => {
      const runIds = request.strings('run_ids');
      if (!runIds.length)
        throw invalidParameter(
          "Missing value for required parameter 'run_ids'.",
        );
      if (runIds.length > 100)
        throw invalidParameter('run_ids: at most 100 runs per call');
      for (const runId of runIds) await this.run(caller, runId);
      const key = request.requiredString('metric_key');
      const limit = maxResults(request, { default: 2500, max: 2500 });
      const points = await this.store.getMetricPointsBetween(
        runIds,
        key,
        request.int('start_step'),
        request.int('end_step'),
      );
      const metrics: Json[] = [];
      for (const runId of runIds) {
        const own = points.filter(p => p.runId === runId);
        // Evenly spaced points, the first and the last kept, as MLflow samples steps.
        const stride = own.length > limit ? (own.length - 1) / (limit - 1) : 1;
        const picked =
          own.length > limit
            ? Array.from(
                { length: limit },
                (_, i) => own[Math.round(i * stride)],
              )
            : own;
        for (const p of picked)
          metrics.push({ ...pointToJson(p), run_id: runId });
      }
      return { metrics };
    },

    // ---- registered models ----------------------------------------------------------------------

    'registered-models/create': async (caller, request) => {
      const name = request.requiredString('name');
      checkModelName(name, 'name');
      const tags = request.tags();
      const project = await this.projectForNew(caller, tags);
      if (await this.stores.models.getModel(name)) {
        throw new MlflowError(
          'RESOURCE_ALREADY_EXISTS',
          `Registered Model (name=${name}) already exists.`,
        );
      }
      const model = await this.apis.models.createModel(caller, project.name, {
        name,
        description: request.string('description') ?? '',
      });
      for (const tag of tags)
        await this.store.setModelTag(model.id, tag.key, tag.value);
      return { registered_model: await this.modelJson(model) };
    },

    'registered-models/get': async (caller, request) => {
      const model = await this.model(caller, request.requiredString('name'));
      return { registered_model: await this.modelJson(model) };
    },

    'registered-models/update': async (caller, request) => {
      const model = await this.model(caller, request.requiredString('name'));
      await this.checkModel(caller, model, mlHomeProjectUpdatePermission);
      const description = request.string('description');
      if (description !== undefined) {
        checkLength('description', description, 65536);
        await this.store.updateModelDescription(
          model.id,
          description,
          caller.actor,
        );
      }
      const after = (await this.stores.models.getModel(model.name))!;
      return { registered_model: await this.modelJson(after) };
    },

    'registered-models/rename': async (caller, request) => {
      const model = await this.model(caller, request.requiredString('name'));
      await this.checkModel(caller, model, mlHomeProjectUpdatePermission);
      const newName = request.requiredString('new_name');
      checkModelName(newName, 'new_name');
      if (!(await this.store.renameModel(model.id, newName, caller.actor))) {
        throw new MlflowError(
          'RESOURCE_ALREADY_EXISTS',
          `Registered Model (name=${newName}) already exists.`,
        );
      }
      const after = (await this.stores.models.getModel(newName))!;
      return { registered_model: await this.modelJson(after) };
    },

    'registered-models/delete': async (caller, request) => {
      const model = await this.model(caller, request.requiredString('name'));
      await this.checkModel(caller, model, mlHomeProjectUpdatePermission);
      await this.store.deleteModel(model.id);
      return {};
    },

    'registered-models/search': async (caller, request) => {
      const limit = maxResults(request, { default: 100, max: 1000 });
      const offset = decodeOffsetToken(request.string('page_token'));
      const { name, tags } = stringComparisons(
        parseMlflowFilter(request.string('filter')),
        (prefix, key) => {
          if (
            (prefix === undefined ||
              prefix === 'attributes' ||
              prefix === 'attribute') &&
            key === 'name'
          )
            return 'name';
          if (prefix === 'tags' || prefix === 'tag') return 'tag';
          return undefined;
        },
        'registered models',
      );
      const search = (
        conditions: Parameters<typeof this.store.searchModels>[0]['conditions'],
        project?: string,
      ) =>
        this.store.searchModels({
          conditions,
          project,
          name,
          tags,
          offset,
          limit: limit + 1,
        });
      const names = caller.projectToken
        ? await search(undefined, caller.projectToken.project)
        : await this.authorizer.whenReadable(caller, [] as string[], c =>
            search(c),
          );
      const models: Json[] = [];
      for (const modelName of names.slice(0, limit)) {
        const model = await this.stores.models.getModel(modelName);
        if (model) models.push(await this.modelJson(model));
      }
      return {
        registered_models: models,
        ...(names.length > limit
          ? { next_page_token: encodeOffsetToken(offset + limit) }
          : {}),
      };
    },

    'registered-models/get-latest-versions': async (caller, request) => {
      const model = await this.model(caller, request.requiredString('name'));
      const stages = request.strings('stages');
      const wanted = stages.length
        ? stages.map(s => s[0].toUpperCase() + s.slice(1).toLowerCase())
        : undefined;
      const page = await this.stores.models.listVersions(model, {
        limit: 1000,
      });
      const tags = await this.store.getVersionTags(page.items.map(v => v.id));
      const latest = new Map<string, Json>();
      // Versions newest first: the first seen of each stage is its latest.
      const versions = [...page.items].sort((a, b) => b.version - a.version);
      for (const v of versions) {
        const json = versionToJson(v, tags.get(v.id) ?? []);
        const stage = json.current_stage as string;
        if (wanted && !wanted.includes(stage)) continue;
        if (!latest.has(stage)) latest.set(stage, json);
      }
      return { model_versions: [...latest.values()] };
    },

    'registered-models/set-tag': async (caller, request) => {
      const model = await this.model(caller, request.requiredString('name'));
      await this.checkModel(caller, model, mlHomeProjectUpdatePermission);
      const key = request.requiredString('key');
      const value = request.string('value') ?? '';
      checkLength('key', key, 250);
      checkLength('value', value, 5000);
      await this.store.setModelTag(model.id, key, value);
      return {};
    },

    'registered-models/delete-tag': async (caller, request) => {
      const model = await this.model(caller, request.requiredString('name'));
      await this.checkModel(caller, model, mlHomeProjectUpdatePermission);
      const key = request.requiredString('key');
      if (!(await this.store.deleteModelTag(model.id, key))) {
        throw doesNotExist(
          `No tag with name: ${key} on registered model ${model.name}`,
        );
      }
      return {};
    },

    // One path, three methods (model_registry.proto): get, set and delete an alias.
    'registered-models/alias#GET': async (caller, request) => {
      const model = await this.model(caller, request.requiredString('name'));
      const alias = request.requiredString('alias');
      const found = model.aliases.find(a => a.alias === alias);
      if (!found) {
        throw doesNotExist(`Registered model alias ${alias} not found.`);
      }
      const version = (await this.stores.models.getVersion(
        model,
        found.version,
      ))!;
      return { model_version: await this.versionJson(version) };
    },

    'registered-models/alias#DELETE': async (caller, request) => {
      const name = request.requiredString('name');
      const alias = request.requiredString('alias');
      await this.model(caller, name);
      await this.apis.models.deleteModelAlias(caller, name, alias);
      return {};
    },

    'registered-models/alias': async (caller, request) => {
      const name = request.requiredString('name');
      const alias = request.requiredString('alias');
      const version = await this.version(
        caller,
        name,
        request.requiredString('version'),
      );
      await this.apis.models.setModelAlias(
        caller,
        name,
        alias,
        version.version,
      );
      return {};
    },

    // ---- model versions -------------------------------------------------------------------------

    'model-versions/create': async (caller, request) => {
      const name = request.requiredString('name');
      await this.model(caller, name);
      const runId = request.string('run_id') || undefined;
      const created = await this.apis.models.createModelVersion(caller, name, {
        ...(runId ? { runId } : {}),
        artifactUri: request.string('source') ?? '',
        description: request.string('description') ?? '',
      });
      for (const tag of request.tags()) {
        await this.store.setVersionTag(created.id, tag.key, tag.value);
      }
      return { model_version: await this.versionJson(created) };
    },

    'model-versions/get': async (caller, request) => {
      const version = await this.version(
        caller,
        request.requiredString('name'),
        request.requiredString('version'),
      );
      return { model_version: await this.versionJson(version) };
    },

    'model-versions/update': async (caller, request) => {
      const name = request.requiredString('name');
      const version = await this.version(
        caller,
        name,
        request.requiredString('version'),
      );
      const model = (await this.stores.models.getModel(name))!;
      await this.checkModel(caller, model, mlHomeProjectUpdatePermission);
      const description = request.string('description');
      if (description !== undefined) {
        checkLength('description', description, 65536);
        await this.store.updateVersionDescription(version.id, description);
      }
      const after = (await this.stores.models.getVersion(
        model,
        version.version,
      ))!;
      return {
        model_version: await this.versionJson({
          ...after,
          description: description ?? after.description,
        }),
      };
    },

    'model-versions/delete': async (caller, request) => {
      const name = request.requiredString('name');
      const version = await this.version(
        caller,
        name,
        request.requiredString('version'),
      );
      const model = (await this.stores.models.getModel(name))!;
      await this.checkModel(caller, model, mlHomeProjectUpdatePermission);
      await this.store.deleteVersion(version.id);
      return {};
    },

    'model-versions/search': async (caller, request) => {
      const limit = maxResults(request, { default: 10000, max: 10000 });
      const offset = decodeOffsetToken(request.string('page_token'));
      const { name, tags, runIds } = stringComparisons(
        parseMlflowFilter(request.string('filter')),
        (prefix, key) => {
          if (
            (prefix === undefined ||
              prefix === 'attributes' ||
              prefix === 'attribute') &&
            key === 'name'
          )
            return 'name';
          if (prefix === 'tags' || prefix === 'tag') return 'tag';
          return undefined;
        },
        'model versions',
      );
      const search = (
        conditions: Parameters<
          typeof this.store.searchVersions
        >[0]['conditions'],
        project?: string,
      ) =>
        this.store.searchVersions({
          conditions,
          project,
          name,
          tags,
          runIds,
          offset,
          limit: limit + 1,
        });
      const found = caller.projectToken
        ? await search(undefined, caller.projectToken.project)
        : await this.authorizer.whenReadable(
            caller,
            [] as { model: string; version: number }[],
            c => search(c),
          );
      const versions: Json[] = [];
      for (const { model: modelName, version } of found.slice(0, limit)) {
        const model = await this.stores.models.getModel(modelName);
        const v =
          model && (await this.stores.models.getVersion(model, version));
        if (v) versions.push(await this.versionJson(v));
      }
      return {
        model_versions: versions,
        ...(found.length > limit
          ? { next_page_token: encodeOffsetToken(offset + limit) }
          : {}),
      };
    },

    'model-versions/set-tag': async (caller, request) => {
      const name = request.requiredString('name');
      const version = await this.version(
        caller,
        name,
        request.requiredString('version'),
      );
      await this.checkModel(
        caller,
        (await this.stores.models.getModel(name))!,
        mlHomeRunWritePermission,
      );
      const key = request.requiredString('key');
      const value = request.string('value') ?? '';
      checkLength('key', key, 250);
      checkLength('value', value, 5000);
      await this.store.setVersionTag(version.id, key, value);
      return {};
    },

    'model-versions/delete-tag': async (caller, request) => {
      const name = request.requiredString('name');
      const version = await this.version(
        caller,
        name,
        request.requiredString('version'),
      );
      await this.checkModel(
        caller,
        (await this.stores.models.getModel(name))!,
        mlHomeRunWritePermission,
      );
      const key = request.requiredString('key');
      if (!(await this.store.deleteVersionTag(version.id, key))) {
        throw doesNotExist(
          `No tag with name: ${key} on model version ${name}/${version.version}`,
        );
      }
      return {};
    },

    'model-versions/transition-stage': async (caller, request) => {
      const name = request.requiredString('name');
      const version = await this.version(
        caller,
        name,
        request.requiredString('version'),
      );
      const stageText = request.requiredString('stage');
      const stage =
        stageText[0].toUpperCase() + stageText.slice(1).toLowerCase();
      const archiveOthers = request.bool('archive_existing_versions') ?? false;
      const model = (await this.stores.models.getModel(name))!;
      await this.checkModel(caller, model, mlHomeProjectUpdatePermission);
      if (!['None', 'Staging', 'Production', 'Archived'].includes(stage)) {
        throw invalidParameter(
          `Invalid Model Version stage: ${stageText}. Value must be one of None, Staging, Production, Archived.`,
        );
      }
      // Leave the stage it is in.
      for (const [, alias] of STAGE_ALIASES) {
        if (
          version.aliases.includes(alias) &&
          alias !== STAGE_ALIASES.get(stage)
        ) {
          await this.apis.models.deleteModelAlias(caller, name, alias);
        }
      }
      const target = STAGE_ALIASES.get(stage);
      if (target) {
        const previous = model.aliases.find(a => a.alias === target)?.version;
        await this.apis.models.setModelAlias(
          caller,
          name,
          target,
          version.version,
        );
        await this.store.deleteVersionTag(version.id, ARCHIVED_TAG);
        if (
          archiveOthers &&
          previous !== undefined &&
          previous !== version.version
        ) {
          const old = await this.stores.models.getVersion(model, previous);
          if (old)
            await this.store.setVersionTag(old.id, ARCHIVED_TAG, 'Archived');
        }
      } else if (stage === 'Archived') {
        await this.store.setVersionTag(version.id, ARCHIVED_TAG, 'Archived');
      } else {
        await this.store.deleteVersionTag(version.id, ARCHIVED_TAG);
      }
      const after = (await this.stores.models.getVersion(
        model,
        version.version,
      ))!;
      return { model_version: await this.versionJson(after) };
    },
  };
}

function checkLength(field: string, value: string, max: number) {
  if ([...value].length > max) {
    throw invalidParameter(
      `'${field}' exceeds the maximum length of ${max} characters`,
    );
  }
}

function checkModelName(name: string, field: string) {
  if (!NAME_PATTERN.test(name)) {
    throw invalidParameter(
      `${field} '${name.slice(0, 80)}': ML Home model names become catalog entities, so they are 1 to 63 lowercase letters, digits and dashes (e.g. '${slugOf(name) || 'my-model'}')`,
    );
  }
}

/** A dataset or model name as an ML Home slug. */
function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/** MLflow's dataset `source` is JSON such as `{"uri": "s3://…"}`; ML Home keeps the URI. */
function uriOfSource(source: string | undefined): string {
  if (!source) return '';
  try {
    const parsed = JSON.parse(source);
    const uri = parsed?.uri ?? parsed?.url ?? parsed?.path;
    if (typeof uri === 'string') return uri;
  } catch {
    // a plain string
  }
  return source;
}

function parseOrder(orders: string[]) {
  if (orders.length > 1) {
    throw invalidParameter(
      `order_by: ML Home orders runs by one key (ties by run id); got ${orders.length}`,
    );
  }
  try {
    const order = parseRunOrderBy(orders[0]);
    // MLflow's run attributes: user_id and run_name are user and name to ML Home.
    if (order.kind === 'attribute' && order.key === 'user_id')
      order.key = 'user';
    return order;
  } catch (error) {
    throw invalidParameter((error as Error).message);
  }
}
