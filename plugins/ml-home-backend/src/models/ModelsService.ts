import { InputError } from '@backstage/errors';
import type {
  CertificationOverride,
  ModelCreate,
  ModelVersionCreate,
} from '@ml-home/plugin-ml-home-common';
import { CatalogChecks } from '../catalog/CatalogChecks';
import { Caller } from '../domain/Caller';
import { ProjectConditions } from '../domain/ProjectConditions';
import { ModelScope, ProjectScope } from '../domain/scopes';
import {
  AliasHistoryEntry,
  Model,
  ModelAlias,
  ModelSearchQuery,
  ModelVersion,
  Page,
  PageRequest,
} from '../domain/types';
import {
  checkAlias,
  checkDescription,
  checkSlug,
  normalizeEntityRef,
} from '../domain/validation';
import { RunsStore } from '../runs/DatabaseRunsStore';
import { ModelsStore } from './DatabaseModelsStore';
import { noSuchVersion } from '../domain/notFound';

/** ML Home's rules for registered models, versions and aliases. Knows nothing of permissions. */
export interface ModelsService {
  listModels(
    caller: Caller,
    scope: ProjectScope,
    page: PageRequest,
  ): Promise<Page<Model>>;
  searchModels(
    caller: Caller,
    conditions: ProjectConditions,
    query: ModelSearchQuery,
  ): Promise<Page<Model>>;
  /** Models whose owner (their own or their project's) is no longer a group in the catalog. */
  listOrphanedModels(
    caller: Caller,
    conditions: ProjectConditions,
  ): Promise<Page<Model>>;
  getModel(caller: Caller, scope: ModelScope): Promise<Model>;
  createModel(
    caller: Caller,
    scope: ProjectScope,
    request: ModelCreate,
  ): Promise<Model>;
  listModelVersions(
    caller: Caller,
    scope: ModelScope,
    page: PageRequest,
  ): Promise<Page<ModelVersion>>;
  getModelVersion(
    caller: Caller,
    scope: ModelScope,
    version: number,
  ): Promise<ModelVersion>;
  createModelVersion(
    caller: Caller,
    scope: ModelScope,
    request: ModelVersionCreate,
  ): Promise<ModelVersion>;
  setModelAlias(
    caller: Caller,
    scope: ModelScope,
    alias: string,
    version: number,
    /** An owner's reason to pass the certification gate (decided before the call). */
    options?: { certificationOverride?: CertificationOverride },
  ): Promise<ModelAlias>;
  deleteModelAlias(
    caller: Caller,
    scope: ModelScope,
    alias: string,
  ): Promise<void>;
  listModelAliasHistory(
    caller: Caller,
    scope: ModelScope,
    page: PageRequest,
  ): Promise<Page<AliasHistoryEntry>>;
}

/** The rules over the models store. */
export class DefaultModelsService implements ModelsService {
  constructor(
    private readonly store: ModelsStore,
    private readonly runs: RunsStore,
    private readonly catalog: CatalogChecks,
  ) {}

  async listModels(
    _caller: Caller,
    { project }: ProjectScope,
    page: PageRequest,
  ) {
    return this.store.listModels(project, page);
  }

  async searchModels(
    _caller: Caller,
    conditions: ProjectConditions,
    query: ModelSearchQuery,
  ) {
    return this.store.searchModels(
      {
        ...query,
        owner: query.owner && normalizeEntityRef('owner', query.owner),
      },
      conditions,
    );
  }

  async listOrphanedModels(_caller: Caller, conditions: ProjectConditions) {
    if (!this.catalog.enabled) return { items: [], totalCount: 0 };
    const missing = await this.catalog.missingGroups(
      await this.store.listModelOwners(conditions),
    );
    const items: Model[] = [];
    for (const owner of missing) {
      let cursor: string | undefined;
      do {
        const page = await this.store.searchModels(
          { owner, limit: 500, cursor },
          conditions,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
    }
    items.sort((a, b) => (a.name < b.name ? -1 : 1));
    return { items, totalCount: items.length };
  }

  async getModel(_caller: Caller, { model }: ModelScope) {
    return model;
  }

  async createModel(
    caller: Caller,
    { project }: ProjectScope,
    request: ModelCreate,
  ) {
    checkSlug('name', request.name);
    const description = request.description ?? '';
    checkDescription('description', description);
    return this.store.createModel(
      project,
      {
        name: request.name,
        description,
        owner:
          request.owner === undefined
            ? undefined
            : await this.catalog.owner('owner', request.owner),
      },
      caller.actor,
    );
  }

  async listModelVersions(
    _caller: Caller,
    { model }: ModelScope,
    page: PageRequest,
  ) {
    return this.store.listVersions(model, page);
  }

  async getModelVersion(
    _caller: Caller,
    { model }: ModelScope,
    version: number,
  ) {
    const found = await this.store.getVersion(model, version);
    if (!found) {
      throw noSuchVersion(model.name, version);
    }
    return found;
  }

  async createModelVersion(
    caller: Caller,
    { model }: ModelScope,
    request: ModelVersionCreate,
  ) {
    if (
      request.runId !== undefined &&
      !(await this.runs.getRunProjects([request.runId])).has(request.runId)
    ) {
      throw new InputError(`runId: no run with id '${request.runId}'`);
    }
    const description = request.description ?? '';
    checkDescription('description', description);
    const modelCard = request.modelCard ?? {};
    for (const [section, text] of Object.entries(modelCard)) {
      checkDescription(`modelCard.${section}`, text ?? '');
    }
    return this.store.createVersion(
      model,
      {
        runId: request.runId,
        artifactUri: request.artifactUri ?? '',
        framework: request.framework ?? '',
        description,
        modelCard,
      },
      caller.actor,
    );
  }

  async setModelAlias(
    caller: Caller,
    { model }: ModelScope,
    alias: string,
    version: number,
  ) {
    checkAlias(alias);
    return this.store.setAlias(model, alias, version, caller.actor);
  }

  async deleteModelAlias(caller: Caller, { model }: ModelScope, alias: string) {
    return this.store.deleteAlias(model, alias, caller.actor);
  }

  async listModelAliasHistory(
    _caller: Caller,
    { model }: ModelScope,
    page: PageRequest,
  ) {
    return this.store.listAliasHistory(model, page);
  }
}
