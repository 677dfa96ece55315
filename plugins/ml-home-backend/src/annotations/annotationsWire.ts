import type * as Wire from '@ml-home/plugin-ml-home-common';
import { Note, NoteRevision } from '../domain/types';

/* Notes → wire: ISO times. */

export function noteToWire(n: Note): Wire.Note {
  return {
    id: n.id,
    project: n.project,
    entityType: n.entityType,
    entityId: n.entityId,
    entityLabel: n.entityLabel,
    body: n.body,
    revision: n.revision,
    createdBy: n.createdBy,
    createdAt: n.createdAt.toISOString(),
    updatedBy: n.updatedBy,
    updatedAt: n.updatedAt.toISOString(),
  };
}

export function noteRevisionToWire(r: NoteRevision): Wire.NoteRevision {
  return {
    revision: r.revision,
    body: r.body,
    action: r.action,
    editedBy: r.editedBy,
    editedAt: r.editedAt.toISOString(),
  };
}
