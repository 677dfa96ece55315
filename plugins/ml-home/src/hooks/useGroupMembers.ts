import { RELATION_HAS_MEMBER } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/**
 * A catalog group and its members (`hasMember` relations). `found` is false when the catalog has
 * no such group, which usually means the owner ref is stale.
 */
export function useGroupMembers(groupRef: string | undefined) {
  const catalogApi = useApi(catalogApiRef);
  return useAsyncRetry(async () => {
    if (!groupRef) {
      return { found: false, title: undefined, members: [] as string[] };
    }
    const group = await catalogApi.getEntityByRef(groupRef);
    if (!group) {
      return { found: false, title: undefined, members: [] as string[] };
    }
    const profile = (group.spec?.profile ?? {}) as { displayName?: string };
    return {
      found: true,
      title: profile.displayName ?? group.metadata.title ?? group.metadata.name,
      members: (group.relations ?? [])
        .filter(r => r.type === RELATION_HAS_MEMBER)
        .map(r => r.targetRef)
        .sort(),
    };
  }, [catalogApi, groupRef]);
}
