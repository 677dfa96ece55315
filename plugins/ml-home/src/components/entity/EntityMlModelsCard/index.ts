export { EntityMlModelsCard } from './EntityMlModelsCard';
