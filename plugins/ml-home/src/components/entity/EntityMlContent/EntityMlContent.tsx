import { EmptyState } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { mlHomeTranslationRef } from '../../../translation';
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
  const { t } = useTranslationRef(mlHomeTranslationRef);
  if (isMlModelEntity(entity)) {
    return <ModelMlContent entity={entity} />;
  }
  if (isComponentEntity(entity)) {
    return <ServiceMlContent entity={entity} />;
  }
  return (
    <EmptyState
      missing="info"
      title={t('entity.noView')}
      description={t('entity.noViewDescription')}
    />
  );
}
