import { formatMetricValue } from '@ml-home/plugin-ml-home-common';
import {
  KeyValue,
  LatestMetric,
  Model,
  ModelVersion,
  Run,
} from '../domain/types';
import { MlflowExperimentRecord, StoredPoint } from './DatabaseMlflowStore';

/*
 * ML Home's domain → MLflow's JSON, as MLflow's server writes it (mlflow/utils/proto_json_utils.py
 * `message_to_json`): snake_case field names, ids as strings, int64 times and steps as JSON
 * numbers, doubles that are not finite as the strings "NaN", "Infinity" and "-Infinity", fields
 * that are unset left out.
 */

/** The tag that names an experiment's or registered model's ML Home project. */
export const PROJECT_TAG = 'ml-home.project';
/** Where the client said an experiment's artifacts go (ML Home stores no artifacts itself). */
export const ARTIFACT_LOCATION_TAG = 'ml-home.artifact_location';
/** A version archived with `transition-stage` (MLflow's Archived stage). */
export const ARCHIVED_TAG = 'ml-home.stage';

/** MLflow's stages and the aliases that stand for them. */
export const STAGE_ALIASES = new Map([
  ['Production', 'production'],
  ['Staging', 'staging'],
]);

export type Json = Record<string, unknown>;

/** A double as MLflow's JSON writes it. */
export const metricValueToJson = (value: number): number | string =>
  formatMetricValue(value);

export function artifactLocation(e: {
  id: number | string;
  tags?: KeyValue[];
}): string {
  return (
    e.tags?.find(t => t.key === ARTIFACT_LOCATION_TAG)?.value ??
    `mlflow-artifacts:/${e.id}`
  );
}

export function experimentToJson(e: MlflowExperimentRecord): Json {
  return {
    experiment_id: String(e.id),
    name: e.name,
    artifact_location: artifactLocation(e),
    lifecycle_stage: e.lifecycleStage,
    last_update_time: e.updatedAt.getTime(),
    creation_time: e.createdAt.getTime(),
    tags: e.tags,
  };
}

export interface RunInfoSource {
  id: string;
  experimentId: number | string;
  name: string;
  status: string;
  user: string;
  startTime: number;
  endTime?: number;
  lifecycleStage: string;
}

export function runInfoToJson(r: RunInfoSource, location: string): Json {
  return {
    run_id: r.id,
    run_uuid: r.id,
    run_name: r.name,
    experiment_id: String(r.experimentId),
    user_id: r.user,
    status: r.status,
    start_time: r.startTime,
    ...(r.endTime !== undefined ? { end_time: r.endTime } : {}),
    artifact_uri: `${location}/${r.id}/artifacts`,
    lifecycle_stage: r.lifecycleStage,
  };
}

function latestToJson(m: LatestMetric): Json {
  return {
    key: m.key,
    value: metricValueToJson(m.value),
    timestamp: m.timestamp,
    step: m.step,
  };
}

export function pointToJson(p: StoredPoint): Json {
  return {
    key: p.key,
    value: metricValueToJson(p.value),
    timestamp: p.timestamp,
    step: p.step,
  };
}

export function runToJson(
  r: Run,
  location: string,
  inputs: { name: string; uri: string }[] = [],
): Json {
  return {
    info: runInfoToJson(r, location),
    data: {
      metrics: r.metrics.map(latestToJson),
      params: r.params,
      tags: r.tags,
    },
    inputs: {
      dataset_inputs: inputs.map(d => ({
        tags: [],
        dataset: {
          name: d.name,
          digest: '',
          source_type: d.uri ? 'external' : '',
          source: d.uri ? JSON.stringify({ uri: d.uri }) : '',
        },
      })),
    },
  };
}

/** A version's stage: the stage alias pointing at it, else Archived when archived, else None. */
export function stageOf(version: ModelVersion, tags: KeyValue[]): string {
  for (const [stage, alias] of STAGE_ALIASES) {
    if (version.aliases.includes(alias)) return stage;
  }
  return tags.some(t => t.key === ARCHIVED_TAG && t.value === 'Archived')
    ? 'Archived'
    : 'None';
}

export function versionToJson(v: ModelVersion, tags: KeyValue[]): Json {
  return {
    name: v.model,
    version: String(v.version),
    creation_timestamp: v.createdAt.getTime(),
    last_updated_timestamp: v.createdAt.getTime(),
    user_id: v.createdBy,
    current_stage: stageOf(v, tags),
    description: v.description,
    source: v.artifactUri,
    ...(v.runId ? { run_id: v.runId } : {}),
    status: 'READY',
    tags: tags.filter(t => t.key !== ARCHIVED_TAG),
    run_link: '',
    aliases: v.aliases,
  };
}

export function registeredModelToJson(
  m: Model,
  tags: KeyValue[],
  latest: Json[],
): Json {
  return {
    name: m.name,
    creation_timestamp: m.createdAt.getTime(),
    last_updated_timestamp: m.updatedAt.getTime(),
    user_id: m.createdBy,
    description: m.description,
    latest_versions: latest,
    tags,
    aliases: m.aliases.map(a => ({
      alias: a.alias,
      version: String(a.version),
    })),
  };
}
