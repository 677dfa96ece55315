import type {
  Comparison,
  IngestBatch,
  IngestResult,
} from '@ml-home/plugin-ml-home-common';
import {
  AliasHistoryEntry,
  Dataset,
  DatasetKind,
  DatasetSearchQuery,
  Deployment,
  DeploymentSearchQuery,
  LineageGraph,
  Experiment,
  Model,
  ModelAlias,
  ModelSearchQuery,
  ModelCard,
  ModelVersion,
  Page,
  Project,
  ProjectEvent,
  ProjectListQuery,
  ProjectListResult,
  Run,
} from '../domain/types';
import type { ProjectConditions } from '../domain/ProjectConditions';

export type { Caller, ProjectTokenPrincipal } from '../domain/Caller';
import type { Caller } from '../domain/Caller';

export interface ProjectCreateRequest {
  name: string;
  title?: string;
  description?: string;
  owner: string;
  lifecycle?: 'experimental' | 'production' | 'deprecated';
  tags?: string[];
  links?: { title?: string; url: string }[];
  relatedEntities?: string[];
}

export type ProjectUpdateRequest = Partial<Omit<ProjectCreateRequest, 'name'>>;

export interface RunsListRequest {
  experiments?: string[];
  filter?: string;
  orderBy?: string;
  deleted?: boolean;
  limit: number;
  cursor?: string;
}

export interface IngestRunRequest {
  runId?: string;
  experiment: string;
  name?: string;
  status?: 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';
  user?: string;
  startTime?: number;
  endTime?: number;
  source?: {
    kind?: string;
    uri?: string;
    gitCommit?: string;
    pipelineRun?: string;
  };
  params?: { key: string; value: string }[];
  tags?: { key: string; value: string }[];
  metrics?: {
    key: string;
    value: number | string;
    step?: number;
    timestamp?: number;
  }[];
}

/** A batch as the route receives it. */
export type IngestRequest = IngestBatch;

export interface ModelCreateRequest {
  name: string;
  description?: string;
  owner?: string;
}

export interface ModelVersionCreateRequest {
  runId?: string;
  artifactUri?: string;
  framework?: string;
  description?: string;
  modelCard?: ModelCard;
}

export interface DeploymentCreateRequest {
  version: number;
  environment: string;
  service: string;
  endpoint?: string;
  deployedAt?: string;
}

export interface DatasetCreateRequest {
  name: string;
  kind: DatasetKind;
  uri?: string;
  description?: string;
  features?: { name: string; type: string; description?: string }[];
}

export interface CompareRequest {
  runs?: string[];
  modelVersions?: { model: string; version: number }[];
  allParams?: boolean;
}

export interface CompareOutcome {
  items: {
    id: string;
    kind: 'run' | 'model-version';
    label: string;
    project: string;
    runId?: string;
  }[];
  comparison: Comparison;
}

export type MetricHistory = {
  runId: string;
  key: string;
  points: { step: number; value: number; timestamp: number }[];
  totalPoints: number;
  downsampled: boolean;
};

/**
 * What the routes can ask of ML Home. Implemented by the rules ({@link DefaultMlHomeService}) and
 * by the permission wrapper around them ({@link AuthorizedMlHomeService}).
 */
