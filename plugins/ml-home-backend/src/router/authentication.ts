import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import express from 'express';
import { Caller, ProjectTokenPrincipal } from '../domain/Caller';
import { AnyRequest, RouteContext } from './RouteContext';

/** Checks an ML Home project token (`Bearer mlh_…`); a 401 when it is not a valid one. */
export interface ProjectTokenAuthenticator {
  isProjectToken(bearer: string): boolean;
  authenticate(
    secret: string,
  ): Promise<{ principal: ProjectTokenPrincipal; actor: string }>;
}

/**
 * Who calls: a project token (ML Home's own), else a Backstage user or service. Backstage's
 * credentials barrier is opened for this plugin (see plugin.ts) so that project tokens reach it;
 * this is the barrier instead, run before anything else for every request, and remembered for the
 * rest of the request.
 */
export function createCallerResolver(options: {
  httpAuth: HttpAuthService;
  tokens: ProjectTokenAuthenticator;
}): RouteContext['caller'] {
  const { httpAuth, tokens } = options;
  const authenticate = async (req: express.Request): Promise<Caller> => {
    const bearer = /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(
      req.headers.authorization ?? '',
    )?.[1];
    if (bearer && tokens.isProjectToken(bearer)) {
      const { principal, actor } = await tokens.authenticate(bearer);
      return { actor, projectToken: principal };
    }
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (credentials.principal.type === 'user') {
      return { credentials, actor: credentials.principal.userEntityRef };
    }
    // Services (static tokens, other plugins) are recorded by their subject.
    const subject =
      credentials.principal.type === 'service'
        ? credentials.principal.subject
        : 'unknown';
    return { credentials, actor: subject };
  };
  const callers = new WeakMap<express.Request, Caller>();
  return async (req: AnyRequest): Promise<Caller> => {
    const known = callers.get(req);
    if (known) return known;
    const who = await authenticate(req);
    callers.set(req, who);
    return who;
  };
}

/** Records writes with Backstage's auditor, success or failure. */
export function createAuditing(options: {
  auditor: AuditorService;
  caller: RouteContext['caller'];
}): RouteContext['audited'] {
  const { auditor, caller } = options;
  return async <T>(
    req: AnyRequest,
    eventId: string,
    meta: JsonObject,
    fn: () => Promise<T>,
  ): Promise<T> => {
    const who = await caller(req);
    // The auditor reads Backstage credentials from the request; a project token has none, so
    // its events name the token in their metadata and carry the plugin as the actor.
    const event = await auditor.createEvent({
      eventId,
      request: who.projectToken ? undefined : req,
      severityLevel: 'medium',
      meta: who.projectToken
        ? {
            ...meta,
            projectToken: who.projectToken.id,
            actor: who.actor,
            method: req.method,
            url: req.originalUrl,
          }
        : meta,
    });
    try {
      const result = await fn();
      await event.success();
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  };
}
