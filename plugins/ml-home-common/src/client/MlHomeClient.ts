import { ResponseError } from '@backstage/errors';
import type {
  AliasHistory,
  CertificationAttestation,
  CertificationAttestationCreate,
  CertificationAttestationReview,
  CertificationExternalResult,
  CertificationHistory,
  CertificationOverview,
  CertificationResultCreate,
  CertificationScorecard,
  CompareRequest,
  CompareResult,
  Dataset,
  DatasetCreate,
  DatasetList,
  Deployment,
  DeploymentCreate,
  DeploymentList,
  EntityTags,
  EntityType,
  Evaluation,
  EvaluationCompareRequest,
  EvaluationComparison,
  EvaluationCreate,
  EvaluationList,
  EvaluationThresholdsUpdate,
  Note,
  NoteCreate,
  NoteList,
  NoteRevisionList,
  NoteUpdate,
  TagCountList,
  TaggedEntityList,
  LineageGraph,
  MonitoringBatch,
  MonitoringSeries,
  Experiment,
  ExperimentCreate,
  ExperimentList,
  EventList,
  Health,
  IngestBatch,
  IngestResult,
  MetricHistory,
  MetricHistoriesRequest,
  MetricHistoryList,
  Model,
  ModelAlias,
  ModelCreate,
  ModelList,
  ModelVersion,
  ModelVersionCreate,
  ModelVersionList,
  Project,
  ProjectCreate,
  ProjectList,
  ProjectToken,
  ProjectTokenCreate,
  ProjectTokenCreated,
  ProjectTokenList,
  MetricDirections,
  MlflowImport,
  MlflowImportList,
  ProjectUpdate,
  Run,
  RunList,
  operations,
} from '../generated/openapi';

/**
 * The subset of Backstage's DiscoveryApi the client needs.
 *
 * @public
 */
export interface MlHomeDiscovery {
  /** The base URL of a plugin's backend, e.g. `http://localhost:7007/api/ml-home`. */
  getBaseUrl(pluginId: string): Promise<string>;
}

/**
 * The subset of Backstage's FetchApi the client needs (it adds the user's token).
 *
 * @public
 */
export interface MlHomeFetch {
  /** `fetch`, with the caller's credentials added. */
  fetch: typeof fetch;
}

/**
 * Query parameters of the project list, as the API takes them.
 *
 * @public
 */
export type ListProjectsQuery = NonNullable<
  operations['listProjects']['parameters']['query']
>;

/**
 * Query parameters of a project's run list.
 *
 * @public
 */
export type ListRunsQuery = NonNullable<
  operations['listRuns']['parameters']['query']
>;

/**
 * Query parameters of a project's dataset list.
 *
 * @public
 */
export type ListDatasetsQuery = NonNullable<
  operations['listDatasets']['parameters']['query']
>;

/**
 * Query parameters of the model search across projects.
 *
 * @public
 */
export type SearchModelsQuery = NonNullable<
  operations['searchModels']['parameters']['query']
>;

/**
 * Query parameters of the dataset search across projects.
 *
 * @public
 */
export type SearchDatasetsQuery = NonNullable<
  operations['searchDatasets']['parameters']['query']
>;

/**
 * Query parameters of the deployment list across models.
 *
 * @public
 */
export type ListDeploymentsQuery = NonNullable<
  operations['listDeployments']['parameters']['query']
>;

/**
 * Query parameters of the evaluation list.
 *
 * @public
 */
export type ListEvaluationsQuery = NonNullable<
  operations['listEvaluations']['parameters']['query']
>;

/**
 * Query parameters of the note list.
 *
 * @public
 */
export type ListNotesQuery = NonNullable<
  operations['listNotes']['parameters']['query']
>;

/**
 * Query parameters of the tag counts.
 *
 * @public
 */
export type CountTagsQuery = NonNullable<
  operations['countTags']['parameters']['query']
>;

/**
 * Query parameters of the tagged-entity list.
 *
 * @public
 */
