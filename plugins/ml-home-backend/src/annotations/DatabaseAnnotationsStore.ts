import { ConflictError, NotFoundError } from '@backstage/errors';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import {
  AnnotatedEntity,
  AnnotatedEntityType,
  Note,
  NoteRevision,
  Page,
  TaggedEntity,
} from '../domain/types';
import { applyProjectConditions } from '../permissions';
import { insertProjectEvent } from '../database/events';
import { fromDbInt, fromDbTime, toDbTime } from '../database/mappers';
import { Clock, systemClock } from '../database/clock';
import { ProjectConditions } from '../domain/ProjectConditions';
import {
  CountRow,
  EntityTagRow,
  NoteRevisionRow,
  NoteRow,
  ProjectTagRow,
} from '../database/rows';
import { inTransaction } from '../database/transactions';
import {
  countOf,
  encodeCursor,
  escapeLike,
  keysetPage,
  newestFirstCursor,
  orderedAfter,
} from '../database/queryHelpers';

type EntityKey = { type: AnnotatedEntityType; id: string };

const keyOf = (e: EntityKey) => `${e.type}\n${e.id}`;

/**
 * Storage of the annotations every entity can carry: markdown notes with every revision kept, and
 * free slug tags. Projects keep their tags in `project_tags` (the project list searches and
 * facets them); the service routes project tags there.
 */
export interface AnnotationsStore {
  /** The entities, with their project and a human label; unknown ones are absent. */
  resolveEntities(keys: EntityKey[]): Promise<Map<string, AnnotatedEntity>>;
  listNotes(
    query: {
      projectId?: string;
      entity?: EntityKey;
      limit: number;
      cursor?: string;
    },
    conditions: ProjectConditions,
  ): Promise<Page<Note>>;
  getNote(id: string): Promise<Note | undefined>;
  createNote(
    entity: AnnotatedEntity,
    body: string,
    actor: string,
  ): Promise<Note>;
  updateNote(
    note: Note,
    body: string,
    revision: number,
    actor: string,
  ): Promise<Note>;
  deleteNote(note: Note, revision: number, actor: string): Promise<void>;
  listNoteRevisions(id: string): Promise<NoteRevision[]>;
  getTags(entity: EntityKey): Promise<string[]>;
  setTags(
    entity: AnnotatedEntity,
    tags: string[],
    actor: string,
  ): Promise<string[]>;
  countTags(
    query: {
      projectId?: string;
      entityType?: AnnotatedEntityType;
      prefix?: string;
      limit: number;
    },
    conditions: ProjectConditions,
  ): Promise<{ value: string; count: number }[]>;
  listTagged(
    query: {
      tag: string;
      projectId?: string;
      entityType?: AnnotatedEntityType;
      limit: number;
      cursor?: string;
    },
    conditions: ProjectConditions,
  ): Promise<Page<TaggedEntity>>;
}

/** For each entity type: the query that finds entities by id with their project and label parts. */
const ENTITY_QUERIES: Record<
  AnnotatedEntityType,
  (db: Knex, ids: string[]) => Knex.QueryBuilder
