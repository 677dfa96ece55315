import {
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  ML_HOME_PROJECT_RESOURCE_TYPE,
  mlHomeProjectCreatePermission,
  mlHomeProjectDeletePermission,
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
  mlHomeRunWritePermission,
} from '@ml-home/plugin-ml-home-common';
import {
  DatasetKind,
  DatasetSearchQuery,
  DeploymentSearchQuery,
  ModelSearchQuery,
  Project,
  ProjectListQuery,
} from '../domain/types';
import { ProjectAuthorizer } from '../authorization/ProjectAuthorizer';
import { ReferenceAuthorizer } from '../authorization/ReferenceAuthorizer';
import { normalizeEntityRef } from '../domain/validation';
import {
  Caller,
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

/**
 * The permission layer: the same interface as the rules it wraps, deciding every call on the
 * project it touches. List calls turn a conditional decision into SQL, so nobody sees a count or a
 * facet of what they may not read; single-project calls apply the same conditions in memory.
 * What a body names beyond that project (runs, datasets, owner groups) is decided too, see
 * {@link ReferenceAuthorizer}.
 */
export class AuthorizedMlHomeService implements MlHomeService {
  private readonly references: ReferenceAuthorizer;

  constructor(
    private readonly inner: MlHomeService,
    private readonly authorizer: ProjectAuthorizer,
    private readonly userInfo: UserInfoService,
  ) {
    this.references = new ReferenceAuthorizer(inner, authorizer);
  }

  /**
   * Giving a project or model to a group is only for the group's members: the owner must be one
   * of the calling user's ownership refs. Services and project tokens own nothing, so they cannot
   * name an owner. `unchanged` (the current owner) needs no check: it gives nothing away.
   */
  private async checkOwner(
    caller: Caller,
    field: string,
    ref: string,
    unchanged?: string,
  ): Promise<void> {
    const owner = normalizeEntityRef(field, ref, 'group');
    if (owner === unchanged) return;
    const credentials = caller.credentials;
    if (!credentials || !isUserCredentials(credentials)) {
      throw new NotAllowedError(
        `${field}: only a user can name an owner, and only a group they belong to; this caller is no user`,
      );
    }
    const { ownershipEntityRefs } =
      await this.userInfo.getUserInfo(credentials);
    if (!ownershipEntityRefs.some(r => r.toLowerCase() === owner)) {
      throw new NotAllowedError(`${field}: you are not a member of ${owner}`);
    }
  }

  resolveProject(name: string, options?: { includeDeleted?: boolean }) {
    return this.inner.resolveProject(name, options);
  }

  resolveModel(name: string) {
    return this.inner.resolveModel(name);
  }

  resolveRunProject(runId: string) {
    return this.inner.resolveRunProject(runId);
  }

  private conditionsFor(
    caller: Caller,
    permission: ResourcePermission<typeof ML_HOME_PROJECT_RESOURCE_TYPE>,
  ) {
    return this.authorizer.conditionsFor(caller, permission);
  }

  private check(
    caller: Caller,
    permission: ResourcePermission<typeof ML_HOME_PROJECT_RESOURCE_TYPE>,
    project: Project,
  ) {
    return this.authorizer.check(caller, permission, project);
  }

  private checkBasic(caller: Caller, permission: BasicPermission) {
    return this.authorizer.checkBasic(caller, permission);
  }

  async listProjects(caller: Caller, query: ProjectListQuery) {
    const { denied, conditions } = await this.conditionsFor(
      caller,
      mlHomeProjectReadPermission,
    );
    if (denied) {
      return {
        items: [],
        totalCount: 0,
        facets: { owner: [], tag: [], lifecycle: [] },
      };
    }
    return this.inner.listProjects(caller, query, conditions);
  }

  async getProject(caller: Caller, name: string) {
    const project = await this.inner.getProject(caller, name);
    await this.check(caller, mlHomeProjectReadPermission, project);
    return project;
  }

  async createProject(caller: Caller, request: ProjectCreateRequest) {
    await this.checkBasic(caller, mlHomeProjectCreatePermission);
    await this.checkOwner(caller, 'owner', request.owner);
    return this.inner.createProject(caller, request);
  }

  async updateProject(
    caller: Caller,
    name: string,
    request: ProjectUpdateRequest,
  ) {
    const project = await this.inner.resolveProject(name);
    await this.check(caller, mlHomeProjectUpdatePermission, project);
    if (request.owner !== undefined) {
      await this.checkOwner(caller, 'owner', request.owner, project.owner);
    }
    return this.inner.updateProject(caller, name, request);
  }

  async deleteProject(caller: Caller, name: string) {
    await this.check(
      caller,
      mlHomeProjectDeletePermission,
      await this.inner.resolveProject(name),
    );
    return this.inner.deleteProject(caller, name);
  }

  async restoreProject(caller: Caller, name: string) {
    await this.check(
      caller,
      mlHomeProjectDeletePermission,
      await this.inner.resolveProject(name, { includeDeleted: true }),
    );
    return this.inner.restoreProject(caller, name);
  }

  async listEvents(
    caller: Caller,
    name: string,
    page: { limit: number; cursor?: string },
  ) {
    await this.check(
      caller,
      mlHomeProjectReadPermission,
      await this.inner.resolveProject(name),
    );
    return this.inner.listEvents(caller, name, page);
  }

  async listExperiments(
    caller: Caller,
    name: string,
    page: { limit: number; cursor?: string },
  ) {
    await this.check(
      caller,
      mlHomeProjectReadPermission,
      await this.inner.resolveProject(name),
    );
    return this.inner.listExperiments(caller, name, page);
  }

  async createExperiment(
    caller: Caller,
    name: string,
    input: { name: string; description?: string },
  ) {
    await this.check(
      caller,
      mlHomeRunWritePermission,
      await this.inner.resolveProject(name),
    );
    return this.inner.createExperiment(caller, name, input);
  }

  async listRuns(caller: Caller, name: string, request: RunsListRequest) {
    await this.check(
      caller,
      mlHomeProjectReadPermission,
      await this.inner.resolveProject(name),
    );
    return this.inner.listRuns(caller, name, request);
  }

  async getRun(caller: Caller, runId: string) {
    await this.check(
      caller,
      mlHomeProjectReadPermission,
      await this.inner.resolveRunProject(runId),
    );
    return this.inner.getRun(caller, runId);
  }

  async getMetricHistory(
    caller: Caller,
    runId: string,
    key: string,
    maxPoints: number,
  ) {
    await this.check(
      caller,
      mlHomeProjectReadPermission,
      await this.inner.resolveRunProject(runId),
    );
    return this.inner.getMetricHistory(caller, runId, key, maxPoints);
  }

  resolveRunProjects(runIds: string[]) {
    return this.inner.resolveRunProjects(runIds);
  }

  async getMetricHistories(
    caller: Caller,
    runIds: string[],
    key: string,
    maxPoints: number,
  ) {
    const projects = await this.inner.resolveRunProjects(runIds);
    for (const name of new Set(projects.values())) {
      await this.check(
        caller,
        mlHomeProjectReadPermission,
        await this.inner.resolveProject(name, { includeDeleted: true }),
      );
    }
    return this.inner.getMetricHistories(caller, runIds, key, maxPoints);
  }

  async listModels(
    caller: Caller,
    project: string,
    page: { limit: number; cursor?: string },
  ) {
    await this.check(
      caller,
      mlHomeProjectReadPermission,
      await this.inner.resolveProject(project),
    );
    return this.inner.listModels(caller, project, page);
  }

  searchModels(caller: Caller, query: ModelSearchQuery) {
    return this.authorizer.whenReadable(
      caller,
      { items: [], totalCount: 0 },
      conditions => this.inner.searchModels(caller, query, conditions),
    );
  }

  searchDatasets(caller: Caller, query: DatasetSearchQuery) {
    return this.authorizer.whenReadable(
      caller,
      { items: [], totalCount: 0 },
      conditions => this.inner.searchDatasets(caller, query, conditions),
    );
  }

  searchDeployments(caller: Caller, query: DeploymentSearchQuery) {
    return this.authorizer.whenReadable(
      caller,
      { items: [], totalCount: 0 },
      conditions => this.inner.searchDeployments(caller, query, conditions),
    );
  }

  listOrphanedModels(caller: Caller) {
    return this.authorizer.whenReadable(
      caller,
      { items: [], totalCount: 0 },
      conditions => this.inner.listOrphanedModels(caller, conditions),
    );
  }

  async getModel(caller: Caller, name: string) {
    await this.check(
      caller,
      mlHomeProjectReadPermission,
      (await this.inner.resolveModel(name)).project,
    );
    return this.inner.getModel(caller, name);
  }

  async createModel(
    caller: Caller,
    project: string,
    request: ModelCreateRequest,
  ) {
    const target = await this.inner.resolveProject(project);
    await this.check(caller, mlHomeProjectUpdatePermission, target);
    if (request.owner !== undefined) {
      // The project's own owner is what the model would have without one.
      await this.checkOwner(caller, 'owner', request.owner, target.owner);
    }
    return this.inner.createModel(caller, project, request);
  }

  async listModelVersions(
    caller: Caller,
    model: string,
    page: { limit: number; cursor?: string },
  ) {
    await this.check(
      caller,
      mlHomeProjectReadPermission,
      (await this.inner.resolveModel(model)).project,
    );
    return this.inner.listModelVersions(caller, model, page);
  }

  async getModelVersion(caller: Caller, model: string, version: number) {
    await this.check(
      caller,
      mlHomeProjectReadPermission,
      (await this.inner.resolveModel(model)).project,
    );
    return this.inner.getModelVersion(caller, model, version);
  }

  /**
   * Registering versions is part of ingestion: training pipelines with a token may do it. The
   * producing run, in whichever project, must be one the caller may write: a version claims it.
   */
  async createModelVersion(
    caller: Caller,
    model: string,
    request: ModelVersionCreateRequest,
  ) {
    await this.check(
      caller,
      mlHomeRunWritePermission,
      (await this.inner.resolveModel(model)).project,
    );
    if (request.runId !== undefined) {
      await this.references.checkRunsWritable(caller, [
        { field: 'runId', runId: request.runId },
      ]);
    }
    return this.inner.createModelVersion(caller, model, request);
  }

  async setModelAlias(
    caller: Caller,
    model: string,
    alias: string,
    version: number,
  ) {
    await this.check(
      caller,
      mlHomeProjectUpdatePermission,
      (await this.inner.resolveModel(model)).project,
    );
    return this.inner.setModelAlias(caller, model, alias, version);
  }

  async deleteModelAlias(caller: Caller, model: string, alias: string) {
    await this.check(
      caller,
      mlHomeProjectUpdatePermission,
      (await this.inner.resolveModel(model)).project,
    );
    return this.inner.deleteModelAlias(caller, model, alias);
  }

  async listModelAliasHistory(
    caller: Caller,
    model: string,
    page: { limit: number; cursor?: string },
  ) {
    await this.check(
      caller,
      mlHomeProjectReadPermission,
      (await this.inner.resolveModel(model)).project,
    );
    return this.inner.listModelAliasHistory(caller, model, page);
  }

  /** Compares only when the caller may read every project the items come from. */
  async compare(caller: Caller, request: CompareRequest) {
    const outcome = await this.inner.compare(caller, request);
    for (const name of new Set(outcome.items.map(i => i.project))) {
      await this.check(
        caller,
        mlHomeProjectReadPermission,
        await this.inner.resolveProject(name, { includeDeleted: true }),
      );
    }
    return outcome;
  }

  async listDatasets(
    caller: Caller,
    project: string,
    options: { kind?: DatasetKind; limit: number; cursor?: string },
  ) {
    await this.check(
      caller,
      mlHomeProjectReadPermission,
      await this.inner.resolveProject(project),
    );
    return this.inner.listDatasets(caller, project, options);
  }

  async getDataset(caller: Caller, project: string, name: string) {
    await this.check(
      caller,
      mlHomeProjectReadPermission,
      await this.inner.resolveProject(project),
    );
    return this.inner.getDataset(caller, project, name);
  }

  async createDataset(
    caller: Caller,
    project: string,
    request: DatasetCreateRequest,
  ) {
    await this.check(
      caller,
      mlHomeProjectUpdatePermission,
      await this.inner.resolveProject(project),
    );
    return this.inner.createDataset(caller, project, request);
  }

  /**
   * Declaring inputs is part of logging a run, so ingestion rights on the run suffice; each
   * dataset read must be in a project the caller may read.
   */
  async addRunInputs(caller: Caller, runId: string, datasets: string[]) {
    const project = await this.inner.resolveRunProject(runId);
    await this.check(caller, mlHomeRunWritePermission, project);
    await this.references.checkDatasetsReadable(
      caller,
      datasets.map((reference, i) => ({ field: `datasets[${i}]`, reference })),
      project.name,
    );
    return this.inner.addRunInputs(caller, runId, datasets);
  }

  resolveDeployment(id: string) {
    return this.inner.resolveDeployment(id);
  }

  async listModelDeployments(caller: Caller, model: string) {
    await this.check(
      caller,
      mlHomeProjectReadPermission,
      (await this.inner.resolveModel(model)).project,
    );
    return this.inner.listModelDeployments(caller, model);
  }

  /** Deploy pipelines report deployments with their token, like ingestion. */
  async createDeployment(
    caller: Caller,
    model: string,
    request: DeploymentCreateRequest,
  ) {
    await this.check(
      caller,
      mlHomeRunWritePermission,
      (await this.inner.resolveModel(model)).project,
    );
    return this.inner.createDeployment(caller, model, request);
  }

  async retireDeployment(caller: Caller, id: string) {
    await this.check(
      caller,
      mlHomeRunWritePermission,
      (await this.inner.resolveDeployment(id)).project,
    );
    return this.inner.retireDeployment(caller, id);
  }

  async logMonitoring(
    caller: Caller,
    id: string,
    points: { metric: string; value: number | string; timestamp: number }[],
  ) {
    await this.check(
      caller,
      mlHomeRunWritePermission,
      (await this.inner.resolveDeployment(id)).project,
    );
    return this.inner.logMonitoring(caller, id, points);
  }

  async getMonitoring(
    caller: Caller,
    id: string,
    metric: string,
    maxPoints: number,
  ) {
    await this.check(
      caller,
      mlHomeProjectReadPermission,
      (await this.inner.resolveDeployment(id)).project,
    );
    return this.inner.getMonitoring(caller, id, metric, maxPoints);
  }

  async getLineage(caller: Caller, model: string, version: number) {
    await this.check(
      caller,
      mlHomeProjectReadPermission,
      (await this.inner.resolveModel(model)).project,
    );
    return this.inner.getLineage(caller, model, version);
  }

  /**
   * A batch writes into its project; what it names elsewhere is decided like the single calls:
   * versions' runs must be writable, evaluations' datasets and baselines readable.
   */
  async ingest(caller: Caller, name: string, request: IngestRequest) {
    const project = await this.inner.resolveProject(name);
    await this.check(caller, mlHomeRunWritePermission, project);
    await this.references.checkRunsWritable(
      caller,
      (request.modelVersions ?? []).map((v, i) => ({
        field: `modelVersions[${i}].runId`,
        runId: v.runId,
      })),
      { skipUnknown: true },
    );
    const evaluations = request.evaluations ?? [];
    await this.references.checkDatasetsReadable(
      caller,
      evaluations.map((e, i) => ({
        field: `evaluations[${i}].dataset`,
        reference: e.dataset,
      })),
      project.name,
    );
    const withBaseline = evaluations.findIndex(
      e => e.baselineVersion !== undefined,
    );
    if (withBaseline >= 0) {
      // A batch's evaluations are of its own project's models, so are their baselines.
      const e = evaluations[withBaseline];
      await this.references.checkReadable(
        caller,
        `evaluations[${withBaseline}].baselineVersion`,
        project,
        `version ${e.baselineVersion} of model '${e.model}'`,
      );
    }
    return this.inner.ingest(caller, name, request);
  }
}

function isUserCredentials(
  credentials: BackstageCredentials,
): credentials is BackstageCredentials<BackstageUserPrincipal> {
  return (credentials.principal as { type?: string }).type === 'user';
}
