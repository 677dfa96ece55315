import { AuthService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Where the entity refs ML Home stores are checked: owners must be the software catalog's groups,
 * serving components and related entities must exist there.
 */
export interface OwnerDirectory {
  /** The refs (full, lower-case entity refs) among `refs` that name no group. */
  missingGroups(refs: string[]): Promise<string[]>;
  /**
   * The refs (full, lower-case entity refs) among `refs` that name no entity in the catalog, or
   * (with `kind`, lower case) no entity of that kind.
   */
  missingEntities(refs: string[], kind?: string): Promise<string[]>;
}

/** Asks the catalog, as ML Home itself, which of the refs it holds. */
export class CatalogOwnerDirectory implements OwnerDirectory {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async missingGroups(refs: string[]): Promise<string[]> {
    return this.missingEntities(refs, 'group');
  }

  async missingEntities(refs: string[], kind?: string): Promise<string[]> {
    const unique = [...new Set(refs)];
    const missing: string[] = [];
    for (let i = 0; i < unique.length; i += 500) {
      const part = unique.slice(i, i + 500);
      let items;
      try {
        ({ items } = await this.catalog.getEntitiesByRefs(
          { entityRefs: part, fields: ['kind', 'metadata.name'] },
          { credentials: await this.auth.getOwnServiceCredentials() },
        ));
      } catch (error) {
        const one = part.length === 1;
        const what = kind
          ? `${one ? 'is a' : 'are'} ${kind}${one ? '' : 's'}`
          : `${one ? 'is an entity' : 'are entities'} in it`;
        throw new ServiceUnavailableError(
          `The software catalog could not be asked whether ${part.join(', ')} ${what}: ${error}`,
        );
      }
      part.forEach((ref, j) => {
        const found = items[j];
        if (!found || (kind && found.kind?.toLowerCase() !== kind)) {
          missing.push(ref);
        }
      });
    }
    return missing;
  }
}
