import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { fromDbTime, toDbTime } from './mappers';

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
    qb.where(any => {
      for (const column of columns) {
        any.orWhereRaw(`lower(${column}) like ? escape '\\'`, [pattern]);
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

/** An opaque cursor holding the sort key of the last row shown. */
export function encodeCursor(parts: string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** The parts of a cursor from {@link encodeCursor}; a 400 naming `cursor` when it is not one. */
export function decodeCursor(cursor: string, arity: number): string[] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === arity &&
      parts.every(p => typeof p === 'string')
    ) {
      return parts;
    }
  } catch {
    // fall through
  }
  throw new InputError('cursor is not a cursor this API returned');
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
