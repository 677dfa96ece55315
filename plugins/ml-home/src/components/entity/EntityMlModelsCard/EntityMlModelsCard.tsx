import { useEntity } from '@backstage/plugin-catalog-react';
import { isGroupEntity } from '../entityPredicates';
import { ServiceModelsCard } from './ServiceModelsCard';
import { TeamModelsCard } from './TeamModelsCard';

/**
 * The "ML models" card of an entity's overview: on a group, the models the team owns; on a
 * component, the models it serves. Reads the entity from the page.
 *
 * @public
 */
export function EntityMlModelsCard() {
  const { entity } = useEntity();
  return isGroupEntity(entity) ? (
    <TeamModelsCard entity={entity} />
  ) : (
    <ServiceModelsCard entity={entity} />
  );
}
