/*
 * The few calls of MLflow's REST API 2.0 the importer makes (mlflow/protos/service.proto and
 * model_registry.proto), and a strict reading of their answers: a field of the wrong type is a
 * malformed answer, which fails the import and is retried later, never half-read.
 */

/** What the importer keeps of an MLflow experiment. */
export interface MlflowExperiment {
  experimentId: string;
  name: string;
  lifecycleStage: string;
}

export interface MlflowKeyValue {
  key: string;
  value: string;
}

export interface MlflowMetric {
  key: string;
  /** A number, or NaN / ±Infinity (sent by MLflow as strings or bare tokens). */
  value: number;
  timestamp: number;
  step: number;
}

export interface MlflowDatasetInput {
  name: string;
  digest: string;
  source: string;
  context?: string;
}

export interface MlflowRun {
  runId: string;
  experimentId: string;
  runName: string;
  userId: string;
  status: string;
  startTime?: number;
  endTime?: number;
  lifecycleStage: string;
  /** The latest value of each metric. */
  metrics: MlflowMetric[];
  params: MlflowKeyValue[];
  tags: MlflowKeyValue[];
  inputs: MlflowDatasetInput[];
}

export interface MlflowRegisteredModel {
  name: string;
  description: string;
  lastUpdatedTimestamp: number;
  aliases: { alias: string; version: number }[];
  /** The latest version in each stage (MLflow's stages, which the door maps onto aliases). */
  latest: { version: number; stage: string }[];
}

export interface MlflowModelVersion {
  name: string;
  version: number;
  description: string;
  source: string;
  runId?: string;
  currentStage: string;
  lastUpdatedTimestamp: number;
}

export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

/** The server answered, but not with what MLflow's API defines. */
export class MalformedAnswerError extends Error {
  name = 'MalformedAnswerError';
}

/** The server answered with an error status. */
export class MlflowHttpError extends Error {
  name = 'MlflowHttpError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MalformedAnswerError(`${where} is not an object`);
  }
  return value as Json;
}

function array(value: unknown, where: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new MalformedAnswerError(`${where} is not a list`);
  }
  return value;
}

function string(value: unknown, where: string, fallback?: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string') {
    throw new MalformedAnswerError(`${where} is not a string`);
  }
  return value;
}

/** MLflow sends int64 fields as JSON numbers or as strings of digits. */
function int(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n =
    typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new MalformedAnswerError(`${where} is not an integer`);
  }
  return n;
}

function requiredInt(value: unknown, where: string): number {
  const n = int(value, where);
  if (n === undefined) throw new MalformedAnswerError(`${where} is missing`);
  return n;
}

function metricValue(value: unknown, where: string): number {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  throw new MalformedAnswerError(`${where} is not a metric value`);
}

function keyValues(value: unknown, where: string): MlflowKeyValue[] {
  return array(value, where).map((item, i) => {
    const kv = object(item, `${where}[${i}]`);
    return {
      key: string(kv.key, `${where}[${i}].key`),
      value: string(kv.value, `${where}[${i}].value`, ''),
    };
  });
}

function metric(value: unknown, where: string): MlflowMetric {
  const m = object(value, where);
  return {
    key: string(m.key, `${where}.key`),
    value: metricValue(m.value, `${where}.value`),
    timestamp: int(m.timestamp, `${where}.timestamp`) ?? 0,
    step: int(m.step, `${where}.step`) ?? 0,
  };
}

function nextToken(answer: Json, where: string): string | undefined {
  const token = answer.next_page_token;
  if (token === undefined || token === null || token === '') return undefined;
  return string(token, `${where}.next_page_token`);
}

function experiment(value: unknown, where: string): MlflowExperiment {
  const e = object(value, where);
  return {
    experimentId: String(
      requiredInt(e.experiment_id, `${where}.experiment_id`),
    ),
    name: string(e.name, `${where}.name`),
    lifecycleStage: string(
      e.lifecycle_stage,
      `${where}.lifecycle_stage`,
      'active',
    ),
  };
}

