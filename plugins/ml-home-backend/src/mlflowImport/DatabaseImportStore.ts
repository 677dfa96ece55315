import { Knex } from 'knex';
import {
  fromDbInt,
  fromDbOptionalTime,
  fromDbTime,
  toDbTime,
} from '../database/mappers';

/** Where one server's imports stand. */
export interface ImportState {
  serverId: string;
  status: 'never' | 'running' | 'succeeded' | 'failed';
  itemsDone: number;
  itemsTotal: number;
  pointsDone: number;
  /** Imports failed in a row. */
  failures: number;
  lastError?: string;
  startedAt?: Date;
  finishedAt?: Date;
  lastSuccessAt?: Date;
  nextAttemptAt?: Date;
}

/** One import of one server, from the log. */
export interface ImportLogEntry {
  id: string;
  serverId: string;
  status: 'running' | 'succeeded' | 'failed';
  trigger: 'schedule' | 'manual';
  itemsDone: number;
  itemsTotal: number;
  pointsDone: number;
  error?: string;
  startedAt: Date;
  finishedAt?: Date;
}

export interface ImportProgress {
  itemsDone: number;
  itemsTotal: number;
  pointsDone: number;
}

/** An ML Home model version an MLflow model version became. */
export interface ImportedVersion {
  model: string;
  version: number;
}

interface StateRow {
  server_id: string;
  status: string;
  items_done: number | string;
  items_total: number | string;
  points_done: number | string;
  failures: number | string;
  last_error: string | null;
  started_at: unknown;
  finished_at: unknown;
  last_success_at: unknown;
  next_attempt_at: unknown;
}

interface LogRow {
  id: number | string;
  server_id: string;
  status: string;
  trigger: string;
  items_done: number | string;
  items_total: number | string;
  points_done: number | string;
  error: string | null;
  started_at: unknown;
  finished_at: unknown;
}

function stateFromRow(row: StateRow): ImportState {
  return {
    serverId: row.server_id,
    status: row.status as ImportState['status'],
    itemsDone: fromDbInt(row.items_done),
    itemsTotal: fromDbInt(row.items_total),
    pointsDone: fromDbInt(row.points_done),
    failures: fromDbInt(row.failures),
    lastError: row.last_error ?? undefined,
    startedAt: fromDbOptionalTime(row.started_at),
    finishedAt: fromDbOptionalTime(row.finished_at),
    lastSuccessAt: fromDbOptionalTime(row.last_success_at),
    nextAttemptAt: fromDbOptionalTime(row.next_attempt_at),
  };
}

function logFromRow(row: LogRow): ImportLogEntry {
  return {
    id: String(row.id),
    serverId: row.server_id,
    status: row.status as ImportLogEntry['status'],
    trigger: row.trigger as ImportLogEntry['trigger'],
    itemsDone: fromDbInt(row.items_done),
    itemsTotal: fromDbInt(row.items_total),
    pointsDone: fromDbInt(row.points_done),
    error: row.error ?? undefined,
    startedAt: fromDbTime(row.started_at),
    finishedAt: fromDbOptionalTime(row.finished_at),
  };
}

/** The MLflow importer's state, cursors, version map and log (migration 20261206130000). */
export class DatabaseImportStore {
  constructor(private readonly db: Knex) {}

  /** Adds a state row for each configured server that has none yet. */
  async ensureServers(serverIds: string[], now: Date): Promise<void> {
    for (const serverId of serverIds) {
      await this.db('mlflow_import_state')
        .insert({
          server_id: serverId,
          status: 'never',
          updated_at: toDbTime(now),
        })
        .onConflict('server_id')
        .ignore();
    }
  }

  async getState(serverId: string): Promise<ImportState | undefined> {
    const row = await this.db<StateRow>('mlflow_import_state')
      .where({ server_id: serverId })
      .first();
    return row ? stateFromRow(row) : undefined;
  }

  async listStates(): Promise<ImportState[]> {
    const rows = await this.db<StateRow>('mlflow_import_state').orderBy(
      'server_id',
    );
    return rows.map(stateFromRow);
  }

  /** Marks the server's import as started and opens its log entry; answers the entry's id. */
  async start(
    serverId: string,
    trigger: ImportLogEntry['trigger'],
    now: Date,
  ): Promise<string> {
    return this.db.transaction(async tx => {
      await tx('mlflow_import_state')
        .where({ server_id: serverId })
        .update({
          status: 'running',
          items_done: 0,
          items_total: 0,
          points_done: 0,
          started_at: toDbTime(now),
          updated_at: toDbTime(now),
        });
      const [row] = await tx('mlflow_import_log')
        .insert({
          server_id: serverId,
          status: 'running',
          trigger,
          started_at: toDbTime(now),
        })
        .returning('id');
      return String(typeof row === 'object' ? row.id : row);
    });
  }

