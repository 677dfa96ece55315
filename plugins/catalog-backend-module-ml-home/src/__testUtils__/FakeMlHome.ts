import { ResponseError } from '@backstage/errors';
import type {
  Dataset,
  Deployment,
  Model,
  Project,
} from '@ml-home/plugin-ml-home-common';
import { MlHomeCatalogReader } from '../provider/MlHomeCatalogReader';

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

/** A dataset with defaults. */
export function dataset(
  d: Partial<Dataset> & { name: string; project: string },
): Dataset {
  return {
    id: `id-${d.project}-${d.name}`,
    kind: 'training-set',
    uri: '',
    description: '',
    features: [],
    createdAt: T,
    updatedAt: T,
    createdBy: 'user:default/guest',
    ...d,
  };
}

/** A deployment with defaults. */
export function deployment(
  d: Partial<Deployment> & { model: string; service: string },
): Deployment {
  return {
    id: `dep-${d.model}-${d.service}-${d.environment ?? 'prod'}-${d.status ?? 'active'}`,
    version: 1,
    environment: 'prod',
    endpoint: '',
    status: 'active',
    deployedAt: T,
    createdBy: 'user:default/guest',
    ...d,
  };
}

async function notFound(message: string): Promise<never> {
  throw await ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message },
        request: { method: 'GET', url: '/' },
        response: { statusCode: 404 },
      }),
      { status: 404, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

/** Keyset paging over a sorted array, with the route's limit rule (at most 200). */
function page<T>(
  all: T[],
  key: (item: T) => string,
  query: { cursor?: string; limit?: number } | undefined,
) {
  const limit = query?.limit ?? 50;
  if (limit > 200) {
    throw new Error(`limit ${limit} is above 200`);
  }
  const sorted = [...all].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const start = query?.cursor
    ? sorted.findIndex(item => key(item) > query.cursor!)
    : 0;
  const items = start < 0 ? [] : sorted.slice(start, start + limit);
  const more = start >= 0 && start + limit < sorted.length;
  return {
    items,
    nextCursor: more ? key(items[items.length - 1]) : undefined,
    totalCount: all.length,
  };
}

/**
 * An in-memory ML Home behind the part of the API the provider reads, with the server's
 * behaviour that matters here: keyset pages, 404s as `ResponseError`, deployments filtered by
 * status, project and model, and list items without dataset consumers. Counts calls.
 */
export class FakeMlHome implements MlHomeCatalogReader {
  projects: Project[] = [];
  models: Model[] = [];
  datasets: Dataset[] = [];
  deployments: Deployment[] = [];
  readonly calls: Record<string, number> = {};

  private count(method: string) {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
  }

  async listProjects(query?: { cursor?: string; limit?: number }) {
    this.count('listProjects');
    return {
      ...page(this.projects, p => p.name, query),
      facets: { owner: [], tag: [], lifecycle: [] },
    };
  }

  async getProject(name: string) {
    this.count('getProject');
    return (
      this.projects.find(p => p.name === name) ??
      notFound(`project ${name} not found`)
    );
  }

  async getModel(name: string) {
    this.count('getModel');
    return (
      this.models.find(m => m.name === name) ??
      notFound(`model ${name} not found`)
    );
  }

  async getDataset(projectName: string, name: string) {
    this.count('getDataset');
    return (
      this.datasets.find(d => d.project === projectName && d.name === name) ??
      notFound(`dataset ${projectName}/${name} not found`)
    );
  }

  async listModelDeployments(name: string) {
    this.count('listModelDeployments');
    return { items: this.deployments.filter(d => d.model === name) };
  }

  async searchModels(query?: {
    project?: string;
    cursor?: string;
    limit?: number;
  }) {
    this.count('searchModels');
    const visible = this.models.filter(
      m =>
        (!query?.project || m.project === query.project) &&
        this.projects.some(p => p.name === m.project),
    );
    return page(visible, m => m.name, query);
  }

  async searchDatasets(query?: {
    project?: string;
    cursor?: string;
    limit?: number;
  }) {
    this.count('searchDatasets');
    const visible = this.datasets
      .filter(
        d =>
          (!query?.project || d.project === query.project) &&
          this.projects.some(p => p.name === d.project),
      )
      // Lists leave out consumers, as the real route does.
      .map(({ consumers: _consumers, ...d }) => d);
    return page(visible, d => `${d.project}\u0000${d.name}`, query);
  }

  async listDeployments(query?: {
    status?: 'active' | 'retired';
    project?: string;
    model?: string;
    cursor?: string;
    limit?: number;
  }) {
    this.count('listDeployments');
    const models = new Map(this.models.map(m => [m.name, m]));
    const matching = this.deployments.filter(
      d =>
        (!query?.status || d.status === query.status) &&
        (!query?.model || d.model === query.model) &&
        (!query?.project || models.get(d.model)?.project === query.project),
    );
    return page(matching, d => d.id, query);
  }
}
