import {
  DEFAULT_NAMESPACE,
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  getCompoundEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  ML_HOME_MODELS_ANNOTATION,
  parseModelsAnnotation,
} from '@ml-home/plugin-ml-home-common';

/**
 * Lets a component name the ML Home models it uses in its own `catalog-info.yaml`:
 *
 * ```yaml
 * metadata:
 *   annotations:
 *     ml-home.io/models: churn-prediction-model, subscription-upsell-model
 * ```
 *
 * For each model it emits `dependsOn` from the component to `resource:default/<model>` and the
 * reverse `dependencyOf`. Other kinds are left alone. A value that is not a model name is
 * reported as a processing error on the component, naming the value.
 *
 * @public
 */
export class MlHomeModelsAnnotationProcessor implements CatalogProcessor {
  /** {@inheritDoc @backstage/plugin-catalog-node#CatalogProcessor.getProcessorName} */
  getProcessorName(): string {
    return 'MlHomeModelsAnnotationProcessor';
  }

  /** {@inheritDoc @backstage/plugin-catalog-node#CatalogProcessor.postProcessEntity} */
  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (entity.kind.toLocaleLowerCase('en-US') !== 'component') {
      return entity;
    }
    const value = entity.metadata.annotations?.[ML_HOME_MODELS_ANNOTATION];
    if (typeof value !== 'string') {
      return entity;
    }
    const { names, invalid } = parseModelsAnnotation(value);
    const self = getCompoundEntityRef(entity);
    for (const name of names) {
      const model = { kind: 'resource', namespace: DEFAULT_NAMESPACE, name };
      emit(
        processingResult.relation({
          source: self,
          type: RELATION_DEPENDS_ON,
          target: model,
        }),
      );
      emit(
        processingResult.relation({
          source: model,
          type: RELATION_DEPENDENCY_OF,
          target: self,
        }),
      );
    }
    if (invalid.length > 0) {
      emit(
        processingResult.inputError(
          location,
          `${ML_HOME_MODELS_ANNOTATION} of ${entity.metadata.name} names ${invalid
            .map(v => `"${v}"`)
            .join(
              ', ',
            )}, which ${invalid.length === 1 ? 'is not an ML Home model name' : 'are not ML Home model names'} (lowercase letters, digits and dashes, at most 63 characters)`,
        ),
      );
    }
    return entity;
  }
}
