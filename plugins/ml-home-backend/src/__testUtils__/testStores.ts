import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { DatabaseStores } from '../database/DatabaseStores';
import { Project } from '../domain/types';

/** The plugin's migrations, for tests that migrate a database of their own. */
export const MIGRATIONS = resolvePackagePath(
  '@ml-home/plugin-ml-home-backend',
  'migrations',
);

/** The actor test writes are made by. */
export const TEST_ACTOR = 'user:default/a';

/**
 * A live project for a test to write into: owned by group:default/a, experimental, nothing but a
 * name (its title the same).
 */
export function createTestProject(
  storage: DatabaseStores,
  name: string,
  actor: string = TEST_ACTOR,
): Promise<Project> {
  return storage.stores.projects.createProject(
    {
      name,
      title: name,
      description: '',
      owner: 'group:default/a',
      lifecycle: 'experimental',
      tags: [],
      links: [],
      relatedEntities: [],
    },
    actor,
  );
}
