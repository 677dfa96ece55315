import { ConflictError } from '@backstage/errors';
import type { IngestResult } from '@ml-home/plugin-ml-home-common';
import { Knex } from 'knex';
import {
  MetricPointInput,
  Project,
  RunSource,
  RunStatus,
} from '../domain/types';
import {
  fromDbFloat,
  fromDbInt,
  fromDbMetric,
  toDbMetric,
  toDbTime,
} from '../database/mappers';
import { INSERT_CHUNK, IN_CHUNK, chunks } from '../database/queryHelpers';
import {
  ExperimentRow,
  IngestionRequestRow,
  LatestMetricRow,
  MetricPointRow,
  RunParamRow,
  RunRow,
  RunTagRow,
} from '../database/rows';
import { refreshMetricSummaries } from '../runs/metricSummaries';
import { SeriesChange, updateSeriesChunks } from '../runs/metricSeriesChunks';
import {
  BulkColumn,
  PgConnection,
  SqliteConnection,
  bulkInsert,
  copyInto,
  driverConnection,
  preparedStatement,
} from '../database/driverConnection';

/** A run as the batch found it: where it belongs. */
export interface KnownRun {
  projectId: string;
  experimentId: number;
}

/** What a batch may change of a run that exists. */
export interface RunChanges {
  name?: string;
  status?: RunStatus;
  startTime?: number;
  endTime?: number;
}

/** A run a batch creates. */
export interface NewRun {
  runId: string;
  experimentId: number;
  name: string;
  status: RunStatus;
  user: string;
  startTime: number;
  endTime?: number;
  source?: RunSource;
}

/** A param or tag of a run. */
export interface RunKeyValue {
  runId: string;
  key: string;
  value: string;
}

/** The metric points a batch carries for one run, in the batch's order. */
export interface RunMetricPoints {
  runId: string;
  /** The batch creates the run: none of its points is stored yet. */
  created: boolean;
  metrics: readonly MetricPointInput[];
}

/** One metric of one run as `latest_metrics` keeps it. */
export interface LatestMetricState {
  runId: string;
  key: string;
  /** The latest point by MLflow's rule: step, then timestamp, then value. */
  latest: { step: number; timestamp: number; value: number };
  /** Over non-NaN values; null when every point is NaN. */
  min: number | null;
  max: number | null;
  /** Points stored. */
  count: number;
}

/** The key of a run's param, tag or metric in the maps the steps share. */
export const runKey = (runId: string, key: string) => `${runId}\u0000${key}`;

/**
 * What a batch writes, step by step (see writeBatch.ts, which composes the steps in one unit of
 * work). Each method is one step's SQL; the rules (which conflict is a 409, how points fold)
 * are the caller's.
 */
export interface IngestionStore {
  /**
   * Claims a requestId before anything is written, or finds the answer to replay. A requestId
   * of another project, or of a different batch (another hash), is a 409.
   */
  claimRequest(
    project: Project,
    requestId: string,
    requestHash: string | undefined,
    at: Date,
  ): Promise<IngestResult | undefined>;
  /** Stores the answer a retry with the same requestId gets back. */
  recordAnswer(requestId: string, result: IngestResult): Promise<void>;
  /** The ids of the project's experiments by name, created on first use. */
  ensureExperiments(
    project: Project,
    names: string[],
    actor: string,
    at: Date,
  ): Promise<Map<string, number>>;
  /**
   * The runs among these ids that exist, locked until the unit of work ends (PostgreSQL; SQLite
   * writes one transaction at a time), taken in id order so that batches sharing runs cannot
   * deadlock.
   */
  lockRuns(runIds: string[]): Promise<Map<string, KnownRun>>;
  updateRun(runId: string, changes: RunChanges, at: Date): Promise<void>;
  insertRuns(
    project: Project,
    runs: NewRun[],
    actor: string,
    at: Date,
  ): Promise<void>;
  /** The params stored for these runs, by {@link runKey}. */
  readParams(runIds: string[]): Promise<Map<string, string>>;
  insertParams(params: RunKeyValue[]): Promise<void>;
  /** Writes tags; a tag that exists takes the new value. */
  upsertTags(tags: RunKeyValue[]): Promise<void>;
  /**
   * Writes metric points; a point already stored, or sent twice, is one point. Returns how many
   * new points each run and key got, by {@link runKey}.
   */
  insertPoints(runs: readonly RunMetricPoints[]): Promise<Map<string, number>>;
  /** The latest metrics stored for these runs, by {@link runKey}. */
  readLatestMetrics(runIds: string[]): Promise<Map<string, LatestMetricState>>;
  writeLatestMetrics(
    project: Project,
    metrics: LatestMetricState[],
  ): Promise<void>;
  /** Rewrites the runs' `metrics_summary` from their latest metrics. */
  refreshMetricSummaries(runIds: string[]): Promise<void>;
  /** Brings the chunks of these long series up to date (see runs/metricSeriesChunks.ts). */
  updateSeriesChunks(changes: SeriesChange[]): Promise<void>;
}