export type ListTaggedQuery = NonNullable<
  operations['listTagged']['parameters']['query']
>;

/**
 * Query parameters of the organisation's certification overview.
 *
 * @public
 */
export type CertificationOverviewQuery = NonNullable<
  operations['getCertificationOverview']['parameters']['query']
>;

/**
 * Paging parameters of the smaller lists.
 *
 * @public
 */
export type PageQuery = { limit?: number; cursor?: string };

/**
 * The ML Home API as the frontend and scripts use it. Every type comes from the OpenAPI document.
 *
 * @public
 */
export interface MlHomeApi {
  getHealth(): Promise<Health>;
  listProjects(query?: ListProjectsQuery): Promise<ProjectList>;
  getProject(name: string): Promise<Project>;
  createProject(project: ProjectCreate): Promise<Project>;
  updateProject(name: string, patch: ProjectUpdate): Promise<Project>;
  deleteProject(name: string): Promise<void>;
  restoreProject(name: string): Promise<Project>;
  listProjectEvents(name: string, page?: PageQuery): Promise<EventList>;
  listExperiments(name: string, page?: PageQuery): Promise<ExperimentList>;
  createExperiment(
    name: string,
    experiment: ExperimentCreate,
  ): Promise<Experiment>;
  listRuns(name: string, query?: ListRunsQuery): Promise<RunList>;
  getRun(runId: string): Promise<Run>;
  getMetricHistory(
    runId: string,
    key: string,
    options?: { maxPoints?: number },
  ): Promise<MetricHistory>;
  getMetricHistories(
    request: MetricHistoriesRequest,
  ): Promise<MetricHistoryList>;
  ingest(name: string, batch: IngestBatch): Promise<IngestResult>;
  /** Which way the project's metrics are better, as its owners declared. */
  getProjectMetricDirections(name: string): Promise<MetricDirections>;
  /** Replaces the project's declared metric directions (owners only). */
  setProjectMetricDirections(
    name: string,
    directions: MetricDirections,
  ): Promise<MetricDirections>;
  /** The directions a model declares for its own metrics, over its project's. */
  getModelMetricDirections(model: string): Promise<MetricDirections>;
  /** Replaces the model's declared metric directions (owners of its project only). */
  setModelMetricDirections(
    model: string,
    directions: MetricDirections,
  ): Promise<MetricDirections>;
  /** The project's pipeline tokens, without their secrets (owners only). */
  listProjectTokens(name: string): Promise<ProjectTokenList>;
  /** Creates a project token; the answer's `secret` is shown only this once. */
  createProjectToken(
    name: string,
    token: ProjectTokenCreate,
  ): Promise<ProjectTokenCreated>;
  revokeProjectToken(name: string, tokenId: string): Promise<ProjectToken>;
  /** The MLflow servers configured for import and where their imports stand (admins only). */
  listMlflowImports(): Promise<MlflowImportList>;
  /** Makes an MLflow server's import due now (admins only). */
  runMlflowImport(serverId: string): Promise<MlflowImport>;
  listModels(project: string, page?: PageQuery): Promise<ModelList>;
  createModel(project: string, model: ModelCreate): Promise<Model>;
  searchModels(query?: SearchModelsQuery): Promise<ModelList>;
  listOrphanedModels(): Promise<ModelList>;
  getModel(name: string): Promise<Model>;
  listModelVersions(model: string, page?: PageQuery): Promise<ModelVersionList>;
  getModelVersion(model: string, version: number): Promise<ModelVersion>;
  createModelVersion(
    model: string,
    version: ModelVersionCreate,
  ): Promise<ModelVersion>;
  setModelAlias(
    model: string,
    alias: string,
    version: number,
  ): Promise<ModelAlias>;
  deleteModelAlias(model: string, alias: string): Promise<void>;
  getModelAliasHistory(model: string, page?: PageQuery): Promise<AliasHistory>;
  compare(request: CompareRequest): Promise<CompareResult>;
  listDatasets(
    project: string,
    query?: ListDatasetsQuery,
  ): Promise<DatasetList>;
  searchDatasets(query?: SearchDatasetsQuery): Promise<DatasetList>;
  getDataset(project: string, name: string): Promise<Dataset>;
  createDataset(project: string, dataset: DatasetCreate): Promise<Dataset>;
  addRunInputs(
    runId: string,
    datasets: string[],
  ): Promise<{ datasets: string[] }>;
  listModelDeployments(model: string): Promise<DeploymentList>;
  listDeployments(query?: ListDeploymentsQuery): Promise<DeploymentList>;
  createDeployment(
    model: string,
    deployment: DeploymentCreate,
  ): Promise<Deployment>;
  retireDeployment(id: string): Promise<Deployment>;
  logMonitoring(
    id: string,
    batch: MonitoringBatch,
  ): Promise<{ points: number }>;
  getMonitoring(
    id: string,
    metric: string,
    options?: { maxPoints?: number },
  ): Promise<MonitoringSeries>;
  getModelVersionLineage(model: string, version: number): Promise<LineageGraph>;
  listEvaluations(query?: ListEvaluationsQuery): Promise<EvaluationList>;
  createEvaluation(
    model: string,
    version: number,
    evaluation: EvaluationCreate,
  ): Promise<Evaluation>;
  getEvaluation(id: string): Promise<Evaluation>;
  setEvaluationThresholds(
    id: string,
    update: EvaluationThresholdsUpdate,
  ): Promise<Evaluation>;
  compareEvaluations(
    request: EvaluationCompareRequest,
  ): Promise<EvaluationComparison>;
  listNotes(query: ListNotesQuery): Promise<NoteList>;
  createNote(note: NoteCreate): Promise<Note>;
  updateNote(id: string, update: NoteUpdate): Promise<Note>;
  deleteNote(id: string, revision: number): Promise<void>;
  listNoteRevisions(id: string): Promise<NoteRevisionList>;
  getTags(entityType: EntityType, entityId: string): Promise<EntityTags>;
  setTags(tags: EntityTags): Promise<EntityTags>;
  countTags(query?: CountTagsQuery): Promise<TagCountList>;
  listTagged(query: ListTaggedQuery): Promise<TaggedEntityList>;
  /** The model's stored production-readiness scorecard. */
  getModelScorecard(model: string): Promise<CertificationScorecard>;
  /** Attests a check done by hand, with evidence (half a point until it expires). */
  createCertificationAttestation(
    model: string,
    attestation: CertificationAttestationCreate,
  ): Promise<CertificationAttestation>;
  /** A reviewer rejects an active attestation with a reason. */
  reviewCertificationAttestation(
    model: string,
    attestationId: string,
    review: CertificationAttestationReview,
  ): Promise<CertificationAttestation>;
  /** Another system reports a check's result (counts as automated until it expires). */
  reportCertificationResult(
    model: string,
    result: CertificationResultCreate,
  ): Promise<CertificationExternalResult>;
  /** Every change of the model's certification, newest first. */
  getModelScorecardHistory(
    model: string,
    page?: PageQuery,
  ): Promise<CertificationHistory>;
  /** Levels by team, failing checks, expiring attestations and a page of models. */
  getCertificationOverview(
    query?: CertificationOverviewQuery,
  ): Promise<CertificationOverview>;
}