> = {
  project: (db, ids) =>
    db('projects as p').whereIn('p.id', ids).select('p.id', 'p.name as label'),
  experiment: (db, ids) =>
    db('experiments as x')
      .join('projects as p', 'p.id', 'x.project_id')
      // Experiment ids are integers: anything else cannot match, and PostgreSQL would reject it.
      .whereIn('x.id', ids.filter(id => /^\d{1,15}$/.test(id)).map(Number))
      .select('x.id', 'x.name as label'),
  run: (db, ids) =>
    db('runs as r')
      .join('projects as p', 'p.id', 'r.project_id')
      .whereIn('r.id', ids)
      .select('r.id', 'r.name as label'),
  model: (db, ids) =>
    db('models as m')
      .join('projects as p', 'p.id', 'm.project_id')
      .whereIn('m.id', ids)
      .select('m.id', 'm.name as label'),
  'model-version': (db, ids) =>
    db('model_versions as v')
      .join('models as m', 'm.id', 'v.model_id')
      .join('projects as p', 'p.id', 'm.project_id')
      .whereIn('v.id', ids)
      .select('v.id', 'm.name as label', 'v.version as version'),
  evaluation: (db, ids) =>
    db('evaluations as e')
      .join('model_versions as v', 'v.id', 'e.model_version_id')
      .join('models as m', 'm.id', 'v.model_id')
      .join('projects as p', 'p.id', 'e.project_id')
      .whereIn('e.id', ids)
      .select(
        'e.id',
        'm.name as label',
        'v.version as version',
        'e.name as detail',
      ),
  dataset: (db, ids) =>
    db('datasets as d')
      .join('projects as p', 'p.id', 'd.project_id')
      .whereIn('d.id', ids)
      .select('d.id', 'd.name as label'),
  deployment: (db, ids) =>
    db('deployments as d')
      .join('model_versions as v', 'v.id', 'd.model_version_id')
      .join('models as m', 'm.id', 'v.model_id')
      .join('projects as p', 'p.id', 'm.project_id')
      .whereIn('d.id', ids)
      .select(
        'd.id',
        'm.name as label',
        'v.version as version',
        'd.environment as detail',
      ),
};

/** What {@link ENTITY_QUERIES} select: the id and the parts of a human label. */
type EntityLabelRow = {
  id: string | number;
  label: string;
  version?: unknown;
  detail?: string;
  project_id: string;
  project_name: string;
  project_owner: string;
};

/** A note with its project's name. */
type NoteOfProjectRow = NoteRow & { project_name: string };

/** Tags of entities of every type, projects' included, as {@link allTags} selects them. */
type AnyTagRow = Pick<EntityTagRow, 'entity_type' | 'tag'> & {
  entity_id: string | number;
};

function labelOf(type: AnnotatedEntityType, row: EntityLabelRow): string {
  switch (type) {
    case 'run':
      return row.label || String(row.id).slice(0, 8);
    case 'model-version':
      return `${row.label} v${fromDbInt(row.version)}`;
    case 'evaluation':
      return `${row.label} v${fromDbInt(row.version)} · ${row.detail}`;
    case 'deployment':
      return `${row.label} v${fromDbInt(row.version)} → ${row.detail}`;
    default:
      return row.label;
  }
}

function noteFromRow(row: NoteOfProjectRow, entity?: AnnotatedEntity): Note {
  return {
    id: row.id,
    projectId: row.project_id,
    project: row.project_name,
    // The column only ever holds the entity types the API accepts.
    entityType: row.entity_type as AnnotatedEntityType,
    entityId: row.entity_id,
    entityLabel: entity?.label ?? row.entity_id,
    body: row.body,
    revision: fromDbInt(row.revision),
    createdBy: row.created_by,
    createdAt: fromDbTime(row.created_at),
    updatedBy: row.updated_by,
    updatedAt: fromDbTime(row.updated_at),
  };
}

