import { InputError } from '@backstage/errors';
import { Dataset } from '../domain/types';
import { checkSlug } from '../domain/validation';
import type { ProjectsStore } from '../projects/DatabaseProjectsStore';
import { DatasetsStore } from './DatabaseDatasetsStore';

/**
 * Splits a dataset reference: `name` in `defaultProject`, or `project/name` for a dataset of
 * another project (a shared evaluation set, another team's training data).
 */
export function parseDatasetReference(
  reference: string,
  defaultProject: string,
): { project: string; name: string } {
  const [project, name] = reference.includes('/')
    ? reference.split('/', 2)
    : [defaultProject, reference];
  return { project, name };
}

/**
 * The dataset a reference names (see {@link parseDatasetReference}). Anything that does not lead
 * to a dataset is a 400 naming the field, an unknown project included. Whether the caller may
 * read the dataset's project is the permission layer's to decide, before this is called.
 */
export async function findDatasetByReference(
  stores: { projects: ProjectsStore; datasets: DatasetsStore },
  field: string,
  reference: string,
  defaultProject: string,
): Promise<Dataset> {
  const { project: projectName, name } = parseDatasetReference(
    reference,
    defaultProject,
  );
  checkSlug(field, name);
  const project = await stores.projects.getProject(projectName);
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