  async progress(
    serverId: string,
    logId: string,
    progress: ImportProgress,
    now: Date,
  ): Promise<void> {
    const values = {
      items_done: progress.itemsDone,
      items_total: progress.itemsTotal,
      points_done: progress.pointsDone,
    };
    await this.db('mlflow_import_state')
      .where({ server_id: serverId })
      .update({ ...values, updated_at: toDbTime(now) });
    await this.db('mlflow_import_log').where({ id: logId }).update(values);
  }

  /** Closes an import: its outcome, when the server is due next, and its log entry. */
  async finish(
    serverId: string,
    logId: string,
    outcome: ImportProgress & {
      /** Why the import failed; undefined when it succeeded. */
      error?: string;
      /** What a successful import left out, shown as its last error. */
      skipped?: string;
      failures: number;
      nextAttemptAt: Date;
    },
    now: Date,
  ): Promise<void> {
    const status = outcome.error === undefined ? 'succeeded' : 'failed';
    const progress = {
      items_done: outcome.itemsDone,
      items_total: outcome.itemsTotal,
      points_done: outcome.pointsDone,
    };
    await this.db.transaction(async tx => {
      await tx('mlflow_import_state')
        .where({ server_id: serverId })
        .update({
          ...progress,
          status,
          failures: outcome.failures,
          last_error: outcome.error ?? outcome.skipped ?? null,
          finished_at: toDbTime(now),
          ...(status === 'succeeded' ? { last_success_at: toDbTime(now) } : {}),
          next_attempt_at: toDbTime(outcome.nextAttemptAt),
          updated_at: toDbTime(now),
        });
      await tx('mlflow_import_log')
        .where({ id: logId })
        .update({
          ...progress,
          status,
          error: outcome.error ?? outcome.skipped ?? null,
          finished_at: toDbTime(now),
        });
    });
  }

  /** Makes the server due now ("run now" on the admin page). */
  async makeDue(serverId: string, now: Date): Promise<void> {
    await this.db('mlflow_import_state')
      .where({ server_id: serverId })
      .update({ next_attempt_at: toDbTime(now), updated_at: toDbTime(now) });
  }

  async recentLog(serverId: string, limit: number): Promise<ImportLogEntry[]> {
    const rows = await this.db<LogRow>('mlflow_import_log')
      .where({ server_id: serverId })
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(logFromRow);
  }

  async getCursor<T>(serverId: string, scope: string): Promise<T | undefined> {
    const row = await this.db('mlflow_import_cursors')
      .where({ server_id: serverId, scope })
      .first('cursor');
    return row ? (JSON.parse(row.cursor) as T) : undefined;
  }

  async setCursor(
    serverId: string,
    scope: string,
    cursor: unknown,
    now: Date,
  ): Promise<void> {
    await this.db('mlflow_import_cursors')
      .insert({
        server_id: serverId,
        scope,
        cursor: JSON.stringify(cursor),
        updated_at: toDbTime(now),
      })
      .onConflict(['server_id', 'scope'])
      .merge(['cursor', 'updated_at']);
  }

  /**
   * Marks runs of the project deleted (or active again), following MLflow; runs ML Home does
   * not have are left alone. Answers the runs changed.
   */
  async setRunsLifecycle(
    projectName: string,
    runIds: string[],
    stage: 'active' | 'deleted',
    now: Date,
  ): Promise<Set<string>> {
    const changed = new Set<string>();
    for (let i = 0; i < runIds.length; i += 500) {
      const ids = runIds.slice(i, i + 500);
      const rows: { id: string }[] = await this.db('runs')
        .join('projects', 'projects.id', 'runs.project_id')
        .where('projects.name', projectName)
        .whereIn('runs.id', ids)
        .whereNot('runs.lifecycle_stage', stage)
        .select('runs.id');
      if (!rows.length) continue;
      await this.db('runs')
        .whereIn(
          'id',
          rows.map(r => r.id),
        )
        .update({ lifecycle_stage: stage, updated_at: toDbTime(now) });
      rows.forEach(r => changed.add(r.id));
    }
    return changed;
  }

  /** The ML Home versions that a registered model's MLflow versions became, by MLflow version. */
  async importedVersions(
    serverId: string,
    mlflowModel: string,
  ): Promise<Map<number, ImportedVersion>> {
    const rows = await this.db('mlflow_import_versions').where({
      server_id: serverId,
      mlflow_model: mlflowModel,
    });
    return new Map(
      rows.map(row => [
        fromDbInt(row.mlflow_version),
        { model: row.model, version: fromDbInt(row.version) },
      ]),
    );
  }

  async recordVersion(
    serverId: string,
    mlflowModel: string,
    mlflowVersion: number,
    imported: ImportedVersion,
  ): Promise<void> {
    await this.db('mlflow_import_versions')
      .insert({
        server_id: serverId,
        mlflow_model: mlflowModel,
        mlflow_version: mlflowVersion,
        model: imported.model,
        version: imported.version,
      })
      .onConflict(['server_id', 'mlflow_model', 'mlflow_version'])
      .ignore();
  }
}
