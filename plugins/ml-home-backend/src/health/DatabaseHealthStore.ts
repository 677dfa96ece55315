import { Knex } from 'knex';

/** What the health route asks of the database. */
export interface HealthStore {
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
}

/** The Knex implementation of {@link HealthStore}. */
export class DatabaseHealthStore implements HealthStore {
  constructor(private readonly db: Knex) {}

  async ping(): Promise<void> {
    await this.db.raw('select 1');
  }
}
