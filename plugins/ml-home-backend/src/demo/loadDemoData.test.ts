import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { DatabaseMlHomeStore } from '../database/DatabaseMlHomeStore';
import { DatabaseDatasetsStore } from '../database/DatabaseDatasetsStore';
import { DatabaseModelsStore } from '../database/DatabaseModelsStore';
import { generateDemoData, summarizeDemoData } from './generateDemoData';
import { loadDemoDataIfEmpty } from './loadDemoData';

jest.setTimeout(180_000);

describe('loadDemoDataIfEmpty', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'loads the demo organisation once on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@ml-home/plugin-ml-home-backend',
          'migrations',
        ),
      });
      const store = new DatabaseMlHomeStore(knex);
      const models = new DatabaseModelsStore(knex);
      const datasets = new DatabaseDatasetsStore(knex);
      const options = {
        datasets,
        knex,
        store,
        models,
        logger: mockServices.logger.mock(),
        seed: 7,
        scale: 0.1,
      };

      expect(await loadDemoDataIfEmpty(options)).toBe(true);
      const expected = summarizeDemoData(
        generateDemoData({ seed: 7, scale: 0.1 }),
      );
      const count = async (table: string) =>
        Number((await knex(table).count({ n: '*' }))[0].n);
      expect(await count('projects')).toBe(expected.projects);
      expect(await count('experiments')).toBe(expected.experiments);
      expect(await count('runs')).toBe(expected.runs);
      expect(await count('metric_points')).toBe(expected.points);
      expect(await count('models')).toBe(expected.projects);
      expect(await count('datasets')).toBe(2 * expected.projects);
      expect(await count('run_inputs')).toBe(expected.runs);

      const project = (await knex('projects').orderBy('name').first()).name;
      const model = await models.getModel(`${project}-model`);
      expect(model?.aliases.map(a => a.alias)).toContain('champion');
      expect(model?.aliases.find(a => a.alias === 'champion')?.version).toBe(
        model?.latestVersion,
      );

      const latest = await knex('projects')
        .orderBy('last_activity_at', 'desc')
        .first();
      const demo = generateDemoData({ seed: 7, scale: 0.1 });
      const runsOf = demo.runs.filter(r => r.project === latest.name);
      expect(new Date(latest.last_activity_at).getTime()).toBe(
        Math.max(...runsOf.map(r => r.endTime ?? r.startTime)),
      );

      // Not again: the database is no longer empty.
      expect(await loadDemoDataIfEmpty(options)).toBe(false);
      expect(await count('projects')).toBe(expected.projects);
    },
  );
});
