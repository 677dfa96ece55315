import { InputError } from '@backstage/errors';
import express from 'express';

const NUL = '\u0000';
/** The only way JSON text carries a NUL byte: its escape (the six characters `\u0000`). */
const NUL_ESCAPE = Buffer.from('\\u0000');

/** Bodies whose raw JSON holds the escape, noted while they are parsed (see bodyLimit). */
const bodiesWithNulEscape = new WeakSet<express.Request>();

/** For express.json's `verify`: notes a body whose text may carry a NUL byte, at memchr speed. */
export function noteNulEscape(req: express.Request, raw: Buffer): void {
  if (raw.includes(NUL_ESCAPE)) bodiesWithNulEscape.add(req);
}

/** The path (`request/body/runs/0/name`) of the first string in `value` that holds a NUL byte. */
export function findNulByte(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') {
    return value.includes(NUL) ? path : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findNulByte(value[i], `${path}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key.includes(NUL)) return `${path}/${key.replaceAll(NUL, '\\0')}`;
      const found = findNulByte(child, `${path}/${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Refuses a NUL byte in a request's query or body with a 400 naming where it is.
 * No ML Home text may hold one: PostgreSQL cannot store it in text (the query fails), and SQLite
 * ends C strings at it, so a search for `a\0b` would match what `a` matches. The body is walked
 * only when its raw text held a `\u0000` escape (noted by {@link noteNulEscape} while parsing).
 */
export function rejectNulBytes(): express.RequestHandler {
  return (req, _res, next) => {
    // Path parameters are the spec's: each string one has a pattern that refuses NUL, so the
    // validator's 400 names the parameter.
    const where =
      findNulByte(req.query, 'request/query') ??
      (bodiesWithNulEscape.has(req)
        ? findNulByte(req.body, 'request/body')
        : undefined);
    if (where) {
      next(new InputError(`${where}: must not contain a NUL byte (\\u0000)`));
      return;
    }
    next();
  };
}
