import { AuthService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Where owners are checked: the software catalog's groups. */
export interface OwnerDirectory {
  /** The refs (full, lower-case entity refs) among `refs` that name no group. */
  missingGroups(refs: string[]): Promise<string[]>;
}

/** Asks the catalog, as ML Home itself, which of the refs are groups. */
export class CatalogOwnerDirectory implements OwnerDirectory {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async missingGroups(refs: string[]): Promise<string[]> {
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
        throw new ServiceUnavailableError(
          `owner: the catalog could not be asked whether ${part.join(', ')} ${part.length === 1 ? 'is a group' : 'are groups'}: ${error}`,
        );
      }
      part.forEach((ref, j) => {
        if (items[j]?.kind?.toLowerCase() !== 'group') missing.push(ref);
      });
    }
    return missing;
  }
}