const RUN_COLUMNS: BulkColumn<Omit<RunRow, 'metrics_summary'>>[] = [
  { name: 'id', pgType: 'text' },
  { name: 'experiment_id', pgType: 'bigint' },
  { name: 'project_id', pgType: 'text' },
  { name: 'name', pgType: 'text' },
  { name: 'status', pgType: 'text' },
  { name: 'user', pgType: 'text' },
  { name: 'start_time', pgType: 'bigint' },
  { name: 'end_time', pgType: 'bigint' },
  { name: 'lifecycle_stage', pgType: 'text' },
  { name: 'source_kind', pgType: 'text' },
  { name: 'source_uri', pgType: 'text' },
  { name: 'source_git_commit', pgType: 'text' },
  { name: 'source_pipeline_run', pgType: 'text' },
  { name: 'inputs', pgType: 'text' },
  { name: 'created_by', pgType: 'text' },
  { name: 'created_at', pgType: 'timestamptz' },
  { name: 'updated_at', pgType: 'timestamptz' },
];

const KEY_VALUE_COLUMNS: BulkColumn<RunParamRow | RunTagRow>[] = [
  { name: 'run_id', pgType: 'text' },
  { name: 'key', pgType: 'text' },
  { name: 'value', pgType: 'text' },
];

/** The key columns first: the rest is what an upsert overwrites. */
const LATEST_METRIC_COLUMNS: BulkColumn<LatestMetricRow>[] = [
  { name: 'run_id', pgType: 'text' },
  { name: 'key', pgType: 'text' },
  { name: 'project_id', pgType: 'text' },
  { name: 'value', pgType: 'float8' },
  { name: 'is_nan', pgType: 'boolean' },
  { name: 'step', pgType: 'bigint' },
  { name: 'timestamp', pgType: 'bigint' },
  { name: 'min_value', pgType: 'float8' },
  { name: 'max_value', pgType: 'float8' },
  { name: 'point_count', pgType: 'bigint' },
];

/**
 * The Knex implementation of {@link IngestionStore}; meant to run inside a unit of work. The
 * bulk writes (runs, params, tags, points, latest metrics) go straight to the driver, see
 * bulkInsert.
 */
export class DatabaseIngestionStore implements IngestionStore {
  constructor(private readonly db: Knex) {}

  /*
   * The row goes in first and gets its answer when the batch is done, in the same transaction. A
   * concurrent call with the same requestId inserts the same key: PostgreSQL makes it wait until
   * this transaction ends, then it finds the committed row and replays it (or claims the key if
   * this one rolled back); SQLite runs one write transaction at a time. So concurrent retries are
   * one write and one replay, never a unique violation.
   */
  async claimRequest(
    project: Project,
    requestId: string,
    requestHash: string | undefined,
    at: Date,
  ): Promise<IngestResult | undefined> {
    const claimed = await this.db<IngestionRequestRow>('ingestion_requests')
      .insert({
        request_id: requestId,
        project_id: project.id,
        request_hash: requestHash ?? null,
        response: '{}',
        created_at: toDbTime(at),
      })
      .onConflict('request_id')
      .ignore()
      .returning('request_id');
    if (claimed.length) {
      return undefined;
    }
    const previous = (await this.db<IngestionRequestRow>('ingestion_requests')
      .where('request_id', requestId)
      .first('project_id', 'request_hash', 'response'))!;
    if (previous.project_id !== project.id) {
      throw new ConflictError(
        `requestId '${requestId}' was already used for another project`,
      );
    }
    // Requests recorded before their hash was kept replay whatever is sent.
    if (
      previous.request_hash !== null &&
      previous.request_hash !== (requestHash ?? null)
    ) {
      throw new ConflictError(
        `requestId '${requestId}' was already used for a different batch; a retry sends the same batch, a new batch needs a new requestId`,
      );
    }
    return {
      ...(JSON.parse(previous.response) as IngestResult),
      replayed: true,
    };
  }

  async recordAnswer(requestId: string, result: IngestResult): Promise<void> {
    await this.db<IngestionRequestRow>('ingestion_requests')
      .where('request_id', requestId)
      .update({ response: JSON.stringify(result) });
  }

