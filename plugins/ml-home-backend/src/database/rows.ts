/*
 * Raw row types of the tables in migrations/20261126000000_init.js, exactly
 * as the drivers return them. They are deliberately loose where SQLite and
 * PostgreSQL disagree, so that the compiler forces every reader through a
 * mapper that normalises them (STYLE.md, convention 5):
 *
 * - `timestamp` columns: PostgreSQL returns a Date; SQLite returns whatever
 *   was written, a number of milliseconds (Knex binds a Date as such) or an
 *   ISO string.
 * - `boolean` columns: PostgreSQL returns a boolean, SQLite 0 or 1.
 * - `bigInteger` columns (and bigIncrements ids): PostgreSQL returns a
 *   string, since a 64-bit integer may not fit a JavaScript number; SQLite
 *   returns a number.
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
 * A `bigInteger` column as the drivers return it.
 *
 * @internal
 */
export type DbBigInt = number | string;

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
 * A row of `experiment_tags`.
 *
 * @internal
 */
export interface ExperimentTagRow {
  experiment_id: number;
  key: string;
  value: string;
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
  /** JSON array of input dataset references. */
  inputs: string;
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
  value: number;
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
  value: number;
  is_nan: DbBoolean;
  step: DbBigInt;
  timestamp: DbBigInt;
  min_value: number | null;
  max_value: number | null;
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
  /** JSON body returned to the first call. */
  response: string;
  created_at: DbTimestamp;
}
