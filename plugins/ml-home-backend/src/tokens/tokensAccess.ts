import { mlHomeProjectUpdatePermission } from '@ml-home/plugin-ml-home-common';
import { AccessTable, Authorized } from '../authorization/authorize';
import { Finders } from '../authorization/finders';
import { ProjectTokensService } from './ProjectTokensService';

/** A project's tokens are managed by whoever may update the project. */
export function tokensAccess(find: Finders) {
  return {
    listTokens: { permission: mlHomeProjectUpdatePermission, on: find.project },
    createToken: {
      permission: mlHomeProjectUpdatePermission,
      on: find.project,
    },
    revokeToken: {
      permission: mlHomeProjectUpdatePermission,
      on: find.project,
    },
  } satisfies AccessTable<ProjectTokensService>;
}

/** What the project token routes call. */
export type TokensApi = Authorized<
  ProjectTokensService,
  ReturnType<typeof tokensAccess>
>;
