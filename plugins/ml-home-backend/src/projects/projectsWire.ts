import type * as Wire from '@ml-home/plugin-ml-home-common';
import { Project, ProjectEvent } from '../domain/types';

/* Projects and their activity → wire: ISO times. */

export function projectToWire(p: Project): Wire.Project {
  return {
    id: p.id,
    name: p.name,
    title: p.title,
    description: p.description,
    owner: p.owner,
    lifecycle: p.lifecycle,
    tags: p.tags,
    links: p.links,
    relatedEntities: p.relatedEntities,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    createdBy: p.createdBy,
    updatedBy: p.updatedBy,
    lastActivityAt: p.lastActivityAt.toISOString(),
    ...(p.deletedAt ? { deletedAt: p.deletedAt.toISOString() } : {}),
    ...(p.counts ? { counts: p.counts } : {}),
    ...(p.certificationLevel
      ? { certificationLevel: p.certificationLevel }
      : {}),
  };
}

export function eventToWire(e: ProjectEvent): Wire.ProjectEvent {
  return {
    id: e.id,
    project: e.project,
    actor: e.actor,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    summary: e.summary,
    createdAt: e.createdAt.toISOString(),
  };
}
