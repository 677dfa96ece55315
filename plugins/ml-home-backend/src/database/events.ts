import { Knex } from 'knex';
import { EventInput } from '../domain/types';
import { toDbTime } from './mappers';
import { EventRow, ProjectRow } from './rows';

/**
 * Appends to a project's activity feed and marks the project as active at `at` (unless it was
 * active later), inside the caller's transaction when given one: every recorded change is
 * activity, so "recently active" lists stay true.
 */
export async function insertProjectEvent(
  db: Knex,
  projectId: string,
  event: EventInput,
  at: Date,
): Promise<void> {
  await db<Omit<EventRow, 'id'>>('events').insert({
    project_id: projectId,
    actor: event.actor,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId,
    summary: event.summary.slice(0, 2000),
    created_at: toDbTime(at),
  });
  // Never backwards: a write recorded with an earlier time (demo data written as of the past)
  // leaves a later activity standing.
  await db<ProjectRow>('projects')
    .where('id', projectId)
    .andWhere(q =>
      q
        .whereNull('last_activity_at')
        .orWhere('last_activity_at', '<', toDbTime(at)),
    )
    .update({ last_activity_at: toDbTime(at) });
}
