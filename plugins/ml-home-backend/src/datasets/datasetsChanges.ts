import { ChangeTable, change } from '../changes/publishChanges';
import { DatasetsService } from './DatasetsService';
import { parseDatasetReference } from './datasetReference';

/** What dataset writes announce. */
export const datasetsChanges: ChangeTable<DatasetsService> = {
  createDataset: (_args, d) => [
    change('dataset', 'created', d.project, d.name),
  ],
  // A run reading a dataset changes which models the dataset feeds, in whichever project it is.
  addRunInputs: ([, { project }], refs) =>
    refs.map(ref => {
      const { project: owner, name } = parseDatasetReference(ref, project.name);
      return change('dataset', 'updated', owner, name);
    }),
};
