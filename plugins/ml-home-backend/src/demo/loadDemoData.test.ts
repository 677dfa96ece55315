import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { scoreEvaluation } from '@ml-home/plugin-ml-home-common';
import { DatabaseStores } from '../database/DatabaseStores';
import { fromDbTime } from '../database/mappers';
import {
  DEMO_EPOCH_MS,
  generateDemoData,
  summarizeDemoData,
} from './generateDemoData';
import { demoLastActivity, loadDemoDataIfEmpty } from './loadDemoData';

jest.setTimeout(300_000);

const DAY = 24 * 60 * 60 * 1000;

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
      const database = new DatabaseStores(knex);
      const { models, evaluations, deployments, annotations } = database.stores;
      const options = {
        knex,
        stores: database.stores,
        unitOfWork: database,
        logger: mockServices.logger.mock(),
        seed: 7,
        scale: 0.1,
      };

      expect(await loadDemoDataIfEmpty(options)).toBe(true);
      const demo = generateDemoData({ seed: 7, scale: 0.1 });
      const expected = summarizeDemoData(demo);
      const count = async (table: string, where: object = {}) =>
        Number((await knex(table).where(where).count({ n: '*' }))[0].n);
      expect(await count('projects')).toBe(expected.projects);
      expect(await count('experiments')).toBe(expected.experiments);
      expect(await count('runs')).toBe(expected.runs);
      expect(await count('metric_points')).toBe(expected.points);
      expect(await count('datasets')).toBe(3 * expected.projects);
      expect(await count('datasets', { kind: 'feature-set' })).toBe(
        expected.projects,
      );
      expect(await count('run_inputs')).toBe(2 * expected.runs);
      expect(await count('models')).toBe(expected.models);
      expect(await count('model_versions')).toBe(expected.modelVersions);
      expect(await count('evaluations')).toBe(expected.evaluations);
      expect(await count('evaluation_results')).toBe(
        demo.evaluations.reduce((n, e) => n + e.results.length, 0),
      );
      expect(await count('deployments')).toBe(expected.deployments);
      expect(await count('deployments', { status: 'active' })).toBe(
        demo.deployments.filter(d => d.status === 'active').length,
      );
      expect(await count('monitoring_points')).toBe(expected.monitoringPoints);
      expect(await count('notes')).toBe(expected.notes);
      expect(await count('note_revisions')).toBe(expected.noteRevisions);
      expect(await count('entity_tags')).toBe(expected.tags);

      // Every model as generated: versions linked to runs, aliases where they were moved to.
      for (const m of demo.models) {
        const model = (await models.getModel(m.name))!;
        expect(model.project).toBe(m.project);
        expect(model.versionCount).toBe(m.versions.length);
        expect(
          Object.fromEntries(model.aliases.map(a => [a.alias, a.version])),
        ).toEqual(m.aliases);
        const version = (await models.getVersion(model, 1))!;
        expect(version.runId).toBe(m.versions[0].runId);
        expect(version.createdAt.getTime()).toBe(m.versions[0].createdAt);
        const history = await models.listAliasHistory(model, { limit: 100 });
        expect(history.items.map(h => h.createdAt.getTime()).reverse()).toEqual(
          m.aliasMoves.map(a => a.at),
        );
      }

      // Evaluations scored from what the database holds (baseline found as the service finds
      // it) agree with the generator's own scoring.
      for (const e of demo.evaluations) {
        const model = (await models.getModel(e.model))!;
        const page = await evaluations.listEvaluations(
          { modelId: model.id, version: e.version, limit: 10 },
          undefined,
        );
        expect(page.items).toHaveLength(1);
        const record = page.items[0];
        expect(record.baselineVersion).toBe(e.baselineVersion);
        expect(record.createdAt.getTime()).toBe(e.createdAt);
        const baselineId = record.baselineVersionId
          ? await evaluations.findBaselineEvaluation(
              record.baselineVersionId,
              record.datasetId,
              record.name,
            )
          : undefined;
        const details = await evaluations.loadDetails(
          [record.id, baselineId].filter((x): x is string => !!x),
        );
        const stored = scoreEvaluation({
          results: details.get(record.id)!.results,
          thresholds: details.get(record.id)!.thresholds,
          baseline: baselineId ? details.get(baselineId)!.results : undefined,
          directions: record.directions,
          tolerance: record.tolerance,
        });
        const baseline = demo.evaluations.find(
          x => x.model === e.model && x.version === e.baselineVersion,
        );
        const generated = scoreEvaluation({
          results: e.results,
          thresholds: e.thresholds,
          baseline: baseline?.results,
          directions: e.directions,
          tolerance: e.tolerance,
        });
        expect([stored.pass, stored.regressions]).toEqual([
          generated.pass,
          generated.regressions,
        ]);
      }

      // Deployments: the production alias's version is what production serves, older ones are
      // retired, and each active deployment has its month (or its lifetime) of monitoring.
      const spans: { environment: string; days: number }[] = [];
      for (const m of demo.models.filter(x => x.main)) {
        const model = (await models.getModel(m.name))!;
        const list = await deployments.listDeployments(model);
        for (const d of list.filter(x => x.environment === 'production')) {
          expect(d.status).toBe(
            d.version === m.aliases.production ? 'active' : 'retired',
          );
        }
        for (const d of list.filter(x => x.status === 'active')) {
          const series = await deployments.getMonitoring(
            d,
            'latency_p99_ms',
            5000,
          );
          const first = series.points[0].timestamp;
          const last = series.points[series.points.length - 1].timestamp;
          expect(last).toBe(DEMO_EPOCH_MS - 60 * 60 * 1000);
          expect(first).toBeGreaterThanOrEqual(d.deployedAt.getTime());
          expect(first).toBeGreaterThanOrEqual(DEMO_EPOCH_MS - 30 * DAY);
          spans.push({
            environment: d.environment,
            days: (last - first) / DAY,
          });
        }
      }
      const production = spans.filter(x => x.environment === 'production');
      expect(production.length).toBeGreaterThan(0);
      expect(production.filter(x => x.days < 29)).toEqual([]);
      const lineageOf = demo.models.find(
        m => m.main && m.aliases.production !== undefined,
      )!;
      const lineage = (await deployments.getLineage(
        (await models.getModel(lineageOf.name))!,
        lineageOf.aliases.production!,
      ))!;
      expect(
        lineage.nodes
          .filter(n => n.kind === 'dataset')
          .map(n => n.label)
          .sort(),
      ).toEqual([
        `${lineageOf.project}-features`,
        `${lineageOf.project}-train`,
      ]);
      expect(
        lineage.nodes.filter(
          n => n.kind === 'deployment' && n.status === 'active',
        ).length,
      ).toBeGreaterThan(0);

      // Notes with their edit history, backdated; tags as generated.
      const finalBody = (n: (typeof demo.notes)[number]) =>
        n.edits.length ? n.edits[n.edits.length - 1].body : n.body;
      const edited = demo.notes.find(
        n =>
          n.edits.length > 0 &&
          demo.notes.filter(o => finalBody(o) === finalBody(n)).length === 1,
      )!;
      const noteRow = await knex('notes')
        .where('body', edited.edits[edited.edits.length - 1].body)
        .first();
      const revisions = await annotations.listNoteRevisions(noteRow.id);
      expect(revisions.map(r => r.body)).toEqual([
        edited.body,
        ...edited.edits.map(e => e.body),
      ]);
      expect(revisions.map(r => r.editedAt.getTime())).toEqual([
        edited.createdAt,
        ...edited.edits.map(e => e.at),
      ]);
      expect(revisions.map(r => r.editedBy)).toEqual([
        edited.author,
        ...edited.edits.map(e => e.author),
      ]);
      expect(fromDbTime(noteRow.created_at).getTime()).toBe(edited.createdAt);
      const tagged = demo.tags.find(t => t.entity.type === 'model')!;
      const taggedModel = (await models.getModel(
        (tagged.entity as { model: string }).model,
      ))!;
      expect(
        await annotations.getTags({ type: 'model', id: taggedModel.id }),
      ).toEqual([...tagged.tags].sort());

      for (const p of demo.projects) {
        const row = await knex('projects').where('name', p.name).first();
        expect(fromDbTime(row.last_activity_at).getTime()).toBe(
          demoLastActivity(demo, p.name),
        );
        expect(fromDbTime(row.created_at).getTime()).toBe(p.createdAt);
      }

      // Not again: the database is no longer empty.
      expect(await loadDemoDataIfEmpty(options)).toBe(false);
      expect(await count('projects')).toBe(expected.projects);
    },
  );
});
