/*
 * The names ML Home uses in the software catalog: written by the catalog module, read by the
 * frontend's entity extensions. Both import them from here so they cannot drift apart.
 */
import { NAME_PATTERN } from './helpers/limits';

/**
 * Annotation on an ML Home model's catalog entity: the model's name in ML Home.
 *
 * @public
 */
export const ML_HOME_MODEL_ANNOTATION = 'ml-home.io/model';

/**
 * Annotation on an ML Home dataset's catalog entity: `<project>/<dataset>` (dataset names are
 * unique only within their project).
 *
 * @public
 */
export const ML_HOME_DATASET_ANNOTATION = 'ml-home.io/dataset';

/**
 * Annotation on every entity the ML Home provider emits: the ML Home project it belongs to.
 *
 * @public
 */
export const ML_HOME_PROJECT_ANNOTATION = 'ml-home.io/project';

/**
 * Annotation a component sets in its own `catalog-info.yaml` to name the ML Home models it uses,
 * comma-separated: `ml-home.io/models: churn-prediction-model, subscription-upsell-model`.
 *
 * @public
 */
export const ML_HOME_MODELS_ANNOTATION = 'ml-home.io/models';

/**
 * Splits the value of {@link ML_HOME_MODELS_ANNOTATION} into model names: comma- or
 * whitespace-separated, blanks ignored, duplicates dropped, order kept.
 *
 * @remarks
 * Parts that cannot be ML Home model names ({@link NAME_PATTERN}) come back apart in `invalid`, so
 * the catalog can report them on the component and the entity page can point at the typo. The
 * catalog module's processor and the frontend both split the annotation with this function, so a
 * name means the same model in the catalog's relations and on the page.
 *
 * @param value - the annotation's value; `undefined` when the entity has none
 * @public
 */
export function parseModelsAnnotation(value: string | undefined): {
  names: string[];
  invalid: string[];
} {
  const names: string[] = [];
  const invalid: string[] = [];
  for (const part of (value ?? '').split(/[\s,]+/)) {
    if (!part) continue;
    const list = NAME_PATTERN.test(part) ? names : invalid;
    if (!list.includes(part)) list.push(part);
  }
  return { names, invalid };
}

/**
 * `spec.type` of the Resource entities the provider emits.
 *
 * @public
 */
export const ML_HOME_RESOURCE_TYPES = {
  model: 'ml-model',
  dataset: 'dataset',
  featureSet: 'feature-set',
} as const;
