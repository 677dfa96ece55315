import { Knex } from 'knex';
import { ComparableRun, KeyValue } from '../domain/types';
import { RunParamRow, RunRow } from '../database/rows';
import { IN_CHUNK, chunks } from '../database/queryHelpers';
import { readRunMetrics } from '../runs/metricSummaries';

/** What a comparison reads: runs reduced to their name, project, params and latest metrics. */
export interface ComparisonStore {
  /**
   * What a comparison needs of the runs with these ids that exist, in no particular order: name,
   * project, params and latest metrics with their min and max.
   */
  getComparableRuns(runIds: string[]): Promise<ComparableRun[]>;
}

type ComparableRunRow = Pick<RunRow, 'id' | 'name' | 'metrics_summary'> & {
  project: string;
};

/** The Knex implementation of {@link ComparisonStore}. */
export class DatabaseComparisonStore implements ComparisonStore {
  constructor(private readonly db: Knex) {}

  async getComparableRuns(runIds: string[]): Promise<ComparableRun[]> {
    const out: ComparableRun[] = [];
    for (const part of chunks([...new Set(runIds)], IN_CHUNK)) {
      const [runs, params] = await Promise.all([
        this.db('runs')
          .join('projects', 'projects.id', 'runs.project_id')
          .whereIn('runs.id', part)
          .select<ComparableRunRow[]>(
            'runs.id',
            'runs.name',
            'runs.metrics_summary',
            'projects.name as project',
          ),
        this.db<RunParamRow>('run_params')
          .whereIn('run_id', part)
          .select('run_id', 'key', 'value'),
      ]);
      const metrics = await readRunMetrics(this.db, runs);
      const paramsBy = new Map<string, KeyValue[]>();
      for (const r of params) {
        const list = paramsBy.get(r.run_id);
        const kv = { key: r.key, value: r.value };
        if (list) list.push(kv);
        else paramsBy.set(r.run_id, [kv]);
      }
      for (const run of runs) {
        out.push({
          id: run.id,
          name: run.name,
          project: run.project,
          params: paramsBy.get(run.id) ?? [],
          metrics: metrics.get(run.id) ?? [],
        });
      }
    }
    return out;
  }
}
