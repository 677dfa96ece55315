import { BackstageCredentials } from '@backstage/backend-plugin-api';

/** A project token that authenticated a call: it may touch that one project only. */
export interface ProjectTokenPrincipal {
  id: string;
  /** The name of the project the token writes into. */
  project: string;
}

/**
 * Who is calling: the ref recorded as author and what decides their rights — Backstage credentials
 * (a user or a service, decided by the permission framework), or a project token (decided by ML
 * Home alone: read and ingest in its own project, nothing else).
 */
export type Caller =
  | {
      credentials: BackstageCredentials;
      actor: string;
      projectToken?: undefined;
    }
  | {
      credentials?: undefined;
      actor: string;
      projectToken: ProjectTokenPrincipal;
    };
