import { JsonObject } from '@backstage/types';
import express from 'express';
import { Page } from '../domain/types';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { Caller } from '../domain/Caller';

/** What every group of endpoints binds with: the typed router, who calls, and the auditor. */
export interface RouteContext {
  api: Awaited<ReturnType<typeof createOpenApiRouter>>;
  caller: (req: express.Request<any, any, any, any, any>) => Promise<Caller>;
  audited: <T>(
    req: express.Request<any, any, any, any, any>,
    eventId: string,
    meta: JsonObject,
    fn: () => Promise<T>,
  ) => Promise<T>;
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
