import { EmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { isComponentEntity, isMlModelEntity } from '../entityPredicates';
import { ModelMlContent } from './ModelMlContent';
import { ServiceMlContent } from './ServiceMlContent';

/**
 * The "ML" tab of an entity page: on a component, the models it serves; on an ml-model
 * Resource, the model itself. Reads the entity from the page.
 *
 * @public
 */
export function EntityMlContent() {
  const { entity } = useEntity();
  if (isMlModelEntity(entity)) {
    return <ModelMlContent entity={entity} />;
  }
  if (isComponentEntity(entity)) {
    return <ServiceMlContent entity={entity} />;
  }
  return (
    <EmptyState
      missing="info"
      title="No ML view for this entity"
      description="The ML tab shows the models a component serves, or an ML model published by ML Home. Place it on components and ml-model resources."
    />
  );
}
