/*
 * Row ↔ domain mapping in one place. Dialect differences are normalised here: SQLite returns
 * timestamps as the ISO strings we wrote and booleans as 0/1; PostgreSQL returns Date objects,
 * booleans, and 64-bit integers as strings.
 */
import {
  ComparableRun,
  Experiment,
  LatestMetric,
  Lifecycle,
  LifecycleStage,
  Project,
  ProjectEvent,
  ProjectLink,
  RunStatus,
} from '../domain/types';
import type { ProjectRow } from './rows';

export function toDbTime(date: Date): string {
  return date.toISOString();
}

export function fromDbTime(value: unknown): Date {
  if (value instanceof Date) {
    return value;
  }
  if (typeof value === 'number') {
    return new Date(value);
  }
  const text = String(value);
  // SQLite's CURRENT_TIMESTAMP style 'YYYY-MM-DD HH:MM:SS' is UTC without a zone marker.
  return new Date(
    /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`,
  );
}

export function fromDbOptionalTime(value: unknown): Date | undefined {
  return value === null || value === undefined ? undefined : fromDbTime(value);
}

export function fromDbInt(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

export function fromDbOptionalInt(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : fromDbInt(value);
}

function fromDbBool(value: unknown): boolean {
  return (
    value === true ||
    value === 1 ||
    value === '1' ||
    value === 't' ||
    value === 'true'
  );
}

/** Stored metric values keep NaN as value 0 plus an is_nan flag, since SQLite cannot hold NaN. */
export function fromDbMetric(value: unknown, isNan: unknown): number {
  return fromDbBool(isNan) ? NaN : fromDbFloat(value);
}

export function fromDbFloat(value: unknown): number {
  if (typeof value === 'number') {
    return value;
  }
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  if (value === 'NaN') return NaN;
  return Number(value);
}

export function toDbMetric(value: number): { value: number; is_nan: boolean } {
  return Number.isNaN(value)
    ? { value: 0, is_nan: true }
    : { value, is_nan: false };
}

function parseJsonArray<T>(value: unknown): T[] {
  if (Array.isArray(value)) {
    return value as T[];
  }
  try {
    const parsed = JSON.parse(String(value ?? '[]'));
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

export type ProjectDbRow = ProjectRow;

export function projectFromRow(row: ProjectDbRow, tags: string[]): Project {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    description: row.description,
    owner: row.owner,
    lifecycle: row.lifecycle as Lifecycle,
    tags: [...tags].sort(),
    links: parseJsonArray<ProjectLink>(row.links),
    relatedEntities: parseJsonArray<string>(row.related_entities),
    createdAt: fromDbTime(row.created_at),
    updatedAt: fromDbTime(row.updated_at),
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    lastActivityAt: fromDbTime(row.last_activity_at),
    deletedAt: fromDbOptionalTime(row.deleted_at),
  };
}

/** The lower-cased text free-text search matches against. */
export function projectSearchText(p: {
  name: string;
  title: string;
  description: string;
  tags: string[];
}): string {
  return [p.name, p.title, p.tags.join(' '), p.description]
    .join('\n')
    .toLowerCase();
}

export function experimentFromRow(
  row: {
    id: unknown;
    project_id: string;
    name: string;
    description: string;
    lifecycle_stage: string;
    created_by: string;
    created_at: unknown;
    updated_at: unknown;
    run_count?: unknown;
  },
  projectName: string,
): Experiment {
  return {
    id: String(row.id),
    projectId: row.project_id,
    project: projectName,
    name: row.name,
    description: row.description,
    lifecycleStage: row.lifecycle_stage as LifecycleStage,
    createdAt: fromDbTime(row.created_at),
    updatedAt: fromDbTime(row.updated_at),
    createdBy: row.created_by,
    runCount: fromDbInt(row.run_count ?? 0),
  };
}

export function latestMetricFromRow(row: {
  key: string;
  value: unknown;
  is_nan: unknown;
  step: unknown;
  timestamp: unknown;
  min_value: unknown;
  max_value: unknown;
}): LatestMetric {
  return {
    key: row.key,
    value: fromDbMetric(row.value, row.is_nan),
    step: fromDbInt(row.step),
    timestamp: fromDbInt(row.timestamp),
    min: row.min_value === null ? NaN : fromDbFloat(row.min_value),
    max: row.max_value === null ? NaN : fromDbFloat(row.max_value),
  };
}

/**
 * A metric as a comparison reads it, from a latest_metrics row or a run's metrics summary:
 * NaN from the flag, an unknown (null) min or max left out.
 */
export function comparableMetricFromRow(
  key: string,
  value: unknown,
  isNan: unknown,
  min: unknown,
  max: unknown,
): ComparableRun['metrics'][number] {
  const m: ComparableRun['metrics'][number] = {
    key,
    value: fromDbMetric(value, isNan),
  };
  if (min !== null) m.min = fromDbFloat(min);
  if (max !== null) m.max = fromDbFloat(max);
  return m;
}

export function eventFromRow(
  row: {
    id: unknown;
    project_id: string;
    actor: string;
    action: string;
    entity_type: string;
    entity_id: string;
    summary: string;
    created_at: unknown;
  },
  projectName: string,
): ProjectEvent {
  return {
    id: String(row.id),
    projectId: row.project_id,
    project: projectName,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    summary: row.summary,
    createdAt: fromDbTime(row.created_at),
  };
}

export function runStatusOf(value: string): RunStatus {
  return value as RunStatus;
}
