import { InputError, NotFoundError } from '@backstage/errors';
import {
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
} from '@ml-home/plugin-ml-home-common';
import { AnnotationsStore } from '../annotations/DatabaseAnnotationsStore';
import { ProjectConditions } from '../domain/ProjectConditions';
import {
  AnnotatedEntity,
  AnnotatedEntityType,
  Note,
  NoteRevision,
  Page,
  TaggedEntity,
} from '../domain/types';
import { Caller, MlHomeService } from './MlHomeService';
import { ProjectAuthorizer } from '../authorization/ProjectAuthorizer';
import { checkMaxLength, checkSlug } from '../domain/validation';

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

/** What the routes can ask about notes and tags on any entity. */
export interface AnnotationsService {
  /** The entity, its project and label; 404 when there is no such entity. */
  resolveEntity(
    type: AnnotatedEntityType,
    id: string,
  ): Promise<AnnotatedEntity>;
  resolveNote(id: string): Promise<Note>;
  listNotes(
    caller: Caller,
    request: NoteListRequest,
    conditions?: ProjectConditions,
  ): Promise<Page<Note>>;
  createNote(
    caller: Caller,
    request: {
      entityType: AnnotatedEntityType;
      entityId: string;
      body: string;
    },
  ): Promise<Note>;
  updateNote(
    caller: Caller,
    id: string,
    request: { body: string; revision: number },
  ): Promise<Note>;
  deleteNote(caller: Caller, id: string, revision: number): Promise<void>;
  listNoteRevisions(caller: Caller, id: string): Promise<NoteRevision[]>;
  getTags(
    caller: Caller,
    type: AnnotatedEntityType,
    id: string,
  ): Promise<string[]>;
  setTags(
    caller: Caller,
    request: {
      entityType: AnnotatedEntityType;
      entityId: string;
      tags: string[];
    },
  ): Promise<string[]>;
  countTags(
    caller: Caller,
    request: {
      project?: string;
      entityType?: AnnotatedEntityType;
      q?: string;
      limit: number;
    },
    conditions?: ProjectConditions,
  ): Promise<{ value: string; count: number }[]>;
  listTagged(
    caller: Caller,
    request: {
      tag: string;
      project?: string;
      entityType?: AnnotatedEntityType;
      limit: number;
      cursor?: string;
    },
    conditions?: ProjectConditions,
  ): Promise<Page<TaggedEntity>>;
}

function checkBody(body: string) {
  if (!body.trim()) {
    throw new InputError('body must not be empty');
  }
  checkMaxLength('body', body, NOTE_MAX);
}

/** ML Home's rules for notes and tags. Knows nothing of permissions. */
export class DefaultAnnotationsService implements AnnotationsService {
  constructor(
    private readonly core: MlHomeService,
    private readonly store: AnnotationsStore,
  ) {}

  async resolveEntity(type: AnnotatedEntityType, id: string) {
    const key = `${type}\n${id}`;
    const entity = (await this.store.resolveEntities([{ type, id }])).get(key);
    if (!entity) {
      throw new NotFoundError(`No ${type} with id '${id}'`);
    }
    return entity;
  }

  async resolveNote(id: string) {
    const note = await this.store.getNote(id);
    if (!note) {
      throw new NotFoundError(`No note with id '${id}'`);
    }
    return note;
  }

  async listNotes(
    _caller: Caller,
    request: NoteListRequest,
    conditions?: ProjectConditions,
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
    const project = request.project
      ? await this.core.resolveProject(request.project)
      : undefined;
    return this.store.listNotes(
      {
        projectId: project?.id,
        entity: request.entityType
          ? { type: request.entityType, id: request.entityId! }
          : undefined,
        limit: request.limit,
        cursor: request.cursor,
      },
      conditions,
    );
  }

  async createNote(
    caller: Caller,
    request: {
      entityType: AnnotatedEntityType;
      entityId: string;
      body: string;
    },
  ) {
    checkBody(request.body);
    const entity = await this.resolveEntity(
      request.entityType,
      request.entityId,
    );
    return this.store.createNote(entity, request.body, caller.actor);
  }

  async updateNote(
    caller: Caller,
    id: string,
    request: { body: string; revision: number },
  ) {
    checkBody(request.body);
    const note = await this.resolveNote(id);
    return this.store.updateNote(
      note,
      request.body,
      request.revision,
      caller.actor,
    );
  }

  async deleteNote(caller: Caller, id: string, revision: number) {
    const note = await this.resolveNote(id);
    await this.store.deleteNote(note, revision, caller.actor);
  }

  async listNoteRevisions(_caller: Caller, id: string) {
    await this.resolveNote(id);
    return this.store.listNoteRevisions(id);
  }

  async getTags(_caller: Caller, type: AnnotatedEntityType, id: string) {
    await this.resolveEntity(type, id);
    return this.store.getTags({ type, id });
  }

