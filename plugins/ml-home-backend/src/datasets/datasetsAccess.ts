import {
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
  mlHomeRunWritePermission,
} from '@ml-home/plugin-ml-home-common';
import { AccessTable, Authorized } from '../authorization/authorize';
import { Finders } from '../authorization/finders';
import { ReferenceAuthorizer } from '../authorization/ReferenceAuthorizer';
import { DatasetsService } from './DatasetsService';

/** Who may do what with datasets, and how each operation finds its project. */
export function datasetsAccess(find: Finders, references: ReferenceAuthorizer) {
  return {
    searchDatasets: { readable: { items: [], totalCount: 0 } },
    listDatasets: { permission: mlHomeProjectReadPermission, on: find.project },
    getDataset: { permission: mlHomeProjectReadPermission, on: find.project },
    createDataset: {
      permission: mlHomeProjectUpdatePermission,
      on: find.project,
    },
    // Declaring inputs is part of logging a run, so ingestion rights on the run suffice; each
    // dataset read must be in a project the caller may read.
    addRunInputs: {
      permission: mlHomeRunWritePermission,
      on: find.run,
      also: (caller, { project }, datasets) =>
        references.checkDatasetsReadable(
          caller,
          datasets.map((reference, i) => ({
            field: `datasets[${i}]`,
            reference,
          })),
          project.name,
        ),
    },
  } satisfies AccessTable<DatasetsService>;
}

/** What the dataset routes call. */
export type DatasetsApi = Authorized<
  DatasetsService,
  ReturnType<typeof datasetsAccess>
>;
