import { InputError } from '@backstage/errors';
import { DatasetsStore } from '../database/DatabaseDatasetsStore';
import { MlHomeStore } from '../database/MlHomeStore';
import { Dataset } from '../domain/types';
import { checkSlug } from './validation';

/**
 * The dataset an evaluation names: `name` in the evaluated model's project, or `project/name` for
 * a shared evaluation set elsewhere. Anything that does not lead to a dataset is a 400 naming the
 * field, an unknown project included.
 */
export async function findDatasetByReference(
  stores: { store: MlHomeStore; datasets: DatasetsStore },
  field: string,
  reference: string,
  defaultProject: string,
): Promise<Dataset> {
  const [projectName, name] = reference.includes('/')
    ? reference.split('/', 2)
    : [defaultProject, reference];
  checkSlug(field, name);
  const project = await stores.store.getProject(projectName);
  const dataset = project
    ? await stores.datasets.getDataset(project, name)
    : undefined;
  if (!dataset) {
    throw new InputError(
      `${field}: project '${projectName}' has no dataset named '${name}'`,
    );
  }
  return dataset;
}
