/*
 * Raw row types of the tables in migrations/, exactly as the drivers return them. They are
 * deliberately loose where SQLite and PostgreSQL disagree, so that the compiler forces every
 * reader through a mapper that normalises them (STYLE.md, convention 5):
 *
 * - `timestamp` columns: PostgreSQL returns a Date; SQLite returns whatever was written, a number
 *   of milliseconds (Knex binds a Date as such) or an ISO string.
 * - `boolean` columns: PostgreSQL returns a boolean, SQLite 0 or 1.
 * - `bigInteger` columns (and bigIncrements ids): PostgreSQL returns a string, since a 64-bit
 *   integer may not fit a JavaScript number; SQLite returns a number.
 * - `double` columns: PostgreSQL may return ±Infinity and NaN as strings.
 *
 * Each store reads its tables through these; a query that joins or aliases columns declares the
 * shape it selects as an extension of them.
 */

/**
 * A `timestamp` column as the drivers return it.
 *
 * @internal
 */
export type DbTimestamp = Date | string | number;

/**
 * A `boolean` column as the drivers return it.
 *
 * @internal
 */
export type DbBoolean = boolean | number;

/**
 * A `bigInteger` column (or an aggregate such as `count(*)`) as the drivers return it.
 *
 * @internal
 */
export type DbBigInt = number | string;

/**
 * A `double` column as the drivers return it.
 *
 * @internal
 */
export type DbDouble = number | string;

/**
 * What `count({ n: '*' })` selects.
 *
 * @internal
 */
export interface CountRow {
  n: DbBigInt;
}

/**
 * A row of `projects`.
 *
 * @internal
 */
export interface ProjectRow {
  id: string;
  name: string;
  title: string;
  description: string;
  owner: string;
  lifecycle: string;
  /** JSON array of `{ title, url }`. */
  links: string;
  /** JSON array of catalog entity refs. */
  related_entities: string;
  search_text: string;
  created_by: string;
  updated_by: string;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
  last_activity_at: DbTimestamp;
  deleted_at: DbTimestamp | null;
}

/**
 * A row of `project_tags`.
 *
 * @internal
 */
export interface ProjectTagRow {
  project_id: string;
  tag: string;
}

/**
 * A row of `experiments`.
 *
 * @internal
 */
export interface ExperimentRow {
  /** An `increments` column: a 32-bit integer, a number on both drivers. */
  id: number;
  project_id: string;
  name: string;
  description: string;
  lifecycle_stage: string;
  created_by: string;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
}

/**
 * A row of `runs`.
 *
 * @internal
 */
export interface RunRow {
  id: string;
  experiment_id: number;
  project_id: string;
  name: string;
  status: string;
  user: string;
  start_time: DbBigInt;
  end_time: DbBigInt | null;
  lifecycle_stage: string;
  source_kind: string | null;
  source_uri: string | null;
  source_git_commit: string | null;
  source_pipeline_run: string | null;
  /** JSON array of input dataset references (unused since `run_inputs`; always `[]`). */
  inputs: string;
  /** The run's latest metrics folded into one JSON text, see runs/metricSummaries.ts. */
  metrics_summary: string | null;
  created_by: string;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
}

/**
 * A row of `run_params`.
 *
 * @internal
 */
export interface RunParamRow {
  run_id: string;
  key: string;
  value: string;
}

/**
 * A row of `run_tags`.
 *
 * @internal
 */
export interface RunTagRow {
  run_id: string;
  key: string;
  value: string;
}

/**
 * A row of `metric_points`.
 *
 * @internal
 */
export interface MetricPointRow {
  run_id: string;
  key: string;
  step: DbBigInt;
  timestamp: DbBigInt;
  /** 0 when `is_nan`, since SQLite cannot store NaN. */
  value: DbDouble;
  is_nan: DbBoolean;
}

/**
 * A row of `latest_metrics`.
 *
 * @internal
 */
export interface LatestMetricRow {
  run_id: string;
  project_id: string;
  key: string;
  /** 0 when `is_nan`, since SQLite cannot store NaN. */
  value: DbDouble;
  is_nan: DbBoolean;
  step: DbBigInt;
  timestamp: DbBigInt;
  min_value: DbDouble | null;
  max_value: DbDouble | null;
  point_count: DbBigInt;
}

/**
 * A row of `events`.
 *
 * @internal
 */
export interface EventRow {
  id: DbBigInt;
  project_id: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  created_at: DbTimestamp;
}

/**
 * A row of `ingestion_requests`.
 *
 * @internal
 */
export interface IngestionRequestRow {
  request_id: string;
  project_id: string;
  /** SHA-256 of the request; null for requests recorded before it was kept. */
  request_hash: string | null;
  /** JSON body returned to the first call. */
  response: string;
  created_at: DbTimestamp;
}