  async ensureExperiments(
    project: Project,
    names: string[],
    actor: string,
    at: Date,
  ): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    const read = async (part: string[]) => {
      const rows = await this.db<ExperimentRow>('experiments')
        .where('project_id', project.id)
        .whereIn('name', part)
        .select('id', 'name');
      rows.forEach(r => ids.set(r.name, fromDbInt(r.id)));
    };
    const unique = [...new Set(names)];
    for (const part of chunks(unique, IN_CHUNK)) {
      await read(part);
    }
    const missing = unique.filter(n => !ids.has(n));
    for (const part of chunks(missing, INSERT_CHUNK)) {
      // Parallel workers of one sweep may create the same new experiment at once: the later insert
      // waits for the first (PostgreSQL) and leaves its row, instead of failing the batch.
      await this.db('experiments')
        .insert(
          part.map(name => ({
            project_id: project.id,
            name,
            description: '',
            lifecycle_stage: 'active',
            created_by: actor,
            created_at: toDbTime(at),
            updated_at: toDbTime(at),
          })),
        )
        .onConflict(['project_id', 'name'])
        .ignore();
      await read(part);
    }
    return ids;
  }

  async lockRuns(runIds: string[]): Promise<Map<string, KnownRun>> {
    const known = new Map<string, KnownRun>();
    for (const part of chunks([...new Set(runIds)].sort(), IN_CHUNK)) {
      const rows = await this.db<RunRow>('runs')
        .whereIn('id', part)
        .orderBy('id')
        .forUpdate()
        .select('id', 'project_id', 'experiment_id');
      for (const r of rows) {
        known.set(r.id, {
          projectId: r.project_id,
          experimentId: fromDbInt(r.experiment_id),
        });
      }
    }
    return known;
  }

  async updateRun(runId: string, changes: RunChanges, at: Date) {
    const update: Partial<RunRow> = { updated_at: toDbTime(at) };
    if (changes.name !== undefined) update.name = changes.name;
    if (changes.status !== undefined) update.status = changes.status;
    if (changes.endTime !== undefined) update.end_time = changes.endTime;
    if (changes.startTime !== undefined) update.start_time = changes.startTime;
    await this.db<RunRow>('runs').where('id', runId).update(update);
  }

  async insertRuns(
    project: Project,
    runs: NewRun[],
    actor: string,
    at: Date,
  ): Promise<void> {
    const rows = runs.map((run): Omit<RunRow, 'metrics_summary'> => ({
      id: run.runId,
      experiment_id: run.experimentId,
      project_id: project.id,
      name: run.name,
      status: run.status,
      user: run.user,
      start_time: run.startTime,
      end_time: run.endTime ?? null,
      lifecycle_stage: 'active',
      source_kind: run.source?.kind ?? null,
      source_uri: run.source?.uri ?? null,
      source_git_commit: run.source?.gitCommit ?? null,
      source_pipeline_run: run.source?.pipelineRun ?? null,
      inputs: '[]',
      created_by: actor,
      created_at: toDbTime(at),
      updated_at: toDbTime(at),
    }));
    await bulkInsert(this.db, { table: 'runs', columns: RUN_COLUMNS, rows });
  }

  async readParams(runIds: string[]): Promise<Map<string, string>> {
    const stored = new Map<string, string>();
    for (const part of chunks(runIds, IN_CHUNK)) {
      const rows = await this.db<RunParamRow>('run_params')
        .whereIn('run_id', part)
        .select('run_id', 'key', 'value');
      rows.forEach(r => stored.set(runKey(r.run_id, r.key), r.value));
    }
    return stored;
  }

  async insertParams(params: RunKeyValue[]): Promise<void> {
    const rows = params.map((p): RunParamRow => ({
      run_id: p.runId,
      key: p.key,
      value: p.value,
    }));
    await bulkInsert(this.db, {
      table: 'run_params',
      columns: KEY_VALUE_COLUMNS,
      rows,
    });
  }

  async upsertTags(tags: RunKeyValue[]): Promise<void> {
    const rows = tags.map((t): RunTagRow => ({
      run_id: t.runId,
      key: t.key,
      value: t.value,
    }));
    await bulkInsert(this.db, {
      table: 'run_tags',
      columns: KEY_VALUE_COLUMNS,
      rows,
      onConflict:
        'on conflict ("run_id", "key") do update set "value" = excluded."value"',
    });
  }

  /*
   * A batch's 10,000 points are the bulk of its work, so they skip Knex's SQL building and go to
   * the unit of work's own connection, in its transaction (see insertPointsSqlite and
   * insertPointsPg). Outside one (or on another database) the points go through Knex.
   */
  async insertPoints(
    runs: readonly RunMetricPoints[],
  ): Promise<Map<string, number>> {
    if (!runs.some(run => run.metrics.length)) {
      return new Map();
    }
    const driver = await driverConnection(this.db);
    if (driver?.dialect === 'sqlite') {
      return insertPointsSqlite(driver.connection, runs);
    }
    if (driver?.dialect === 'pg') {
      return insertPointsPg(driver.connection, runs);
    }
    const rows = runs.flatMap(run =>
      run.metrics.map((p): MetricPointRow => ({
        run_id: run.runId,
        key: p.key,
        step: p.step,
        timestamp: p.timestamp,
        ...toDbMetric(p.value),
      })),
    );
    const inserted = new Map<string, number>();
    for (const part of chunks(rows, INSERT_CHUNK)) {
      const written: Pick<MetricPointRow, 'run_id' | 'key'>[] =
        await this.db<MetricPointRow>('metric_points')
          .insert(part)
          .onConflict(['run_id', 'key', 'step', 'timestamp', 'value', 'is_nan'])
          .ignore()
          .returning(['run_id', 'key']);
      for (const r of written) {
        const id = runKey(r.run_id, r.key);
        inserted.set(id, (inserted.get(id) ?? 0) + 1);
      }
    }
    return inserted;
  }

  async readLatestMetrics(
    runIds: string[],
  ): Promise<Map<string, LatestMetricState>> {
    const stored = new Map<string, LatestMetricState>();
    for (const part of chunks(runIds, IN_CHUNK)) {
      const rows = await this.db<LatestMetricRow>('latest_metrics').whereIn(
        'run_id',
        part,
      );
      for (const r of rows) {
        stored.set(runKey(r.run_id, r.key), {
          runId: r.run_id,
          key: r.key,
          latest: {
            step: fromDbInt(r.step),
            timestamp: fromDbInt(r.timestamp),
            value: fromDbMetric(r.value, r.is_nan),
          },
          min: r.min_value === null ? null : fromDbFloat(r.min_value),
          max: r.max_value === null ? null : fromDbFloat(r.max_value),
          count: fromDbInt(r.point_count),
        });
      }
    }
    return stored;
  }

  async writeLatestMetrics(
    project: Project,
    metrics: LatestMetricState[],
  ): Promise<void> {
    const rows = metrics.map((m): LatestMetricRow => ({
      run_id: m.runId,
      project_id: project.id,
      key: m.key,
      ...toDbMetric(m.latest.value),
      step: m.latest.step,
      timestamp: m.latest.timestamp,
      min_value: m.min,
      max_value: m.max,
      point_count: m.count,
    }));
    await bulkInsert(this.db, {
      table: 'latest_metrics',
      columns: LATEST_METRIC_COLUMNS,
      rows,
      onConflict: `on conflict ("run_id", "key") do update set ${LATEST_METRIC_COLUMNS.slice(
        3,
      )
        .map(c => `"${c.name}" = excluded."${c.name}"`)
        .join(', ')}`,
    });
  }

  async refreshMetricSummaries(runIds: string[]): Promise<void> {
    await refreshMetricSummaries(this.db, runIds, IN_CHUNK);
  }

  async updateSeriesChunks(changes: SeriesChange[]): Promise<void> {
    for (const change of changes) {
      await updateSeriesChunks(this.db, change);
    }
  }
}

