import { InputError, NotFoundError } from '@backstage/errors';
import type { DatasetCreate } from '@ml-home/plugin-ml-home-common';
import { Caller } from '../domain/Caller';
import { ProjectConditions } from '../domain/ProjectConditions';
import { ProjectScope, RunScope } from '../domain/scopes';
import {
  Dataset,
  DatasetKind,
  DatasetSearchQuery,
  Page,
} from '../domain/types';
import { checkDescription, checkKey, checkSlug } from '../domain/validation';
import { ProjectsStore } from '../projects/DatabaseProjectsStore';
import { DatasetsStore } from './DatabaseDatasetsStore';
import { findDatasetByReference } from './datasetReference';

/** ML Home's rules for datasets and the runs that read them. Knows nothing of permissions. */
export interface DatasetsService {
  searchDatasets(
    caller: Caller,
    conditions: ProjectConditions,
    query: DatasetSearchQuery,
  ): Promise<Page<Dataset>>;
  listDatasets(
    caller: Caller,
    scope: ProjectScope,
    options: { kind?: DatasetKind; limit: number; cursor?: string },
  ): Promise<Page<Dataset>>;
  getDataset(
    caller: Caller,
    scope: ProjectScope,
    name: string,
  ): Promise<Dataset>;
  createDataset(
    caller: Caller,
    scope: ProjectScope,
    request: DatasetCreate,
  ): Promise<Dataset>;
  /**
   * Records that the run read the datasets, named as `name` in the run's project or
   * `project/name` in another one; returns all the run's inputs.
   */
  addRunInputs(
    caller: Caller,
    scope: RunScope,
    datasets: string[],
  ): Promise<string[]>;
}

/** The rules over the datasets store. */
export class DefaultDatasetsService implements DatasetsService {
  constructor(
    private readonly store: DatasetsStore,
    private readonly projects: ProjectsStore,
  ) {}

  async searchDatasets(
    _caller: Caller,
    conditions: ProjectConditions,
    query: DatasetSearchQuery,
  ) {
    return this.store.searchDatasets(query, conditions);
  }

  async listDatasets(
    _caller: Caller,
    { project }: ProjectScope,
    options: { kind?: DatasetKind; limit: number; cursor?: string },
  ) {
    return this.store.listDatasets(project, options);
  }

  async getDataset(_caller: Caller, { project }: ProjectScope, name: string) {
    const dataset = await this.store.getDataset(project, name);
    if (!dataset) {
      throw new NotFoundError(
        `Project '${project.name}' has no dataset named '${name}'`,
      );
    }
    return dataset;
  }

  async createDataset(
    caller: Caller,
    { project }: ProjectScope,
    request: DatasetCreate,
  ) {
    checkSlug('name', request.name);
    const description = request.description ?? '';
    checkDescription('description', description);
    const features = request.features ?? [];
    const seen = new Set<string>();
    features.forEach((f, i) => {
      checkKey(`features[${i}].name`, f.name);
      if (seen.has(f.name)) {
        throw new InputError(
          `features[${i}].name: the feature '${f.name}' is listed twice`,
        );
      }
      seen.add(f.name);
    });
    return this.store.createDataset(
      project,
      {
        name: request.name,
        kind: request.kind,
        uri: request.uri ?? '',
        description,
        features,
      },
      caller.actor,
    );
  }

  async addRunInputs(
    caller: Caller,
    { runId, project }: RunScope,
    references: string[],
  ) {
    const datasets = [];
    for (const [i, reference] of references.entries()) {
      datasets.push(
        await findDatasetByReference(
          { projects: this.projects, datasets: this.store },
          `datasets[${i}]`,
          reference,
          project.name,
        ),
      );
    }
    return this.store.addRunInputs(project, runId, datasets, caller.actor);
  }
}
