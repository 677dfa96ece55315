import { createHash } from 'crypto';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  DEFAULT_NAMESPACE,
  Entity,
  KubernetesValidatorFunctions,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type {
  Dataset,
  Deployment,
  Model,
  Project,
} from '@ml-home/plugin-ml-home-common';
import {
  ML_HOME_DATASET_ANNOTATION,
  ML_HOME_MODEL_ANNOTATION,
  ML_HOME_PROJECT_ANNOTATION,
  ML_HOME_RESOURCE_TYPES,
} from '@ml-home/plugin-ml-home-common';

const MAX_ENTITY_NAME_LENGTH = 63;
const HASH_LENGTH = 8;
const validators = makeValidator();

/**
 * The catalog entity name of a model: model names are unique slugs, so the name itself.
 *
 * @public
 */
export function modelEntityName(model: string): string {
  return model;
}

/**
 * The catalog entity name of a dataset. Dataset names are unique only within their project, so
 * the name joins both: `<project>--<dataset>`. When that is longer than the catalog allows (63
 * characters), it is cut and ends in a hash of the full `<project>/<dataset>`, so it stays unique
 * and stable.
 *
 * @public
 */
export function datasetEntityName(project: string, dataset: string): string {
  const full = `${project}--${dataset}`;
  if (full.length <= MAX_ENTITY_NAME_LENGTH) {
    return full;
  }
  const hash = createHash('sha256')
    .update(`${project}/${dataset}`)
    .digest('hex')
    .slice(0, HASH_LENGTH);
  const head = full
    .slice(0, MAX_ENTITY_NAME_LENGTH - HASH_LENGTH - 1)
    .replace(/[-_.]+$/, '');
  return `${head}-${hash}`;
}

/** The entity ref of the Resource a model or dataset entity name stands for. */
export function resourceRef(name: string): string {
  return stringifyEntityRef({
    kind: 'resource',
    namespace: DEFAULT_NAMESPACE,
    name,
  });
}

/** True when the catalog accepts `name` as `metadata.name`. */
export function isValidEntityName(name: string): boolean {
  return KubernetesValidatorFunctions.isValidObjectName(name);
}

/** What the mapping needs besides the model or dataset itself. */
export type MappingContext = {
  /** The app's base URL, where the ML Home pages live (`app.baseUrl`). */
  appBaseUrl: string;
};

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Normalises an entity ref, or returns undefined when it is not one. */
function normaliseRef(
  ref: string,
  defaultKind: string,
): { kind: string; ref: string } | undefined {
  try {
    const parsed = parseEntityRef(ref, {
      defaultKind,
      defaultNamespace: DEFAULT_NAMESPACE,
    });
    if (
      !KubernetesValidatorFunctions.isValidKind(parsed.kind) ||
      !KubernetesValidatorFunctions.isValidNamespace(parsed.namespace) ||
      !KubernetesValidatorFunctions.isValidObjectName(parsed.name)
    ) {
      return undefined;
    }
    return {
      kind: parsed.kind.toLocaleLowerCase('en-US'),
      ref: stringifyEntityRef(parsed),
    };
  } catch {
    return undefined;
  }
}

/** The project's related system, when it names one (the first, if several). */
export function projectSystem(project: Project): string | undefined {
  for (const ref of project.relatedEntities ?? []) {
    const parsed = normaliseRef(ref, 'component');
    if (parsed?.kind === 'system') {
      return parsed.ref;
    }
  }
  return undefined;
}

/** Project tags the catalog accepts as entity tags (slugs with `--` are not). */
function entityTags(project: Project): string[] | undefined {
  const tags = (project.tags ?? []).filter(t => validators.isValidTag(t));
  return tags.length ? tags : undefined;
}

/**
 * The components that serve an active deployment of the model, as sorted, unique entity refs.
 * Retired deployments and deployments of other models are ignored.
 */
