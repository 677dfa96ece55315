import http from 'http';
import { AddressInfo, Socket } from 'net';

/*
 * A small HTTP server that answers the importer's calls the way an MLflow tracking server does
 * (paths, request and answer shapes of MLflow 2.x, page tokens), over data a test sets up and
 * changes, with faults to inject: an error status or a malformed body on a chosen call, or the
 * whole server going away and coming back on the same port.
 */

export interface FakeRun {
  runId: string;
  experimentId: string;
  name: string;
  status: string;
  startTime: number;
  endTime?: number;
  lifecycle: 'active' | 'deleted';
  params: Record<string, string>;
  tags: Record<string, string>;
  /** Every point of every metric, in logging order. */
  metrics: { key: string; value: number; step: number; timestamp: number }[];
  inputs?: { name: string; source: string; context: string }[];
}

export interface FakeModelVersion {
  version: number;
  source: string;
  runId?: string;
  stage: string;
}

export interface FakeModel {
  name: string;
  description: string;
  lastUpdated: number;
  versions: FakeModelVersion[];
  aliases: Record<string, number>;
}

/** A fault for one call: answered instead of the real answer. */
export type Fault = { status: number; body?: string } | { malformed: string };

export interface RecordedCall {
  path: string;
  query: URLSearchParams;
  body: any;
}

const encode = (offset: number) =>
  Buffer.from(JSON.stringify({ offset })).toString('base64');
const decode = (token: unknown) =>
  token
    ? (JSON.parse(Buffer.from(String(token), 'base64').toString())
        .offset as number)
    : 0;

/** MLflow's JSON: non-finite metric values as bare tokens, as its Python server writes them. */
function mlflowJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    typeof v === 'number' && !Number.isFinite(v) ? `@@${v}@@` : v,
  ).replace(/"@@(NaN|Infinity|-Infinity)@@"/g, '$1');
}

export class FakeMlflowServer {
  experiments: { id: string; name: string }[] = [];
  runs: FakeRun[] = [];
  models: FakeModel[] = [];
  /** Largest page each list answers, whatever max_results asks (to force paging). */
  pageSize = { runs: 3, history: 2, models: 1, versions: 1, experiments: 1 };
  calls: RecordedCall[] = [];
  /** Decides a fault for a call, by its path and its index among calls to that path. */
  fault?: (call: RecordedCall, nth: number) => Fault | undefined;
  /** A token the server requires, if any. */
  token?: string;

  private server?: http.Server;
  private sockets = new Set<Socket>();
  private port = 0;

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.on('connection', socket => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>(resolve =>
      this.server!.listen(this.port, '127.0.0.1', () => resolve()),
    );
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** The server goes away: its port refuses connections until start() again. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>(resolve => this.server?.close(() => resolve()));
    this.server = undefined;
  }

