import type {
  ComparableItem,
  EvaluationResult,
  EvaluationThreshold,
  MetricDirection,
} from '@ml-home/plugin-ml-home-common';

/*
 * Domain types of the backend: what the store returns and the services work with. Times are
 * Dates here; the router turns them into ISO strings on the wire (see the OpenAPI spec).
 */

export type Lifecycle = 'experimental' | 'production' | 'deprecated';
export type RunStatus =
  'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';
export type LifecycleStage = 'active' | 'deleted';

export interface ProjectLink {
  title?: string;
  url: string;
}

/** A project token, without its secret (which is never stored). */
export interface ProjectToken {
  id: string;
  project: string;
  name: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt?: Date;
  revokedAt?: Date;
  revokedBy?: string;
}

export interface Project {
  id: string;
  name: string;
  title: string;
  description: string;
  owner: string;
  lifecycle: Lifecycle;
  tags: string[];
  links: ProjectLink[];
  relatedEntities: string[];
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  updatedBy: string;
  lastActivityAt: Date;
  deletedAt?: Date;
  counts?: { experiments: number; runs: number };
  /**
   * The lowest certification level among the project's models that have a certified version;
   * absent when none has one.
   */
  certificationLevel?: string;
}

export interface ProjectInput {
  name: string;
  title: string;
  description: string;
  owner: string;
  lifecycle: Lifecycle;
  tags: string[];
  links: ProjectLink[];
  relatedEntities: string[];
}

export type ProjectPatch = Partial<Omit<ProjectInput, 'name'>>;

export type ProjectOrderBy =
  'name' | 'title' | 'createdAt' | 'updatedAt' | 'lastActivityAt';

export interface ProjectListQuery {
  q?: string;
  owners?: string[];
  tags?: string[];
  lifecycles?: Lifecycle[];
  /** Certification levels of the project (any of); see `Project.certificationLevel`. */
  levels?: string[];
  orderBy: ProjectOrderBy;
  order: 'asc' | 'desc';
  deleted: boolean;
  limit: number;
  cursor?: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface ProjectListResult {
  items: Project[];
  nextCursor?: string;
  totalCount: number;
  facets: {
    owner: FacetCount[];
    tag: FacetCount[];
    lifecycle: FacetCount[];
    level?: FacetCount[];
  };
}

export interface Experiment {
  id: string;
  projectId: string;
  project: string;
  name: string;
  description: string;
  lifecycleStage: LifecycleStage;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  runCount: number;
}

export interface KeyValue {
  key: string;
  value: string;
}

export interface LatestMetric {
  key: string;
  value: number;
  step: number;
  timestamp: number;
  min: number;
  max: number;
}

export interface RunSource {
  kind?: string;
  uri?: string;
  gitCommit?: string;
  pipelineRun?: string;
}

/**
 * A run as a comparison reads it: name, project, params and the latest value, minimum and maximum
 * of each metric; nothing else, since a comparison may hold 100 runs with hundreds of metrics.
 */
export interface ComparableRun {
  id: string;
  name: string;
  project: string;
  params: KeyValue[];
  /** What `compareItems` takes; `min` and `max` are absent when unknown (every point NaN). */
  metrics: ComparableItem['metrics'];
}

export interface Run {
  id: string;
  projectId: string;
  project: string;
  experimentId: string;
  experiment: string;
  name: string;
  status: RunStatus;
  user: string;
  startTime: number;
  endTime?: number;
  lifecycleStage: LifecycleStage;
  source?: RunSource;
  params: KeyValue[];
  tags: KeyValue[];
  metrics: LatestMetric[];
  createdAt: Date;
  updatedAt: Date;
}

export interface MetricPointInput {
  key: string;
  value: number;
  step: number;
  timestamp: number;
}

/** One run of a batch after validation and defaulting by the service. */
export interface IngestRunInput {
  runId: string;
  runIdSupplied: boolean;
  experiment: string;
  name?: string;
  status?: RunStatus;
  user?: string;
  startTime?: number;
  endTime?: number;
  source?: RunSource;
  params: KeyValue[];
  tags: KeyValue[];
  metrics: MetricPointInput[];
}

export interface IngestBatchInput {
  requestId?: string;
  /** SHA-256 of the whole request, so that a requestId reused for another batch is refused. */
  requestHash?: string;
  runs: IngestRunInput[];
}

export interface ProjectEvent {
  id: string;
  projectId: string;
  project: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  createdAt: Date;
}

export interface EventInput {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
}

/** Filters of the cross-project model search. */
export interface ModelSearchQuery {
  q?: string;
  project?: string;
  owner?: string;
  limit: number;
  cursor?: string;
}

/** Filters of the cross-project dataset search. */
export interface DatasetSearchQuery {
  q?: string;
  project?: string;
  kind?: DatasetKind;
  limit: number;
  cursor?: string;
}

/** What the service hands the store to record a deployment (the serving ref normalised). */
export interface DeploymentInput {
  version: number;
  environment: string;
  service: string;
  endpoint: string;
  deployedAt: Date;
}

/** Filters of the cross-model deployment list. */
export interface DeploymentSearchQuery {
  project?: string;
  model?: string;
  service?: string;
  status?: 'active' | 'retired';
  limit: number;
  cursor?: string;
}

/** Which page of a list to answer: at most `limit` items after `cursor`. */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
  totalCount?: number;
}

