import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** What the portal checks need to know about an entity of the software catalog. */
export interface CertificationCatalogEntity {
  /** The entity's kind, lower case. */
  kind: string;
  /** `spec.owner`, when the entity has one. */
  owner?: string;
  /** How many `hasMember` relations it has (a group's members). */
  memberCount: number;
}

/**
 * The catalog look-ups of the portal checks: owner groups and their members, serving
 * components and their owners.
 */
export interface CertificationCatalog {
  /** The entities by ref (full, lower-case entity refs); refs the catalog lacks are absent. */
  getEntities(refs: string[]): Promise<Map<string, CertificationCatalogEntity>>;
}

/** Asks the software catalog, as ML Home itself, in one request per 500 refs. */
export class CatalogServiceCertificationCatalog implements CertificationCatalog {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async getEntities(
    refs: string[],
  ): Promise<Map<string, CertificationCatalogEntity>> {
    const unique = [...new Set(refs)];
    const out = new Map<string, CertificationCatalogEntity>();
    for (let i = 0; i < unique.length; i += 500) {
      const part = unique.slice(i, i + 500);
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: part, fields: ['kind', 'spec.owner', 'relations'] },
        { credentials: await this.auth.getOwnServiceCredentials() },
      );
      part.forEach((ref, j) => {
        const entity = items[j];
        if (!entity) {
          return;
        }
        const owner = entity.spec?.owner;
        out.set(ref, {
          kind: String(entity.kind ?? '').toLowerCase(),
          owner: typeof owner === 'string' && owner.trim() ? owner : undefined,
          memberCount: (entity.relations ?? []).filter(
            r => r.type === 'hasMember',
          ).length,
        });
      });
    }
    return out;
  }
}
