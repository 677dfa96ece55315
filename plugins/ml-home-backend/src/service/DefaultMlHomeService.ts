import { InputError, NotFoundError } from '@backstage/errors';
import {
  DEFAULT_MAX_COMPARED_ITEMS,
  compareItems,
  RunFilterClause,
  parseMetricValue,
  parseRunFilter,
} from '@ml-home/plugin-ml-home-common';
import { OwnerDirectory } from '../catalog/OwnerDirectory';
import { Stores, UnitOfWork } from '../database/UnitOfWork';
import { findDatasetByReference } from '../datasets/datasetReference';
import { ProjectConditions } from '../domain/ProjectConditions';
import {
  DatasetKind,
  DatasetSearchQuery,
  Model,
  DeploymentSearchQuery,
  ModelSearchQuery,
  ProjectListQuery,
  ProjectPatch,
} from '../domain/types';
import { planAttachments } from '../ingestion/attachments';
import { validateBatch } from '../ingestion/ingestRequest';
import { ingestBatch } from '../ingestion/writeBatch';
import {
  Caller,
  CompareOutcome,
  CompareRequest,
  DatasetCreateRequest,
  DeploymentCreateRequest,
  IngestRequest,
  MlHomeService,
  ModelCreateRequest,
  ModelVersionCreateRequest,
  ProjectCreateRequest,
  ProjectUpdateRequest,
  RunsListRequest,
} from './MlHomeService';
import {
  checkAlias,
  checkDescription,
  checkKey,
  checkSlug,
  checkTitle,
  checkUrl,
  normalizeEntityRef,
} from '../domain/validation';

const ATTRIBUTE_ORDER_KEYS = new Set([
  'startTime',
  'endTime',
  'name',
  'status',
]);
// A Map: the key is user input, and `constructor` must not find Object.prototype's.
const ATTRIBUTE_ALIASES = new Map([
  ['start_time', 'startTime'],
  ['end_time', 'endTime'],
  ['run_name', 'name'],
]);

