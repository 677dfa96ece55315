import { HealthStore } from './DatabaseHealthStore';

/** Whether ML Home can serve: its database answers. */
export interface HealthService {
  check(): Promise<{ status: 'ok' }>;
}

/** The health check over its store. */
export class DefaultHealthService implements HealthService {
  constructor(private readonly store: HealthStore) {}

  async check(): Promise<{ status: 'ok' }> {
    await this.store.ping();
    return { status: 'ok' };
  }
}
