import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { Knex } from 'knex';
import { createFinders } from '../authorization/finders';
import { ReferenceAuthorizer } from '../authorization/ReferenceAuthorizer';
import { CatalogChecks } from '../catalog/CatalogChecks';
import { addressServices, createServices } from '../createServices';
import { DatabaseStores } from '../database/DatabaseStores';
import type { Caller } from '../domain/Caller';
import { FakeMlflowServer, FakeRun } from './__testUtils__/fakeMlflowServer';
import { DatabaseImportStore } from './DatabaseImportStore';
import { readMlflowImportConfig } from './importConfig';
import {
  backoffMs,
  FIRST_BACKOFF_MS,
  MlflowImportService,
} from './MlflowImportService';

jest.setTimeout(120_000);

const migrations = resolvePackagePath(
  '@ml-home/plugin-ml-home-backend',
  'migrations',
);
const FREQUENCY_MS = 15 * 60_000;
const T0 = Date.parse('2026-12-06T00:00:00Z');
const hex = (n: number) => n.toString(16).padStart(32, '0');

function run(n: number, overrides: Partial<FakeRun> = {}): FakeRun {
  return {
    runId: hex(n),
    experimentId: '1',
    name: `run-${n}`,
    status: 'FINISHED',
    startTime: 1_000 * n,
    endTime: 1_000 * n + 500,
    lifecycle: 'active',
    params: { lr: `0.${n}` },
    tags: { 'mlflow.user': 'alice', long: 'x'.repeat(6000) },
    metrics: [0, 1, 2, 3, 4].map(step => ({
      key: 'loss',
      value: step === 4 && n === 1 ? NaN : 1 / (step + n),
      step,
      timestamp: 10 * step,
    })),
    ...overrides,
  };
}

/** An MLflow server with one experiment of 7 runs (one deleted, one running) and two models. */
function seed(mlflow: FakeMlflowServer) {
  mlflow.experiments = [
    { id: '1', name: 'churn' },
    { id: '2', name: 'not imported' },
  ];
  mlflow.runs = [
    run(1, {
      inputs: [
        { name: 'Churn Train', source: 's3://d/train', context: 'training' },
      ],
    }),
    run(2),
    run(3),
    run(4, { lifecycle: 'deleted' }),
    run(5),
    run(6, { status: 'RUNNING', endTime: undefined }),
    run(7),
    run(8, { experimentId: '2' }),
  ];
  mlflow.models = [
    {
      name: 'Churn Model',
      description: 'predicts churn',
      lastUpdated: 100,
      versions: [
        { version: 1, source: 's3://m/1', runId: hex(1), stage: 'Production' },
        { version: 2, source: 's3://m/2', stage: 'None' },
      ],
      aliases: { champion: 2 },
    },
  ];
}