  callsTo(path: string) {
    return this.calls.filter(c => c.path === path);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    let text = '';
    req.on('data', chunk => {
      text += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const call: RecordedCall = {
        path: url.pathname.replace(/^\/api\/2\.0\/mlflow\//, ''),
        query: url.searchParams,
        body: text ? JSON.parse(text) : undefined,
      };
      this.calls.push(call);
      const send = (status: number, body: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      };
      if (this.token && req.headers.authorization !== `Bearer ${this.token}`) {
        send(
          401,
          JSON.stringify({
            error_code: 'UNAUTHENTICATED',
            message: 'no token',
          }),
        );
        return;
      }
      const fault = this.fault?.(call, this.callsTo(call.path).length - 1);
      if (fault && 'malformed' in fault) {
        send(200, fault.malformed);
        return;
      }
      if (fault) {
        send(
          fault.status,
          fault.body ??
            JSON.stringify({ error_code: 'INTERNAL_ERROR', message: 'boom' }),
        );
        return;
      }
      try {
        const answer = this.answer(call, req.method ?? 'GET');
        if (answer === undefined) {
          send(
            404,
            JSON.stringify({
              error_code: 'ENDPOINT_NOT_FOUND',
              message: call.path,
            }),
          );
        } else {
          send(200, mlflowJson(answer));
        }
      } catch (error) {
        send(
          404,
          JSON.stringify({
            error_code: 'RESOURCE_DOES_NOT_EXIST',
            message: String(error),
          }),
        );
      }
    });
  }

  private page<T>(items: T[], token: unknown, max: number, size: number) {
    const offset = decode(token);
    const limit = Math.min(max || size, size);
    const slice = items.slice(offset, offset + limit);
    const next =
      offset + limit < items.length ? encode(offset + limit) : undefined;
    return { slice, next };
  }

  private runJson(run: FakeRun) {
    const latest = new Map<string, FakeRun['metrics'][number]>();
    for (const m of run.metrics) {
      const old = latest.get(m.key);
      if (!old || m.step >= old.step) latest.set(m.key, m);
    }
    return {
      info: {
        run_id: run.runId,
        run_uuid: run.runId,
        experiment_id: run.experimentId,
        run_name: run.name,
        user_id: 'alice',
        status: run.status,
        start_time: run.startTime,
        ...(run.endTime !== undefined ? { end_time: run.endTime } : {}),
        artifact_uri: `mlflow-artifacts:/${run.runId}`,
        lifecycle_stage: run.lifecycle,
      },
      data: {
        metrics: [...latest.values()],
        params: Object.entries(run.params).map(([key, value]) => ({
          key,
          value,
        })),
        tags: Object.entries(run.tags).map(([key, value]) => ({ key, value })),
      },
      inputs: {
        dataset_inputs: (run.inputs ?? []).map(i => ({
          tags: [{ key: 'mlflow.data.context', value: i.context }],
          dataset: {
            name: i.name,
            digest: 'abc123',
            source_type: 'local',
            source: i.source,
          },
        })),
      },
    };
  }

  private answer(call: RecordedCall, method: string): unknown {
    const q = call.query;
    switch (`${method} ${call.path}`) {
      case 'POST experiments/search': {
        const { slice, next } = this.page(
          this.experiments,
          call.body.page_token,
          call.body.max_results,
          this.pageSize.experiments,
        );
        return {
          experiments: slice.map(e => ({
            experiment_id: e.id,
            name: e.name,
            lifecycle_stage: 'active',
          })),
          ...(next ? { next_page_token: next } : {}),
        };
      }
      case 'GET experiments/get-by-name':
      case 'GET experiments/get': {
        const e = this.experiments.find(
          x =>
            x.name === q.get('experiment_name') ||
            x.id === q.get('experiment_id'),
        );
        if (!e) throw new Error('no such experiment');
        return {
          experiment: {
            experiment_id: e.id,
            name: e.name,
            lifecycle_stage: 'active',
          },
        };
      }
      case 'POST runs/search': {
        const {
          experiment_ids,
          filter,
          run_view_type,
          order_by,
          page_token,
          max_results,
        } = call.body;
        let runs = this.runs.filter(r =>
          experiment_ids.includes(r.experimentId),
        );
        const view = run_view_type ?? 'ACTIVE_ONLY';
        if (view === 'ACTIVE_ONLY')
          runs = runs.filter(r => r.lifecycle === 'active');
        if (view === 'DELETED_ONLY')
          runs = runs.filter(r => r.lifecycle === 'deleted');
        const since = /^attributes\.start_time >= (\d+)$/.exec(filter ?? '');
        const ids = /^attributes\.run_id IN \((.*)\)$/.exec(filter ?? '');
        if (since) runs = runs.filter(r => r.startTime >= Number(since[1]));
        else if (ids) {
          const wanted = ids[1].split(',').map(s => s.trim().replace(/'/g, ''));
          runs = runs.filter(r => wanted.includes(r.runId));
        } else if (filter) throw new Error(`filter not understood: ${filter}`);
        if (order_by?.[0] === 'attributes.start_time ASC') {
          runs = [...runs].sort((a, b) => a.startTime - b.startTime);
        }
        const { slice, next } = this.page(
          runs,
          page_token,
          max_results,
          this.pageSize.runs,
        );
        return {
          runs: slice.map(r => this.runJson(r)),
          ...(next ? { next_page_token: next } : {}),
        };
      }
      case 'GET metrics/get-history': {
        const run = this.runs.find(r => r.runId === q.get('run_id'));
        if (!run) throw new Error('no such run');
        const points = run.metrics.filter(m => m.key === q.get('metric_key'));
        const { slice, next } = this.page(
          points,
          q.get('page_token'),
          Number(q.get('max_results')),
          this.pageSize.history,
        );
        return { metrics: slice, ...(next ? { next_page_token: next } : {}) };
      }
      case 'GET registered-models/search': {
        const { slice, next } = this.page(
          this.models,
          q.get('page_token'),
          Number(q.get('max_results')),
          this.pageSize.models,
        );
        return {
          registered_models: slice.map(m => {
            const latest = new Map<string, FakeModelVersion>();
            for (const v of m.versions) latest.set(v.stage, v);
            return {
              name: m.name,
              description: m.description,
              creation_timestamp: 1,
              last_updated_timestamp: m.lastUpdated,
              latest_versions: [...latest.values()].map(v => ({
                name: m.name,
                version: String(v.version),
                current_stage: v.stage,
              })),
              aliases: Object.entries(m.aliases).map(([alias, version]) => ({
                alias,
                version: String(version),
              })),
            };
          }),
          ...(next ? { next_page_token: next } : {}),
        };
      }
      case 'GET model-versions/search': {
        const name = /^name='(.*)'$/.exec(q.get('filter') ?? '')?.[1];
        const model = this.models.find(m => m.name === name);
        const { slice, next } = this.page(
          model?.versions ?? [],
          q.get('page_token'),
          Number(q.get('max_results')),
          this.pageSize.versions,
        );
        return {
          model_versions: slice.map(v => ({
            name,
            version: String(v.version),
            creation_timestamp: 1,
            last_updated_timestamp: 1,
            current_stage: v.stage,
            description: '',
            source: v.source,
            ...(v.runId ? { run_id: v.runId } : {}),
            status: 'READY',
          })),
          ...(next ? { next_page_token: next } : {}),
        };
      }
      default:
        return undefined;
    }
  }
}
