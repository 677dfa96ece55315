/*
 * The names ML Home uses in the software catalog: written by the catalog module, read by the
 * frontend's entity extensions. Both import them from here so they cannot drift apart.
 */

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
 * `spec.type` of the Resource entities the provider emits.
 *
 * @public
 */
export const ML_HOME_RESOURCE_TYPES = {
  model: 'ml-model',
  dataset: 'dataset',
  featureSet: 'feature-set',
} as const;
