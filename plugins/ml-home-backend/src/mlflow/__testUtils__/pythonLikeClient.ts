/*
 * An MLflow client written the way MLflow's Python client calls the REST API
 * (mlflow/store/tracking/rest_store.py over mlflow/utils/rest_utils.py):
 * - the tracking URI plus `/api/2.0/mlflow/<endpoint>`, the token as `Authorization: Bearer`;
 * - a GET sends its fields as query parameters (a list as the same parameter repeated), the
 *   other methods send them as a JSON body;
 * - int64 fields as JSON numbers, doubles that are not finite as "NaN" / "Infinity" strings;
 * - urllib3's Retry: 408, 429, 500, 502, 503 and 504 are retried, with exponential backoff, the same
 *   request (method, URL and body) sent again, for every method;
 * - an answer that is not 200 raises with MLflow's `error_code` from the JSON body.
 */

/** What `RestException` carries. */
export class MlflowRestError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(`${errorCode}: ${message}`);
  }
}

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export class PythonLikeMlflowClient {
  /** Every attempt sent, in order (endpoint, status), for the tests to read. */
  readonly attempts: { endpoint: string; status: number }[] = [];

  constructor(
    private readonly trackingUri: string,
    private readonly token: string,
    private readonly retry = { max: 7, backoffMs: 5 },
  ) {}

  async call(
    endpoint: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    fields: Record<string, unknown> = {},
  ): Promise<any> {
    let url = `${this.trackingUri}/api/2.0/mlflow/${endpoint}`;
    let body: string | undefined;
    if (method === 'GET') {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        for (const item of Array.isArray(value) ? value : [value]) {
          query.append(key, String(item));
        }
      }
      const text = query.toString();
      if (text) url += `?${text}`;
    } else {
      body = JSON.stringify(fields);
    }
    for (let attempt = 0; ; attempt += 1) {
      const res = await fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${this.token}`,
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          'User-Agent': 'mlflow-python-client/2.17.2',
        },
        body,
      });
      this.attempts.push({ endpoint, status: res.status });
      if (RETRY_STATUSES.has(res.status) && attempt < this.retry.max) {
        await new Promise(r =>
          setTimeout(r, this.retry.backoffMs * 2 ** attempt),
        );
        continue;
      }
      const text = await res.text();
      let json: any;
      try {
        json = JSON.parse(text);
      } catch {
        throw new MlflowRestError(
          res.status,
          'INTERNAL_ERROR',
          `non-JSON answer: ${text.slice(0, 200)}`,
        );
      }
      if (res.status !== 200) {
        throw new MlflowRestError(
          res.status,
          json.error_code ?? 'INTERNAL_ERROR',
          json.message ?? text,
        );
      }
      return json;
    }
  }

  // The calls MlflowClient / mlflow.* make, with their request shapes.

  async createExperiment(name: string, tags: Record<string, string> = {}) {
    const res = await this.call('experiments/create', 'POST', {
      name,
      tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
    });
    return res.experiment_id as string;
  }

  getExperimentByName(name: string) {
    return this.call('experiments/get-by-name', 'GET', {
      experiment_name: name,
    });
  }

  async createRun(experimentId: string, runName: string, startTime: number) {
    const res = await this.call('runs/create', 'POST', {
      experiment_id: experimentId,
      user_id: 'trainer',
      start_time: startTime,
      tags: [
        { key: 'mlflow.user', value: 'trainer' },
        { key: 'mlflow.source.name', value: 'train.py' },
        { key: 'mlflow.source.type', value: 'LOCAL' },
        { key: 'mlflow.runName', value: runName },
      ],
      run_name: runName,
    });
    return res.run;
  }

  logParam(runId: string, key: string, value: string) {
    return this.call('runs/log-parameter', 'POST', {
      run_id: runId,
      run_uuid: runId,
      key,
      value,
    });
  }

  logBatch(
    runId: string,
    batch: {
      metrics?: {
        key: string;
        value: number;
        timestamp: number;
        step: number;
      }[];
      params?: { key: string; value: string }[];
      tags?: { key: string; value: string }[];
    },
  ) {
    const value = (v: number) => (Number.isFinite(v) ? v : String(v));
    return this.call('runs/log-batch', 'POST', {
      run_id: runId,
      metrics: (batch.metrics ?? []).map(m => ({
        ...m,
        value: value(m.value),
      })),
      params: batch.params ?? [],
      tags: batch.tags ?? [],
    });
  }

  setTag(runId: string, key: string, value: string) {
    return this.call('runs/set-tag', 'POST', {
      run_id: runId,
      run_uuid: runId,
      key,
      value,
    });
  }

  logInputs(runId: string, name: string, source: string, context: string) {
    return this.call('runs/log-inputs', 'POST', {
      run_id: runId,
      datasets: [
        {
          tags: [{ key: 'mlflow.data.context', value: context }],
          dataset: {
            name,
            digest: 'abc123',
            source_type: 'http',
            source: JSON.stringify({ url: source }),
            schema: '',
            profile: '',
          },
        },
      ],
    });
  }

  updateRun(runId: string, status: string, endTime: number) {
    return this.call('runs/update', 'POST', {
      run_id: runId,
      run_uuid: runId,
      status,
      end_time: endTime,
    });
  }

  createRegisteredModel(name: string, tags: Record<string, string> = {}) {
    return this.call('registered-models/create', 'POST', {
      name,
      tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
    });
  }

  createModelVersion(name: string, source: string, runId: string) {
    return this.call('model-versions/create', 'POST', {
      name,
      source,
      run_id: runId,
      tags: [],
    });
  }

  setRegisteredModelAlias(name: string, alias: string, version: string) {
    return this.call('registered-models/alias', 'POST', {
      name,
      alias,
      version,
    });
  }

  transitionModelVersionStage(name: string, version: string, stage: string) {
    return this.call('model-versions/transition-stage', 'POST', {
      name,
      version,
      stage,
      archive_existing_versions: false,
    });
  }

  searchRuns(
    experimentIds: string[],
    filter: string,
    orderBy: string[],
    maxResults = 1000,
    pageToken?: string,
  ) {
    return this.call('runs/search', 'POST', {
      experiment_ids: experimentIds,
      filter,
      run_view_type: 'ACTIVE_ONLY',
      max_results: maxResults,
      order_by: orderBy,
      ...(pageToken ? { page_token: pageToken } : {}),
    });
  }
}
