import {
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
  mlHomeRunWritePermission,
} from '@ml-home/plugin-ml-home-common';
import { AccessTable, Authorized } from '../authorization/authorize';
import { Finders } from '../authorization/finders';
import { ReferenceAuthorizer } from '../authorization/ReferenceAuthorizer';
import { EvaluationsService } from './EvaluationsService';

/** Who may do what with evaluations, and how each operation finds its project. */
export function evaluationsAccess(
  find: Finders,
  references: ReferenceAuthorizer,
) {
  return {
    listEvaluations: { readable: { items: [], totalCount: 0 } },
    // Like registering a version: pipelines with ingestion tokens record evaluations. The
    // dataset and the baseline are only read, wherever they are.
    createEvaluation: {
      permission: mlHomeRunWritePermission,
      on: find.model,
      also: async (caller, { model, project }, _version, request) => {
        await references.checkDatasetsReadable(
          caller,
          [{ field: 'dataset', reference: request.dataset }],
          project.name,
        );
        if (request.baselineVersion !== undefined) {
          await references.checkReadable(
            caller,
            'baselineVersion',
            project,
            `version ${request.baselineVersion} of model '${model.name}'`,
          );
        }
      },
    },
    getEvaluation: {
      permission: mlHomeProjectReadPermission,
      on: find.evaluation,
    },
    setEvaluationThresholds: {
      permission: mlHomeProjectUpdatePermission,
      on: find.evaluation,
    },
    // Every evaluation's project must be readable.
    compareEvaluations: {
      permission: mlHomeProjectReadPermission,
      on: find.evaluations,
    },
  } satisfies AccessTable<EvaluationsService>;
}

/** What the evaluation routes call. */
export type EvaluationsApi = Authorized<
  EvaluationsService,
  ReturnType<typeof evaluationsAccess>
>;
