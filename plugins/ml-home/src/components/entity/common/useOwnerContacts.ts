import {
  type Entity,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/** A member of an owner team, with the address to write to when the catalog has one. */
export type OwnerMember = { ref: string; name: string; email?: string };

/** How to reach the team that owns a model, as the catalog knows it. */
export type OwnerContact = {
  /** False when the catalog has no such group (a stale owner). */
  found: boolean;
  title?: string;
  /** The group's own address (`spec.profile.email`). */
  email?: string;
  /** Members that have an address, by name. */
  members: OwnerMember[];
};

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile',
  'relations',
];

function profileOf(entity: Entity) {
  return (entity.spec?.profile ?? {}) as {
    displayName?: string;
    email?: string;
  };
}

/**
 * Contacts of owner groups from the catalog: each group's email and its members' emails. Reads
 * every group in one request and all their members in a second, however many models share them.
 */
export function useOwnerContacts(owners: string[]) {
  const catalogApi = useApi(catalogApiRef);
  const key = [...new Set(owners)].sort().join('\n');
  return useAsyncRetry(async () => {
    const refs = key ? key.split('\n') : [];
    const contacts = new Map<string, OwnerContact>();
    if (!refs.length) return contacts;
    const groups = await catalogApi.getEntitiesByRefs({
      entityRefs: refs,
      fields: FIELDS,
    });
    const memberRefs = new Set<string>();
    groups.items.forEach(group => {
      for (const r of group?.relations ?? []) {
        if (r.type === RELATION_HAS_MEMBER) memberRefs.add(r.targetRef);
      }
    });
    const users = memberRefs.size
      ? await catalogApi.getEntitiesByRefs({
          entityRefs: [...memberRefs],
          fields: FIELDS,
        })
      : { items: [] };
    const people = new Map<string, OwnerMember>();
    for (const user of users.items) {
      if (!user) continue;
      const profile = profileOf(user);
      const ref = stringifyEntityRef(user);
      people.set(ref.toLocaleLowerCase('en-US'), {
        ref,
        name: profile.displayName ?? user.metadata.title ?? user.metadata.name,
        email: profile.email,
      });
    }
    refs.forEach((ref, i) => {
      const group = groups.items[i];
      if (!group) {
        contacts.set(ref, { found: false, members: [] });
        return;
      }
      const profile = profileOf(group);
      const members = (group.relations ?? [])
        .filter(r => r.type === RELATION_HAS_MEMBER)
        .map(r => people.get(r.targetRef.toLocaleLowerCase('en-US')))
        .filter((m): m is OwnerMember => !!m?.email)
        .sort((a, b) => a.name.localeCompare(b.name));
      contacts.set(ref, {
        found: true,
        title:
          profile.displayName ?? group.metadata.title ?? group.metadata.name,
        email: profile.email,
        members,
      });
    });
    return contacts;
  }, [catalogApi, key]);
}
