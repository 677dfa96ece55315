import {
  RELATION_MEMBER_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

function normalizeGroupRef(ref: string): string | undefined {
  try {
    const parsed = parseEntityRef(ref);
    return parsed.kind.toLocaleLowerCase('en-US') === 'group'
      ? stringifyEntityRef(parsed).toLocaleLowerCase('en-US')
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The groups the signed-in user belongs to: the group refs among their ownership refs plus the
 * `memberOf` relations of their user entity in the catalog. Sorted, lower-case full refs.
 */
export function useMyGroups(): {
  loading: boolean;
  groups: string[];
  userEntityRef?: string;
} {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  const state = useAsync(async () => {
    const identity = await identityApi.getBackstageIdentity();
    const groups = new Set<string>();
    for (const ref of identity.ownershipEntityRefs) {
      const group = normalizeGroupRef(ref);
      if (group) groups.add(group);
    }
    try {
      const user = await catalogApi.getEntityByRef(identity.userEntityRef);
      for (const relation of user?.relations ?? []) {
        if (relation.type === RELATION_MEMBER_OF) {
          const group = normalizeGroupRef(relation.targetRef);
          if (group) groups.add(group);
        }
      }
    } catch {
      // Without the catalog the ownership refs are all we know; that is enough to go on.
    }
    return {
      groups: [...groups].sort(),
      userEntityRef: identity.userEntityRef,
    };
  }, [identityApi, catalogApi]);
  return {
    loading: state.loading,
    groups: state.value?.groups ?? [],
    userEntityRef: state.value?.userEntityRef,
  };
}

/** A group the signed-in user may name as an owner: its full ref and what to call it. */
export interface OwnableGroup {
  ref: string;
  title: string;
}

/**
 * The groups the signed-in user may give a project or model to: the group refs among their
 * ownership refs, which is what ML Home's backend checks (naming another group is refused with a
 * 403 that names `owner`). With their titles from the catalog, sorted by title.
 */
export function useOwnableGroups(): {
  loading: boolean;
  groups: OwnableGroup[];
  error?: Error;
} {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  const state = useAsync(async () => {
    const identity = await identityApi.getBackstageIdentity();
    const refs = [
      ...new Set(
        identity.ownershipEntityRefs
          .map(normalizeGroupRef)
          .filter((ref): ref is string => Boolean(ref)),
      ),
    ];
    const titles = new Map<string, string>();
    try {
      const { items } = await catalogApi.getEntitiesByRefs({
        entityRefs: refs,
        fields: ['kind', 'metadata.name', 'metadata.title', 'spec.profile'],
      });
      items.forEach((entity, i) => {
        const profile = (entity?.spec?.profile ?? {}) as {
          displayName?: string;
        };
        const title = profile.displayName ?? entity?.metadata.title;
        if (title) titles.set(refs[i], title);
      });
    } catch {
      // Without the catalog the groups keep their names; they can still be chosen.
    }
    return refs
      .map(ref => ({ ref, title: titles.get(ref) ?? parseEntityRef(ref).name }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [identityApi, catalogApi]);
  return {
    loading: state.loading,
    groups: state.value ?? [],
    error: state.error,
  };
}
