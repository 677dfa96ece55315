import { mlHomeRunWritePermission } from '@ml-home/plugin-ml-home-common';
import { AccessTable, Authorized } from '../authorization/authorize';
import { Finders } from '../authorization/finders';
import { ReferenceAuthorizer } from '../authorization/ReferenceAuthorizer';
import { IngestionService } from './IngestionService';

/**
 * A batch writes into its project with ingestion rights; what it names elsewhere is decided like
 * the single calls: versions' runs must be writable, evaluations' datasets and baselines readable.
 */
export function ingestionAccess(
  find: Finders,
  references: ReferenceAuthorizer,
) {
  return {
    ingest: {
      permission: mlHomeRunWritePermission,
      on: find.project,
      also: async (caller, { project }, request) => {
        await references.checkRunsWritable(
          caller,
          (request.modelVersions ?? []).map((v, i) => ({
            field: `modelVersions[${i}].runId`,
            runId: v.runId,
          })),
          { skipUnknown: true },
        );
        const evaluations = request.evaluations ?? [];
        await references.checkDatasetsReadable(
          caller,
          evaluations.map((e, i) => ({
            field: `evaluations[${i}].dataset`,
            reference: e.dataset,
          })),
          project.name,
        );
        const withBaseline = evaluations.findIndex(
          e => e.baselineVersion !== undefined,
        );
        if (withBaseline >= 0) {
          // A batch's evaluations are of its own project's models, so are their baselines.
          const e = evaluations[withBaseline];
          await references.checkReadable(
            caller,
            `evaluations[${withBaseline}].baselineVersion`,
            project,
            `version ${e.baselineVersion} of model '${e.model}'`,
          );
        }
      },
    },
  } satisfies AccessTable<IngestionService>;
}

/** What the ingestion route calls. */
export type IngestionApi = Authorized<
  IngestionService,
  ReturnType<typeof ingestionAccess>
>;
