import { Knex } from 'knex';

/**
 * Runs `work` in one transaction: the one `db` is bound to when a store was made for a unit of
 * work (see UnitOfWork.ts), else a new one. A store's multi-statement write is atomic
 * either way, and inside a unit of work it commits or rolls back with everything else.
 */
export function inTransaction<T>(
  db: Knex,
  work: (tx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db as Knex.Transaction) : db.transaction(work);
}
