import type {
  ProjectCreate,
  ProjectUpdate,
} from '@ml-home/plugin-ml-home-common';
import { CatalogChecks } from '../catalog/CatalogChecks';
import { Caller } from '../domain/Caller';
import { ProjectConditions } from '../domain/ProjectConditions';
import { ProjectScope } from '../domain/scopes';
import {
  Page,
  PageRequest,
  Project,
  ProjectEvent,
  ProjectListQuery,
  ProjectListResult,
  ProjectPatch,
} from '../domain/types';
import {
  checkDescription,
  checkSlug,
  checkTitle,
  checkUrl,
  normalizeEntityRef,
} from '../domain/validation';
import { ProjectsStore } from './DatabaseProjectsStore';

/** ML Home's rules for projects and their activity. Knows nothing of permissions. */
export interface ProjectsService {
  listProjects(
    caller: Caller,
    conditions: ProjectConditions,
    query: ProjectListQuery,
  ): Promise<ProjectListResult>;
  getProject(caller: Caller, scope: ProjectScope): Promise<Project>;
  createProject(caller: Caller, request: ProjectCreate): Promise<Project>;
  updateProject(
    caller: Caller,
    scope: ProjectScope,
    request: ProjectUpdate,
  ): Promise<Project>;
  deleteProject(caller: Caller, scope: ProjectScope): Promise<void>;
  restoreProject(caller: Caller, scope: ProjectScope): Promise<Project>;
  listEvents(
    caller: Caller,
    scope: ProjectScope,
    page: PageRequest,
  ): Promise<Page<ProjectEvent>>;
}

/** The rules over the projects store. */
export class DefaultProjectsService implements ProjectsService {
  constructor(
    private readonly store: ProjectsStore,
    private readonly catalog: CatalogChecks,
  ) {}

  async listProjects(
    _caller: Caller,
    conditions: ProjectConditions,
    query: ProjectListQuery,
  ) {
    return this.store.listProjects(
      {
        ...query,
        owners: query.owners?.map((o, i) =>
          normalizeEntityRef(`owner[${i}]`, o),
        ),
      },
      conditions,
    );
  }

  async getProject(_caller: Caller, { project }: ProjectScope) {
    return project;
  }

  async createProject(caller: Caller, request: ProjectCreate) {
    checkSlug('name', request.name);
    const title = request.title ?? request.name;
    checkTitle('title', title);
    const description = request.description ?? '';
    checkDescription('description', description);
    const links = request.links ?? [];
    links.forEach((l, i) => checkUrl(`links[${i}].url`, l.url));
    const tags = [...new Set(request.tags ?? [])];
    tags.forEach((t, i) => checkSlug(`tags[${i}]`, t));
    return this.store.createProject(
      {
        name: request.name,
        title,
        description,
        owner: await this.catalog.owner('owner', request.owner),
        lifecycle: request.lifecycle ?? 'experimental',
        tags,
        links,
        relatedEntities: await this.catalog.relatedEntities(
          request.relatedEntities ?? [],
        ),
      },
      caller.actor,
    );
  }

  async updateProject(
    caller: Caller,
    { project }: ProjectScope,
    request: ProjectUpdate,
  ) {
    const patch: ProjectPatch = {};
    if (request.title !== undefined) {
      checkTitle('title', request.title);
      patch.title = request.title;
    }
    if (request.description !== undefined) {
      checkDescription('description', request.description);
      patch.description = request.description;
    }
    if (request.owner !== undefined)
      patch.owner = await this.catalog.owner('owner', request.owner);
    if (request.lifecycle !== undefined) patch.lifecycle = request.lifecycle;
    if (request.tags !== undefined) {
      request.tags.forEach((t, i) => checkSlug(`tags[${i}]`, t));
      patch.tags = [...new Set(request.tags)];
    }
    if (request.links !== undefined) {
      request.links.forEach((l, i) => checkUrl(`links[${i}].url`, l.url));
      patch.links = request.links;
    }
    if (request.relatedEntities !== undefined) {
      patch.relatedEntities = await this.catalog.relatedEntities(
        request.relatedEntities,
      );
    }
    return this.store.updateProject(project, patch, caller.actor);
  }

  async deleteProject(caller: Caller, { project }: ProjectScope) {
    await this.store.setProjectDeleted(project, true, caller.actor);
  }

  async restoreProject(caller: Caller, { project }: ProjectScope) {
    if (!project.deletedAt) {
      return project;
    }
    return this.store.setProjectDeleted(project, false, caller.actor);
  }

  async listEvents(
    _caller: Caller,
    { project }: ProjectScope,
    page: PageRequest,
  ) {
    return this.store.listEvents(project, page);
  }
}
