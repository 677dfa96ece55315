import {
  AuthenticationError,
  InputError,
  NotFoundError,
} from '@backstage/errors';
import type { ProjectTokenCreate } from '@ml-home/plugin-ml-home-common';
import { createHash, randomBytes } from 'crypto';
import { Caller, ProjectTokenPrincipal } from '../domain/Caller';
import { ProjectScope } from '../domain/scopes';
import { ProjectToken } from '../domain/types';
import { ProjectTokensStore } from './DatabaseProjectTokensStore';

/** Every project token starts with this, so the router can tell it from a Backstage token. */
export const PROJECT_TOKEN_PREFIX = 'mlh_';

/** How many characters of the secret are kept in clear, to tell tokens apart in lists. */
const SHOWN_PREFIX_LENGTH = PROJECT_TOKEN_PREFIX.length + 8;

export const DEFAULT_TOKEN_EXPIRY_DAYS = 90;
export const MAX_TOKEN_EXPIRY_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Only the first use in this interval is written back as "last used", per token and process. */
const LAST_USED_INTERVAL_MS = 60_000;

export function isProjectTokenSecret(bearer: string): boolean {
  return bearer.startsWith(PROJECT_TOKEN_PREFIX);
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Project tokens: created, listed and revoked by whoever may update the project (in the example
 * policy, members of its owner group, see tokensAccess.ts); used by pipelines and MLflow clients
 * as a bearer token that may read its project and ingest into it, and nothing else (see
 * ProjectAuthorizer).
 */
export interface ProjectTokensService {
  listTokens(caller: Caller, scope: ProjectScope): Promise<ProjectToken[]>;
  createToken(
    caller: Caller,
    scope: ProjectScope,
    request: ProjectTokenCreate,
  ): Promise<{ token: ProjectToken; secret: string }>;
  revokeToken(
    caller: Caller,
    scope: ProjectScope,
    tokenId: string,
  ): Promise<ProjectToken>;
  /**
   * The principal a secret stands for; AuthenticationError (401) for an unknown, revoked or
   * expired token, with no hint which of the three it was.
   */
  authenticate(
    secret: string,
  ): Promise<{ principal: ProjectTokenPrincipal; actor: string }>;
}

/** The rules over the project tokens store. */
export class DefaultProjectTokensService implements ProjectTokensService {
  private readonly lastTouched = new Map<string, number>();

  constructor(
    private readonly options: {
      store: ProjectTokensStore;
      now?: () => Date;
    },
  ) {}

  private now() {
    return this.options.now?.() ?? new Date();
  }

  async listTokens(_caller: Caller, { project }: ProjectScope) {
    return this.options.store.listTokens(project);
  }

  async createToken(
    caller: Caller,
    { project }: ProjectScope,
    request: ProjectTokenCreate,
  ): Promise<{ token: ProjectToken; secret: string }> {
    const name = request.name.trim();
    if (!name) {
      throw new InputError(
        'name: a token needs a name that says what it is for',
      );
    }
    const days = request.expiresInDays ?? DEFAULT_TOKEN_EXPIRY_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_EXPIRY_DAYS) {
      throw new InputError(
        `expiresInDays: must be a whole number of days from 1 to ${MAX_TOKEN_EXPIRY_DAYS}`,
      );
    }
    const secret = `${PROJECT_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const now = this.now();
    const token = await this.options.store.createToken(
      project,
      {
        name,
        secretHash: hashSecret(secret),
        prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
        expiresAt: new Date(now.getTime() + days * DAY_MS),
      },
      caller.actor,
      now,
    );
    return { token, secret };
  }

  async revokeToken(
    caller: Caller,
    { project }: ProjectScope,
    tokenId: string,
  ) {
    const token = await this.options.store.revokeToken(
      project,
      tokenId,
      caller.actor,
      this.now(),
    );
    if (!token) {
      throw new NotFoundError(
        `tokenId: project '${project.name}' has no token '${tokenId}'`,
      );
    }
    this.lastTouched.delete(tokenId);
    return token;
  }

  async authenticate(
    secret: string,
  ): Promise<{ principal: ProjectTokenPrincipal; actor: string }> {
    const token = await this.options.store.findBySecretHash(hashSecret(secret));
    const now = this.now();
    if (
      !token ||
      token.revokedAt ||
      token.expiresAt.getTime() <= now.getTime()
    ) {
      throw new AuthenticationError(
        'Invalid, expired or revoked ML Home project token',
      );
    }
    const last = this.lastTouched.get(token.id) ?? 0;
    if (now.getTime() - last >= LAST_USED_INTERVAL_MS) {
      this.lastTouched.set(token.id, now.getTime());
      await this.options.store.touch(token.id, now);
    }
    return {
      principal: { id: token.id, project: token.project },
      actor: `project-token:${token.prefix}`,
    };
  }
}