export interface MlHomeService {
  listProjects(
    caller: Caller,
    query: ProjectListQuery,
    conditions?: ProjectConditions,
  ): Promise<ProjectListResult>;
  getProject(caller: Caller, name: string): Promise<Project>;
  createProject(
    caller: Caller,
    request: ProjectCreateRequest,
  ): Promise<Project>;
  updateProject(
    caller: Caller,
    name: string,
    request: ProjectUpdateRequest,
  ): Promise<Project>;
  deleteProject(caller: Caller, name: string): Promise<void>;
  restoreProject(caller: Caller, name: string): Promise<Project>;
  listEvents(
    caller: Caller,
    name: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ProjectEvent>>;

  listExperiments(
    caller: Caller,
    name: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Experiment>>;
  createExperiment(
    caller: Caller,
    name: string,
    input: { name: string; description?: string },
  ): Promise<Experiment>;

  listRuns(
    caller: Caller,
    name: string,
    request: RunsListRequest,
  ): Promise<{ items: Run[]; nextCursor?: string; totalCount: number }>;
  getRun(caller: Caller, runId: string): Promise<Run>;
  getMetricHistory(
    caller: Caller,
    runId: string,
    key: string,
    maxPoints: number,
  ): Promise<MetricHistory>;

  getMetricHistories(
    caller: Caller,
    runIds: string[],
    key: string,
    maxPoints: number,
  ): Promise<MetricHistory[]>;
  /** The project of each run, by run id; a 400 names the first id that is no run. */
  resolveRunProjects(runIds: string[]): Promise<Map<string, string>>;
  ingest(
    caller: Caller,
    name: string,
    request: IngestRequest,
  ): Promise<IngestResult>;

  listModels(
    caller: Caller,
    project: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Model>>;
  searchModels(
    caller: Caller,
    query: ModelSearchQuery,
    conditions?: ProjectConditions,
  ): Promise<Page<Model>>;
  getModel(caller: Caller, name: string): Promise<Model>;
  /** Models whose owner (their own or their project's) is no longer a group in the catalog. */
  listOrphanedModels(
    caller: Caller,
    conditions?: ProjectConditions,
  ): Promise<Page<Model>>;
  createModel(
    caller: Caller,
    project: string,
    request: ModelCreateRequest,
  ): Promise<Model>;
  listModelVersions(
    caller: Caller,
    model: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ModelVersion>>;
  getModelVersion(
    caller: Caller,
    model: string,
    version: number,
  ): Promise<ModelVersion>;
  createModelVersion(
    caller: Caller,
    model: string,
    request: ModelVersionCreateRequest,
  ): Promise<ModelVersion>;
  setModelAlias(
    caller: Caller,
    model: string,
    alias: string,
    version: number,
  ): Promise<ModelAlias>;
  deleteModelAlias(caller: Caller, model: string, alias: string): Promise<void>;
  listModelAliasHistory(
    caller: Caller,
    model: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<AliasHistoryEntry>>;
  compare(caller: Caller, request: CompareRequest): Promise<CompareOutcome>;
  searchDatasets(
    caller: Caller,
    query: DatasetSearchQuery,
    conditions?: ProjectConditions,
  ): Promise<Page<Dataset>>;
  listDatasets(
    caller: Caller,
    project: string,
    options: { kind?: DatasetKind; limit: number; cursor?: string },
  ): Promise<Page<Dataset>>;
  getDataset(caller: Caller, project: string, name: string): Promise<Dataset>;
  createDataset(
    caller: Caller,
    project: string,
    request: DatasetCreateRequest,
  ): Promise<Dataset>;
  addRunInputs(
    caller: Caller,
    runId: string,
    datasets: string[],
  ): Promise<string[]>;
  listModelDeployments(caller: Caller, model: string): Promise<Deployment[]>;
  searchDeployments(
    caller: Caller,
    query: DeploymentSearchQuery,
    conditions?: ProjectConditions,
  ): Promise<Page<Deployment>>;
  createDeployment(
    caller: Caller,
    model: string,
    request: DeploymentCreateRequest,
  ): Promise<Deployment>;
  retireDeployment(caller: Caller, id: string): Promise<Deployment>;
  logMonitoring(
    caller: Caller,
    id: string,
    points: { metric: string; value: number | string; timestamp: number }[],
  ): Promise<number>;
  getMonitoring(
    caller: Caller,
    id: string,
    metric: string,
    maxPoints: number,
  ): Promise<{
    deploymentId: string;
    metric: string;
    points: { timestamp: number; value: number }[];
    totalPoints: number;
    downsampled: boolean;
  }>;
  getLineage(
    caller: Caller,
    model: string,
    version: number,
  ): Promise<LineageGraph>;
  /** Resolves a deployment and the project of its model. */
  resolveDeployment(
    id: string,
  ): Promise<{ deployment: Deployment; project: Project }>;
  /** Resolves a model and the project it belongs to. */
  resolveModel(name: string): Promise<{ model: Model; project: Project }>;

  /** Resolves the project a route addresses (live projects only unless includeDeleted). */
  resolveProject(
    name: string,
    options?: { includeDeleted?: boolean },
  ): Promise<Project>;
  /** Resolves the project of a run. */
  resolveRunProject(runId: string): Promise<Project>;
}
