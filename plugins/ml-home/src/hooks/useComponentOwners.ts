import {
  DEFAULT_NAMESPACE,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { toCompoundEntityRef } from '../components/common/CatalogRefLink';

/**
 * The owner (`spec.owner`) of each catalog component, by entity ref, in one catalog call: who to
 * talk to before a change reaches the services that serve a model. Missing components are absent.
 *
 * Owners come back as full refs: the catalog lets `spec.owner` be short (`churn-prediction` is a
 * group in the component's namespace), and a short ref cannot be linked to.
 */
export function useComponentOwners(refs: string[]): Map<string, string> {
  const catalogApi = useApi(catalogApiRef);
  const key = [...new Set(refs)].sort().join(',');
  const state = useAsync(async () => {
    const unique = key ? key.split(',') : [];
    const owners = new Map<string, string>();
    if (!unique.length) return owners;
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: unique,
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.owner'],
    });
    items.forEach((entity, i) => {
      const owner = entity?.spec?.owner;
      if (typeof owner !== 'string') return;
      const ref = toCompoundEntityRef(
        owner,
        'group',
        entity?.metadata.namespace ?? DEFAULT_NAMESPACE,
      );
      if (ref) owners.set(unique[i], stringifyEntityRef(ref));
    });
    return owners;
  }, [catalogApi, key]);
  return state.value ?? new Map();
}