/** The Knex implementation of {@link AnnotationsStore}. */
export class DatabaseAnnotationsStore implements AnnotationsStore {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock = systemClock,
  ) {}

  async resolveEntities(keys: EntityKey[]) {
    const out = new Map<string, AnnotatedEntity>();
    const byType = new Map<AnnotatedEntityType, Set<string>>();
    for (const k of keys) {
      if (!byType.has(k.type)) byType.set(k.type, new Set());
      byType.get(k.type)!.add(k.id);
    }
    await Promise.all(
      [...byType].map(async ([type, ids]) => {
        const rows: EntityLabelRow[] = await ENTITY_QUERIES[type](this.db, [
          ...ids,
        ]).select(
          'p.id as project_id',
          'p.name as project_name',
          'p.owner as project_owner',
        );
        for (const row of rows) {
          const id = String(row.id);
          out.set(keyOf({ type, id }), {
            type,
            id,
            projectId: row.project_id,
            project: row.project_name,
            projectOwner: row.project_owner,
            label: labelOf(type, row),
          });
        }
      }),
    );
    return out;
  }

  private notes() {
    return this.db('notes as n')
      .join('projects as p', 'p.id', 'n.project_id')
      .whereNull('n.deleted_at')
      .select<NoteOfProjectRow[]>('n.*', 'p.name as project_name');
  }

  private async withLabels(rows: NoteOfProjectRow[]): Promise<Note[]> {
    const keyOfRow = (r: NoteOfProjectRow) => ({
      type: r.entity_type as AnnotatedEntityType,
      id: r.entity_id,
    });
    const entities = await this.resolveEntities(rows.map(keyOfRow));
    return rows.map(r => noteFromRow(r, entities.get(keyOf(keyOfRow(r)))));
  }

  async listNotes(
    query: {
      projectId?: string;
      entity?: EntityKey;
      limit: number;
      cursor?: string;
    },
    conditions: ProjectConditions,
  ): Promise<Page<Note>> {
    const base = () => {
      const qb = this.notes().whereNull('p.deleted_at');
      if (conditions) applyProjectConditions(qb, conditions, 'p.owner');
      if (query.projectId) qb.where('n.project_id', query.projectId);
      if (query.entity) {
        qb.where({
          'n.entity_type': query.entity.type,
          'n.entity_id': query.entity.id,
        });
      }
      return qb;
    };
    const page = orderedAfter(
      base(),
      [
        { column: 'n.created_at', order: 'desc' },
        { column: 'n.id', order: 'asc' },
      ],
      query.cursor,
    );
    const [rows, total] = await Promise.all([
      page.limit(query.limit + 1),
      base().clearSelect().count<CountRow[]>({ n: '*' }),
    ]);
    const cut = keysetPage(rows, query.limit, r =>
      newestFirstCursor(r.created_at, r.id),
    );
    return {
      items: await this.withLabels(cut.rows),
      nextCursor: cut.nextCursor,
      totalCount: countOf(total),
    };
  }

  async getNote(id: string): Promise<Note | undefined> {
    const [row] = await this.notes().where('n.id', id).limit(1);
    return row ? (await this.withLabels([row]))[0] : undefined;
  }

  async createNote(
    entity: AnnotatedEntity,
    body: string,
    actor: string,
  ): Promise<Note> {
    const id = randomUUID();
    const now = this.clock();
    await inTransaction(this.db, async tx => {
      await tx<NoteRow>('notes').insert({
        id,
        project_id: entity.projectId,
        entity_type: entity.type,
        entity_id: entity.id,
        body,
        revision: 1,
        created_by: actor,
        created_at: toDbTime(now),
        updated_by: actor,
        updated_at: toDbTime(now),
      });
      await tx<NoteRevisionRow>('note_revisions').insert({
        note_id: id,
        revision: 1,
        body,
        action: 'create',
        edited_by: actor,
        edited_at: toDbTime(now),
      });
      await insertProjectEvent(
        tx,
        entity.projectId,
        {
          actor,
          action: 'note.create',
          entityType: entity.type,
          entityId: entity.id,
          summary: `wrote a note on ${entity.type} ${entity.label}`,
        },
        now,
      );
    });
    return (await this.getNote(id))!;
  }

  /**
   * Moves a note from `revision` to `revision + 1` in one conditional UPDATE, so two editors who
   * both read revision N cannot both succeed: the second matches no row and gets a 409.
   */
  private async advance(
    tx: Knex.Transaction,
    note: Note,
    revision: number,
    changes: Record<string, unknown>,
    actor: string,
    now: Date,
  ) {
    const updated = await tx<NoteRow>('notes')
      .where({ id: note.id, revision })
      .whereNull('deleted_at')
      .update({
        ...changes,
        revision: revision + 1,
        updated_by: actor,
        updated_at: toDbTime(now),
      });
    if (updated === 0) {
      const current = await tx<NoteRow>('notes').where('id', note.id).first();
      if (!current || current.deleted_at) {
        throw new NotFoundError(`No note with id '${note.id}'`);
      }
      throw new ConflictError(
        `revision: the note is at revision ${fromDbInt(current.revision)}, edited by ${current.updated_by} at ${fromDbTime(current.updated_at).toISOString()}, not ${revision}; reload it and apply your change again`,
      );
    }
  }

  async updateNote(
    note: Note,
    body: string,
    revision: number,
    actor: string,
  ): Promise<Note> {
    const now = this.clock();
    await inTransaction(this.db, async tx => {
      await this.advance(tx, note, revision, { body }, actor, now);
      await tx<NoteRevisionRow>('note_revisions').insert({
        note_id: note.id,
        revision: revision + 1,
        body,
        action: 'edit',
        edited_by: actor,
        edited_at: toDbTime(now),
      });
      await insertProjectEvent(
        tx,
        note.projectId,
        {
          actor,
          action: 'note.edit',
          entityType: note.entityType,
          entityId: note.entityId,
          summary: `edited a note on ${note.entityType} ${note.entityLabel}`,
        },
        now,
      );
    });
    return (await this.getNote(note.id))!;
  }

  async deleteNote(note: Note, revision: number, actor: string) {
    const now = this.clock();
    await inTransaction(this.db, async tx => {
      await this.advance(
        tx,
        note,
        revision,
        { deleted_at: toDbTime(now) },
        actor,
        now,
      );
      await tx<NoteRevisionRow>('note_revisions').insert({
        note_id: note.id,
        revision: revision + 1,
        body: '',
        action: 'delete',
        edited_by: actor,
        edited_at: toDbTime(now),
      });
      await insertProjectEvent(
        tx,
        note.projectId,
        {
          actor,
          action: 'note.delete',
          entityType: note.entityType,
          entityId: note.entityId,
          summary: `deleted a note on ${note.entityType} ${note.entityLabel}`,
        },
        now,
      );
    });
  }

  async listNoteRevisions(id: string): Promise<NoteRevision[]> {
    const rows = await this.db<NoteRevisionRow>('note_revisions')
      .where('note_id', id)
      .orderBy('revision');
    return rows.map(r => ({
      revision: fromDbInt(r.revision),
      body: r.body,
      // The column only ever holds these three.
      action: r.action as NoteRevision['action'],
      editedBy: r.edited_by,
      editedAt: fromDbTime(r.edited_at),
    }));
  }

  async getTags(entity: EntityKey): Promise<string[]> {
    const rows =
      entity.type === 'project'
        ? await this.db<ProjectTagRow>('project_tags')
            .where('project_id', entity.id)
            .orderBy('tag')
            .select('tag')
        : await this.db<EntityTagRow>('entity_tags')
            .where({ entity_type: entity.type, entity_id: entity.id })
            .orderBy('tag')
            .select('tag');
    return rows.map(r => r.tag);
  }

  async setTags(
    entity: AnnotatedEntity,
    tags: string[],
    actor: string,
  ): Promise<string[]> {
    const wanted = [...new Set(tags)].sort();
    const now = this.clock();
    await inTransaction(this.db, async tx => {
      const where = { entity_type: entity.type, entity_id: entity.id };
      const current = (
        await tx<EntityTagRow>('entity_tags').where(where).select('tag')
      ).map(r => r.tag);
      if (current.sort().join(',') === wanted.join(',')) return;
      await tx('entity_tags').where(where).delete();
      if (wanted.length) {
        await tx<EntityTagRow>('entity_tags').insert(
          wanted.map(tag => ({ ...where, project_id: entity.projectId, tag })),
        );
      }
      await insertProjectEvent(
        tx,
        entity.projectId,
        {
          actor,
          action: 'tags.set',
          entityType: entity.type,
          entityId: entity.id,
          summary: `tagged ${entity.type} ${entity.label}: ${wanted.join(', ') || '(none)'}`,
        },
        now,
      );
    });
    return wanted;
  }

  /** Every tag of every entity, projects' own tags included, as one relation. */
  private allTags(entityType?: AnnotatedEntityType) {
    const db = this.db;
    const projectTags = () =>
      db('project_tags').select(
        db.raw("'project' as entity_type"),
        'project_id as entity_id',
        'project_id',
        'tag',
      );
    const otherTags = () => {
      const qb = db('entity_tags').select(
        'entity_type',
        'entity_id',
        'project_id',
        'tag',
      );
      if (entityType) qb.where('entity_type', entityType);
      return qb;
    };
    if (entityType === 'project') return projectTags().as('t');
    if (entityType) return otherTags().as('t');
    return projectTags().unionAll(otherTags()).as('t');
  }

  private tagged(
    query: { projectId?: string; entityType?: AnnotatedEntityType },
    conditions: ProjectConditions,
  ) {
    const qb = this.db
      .from(this.allTags(query.entityType))
      .join('projects as p', 'p.id', 't.project_id')
      .whereNull('p.deleted_at');
    if (conditions) applyProjectConditions(qb, conditions, 'p.owner');
    if (query.projectId) qb.where('t.project_id', query.projectId);
    return qb;
  }

  async countTags(
    query: {
      projectId?: string;
      entityType?: AnnotatedEntityType;
      prefix?: string;
      limit: number;
    },
    conditions: ProjectConditions,
  ) {
    const qb = this.tagged(query, conditions);
    if (query.prefix) {
      qb.whereRaw(`t.tag like ? escape '\\'`, [
        `${escapeLike(query.prefix.toLowerCase())}%`,
      ]);
    }
    const rows: { tag: string; n: unknown }[] = await qb
      .select('t.tag')
      .count({ n: '*' })
      .groupBy('t.tag')
      .orderBy([
        { column: 'n', order: 'desc' },
        { column: 't.tag', order: 'asc' },
      ])
      .limit(query.limit);
    return rows.map(r => ({ value: r.tag, count: fromDbInt(r.n) }));
  }

  async listTagged(
    query: {
      tag: string;
      projectId?: string;
      entityType?: AnnotatedEntityType;
      limit: number;
      cursor?: string;
    },
    conditions: ProjectConditions,
  ): Promise<Page<TaggedEntity>> {
    const base = () => this.tagged(query, conditions).where('t.tag', query.tag);
    const page = orderedAfter(
      base(),
      [
        { column: 't.entity_type', order: 'asc' },
        { column: 't.entity_id', order: 'asc' },
      ],
      query.cursor,
    );
    const [rows, total] = await Promise.all([
      page
        .select<Omit<AnyTagRow, 'tag'>[]>('t.entity_type', 't.entity_id')
        .limit(query.limit + 1),
      base().count<CountRow[]>({ n: '*' }),
    ]);
    const cut = keysetPage(rows, query.limit, r =>
      encodeCursor([r.entity_type, String(r.entity_id)]),
    );
    const keys = cut.rows.map(r => ({
      type: r.entity_type as AnnotatedEntityType,
      id: String(r.entity_id),
    }));
    const [entities, tagRows] = await Promise.all([
      this.resolveEntities(keys),
      keys.length
        ? this.db
            .from(this.allTags())
            .whereIn(
              ['t.entity_type', 't.entity_id'],
              keys.map(k => [k.type, k.id]),
            )
            .orderBy('t.tag')
            .select<AnyTagRow[]>('t.entity_type', 't.entity_id', 't.tag')
        : Promise.resolve<AnyTagRow[]>([]),
    ]);
    const tagsOf = new Map<string, string[]>();
    for (const r of tagRows) {
      const key = keyOf({
        type: r.entity_type as AnnotatedEntityType,
        id: String(r.entity_id),
      });
      const list = tagsOf.get(key);
      if (list) list.push(r.tag);
      else tagsOf.set(key, [r.tag]);
    }
    return {
      items: keys.flatMap(k => {
        const entity = entities.get(keyOf(k));
        return entity
          ? [
              {
                entityType: k.type,
                entityId: k.id,
                project: entity.project,
                label: entity.label,
                tags: tagsOf.get(keyOf(k)) ?? [],
              },
            ]
          : [];
      }),
      nextCursor: cut.nextCursor,
      totalCount: countOf(total),
    };
  }
}
