import { JsonObject } from '@backstage/types';
import express from 'express';
import { Caller } from '../domain/Caller';
import { Page } from '../domain/types';
import { createOpenApiRouter } from '../schema/openapi.generated';

/**
 * Any request, whatever its typed parameters, body and query: the typed router's requests differ
 * per route, and express's generics widen to one type only with untyped parameters (Backstage's own
 * `HttpAuthService` takes the same).
 */
export type AnyRequest = express.Request<any, any, any, any, any>;

/** What every group of endpoints binds with: the typed router, who calls, and the auditor. */
export interface RouteContext {
  /** The router generated from the OpenAPI document; requests are validated against it. */
  api: Awaited<ReturnType<typeof createOpenApiRouter>>;
  /** Who calls (authenticated once per request, before anything else). */
  caller: (req: AnyRequest) => Promise<Caller>;
  /** Runs a write and records it with Backstage's auditor, success or failure. */
  audited: <T>(
    req: AnyRequest,
    eventId: string,
    meta: JsonObject,
    fn: () => Promise<T>,
  ) => Promise<T>;
}

/** Items per page when a list route is given no `limit`. */
export const DEFAULT_PAGE_SIZE = 50;

/** The page a list route's query asks for. */
export function pageRequest(query: { limit?: number; cursor?: string }): {
  limit: number;
  cursor?: string;
} {
  return { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor };
}

/** A page of domain items as the wire's `{ items, nextCursor? }`. */
export function pageToWire<T, W>(page: Page<T>, map: (item: T) => W) {
  return {
    items: page.items.map(map),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/** The same, with the list's `totalCount`. */
export function countedPageToWire<T, W>(page: Page<T>, map: (item: T) => W) {
  return {
    ...pageToWire(page, map),
    totalCount: page.totalCount ?? page.items.length,
  };
}
