import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { DatabaseStores } from '../database/DatabaseStores';

jest.setTimeout(60_000);

const ACTOR = 'user:default/alice';

describe('the lineage of a model version', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'names each node once, by its kind and ref, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@ml-home/plugin-ml-home-backend',
          'migrations',
        ),
      });
      const { stores } = new DatabaseStores(knex);
      const project = await stores.projects.createProject(
        {
          name: 'feed',
          title: 'Feed',
          description: '',
          owner: 'group:default/team-a',
          lifecycle: 'experimental',
          tags: [],
          links: [],
          relatedEntities: [],
        },
        ACTOR,
      );
      const model = await stores.models.createModel(
        project,
        { name: 'ranker', description: '' },
        ACTOR,
      );
      await stores.models.createVersion(
        model,
        {
          artifactUri: '',
          framework: '',
          description: '',
          modelCard: {},
        },
        ACTOR,
      );
      for (const environment of ['staging', 'production']) {
        await stores.deployments.createDeployment(
          model,
          {
            version: 1,
            environment,
            service: 'component:default/feed-service',
            endpoint: '',
            deployedAt: new Date(),
          },
          ACTOR,
        );
      }

      const graph = (await stores.deployments.getLineage(model, 1))!;
      const ids = graph.nodes.map(n => n.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(graph.nodes.find(n => n.kind === 'component')).toEqual({
        id: 'component:default/feed-service',
        kind: 'component',
        label: 'feed-service',
        ref: 'component:default/feed-service',
      });
      for (const id of ids) {
        expect(id).not.toMatch(/^(\w[\w-]*):\1:/);
      }
      // Every edge joins two nodes of the graph.
      for (const edge of graph.edges) {
        expect(ids).toContain(edge.from);
        expect(ids).toContain(edge.to);
      }
      expect(
        graph.edges.filter(e => e.label === 'served by').map(e => e.to),
      ).toEqual([
        'component:default/feed-service',
        'component:default/feed-service',
      ]);
    },
  );
});