type QueryValue =
  | string
  | number
  | boolean
  | undefined
  | ReadonlyArray<string | number | boolean>;

function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) {
    return '';
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      params.append(key, String(v));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const segment = encodeURIComponent;

/**
 * Talks to the ML Home backend over HTTP; non-OK answers become `ResponseError`s.
 *
 * @public
 */
export class MlHomeClient implements MlHomeApi {
  private readonly discoveryApi: MlHomeDiscovery;
  private readonly fetchApi: MlHomeFetch;

  constructor(options: {
    discoveryApi: MlHomeDiscovery;
    fetchApi: MlHomeFetch;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getHealth() {
    return this.request<Health>('GET', '/health');
  }

  listProjects(query?: ListProjectsQuery) {
    return this.request<ProjectList>('GET', `/projects${toQueryString(query)}`);
  }

  getProject(name: string) {
    return this.request<Project>('GET', `/projects/${segment(name)}`);
  }

  createProject(project: ProjectCreate) {
    return this.request<Project>('POST', '/projects', project);
  }

  updateProject(name: string, patch: ProjectUpdate) {
    return this.request<Project>('PATCH', `/projects/${segment(name)}`, patch);
  }

  deleteProject(name: string) {
    return this.request<void>('DELETE', `/projects/${segment(name)}`);
  }

  restoreProject(name: string) {
    return this.request<Project>('POST', `/projects/${segment(name)}/restore`);
  }

  listProjectEvents(name: string, page?: PageQuery) {
    return this.request<EventList>(
      'GET',
      `/projects/${segment(name)}/events${toQueryString(page)}`,
    );
  }

  listExperiments(name: string, page?: PageQuery) {
    return this.request<ExperimentList>(
      'GET',
      `/projects/${segment(name)}/experiments${toQueryString(page)}`,
    );
  }

  createExperiment(name: string, experiment: ExperimentCreate) {
    return this.request<Experiment>(
      'POST',
      `/projects/${segment(name)}/experiments`,
      experiment,
    );
  }

  listRuns(name: string, query?: ListRunsQuery) {
    return this.request<RunList>(
      'GET',
      `/projects/${segment(name)}/runs${toQueryString(query)}`,
    );
  }

  getRun(runId: string) {
    return this.request<Run>('GET', `/runs/${segment(runId)}`);
  }

  getMetricHistory(
    runId: string,
    key: string,
    options?: { maxPoints?: number },
  ) {
    return this.request<MetricHistory>(
      'GET',
      `/runs/${segment(runId)}/metric-history${toQueryString({ key, maxPoints: options?.maxPoints })}`,
    );
  }

  getMetricHistories(request: MetricHistoriesRequest) {
    return this.request<MetricHistoryList>(
      'POST',
      '/metric-histories',
      request,
    );
  }

  ingest(name: string, batch: IngestBatch) {
    return this.request<IngestResult>(
      'POST',
      `/projects/${segment(name)}/ingest`,
      batch,
    );
  }

  listModels(project: string, page?: PageQuery) {
    return this.request<ModelList>(
      'GET',
      `/projects/${segment(project)}/models${toQueryString(page)}`,
    );
  }

  createModel(project: string, model: ModelCreate) {
    return this.request<Model>(
      'POST',
      `/projects/${segment(project)}/models`,
      model,
    );
  }

  listOrphanedModels() {
    return this.request<ModelList>('GET', '/orphaned-models');
  }

  searchModels(query?: SearchModelsQuery) {
    return this.request<ModelList>('GET', `/models${toQueryString(query)}`);
  }

  getModel(name: string) {
    return this.request<Model>('GET', `/models/${segment(name)}`);
  }

  listModelVersions(model: string, page?: PageQuery) {
    return this.request<ModelVersionList>(
      'GET',
      `/models/${segment(model)}/versions${toQueryString(page)}`,
    );
  }

  getModelVersion(model: string, version: number) {
    return this.request<ModelVersion>(
      'GET',
      `/models/${segment(model)}/versions/${version}`,
    );
  }

  createModelVersion(model: string, version: ModelVersionCreate) {
    return this.request<ModelVersion>(
      'POST',
      `/models/${segment(model)}/versions`,
      version,
    );
  }

  setModelAlias(model: string, alias: string, version: number) {
    return this.request<ModelAlias>(
      'PUT',
      `/models/${segment(model)}/aliases/${segment(alias)}`,
      { version },
    );
  }

  deleteModelAlias(model: string, alias: string) {
    return this.request<void>(
      'DELETE',
      `/models/${segment(model)}/aliases/${segment(alias)}`,
    );
  }

  getModelAliasHistory(model: string, page?: PageQuery) {
    return this.request<AliasHistory>(
      'GET',
      `/models/${segment(model)}/alias-history${toQueryString(page)}`,
    );
  }

  compare(request: CompareRequest) {
    return this.request<CompareResult>('POST', '/compare', request);
  }

  listDatasets(project: string, query?: ListDatasetsQuery) {
    return this.request<DatasetList>(
      'GET',
      `/projects/${segment(project)}/datasets${toQueryString(query)}`,
    );
  }

  searchDatasets(query?: SearchDatasetsQuery) {
    return this.request<DatasetList>('GET', `/datasets${toQueryString(query)}`);
  }

  getDataset(project: string, name: string) {
    return this.request<Dataset>(
      'GET',
      `/projects/${segment(project)}/datasets/${segment(name)}`,
    );
  }

  createDataset(project: string, dataset: DatasetCreate) {
    return this.request<Dataset>(
      'POST',
      `/projects/${segment(project)}/datasets`,
      dataset,
    );
  }

  addRunInputs(runId: string, datasets: string[]) {
    return this.request<{ datasets: string[] }>(
      'POST',
      `/runs/${segment(runId)}/inputs`,
      { datasets },
    );
  }

  listModelDeployments(model: string) {
    return this.request<DeploymentList>(
      'GET',
      `/models/${segment(model)}/deployments`,
    );
  }

  listDeployments(query?: ListDeploymentsQuery) {
    return this.request<DeploymentList>(
      'GET',
      `/deployments${toQueryString(query)}`,
    );
  }

  createDeployment(model: string, deployment: DeploymentCreate) {
    return this.request<Deployment>(
      'POST',
      `/models/${segment(model)}/deployments`,
      deployment,
    );
  }

  retireDeployment(id: string) {
    return this.request<Deployment>(
      'POST',
      `/deployments/${segment(id)}/retire`,
    );
  }

  logMonitoring(id: string, batch: MonitoringBatch) {
    return this.request<{ points: number }>(
      'POST',
      `/deployments/${segment(id)}/monitoring`,
      batch,
    );
  }

  getMonitoring(id: string, metric: string, options?: { maxPoints?: number }) {
    return this.request<MonitoringSeries>(
      'GET',
      `/deployments/${segment(id)}/monitoring${toQueryString({ metric, maxPoints: options?.maxPoints })}`,
    );
  }

  getModelVersionLineage(model: string, version: number) {
    return this.request<LineageGraph>(
      'GET',
      `/models/${segment(model)}/versions/${version}/lineage`,
    );
  }
  listEvaluations(query?: ListEvaluationsQuery) {
    return this.request<EvaluationList>(
      'GET',
      `/evaluations${toQueryString(query)}`,
    );
  }

  createEvaluation(
    model: string,
    version: number,
    evaluation: EvaluationCreate,
  ) {
    return this.request<Evaluation>(
      'POST',
      `/models/${segment(model)}/versions/${version}/evaluations`,
      evaluation,
    );
  }

  getEvaluation(id: string) {
    return this.request<Evaluation>('GET', `/evaluations/${segment(id)}`);
  }

  setEvaluationThresholds(id: string, update: EvaluationThresholdsUpdate) {
    return this.request<Evaluation>(
      'PUT',
      `/evaluations/${segment(id)}/thresholds`,
      update,
    );
  }

  compareEvaluations(request: EvaluationCompareRequest) {
    return this.request<EvaluationComparison>(
      'POST',
      '/compare/evaluations',
      request,
    );
  }

  listNotes(query: ListNotesQuery) {
    return this.request<NoteList>('GET', `/notes${toQueryString(query)}`);
  }

  createNote(note: NoteCreate) {
    return this.request<Note>('POST', '/notes', note);
  }

  updateNote(id: string, update: NoteUpdate) {
    return this.request<Note>('PUT', `/notes/${segment(id)}`, update);
  }

  deleteNote(id: string, revision: number) {
    return this.request<void>(
      'DELETE',
      `/notes/${segment(id)}${toQueryString({ revision })}`,
    );
  }

  listNoteRevisions(id: string) {
    return this.request<NoteRevisionList>(
      'GET',
      `/notes/${segment(id)}/revisions`,
    );
  }

  getTags(entityType: EntityType, entityId: string) {
    return this.request<EntityTags>(
      'GET',
      `/tags${toQueryString({ entityType, entityId })}`,
    );
  }

  setTags(tags: EntityTags) {
    return this.request<EntityTags>('PUT', '/tags', tags);
  }

  countTags(query?: CountTagsQuery) {
    return this.request<TagCountList>(
      'GET',
      `/tag-counts${toQueryString(query)}`,
    );
  }

  listTagged(query: ListTaggedQuery) {
    return this.request<TaggedEntityList>(
      'GET',
      `/tagged${toQueryString(query)}`,
    );
  }

  getProjectMetricDirections(name: string) {
    return this.request<MetricDirections>(
      'GET',
      `/projects/${segment(name)}/metric-directions`,
    );
  }

  setProjectMetricDirections(name: string, directions: MetricDirections) {
    return this.request<MetricDirections>(
      'PUT',
      `/projects/${segment(name)}/metric-directions`,
      directions,
    );
  }

  getModelMetricDirections(model: string) {
    return this.request<MetricDirections>(
      'GET',
      `/models/${segment(model)}/metric-directions`,
    );
  }

  setModelMetricDirections(model: string, directions: MetricDirections) {
    return this.request<MetricDirections>(
      'PUT',
      `/models/${segment(model)}/metric-directions`,
      directions,
    );
  }

  listProjectTokens(name: string) {
    return this.request<ProjectTokenList>(
      'GET',
      `/projects/${segment(name)}/tokens`,
    );
  }

  createProjectToken(name: string, token: ProjectTokenCreate) {
    return this.request<ProjectTokenCreated>(
      'POST',
      `/projects/${segment(name)}/tokens`,
      token,
    );
  }

  revokeProjectToken(name: string, tokenId: string) {
    return this.request<ProjectToken>(
      'DELETE',
      `/projects/${segment(name)}/tokens/${segment(tokenId)}`,
    );
  }

  listMlflowImports() {
    return this.request<MlflowImportList>('GET', '/admin/imports');
  }

  runMlflowImport(serverId: string) {
    return this.request<MlflowImport>(
      'POST',
      `/admin/imports/${segment(serverId)}/run`,
    );
  }

  getModelScorecard(model: string) {
    return this.request<CertificationScorecard>(
      'GET',
      `/models/${segment(model)}/scorecard`,
    );
  }

  createCertificationAttestation(
    model: string,
    attestation: CertificationAttestationCreate,
  ) {
    return this.request<CertificationAttestation>(
      'POST',
      `/models/${segment(model)}/scorecard/attestations`,
      attestation,
    );
  }

  reviewCertificationAttestation(
    model: string,
    attestationId: string,
    review: CertificationAttestationReview,
  ) {
    return this.request<CertificationAttestation>(
      'POST',
      `/models/${segment(model)}/scorecard/attestations/${segment(attestationId)}/review`,
      review,
    );
  }

  reportCertificationResult(model: string, result: CertificationResultCreate) {
    return this.request<CertificationExternalResult>(
      'POST',
      `/models/${segment(model)}/scorecard/results`,
      result,
    );
  }

  getModelScorecardHistory(model: string, page?: PageQuery) {
    return this.request<CertificationHistory>(
      'GET',
      `/models/${segment(model)}/scorecard/history${toQueryString(page)}`,
    );
  }

  getCertificationOverview(query?: CertificationOverviewQuery) {
    return this.request<CertificationOverview>(
      'GET',
      `/certification${toQueryString(query)}`,
    );
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ml-home');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers:
        body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }
}
