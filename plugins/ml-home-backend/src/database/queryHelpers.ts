import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { fromDbInt, fromDbTime, toDbTime } from './mappers';

/** Rows per multi-row INSERT: 6–10 columns stay far below SQLite's and PostgreSQL's bind limits. */
export const INSERT_CHUNK = 500;

/** Ids per IN (...) list. */
export const IN_CHUNK = 500;

/** Splits a list for IN (...) lists and multi-row inserts within the databases' bind limits. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** Escapes LIKE wildcards; pair with `escape '\'` in the SQL. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, m => `\\${m}`);
}

/**
 * Restricts the query to rows where every word of `q` (at most ten) appears, case-insensitively,
 * in at least one of the columns.
 */
export function whereWordsMatch(
  qb: Knex.QueryBuilder,
  q: string | undefined,
  columns: string[],
): void {
  const words = (q ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
  for (const word of words.slice(0, 10)) {
    const pattern = `%${escapeLike(word)}%`;
    qb.where(either => {
      for (const column of columns) {
        either.orWhereRaw(`lower(${column}) like ? escape '\\'`, [pattern]);
      }
    });
  }
}

/**
 * Cuts a keyset page out of rows fetched with `limit + 1`: the extra row only says whether a
 * next page exists, and the cursor is built from the last item shown.
 */
export function keysetPage<TRow>(
  rows: TRow[],
  limit: number,
  cursorOf: (row: TRow) => string,
): { rows: TRow[]; nextCursor?: string } {
  const hasMore = rows.length > limit;
  const shown = hasMore ? rows.slice(0, limit) : rows;
  return {
    rows: shown,
    nextCursor: hasMore ? cursorOf(shown[shown.length - 1]) : undefined,
  };
}

/*
 * Paging, in one place: every list answers a page of `limit` items and, when more follow, an
 * opaque cursor that holds the sort key of the last item shown. A cursor that is not one this API
 * returned is a 400 naming `cursor`.
 */

const NOT_A_CURSOR = 'cursor is not a cursor this API returned';

/** An opaque cursor holding the sort key of the last row shown. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** What {@link encodeCursor} encoded, unchecked; a 400 naming `cursor` when it is no cursor. */
export function decodeCursorValue(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InputError(NOT_A_CURSOR);
  }
}

/** The parts of a cursor from {@link encodeCursor}; a 400 naming `cursor` when it is not one. */
export function decodeCursor(cursor: string, arity: number): string[] {
  const parts = decodeCursorValue(cursor);
  if (
    Array.isArray(parts) &&
    parts.length === arity &&
    parts.every(p => typeof p === 'string')
  ) {
    return parts;
  }
  throw new InputError(NOT_A_CURSOR);
}

/**
 * The position in a list ordered by an integer (a version number, an id of an append-only
 * table): the cursor is that integer in decimal.
 */
export function decodeIntegerCursor(
  cursor: string | undefined,
): number | undefined {
  if (cursor === undefined) return undefined;
  const n = Number(cursor);
  if (!Number.isSafeInteger(n)) {
    throw new InputError(NOT_A_CURSOR);
  }
  return n;
}

/** The number a `count({ n: '*' })` query answered. */
export function countOf(rows: readonly { n: unknown }[]): number {
  return rows.length ? fromDbInt(rows[0].n) : 0;
}

/**
 * Keyset paging over a two-column order (e.g. newest first, ties by id): restricts the query to
 * the rows after the cursor's sort key and orders it by the same columns.
 */
export function orderedAfter<TBuilder extends Knex.QueryBuilder>(
  qb: TBuilder,
  order: [
    { column: string; order: 'asc' | 'desc' },
    { column: string; order: 'asc' | 'desc' },
  ],
  cursor: string | undefined,
): TBuilder {
  const [first, second] = order;
  if (cursor) {
    const [a, b] = decodeCursor(cursor, 2);
    const op = (o: 'asc' | 'desc') => (o === 'asc' ? '>' : '<');
    qb.where(after =>
      after
        .where(first.column, op(first.order), a)
        .orWhere(same =>
          same
            .where(first.column, a)
            .andWhere(second.column, op(second.order), b),
        ),
    );
  }
  qb.orderBy(order);
  return qb;
}

/** The cursor of a row in a newest-first list: its time as stored, and its id. */
export function newestFirstCursor(time: unknown, id: string): string {
  return encodeCursor([toDbTime(fromDbTime(time)), id]);
}