  async setTags(
    caller: Caller,
    request: {
      entityType: AnnotatedEntityType;
      entityId: string;
      tags: string[];
    },
  ) {
    if (request.tags.length > TAGS_MAX) {
      throw new InputError(
        `tags has ${request.tags.length} tags; at most ${TAGS_MAX} are allowed`,
      );
    }
    request.tags.forEach((t, i) => checkSlug(`tags[${i}]`, t));
    const entity = await this.resolveEntity(
      request.entityType,
      request.entityId,
    );
    if (entity.type === 'project') {
      // A project's tags are part of the project (searched, faceted, shown in lists).
      const project = await this.core.updateProject(caller, entity.project, {
        tags: request.tags,
      });
      return [...project.tags].sort();
    }
    return this.store.setTags(entity, request.tags, caller.actor);
  }

  async countTags(
    _caller: Caller,
    request: {
      project?: string;
      entityType?: AnnotatedEntityType;
      q?: string;
      limit: number;
    },
    conditions?: ProjectConditions,
  ) {
    const project = request.project
      ? await this.core.resolveProject(request.project)
      : undefined;
    return this.store.countTags(
      {
        projectId: project?.id,
        entityType: request.entityType,
        prefix: request.q?.trim() || undefined,
        limit: request.limit,
      },
      conditions,
    );
  }

  async listTagged(
    _caller: Caller,
    request: {
      tag: string;
      project?: string;
      entityType?: AnnotatedEntityType;
      limit: number;
      cursor?: string;
    },
    conditions?: ProjectConditions,
  ) {
    const project = request.project
      ? await this.core.resolveProject(request.project)
      : undefined;
    return this.store.listTagged(
      {
        tag: request.tag,
        projectId: project?.id,
        entityType: request.entityType,
        limit: request.limit,
        cursor: request.cursor,
      },
      conditions,
    );
  }
}

const projectOf = (e: { project: string; projectOwner: string }) => ({
  name: e.project,
  owner: e.projectOwner,
});

/**
 * The permission layer over {@link AnnotationsService}: reading notes and tags needs read rights
 * on the entity's project, writing them update rights (like every other write to a project).
 */
export class AuthorizedAnnotationsService implements AnnotationsService {
  constructor(
    private readonly inner: AnnotationsService,
    private readonly core: MlHomeService,
    private readonly authorizer: ProjectAuthorizer,
  ) {}

  resolveEntity(type: AnnotatedEntityType, id: string) {
    return this.inner.resolveEntity(type, id);
  }

  resolveNote(id: string) {
    return this.inner.resolveNote(id);
  }

  private async noteProject(id: string) {
    const note = await this.inner.resolveNote(id);
    return this.core.resolveProject(note.project, { includeDeleted: true });
  }

  listNotes(caller: Caller, request: NoteListRequest) {
    return this.authorizer.whenReadable(
      caller,
      { items: [], totalCount: 0 },
      conditions => this.inner.listNotes(caller, request, conditions),
    );
  }

  async createNote(
    caller: Caller,
    request: {
      entityType: AnnotatedEntityType;
      entityId: string;
      body: string;
    },
  ) {
    const entity = await this.inner.resolveEntity(
      request.entityType,
      request.entityId,
    );
    await this.authorizer.check(
      caller,
      mlHomeProjectUpdatePermission,
      projectOf(entity),
    );
    return this.inner.createNote(caller, request);
  }

  async updateNote(
    caller: Caller,
    id: string,
    request: { body: string; revision: number },
  ) {
    await this.authorizer.check(
      caller,
      mlHomeProjectUpdatePermission,
      await this.noteProject(id),
    );
    return this.inner.updateNote(caller, id, request);
  }

  async deleteNote(caller: Caller, id: string, revision: number) {
    await this.authorizer.check(
      caller,
      mlHomeProjectUpdatePermission,
      await this.noteProject(id),
    );
    return this.inner.deleteNote(caller, id, revision);
  }

  async listNoteRevisions(caller: Caller, id: string) {
    await this.authorizer.check(
      caller,
      mlHomeProjectReadPermission,
      await this.noteProject(id),
    );
    return this.inner.listNoteRevisions(caller, id);
  }

  async getTags(caller: Caller, type: AnnotatedEntityType, id: string) {
    const entity = await this.inner.resolveEntity(type, id);
    await this.authorizer.check(
      caller,
      mlHomeProjectReadPermission,
      projectOf(entity),
    );
    return this.inner.getTags(caller, type, id);
  }

  async setTags(
    caller: Caller,
    request: {
      entityType: AnnotatedEntityType;
      entityId: string;
      tags: string[];
    },
  ) {
    const entity = await this.inner.resolveEntity(
      request.entityType,
      request.entityId,
    );
    await this.authorizer.check(
      caller,
      mlHomeProjectUpdatePermission,
      projectOf(entity),
    );
    return this.inner.setTags(caller, request);
  }

  countTags(
    caller: Caller,
    request: Parameters<AnnotationsService['countTags']>[1],
  ) {
    return this.authorizer.whenReadable(caller, [], conditions =>
      this.inner.countTags(caller, request, conditions),
    );
  }

  listTagged(
    caller: Caller,
    request: Parameters<AnnotationsService['listTagged']>[1],
  ) {
    return this.authorizer.whenReadable(
      caller,
      { items: [], totalCount: 0 },
      conditions => this.inner.listTagged(caller, request, conditions),
    );
  }
}