/** Points of one run and key per statement, at most: 64 rows of 6 values. */
const SQLITE_POINTS_PER_STATEMENT = 64;

/** The insert of `n` points, one prepared statement per n (n ≤ 64). */
const insertPointsSqliteSql = (n: number) =>
  `insert into metric_points (run_id, "key", step, "timestamp", value, is_nan) values ${new Array(
    n,
  )
    .fill('(?, ?, ?, ?, ?, ?)')
    .join(', ')} on conflict do nothing`;

/*
 * Points go in as one multi-row insert per stretch of the same run and key (up to 64 points), a
 * statement prepared once per length: a fifth less CPU than a statement run per point (crossing
 * into the driver costs more than binding), and each statement's `changes` still says how many
 * of that run and key's points were new. SQLite stores booleans as 0/1, as Knex writes them.
 */
function insertPointsSqlite(
  connection: SqliteConnection,
  runs: readonly RunMetricPoints[],
): Map<string, number> {
  const inserted = new Map<string, number>();
  const values = new Array<unknown>(SQLITE_POINTS_PER_STATEMENT * 6);
  for (const { runId, metrics } of runs) {
    let start = 0;
    while (start < metrics.length) {
      const key = metrics[start].key;
      let end = start + 1;
      while (
        end < metrics.length &&
        end - start < SQLITE_POINTS_PER_STATEMENT &&
        metrics[end].key === key
      ) {
        end++;
      }
      const n = end - start;
      values.length = n * 6;
      for (let i = 0; i < n; i++) {
        const p = metrics[start + i];
        const nan = Number.isNaN(p.value);
        const o = i * 6;
        values[o] = runId;
        values[o + 1] = key;
        values[o + 2] = p.step;
        values[o + 3] = p.timestamp;
        values[o + 4] = nan ? 0 : p.value;
        values[o + 5] = nan ? 1 : 0;
      }
      const { changes } = preparedStatement(
        connection,
        insertPointsSqliteSql(n),
      ).run(values);
      if (changes) {
        const id = runKey(runId, key);
        inserted.set(id, (inserted.get(id) ?? 0) + changes);
      }
      start = end;
    }
  }
  return inserted;
}

