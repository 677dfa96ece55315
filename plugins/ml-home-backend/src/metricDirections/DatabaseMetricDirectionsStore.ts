import type { MetricDirection } from '@ml-home/plugin-ml-home-common';
import { Knex } from 'knex';
import { Clock, systemClock } from '../database/clock';
import { toDbTime } from '../database/mappers';
import { MetricDirectionRow } from '../database/rows';
import { inTransaction } from '../database/transactions';

/** Directions by metric key; a Map, since metric keys are user input (`__proto__` included). */
export type DirectionsByMetric = Map<string, MetricDirection>;

/** Storage of the metric directions projects and models declare. */
export interface MetricDirectionsStore {
  getProjectDirections(projectId: string): Promise<DirectionsByMetric>;
  getModelDirections(modelId: string): Promise<DirectionsByMetric>;
  /** Several projects' and models' declarations in two queries, keyed by their names. */
  getDeclared(names: { projects: string[]; models: string[] }): Promise<{
    projects: Map<string, DirectionsByMetric>;
    models: Map<string, DirectionsByMetric>;
  }>;
  /** Replaces a project's declarations, all or nothing. */
  setProjectDirections(
    projectId: string,
    directions: DirectionsByMetric,
    actor: string,
  ): Promise<void>;
  /** Replaces a model's declarations, all or nothing. */
  setModelDirections(
    modelId: string,
    directions: DirectionsByMetric,
    actor: string,
  ): Promise<void>;
}

const TABLES = {
  project: {
    table: 'project_metric_directions',
    key: 'project_id',
    parent: 'projects',
  },
  model: {
    table: 'model_metric_directions',
    key: 'model_id',
    parent: 'models',
  },
} as const;

type Level = keyof typeof TABLES;

/* Rows whose direction is not one of the two are skipped: the column is free text. */
function directionOf(value: string): MetricDirection | undefined {
  return value === 'higher' || value === 'lower' ? value : undefined;
}

function fold(
  rows: (Pick<MetricDirectionRow, 'metric' | 'direction'> & {
    owner: string;
  })[],
): Map<string, DirectionsByMetric> {
  const out = new Map<string, DirectionsByMetric>();
  for (const row of rows) {
    const direction = directionOf(row.direction);
    if (!direction) continue;
    let byMetric = out.get(row.owner);
    if (!byMetric) {
      byMetric = new Map();
      out.set(row.owner, byMetric);
    }
    byMetric.set(row.metric, direction);
  }
  return out;
}

/** The directions in the two declaration tables. */
export class DatabaseMetricDirectionsStore implements MetricDirectionsStore {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock = systemClock,
  ) {}

  private async read(level: Level, ids: string[]) {
    if (ids.length === 0) return new Map<string, DirectionsByMetric>();
    const { table, key } = TABLES[level];
    const rows = await this.db(table)
      .select<
        (Pick<MetricDirectionRow, 'metric' | 'direction'> & { owner: string })[]
      >(`${key} as owner`, 'metric', 'direction')
      .whereIn(key, [...new Set(ids)])
      .orderBy([key, 'metric']);
    return fold(rows);
  }

  async getProjectDirections(projectId: string) {
    return (
      (await this.read('project', [projectId])).get(projectId) ?? new Map()
    );
  }

  async getModelDirections(modelId: string) {
    return (await this.read('model', [modelId])).get(modelId) ?? new Map();
  }

  private async readByName(level: Level, names: string[]) {
    if (names.length === 0) return new Map<string, DirectionsByMetric>();
    const { table, key, parent } = TABLES[level];
    const rows = await this.db(`${table} as d`)
      .join(`${parent} as o`, 'o.id', `d.${key}`)
      .select<
        (Pick<MetricDirectionRow, 'metric' | 'direction'> & { owner: string })[]
      >('o.name as owner', 'd.metric', 'd.direction')
      .whereIn('o.name', [...new Set(names)])
      .orderBy(['o.name', 'd.metric']);
    return fold(rows);
  }

  async getDeclared(names: { projects: string[]; models: string[] }) {
    const projects = await this.readByName('project', names.projects);
    const models = await this.readByName('model', names.models);
    return { projects, models };
  }

  private async replace(
    level: Level,
    id: string,
    directions: DirectionsByMetric,
    actor: string,
  ) {
    const { table, key } = TABLES[level];
    const at = toDbTime(this.clock());
    await inTransaction(this.db, async tx => {
      await tx(table).where(key, id).delete();
      const rows = [...directions].map(([metric, direction]) => ({
        [key]: id,
        metric,
        direction,
        updated_by: actor,
        updated_at: at,
      }));
      // SQLite binds at most 999 variables a statement: 5 columns × 100 rows stays below.
      for (let i = 0; i < rows.length; i += 100) {
        await tx(table).insert(rows.slice(i, i + 100));
      }
    });
  }

  setProjectDirections(
    projectId: string,
    directions: DirectionsByMetric,
    actor: string,
  ) {
    return this.replace('project', projectId, directions, actor);
  }

  setModelDirections(
    modelId: string,
    directions: DirectionsByMetric,
    actor: string,
  ) {
    return this.replace('model', modelId, directions, actor);
  }
}
