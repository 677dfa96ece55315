import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogOwnerDirectory } from './OwnerDirectory';

const group = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});

describe('CatalogOwnerDirectory', () => {
  it('names the refs that are no group in the catalog', async () => {
    const directory = new CatalogOwnerDirectory(
      catalogServiceMock({
        entities: [
          group('team-a'),
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'User',
            metadata: { name: 'alice', namespace: 'default' },
            spec: {},
          },
        ],
      }),
      mockServices.auth(),
    );
    await expect(
      directory.missingGroups([
        'group:default/team-a',
        'group:default/gone',
        'user:default/alice',
        'group:default/team-a',
      ]),
    ).resolves.toEqual(['group:default/gone', 'user:default/alice']);
  });

  it('names the refs that are no entity of the kind asked, or none at all', async () => {
    const directory = new CatalogOwnerDirectory(
      catalogServiceMock({
        entities: [
          group('team-a'),
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'feed-service', namespace: 'default' },
            spec: {},
          },
        ],
      }),
      mockServices.auth(),
    );
    await expect(
      directory.missingEntities(
        ['component:default/feed-service', 'component:default/gone'],
        'component',
      ),
    ).resolves.toEqual(['component:default/gone']);
    await expect(
      directory.missingEntities([
        'group:default/team-a',
        'component:default/feed-service',
        'system:default/nowhere',
      ]),
    ).resolves.toEqual(['system:default/nowhere']);
    await expect(directory.missingEntities([], 'component')).resolves.toEqual(
      [],
    );
  });

  it('says the catalog could not be asked, as a 503, rather than calling owners unknown', async () => {
    const catalog = catalogServiceMock.mock({
      getEntitiesByRefs: async () => {
        throw new Error('connection refused');
      },
    });
    const directory = new CatalogOwnerDirectory(catalog, mockServices.auth());
    await expect(
      directory.missingGroups(['group:default/team-a']),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining('connection refused'),
    });
    await expect(
      directory.missingEntities(['component:default/feed'], 'component'),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        'whether component:default/feed is a component',
      ),
    });
  });
});
