import type { Model, Project } from '@ml-home/plugin-ml-home-common';
import { MlHomeSearchReader } from '../collator/MlHomeCollatorFactory';

const T = '2026-10-01T00:00:00.000Z';

/** A project with defaults for every field a test does not care about. */
export function project(p: Partial<Project> & { name: string }): Project {
  return {
    id: `id-${p.name}`,
    title: p.name,
    description: '',
    owner: 'group:default/home-ranking',
    lifecycle: 'production',
    tags: [],
    links: [],
    relatedEntities: [],
    createdAt: T,
    updatedAt: T,
    createdBy: 'user:default/guest',
    updatedBy: 'user:default/guest',
    lastActivityAt: T,
    ...p,
  };
}

/** A model with defaults. */
export function model(
  m: Partial<Model> & { name: string; project: string },
): Model {
  return {
    id: `id-${m.name}`,
    description: '',
    owner: 'group:default/home-ranking',
    versionCount: 0,
    aliases: [],
    createdAt: T,
    updatedAt: T,
    createdBy: 'user:default/guest',
    ...m,
  };
}

/** Keyset paging over items sorted by name, refusing pages above the routes' limit of 1000. */
function page<T extends { name: string }>(
  all: T[],
  query: { cursor?: string; limit?: number } | undefined,
) {
  const limit = query?.limit ?? 50;
  if (limit > 1000) throw new Error(`limit ${limit} is above 1000`);
  const sorted = [...all].sort((a, b) => (a.name < b.name ? -1 : 1));
  const start = query?.cursor
    ? sorted.findIndex(x => x.name > query.cursor!)
    : 0;
  const items = start < 0 ? [] : sorted.slice(start, start + limit);
  const more = start >= 0 && start + limit < sorted.length;
  return {
    items,
    nextCursor: more ? items[items.length - 1].name : undefined,
    totalCount: all.length,
  };
}

/** An in-memory ML Home behind the two lists the collator reads; counts the pages served. */
export class FakeMlHome implements MlHomeSearchReader {
  projects: Project[] = [];
  models: Model[] = [];
  pagesServed = { projects: 0, models: 0 };

  async listProjects(query?: { cursor?: string; limit?: number }) {
    this.pagesServed.projects += 1;
    return {
      ...page(this.projects, query),
      facets: { owner: [], tag: [], lifecycle: [] },
    };
  }

  async searchModels(query?: { cursor?: string; limit?: number }) {
    this.pagesServed.models += 1;
    return page(this.models, query);
  }
}
