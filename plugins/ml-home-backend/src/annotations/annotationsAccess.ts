import {
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
} from '@ml-home/plugin-ml-home-common';
import { AccessTable, Authorized } from '../authorization/authorize';
import { Finders } from '../authorization/finders';
import { AnnotationsService } from './AnnotationsService';

/**
 * Reading notes and tags needs read rights on the entity's project, writing them update rights
 * (like every other write to a project).
 */
export function annotationsAccess(find: Finders) {
  const none = { items: [], totalCount: 0 };
  return {
    listNotes: { readable: none },
    createNote: { permission: mlHomeProjectUpdatePermission, on: find.entity },
    updateNote: { permission: mlHomeProjectUpdatePermission, on: find.note },
    deleteNote: { permission: mlHomeProjectUpdatePermission, on: find.note },
    listNoteRevisions: {
      permission: mlHomeProjectReadPermission,
      on: find.note,
    },
    getTags: { permission: mlHomeProjectReadPermission, on: find.entity },
    setTags: { permission: mlHomeProjectUpdatePermission, on: find.entity },
    countTags: { readable: [] },
    listTagged: { readable: none },
  } satisfies AccessTable<AnnotationsService>;
}

/** What the note and tag routes call. */
export type AnnotationsApi = Authorized<
  AnnotationsService,
  ReturnType<typeof annotationsAccess>
>;