describe('MLflow import', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let mlflow: FakeMlflowServer;
    let now: number;
    let service: MlflowImportService;
    let storage: DatabaseStores;
    let logger: ReturnType<typeof mockServices.logger.mock>;

    const count = async (table: string, where: Record<string, unknown> = {}) =>
      Number(
        (await knex(table).where(where).count({ n: '*' }).first())?.n ?? 0,
      );
    const state = () => new DatabaseImportStore(knex).getState('prod');

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrations });
    });

    beforeEach(async () => {
      for (const table of [
        'mlflow_import_log',
        'mlflow_import_versions',
        'mlflow_import_cursors',
        'mlflow_import_state',
        'ingestion_requests',
        // Not reached by the projects' cascade on PostgreSQL, which has no run key on points.
        'metric_points',
      ]) {
        await knex(table).delete();
      }
      await knex('projects').delete();
      await knex('models').delete();
      now = T0;
      storage = new DatabaseStores(knex);
      await storage.stores.projects.createProject(
        {
          name: 'churn',
          title: 'Churn',
          description: '',
          owner: 'group:default/ml',
          lifecycle: 'experimental',
          tags: [],
          links: [],
          relatedEntities: [],
        },
        'user:default/admin',
      );
      mlflow = new FakeMlflowServer();
      seed(mlflow);
      await mlflow.start();

      const finders = createFinders(storage.stores);
      const services = createServices({
        stores: storage.stores,
        unitOfWork: storage,
        finders,
        catalog: new CatalogChecks(),
        announce: s => s,
      });
      // Trusted code: addressed services ask no permission, so no reference is ever checked.
      const references = {} as ReferenceAuthorizer;
      logger = mockServices.logger.mock();
      const config = readMlflowImportConfig(
        new ConfigReader({
          mlHome: {
            mlflowImport: {
              maxBackoff: { minutes: 10 },
              servers: [
                {
                  id: 'prod',
                  url: `${mlflow.url}/`,
                  experiments: ['churn'],
                  project: 'churn',
                  frequency: { minutes: 15 },
                },
              ],
            },
          },
        }),
      );
      const caller: Caller = {
        credentials: {
          $$type: '@backstage/BackstageCredentials',
          principal: { type: 'service', subject: 'plugin:ml-home' },
        } as any,
        actor: 'mlflow-import/prod',
      };
      service = new MlflowImportService({
        config,
        store: new DatabaseImportStore(knex),
        target: addressServices(services, {
          finders,
          references,
          stores: storage.stores,
        }),
        callerFor: () => caller,
        logger,
        clock: () => new Date(now),
      });
      await new DatabaseImportStore(knex).ensureServers(
        ['prod'],
        new Date(now),
      );
    });

    afterEach(async () => {
      await mlflow.stop();
    });

    it('imports runs with their whole metric histories, inputs, models, versions and aliases', async () => {
      expect(await service.runIfDue('prod')).toBe(true);

      // 6 active runs of experiment 'churn'; the deleted one and the other experiment's are not.
      expect(await count('runs')).toBe(6);
      expect(await count('runs', { id: hex(4) })).toBe(0);
      expect(await count('runs', { id: hex(8) })).toBe(0);
      const first = await knex('runs')
        .where({ id: hex(1) })
        .first();
      expect(first).toMatchObject({ name: 'run-1', status: 'FINISHED' });
      // Histories paged 2 points at a time: all 5 points of each run, NaN included.
      expect(await count('metric_points')).toBe(30);
      expect(
        await count('metric_points', { run_id: hex(1), is_nan: true }),
      ).toBe(1);
      expect(
        (
          await knex('run_params')
            .where({ run_id: hex(2) })
            .first()
        ).value,
      ).toBe('0.2');
      // MLflow allows longer tags; ML Home keeps the first 5,000 characters.
      expect(
        (
          await knex('run_tags')
            .where({ run_id: hex(2), key: 'long' })
            .first()
        ).value,
      ).toHaveLength(5000);
      expect(await count('datasets', { name: 'churn-train' })).toBe(1);
      expect(await count('run_inputs', { run_id: hex(1) })).toBe(1);

      const model = await storage.stores.models.getModel('churn-model');
      expect(model).toMatchObject({ project: 'churn', versionCount: 2 });
      const versions = await knex('model_versions')
        .where({ model_id: model!.id })
        .orderBy('version');
      expect(versions.map(v => [v.version, v.run_id, v.artifact_uri])).toEqual([
        [1, hex(1), 's3://m/1'],
        [2, null, 's3://m/2'],
      ]);
      expect(
        Object.fromEntries(model!.aliases.map(a => [a.alias, a.version])),
      ).toEqual({ champion: 2, production: 1 });

      const s = await state();
      expect(s).toMatchObject({
        status: 'succeeded',
        // 6 runs + 1 model + 2 versions, all done
        itemsDone: 9,
        itemsTotal: 9,
        pointsDone: 30,
        failures: 0,
      });
      expect(s!.lastError).toBeUndefined();
      expect(s!.nextAttemptAt!.getTime()).toBe(T0 + FREQUENCY_MS);
      expect(logger.info).toHaveBeenCalledWith(
        "MLflow import from 'prod' finished: 9 of 9 items, 30 metric points",
      );
      const [entry] = await new DatabaseImportStore(knex).recentLog('prod', 5);
      expect(entry).toMatchObject({
        status: 'succeeded',
        trigger: 'schedule',
        itemsDone: 9,
      });
      // Paging: runs in pages of 3, histories of 2.
      expect(
        mlflow.callsTo('runs/search').filter(c => c.body.page_token).length,
      ).toBeGreaterThan(0);
      expect(
        mlflow
          .callsTo('metrics/get-history')
          .some(c => c.query.get('page_token')),
      ).toBe(true);
    });

    it('is not due before its frequency, and imports only what changed, nothing twice', async () => {
      await service.runIfDue('prod');
      now += 60_000;
      expect(await service.runIfDue('prod')).toBe(false);

      const points = await count('metric_points');
      const events = await count('events');
      // Meanwhile in MLflow: the running run finishes with more points, one run is deleted, a
      // new run starts, the model gets a third version and the champion moves to it.
      const running = mlflow.runs.find(r => r.runId === hex(6))!;
      running.status = 'FINISHED';
      running.endTime = 7_000;
      running.metrics.push({
        key: 'loss',
        value: 0.01,
        step: 5,
        timestamp: 50,
      });
      mlflow.runs.find(r => r.runId === hex(2))!.lifecycle = 'deleted';
      mlflow.runs.push(run(9));
      const model = mlflow.models[0];
      model.versions.push({
        version: 3,
        source: 's3://m/3',
        runId: hex(9),
        stage: 'Staging',
      });
      model.aliases.champion = 3;
      model.lastUpdated = 200;
      mlflow.calls = [];

      now = T0 + FREQUENCY_MS;
      expect(await service.runIfDue('prod')).toBe(true);

      expect(await count('runs')).toBe(7);
      expect(
        (
          await knex('runs')
            .where({ id: hex(6) })
            .first()
        ).status,
      ).toBe('FINISHED');
      expect(
        (
          await knex('runs')
            .where({ id: hex(2) })
            .first()
        ).lifecycle_stage,
      ).toBe('deleted');
      // The new run's 5 points and the finished run's one new point; nothing twice.
      expect(await count('metric_points')).toBe(points + 6);
      expect(await count('model_versions')).toBe(3);
      const churn = await storage.stores.models.getModel('churn-model');
      expect(
        Object.fromEntries(churn!.aliases.map(a => [a.alias, a.version])),
      ).toEqual({ champion: 3, production: 1, staging: 3 });
      // Only runs that started at or after the cursor (run 7's start) were searched, plus run 6.
      const searches = mlflow.callsTo('runs/search').map(c => c.body.filter);
      expect(searches).toContain('attributes.start_time >= 7000');
      expect(searches).toContain(`attributes.run_id IN ('${hex(6)}')`);
      expect(await count('events')).toBeGreaterThan(events);

      // A third import with nothing changed in MLflow writes nothing.
      const before = {
        points: await count('metric_points'),
        params: await count('run_params'),
        versions: await count('model_versions'),
        history: await count('model_alias_history'),
        requests: await count('ingestion_requests'),
      };
      now += FREQUENCY_MS;
      expect(await service.runIfDue('prod')).toBe(true);
      expect({
        points: await count('metric_points'),
        params: await count('run_params'),
        versions: await count('model_versions'),
        history: await count('model_alias_history'),
        requests: await count('ingestion_requests'),
      }).toEqual(before);
    });

    it('resumes from its cursor after an error midway, with backoff', async () => {
      // The second page of runs answers 500, once.
      let failed = false;
      mlflow.fault = (call, nth) => {
        if (failed || call.path !== 'runs/search' || nth !== 1)
          return undefined;
        failed = true;
        return { status: 500 };
      };
      expect(await service.runIfDue('prod')).toBe(true);
      let s = await state();
      expect(s).toMatchObject({
        status: 'failed',
        failures: 1,
        itemsDone: 3,
        itemsTotal: 3,
      });
      expect(s!.lastError).toMatch(
        /runs\/search answered 500: INTERNAL_ERROR: boom/,
      );
      expect(s!.nextAttemptAt!.getTime()).toBe(T0 + FIRST_BACKOFF_MS);
      // The first page is committed, and the cursor with it.
      expect(await count('runs')).toBe(3);

      now += FIRST_BACKOFF_MS - 1;
      expect(await service.runIfDue('prod')).toBe(false);
      now += 1;
      mlflow.calls = [];
      expect(await service.runIfDue('prod')).toBe(true);
      s = await state();
      expect(s).toMatchObject({ status: 'succeeded', failures: 0 });
      expect(await count('runs')).toBe(6);
      // Resumed from the last committed run's start time, not from the beginning.
      expect(mlflow.callsTo('runs/search')[0].body.filter).toBe(
        'attributes.start_time >= 3000',
      );
      expect(await count('metric_points')).toBe(30);
      expect(await count('model_versions')).toBe(2);
    });

    it('retries a server that disappears, backing off, until it comes back', async () => {
      await mlflow.stop();
      await service.runIfDue('prod');
      let s = await state();
      expect(s).toMatchObject({ status: 'failed', failures: 1 });
      expect(s!.lastError).toMatch(/cannot reach .*ECONNREFUSED/);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /MLflow import from 'prod' failed \(1 in a row\), retried in 60 s: .*ECONNREFUSED/,
        ),
      );
      now = s!.nextAttemptAt!.getTime();
      await service.runIfDue('prod');
      s = await state();
      expect(s).toMatchObject({ failures: 2 });
      expect(s!.nextAttemptAt!.getTime()).toBe(now + 2 * FIRST_BACKOFF_MS);
      now = s!.nextAttemptAt!.getTime();
      await service.runIfDue('prod');
      expect((await state())!.nextAttemptAt!.getTime()).toBe(
        now + 4 * FIRST_BACKOFF_MS,
      );

      await mlflow.start();
      now = (await state())!.nextAttemptAt!.getTime();
      await service.runIfDue('prod');
      s = await state();
      expect(s).toMatchObject({
        status: 'succeeded',
        failures: 0,
        itemsDone: 9,
      });
      expect(await count('runs')).toBe(6);
      const log = await new DatabaseImportStore(knex).recentLog('prod', 10);
      expect(log.map(l => l.status)).toEqual([
        'succeeded',
        'failed',
        'failed',
        'failed',
      ]);
    });

    it('fails on a malformed answer without writing it, and names what was wrong', async () => {
      mlflow.fault = call =>
        call.path === 'metrics/get-history'
          ? { malformed: '{"metrics": [' }
          : undefined;
      await service.runIfDue('prod');
      expect((await state())!.lastError).toMatch(/not JSON/);
      expect(await count('metric_points')).toBe(0);

      mlflow.fault = call =>
        call.path === 'runs/search'
          ? {
              malformed:
                '{"runs": [{"info": {"run_id": 12, "experiment_id": "1"}}]}',
            }
          : undefined;
      now = (await state())!.nextAttemptAt!.getTime();
      await service.runIfDue('prod');
      expect((await state())!.lastError).toMatch(
        /runs\[0\]\.info\.run_id is not a string/,
      );
      expect((await state())!.failures).toBe(2);

      mlflow.fault = undefined;
      now = (await state())!.nextAttemptAt!.getTime();
      await service.runIfDue('prod');
      expect(await state()).toMatchObject({ status: 'succeeded' });
      expect(await count('metric_points')).toBe(30);
    });

    it('skips a run ML Home holds elsewhere, imports the rest, and says so', async () => {
      // Run 3's id was logged into another ML Home project before the import.
      await storage.stores.projects.createProject(
        {
          name: 'other',
          title: 'Other',
          description: '',
          owner: 'group:default/ml',
          lifecycle: 'experimental',
          tags: [],
          links: [],
          relatedEntities: [],
        },
        'user:default/admin',
      );
      const services = createServices({
        stores: storage.stores,
        unitOfWork: storage,
        finders: createFinders(storage.stores),
        catalog: new CatalogChecks(),
        announce: s => s,
      });
      const other = (await storage.stores.projects.getProject('other'))!;
      await services.ingestion.ingest(
        { actor: 'user:default/admin' } as Caller,
        { project: other },
        { runs: [{ runId: hex(3), experiment: 'elsewhere' }] },
      );

      await service.runIfDue('prod');
      const s = await state();
      expect(s).toMatchObject({
        status: 'succeeded',
        failures: 0,
        itemsDone: 9,
      });
      expect(s!.lastError).toMatch(
        new RegExp(
          `1 item\\(s\\) skipped, e.g. run ${hex(3)}: .*another project`,
        ),
      );
      expect(await count('runs', { project_id: other.id })).toBe(1);
      expect(await count('runs')).toBe(6);
    });

    it('"run now" makes a waiting server due at once', async () => {
      await service.runIfDue('prod');
      expect(await service.runIfDue('prod')).toBe(false);
      const status = await service.runImport(
        { actor: 'user:default/admin' } as Caller,
        'prod',
      );
      expect(status.nextAttemptAt!.getTime()).toBe(now);
      expect(await service.runIfDue('prod')).toBe(true);
      const [latest] = await new DatabaseImportStore(knex).recentLog('prod', 1);
      expect(latest.trigger).toBe('manual');
      await expect(
        service.runImport({ actor: 'x' } as Caller, 'nope'),
      ).rejects.toThrow(/No MLflow server 'nope'/);
      const [listed] = await service.listImports({ actor: 'x' } as Caller);
      expect(listed).toMatchObject({
        serverId: 'prod',
        url: mlflow.url,
        project: 'churn',
        status: 'succeeded',
      });
      expect(listed.recent).toHaveLength(2);
    });
  });
});

describe('backoff', () => {
  it('doubles from one minute per failure in a row, up to the cap', () => {
    const cap = 60 * 60_000;
    expect(
      [1, 2, 3, 4, 5, 6, 7, 8].map(n => backoffMs(n, cap) / 60_000),
    ).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });
});
