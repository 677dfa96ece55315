import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';

import {
  ML_HOME_MODELS_ANNOTATION,
  ML_HOME_MODEL_ANNOTATION,
  ML_HOME_RESOURCE_TYPES,
  parseModelsAnnotation,
} from '@ml-home/plugin-ml-home-common';

export { ML_HOME_MODELS_ANNOTATION, ML_HOME_MODEL_ANNOTATION };

/** `spec.type` of the Resource entities that stand for ML Home models. */
export const ML_MODEL_RESOURCE_TYPE = ML_HOME_RESOURCE_TYPES.model;

const lower = (value: unknown) =>
  typeof value === 'string' ? value.toLocaleLowerCase('en-US') : undefined;

/**
 * The models a component names in its own `ml-home.io/models` annotation, split as the catalog
 * module's processor splits it; values that cannot be model names come back apart, so the page
 * can point at the typo.
 */
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