function run(value: unknown, where: string): MlflowRun {
  const r = object(value, where);
  const info = object(r.info, `${where}.info`);
  const data = r.data === undefined ? {} : object(r.data, `${where}.data`);
  const inputs =
    r.inputs === undefined ? {} : object(r.inputs, `${where}.inputs`);
  const runId = string(info.run_id ?? info.run_uuid, `${where}.info.run_id`);
  if (!/^[0-9a-f]{32}$/.test(runId)) {
    throw new MalformedAnswerError(
      `${where}.info.run_id '${runId.slice(0, 40)}' is not 32 hex digits`,
    );
  }
  return {
    runId,
    experimentId: String(
      requiredInt(info.experiment_id, `${where}.info.experiment_id`),
    ),
    runName: string(info.run_name, `${where}.info.run_name`, ''),
    userId: string(info.user_id, `${where}.info.user_id`, ''),
    status: string(info.status, `${where}.info.status`, 'RUNNING'),
    startTime: int(info.start_time, `${where}.info.start_time`),
    endTime: int(info.end_time, `${where}.info.end_time`),
    lifecycleStage: string(
      info.lifecycle_stage,
      `${where}.info.lifecycle_stage`,
      'active',
    ),
    metrics: array(data.metrics, `${where}.data.metrics`).map((m, i) =>
      metric(m, `${where}.data.metrics[${i}]`),
    ),
    params: keyValues(data.params, `${where}.data.params`),
    tags: keyValues(data.tags, `${where}.data.tags`),
    inputs: array(inputs.dataset_inputs, `${where}.inputs.dataset_inputs`).map(
      (item, i) => {
        const at = `${where}.inputs.dataset_inputs[${i}]`;
        const input = object(item, at);
        const dataset = object(input.dataset, `${at}.dataset`);
        const context = keyValues(input.tags, `${at}.tags`).find(
          t => t.key === 'mlflow.data.context',
        )?.value;
        return {
          name: string(dataset.name, `${at}.dataset.name`),
          digest: string(dataset.digest, `${at}.dataset.digest`, ''),
          source: string(dataset.source, `${at}.dataset.source`, ''),
          context,
        };
      },
    ),
  };
}

function registeredModel(value: unknown, where: string): MlflowRegisteredModel {
  const m = object(value, where);
  return {
    name: string(m.name, `${where}.name`),
    description: string(m.description, `${where}.description`, ''),
    lastUpdatedTimestamp:
      int(m.last_updated_timestamp, `${where}.last_updated_timestamp`) ?? 0,
    aliases: array(m.aliases, `${where}.aliases`).map((a, i) => {
      const alias = object(a, `${where}.aliases[${i}]`);
      return {
        alias: string(alias.alias, `${where}.aliases[${i}].alias`),
        version: requiredInt(alias.version, `${where}.aliases[${i}].version`),
      };
    }),
    latest: array(m.latest_versions, `${where}.latest_versions`).map((v, i) => {
      const at = `${where}.latest_versions[${i}]`;
      const version = object(v, at);
      return {
        version: requiredInt(version.version, `${at}.version`),
        stage: string(version.current_stage, `${at}.current_stage`, 'None'),
      };
    }),
  };
}

function modelVersion(value: unknown, where: string): MlflowModelVersion {
  const v = object(value, where);
  const runId =
    v.run_id === undefined || v.run_id === '' ? undefined : v.run_id;
  return {
    name: string(v.name, `${where}.name`),
    version: requiredInt(v.version, `${where}.version`),
    description: string(v.description, `${where}.description`, ''),
    source: string(v.source, `${where}.source`, ''),
    runId: runId === undefined ? undefined : string(runId, `${where}.run_id`),
    currentStage: string(v.current_stage, `${where}.current_stage`, 'None'),
    lastUpdatedTimestamp:
      int(v.last_updated_timestamp, `${where}.last_updated_timestamp`) ?? 0,
  };
}

/** MLflow sends NaN and ±Infinity as bare JSON tokens; JSON.parse rejects them. */
function parseMlflowJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Quote the bare tokens outside strings, then parse again.
    const quoted = text.replace(
      /("(?:[^"\\]|\\.)*")|(-?Infinity|NaN)/g,
      (match, str) => (str ? match : `"${match}"`),
    );
    try {
      return JSON.parse(quoted);
    } catch {
      throw new MalformedAnswerError(`${path}: the answer is not JSON`);
    }
  }
}

export interface MlflowClientOptions {
  url: string;
  authorization?: string;
  /** Milliseconds a call may take. */
  timeoutMs?: number;
}

/** A client of one MLflow tracking server. */
export class MlflowClient {
  constructor(private readonly options: MlflowClientOptions) {}

