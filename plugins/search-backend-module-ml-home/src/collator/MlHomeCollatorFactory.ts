import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import {
  Lifecycle,
  MlHomeApi,
  Model,
  Project,
  mlHomeProjectReadPermission,
} from '@ml-home/plugin-ml-home-common';
import { Readable } from 'stream';

/**
 * A search document for an ML Home project or model (document type `ml-home`).
 *
 * @public
 */
export interface MlHomeDocument extends IndexableDocument {
  /** What the document stands for. */
  kind: 'project' | 'model';
  /** The project's or model's name. */
  name: string;
  /** The project, or the model's project. */
  project: string;
  /** Owner entity ref, e.g. `group:default/churn-prediction`. */
  owner: string;
  /** The project's tags. */
  tags: string[];
  /** The project's lifecycle. */
  lifecycle: Lifecycle;
}

/**
 * A search document for one of ML Home's own pages (document type `ml-home`): the way into ML Home
 * for someone who searches for it by name, in a portal with or without projects yet.
 *
 * @public
 */
export interface MlHomePageDocument extends IndexableDocument {
  /** What the document stands for. */
  kind: 'page';
  /** The page's name, e.g. `ml-home` or `certification`. */
  name: string;
}

/**
 * ML Home's pages that search finds, indexed on every run. They also keep the `ml-home` index from
 * being empty: Backstage's Lunr engine builds no index for a type whose collator yielded nothing,
 * and then answers a search for that type with 500 (MissingIndexError). They carry no resource
 * ref, so anyone the visibility permission does not deny outright sees them.
 */
export const ML_HOME_PAGE_DOCUMENTS: readonly MlHomePageDocument[] = [
  {
    kind: 'page',
    name: 'ml-home',
    title: 'ML Home',
    text: 'Machine learning projects of every team: models, training runs and experiments, evaluations, datasets and features, deployments, lineage, and production-readiness certification.',
    location: '/ml-home',
  },
  {
    kind: 'page',
    name: 'certification',
    title: 'ML model certification',
    text: 'Production-readiness scorecards of every ML model (ML Test Score): levels, failing checks, attestations and what each model needs next.',
    location: '/ml-home/certification',
  },
];

/**
 * The part of the ML Home API the collator reads.
 *
 * @public
 */
export type MlHomeSearchReader = Pick<
  MlHomeApi,
  'listProjects' | 'searchModels'
>;

/** Largest page the list routes accept that the collator asks for. */
const PAGE_SIZE = 200;

async function* allPages<T>(
  readPage: (
    cursor: string | undefined,
  ) => Promise<{ items: T[]; nextCursor?: string }>,
): AsyncGenerator<T> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await readPage(cursor);
    yield* page.items;
    if (!page.nextCursor) {
      return;
    }
    if (seen.has(page.nextCursor)) {
      throw new Error(`ML Home returned the cursor ${page.nextCursor} twice`);
    }
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}

/** "group:default/churn-prediction" → "churn-prediction": the words a person searches for. */
function ownerText(owner: string): string {
  return owner.split('/').pop() ?? owner;
}

/** The search document of a project. */
export function projectDocument(project: Project): MlHomeDocument {
  return {
    title: project.title || project.name,
    text: [
      project.description,
      project.tags.join(' '),
      ownerText(project.owner),
    ]
      .filter(Boolean)
      .join('\n'),
    location: `/ml-home/projects/${encodeURIComponent(project.name)}`,
    kind: 'project',
    name: project.name,
    project: project.name,
    owner: project.owner,
    tags: project.tags,
    lifecycle: project.lifecycle,
    authorization: { resourceRef: project.name },
  };
}

/** The search document of a model; tags and lifecycle are its project's. */
export function modelDocument(model: Model, project: Project): MlHomeDocument {
  return {
    title: model.name,
    text: [
      model.description,
      `${project.title} (${project.name})`,
      project.tags.join(' '),
      ownerText(model.owner),
    ]
      .filter(Boolean)
      .join('\n'),
    location: `/ml-home/models/${encodeURIComponent(model.name)}`,
    kind: 'model',
    name: model.name,
    project: project.name,
    owner: model.owner,
    tags: project.tags,
    lifecycle: project.lifecycle,
    authorization: { resourceRef: project.name },
  };
}

/**
 * Indexes ML Home projects and models for Backstage search, as documents of type `ml-home`
 * ({@link MlHomeDocument}), and ML Home's own pages ({@link MlHomePageDocument}). Project and model
 * documents are visible to whoever may read their project (`ml-home.project.read`, resource ref =
 * project name).
 *
 * @public
 */
export class MlHomeCollatorFactory implements DocumentCollatorFactory {
  /** The document type, `ml-home`. */
  readonly type = 'ml-home';
  /** Search shows a document only to those who may read its project. */
  readonly visibilityPermission = mlHomeProjectReadPermission;

  private readonly client: MlHomeSearchReader;
  private readonly logger?: LoggerService;

  constructor(options: { client: MlHomeSearchReader; logger?: LoggerService }) {
    this.client = options.client;
    this.logger = options.logger;
  }

  /** {@inheritDoc @backstage/plugin-search-common#DocumentCollatorFactory.getCollator} */
  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  /** Every project, then every model, read page by page; then ML Home's pages. */
  async *documents(): AsyncGenerator<MlHomeDocument | MlHomePageDocument> {
    const projects = new Map<string, Project>();
    for await (const project of allPages(cursor =>
      this.client.listProjects({ limit: PAGE_SIZE, cursor }),
    )) {
      projects.set(project.name, project);
      yield projectDocument(project);
    }
    let skipped = 0;
    for await (const model of allPages(cursor =>
      this.client.searchModels({ limit: PAGE_SIZE, cursor }),
    )) {
      const project = projects.get(model.project);
      if (!project) {
        // Created after the project list was read; the next run indexes it.
        skipped += 1;
        continue;
      }
      yield modelDocument(model, project);
    }
    yield* ML_HOME_PAGE_DOCUMENTS.map(page => ({ ...page }));
    this.logger?.info(
      `Indexed ${projects.size} ML Home projects and their models${skipped ? ` (${skipped} models of newer projects left for the next run)` : ''}`,
    );
  }
}
