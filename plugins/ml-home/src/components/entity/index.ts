export { EntityMlContent } from './EntityMlContent';
export { EntityMlModelsCard } from './EntityMlModelsCard';
export { EntityMlProjectsCard } from './EntityMlProjectsCard';
export {
  ML_HOME_MODEL_ANNOTATION,
  ML_HOME_MODELS_ANNOTATION,
  ML_MODEL_RESOURCE_TYPE,
  isComponentEntity,
  isGroupEntity,
  isMlModelEntity,
} from './entityPredicates';