/**
 * A row of `models`.
 *
 * @internal
 */
export interface ModelRow {
  id: string;
  project_id: string;
  name: string;
  description: string;
  /** The model's own owner; null when it is the project's. */
  owner: string | null;
  created_by: string;
  updated_by: string;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
}

/**
 * A row of `model_versions`.
 *
 * @internal
 */
export interface ModelVersionRow {
  id: string;
  model_id: string;
  version: DbBigInt;
  run_id: string | null;
  artifact_uri: string;
  framework: string;
  description: string;
  /** JSON object of model card sections. */
  model_card: string;
  created_by: string;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
}

/**
 * A row of `model_aliases`.
 *
 * @internal
 */
export interface ModelAliasRow {
  model_id: string;
  alias: string;
  version_id: string;
  updated_by: string;
  updated_at: DbTimestamp;
}

/**
 * A row of `model_alias_history`.
 *
 * @internal
 */
export interface ModelAliasHistoryRow {
  id: DbBigInt;
  model_id: string;
  alias: string;
  from_version: DbBigInt | null;
  to_version: DbBigInt | null;
  actor: string;
  created_at: DbTimestamp;
}

/**
 * A row of `datasets`.
 *
 * @internal
 */
export interface DatasetRow {
  id: string;
  project_id: string;
  name: string;
  kind: string;
  uri: string;
  description: string;
  /** JSON array of `{ name, type, description }`. */
  features: string;
  created_by: string;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
}

/**
 * A row of `run_inputs`.
 *
 * @internal
 */
export interface RunInputRow {
  run_id: string;
  dataset_id: string;
}

/**
 * A row of `deployments`.
 *
 * @internal
 */
export interface DeploymentRow {
  id: string;
  model_version_id: string;
  environment: string;
  service: string;
  endpoint: string;
  status: string;
  deployed_at: DbTimestamp;
  retired_at: DbTimestamp | null;
  created_by: string;
}

/**
 * A row of `monitoring_points`.
 *
 * @internal
 */
export interface MonitoringPointRow {
  deployment_id: string;
  metric: string;
  timestamp: DbBigInt;
  value: DbDouble;
  is_nan: DbBoolean;
}

/**
 * A row of `evaluations`.
 *
 * @internal
 */
export interface EvaluationRow {
  id: string;
  project_id: string;
  model_version_id: string;
  dataset_id: string;
  baseline_version_id: string | null;
  name: string;
  description: string;
  /** JSON object: metric key → `higher` | `lower`. */
  directions: string;
  tolerance: DbDouble;
  result_count: DbBigInt;
  created_by: string;
  created_at: DbTimestamp;
  updated_by: string;
  updated_at: DbTimestamp;
}

/**
 * A row of `evaluation_results`.
 *
 * @internal
 */
export interface EvaluationResultRow {
  evaluation_id: string;
  slice: string;
  metric: string;
  value: DbDouble;
  is_nan: DbBoolean;
}

/**
 * A row of `evaluation_thresholds`.
 *
 * @internal
 */
export interface EvaluationThresholdRow {
  evaluation_id: string;
  position: DbBigInt;
  metric: string;
  slice: string | null;
  op: string;
  value: DbDouble;
}

/**
 * A row of `notes`.
 *
 * @internal
 */
export interface NoteRow {
  id: string;
  project_id: string;
  entity_type: string;
  entity_id: string;
  body: string;
  revision: DbBigInt;
  created_by: string;
  created_at: DbTimestamp;
  updated_by: string;
  updated_at: DbTimestamp;
  deleted_at: DbTimestamp | null;
}

/**
 * A row of `note_revisions`.
 *
 * @internal
 */
export interface NoteRevisionRow {
  note_id: string;
  revision: DbBigInt;
  body: string;
  action: string;
  edited_by: string;
  edited_at: DbTimestamp;
}

/**
 * A row of `entity_tags`.
 *
 * @internal
 */
export interface EntityTagRow {
  project_id: string;
  entity_type: string;
  entity_id: string;
  tag: string;
}

/**
 * A row of `project_tokens`.
 *
 * @internal
 */
export interface ProjectTokenRow {
  id: string;
  project_id: string;
  name: string;
  secret_hash: string;
  prefix: string;
  created_by: string;
  created_at: DbTimestamp;
  expires_at: DbTimestamp;
  last_used_at: DbTimestamp | null;
  revoked_at: DbTimestamp | null;
  revoked_by: string | null;
}

/**
 * A row of `project_metric_directions` or `model_metric_directions` (without its owner's id).
 *
 * @internal
 */
export interface MetricDirectionRow {
  metric: string;
  direction: string;
  updated_by: string;
  updated_at: DbTimestamp;
}
