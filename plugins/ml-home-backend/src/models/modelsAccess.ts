import {
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
  mlHomeRunWritePermission,
} from '@ml-home/plugin-ml-home-common';
import { AccessTable, Authorized } from '../authorization/authorize';
import { Finders } from '../authorization/finders';
import { ReferenceAuthorizer } from '../authorization/ReferenceAuthorizer';
import { ModelsService } from './ModelsService';
import type { CertificationGate } from '../certification/CertificationGate';

const none = { items: [], totalCount: 0 };

/** Who may do what with models, versions and aliases, and how each finds its project. */
export function modelsAccess(
  find: Finders,
  references: ReferenceAuthorizer,
  gate?: CertificationGate,
) {
  return {
    listModels: { permission: mlHomeProjectReadPermission, on: find.project },
    searchModels: { readable: none },
    listOrphanedModels: { readable: none },
    getModel: { permission: mlHomeProjectReadPermission, on: find.model },
    createModel: {
      permission: mlHomeProjectUpdatePermission,
      on: find.project,
      also: async (caller, { project }, request) => {
        if (request.owner !== undefined) {
          // The project's own owner is what the model would have without one.
          await references.checkOwnerGroup(
            caller,
            'owner',
            request.owner,
            project.owner,
          );
        }
      },
    },
    listModelVersions: {
      permission: mlHomeProjectReadPermission,
      on: find.model,
    },
    getModelVersion: {
      permission: mlHomeProjectReadPermission,
      on: find.model,
    },
    // Registering versions is part of ingestion: training pipelines with a token may do it. The
    // producing run, in whichever project, must be one the caller may write: a version claims it.
    createModelVersion: {
      permission: mlHomeRunWritePermission,
      on: find.model,
      also: async (caller, _scope, request) => {
        if (request.runId !== undefined) {
          await references.checkRunsWritable(caller, [
            { field: 'runId', runId: request.runId },
          ]);
        }
      },
    },
    setModelAlias: {
      permission: mlHomeProjectUpdatePermission,
      on: find.model,
      // A gated alias (mlHome.certification.gate) moves only to a certified enough model.
      also: async (caller, scope, alias, version, options) =>
        gate?.check(
          caller,
          scope,
          { alias },
          version,
          options?.certificationOverride,
        ),
    },
    deleteModelAlias: {
      permission: mlHomeProjectUpdatePermission,
      on: find.model,
    },
    listModelAliasHistory: {
      permission: mlHomeProjectReadPermission,
      on: find.model,
    },
  } satisfies AccessTable<ModelsService>;
}

/** What the model routes call. */
export type ModelsApi = Authorized<
  ModelsService,
  ReturnType<typeof modelsAccess>
>;