export interface ModelAlias {
  alias: string;
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

export interface Model {
  id: string;
  projectId: string;
  project: string;
  name: string;
  description: string;
  /** The effective owner: the model's own, or the project's when it has none. */
  owner: string;
  ownerIsProjectOwner: boolean;
  latestVersion?: number;
  versionCount: number;
  aliases: ModelAlias[];
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  /** The model's stored certification level; absent before its first evaluation. */
  certificationLevel?: string;
}

export type ModelCard = Partial<
  Record<
    | 'modelDetails'
    | 'intendedUse'
    | 'factors'
    | 'metrics'
    | 'evaluationData'
    | 'trainingData'
    | 'quantitativeAnalyses'
    | 'ethicalConsiderations'
    | 'caveatsAndRecommendations',
    string
  >
>;

export interface ModelVersion {
  id: string;
  modelId: string;
  model: string;
  version: number;
  runId?: string;
  artifactUri: string;
  framework: string;
  description: string;
  modelCard: ModelCard;
  aliases: string[];
  createdAt: Date;
  createdBy: string;
}

export interface ModelVersionInput {
  runId?: string;
  artifactUri: string;
  framework: string;
  description: string;
  modelCard: ModelCard;
}

export interface AliasHistoryEntry {
  id: string;
  alias: string;
  fromVersion?: number;
  toVersion?: number;
  actor: string;
  createdAt: Date;
}

export type DatasetKind = 'training-set' | 'evaluation-set' | 'feature-set';

export interface DatasetFeature {
  name: string;
  type: string;
  description?: string;
}

export interface Dataset {
  id: string;
  projectId: string;
  project: string;
  name: string;
  kind: DatasetKind;
  uri: string;
  description: string;
  features: DatasetFeature[];
  consumers?: {
    runCount: number;
    runs: { runId: string; name: string; project: string }[];
    modelVersions: { model: string; version: number }[];
  };
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
}

export interface DatasetInput {
  name: string;
  kind: DatasetKind;
  uri: string;
  description: string;
  features: DatasetFeature[];
}

export interface Deployment {
  id: string;
  modelId: string;
  projectId: string;
  project: string;
  model: string;
  version: number;
  environment: string;
  service: string;
  endpoint: string;
  status: 'active' | 'retired';
  deployedAt: Date;
  retiredAt?: Date;
  createdBy: string;
}

export interface LineageGraph {
  nodes: {
    id: string;
    kind: 'dataset' | 'run' | 'model-version' | 'deployment' | 'component';
    label: string;
    ref?: string;
    status?: string;
  }[];
  edges: { from: string; to: string; label: string }[];
}

/** A stored evaluation without its results and thresholds (which are loaded apart, in bulk). */
export interface EvaluationRecord {
  id: string;
  projectId: string;
  project: string;
  modelId: string;
  model: string;
  modelVersionId: string;
  version: number;
  datasetId: string;
  dataset: { project: string; name: string };
  baselineVersionId?: string;
  baselineVersion?: number;
  name: string;
  description: string;
  directions: Record<string, MetricDirection>;
  tolerance: number;
  resultCount: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

/** What the service hands the store to record an evaluation (references already resolved). */
export interface EvaluationInput {
  name: string;
  datasetId: string;
  baselineVersionId?: string;
  description: string;
  results: EvaluationResult[];
  thresholds: EvaluationThreshold[];
  directions: Record<string, MetricDirection>;
  tolerance: number;
}

/** Filters of the evaluation list. */
export interface EvaluationListQuery {
  projectId?: string;
  modelId?: string;
  version?: number;
  datasetId?: string;
  limit: number;
  cursor?: string;
}

/** The kinds of entity that carry notes and tags. */
export type AnnotatedEntityType =
  | 'project'
  | 'experiment'
  | 'run'
  | 'model'
  | 'model-version'
  | 'evaluation'
  | 'dataset'
  | 'deployment';

/** An entity that notes and tags attach to, resolved to its project and a human label. */
export interface AnnotatedEntity {
  type: AnnotatedEntityType;
  id: string;
  projectId: string;
  project: string;
  projectOwner: string;
  label: string;
}

export interface Note {
  id: string;
  projectId: string;
  project: string;
  entityType: AnnotatedEntityType;
  entityId: string;
  entityLabel: string;
  body: string;
  revision: number;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
}

export interface NoteRevision {
  revision: number;
  body: string;
  action: 'create' | 'edit' | 'delete';
  editedBy: string;
  editedAt: Date;
}

export interface TaggedEntity {
  entityType: AnnotatedEntityType;
  entityId: string;
  project: string;
  label: string;
  tags: string[];
}
