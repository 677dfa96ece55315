import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  CatalogProcessor,
  EntityProvider,
  EntityProviderMutation,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { ML_HOME_EVENTS_TOPIC } from '@ml-home/plugin-ml-home-common';
import { catalogModuleMlHome } from './module';
import { MlHomeModelsAnnotationProcessor } from './processor/MlHomeModelsAnnotationProcessor';
import { MlHomeEntityProvider } from './provider/MlHomeEntityProvider';
import {
  FakeMlHome,
  deployment,
  model,
  project,
} from './__testUtils__/FakeMlHome';
import { fakeMlHomePlugin } from './__testUtils__/fakeMlHomePlugin';

/** Waits until `check` passes: events are applied after `publish` returns, by design. */
async function eventually(check: () => void, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(r => setTimeout(r, 20));
    }
  }
}

describe('catalogModuleMlHome', () => {
  it('registers the provider and processor, reads ML Home over HTTP as the catalog, and applies events', async () => {
    const fake = new FakeMlHome();
    fake.projects = [
      project({
        name: 'churn-prediction',
        title: 'Churn prediction',
        relatedEntities: ['system:default/subscriptions'],
      }),
    ];
    fake.models = [
      model({ name: 'churn-prediction-model', project: 'churn-prediction' }),
    ];
    const callers: string[] = [];
    const providers: EntityProvider[] = [];
    const processors: CatalogProcessor[] = [];
    const mutations: EntityProviderMutation[] = [];
    // The functional mock scheduler; its instance also makes the factory for the test backend.
    const scheduler = mockServices.scheduler() as ReturnType<
      typeof mockServices.scheduler
    > & { factory: typeof mockServices.scheduler.factory };
    // One events service for every plugin, as in a real backend.
    const events = mockServices.events();

    const backend = await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          {
            addEntityProvider: (...p: any[]) => {
              for (const provider of p.flat() as EntityProvider[]) {
                providers.push(provider);
                // The catalog connects providers while it initialises.
                provider.connect({
                  applyMutation: async m => {
                    mutations.push(m);
                  },
                  refresh: async () => {},
                });
              }
            },
            addProcessor: (...p: any[]) => processors.push(...p.flat()),
          },
        ],
      ],
      features: [
        catalogModuleMlHome,
        fakeMlHomePlugin(fake, callers),
        scheduler.factory({ skipTaskRunOnStartup: true }),
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () => events,
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://portal.test' },
            catalog: {
              providers: {
                mlHome: {
                  schedule: {
                    frequency: { minutes: 30 },
                    timeout: { minutes: 3 },
                  },
                },
              },
            },
          },
        }),
      ],
    });

    try {
      expect(providers).toHaveLength(1);
      expect(providers[0]).toBeInstanceOf(MlHomeEntityProvider);
      expect(processors).toHaveLength(1);
      expect(processors[0]).toBeInstanceOf(MlHomeModelsAnnotationProcessor);
      expect((await scheduler.getScheduledTasks()).map(t => t.id)).toEqual([
        'MlHomeEntityProvider:refresh',
      ]);

      await scheduler.triggerTask('MlHomeEntityProvider:refresh');

      expect(mutations).toHaveLength(1);
      const full = mutations[0];
      if (full.type !== 'full') throw new Error('expected a full mutation');
      expect(full.entities.map(e => e.entity.metadata.name)).toEqual([
        'churn-prediction-model',
      ]);
      expect(full.entities[0].entity.metadata.links?.[0].url).toBe(
        'http://portal.test/ml-home/models/churn-prediction-model',
      );
      expect(full.entities[0].entity.spec?.system).toBe(
        'system:default/subscriptions',
      );
      // Every call to ML Home carried the catalog's own service token.
      expect(callers.length).toBeGreaterThan(0);
      expect(new Set(callers)).toEqual(new Set(['plugin:catalog']));

      fake.deployments.push(
        deployment({
          model: 'churn-prediction-model',
          service: 'component:default/churn-scoring-service',
        }),
      );
      await events.publish({
        topic: ML_HOME_EVENTS_TOPIC,
        eventPayload: {
          entity: 'deployment',
          action: 'created',
          project: 'churn-prediction',
          name: 'churn-prediction-model',
        },
      });

      await eventually(() => expect(mutations).toHaveLength(2));
      const delta = mutations[1];
      if (delta.type !== 'delta') throw new Error('expected a delta');
      expect(delta.added.map(e => e.entity.spec?.dependencyOf)).toEqual([
        ['component:default/churn-scoring-service'],
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('refuses an invalid schedule', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [
            catalogProcessingExtensionPoint,
            { addEntityProvider: () => {}, addProcessor: () => {} },
          ],
        ],
        features: [
          catalogModuleMlHome,
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: 'http://portal.test' },
              catalog: {
                providers: { mlHome: { schedule: { frequency: 'often' } } },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/Invalid schedule at catalog.providers.mlHome.schedule/);
  });
});
