import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type {
  Deployment,
  EvaluationSummary,
  MlHomeApi,
  Model,
  ModelVersion,
  Project,
} from '@ml-home/plugin-ml-home-common';
import { configure } from '@testing-library/react';
import { mlHomeApiRef } from '../../../api/mlHomeApiRef';
import { rootRouteRef } from '../../../routes';

// Cards lazy-load and read several APIs; on a loaded two-core machine the first paint is slow.
configure({ asyncUtilTimeout: 15_000 });

/**
 * Renders an entity-page extension's component as the catalog shows it: inside an
 * `EntityProvider` for `entity`, with ML Home mounted at `/ml-home`, catalog entity pages at
 * `/catalog/...`, the given ML Home API and an in-memory catalog holding `catalogEntities`.
 */
export function renderEntity(
  element: JSX.Element,
  options: { entity: Entity; api: MlHomeApi; catalogEntities?: Entity[] },
) {
  return renderInTestApp(
    <EntityProvider entity={options.entity}>{element}</EntityProvider>,
    {
      mountedRoutes: {
        '/ml-home': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
      apis: [
        [mlHomeApiRef, options.api],
        [
          catalogApiRef,
          catalogApiMock({
            entities: [options.entity, ...(options.catalogEntities ?? [])],
          }),
        ],
      ],
    },
  );
}

const AT = '2026-11-20T10:00:00.000Z';

export function componentEntity(name: string, models?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: models ? { 'ml-home.io/models': models } : {},
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'platform' },
  };
}

export function mlModelEntity(name: string, projectName: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'ml-home.io/model': name,
        'ml-home.io/project': projectName,
      },
    },
    spec: { type: 'ml-model', owner: 'group:default/churn-team' },
  };
}

export function groupEntity(
  name: string,
  options: { email?: string; members?: string[]; title?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'team',
      children: [],
      profile: {
        ...(options.title ? { displayName: options.title } : {}),
        ...(options.email ? { email: options.email } : {}),
      },
    },
    relations: (options.members ?? []).map(m => ({
      type: 'hasMember',
      targetRef: `user:default/${m}`,
    })),
  };
}

export function userEntity(
  name: string,
  options: { displayName: string; email?: string },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: {
      profile: {
        displayName: options.displayName,
        ...(options.email ? { email: options.email } : {}),
      },
      memberOf: [],
    },
  };
}

export function model(name: string, overrides: Partial<Model> = {}): Model {
  return {
    id: `model-${name}`,
    project: 'churn',
    name,
    description: `${name} description`,
    owner: 'group:default/churn-team',
    versionCount: 4,
    latestVersion: 4,
    aliases: [],
    createdAt: AT,
    updatedAt: AT,
    createdBy: 'user:default/alice',
    ...overrides,
  };
}

export function alias(name: string, version: number) {
  return {
    alias: name,
    version,
    updatedAt: AT,
    updatedBy: 'user:default/alice',
  };
}

export function deployment(
  modelName: string,
  version: number,
  environment: string,
  service: string,
  overrides: Partial<Deployment> = {},
): Deployment {
  return {
    id: `dep-${modelName}-${version}-${environment}-${service}`,
    project: 'churn',
    model: modelName,
    version,
    environment,
    service,
    endpoint: `https://${environment}.example/${modelName}`,
    status: 'active',
    deployedAt: AT,
    createdBy: 'user:default/alice',
    ...overrides,
  };
}

export function modelVersion(
  modelName: string,
  version: number,
  aliases: string[] = [],
): ModelVersion {
  return {
    id: `mv-${modelName}-${version}`,
    model: modelName,
    version,
    artifactUri: `s3://models/${modelName}/${version}`,
    framework: 'xgboost',
    description: '',
    modelCard: {},
    aliases,
    createdAt: AT,
    createdBy: 'user:default/alice',
  };
}

export function evaluationSummary(
  overrides: Partial<EvaluationSummary> = {},
): EvaluationSummary {
  return {
    id: 'eval-1',
    project: 'churn',
    model: 'churn-model',
    version: 4,
    name: 'holdout-nov',
    dataset: { project: 'churn', name: 'churn-eval' },
    description: '',
    pass: true,
    regressions: 0,
    sliceCount: 5,
    failingSlices: [],
    resultCount: 20,
    createdAt: AT,
    createdBy: 'user:default/alice',
    updatedAt: AT,
    ...overrides,
  };
}

export function project(
  name: string,
  overrides: Partial<Project> = {},
): Project {
  return {
    id: `project-${name}`,
    name,
    title: name,
    description: '',
    owner: 'group:default/churn-team',
    lifecycle: 'production',
    tags: [],
    links: [],
    relatedEntities: [],
    createdAt: AT,
    updatedAt: AT,
    createdBy: 'user:default/alice',
    updatedBy: 'user:default/alice',
    lastActivityAt: AT,
    ...overrides,
  };
}
