import { Knex } from 'knex';
import type { DatasetFeature, DatasetKind } from '../../domain/types';
import {
  fromDbFloat,
  fromDbInt,
  fromDbOptionalInt,
} from '../../database/mappers';
import { chunks, IN_CHUNK } from '../../database/queryHelpers';

/** A data set a run read, with its declared schema. */
export interface RunInputDataset {
  project: string;
  name: string;
  kind: DatasetKind;
  features: DatasetFeature[];
}

/** What the checks read of the run that produced a version. */
export interface RunEvidence {
  id: string;
  name: string;
  /** Milliseconds since the epoch. */
  startTime: number;
  endTime?: number;
  /** The source revision: the run's recorded git commit, else MLflow's git-commit tag. */
  sourceRevision?: string;
  paramCount: number;
}

/** The tag MLflow records a run's source revision in. */
export const GIT_COMMIT_TAG = 'mlflow.source.git.commit';

/**
 * One monitored metric of one deployment over a window, split in two: `recent` is the window's
 * last quarter, the other part the rest. NaN points are left out.
 */
export interface MonitoringWindowSummary {
  deploymentId: string;
  metric: string;
  recent: boolean;
  mean: number;
  count: number;
  /** The newest point's timestamp (milliseconds since the epoch). */
  lastTimestamp: number;
}

/**
 * The reads the certification's checks need that no resource store offers: a run's input data
 * sets with their schemas, and monitoring points summarised over a window in SQL (a deployment
 * may hold months of hourly points).
 */
export interface CertificationEvidenceStore {
  /** The run's times, source revision and how many params it records, in one query. */
  getRunEvidence(runId: string): Promise<RunEvidence | undefined>;
  /** The data sets the run read (any project), by project and name. */
  listRunInputs(runId: string): Promise<RunInputDataset[]>;
  /**
   * Mean and count of each metric of the deployments from `since` on, split at `split`
   * (milliseconds since the epoch), in one grouped query per 500 deployments.
   */
  summariseMonitoring(
    deploymentIds: string[],
    since: number,
    split: number,
  ): Promise<MonitoringWindowSummary[]>;
}

function parseFeatures(value: unknown): DatasetFeature[] {
  try {
    const parsed = JSON.parse(String(value ?? '[]'));
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** The Knex implementation of {@link CertificationEvidenceStore}. */
export class DatabaseCertificationEvidenceStore implements CertificationEvidenceStore {
  constructor(private readonly db: Knex) {}

  async getRunEvidence(runId: string): Promise<RunEvidence | undefined> {
    const row = await this.db('runs as r')
      .where('r.id', runId)
      .first<
        | {
            id: string;
            name: string;
            start_time: unknown;
            end_time: unknown;
            source_git_commit: string | null;
            commit_tag: string | null;
            param_count: unknown;
          }
        | undefined
      >(
        'r.id',
        'r.name',
        'r.start_time',
        'r.end_time',
        'r.source_git_commit',
        this.db.raw(
          '(select t.value from run_tags t where t.run_id = r.id and t.key = ?) as commit_tag',
          [GIT_COMMIT_TAG],
        ),
        this.db.raw(
          '(select count(*) from run_params p where p.run_id = r.id) as param_count',
        ),
      );
    if (!row) {
      return undefined;
    }
    const revision = [row.source_git_commit, row.commit_tag].find(
      v => typeof v === 'string' && v.trim(),
    );
    return {
      id: row.id,
      name: row.name,
      startTime: fromDbInt(row.start_time),
      endTime: fromDbOptionalInt(row.end_time),
      sourceRevision: revision ?? undefined,
      paramCount: fromDbInt(row.param_count),
    };
  }

  async listRunInputs(runId: string): Promise<RunInputDataset[]> {
    const rows = await this.db('run_inputs as i')
      .join('datasets as d', 'd.id', 'i.dataset_id')
      .join('projects as p', 'p.id', 'd.project_id')
      .where('i.run_id', runId)
      .orderBy([{ column: 'p.name' }, { column: 'd.name' }])
      .select<
        { project: string; name: string; kind: string; features: string }[]
      >('p.name as project', 'd.name', 'd.kind', 'd.features');
    return rows.map(r => ({
      project: r.project,
      name: r.name,
      // The column only ever holds the kinds the API accepts.
      kind: r.kind as DatasetKind,
      features: parseFeatures(r.features),
    }));
  }

  async summariseMonitoring(
    deploymentIds: string[],
    since: number,
    split: number,
  ): Promise<MonitoringWindowSummary[]> {
    const out: MonitoringWindowSummary[] = [];
    const recent = this.db.raw(
      'case when timestamp >= ? then 1 else 0 end as recent',
      [split],
    );
    for (const ids of chunks([...new Set(deploymentIds)], IN_CHUNK)) {
      const rows = await this.db('monitoring_points')
        .whereIn('deployment_id', ids)
        .where('timestamp', '>=', since)
        .where('is_nan', false)
        // By position: PostgreSQL does not see two bindings of one expression as the same.
        .groupByRaw('1, 2, 3')
        .select<
          {
            deployment_id: string;
            metric: string;
            recent: unknown;
            mean: unknown;
            n: unknown;
            last: unknown;
          }[]
        >(
          'deployment_id',
          'metric',
          recent,
          this.db.raw('avg(value) as mean'),
          this.db.raw('count(*) as n'),
          this.db.raw('max(timestamp) as last'),
        );
      for (const r of rows) {
        out.push({
          deploymentId: r.deployment_id,
          metric: r.metric,
          recent: fromDbInt(r.recent) === 1,
          mean: fromDbFloat(r.mean),
          count: fromDbInt(r.n),
          lastTimestamp: fromDbInt(r.last),
        });
      }
    }
    return out;
  }
}