export function servingComponents(
  model: string,
  deployments: readonly Deployment[],
): string[] {
  const refs = new Set<string>();
  for (const deployment of deployments) {
    if (deployment.model !== model || deployment.status !== 'active') {
      continue;
    }
    const parsed = normaliseRef(deployment.service, 'component');
    if (parsed) {
      refs.add(parsed.ref);
    }
  }
  return [...refs].sort();
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/**
 * The catalog entity of an ML Home model: a `Resource` of type `ml-model`, owned by the model's
 * owner, part of the project's system, a dependency of the components serving it.
 */
export function modelToEntity(options: {
  model: Model;
  project: Project;
  deployments: readonly Deployment[];
  context: MappingContext;
}): Entity {
  const { model, project, deployments, context } = options;
  const base = trimSlash(context.appBaseUrl);
  const modelUrl = `${base}/ml-home/models/${encodeURIComponent(model.name)}`;
  const projectUrl = `${base}/ml-home/projects/${encodeURIComponent(project.name)}`;
  const dependencyOf = servingComponents(model.name, deployments);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: withoutUndefined({
      name: modelEntityName(model.name),
      namespace: DEFAULT_NAMESPACE,
      title: `${model.name} (${project.title})`,
      description: model.description || undefined,
      tags: entityTags(project),
      links: [
        { url: modelUrl, title: 'Model in ML Home', icon: 'dashboard' },
        { url: projectUrl, title: 'ML Home project', icon: 'dashboard' },
      ],
      annotations: {
        [ANNOTATION_LOCATION]: `url:${modelUrl}`,
        [ANNOTATION_ORIGIN_LOCATION]: `url:${modelUrl}`,
        [ML_HOME_MODEL_ANNOTATION]: model.name,
        [ML_HOME_PROJECT_ANNOTATION]: project.name,
      },
    }),
    spec: withoutUndefined({
      type: ML_HOME_RESOURCE_TYPES.model,
      owner: model.owner,
      system: projectSystem(project),
      dependencyOf: dependencyOf.length ? dependencyOf : undefined,
    }),
  };
}

/**
 * The catalog entity of an ML Home dataset or feature set: a `Resource` of type `dataset` or
 * `feature-set`, owned by the project's owner, a dependency of the models trained on it (which
 * also gives each of those models a `dependsOn` relation to it).
 */
export function datasetToEntity(options: {
  dataset: Dataset;
  project: Project;
  context: MappingContext;
}): Entity {
  const { dataset, project, context } = options;
  const base = trimSlash(context.appBaseUrl);
  const projectUrl = `${base}/ml-home/projects/${encodeURIComponent(project.name)}`;
  const trainedModels = [
    ...new Set(
      (dataset.consumers?.modelVersions ?? []).map(v => resourceRef(v.model)),
    ),
  ].sort();
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: withoutUndefined({
      name: datasetEntityName(project.name, dataset.name),
      namespace: DEFAULT_NAMESPACE,
      title: `${dataset.name} (${project.title})`,
      description: dataset.description || undefined,
      tags: entityTags(project),
      links: [{ url: projectUrl, title: 'ML Home project', icon: 'dashboard' }],
      annotations: {
        [ANNOTATION_LOCATION]: `url:${projectUrl}`,
        [ANNOTATION_ORIGIN_LOCATION]: `url:${projectUrl}`,
        [ML_HOME_DATASET_ANNOTATION]: `${project.name}/${dataset.name}`,
        [ML_HOME_PROJECT_ANNOTATION]: project.name,
      },
    }),
    spec: withoutUndefined({
      type:
        dataset.kind === 'feature-set'
          ? ML_HOME_RESOURCE_TYPES.featureSet
          : ML_HOME_RESOURCE_TYPES.dataset,
      owner: project.owner,
      system: projectSystem(project),
      dependencyOf: trainedModels.length ? trainedModels : undefined,
    }),
  };
}
