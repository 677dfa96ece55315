export { EntityMlProjectsCard } from './EntityMlProjectsCard';
