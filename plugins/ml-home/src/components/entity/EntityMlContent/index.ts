export { EntityMlContent } from './EntityMlContent';
