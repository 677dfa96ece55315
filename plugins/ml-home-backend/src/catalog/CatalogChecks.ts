import { InputError } from '@backstage/errors';
import { normalizeEntityRef } from '../domain/validation';
import { OwnerDirectory } from './OwnerDirectory';

/**
 * The rules' checks of entity refs against the software catalog: owners must be groups there,
 * serving components components, related entities entities. Without a directory (a portal with no
 * catalog, or trusted start-up code) refs are only normalised.
 */
export class CatalogChecks {
  constructor(private readonly directory?: OwnerDirectory) {}

  /** Whether refs are checked against a catalog at all. */
  get enabled(): boolean {
    return this.directory !== undefined;
  }

  /** Normalises an owner ref and requires it to be a catalog group. */
  async owner(field: string, ref: string): Promise<string> {
    const owner = normalizeEntityRef(field, ref, 'group');
    if (
      this.directory &&
      (await this.directory.missingGroups([owner])).length
    ) {
      throw new InputError(
        `${field}: '${owner}' is not a group in the software catalog`,
      );
    }
    return owner;
  }

  /**
   * Requires every ref to name an entity in the catalog (of `kind`, when given); the 400 names
   * the first field whose ref is missing.
   */
  async entitiesExist(
    refs: { field: string; ref: string }[],
    kind?: string,
  ): Promise<void> {
    if (!this.directory || !refs.length) return;
    const missing = new Set(
      await this.directory.missingEntities(
        refs.map(r => r.ref),
        kind,
      ),
    );
    const first = refs.find(r => missing.has(r.ref));
    if (first) {
      throw new InputError(
        `${first.field}: ${first.ref} is not ${kind ? `a ${kind}` : 'an entity'} in the software catalog`,
      );
    }
  }

  /** Normalises a body's related entities and requires them to exist in the catalog. */
  async relatedEntities(refs: string[]): Promise<string[]> {
    const normalized = refs.map((r, i) => ({
      field: `relatedEntities[${i}]`,
      ref: normalizeEntityRef(`relatedEntities[${i}]`, r),
    }));
    await this.entitiesExist(normalized);
    return normalized.map(r => r.ref);
  }

  /** The owners among these that are no longer groups in the catalog (none without one). */
  async missingGroups(owners: string[]): Promise<string[]> {
    return this.directory ? this.directory.missingGroups(owners) : [];
  }
}
