import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { RegisterCollatorParameters } from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import type { MlHomeApi } from '@ml-home/plugin-ml-home-common';
import { mlHomeServiceRef } from '@ml-home/plugin-ml-home-node';
import Router from 'express-promise-router';
import { FakeMlHome, model, project } from './__testUtils__/FakeMlHome';
import { searchModuleMlHomeCollator } from './module';

/** A stand-in `ml-home` plugin serving the two lists over HTTP, for service tokens only. */
function fakeMlHomePlugin(fake: FakeMlHome, callers: string[]) {
  return createBackendPlugin({
    pluginId: 'ml-home',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = Router();
          const query = (q: Record<string, unknown>) => ({
            limit: Number(q.limit),
            cursor: typeof q.cursor === 'string' ? q.cursor : undefined,
          });
          router.use(async (req, _res, next) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            callers.push(credentials.principal.subject);
            next();
          });
          router.get('/projects', async (req, res) => {
            res.json(await fake.listProjects(query(req.query)));
          });
          router.get('/models', async (req, res) => {
            res.json(await fake.searchModels(query(req.query)));
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

describe('searchModuleMlHomeCollator', () => {
  it('registers a collator on its schedule that reads ML Home over HTTP as the search plugin', async () => {
    const fake = new FakeMlHome();
    fake.projects = [project({ name: 'churn-prediction' })];
    fake.models = [
      model({ name: 'churn-prediction-model', project: 'churn-prediction' }),
    ];
    const callers: string[] = [];
    const collators: RegisterCollatorParameters[] = [];
    const scheduler = mockServices.scheduler.mock();
    scheduler.createScheduledTaskRunner.mockImplementation(schedule => ({
      run: async () => {},
      schedule,
    }));

    const backend = await startTestBackend({
      extensionPoints: [
        [
          searchIndexRegistryExtensionPoint,
          {
            addCollator: c => collators.push(c),
            addDecorator: () => {},
          },
        ],
      ],
      features: [
        searchModuleMlHomeCollator,
        fakeMlHomePlugin(fake, callers),
        scheduler.factory,
        mockServices.rootConfig.factory({
          data: {
            search: {
              collators: {
                mlHome: {
                  schedule: {
                    frequency: { hours: 1 },
                    timeout: { minutes: 5 },
                  },
                },
              },
            },
          },
        }),
      ],
    });

    try {
      expect(collators).toHaveLength(1);
      expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith({
        frequency: { hours: 1 },
        timeout: { minutes: 5 },
      });
      const { factory } = collators[0];
      expect(factory.type).toBe('ml-home');

      const documents = [];
      for await (const document of await factory.getCollator()) {
        documents.push(document);
      }

      expect(documents.map(d => d.location)).toEqual([
        '/ml-home/projects/churn-prediction',
        '/ml-home/models/churn-prediction-model',
        '/ml-home',
        '/ml-home/certification',
      ]);
      expect(new Set(callers)).toEqual(new Set(['plugin:search']));
    } finally {
      await backend.stop();
    }
  });

  it('reads ML Home through mlHomeServiceRef, which a test can replace with a fake', async () => {
    const fake = new FakeMlHome();
    fake.projects = [project({ name: 'fraud' })];
    const collators: RegisterCollatorParameters[] = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [
          searchIndexRegistryExtensionPoint,
          { addCollator: c => collators.push(c), addDecorator: () => {} },
        ],
      ],
      features: [
        searchModuleMlHomeCollator,
        mockServices.scheduler.mock().factory,
        // The collator reads two lists; the fake has just those.
        createServiceFactory({
          service: mlHomeServiceRef,
          deps: {},
          factory: () => fake as Partial<MlHomeApi> as MlHomeApi,
        }),
      ],
    });
    try {
      const documents = [];
      for await (const document of await collators[0].factory.getCollator()) {
        documents.push(document);
      }
      expect(documents.map(d => d.location)).toEqual([
        '/ml-home/projects/fraud',
        '/ml-home',
        '/ml-home/certification',
      ]);
      expect(fake.pagesServed).toEqual({ projects: 1, models: 1 });
    } finally {
      await backend.stop();
    }
  });

  it('tries a failed indexing run again within seconds', async () => {
    const scheduler = mockServices.scheduler.mock();
    const scheduled: SchedulerServiceTaskInvocationDefinition[] = [];
    scheduler.createScheduledTaskRunner.mockImplementation(() => ({
      run: async task => {
        scheduled.push(task);
      },
    }));
    const collators: RegisterCollatorParameters[] = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [
          searchIndexRegistryExtensionPoint,
          { addCollator: c => collators.push(c), addDecorator: () => {} },
        ],
      ],
      features: [searchModuleMlHomeCollator, scheduler.factory],
    });
    await backend.stop();

    let attempts = 0;
    await collators[0].schedule.run({
      id: 'search_index_ml_home',
      fn: async () => {
        attempts++;
        if (attempts === 1) {
          throw new Error('503 Service has not started up yet');
        }
      },
    });
    expect(scheduled).toHaveLength(1);
    await scheduled[0].fn(new AbortController().signal);
    expect(attempts).toBe(2);
  });

  it('uses every 10 minutes by default', async () => {
    const scheduler = mockServices.scheduler.mock();
    const collators: RegisterCollatorParameters[] = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [
          searchIndexRegistryExtensionPoint,
          { addCollator: c => collators.push(c), addDecorator: () => {} },
        ],
      ],
      features: [searchModuleMlHomeCollator, scheduler.factory],
    });
    await backend.stop();

    expect(collators).toHaveLength(1);
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith({
      frequency: { minutes: 10 },
      timeout: { minutes: 15 },
      initialDelay: { seconds: 3 },
    });
  });
});
