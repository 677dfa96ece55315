import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { Project, ProjectToken } from '../domain/types';
import { insertProjectEvent } from '../database/events';
import { fromDbOptionalTime, fromDbTime, toDbTime } from '../database/mappers';
import { ProjectTokenRow } from '../database/rows';
import { inTransaction } from '../database/transactions';

/** A token as stored, with the project it writes into. */
export interface StoredProjectToken extends ProjectToken {
  projectId: string;
}

/** What a new token is made of; the secret itself never reaches the store, only its hash. */
export interface ProjectTokenInput {
  name: string;
  secretHash: string;
  prefix: string;
  expiresAt: Date;
}

/** Storage of project tokens. */
export interface ProjectTokensStore {
  listTokens(project: Project): Promise<ProjectToken[]>;
  createToken(
    project: Project,
    input: ProjectTokenInput,
    actor: string,
    now: Date,
  ): Promise<ProjectToken>;
  /** Marks a token revoked; undefined when the project has no such token. */
  revokeToken(
    project: Project,
    id: string,
    actor: string,
    now: Date,
  ): Promise<ProjectToken | undefined>;
  /** The token whose secret has this hash, revoked and expired ones included. */
  findBySecretHash(secretHash: string): Promise<StoredProjectToken | undefined>;
  /** Records a use; written at most once a minute per token, so ingestion does not pay for it. */
  touch(id: string, now: Date): Promise<void>;
}

/** A token with its project's name, without the hash of its secret. */
type TokenOfProjectRow = Omit<ProjectTokenRow, 'secret_hash'> & {
  project_name: string;
};

const TOUCH_INTERVAL_MS = 60_000;

function tokenFromRow(row: TokenOfProjectRow): StoredProjectToken {
  return {
    id: row.id,
    projectId: row.project_id,
    project: row.project_name,
    name: row.name,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: fromDbTime(row.created_at),
    expiresAt: fromDbTime(row.expires_at),
    lastUsedAt: fromDbOptionalTime(row.last_used_at),
    revokedAt: fromDbOptionalTime(row.revoked_at),
    revokedBy: row.revoked_by ?? undefined,
  };
}

export class DatabaseProjectTokensStore implements ProjectTokensStore {
  constructor(private readonly db: Knex) {}

  private select(db: Knex = this.db) {
    return db('project_tokens as t')
      .join('projects as p', 'p.id', 't.project_id')
      .select<TokenOfProjectRow[]>(
        't.id',
        't.project_id',
        'p.name as project_name',
        't.name',
        't.prefix',
        't.created_by',
        't.created_at',
        't.expires_at',
        't.last_used_at',
        't.revoked_at',
        't.revoked_by',
      );
  }

  async listTokens(project: Project): Promise<ProjectToken[]> {
    const rows = await this.select()
      .where('t.project_id', project.id)
      .orderBy([
        { column: 't.created_at', order: 'desc' },
        { column: 't.id', order: 'desc' },
      ]);
    return rows.map(tokenFromRow).map(withoutProjectId);
  }

  async createToken(
    project: Project,
    input: ProjectTokenInput,
    actor: string,
    now: Date,
  ): Promise<ProjectToken> {
    const id = randomUUID();
    await inTransaction(this.db, async tx => {
      await tx<ProjectTokenRow>('project_tokens').insert({
        id,
        project_id: project.id,
        name: input.name,
        secret_hash: input.secretHash,
        prefix: input.prefix,
        created_by: actor,
        created_at: toDbTime(now),
        expires_at: toDbTime(input.expiresAt),
      });
      await insertProjectEvent(
        tx,
        project.id,
        {
          actor,
          action: 'token.create',
          entityType: 'project',
          entityId: id,
          summary: `created project token '${input.name}' (${input.prefix}…), valid until ${input.expiresAt.toISOString()}`,
        },
        now,
      );
    });
    const [row] = await this.select().where('t.id', id);
    return withoutProjectId(tokenFromRow(row));
  }

  async revokeToken(
    project: Project,
    id: string,
    actor: string,
    now: Date,
  ): Promise<ProjectToken | undefined> {
    return inTransaction(this.db, async tx => {
      const [row] = await this.select(tx)
        .where('t.project_id', project.id)
        .where('t.id', id);
      if (!row) return undefined;
      if (!row.revoked_at) {
        await tx<ProjectTokenRow>('project_tokens')
          .where('id', id)
          .update({ revoked_at: toDbTime(now), revoked_by: actor });
        await insertProjectEvent(
          tx,
          project.id,
          {
            actor,
            action: 'token.revoke',
            entityType: 'project',
            entityId: id,
            summary: `revoked project token '${row.name}' (${row.prefix}…)`,
          },
          now,
        );
      }
      const [after] = await this.select(tx).where('t.id', id);
      return withoutProjectId(tokenFromRow(after));
    });
  }

  async findBySecretHash(
    secretHash: string,
  ): Promise<StoredProjectToken | undefined> {
    const [row] = await this.select().where('t.secret_hash', secretHash);
    return row ? tokenFromRow(row) : undefined;
  }

  async touch(id: string, now: Date): Promise<void> {
    const stale = toDbTime(new Date(now.getTime() - TOUCH_INTERVAL_MS));
    await this.db<ProjectTokenRow>('project_tokens')
      .where('id', id)
      .where(q =>
        q.whereNull('last_used_at').orWhere('last_used_at', '<', stale),
      )
      .update({ last_used_at: toDbTime(now) });
  }
}

function withoutProjectId({
  projectId: _,
  ...token
}: StoredProjectToken): ProjectToken {
  return token;
}
