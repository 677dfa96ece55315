import { ConflictError, InputError } from '@backstage/errors';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { ProjectConditions } from '../domain/ProjectConditions';
import {
  EventInput,
  FacetCount,
  Page,
  Project,
  ProjectEvent,
  ProjectInput,
  ProjectListQuery,
  ProjectListResult,
  ProjectOrderBy,
  ProjectPatch,
} from '../domain/types';
import { insertProjectEvent } from '../database/events';
import {
  eventFromRow,
  fromDbInt,
  projectFromRow,
  projectSearchText,
  toDbTime,
} from '../database/mappers';
import { Clock, systemClock } from '../database/clock';
import {
  decodeCursorValue,
  decodeIntegerCursor,
  encodeCursor,
  escapeLike,
  keysetPage,
} from '../database/queryHelpers';
import { inTransaction } from '../database/transactions';
import { EventRow, ProjectRow, ProjectTagRow } from '../database/rows';
import { applyProjectConditions } from '../permissions';

/** Storage of projects and their activity feed. */
export interface ProjectsStore {
  listProjects(
    query: ProjectListQuery,
    conditions: ProjectConditions,
  ): Promise<ProjectListResult>;
  /**
   * A project by name. `counts: false` leaves out its activity counts and certification level
   * (three more queries): what deciding on it and writing into it need is its own row and tags.
   */
  getProject(
    name: string,
    options?: { includeDeleted?: boolean; counts?: boolean },
  ): Promise<Project | undefined>;
  createProject(input: ProjectInput, actor: string): Promise<Project>;
  updateProject(
    project: Project,
    patch: ProjectPatch,
    actor: string,
  ): Promise<Project>;
  setProjectDeleted(
    project: Project,
    deleted: boolean,
    actor: string,
  ): Promise<Project>;
  listEvents(
    project: Project,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ProjectEvent>>;
  /** Appends to the project's activity feed, which also marks the project active at `at`. */
  appendEvent(project: Project, event: EventInput, at?: Date): Promise<void>;
}

const PROJECT_ORDER_COLUMNS: Record<ProjectOrderBy, keyof ProjectRow> = {
  name: 'name',
  title: 'title',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  lastActivityAt: 'last_activity_at',
};

const FACET_LIMIT = 50;

interface ProjectCursor {
  o: ProjectOrderBy;
  d: 'asc' | 'desc';
  v: string;
  id: string;
}

type FacetRow = { value: unknown; n: unknown };
type GroupedFacetRow = {
  owner_value: string;
  lifecycle_value: string;
  level_value: string | null;
  n: unknown;
};

/** Sums of the rows grouped by owner, lifecycle and level: the total and one facet per column. */
function groupFacets(rows: readonly GroupedFacetRow[]) {
  const sums = {
    owner: new Map<string, number>(),
    lifecycle: new Map<string, number>(),
    level: new Map<string, number>(),
  };
  let total = 0;
  const add = (into: Map<string, number>, value: string, n: number) =>
    into.set(value, (into.get(value) ?? 0) + n);
  for (const row of rows) {
    const n = fromDbInt(row.n);
    total += n;
    add(sums.owner, row.owner_value, n);
    add(sums.lifecycle, row.lifecycle_value, n);
    if (row.level_value !== null) add(sums.level, row.level_value, n);
  }
  const toRows = (m: Map<string, number>): FacetRow[] =>
    [...m].map(([value, n]) => ({ value, n }));
  return {
    total,
    owner: toRows(sums.owner),
    lifecycle: toRows(sums.lifecycle),
    level: toRows(sums.level),
  };
}
type ProjectCountRow = { project_id: string; n: unknown };

function facet(rows: readonly FacetRow[]): FacetCount[] {
  return rows
    .map(r => ({ value: String(r.value), count: fromDbInt(r.n) }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, FACET_LIMIT);
}

function decodeProjectCursor(
  cursor: string,
  query: ProjectListQuery,
): ProjectCursor {
  const decoded = decodeCursorValue(cursor) as Partial<ProjectCursor> | null;
  if (
    !decoded ||
    decoded.o !== query.orderBy ||
    decoded.d !== query.order ||
    typeof decoded.v !== 'string' ||
    typeof decoded.id !== 'string'
  ) {
    throw new InputError(
      'cursor does not belong to this orderBy and order; start again without a cursor',
    );
  }
  return decoded as ProjectCursor;
}

function cursorValue(value: unknown): string {
  return value instanceof Date ? toDbTime(value) : String(value);
}

/**
 * A project's certification level: the lowest stored level among its models that have a certified
 * version (null when none has one), for `projects` in the outer query.
 */
const PROJECT_LEVEL_SQL = `(select s.level from certification_scorecards s where s.project_id = projects.id and s.version is not null order by s.level_rank asc, s.level asc limit 1)`;

/** A JSON array of tags as SQLite (text) or PostgreSQL (parsed) hands it over. */
function parseTagList(value: unknown): string[] {
  const list = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(list) ? list.map(String) : [];
}

/** The Knex implementation of {@link ProjectsStore}, for SQLite and PostgreSQL. */
export class DatabaseProjectsStore implements ProjectsStore {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock = systemClock,
  ) {}

  async listProjects(
    query: ProjectListQuery,
    conditions: ProjectConditions,
  ): Promise<ProjectListResult> {
    const db = this.db;
    const base = (skip?: 'owner' | 'tag' | 'lifecycle' | 'level') => {
      const qb = db<ProjectRow>('projects');
      if (query.deleted) {
        qb.whereNotNull('projects.deleted_at');
      } else {
        qb.whereNull('projects.deleted_at');
      }
      if (conditions) {
        applyProjectConditions(qb, conditions, 'projects.owner');
      }
      if (query.q?.trim()) {
        for (const word of query.q
          .trim()
          .toLowerCase()
          .split(/\s+/)
          .slice(0, 10)) {
          qb.whereRaw(`projects.search_text like ? escape '\\'`, [
            `%${escapeLike(word)}%`,
          ]);
        }
      }
      if (query.owners?.length && skip !== 'owner') {
        qb.whereIn(
          'projects.owner',
          query.owners.map(o => o.toLowerCase()),
        );
      }
      if (query.tags?.length && skip !== 'tag') {
        for (const tag of query.tags) {
          qb.whereExists(
            db('project_tags')
              .select(db.raw('1'))
              .whereRaw('project_tags.project_id = projects.id')
              .andWhere('project_tags.tag', tag),
          );
        }
      }
      if (query.lifecycles?.length && skip !== 'lifecycle') {
        qb.whereIn('projects.lifecycle', query.lifecycles);
      }
      if (query.levels?.length && skip !== 'level') {
        qb.whereRaw(
          `${PROJECT_LEVEL_SQL} in (${query.levels.map(() => '?').join(', ')})`,
          query.levels,
        );
      }
      return qb;
    };

    const column = PROJECT_ORDER_COLUMNS[query.orderBy];
    const page = base().select<ProjectRow[]>('projects.*');
    if (query.cursor) {
      const cursor = decodeProjectCursor(query.cursor, query);
      const cmp = query.order === 'asc' ? '>' : '<';
      page.where(inner =>
        inner
          .where(`projects.${column}`, cmp, cursor.v)
          .orWhere(tie =>
            tie
              .where(`projects.${column}`, cursor.v)
              .andWhere('projects.id', cmp, cursor.id),
          ),
      );
    }
    page.orderBy([
      { column: `projects.${column}`, order: query.order },
      { column: 'projects.id', order: query.order },
    ]);
    page.limit(query.limit + 1);

    // Every facet counts with the other filters applied but not its own. A facet whose own filter
    // is not in the query counts over the same projects as the total, so the total and those
    // facets come from one scan grouped by owner, lifecycle and level, instead of one scan each
    // (every scan re-evaluates the search words on every project). A facet whose filter is in
    // the query keeps a query of its own.
    const active = {
      owner: !!query.owners?.length,
      lifecycle: !!query.lifecycles?.length,
      level: !!query.levels?.length,
    };
    const [rows, groupedRows, ownerRows, lifecycleRows, levelRows, tagRows] =
      await Promise.all([
        page,
        base()
          .select(
            'projects.owner as owner_value',
            'projects.lifecycle as lifecycle_value',
            db.raw(`${PROJECT_LEVEL_SQL} as level_value`),
            db.raw('count(*) as n'),
          )
          .groupBy(
            'owner_value',
            'lifecycle_value',
            'level_value',
          ) as unknown as Promise<GroupedFacetRow[]>,
        active.owner
          ? (base('owner')
              .select('projects.owner as value')
              .count({ n: '*' })
              .groupBy('projects.owner') as Promise<FacetRow[]>)
          : undefined,
        active.lifecycle
          ? (base('lifecycle')
              .select('projects.lifecycle as value')
              .count({ n: '*' })
              .groupBy('projects.lifecycle') as Promise<FacetRow[]>)
          : undefined,
        active.level
          ? base('level')
              .select(db.raw(`${PROJECT_LEVEL_SQL} as value`))
              .count({ n: '*' })
              .groupBy('value')
              .then(r =>
                (r as unknown as FacetRow[]).filter(row => row.value !== null),
              )
          : undefined,
        // Tags of the matching projects: looked up by project id (the tag table's key) rather
        // than joined from every tag row.
        db('project_tags')
          .whereIn('project_tags.project_id', base('tag').select('projects.id'))
          .select('project_tags.tag as value')
          .count({ n: '*' })
          .groupBy('project_tags.tag') as Promise<FacetRow[]>,
      ]);
    const grouped = groupFacets(groupedRows);

    const cut = keysetPage(rows, query.limit, last =>
      encodeCursor({
        o: query.orderBy,
        d: query.order,
        v: cursorValue(last[column]),
        id: last.id,
      } satisfies ProjectCursor),
    );
    return {
      items: await this.hydrateProjects(cut.rows),
      nextCursor: cut.nextCursor,
      totalCount: grouped.total,
      facets: {
        owner: facet(ownerRows ?? grouped.owner),
        lifecycle: facet(lifecycleRows ?? grouped.lifecycle),
        tag: facet(tagRows),
        level: facet(levelRows ?? grouped.level),
      },
    };
  }

  private async hydrateProjects(rows: ProjectRow[]): Promise<Project[]> {
    if (rows.length === 0) {
      return [];
    }
    const ids = rows.map(r => r.id);
    const [tagRows, experimentCounts, runCounts, levelRows] = await Promise.all(
      [
        this.db<ProjectTagRow>('project_tags')
          .whereIn('project_id', ids)
          .select('project_id', 'tag'),
        this.db('experiments')
          .whereIn('project_id', ids)
          .andWhere('lifecycle_stage', 'active')
          .select('project_id')
          .count({ n: '*' })
          .groupBy('project_id') as Promise<ProjectCountRow[]>,
        this.db('runs')
          .whereIn('project_id', ids)
          .andWhere('lifecycle_stage', 'active')
          .select('project_id')
          .count({ n: '*' })
          .groupBy('project_id') as Promise<ProjectCountRow[]>,
        this.db('projects')
          .whereIn('projects.id', ids)
          .select<{ id: string; level: string | null }[]>(
            'projects.id',
            this.db.raw(`${PROJECT_LEVEL_SQL} as level`),
          ),
      ],
    );
    const levels = new Map(levelRows.map(r => [r.id, r.level]));
    const tags = new Map<string, string[]>();
    for (const t of tagRows) {
      tags.set(t.project_id, [...(tags.get(t.project_id) ?? []), t.tag]);
    }
    const countsBy = (list: ProjectCountRow[]) =>
      new Map(list.map(r => [r.project_id, fromDbInt(r.n)]));
    const experiments = countsBy(experimentCounts);
    const runs = countsBy(runCounts);
    return rows.map(row => ({
      ...projectFromRow(row, tags.get(row.id) ?? []),
      counts: {
        experiments: experiments.get(row.id) ?? 0,
        runs: runs.get(row.id) ?? 0,
      },
      ...(levels.get(row.id)
        ? { certificationLevel: levels.get(row.id)! }
        : {}),
    }));
  }

  async getProject(
    name: string,
    options?: { includeDeleted?: boolean; counts?: boolean },
  ): Promise<Project | undefined> {
    const qb = this.db<ProjectRow>('projects').where('name', name);
    if (!options?.includeDeleted) {
      qb.whereNull('deleted_at');
    }
    if (options?.counts === false) {
      // One round trip: the tags come along as a JSON array.
      const row: (ProjectRow & { tag_list: unknown }) | undefined = await qb
        .select(
          'projects.*',
          this.db.raw(
            this.db.client.config.client === 'pg'
              ? `(select coalesce(json_agg(t.tag), '[]'::json) from project_tags t where t.project_id = projects.id) as tag_list`
              : `(select json_group_array(t.tag) from project_tags t where t.project_id = projects.id) as tag_list`,
          ),
        )
        .first();
      return row && projectFromRow(row, parseTagList(row.tag_list));
    }
    const row = await qb.first();
    if (!row) {
      return undefined;
    }
    return (await this.hydrateProjects([row]))[0];
  }

  async createProject(input: ProjectInput, actor: string): Promise<Project> {
    const now = this.clock();
    const id = randomUUID();
    await inTransaction(this.db, async tx => {
      const existing = await tx<ProjectRow>('projects')
        .where('name', input.name)
        .first('deleted_at');
      if (existing) {
        throw new ConflictError(
          existing.deleted_at
            ? `name: a deleted project named '${input.name}' exists; restore it or choose another name`
            : `name: a project named '${input.name}' already exists`,
        );
      }
      await tx<ProjectRow>('projects').insert({
        id,
        name: input.name,
        title: input.title,
        description: input.description,
        owner: input.owner.toLowerCase(),
        lifecycle: input.lifecycle,
        links: JSON.stringify(input.links),
        related_entities: JSON.stringify(input.relatedEntities),
        search_text: projectSearchText(input),
        created_by: actor,
        updated_by: actor,
        created_at: toDbTime(now),
        updated_at: toDbTime(now),
        last_activity_at: toDbTime(now),
        deleted_at: null,
      });
      if (input.tags.length) {
        await tx<ProjectTagRow>('project_tags').insert(
          input.tags.map(tag => ({ project_id: id, tag })),
        );
      }
      await insertProjectEvent(
        tx,
        id,
        {
          actor,
          action: 'project.create',
          entityType: 'project',
          entityId: input.name,
          summary: `created project ${input.name}`,
        },
        now,
      );
    });
    return (await this.getProject(input.name))!;
  }

  async updateProject(
    project: Project,
    patch: ProjectPatch,
    actor: string,
  ): Promise<Project> {
    const now = this.clock();
    const merged = { ...project, ...patch };
    const changed = Object.entries(patch)
      .filter(([, value]) => value !== undefined)
      .map(([key]) => key);
    await inTransaction(this.db, async tx => {
      const update: Partial<ProjectRow> = {
        updated_at: toDbTime(now),
        updated_by: actor,
        last_activity_at: toDbTime(now),
        search_text: projectSearchText(merged),
      };
      if (patch.title !== undefined) update.title = patch.title;
      if (patch.description !== undefined)
        update.description = patch.description;
      if (patch.owner !== undefined) update.owner = patch.owner.toLowerCase();
      if (patch.lifecycle !== undefined) update.lifecycle = patch.lifecycle;
      if (patch.links !== undefined) update.links = JSON.stringify(patch.links);
      if (patch.relatedEntities !== undefined)
        update.related_entities = JSON.stringify(patch.relatedEntities);
      await tx<ProjectRow>('projects').where('id', project.id).update(update);
      if (patch.tags !== undefined) {
        await tx('project_tags').where('project_id', project.id).delete();
        if (patch.tags.length) {
          await tx<ProjectTagRow>('project_tags').insert(
            patch.tags.map(tag => ({ project_id: project.id, tag })),
          );
        }
      }
      await insertProjectEvent(
        tx,
        project.id,
        {
          actor,
          action: 'project.update',
          entityType: 'project',
          entityId: project.name,
          summary: `changed ${changed.length ? changed.join(', ') : 'nothing'}`,
        },
        now,
      );
    });
    return (await this.getProject(project.name))!;
  }

  async setProjectDeleted(
    project: Project,
    deleted: boolean,
    actor: string,
  ): Promise<Project> {
    const now = this.clock();
    await inTransaction(this.db, async tx => {
      await tx<ProjectRow>('projects')
        .where('id', project.id)
        .update({
          deleted_at: deleted ? toDbTime(now) : null,
          updated_at: toDbTime(now),
          updated_by: actor,
          last_activity_at: toDbTime(now),
        });
      await insertProjectEvent(
        tx,
        project.id,
        {
          actor,
          action: deleted ? 'project.delete' : 'project.restore',
          entityType: 'project',
          entityId: project.name,
          summary: deleted
            ? `deleted project ${project.name}`
            : `restored project ${project.name}`,
        },
        now,
      );
    });
    return (await this.getProject(project.name, { includeDeleted: true }))!;
  }

  async appendEvent(
    project: Project,
    event: EventInput,
    at: Date = this.clock(),
  ): Promise<void> {
    await insertProjectEvent(this.db, project.id, event, at);
  }

  async listEvents(
    project: Project,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ProjectEvent>> {
    const before = decodeIntegerCursor(page.cursor);
    const qb = this.db<EventRow>('events').where('project_id', project.id);
    if (before !== undefined) {
      qb.andWhere('id', '<', before);
    }
    const rows = await qb.orderBy('id', 'desc').limit(page.limit + 1);
    const cut = keysetPage(rows, page.limit, last => String(last.id));
    return {
      items: cut.rows.map(r => eventFromRow(r, project.name)),
      nextCursor: cut.nextCursor,
    };
  }
}
