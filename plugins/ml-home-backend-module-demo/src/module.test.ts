import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The module is tested with the plugin it extends, as the example backend installs them.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import mlHomePlugin from '@ml-home/plugin-ml-home-backend';
import { Knex } from 'knex';
import request from 'supertest';
import {
  generateDemoData,
  summarizeDemoData,
} from './generator/generateDemoData';
import mlHomeModuleDemo from './index';
import { demoLastActivity } from './writeDemoData';

jest.setTimeout(300_000);

const DAY = 24 * 60 * 60 * 1000;
const SEED = 7;
const SCALE = 0.1;
/*
 * The demo's "now": today, as when a portal loads it. Certification scores with the real clock
 * (attestations and CI results expire by it), so a demo laid out around a fixed day drifts away
 * from the levels it was planned with as that day recedes.
 */
const NOW = Math.floor(Date.now() / 3_600_000) * 3_600_000;

/** A logger that keeps every message, whichever child it was written through. */
function recordingLogger(messages: string[]): LoggerService {
  const logger: LoggerService = {
    error: m => void messages.push(m),
    warn: m => void messages.push(m),
    info: m => void messages.push(m),
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

/** Stored times as milliseconds, whichever way the database returns them. */
const ms = (value: unknown) =>
  value instanceof Date ? value.getTime() : new Date(String(value)).getTime();

describe('mlHomeModuleDemo', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  function start(knex: Knex, messages: string[], enabled = true) {
    return startTestBackend({
      features: [
        mlHomePlugin,
        mlHomeModuleDemo,
        mockServices.database.factory({ knex }),
        // The catalog knows nobody: the demo must not depend on it.
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            mlHome: {
              demoData: {
                enabled,
                seed: SEED,
                scale: SCALE,
                now: new Date(NOW).toISOString(),
              },
            },
          },
        }),
        createServiceFactory({
          service: coreServices.logger,
          deps: {},
          factory: () => recordingLogger(messages),
        }),
      ],
    });
  }

  const count = async (knex: Knex, table: string, where: object = {}) =>
    Number((await knex(table).where(where).count({ n: '*' }))[0].n);

  it.each(databases.eachSupportedId())(
    'loads the demo organisation into an empty ML Home on %p, and only then',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const messages: string[] = [];
      const backend = await start(knex, messages);
      const demo = generateDemoData({ seed: SEED, scale: SCALE, now: NOW });
      const expected = summarizeDemoData(demo);
      try {
        // On failure this shows what the loader said instead.
        expect(
          messages.filter(m => /demo|conflict|failed/i.test(m)),
        ).toContainEqual(expect.stringMatching(/^Loaded ML Home demo data/));
        expect(await count(knex, 'projects')).toBe(expected.projects);
        expect(await count(knex, 'experiments')).toBe(expected.experiments);
        expect(await count(knex, 'runs')).toBe(expected.runs);
        expect(await count(knex, 'metric_points')).toBe(expected.points);
        expect(await count(knex, 'datasets')).toBe(3 * expected.projects);
        expect(await count(knex, 'datasets', { kind: 'feature-set' })).toBe(
          expected.projects,
        );
        expect(await count(knex, 'run_inputs')).toBe(2 * expected.runs);
        expect(await count(knex, 'models')).toBe(expected.models);
        expect(await count(knex, 'model_versions')).toBe(
          expected.modelVersions,
        );
        expect(await count(knex, 'evaluations')).toBe(expected.evaluations);
        expect(await count(knex, 'evaluation_results')).toBe(
          demo.evaluations.reduce((n, e) => n + e.results.length, 0),
        );
        expect(await count(knex, 'deployments')).toBe(expected.deployments);
        expect(await count(knex, 'deployments', { status: 'active' })).toBe(
          demo.deployments.filter(d => d.status === 'active').length,
        );
        expect(await count(knex, 'monitoring_points')).toBe(
          expected.monitoringPoints,
        );
        expect(await count(knex, 'notes')).toBe(expected.notes);
        expect(await count(knex, 'note_revisions')).toBe(
          expected.noteRevisions,
        );
        expect(await count(knex, 'entity_tags')).toBe(expected.tags);
        // The teams' attestations, the one a reviewer rejected, CI's results, and a scorecard
        // ML Home computed for every model they concern.
        expect(await count(knex, 'certification_attestations')).toBe(
          demo.certification.attestations.length,
        );
        expect(
          await count(knex, 'certification_attestations', {
            state: 'rejected',
          }),
        ).toBe(1);
        expect(await count(knex, 'certification_external_results')).toBe(
          new Set(
            demo.certification.externalResults.map(
              r => `${r.model}/${r.checkId}`,
            ),
          ).size,
        );
        expect(
          await count(knex, 'certification_scorecards'),
        ).toBeGreaterThanOrEqual(
          new Set(demo.certification.attestations.map(a => a.model)).size,
        );
        // The org overview shows what certification looks like across teams: models at every
        // level from none to gold (platinum is for a real team to earn).
        // Scorecards are stored by the re-evaluations the demo's writes scheduled (within seconds)
        // and by the scheduled task, not by the load itself: wait for them as a user would.
        const levels = ['none', 'bronze', 'silver', 'gold'];
        let levelsWithoutModel = levels;
        const deadline = Date.now() + 30_000;
        for (;;) {
          const overview = await request(backend.server)
            .get('/api/ml-home/certification?limit=200')
            .set('Authorization', mockCredentials.user.header());
          expect(overview.status).toBe(200);
          const atLevel = new Map<string, number>(
            overview.body.levels.map((l: { level: string; count: number }) => [
              l.level,
              l.count,
            ]),
          );
          levelsWithoutModel = levels.filter(
            level => !((atLevel.get(level) ?? 0) > 0),
          );
          if (!levelsWithoutModel.length || Date.now() > deadline) break;
          await new Promise(resolve => setTimeout(resolve, 250));
        }
        expect(levelsWithoutModel).toEqual([]);
        // The journey's model: only attestations count, one monitoring test short of silver.
        const journey = demo.certification.journeyModel!;
        const scorecard = async () =>
          (
            await request(backend.server)
              .get(`/api/ml-home/models/${journey}/scorecard`)
              .set('Authorization', mockCredentials.user.header())
          ).body;
        expect(await scorecard()).toMatchObject({
          score: 0.5,
          level: 'bronze',
        });
        const attested = await request(backend.server)
          .post(`/api/ml-home/models/${journey}/scorecard/attestations`)
          .set('Authorization', mockCredentials.user.header())
          .send({
            checkId: 'monitor.dependency-changes',
            evidenceUrl: 'https://docs.sonora.example/runbook',
            note: 'Dependencies pinned and watched',
          });
        expect(attested.status).toBe(201);
        expect(await scorecard()).toMatchObject({ score: 1, level: 'silver' });
        expect(await count(knex, 'project_metric_directions')).toBe(
          demo.projects.reduce(
            (n, p) => n + Object.keys(p.metricDirections).length,
            0,
          ),
        );

        // Every model as generated, through the API: versions linked to runs, aliases where
        // they were moved to, each recorded when the demo says it happened.
        for (const m of demo.models) {
          const res = await request(backend.server)
            .get(`/api/ml-home/models/${m.name}`)
            .set('Authorization', mockCredentials.user.header());
          expect(res.status).toBe(200);
          expect(res.body.project).toBe(m.project);
          expect(res.body.versionCount).toBe(m.versions.length);
          expect(
            Object.fromEntries(
              res.body.aliases.map((a: { alias: string; version: number }) => [
                a.alias,
                a.version,
              ]),
            ),
          ).toEqual(m.aliases);
          expect(ms(res.body.createdAt)).toBe(m.createdAt);
          const version = await request(backend.server)
            .get(`/api/ml-home/models/${m.name}/versions/1`)
            .set('Authorization', mockCredentials.user.header());
          expect(version.body.runId).toBe(m.versions[0].runId);
          expect(ms(version.body.createdAt)).toBe(m.versions[0].createdAt);
          const history = await knex('model_alias_history')
            .join('models', 'models.id', 'model_alias_history.model_id')
            .where('models.name', m.name)
            .orderBy('model_alias_history.id')
            .select('model_alias_history.created_at');
          expect(history.map(h => ms(h.created_at))).toEqual(
            m.aliasMoves.map(a => a.at),
          );
        }

        // Evaluations and deployments at their own times; active deployments monitored up to
        // the demo's "now".
        for (const e of demo.evaluations.slice(0, 10)) {
          const row = await knex('evaluations')
            .join(
              'model_versions',
              'model_versions.id',
              'evaluations.model_version_id',
            )
            .join('models', 'models.id', 'model_versions.model_id')
            .where({
              'models.name': e.model,
              'model_versions.version': e.version,
              'evaluations.name': e.name,
            })
            .first('evaluations.created_at');
          expect(ms(row.created_at)).toBe(e.createdAt);
        }
        const lastPoint = await knex('monitoring_points').max({
          t: 'timestamp',
        });
        expect(Number(lastPoint[0].t)).toBe(NOW - 60 * 60 * 1000);
        const firstDeployment = await knex('deployments').min({
          t: 'deployed_at',
        });
        expect(ms(firstDeployment[0].t)).toBeGreaterThan(NOW - 365 * DAY);

        // Notes with their edit history, at the demo's times.
        const edited = demo.notes.find(n => n.edits.length > 0)!;
        const note = await knex('notes')
          .where('body', edited.edits[edited.edits.length - 1].body)
          .first();
        expect(ms(note.created_at)).toBe(edited.createdAt);
        const revisions = await knex('note_revisions')
          .where('note_id', note.id)
          .orderBy('revision');
        expect(revisions.map(r => r.body)).toEqual([
          edited.body,
          ...edited.edits.map(e => e.body),
        ]);
        expect(revisions.map(r => ms(r.edited_at))).toEqual([
          edited.createdAt,
          ...edited.edits.map(e => e.at),
        ]);

        // Projects created and last active when the demo says.
        for (const p of demo.projects) {
          const row = await knex('projects').where('name', p.name).first();
          expect(ms(row.created_at)).toBe(p.createdAt);
          expect(ms(row.last_activity_at)).toBe(demoLastActivity(demo, p.name));
        }
      } finally {
        await backend.stop();
      }

      // Not again: the database is no longer empty.
      const again: string[] = [];
      const second = await start(knex, again);
      await second.stop();
      expect(again).toContain(
        'ML Home holds data already; skipping 1 demo-data loader(s): demo',
      );
      expect(await count(knex, 'projects')).toBe(expected.projects);
    },
  );

  it('adds no loader unless mlHome.demoData.enabled is true', async () => {
    const knex = await databases.init('SQLITE_3');
    const messages: string[] = [];
    const backend = await start(knex, messages, false);
    await backend.stop();
    expect(await count(knex, 'projects')).toBe(0);
    expect(messages.some(m => m.includes('demo-data loader'))).toBe(false);
  });
});
