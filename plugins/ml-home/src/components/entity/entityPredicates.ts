import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';

import {
  ML_HOME_MODELS_ANNOTATION,
  ML_HOME_MODEL_ANNOTATION,
  ML_HOME_RESOURCE_TYPES,
} from '@ml-home/plugin-ml-home-common';

export { ML_HOME_MODELS_ANNOTATION, ML_HOME_MODEL_ANNOTATION };

/** `spec.type` of the Resource entities that stand for ML Home models. */
export const ML_MODEL_RESOURCE_TYPE = ML_HOME_RESOURCE_TYPES.model;

/** ML Home model names are slugs (see DESIGN: names). */
const MODEL_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

const lower = (value: unknown) =>
  typeof value === 'string' ? value.toLocaleLowerCase('en-US') : undefined;

/**
 * The model names in a component's `ml-home.io/models` annotation: comma- or whitespace-separated,
 * blanks and duplicates dropped, order kept — split as the catalog module's processor splits it.
 * Values that cannot be model names come back apart, so the page can point at the typo.
 */
export function parseModelsAnnotation(value: string | undefined): {
  names: string[];
  invalid: string[];
} {
  const names: string[] = [];
  const invalid: string[] = [];
  for (const part of (value ?? '').split(/[\s,]+/)) {
    if (!part) continue;
    const list = MODEL_NAME.test(part) ? names : invalid;
    if (!list.includes(part)) list.push(part);
  }
  return { names, invalid };
}

/** The models a component names in its own `ml-home.io/models` annotation. */
export function declaredModels(entity: Entity) {
  return parseModelsAnnotation(
    entity.metadata.annotations?.[ML_HOME_MODELS_ANNOTATION],
  );
}

/** True for a component entity (services, websites, libraries… anything that may serve a model). */
export function isComponentEntity(entity: Entity): boolean {
  return lower(entity.kind) === 'component';
}

/** True for a catalog group (a team). */
export function isGroupEntity(entity: Entity): boolean {
  return lower(entity.kind) === 'group';
}

/**
 * True for the Resource entity the catalog module publishes for an ML Home model (for the legacy
 * app's `EntitySwitch`).
 *
 * @public
 */
export function isMlModelEntity(entity: Entity): boolean {
  return (
    lower(entity.kind) === 'resource' &&
    lower(entity.spec?.type) === ML_MODEL_RESOURCE_TYPE
  );
}

/** The ML Home model an ml-model entity stands for: its annotation, else the entity's name. */
export function modelNameOf(entity: Entity): string {
  return (
    entity.metadata.annotations?.[ML_HOME_MODEL_ANNOTATION] ??
    entity.metadata.name
  );
}

/** The entity's full, lower-case ref, as ML Home stores service and owner refs. */
export function entityRefOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}