const INSERT_POINTS_PG = `with written as (
  insert into metric_points (run_id, "key", step, "timestamp", value, is_nan)
  select * from unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::float8[], $6::boolean[])
  on conflict do nothing
  returning run_id, "key"
)
select run_id, "key", count(*)::int as n from written group by run_id, "key"`;

/** What COPY's text format writes for the characters it gives a meaning to. */
const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

/** A text field of PostgreSQL's COPY text format. */
const copyText = (text: string) =>
  /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, c => COPY_ESCAPES[c])
    : text;

/*
 * On PostgreSQL the points of runs the batch creates are copied in (COPY … FROM STDIN, about
 * twice as fast as the same rows through unnest with ON CONFLICT): nothing of such a run is
 * stored yet, so once the batch's own repeats are dropped here every point is new and its count
 * is known. Points of runs that existed go in with one INSERT … SELECT FROM unnest(…) that skips
 * what is stored and counts the new points per run and key.
 */
async function insertPointsPg(
  connection: PgConnection,
  runs: readonly RunMetricPoints[],
): Promise<Map<string, number>> {
  const inserted = new Map<string, number>();
  let copy = '';
  const runIds: string[] = [];
  const keys: string[] = [];
  const steps: number[] = [];
  const timestamps: number[] = [];
  const values: number[] = [];
  const nans: boolean[] = [];
  // The same new run may come twice in a batch (a long series sent in slices).
  const seen = new Map<string, Set<string>>();
  for (const { runId, created, metrics } of runs) {
    if (!created) {
      for (const p of metrics) {
        const nan = Number.isNaN(p.value);
        runIds.push(runId);
        keys.push(p.key);
        steps.push(p.step);
        timestamps.push(p.timestamp);
        values.push(nan ? 0 : p.value);
        nans.push(nan);
      }
      continue;
    }
    let points = seen.get(runId);
    if (!points) {
      points = new Set();
      seen.set(runId, points);
    }
    const run = copyText(runId);
    let key = '';
    let field = '';
    let id = '';
    let count = 0;
    for (const p of metrics) {
      if (p.key !== key || !id) {
        if (count) inserted.set(id, (inserted.get(id) ?? 0) + count);
        key = p.key;
        field = `${run}\t${copyText(key)}\t`;
        id = runKey(runId, key);
        count = 0;
      }
      const nan = Number.isNaN(p.value);
      // -0 is 0 to the primary key, as String() writes it.
      const point = `${p.step}\t${p.timestamp}\t${nan ? 0 : p.value}\t${nan ? 't' : 'f'}`;
      const identity = `${key}\u0000${point}`;
      if (points.has(identity)) continue;
      points.add(identity);
      copy += `${field}${point}\n`;
      count++;
    }
    if (count) inserted.set(id, (inserted.get(id) ?? 0) + count);
  }
  if (copy) {
    await copyInto(
      connection,
      'copy metric_points (run_id, "key", step, "timestamp", value, is_nan) from stdin',
      copy,
    );
  }
  if (runIds.length) {
    const { rows } = await connection.query({
      name: 'ml-home-insert-points',
      text: INSERT_POINTS_PG,
      values: [runIds, keys, steps, timestamps, values, nans],
    });
    for (const r of rows as { run_id: string; key: string; n: number }[]) {
      const id = runKey(r.run_id, r.key);
      inserted.set(id, (inserted.get(id) ?? 0) + r.n);
    }
  }
  return inserted;
}
