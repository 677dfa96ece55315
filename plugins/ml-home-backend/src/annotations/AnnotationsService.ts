import { InputError } from '@backstage/errors';
import { Finders } from '../authorization/finders';
import { Caller } from '../domain/Caller';
import { ProjectConditions } from '../domain/ProjectConditions';
import { EntityScope, NoteScope } from '../domain/scopes';
import {
  AnnotatedEntityType,
  Note,
  NoteRevision,
  Page,
  TaggedEntity,
} from '../domain/types';
import { checkMaxLength, checkSlug } from '../domain/validation';
import type { ProjectsService } from '../projects/ProjectsService';
import { AnnotationsStore } from './DatabaseAnnotationsStore';

/** The longest note, in characters. */
const NOTE_MAX = 100_000;
/** The most tags one entity carries. */
const TAGS_MAX = 50;

export interface NoteListRequest {
  project?: string;
  entityType?: AnnotatedEntityType;
  entityId?: string;
  limit: number;
  cursor?: string;
}

export interface TagCountRequest {
  project?: string;
  entityType?: AnnotatedEntityType;
  q?: string;
  limit: number;
}

export interface TaggedListRequest {
  tag: string;
  project?: string;
  entityType?: AnnotatedEntityType;
  limit: number;
  cursor?: string;
}

/** ML Home's rules for notes and tags on every kind of entity. Knows nothing of permissions. */
export interface AnnotationsService {
  listNotes(
    caller: Caller,
    conditions: ProjectConditions,
    request: NoteListRequest,
  ): Promise<Page<Note>>;
  createNote(caller: Caller, scope: EntityScope, body: string): Promise<Note>;
  updateNote(
    caller: Caller,
    scope: NoteScope,
    request: { body: string; revision: number },
  ): Promise<Note>;
  deleteNote(caller: Caller, scope: NoteScope, revision: number): Promise<void>;
  listNoteRevisions(caller: Caller, scope: NoteScope): Promise<NoteRevision[]>;
  getTags(caller: Caller, scope: EntityScope): Promise<string[]>;
  setTags(
    caller: Caller,
    scope: EntityScope,
    tags: string[],
  ): Promise<string[]>;
  countTags(
    caller: Caller,
    conditions: ProjectConditions,
    request: TagCountRequest,
  ): Promise<{ value: string; count: number }[]>;
  listTagged(
    caller: Caller,
    conditions: ProjectConditions,
    request: TaggedListRequest,
  ): Promise<Page<TaggedEntity>>;
}

function checkBody(body: string) {
  if (!body.trim()) {
    throw new InputError('body must not be empty');
  }
  checkMaxLength('body', body, NOTE_MAX);
}

/** The rules over the annotations store. */
export class DefaultAnnotationsService implements AnnotationsService {
  constructor(
    private readonly store: AnnotationsStore,
    /** Projects keep their own tags: a project's are set through its service. */
    private readonly projects: ProjectsService,
    private readonly find: Pick<Finders, 'project'>,
  ) {}

  private async projectId(name: string | undefined) {
    return name ? (await this.find.project.find(name)).project.id : undefined;
  }

  async listNotes(
    _caller: Caller,
    conditions: ProjectConditions,
    request: NoteListRequest,
  ) {
    if (
      (request.entityType === undefined) !==
      (request.entityId === undefined)
    ) {
      throw new InputError('entityType and entityId go together');
    }
    if (!request.project && !request.entityType) {
      throw new InputError(
        'project: list the notes of a project, or of one entity with entityType and entityId',
      );
    }
    return this.store.listNotes(
      {
        projectId: await this.projectId(request.project),
        entity: request.entityType
          ? { type: request.entityType, id: request.entityId! }
          : undefined,
        limit: request.limit,
        cursor: request.cursor,
      },
      conditions,
    );
  }

  async createNote(caller: Caller, { entity }: EntityScope, body: string) {
    checkBody(body);
    return this.store.createNote(entity, body, caller.actor);
  }

  async updateNote(
    caller: Caller,
    { note }: NoteScope,
    request: { body: string; revision: number },
  ) {
    checkBody(request.body);
    return this.store.updateNote(
      note,
      request.body,
      request.revision,
      caller.actor,
    );
  }

  async deleteNote(caller: Caller, { note }: NoteScope, revision: number) {
    await this.store.deleteNote(note, revision, caller.actor);
  }

  async listNoteRevisions(_caller: Caller, { note }: NoteScope) {
    return this.store.listNoteRevisions(note.id);
  }

  async getTags(_caller: Caller, { entity }: EntityScope) {
    return this.store.getTags(entity);
  }

  async setTags(caller: Caller, { entity }: EntityScope, tags: string[]) {
    if (tags.length > TAGS_MAX) {
      throw new InputError(
        `tags has ${tags.length} tags; at most ${TAGS_MAX} are allowed`,
      );
    }
    tags.forEach((t, i) => checkSlug(`tags[${i}]`, t));
    if (entity.type === 'project') {
      // A project's tags are part of the project (searched, faceted, shown in lists).
      const project = await this.projects.updateProject(
        caller,
        await this.find.project.find(entity.project),
        { tags },
      );
      return [...project.tags].sort();
    }
    return this.store.setTags(entity, tags, caller.actor);
  }

  async countTags(
    _caller: Caller,
    conditions: ProjectConditions,
    request: TagCountRequest,
  ) {
    return this.store.countTags(
      {
        projectId: await this.projectId(request.project),
        entityType: request.entityType,
        prefix: request.q?.trim() || undefined,
        limit: request.limit,
      },
      conditions,
    );
  }

  async listTagged(
    _caller: Caller,
    conditions: ProjectConditions,
    request: TaggedListRequest,
  ) {
    return this.store.listTagged(
      {
        tag: request.tag,
        projectId: await this.projectId(request.project),
        entityType: request.entityType,
        limit: request.limit,
        cursor: request.cursor,
      },
      conditions,
    );
  }
}
