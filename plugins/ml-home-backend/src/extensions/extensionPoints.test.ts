import {
  coreServices,
  createBackendModule,
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
import {
  mlHomeCertificationChecksExtensionPoint,
  MlHomeCertificationCheck,
  mlHomeDemoDataExtensionPoint,
  MlHomeDemoDataLoaderContext,
} from '@ml-home/plugin-ml-home-node/alpha';
import { Knex } from 'knex';
import request from 'supertest';
import { mlHomePlugin } from '../plugin';

jest.setTimeout(120_000);

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

/** A module like the demo module: one loader that writes a small project through the writer. */
function demoModule(runs: MlHomeDemoDataLoaderContext[]) {
  return createBackendModule({
    pluginId: 'ml-home',
    moduleId: 'test-demo',
    register(reg) {
      reg.registerInit({
        deps: { demoData: mlHomeDemoDataExtensionPoint },
        async init({ demoData }) {
          demoData.addLoader({
            id: 'test-demo',
            async load(context) {
              runs.push(context);
              const alice = context.writer.as('user:default/alice');
              const project = await alice.createProject({
                name: 'churn-prediction',
                owner: 'group:default/churn-prediction',
              });
              // The writer answers in wire types, as the routes do.
              expect(project.createdAt).toEqual(expect.any(String));
              await alice.createExperiment('churn-prediction', {
                name: 'baseline',
              });
              const ingested = await alice.ingest('churn-prediction', {
                runs: [
                  {
                    runId: 'run-1',
                    experiment: 'baseline',
                    params: [{ key: 'lr', value: '0.1' }],
                    metrics: [{ key: 'auc', value: 0.91, step: 1 }],
                  },
                ],
              });
              expect(ingested.runs).toHaveLength(1);
              await alice.createModel('churn-prediction', {
                name: 'churn-model',
              });
              const version = await context.writer
                .as('user:default/bob')
                .createModelVersion('churn-model', { runId: 'run-1' });
              await alice.setModelAlias(
                'churn-model',
                'champion',
                version.version,
              );
              // Past work is recorded at the time the loader gives.
              const note = await context.writer
                .as('user:default/alice', {
                  at: new Date('2025-01-02T03:04:05.000Z'),
                })
                .createNote({
                  entityType: 'project',
                  entityId: project.id,
                  body: 'Loaded by the test module',
                });
              expect(note.createdBy).toBe('user:default/alice');
              expect(note.createdAt).toBe('2025-01-02T03:04:05.000Z');
              expect(note.updatedAt).toBe('2025-01-02T03:04:05.000Z');
            },
          });
        },
      });
    },
  });
}

/** A module that adds one custom certification check. */
const checksModule = (checks: MlHomeCertificationCheck[]) =>
  createBackendModule({
    pluginId: 'ml-home',
    moduleId: 'test-checks',
    register(reg) {
      reg.registerInit({
        deps: { certification: mlHomeCertificationChecksExtensionPoint },
        async init({ certification }) {
          for (const check of checks) certification.addCheck(check);
        },
      });
    },
  });

const featureSchema: MlHomeCertificationCheck = {
  id: 'acme.feature-schema',
  title: 'Feature expectations are captured in a schema',
  section: 'data',
  description: 'The training data set declares its features.',
  evaluate: async () => ({ status: 'unknown' }),
};

describe('the extension points of mlHomePlugin', () => {
  const databases = TestDatabases.create({
    ids: ['POSTGRES_15', 'SQLITE_3'],
  });

  async function start(
    knex: Knex,
    features: Parameters<typeof startTestBackend>[0]['features'],
    messages: string[] = [],
  ) {
    return startTestBackend({
      features: [
        mlHomePlugin,
        mockServices.database.factory({ knex }),
        // Owners are checked in the catalog (the default), and the catalog knows nobody: the
        // demo writer must not depend on it.
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({ data: {} }),
        createServiceFactory({
          service: coreServices.logger,
          deps: {},
          factory: () => recordingLogger(messages),
        }),
        ...(features ?? []),
      ],
    });
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('runs a module’s demo-data loader on an empty database, and not once it holds data', async () => {
      const knex = await databases.init(databaseId);
      const runs: MlHomeDemoDataLoaderContext[] = [];

      const first = await start(knex, [demoModule(runs)]);
      try {
        expect(runs).toHaveLength(1);
        const res = await request(first.server)
          .get('/api/ml-home/models/churn-model')
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          name: 'churn-model',
          project: 'churn-prediction',
          createdBy: 'user:default/alice',
          versionCount: 1,
          aliases: [expect.objectContaining({ alias: 'champion', version: 1 })],
        });
      } finally {
        await first.stop();
      }

      const messages: string[] = [];
      const second = await start(knex, [demoModule(runs)], messages);
      await second.stop();
      expect(runs).toHaveLength(1);
      expect(messages).toContain(
        'ML Home holds data already; skipping 1 demo-data loader(s): test-demo',
      );
    });

    it('does not run a loader when the only project is deleted', async () => {
      const knex = await databases.init(databaseId);
      const seeded: MlHomeDemoDataLoaderContext[] = [];
      const first = await start(knex, [demoModule(seeded)]);
      try {
        const res = await request(first.server)
          .delete('/api/ml-home/projects/churn-prediction')
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(204);
      } finally {
        await first.stop();
      }
      const runs: MlHomeDemoDataLoaderContext[] = [];
      const second = await start(knex, [demoModule(runs)]);
      await second.stop();
      expect(runs).toHaveLength(0);
    });
  });

  it('keeps the certification checks modules add, and says how many', async () => {
    const knex = await databases.init('SQLITE_3');
    const messages: string[] = [];
    const backend = await start(
      knex,
      [
        checksModule([
          featureSchema,
          { ...featureSchema, id: 'acme.canary', section: 'infrastructure' },
        ]),
      ],
      messages,
    );
    await backend.stop();
    expect(messages).toContain(
      '2 custom certification check(s) added: acme.feature-schema, acme.canary',
    );
  });

  it('stops start-up on a check that is invalid or added twice, naming it', async () => {
    const knex = await databases.init('SQLITE_3');
    await expect(
      start(knex, [
        checksModule([{ ...featureSchema, section: 'security' as 'data' }]),
      ]),
    ).rejects.toThrow(/acme\.feature-schema has section "security"/);
    await expect(
      start(knex, [checksModule([featureSchema, featureSchema])]),
    ).rejects.toThrow(/acme\.feature-schema was added twice/);
  });
});