/** Parses `metrics.auc DESC`, `params.lr`, `attributes.start_time ASC` into an order. */
export function parseRunOrderBy(orderBy: string | undefined): {
  kind: 'attribute' | 'metric' | 'param';
  key: string;
  direction: 'asc' | 'desc';
} {
  if (!orderBy?.trim()) {
    return { kind: 'attribute', key: 'startTime', direction: 'desc' };
  }
  const match =
    /^\s*(?:(metrics|params|attributes|attribute)\.)?(`[^`]+`|"[^"]+"|[^\s]+)\s*(asc|desc)?\s*$/i.exec(
      orderBy,
    );
  if (!match) {
    throw new InputError(
      `orderBy '${orderBy}' is not of the form 'metrics.<key> DESC', 'params.<key>' or 'attributes.startTime ASC'`,
    );
  }
  const prefix = (match[1] ?? 'attributes').toLowerCase();
  let key = match[2];
  if (
    (key.startsWith('`') && key.endsWith('`')) ||
    (key.startsWith('"') && key.endsWith('"'))
  ) {
    key = key.slice(1, -1);
  }
  const direction =
    (match[3]?.toLowerCase() as 'asc' | 'desc' | undefined) ?? 'desc';
  if (prefix === 'metrics') return { kind: 'metric', key, direction };
  if (prefix === 'params') return { kind: 'param', key, direction };
  const attribute = ATTRIBUTE_ALIASES.get(key) ?? key;
  if (!ATTRIBUTE_ORDER_KEYS.has(attribute)) {
    throw new InputError(
      `orderBy: runs can be ordered by the attributes startTime, endTime, name or status, not '${key}'`,
    );
  }
  return { kind: 'attribute', key: attribute, direction };
}

/** ML Home's rules and validation, over the store. Knows nothing of permissions. */
export class DefaultMlHomeService implements MlHomeService {
  constructor(
    private readonly stores: Stores,
    private readonly unitOfWork: UnitOfWork,
    private readonly owners?: OwnerDirectory,
  ) {}

  private get models() {
    return this.stores.models;
  }

  private get datasets() {
    return this.stores.datasets;
  }

  private get deployments() {
    return this.stores.deployments;
  }

  /** Normalises an owner ref and, when a directory is set, requires it to be a catalog group. */
  private async checkedOwner(field: string, ref: string): Promise<string> {
    const owner = normalizeEntityRef(field, ref, 'group');
    if (this.owners && (await this.owners.missingGroups([owner])).length) {
      throw new InputError(
        `${field}: '${owner}' is not a group in the software catalog`,
      );
    }
    return owner;
  }

  /**
   * When a directory is set, requires every ref to name an entity in the catalog (of `kind`, when
   * given); the 400 names the first field whose ref is missing.
   */
  private async checkInCatalog(
    refs: { field: string; ref: string }[],
    kind?: string,
  ): Promise<void> {
    if (!this.owners || !refs.length) return;
    const missing = new Set(
      await this.owners.missingEntities(
        refs.map(r => r.ref),
        kind,
      ),
    );
    const first = refs.find(r => missing.has(r.ref));
    if (first) {
      throw new InputError(
        `${first.field}: ${first.ref} is not ${kind ? `a ${kind}` : 'an entity'} in the software catalog`,
      );
    }
  }

  /** Normalises a body's related entities and requires them to exist in the catalog. */
  private async checkedRelatedEntities(refs: string[]): Promise<string[]> {
    const normalized = refs.map((r, i) => ({
      field: `relatedEntities[${i}]`,
      ref: normalizeEntityRef(`relatedEntities[${i}]`, r),
    }));
    await this.checkInCatalog(normalized);
    return normalized.map(r => r.ref);
  }

  async resolveProject(name: string, options?: { includeDeleted?: boolean }) {
    const project = await this.stores.projects.getProject(name, options);
    if (!project) {
      throw new NotFoundError(`No ML project named '${name}'`);
    }
    return project;
  }

  async resolveRunProject(runId: string) {
    const run = await this.stores.runs.getRun(runId);
    if (!run) {
      throw new NotFoundError(`No run with id '${runId}'`);
    }
    return this.resolveProject(run.project, { includeDeleted: true });
  }

  async listProjects(
    _caller: Caller,
    query: ProjectListQuery,
    conditions?: ProjectConditions,
  ) {
    return this.stores.projects.listProjects(
      {
        ...query,
        owners: query.owners?.map((o, i) =>
          normalizeEntityRef(`owner[${i}]`, o),
        ),
      },
      conditions,
    );
  }

  async getProject(_caller: Caller, name: string) {
    return this.resolveProject(name);
  }

  async createProject(caller: Caller, request: ProjectCreateRequest) {
    checkSlug('name', request.name);
    const title = request.title ?? request.name;
    checkTitle('title', title);
    const description = request.description ?? '';
    checkDescription('description', description);
    const links = request.links ?? [];
    links.forEach((l, i) => checkUrl(`links[${i}].url`, l.url));
    const tags = [...new Set(request.tags ?? [])];
    tags.forEach((t, i) => checkSlug(`tags[${i}]`, t));
    return this.stores.projects.createProject(
      {
        name: request.name,
        title,
        description,
        owner: await this.checkedOwner('owner', request.owner),
        lifecycle: request.lifecycle ?? 'experimental',
        tags,
        links,
        relatedEntities: await this.checkedRelatedEntities(
          request.relatedEntities ?? [],
        ),
      },
      caller.actor,
    );
  }

  async updateProject(
    caller: Caller,
    name: string,
    request: ProjectUpdateRequest,
  ) {
    const project = await this.resolveProject(name);
    const patch: ProjectPatch = {};
    if (request.title !== undefined) {
      checkTitle('title', request.title);
      patch.title = request.title;
    }
    if (request.description !== undefined) {
      checkDescription('description', request.description);
      patch.description = request.description;
    }
    if (request.owner !== undefined)
      patch.owner = await this.checkedOwner('owner', request.owner);
    if (request.lifecycle !== undefined) patch.lifecycle = request.lifecycle;
    if (request.tags !== undefined) {
      request.tags.forEach((t, i) => checkSlug(`tags[${i}]`, t));
      patch.tags = [...new Set(request.tags)];
    }
    if (request.links !== undefined) {
      request.links.forEach((l, i) => checkUrl(`links[${i}].url`, l.url));
      patch.links = request.links;
    }
    if (request.relatedEntities !== undefined) {
      patch.relatedEntities = await this.checkedRelatedEntities(
        request.relatedEntities,
      );
    }
    return this.stores.projects.updateProject(project, patch, caller.actor);
  }

  async deleteProject(caller: Caller, name: string) {
    const project = await this.resolveProject(name);
    await this.stores.projects.setProjectDeleted(project, true, caller.actor);
  }

  async restoreProject(caller: Caller, name: string) {
    const project = await this.resolveProject(name, { includeDeleted: true });
    if (!project.deletedAt) {
      return project;
    }
    return this.stores.projects.setProjectDeleted(project, false, caller.actor);
  }

  async listEvents(
    _caller: Caller,
    name: string,
    page: { limit: number; cursor?: string },
  ) {
    return this.stores.projects.listEvents(await this.resolveProject(name), page);
  }

  async listExperiments(
    _caller: Caller,
    name: string,
    page: { limit: number; cursor?: string },
  ) {
    return this.stores.runs.listExperiments(await this.resolveProject(name), page);
  }

  async createExperiment(
    caller: Caller,
    name: string,
    input: { name: string; description?: string },
  ) {
    const project = await this.resolveProject(name);
    checkKey('name', input.name);
    const description = input.description ?? '';
    checkDescription('description', description);
    return this.stores.runs.createExperiment(
      project,
      { name: input.name, description },
      caller.actor,
    );
  }

  async listRuns(_caller: Caller, name: string, request: RunsListRequest) {
    const project = await this.resolveProject(name);
    let clauses: RunFilterClause[] = [];
    try {
      clauses = parseRunFilter(request.filter ?? '');
    } catch (error) {
      throw new InputError(`filter: ${(error as Error).message}`);
    }
    let experimentIds: number[] | undefined;
    if (request.experiments?.length) {
      const ids = await this.stores.runs.getExperimentIds(
        project,
        request.experiments,
      );
      experimentIds = [...ids.values()];
      if (experimentIds.length === 0) {
        return { items: [], totalCount: 0 };
      }
    }
    return this.stores.runs.listRuns(project, {
      experimentIds,
      clauses,
      orderBy: parseRunOrderBy(request.orderBy),
      limit: request.limit,
      cursor: request.cursor,
      includeDeleted: request.deleted,
    });
  }

  async getRun(_caller: Caller, runId: string) {
    const run = await this.stores.runs.getRun(runId);
    if (!run) {
      throw new NotFoundError(`No run with id '${runId}'`);
    }
    return run;
  }

  async getMetricHistory(
    _caller: Caller,
    runId: string,
    key: string,
    maxPoints: number,
  ) {
    const run = await this.stores.runs.getRun(runId);
    if (!run) {
      throw new NotFoundError(`No run with id '${runId}'`);
    }
    if (!run.metrics.some(m => m.key === key)) {
      throw new NotFoundError(`Run '${runId}' has no metric '${key}'`);
    }
    return {
      runId,
      key,
      ...(await this.stores.runs.getMetricHistory(runId, key, maxPoints)),
    };
  }

  async resolveRunProjects(runIds: string[]) {
    const projects = await this.stores.runs.getRunProjects(runIds);
    runIds.forEach((id, i) => {
      if (!projects.has(id)) {
        throw new InputError(`runIds[${i}]: no run with id '${id}'`);
      }
    });
    return projects;
  }

  async getMetricHistories(
    _caller: Caller,
    runIds: string[],
    key: string,
    maxPoints: number,
  ) {
    checkKey('key', key);
    if (new Set(runIds).size !== runIds.length) {
      throw new InputError('runIds names a run more than once');
    }
    await this.resolveRunProjects(runIds);
    return Promise.all(
      runIds.map(async runId => ({
        runId,
        key,
        ...(await this.stores.runs.getMetricHistory(runId, key, maxPoints)),
      })),
    );
  }

  async ingest(caller: Caller, name: string, request: IngestRequest) {
    const project = await this.resolveProject(name);
    const batch = validateBatch(request);
    const plan = await planAttachments(this.stores, project, request);
    if (!batch.runs.length && !plan) {
      throw new InputError(
        'runs: a batch carries at least one run, model version, evaluation or deployment',
      );
    }
    await this.checkInCatalog(
      (plan?.deployments ?? []).map(d => ({
        field: `${d.field}.service`,
        ref: d.service,
      })),
      'component',
    );
    return ingestBatch(this.unitOfWork, project, batch, caller.actor, plan);
  }

  async resolveModel(name: string) {
    const model = await this.models.getModel(name);
    if (!model) {
      throw new NotFoundError(`No model named '${name}'`);
    }
    const project = await this.resolveProject(model.project, {
      includeDeleted: true,
    });
    return { model, project };
  }

  async listModels(
    _caller: Caller,
    project: string,
    page: { limit: number; cursor?: string },
  ) {
    return this.models.listModels(await this.resolveProject(project), page);
  }

  async searchModels(
    _caller: Caller,
    query: ModelSearchQuery,
    conditions?: ProjectConditions,
  ) {
    return this.models.searchModels(
      {
        ...query,
        owner: query.owner && normalizeEntityRef('owner', query.owner),
      },
      conditions,
    );
  }

  async getModel(_caller: Caller, name: string) {
    return (await this.resolveModel(name)).model;
  }

  async createModel(
    caller: Caller,
    project: string,
    request: ModelCreateRequest,
  ) {
    const target = await this.resolveProject(project);
    checkSlug('name', request.name);
    const description = request.description ?? '';
    checkDescription('description', description);
    return this.models.createModel(
      target,
      {
        name: request.name,
        description,
        owner:
          request.owner === undefined
            ? undefined
            : await this.checkedOwner('owner', request.owner),
      },
      caller.actor,
    );
  }

  async listOrphanedModels(_caller: Caller, conditions?: ProjectConditions) {
    if (!this.owners) return { items: [], totalCount: 0 };
    const missing = await this.owners.missingGroups(
      await this.models.listModelOwners(conditions),
    );
    const items: Model[] = [];
    for (const owner of missing) {
      let cursor: string | undefined;
      do {
        const page = await this.models.searchModels(
          { owner, limit: 500, cursor },
          conditions,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
    }
    items.sort((a, b) => (a.name < b.name ? -1 : 1));
    return { items, totalCount: items.length };
  }

  async listModelVersions(
    _caller: Caller,
    model: string,
    page: { limit: number; cursor?: string },
  ) {
    return this.models.listVersions(
      (await this.resolveModel(model)).model,
      page,
    );
  }

  async getModelVersion(_caller: Caller, model: string, version: number) {
    const { model: found } = await this.resolveModel(model);
    const v = await this.models.getVersion(found, version);
    if (!v) {
      throw new NotFoundError(`Model '${model}' has no version ${version}`);
    }
    return v;
  }

  async createModelVersion(
    caller: Caller,
    model: string,
    request: ModelVersionCreateRequest,
  ) {
    const { model: found } = await this.resolveModel(model);
    if (
      request.runId !== undefined &&
      !(await this.stores.runs.getRun(request.runId))
    ) {
      throw new InputError(`runId: no run with id '${request.runId}'`);
    }
    const description = request.description ?? '';
    checkDescription('description', description);
    const modelCard = request.modelCard ?? {};
    for (const [section, text] of Object.entries(modelCard)) {
      checkDescription(`modelCard.${section}`, text ?? '');
    }
    return this.models.createVersion(
      found,
      {
        runId: request.runId,
        artifactUri: request.artifactUri ?? '',
        framework: request.framework ?? '',
        description,
        modelCard,
      },
      caller.actor,
    );
  }

  async setModelAlias(
    caller: Caller,
    model: string,
    alias: string,
    version: number,
  ) {
    checkAlias(alias);
    return this.models.setAlias(
      (await this.resolveModel(model)).model,
      alias,
      version,
      caller.actor,
    );
  }

  async deleteModelAlias(caller: Caller, model: string, alias: string) {
    return this.models.deleteAlias(
      (await this.resolveModel(model)).model,
      alias,
      caller.actor,
    );
  }

  async listModelAliasHistory(
    _caller: Caller,
    model: string,
    page: { limit: number; cursor?: string },
  ) {
    return this.models.listAliasHistory(
      (await this.resolveModel(model)).model,
      page,
    );
  }

  async compare(
    _caller: Caller,
    request: CompareRequest,
  ): Promise<CompareOutcome> {
    const runIds = request.runs ?? [];
    const versionRefs = request.modelVersions ?? [];
    const total = runIds.length + versionRefs.length;
    if (total === 0) {
      throw new InputError(
        'runs or modelVersions: pick at least one run or model version to compare',
      );
    }
    if (total > DEFAULT_MAX_COMPARED_ITEMS) {
      throw new InputError(
        `runs and modelVersions: ${total} items; the limit is ${DEFAULT_MAX_COMPARED_ITEMS} per comparison`,
      );
    }
    const items: CompareOutcome['items'] = [];
    const wanted: string[] = [...runIds];
    for (const [i, ref] of versionRefs.entries()) {
      const { model, project } = await this.resolveModel(ref.model);
      const version = await this.models.getVersion(model, ref.version);
      if (!version) {
        throw new NotFoundError(
          `modelVersions[${i}]: model '${ref.model}' has no version ${ref.version}`,
        );
      }
      items.push({
        id: `${model.name}/${version.version}`,
        kind: 'model-version',
        label: `${model.name} v${version.version}${version.aliases.length ? ` (${version.aliases.join(', ')})` : ''}`,
        project: project.name,
        runId: version.runId,
      });
      if (version.runId) wanted.push(version.runId);
    }
    const runs = new Map(
      (await this.stores.comparison.getComparableRuns(wanted)).map(r => [r.id, r]),
    );
    const runItems = runIds.map((id, i) => {
      const run = runs.get(id);
      if (!run) {
        throw new NotFoundError(`runs[${i}]: no run with id '${id}'`);
      }
      return {
        id,
        kind: 'run' as const,
        label: run.name || id.slice(0, 8),
        project: run.project,
        runId: id,
      };
    });
    const all = [...runItems, ...items];
    const comparison = compareItems(
      all.map(item => {
        const run = item.runId ? runs.get(item.runId) : undefined;
        return {
          id: item.id,
          label: item.label,
          params: run?.params ?? [],
          metrics: run?.metrics ?? [],
        };
      }),
      { allParams: request.allParams },
    );
    return { items: all, comparison };
  }

  async searchDatasets(
    _caller: Caller,
    query: DatasetSearchQuery,
    conditions?: ProjectConditions,
  ) {
    return this.datasets.searchDatasets(query, conditions);
  }

  async listDatasets(
    _caller: Caller,
    project: string,
    options: { kind?: DatasetKind; limit: number; cursor?: string },
  ) {
    return this.datasets.listDatasets(
      await this.resolveProject(project),
      options,
    );
  }

  async getDataset(_caller: Caller, project: string, name: string) {
    const dataset = await this.datasets.getDataset(
      await this.resolveProject(project),
      name,
    );
    if (!dataset) {
      throw new NotFoundError(
        `Project '${project}' has no dataset named '${name}'`,
      );
    }
    return dataset;
  }

  async createDataset(
    caller: Caller,
    project: string,
    request: DatasetCreateRequest,
  ) {
    const target = await this.resolveProject(project);
    checkSlug('name', request.name);
    const description = request.description ?? '';
    checkDescription('description', description);
    const features = request.features ?? [];
    const seen = new Set<string>();
    features.forEach((f, i) => {
      checkKey(`features[${i}].name`, f.name);
      if (seen.has(f.name)) {
        throw new InputError(
          `features[${i}].name: the feature '${f.name}' is listed twice`,
        );
      }
      seen.add(f.name);
    });
    return this.datasets.createDataset(
      target,
      {
        name: request.name,
        kind: request.kind,
        uri: request.uri ?? '',
        description,
        features,
      },
      caller.actor,
    );
  }

  /** Datasets are named as `name` in the run's project or `project/name` in another one. */
  async addRunInputs(caller: Caller, runId: string, references: string[]) {
    const project = await this.resolveRunProject(runId);
    const datasets = [];
    for (const [i, reference] of references.entries()) {
      datasets.push(
        await findDatasetByReference(
          this.stores,
          `datasets[${i}]`,
          reference,
          project.name,
        ),
      );
    }
    return this.datasets.addRunInputs(project, runId, datasets, caller.actor);
  }

  async resolveDeployment(id: string) {
    const deployment = await this.deployments.getDeployment(id);
    if (!deployment) {
      throw new NotFoundError(`No deployment with id '${id}'`);
    }
    const { project } = await this.resolveModel(deployment.model);
    return { deployment, project };
  }

  async listModelDeployments(_caller: Caller, model: string) {
    return this.deployments.listDeployments(
      (await this.resolveModel(model)).model,
    );
  }

  async searchDeployments(
    _caller: Caller,
    query: DeploymentSearchQuery,
    conditions?: ProjectConditions,
  ) {
    return this.deployments.searchDeployments(
      {
        ...query,
        service: query.service && normalizeEntityRef('service', query.service),
      },
      conditions,
    );
  }

  async createDeployment(
    caller: Caller,
    model: string,
    request: DeploymentCreateRequest,
  ) {
    const { model: found } = await this.resolveModel(model);
    checkSlug('environment', request.environment);
    const service = normalizeEntityRef('service', request.service, 'component');
    await this.checkInCatalog(
      [{ field: 'service', ref: service }],
      'component',
    );
    let deployedAt = new Date();
    if (request.deployedAt !== undefined) {
      deployedAt = new Date(request.deployedAt);
      if (Number.isNaN(deployedAt.getTime())) {
        throw new InputError(
          `deployedAt '${request.deployedAt}' is not an ISO 8601 time`,
        );
      }
    }
    return this.deployments.createDeployment(
      found,
      {
        version: request.version,
        environment: request.environment,
        service,
        endpoint: request.endpoint ?? '',
        deployedAt,
      },
      caller.actor,
    );
  }

  async retireDeployment(caller: Caller, id: string) {
    const { deployment } = await this.resolveDeployment(id);
    return this.deployments.retireDeployment(deployment, caller.actor);
  }

  async logMonitoring(
    _caller: Caller,
    id: string,
    points: { metric: string; value: number | string; timestamp: number }[],
  ) {
    const { deployment } = await this.resolveDeployment(id);
    const parsed = points.map((p, i) => {
      const value = parseMetricValue(p.value);
      if (value === undefined) {
        throw new InputError(
          `points[${i}].value must be a number or one of "NaN", "Infinity", "-Infinity"`,
        );
      }
      return { metric: p.metric, value, timestamp: p.timestamp };
    });
    return this.deployments.logMonitoring(deployment, parsed);
  }

  async getMonitoring(
    _caller: Caller,
    id: string,
    metric: string,
    maxPoints: number,
  ) {
    const { deployment } = await this.resolveDeployment(id);
    return {
      deploymentId: id,
      metric,
      ...(await this.deployments.getMonitoring(deployment, metric, maxPoints)),
    };
  }

  async getLineage(_caller: Caller, model: string, version: number) {
    const graph = await this.deployments.getLineage(
      (await this.resolveModel(model)).model,
      version,
    );
    if (!graph) {
      throw new NotFoundError(`Model '${model}' has no version ${version}`);
    }
    return graph;
  }
}
