import { ConflictError, NotFoundError } from '@backstage/errors';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { ProjectConditions } from '../domain/ProjectConditions';
import {
  AliasHistoryEntry,
  Model,
  ModelAlias,
  ModelCard,
  ModelSearchQuery,
  ModelVersion,
  ModelVersionInput,
  Page,
  Project,
} from '../domain/types';
import { insertProjectEvent } from '../database/events';
import {
  fromDbInt,
  fromDbOptionalInt,
  fromDbTime,
  toDbTime,
} from '../database/mappers';
import { Clock, systemClock } from '../database/clock';
import {
  countOf,
  decodeIntegerCursor,
  keysetPage,
  whereWordsMatch,
} from '../database/queryHelpers';
import {
  CountRow,
  ModelAliasHistoryRow,
  ModelAliasRow,
  ModelRow,
  ModelVersionRow,
  ProjectRow,
} from '../database/rows';
import { inTransaction } from '../database/transactions';
import { applyProjectConditions } from '../permissions';
import { noSuchVersion } from '../domain/notFound';

/** Storage of registered models, versions and aliases. */
export interface ModelsStore {
  listModels(
    project: Project,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Model>>;
  searchModels(
    query: ModelSearchQuery,
    conditions: ProjectConditions,
  ): Promise<Page<Model>>;
  getModel(name: string): Promise<Model | undefined>;
  /** The distinct owners of live models (a model's own, else its project's). */
  listModelOwners(conditions: ProjectConditions): Promise<string[]>;
  createModel(
    project: Project,
    input: { name: string; description: string; owner?: string },
    actor: string,
  ): Promise<Model>;
  listVersions(
    model: Model,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ModelVersion>>;
  getVersion(model: Model, version: number): Promise<ModelVersion | undefined>;
  /**
   * A version by its number, or the latest version a run produced; a light lookup (its id and
   * number) for writes that attach to it.
   */
  findVersion(
    model: Model,
    by: { version: number } | { runId: string },
  ): Promise<{ id: string; version: number } | undefined>;
  /** Registers the next version of the model. */
  createVersion(
    model: Model,
    input: ModelVersionInput,
    actor: string,
  ): Promise<ModelVersion>;
  /** Points an alias at a version, recording the move; pointing it where it is changes nothing. */
  setAlias(
    model: Model,
    alias: string,
    version: number,
    actor: string,
  ): Promise<ModelAlias>;
  deleteAlias(model: Model, alias: string, actor: string): Promise<void>;
  listAliasHistory(
    model: Model,
    page: { limit: number; cursor?: string },
  ): Promise<Page<AliasHistoryEntry>>;
}

function parseCard(value: unknown): ModelCard {
  try {
    const parsed = JSON.parse(String(value ?? '{}'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? parsed
      : {};
  } catch {
    return {};
  }
}

/** The version number an alias points at, if it exists. */
async function currentAliasVersion(
  db: Knex,
  modelId: string,
  alias: string,
): Promise<number | undefined> {
  const row = await db('model_aliases as a')
    .join('model_versions as v', 'v.id', 'a.version_id')
    .where({ 'a.model_id': modelId, 'a.alias': alias })
    .first<Pick<ModelVersionRow, 'version'> | undefined>('v.version');
  return row ? fromDbInt(row.version) : undefined;
}

/**
 * Serialises alias changes of one model: each move reads where the alias points and appends
 * that to the history, so two moves at once must not both read the old state. PostgreSQL locks
 * the model's row until the transaction ends; SQLite runs one write transaction at a time anyway.
 */
async function lockModel(tx: Knex.Transaction, modelId: string) {
  await tx('models').where('id', modelId).forUpdate().first('id');
}

/** A unique index refused the row: another writer took the same version number first. */
function isUniqueViolation(error: unknown): boolean {
  return /unique|duplicate/i.test(String((error as Error)?.message));
}

/** Version numbers are taken as max + 1 inside a transaction; a concurrent writer makes us retry. */
const VERSION_RETRIES = 5;

type VersionStats = { model_id: string; n: unknown; latest: unknown };
type AliasOfModel = Pick<
  ModelAliasRow,
  'model_id' | 'alias' | 'updated_at' | 'updated_by'
> &
  Pick<ModelVersionRow, 'version'>;

/** The Knex implementation of {@link ModelsStore}. */
export class DatabaseModelsStore implements ModelsStore {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock = systemClock,
  ) {}

  private async hydrateModels(rows: ModelRow[]): Promise<Model[]> {
    if (rows.length === 0) return [];
    const ids = rows.map(r => r.id);
    const [stats, aliases, projects, scorecards] = await Promise.all([
      this.db('model_versions')
        .whereIn('model_id', ids)
        .select('model_id')
        .count({ n: '*' })
        .max({ latest: 'version' })
        .groupBy('model_id') as Promise<VersionStats[]>,
      this.db('model_aliases as a')
        .join('model_versions as v', 'v.id', 'a.version_id')
        .whereIn('a.model_id', ids)
        .select<AliasOfModel[]>(
          'a.model_id',
          'a.alias',
          'v.version',
          'a.updated_at',
          'a.updated_by',
        )
        .orderBy('a.alias'),
      this.db<ProjectRow>('projects')
        .whereIn('id', [...new Set(rows.map(r => r.project_id))])
        .select('id', 'name', 'owner'),
      this.db('certification_scorecards')
        .whereIn('model_id', ids)
        .select<{ model_id: string; level: string }[]>('model_id', 'level'),
    ]);
    const levelBy = new Map(scorecards.map(s => [s.model_id, s.level]));
    const statsBy = new Map(stats.map(s => [s.model_id, s]));
    const projectBy = new Map(projects.map(p => [p.id, p]));
    return rows.map(row => {
      const s = statsBy.get(row.id);
      const project = projectBy.get(row.project_id);
      return {
        id: row.id,
        projectId: row.project_id,
        project: project?.name ?? '',
        name: row.name,
        description: row.description,
        owner: row.owner ?? project?.owner ?? '',
        ownerIsProjectOwner: !row.owner,
        latestVersion: fromDbOptionalInt(s?.latest ?? undefined),
        versionCount: s ? fromDbInt(s.n) : 0,
        aliases: aliases
          .filter(a => a.model_id === row.id)
          .map(a => ({
            alias: a.alias,
            version: fromDbInt(a.version),
            updatedAt: fromDbTime(a.updated_at),
            updatedBy: a.updated_by,
          })),
        createdAt: fromDbTime(row.created_at),
        updatedAt: fromDbTime(row.updated_at),
        createdBy: row.created_by,
        ...(levelBy.has(row.id)
          ? { certificationLevel: levelBy.get(row.id) }
          : {}),
      };
    });
  }

  async listModels(
    project: Project,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Model>> {
    const qb = this.db<ModelRow>('models').where('project_id', project.id);
    if (page.cursor) qb.andWhere('name', '>', page.cursor);
    const [rows, total] = await Promise.all([
      qb.orderBy('name').limit(page.limit + 1),
      this.db('models')
        .where('project_id', project.id)
        .count<CountRow[]>({ n: '*' }),
    ]);
    const cut = keysetPage(rows, page.limit, last => last.name);
    return {
      items: await this.hydrateModels(cut.rows),
      nextCursor: cut.nextCursor,
      totalCount: countOf(total),
    };
  }

  async searchModels(
    query: ModelSearchQuery,
    conditions: ProjectConditions,
  ): Promise<Page<Model>> {
    const base = () => {
      const qb = this.db('models as m')
        .join('projects as p', 'p.id', 'm.project_id')
        .whereNull('p.deleted_at');
      if (conditions) applyProjectConditions(qb, conditions, 'p.owner');
      if (query.project) qb.where('p.name', query.project);
      if (query.owner) {
        qb.whereRaw('lower(coalesce(m.owner, p.owner)) = ?', [
          query.owner.toLowerCase(),
        ]);
      }
      whereWordsMatch(qb, query.q, ['m.name', 'm.description']);
      return qb;
    };
    const page = base();
    if (query.cursor) page.where('m.name', '>', query.cursor);
    const [rows, total] = await Promise.all([
      page
        .select<ModelRow[]>('m.*')
        .orderBy('m.name')
        .limit(query.limit + 1),
      base().count<CountRow[]>({ n: '*' }),
    ]);
    const cut = keysetPage(rows, query.limit, r => r.name);
    return {
      items: await this.hydrateModels(cut.rows),
      nextCursor: cut.nextCursor,
      totalCount: countOf(total),
    };
  }

  async listModelOwners(conditions: ProjectConditions): Promise<string[]> {
    const qb = this.db('models as m')
      .join('projects as p', 'p.id', 'm.project_id')
      .whereNull('p.deleted_at');
    if (conditions) applyProjectConditions(qb, conditions, 'p.owner');
    const rows: { owner: string }[] = await qb
      .distinct(this.db.raw('coalesce(m.owner, p.owner) as owner'))
      .orderBy('owner');
    return rows.map(r => r.owner);
  }

  async getModel(name: string): Promise<Model | undefined> {
    const row = await this.db<ModelRow>('models').where('name', name).first();
    return row ? (await this.hydrateModels([row]))[0] : undefined;
  }

  async createModel(
    project: Project,
    input: { name: string; description: string; owner?: string },
    actor: string,
  ): Promise<Model> {
    const now = this.clock();
    await inTransaction(this.db, async tx => {
      const existing = await tx<ModelRow>('models')
        .where('name', input.name)
        .first('project_id');
      if (existing) {
        throw new ConflictError(
          `name: a model named '${input.name}' already exists (model names are unique across ML Home)`,
        );
      }
      await tx<ModelRow>('models').insert({
        id: randomUUID(),
        project_id: project.id,
        name: input.name,
        description: input.description,
        owner: input.owner ?? null,
        created_by: actor,
        updated_by: actor,
        created_at: toDbTime(now),
        updated_at: toDbTime(now),
      });
      await insertProjectEvent(
        tx,
        project.id,
        {
          actor,
          action: 'model.create',
          entityType: 'model',
          entityId: input.name,
          summary: `registered model ${input.name}`,
        },
        now,
      );
    });
    return (await this.getModel(input.name))!;
  }

  private async hydrateVersions(
    model: Model,
    rows: ModelVersionRow[],
  ): Promise<ModelVersion[]> {
    if (rows.length === 0) return [];
    const aliases = await this.db<ModelAliasRow>('model_aliases')
      .whereIn(
        'version_id',
        rows.map(r => r.id),
      )
      .select('version_id', 'alias')
      .orderBy('alias');
    return rows.map(row => ({
      id: row.id,
      modelId: row.model_id,
      model: model.name,
      version: fromDbInt(row.version),
      runId: row.run_id ?? undefined,
      artifactUri: row.artifact_uri,
      framework: row.framework,
      description: row.description,
      modelCard: parseCard(row.model_card),
      aliases: aliases.filter(a => a.version_id === row.id).map(a => a.alias),
      createdAt: fromDbTime(row.created_at),
      createdBy: row.created_by,
    }));
  }

  async listVersions(
    model: Model,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ModelVersion>> {
    const before = decodeIntegerCursor(page.cursor);
    const qb = this.db<ModelVersionRow>('model_versions').where(
      'model_id',
      model.id,
    );
    if (before !== undefined) qb.andWhere('version', '<', before);
    const rows = await qb.orderBy('version', 'desc').limit(page.limit + 1);
    const cut = keysetPage(rows, page.limit, last =>
      String(fromDbInt(last.version)),
    );
    return {
      items: await this.hydrateVersions(model, cut.rows),
      nextCursor: cut.nextCursor,
      totalCount: model.versionCount,
    };
  }

  async getVersion(
    model: Model,
    version: number,
  ): Promise<ModelVersion | undefined> {
    const row = await this.db<ModelVersionRow>('model_versions')
      .where({ model_id: model.id, version })
      .first();
    return row ? (await this.hydrateVersions(model, [row]))[0] : undefined;
  }

  async findVersion(
    model: Model,
    by: { version: number } | { runId: string },
  ): Promise<{ id: string; version: number } | undefined> {
    const qb = this.db<ModelVersionRow>('model_versions').where(
      'model_id',
      model.id,
    );
    if ('version' in by) qb.andWhere('version', by.version);
    else qb.andWhere('run_id', by.runId).orderBy('version', 'desc');
    const row = await qb.first('id', 'version');
    return row ? { id: row.id, version: fromDbInt(row.version) } : undefined;
  }

  /** Takes the next version number and writes the version, inside `tx`. */
  private async insertVersion(
    tx: Knex.Transaction,
    model: Model,
    input: ModelVersionInput,
    actor: string,
  ): Promise<number> {
    const now = this.clock();
    // Concurrent writers (batches from several pipelines) take numbers one after the other: the
    // model's row lock orders them on PostgreSQL, where max + 1 would otherwise collide and fail
    // the later batch; SQLite runs one writer at a time anyway.
    await lockModel(tx, model.id);
    const [max] = await tx('model_versions')
      .where('model_id', model.id)
      .max<{ v: unknown }[]>({ v: 'version' });
    const next = fromDbInt(max?.v ?? 0) + 1;
    await tx<ModelVersionRow>('model_versions').insert({
      id: randomUUID(),
      model_id: model.id,
      version: next,
      run_id: input.runId ?? null,
      artifact_uri: input.artifactUri,
      framework: input.framework,
      description: input.description,
      model_card: JSON.stringify(input.modelCard),
      created_by: actor,
      created_at: toDbTime(now),
      updated_at: toDbTime(now),
    });
    await tx<ModelRow>('models')
      .where('id', model.id)
      .update({ updated_at: toDbTime(now) });
    await insertProjectEvent(
      tx,
      model.projectId,
      {
        actor,
        action: 'model-version.create',
        entityType: 'model-version',
        entityId: `${model.name}/${next}`,
        summary: `registered version ${next} of ${model.name}${input.runId ? ` from run ${input.runId}` : ''}`,
      },
      now,
    );
    return next;
  }

  async createVersion(
    model: Model,
    input: ModelVersionInput,
    actor: string,
  ): Promise<ModelVersion> {
    if (this.db.isTransaction) {
      // Inside a unit of work a conflict aborts the whole transaction: nothing to retry here.
      const version = await this.insertVersion(
        this.db as Knex.Transaction,
        model,
        input,
        actor,
      );
      return (await this.getVersion(model, version))!;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const version = await this.db.transaction(tx =>
          this.insertVersion(tx, model, input, actor),
        );
        return (await this.getVersion(model, version))!;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= VERSION_RETRIES) {
          throw error;
        }
      }
    }
  }

  async setAlias(
    model: Model,
    alias: string,
    version: number,
    actor: string,
  ): Promise<ModelAlias> {
    const now = this.clock();
    await inTransaction(this.db, async tx => {
      await lockModel(tx, model.id);
      const target = await tx<ModelVersionRow>('model_versions')
        .where({ model_id: model.id, version })
        .first('id');
      if (!target) {
        throw noSuchVersion(model.name, version);
      }
      const from = await currentAliasVersion(tx, model.id, alias);
      if (from === version) {
        return;
      }
      await tx<ModelAliasRow>('model_aliases')
        .insert({
          model_id: model.id,
          alias,
          version_id: target.id,
          updated_by: actor,
          updated_at: toDbTime(now),
        })
        .onConflict(['model_id', 'alias'])
        .merge(['version_id', 'updated_by', 'updated_at']);
      await tx('model_alias_history').insert({
        model_id: model.id,
        alias,
        from_version: from ?? null,
        to_version: version,
        actor,
        created_at: toDbTime(now),
      });
      await insertProjectEvent(
        tx,
        model.projectId,
        {
          actor,
          action: 'model-alias.set',
          entityType: 'model',
          entityId: model.name,
          summary: from
            ? `moved ${alias} of ${model.name} from v${from} to v${version}`
            : `pointed ${alias} of ${model.name} at v${version}`,
        },
        now,
      );
    });
    const row = (await this.db('model_aliases as a')
      .join('model_versions as v', 'v.id', 'a.version_id')
      .where({ 'a.model_id': model.id, 'a.alias': alias })
      .first<AliasOfModel>(
        'a.model_id',
        'a.alias',
        'v.version',
        'a.updated_at',
        'a.updated_by',
      ))!;
    return {
      alias: row.alias,
      version: fromDbInt(row.version),
      updatedAt: fromDbTime(row.updated_at),
      updatedBy: row.updated_by,
    };
  }

  async deleteAlias(model: Model, alias: string, actor: string): Promise<void> {
    const now = this.clock();
    await inTransaction(this.db, async tx => {
      await lockModel(tx, model.id);
      const current = await currentAliasVersion(tx, model.id, alias);
      if (current === undefined) {
        throw new NotFoundError(
          `Model '${model.name}' has no alias '${alias}'`,
        );
      }
      await tx('model_aliases').where({ model_id: model.id, alias }).delete();
      await tx('model_alias_history').insert({
        model_id: model.id,
        alias,
        from_version: current,
        to_version: null,
        actor,
        created_at: toDbTime(now),
      });
      await insertProjectEvent(
        tx,
        model.projectId,
        {
          actor,
          action: 'model-alias.delete',
          entityType: 'model',
          entityId: model.name,
          summary: `removed ${alias} of ${model.name} (was v${current})`,
        },
        now,
      );
    });
  }

  async listAliasHistory(
    model: Model,
    page: { limit: number; cursor?: string },
  ): Promise<Page<AliasHistoryEntry>> {
    const before = decodeIntegerCursor(page.cursor);
    const qb = this.db<ModelAliasHistoryRow>('model_alias_history').where(
      'model_id',
      model.id,
    );
    if (before !== undefined) qb.andWhere('id', '<', before);
    const rows = await qb.orderBy('id', 'desc').limit(page.limit + 1);
    const cut = keysetPage(rows, page.limit, last => String(last.id));
    return {
      items: cut.rows.map(r => ({
        id: String(r.id),
        alias: r.alias,
        fromVersion: fromDbOptionalInt(r.from_version),
        toVersion: fromDbOptionalInt(r.to_version),
        actor: r.actor,
        createdAt: fromDbTime(r.created_at),
      })),
      nextCursor: cut.nextCursor,
    };
  }
}