  private async call(
    path: string,
    init: { query?: Record<string, string | undefined>; body?: Json },
  ): Promise<Json> {
    const url = new URL(`${this.options.url}/api/2.0/mlflow/${path}`);
    for (const [key, value] of Object.entries(init.query ?? {})) {
      if (value !== undefined) url.searchParams.append(key, value);
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.authorization) {
      headers.authorization = this.options.authorization;
    }
    if (init.body) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: init.body ? 'POST' : 'GET',
        headers,
        body: init.body ? JSON.stringify(init.body) : undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      });
      text = await response.text();
    } catch (error) {
      // fetch says only "fetch failed"; the reason (ECONNREFUSED, a timeout, …) is its cause.
      const cause = (error as { cause?: { code?: string; message?: string } })
        .cause;
      throw new Error(
        `${path}: cannot reach ${url.origin} (${cause?.code ?? cause?.message ?? (error as Error).message})`,
      );
    }
    if (!response.ok) {
      let detail = text.slice(0, 300);
      try {
        const error = JSON.parse(text);
        if (error?.error_code) detail = `${error.error_code}: ${error.message}`;
      } catch {
        // Not MLflow's error shape: keep the start of the text.
      }
      throw new MlflowHttpError(
        `${path} answered ${response.status}: ${detail}`,
        response.status,
      );
    }
    return object(parseMlflowJson(text, path), path);
  }

  async searchExperiments(pageToken?: string): Promise<Page<MlflowExperiment>> {
    const answer = await this.call('experiments/search', {
      body: {
        max_results: 1000,
        view_type: 'ACTIVE_ONLY',
        ...(pageToken ? { page_token: pageToken } : {}),
      },
    });
    return {
      items: array(answer.experiments, 'experiments').map((e, i) =>
        experiment(e, `experiments[${i}]`),
      ),
      nextPageToken: nextToken(answer, 'experiments/search'),
    };
  }

  async getExperiment(idOrName: string): Promise<MlflowExperiment> {
    const answer = /^\d+$/.test(idOrName)
      ? await this.call('experiments/get', {
          query: { experiment_id: idOrName },
        })
      : await this.call('experiments/get-by-name', {
          query: { experiment_name: idOrName },
        });
    return experiment(answer.experiment, 'experiment');
  }

  async searchRuns(request: {
    experimentId: string;
    filter: string;
    viewType: 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';
    orderBy?: string[];
    maxResults: number;
    pageToken?: string;
  }): Promise<Page<MlflowRun>> {
    const answer = await this.call('runs/search', {
      body: {
        experiment_ids: [request.experimentId],
        filter: request.filter,
        run_view_type: request.viewType,
        max_results: request.maxResults,
        ...(request.orderBy ? { order_by: request.orderBy } : {}),
        ...(request.pageToken ? { page_token: request.pageToken } : {}),
      },
    });
    return {
      items: array(answer.runs, 'runs').map((r, i) => run(r, `runs[${i}]`)),
      nextPageToken: nextToken(answer, 'runs/search'),
    };
  }

  async getMetricHistory(
    runId: string,
    key: string,
    pageToken?: string,
  ): Promise<Page<MlflowMetric>> {
    const answer = await this.call('metrics/get-history', {
      query: {
        run_id: runId,
        metric_key: key,
        max_results: '25000',
        page_token: pageToken,
      },
    });
    return {
      items: array(answer.metrics, 'metrics').map((m, i) =>
        metric(m, `metrics[${i}]`),
      ),
      nextPageToken: nextToken(answer, 'metrics/get-history'),
    };
  }

  async searchRegisteredModels(
    pageToken?: string,
  ): Promise<Page<MlflowRegisteredModel>> {
    const answer = await this.call('registered-models/search', {
      query: { max_results: '1000', page_token: pageToken },
    });
    return {
      items: array(answer.registered_models, 'registered_models').map((m, i) =>
        registeredModel(m, `registered_models[${i}]`),
      ),
      nextPageToken: nextToken(answer, 'registered-models/search'),
    };
  }

  async searchModelVersions(
    model: string,
    pageToken?: string,
  ): Promise<Page<MlflowModelVersion>> {
    const answer = await this.call('model-versions/search', {
      query: {
        filter: `name='${model.replace(/'/g, "\\'")}'`,
        max_results: '1000',
        page_token: pageToken,
      },
    });
    return {
      items: array(answer.model_versions, 'model_versions').map((v, i) =>
        modelVersion(v, `model_versions[${i}]`),
      ),
      nextPageToken: nextToken(answer, 'model-versions/search'),
    };
  }
}
