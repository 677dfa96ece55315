import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  DeferredEntity,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import {
  FakeMlHome,
  dataset,
  deployment,
  model,
  project,
} from '../__testUtils__/FakeMlHome';
import { MlHomeEntityProvider } from './MlHomeEntityProvider';

function setup(fake = new FakeMlHome()) {
  const logger = mockServices.logger.mock();
  logger.child.mockReturnValue(logger);
  const scheduler = mockServices.scheduler.mock();
  const mutations: EntityProviderMutation[] = [];
  const connection: EntityProviderConnection = {
    applyMutation: jest.fn(async m => {
      mutations.push(m);
    }),
    refresh: jest.fn(),
  };
  const provider = new MlHomeEntityProvider({
    client: fake,
    logger,
    scheduler,
    schedule: { frequency: { minutes: 10 }, timeout: { minutes: 10 } },
    appBaseUrl: 'https://portal.example.com/',
  });
  return { fake, logger, scheduler, mutations, connection, provider };
}

function fullEntities(mutation: EntityProviderMutation | undefined): Entity[] {
  if (mutation?.type !== 'full') {
    throw new Error(`expected a full mutation, got ${mutation?.type}`);
  }
  return mutation.entities.map((e: DeferredEntity) => e.entity);
}

function byName(entities: Entity[], name: string): Entity {
  const found = entities.find(e => e.metadata.name === name);
  if (!found) {
    throw new Error(
      `no entity ${name} among ${entities.map(e => e.metadata.name).join(', ')}`,
    );
  }
  return found;
}

/** Two projects: one with a system, a serving component and lineage; one bare. */
function demo(fake: FakeMlHome) {
  fake.projects = [
    project({
      name: 'churn-prediction',
      title: 'Churn prediction',
      owner: 'group:default/churn-prediction',
      tags: ['tabular', 'gbdt', 'odd--tag'],
      relatedEntities: [
        'component:default/churn-scoring-service',
        'system:default/subscriptions',
        'system:default/payments',
      ],
    }),
    project({ name: 'search-ranking', title: 'Search ranking' }),
  ];
  fake.models = [
    model({
      name: 'churn-prediction-model',
      project: 'churn-prediction',
      description: 'The model behind Churn prediction.',
      owner: 'group:default/churn-prediction',
    }),
    model({
      name: 'search-ranking-model',
      project: 'search-ranking',
      owner: 'group:default/search-relevance',
    }),
  ];
  fake.deployments = [
    deployment({
      model: 'churn-prediction-model',
      service: 'component:default/churn-scoring-service',
      environment: 'prod',
    }),
    // Same service in a second environment: one relation, not two.
    deployment({
      model: 'churn-prediction-model',
      service: 'component:default/churn-scoring-service',
      environment: 'staging',
    }),
    deployment({
      model: 'churn-prediction-model',
      service: 'retention-offers',
      environment: 'prod',
    }),
    // Retired deployments serve nothing.
    deployment({
      model: 'churn-prediction-model',
      service: 'component:default/old-batch-scorer',
      status: 'retired',
    }),
  ];
  fake.datasets = [
    dataset({
      name: 'churn-prediction-train',
      project: 'churn-prediction',
      description: 'Training examples.',
      consumers: {
        runCount: 3,
        runs: [],
        modelVersions: [
          { model: 'churn-prediction-model', version: 1 },
          { model: 'churn-prediction-model', version: 2 },
        ],
      },
    }),
    dataset({
      name: 'subscriber-features',
      project: 'churn-prediction',
      kind: 'feature-set',
    }),
  ];
}

describe('MlHomeEntityProvider', () => {
  it('publishes models, datasets and feature sets as Resources in a full mutation', async () => {
    const { fake, provider, connection, mutations } = setup();
    demo(fake);
    await provider.connect(connection);

    await provider.refresh();

    expect(mutations).toHaveLength(1);
    const entities = fullEntities(mutations[0]);
    expect(entities.map(e => e.metadata.name).sort()).toEqual([
      'churn-prediction--churn-prediction-train',
      'churn-prediction--subscriber-features',
      'churn-prediction-model',
      'search-ranking-model',
    ]);
    expect(byName(entities, 'churn-prediction-model')).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'churn-prediction-model',
        namespace: 'default',
        title: 'churn-prediction-model (Churn prediction)',
        description: 'The model behind Churn prediction.',
        tags: ['tabular', 'gbdt'],
        links: [
          {
            url: 'https://portal.example.com/ml-home/models/churn-prediction-model',
            title: 'Model in ML Home',
            icon: 'dashboard',
          },
          {
            url: 'https://portal.example.com/ml-home/projects/churn-prediction',
            title: 'ML Home project',
            icon: 'dashboard',
          },
        ],
        annotations: {
          'backstage.io/managed-by-location':
            'url:https://portal.example.com/ml-home/models/churn-prediction-model',
          'backstage.io/managed-by-origin-location':
            'url:https://portal.example.com/ml-home/models/churn-prediction-model',
          'ml-home.io/model': 'churn-prediction-model',
          'ml-home.io/project': 'churn-prediction',
        },
      },
      spec: {
        type: 'ml-model',
        owner: 'group:default/churn-prediction',
        system: 'system:default/subscriptions',
        dependencyOf: [
          'component:default/churn-scoring-service',
          'component:default/retention-offers',
        ],
      },
    });
    // Every entity carries the provider's location key.
    const full = mutations[0] as Extract<
      EntityProviderMutation,
      { type: 'full' }
    >;
    expect(new Set(full.entities.map(e => e.locationKey))).toEqual(
      new Set(['MlHomeEntityProvider']),
    );
  });

  it('gives a model without deployments or system neither relation, and takes its own owner', async () => {
    const { fake, provider, connection, mutations } = setup();
    demo(fake);
    await provider.connect(connection);
    await provider.refresh();

    const entity = byName(fullEntities(mutations[0]), 'search-ranking-model');
    expect(entity.spec).toEqual({
      type: 'ml-model',
      owner: 'group:default/search-relevance',
    });
    expect(entity.metadata.description).toBeUndefined();
    expect(entity.metadata.tags).toBeUndefined();
  });

  it("maps datasets to the project's owner and system, with the models trained on them", async () => {
    const { fake, provider, connection, mutations } = setup();
    demo(fake);
    await provider.connect(connection);
    await provider.refresh();
    const entities = fullEntities(mutations[0]);

    const train = byName(entities, 'churn-prediction--churn-prediction-train');
    expect(train.metadata.title).toBe(
      'churn-prediction-train (Churn prediction)',
    );
    expect(train.metadata.annotations).toEqual({
      'backstage.io/managed-by-location':
        'url:https://portal.example.com/ml-home/projects/churn-prediction',
      'backstage.io/managed-by-origin-location':
        'url:https://portal.example.com/ml-home/projects/churn-prediction',
      'ml-home.io/dataset': 'churn-prediction/churn-prediction-train',
      'ml-home.io/project': 'churn-prediction',
    });
    expect(train.metadata.links).toEqual([
      {
        url: 'https://portal.example.com/ml-home/projects/churn-prediction',
        title: 'ML Home project',
        icon: 'dashboard',
      },
    ]);
    expect(train.spec).toEqual({
      type: 'dataset',
      owner: 'group:default/churn-prediction',
      system: 'system:default/subscriptions',
      dependencyOf: ['resource:default/churn-prediction-model'],
    });

    const features = byName(entities, 'churn-prediction--subscriber-features');
    expect(features.spec).toEqual({
      type: 'feature-set',
      owner: 'group:default/churn-prediction',
      system: 'system:default/subscriptions',
    });
  });

  it('reads every page of every list', async () => {
    const { fake, provider, connection, mutations } = setup();
    fake.projects = Array.from({ length: 230 }, (_, i) =>
      project({ name: `p-${String(i).padStart(3, '0')}` }),
    );
    fake.models = fake.projects.map(p =>
      model({ name: `${p.name}-model`, project: p.name }),
    );
    fake.datasets = fake.projects.map(p =>
      dataset({ name: 'train', project: p.name }),
    );
    fake.deployments = fake.models.map(m =>
      deployment({ model: m.name, service: `component:default/svc-${m.name}` }),
    );
    await provider.connect(connection);

    await provider.refresh();

    const entities = fullEntities(mutations[0]);
    expect(entities).toHaveLength(460);
    expect(fake.calls.listProjects).toBe(2);
    expect(fake.calls.searchModels).toBe(2);
    expect(fake.calls.searchDatasets).toBe(2);
    expect(fake.calls.listDeployments).toBe(2);
    expect(byName(entities, 'p-229-model').spec?.dependencyOf).toEqual([
      'component:default/svc-p-229-model',
    ]);
  });

  it('logs and skips the second ML Home object that maps to an entity name already taken', async () => {
    const { fake, provider, connection, mutations, logger } = setup();
    fake.projects = [project({ name: 'churn' }), project({ name: 'other' })];
    // Model "churn--train" and dataset "train" of project "churn" both map to churn--train.
    fake.models = [model({ name: 'churn--train', project: 'other' })];
    fake.datasets = [
      dataset({ name: 'train', project: 'churn' }),
      dataset({ name: 'eval', project: 'churn' }),
    ];
    await provider.connect(connection);

    await provider.refresh();

    const entities = fullEntities(mutations[0]);
    expect(entities.map(e => e.metadata.name).sort()).toEqual([
      'churn--eval',
      'churn--train',
    ]);
    expect(byName(entities, 'churn--train').spec?.type).toBe('ml-model');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /dataset churn\/train maps to catalog entity resource:default\/churn--train, which model churn--train already uses; skipped/,
      ),
    );
  });

  it('leaves an entity alone in a delta when its dataset name is contested', async () => {
    const { fake, provider, connection, mutations, logger } = setup();
    fake.projects = [project({ name: 'churn' }), project({ name: 'other' })];
    fake.models = [model({ name: 'churn--train', project: 'other' })];
    fake.datasets = [dataset({ name: 'train', project: 'churn' })];
    await provider.connect(connection);

    await provider.applyChange({
      entity: 'dataset',
      action: 'updated',
      project: 'churn',
      name: 'train',
    });

    expect(mutations).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'ML Home dataset churn/train and model churn--train both map to catalog entity resource:default/churn--train',
      ),
    );
  });

  it('keeps long dataset entity names within the catalog rules and unique', async () => {
    const { fake, provider, connection, mutations } = setup();
    const longProject = `p${'x'.repeat(50)}`;
    fake.projects = [project({ name: longProject })];
    fake.datasets = [
      dataset({ name: `${'d'.repeat(40)}-one`, project: longProject }),
      dataset({ name: `${'d'.repeat(40)}-two`, project: longProject }),
    ];
    await provider.connect(connection);

    await provider.refresh();

    const names = fullEntities(mutations[0]).map(e => e.metadata.name);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(63);
      expect(name).toMatch(/^[a-z0-9][a-z0-9-_.]*[a-z0-9]$/);
    }
  });

  it('drops what ML Home no longer has at the next full run', async () => {
    const { fake, provider, connection, mutations } = setup();
    demo(fake);
    await provider.connect(connection);
    await provider.refresh();
    fake.models = fake.models.filter(m => m.name !== 'search-ranking-model');
    fake.projects = fake.projects.filter(p => p.name !== 'churn-prediction');

    await provider.refresh();

    expect(fullEntities(mutations[1])).toEqual([]);
  });

  it('applies a changed model as a delta, with the serving components read again', async () => {
    const { fake, provider, connection, mutations } = setup();
    demo(fake);
    await provider.connect(connection);
    fake.deployments.push(
      deployment({
        model: 'search-ranking-model',
        service: 'component:default/search-ranker',
      }),
    );

    await provider.applyChange({
      entity: 'deployment',
      action: 'created',
      project: 'search-ranking',
      name: 'search-ranking-model',
    });

    expect(mutations).toHaveLength(1);
    const delta = mutations[0];
    expect(delta.type).toBe('delta');
    if (delta.type !== 'delta') return;
    expect(delta.removed).toEqual([]);
    expect(delta.added).toHaveLength(1);
    expect(delta.added[0].locationKey).toBe('MlHomeEntityProvider');
    expect(delta.added[0].entity.metadata.name).toBe('search-ranking-model');
    expect(delta.added[0].entity.spec?.dependencyOf).toEqual([
      'component:default/search-ranker',
    ]);
  });

  it('removes a deleted model (404) in a delta', async () => {
    const { fake, provider, connection, mutations } = setup();
    demo(fake);
    await provider.connect(connection);
    fake.models = fake.models.filter(m => m.name !== 'churn-prediction-model');

    await provider.applyChange({
      entity: 'model',
      action: 'deleted',
      project: 'churn-prediction',
      name: 'churn-prediction-model',
    });

    expect(mutations).toEqual([
      {
        type: 'delta',
        added: [],
        removed: [
          {
            entityRef: 'resource:default/churn-prediction-model',
            locationKey: 'MlHomeEntityProvider',
          },
        ],
      },
    ]);
  });

  it('adds a changed dataset and removes a deleted one', async () => {
    const { fake, provider, connection, mutations } = setup();
    demo(fake);
    await provider.connect(connection);

    await provider.applyChange({
      entity: 'dataset',
      action: 'updated',
      project: 'churn-prediction',
      name: 'churn-prediction-train',
    });
    fake.datasets = [];
    await provider.applyChange({
      entity: 'dataset',
      action: 'deleted',
      project: 'churn-prediction',
      name: 'churn-prediction-train',
    });

    expect(mutations).toHaveLength(2);
    const [added, removed] = mutations;
    if (added.type !== 'delta' || removed.type !== 'delta') {
      throw new Error('expected deltas');
    }
    expect(added.added.map(e => e.entity.spec?.dependencyOf)).toEqual([
      ['resource:default/churn-prediction-model'],
    ]);
    expect(removed.removed).toEqual([
      {
        entityRef: 'resource:default/churn-prediction--churn-prediction-train',
        locationKey: 'MlHomeEntityProvider',
      },
    ]);
  });

  it("re-reads a changed project's models and datasets", async () => {
    const { fake, provider, connection, mutations } = setup();
    demo(fake);
    await provider.connect(connection);
    fake.projects[0] = { ...fake.projects[0], owner: 'group:default/new-team' };

    await provider.applyChange({
      entity: 'project',
      action: 'updated',
      project: 'churn-prediction',
      name: 'churn-prediction',
    });

    expect(mutations).toHaveLength(1);
    const delta = mutations[0];
    if (delta.type !== 'delta') throw new Error('expected a delta');
    expect(
      delta.added.map(e => [e.entity.metadata.name, e.entity.spec?.owner]),
    ).toEqual([
      // The model keeps its own owner; datasets follow the project's.
      ['churn-prediction-model', 'group:default/churn-prediction'],
      ['churn-prediction--churn-prediction-train', 'group:default/new-team'],
      ['churn-prediction--subscriber-features', 'group:default/new-team'],
    ]);
    expect(
      delta.added.find(e => e.entity.metadata.name === 'churn-prediction-model')
        ?.entity.spec?.dependencyOf,
    ).toEqual([
      'component:default/churn-scoring-service',
      'component:default/retention-offers',
    ]);
  });

  it('asks for a full run when a project is gone', async () => {
    const { fake, provider, connection, mutations, scheduler } = setup();
    demo(fake);
    await provider.connect(connection);
    fake.projects = fake.projects.filter(p => p.name !== 'churn-prediction');

    await provider.applyChange({
      entity: 'project',
      action: 'deleted',
      project: 'churn-prediction',
      name: 'churn-prediction',
    });

    expect(mutations).toEqual([]);
    expect(scheduler.triggerTask).toHaveBeenCalledWith(
      'MlHomeEntityProvider:refresh',
    );
  });

  it('schedules its full run with the configured schedule', async () => {
    const { provider, scheduler, connection, fake, mutations } = setup();
    demo(fake);
    await provider.connect(connection);

    await provider.start();

    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'MlHomeEntityProvider:refresh',
        frequency: { minutes: 10 },
        timeout: { minutes: 10 },
      }),
    );
    await scheduler.scheduleTask.mock.calls[0][0].fn(
      new AbortController().signal,
    );
    expect(fullEntities(mutations[0])).toHaveLength(4);
  });

  it('tries a failed scheduled run again within seconds, with backoff, until ML Home answers', async () => {
    const { fake, logger, scheduler, connection, mutations } = setup();
    demo(fake);
    const waits: number[] = [];
    const provider = new MlHomeEntityProvider({
      client: fake,
      logger,
      scheduler,
      schedule: { frequency: { minutes: 10 }, timeout: { minutes: 10 } },
      appBaseUrl: 'https://portal.example.com/',
      retry: {
        sleep: async ms => {
          waits.push(ms);
        },
      },
    });
    await provider.connect(connection);
    const listProjects = fake.listProjects.bind(fake);
    let failures = 2;
    fake.listProjects = async request => {
      if (failures-- > 0) {
        throw new Error('503 Service has not started up yet');
      }
      return listProjects(request);
    };

    await provider.start();
    await scheduler.scheduleTask.mock.calls[0][0].fn(
      new AbortController().signal,
    );

    expect(waits).toEqual([2000, 4000]);
    expect(mutations).toHaveLength(1);
    expect(fullEntities(mutations[0])).toHaveLength(4);
  });

  it('coalesces queued events for the same object and ignores malformed payloads', async () => {
    const { fake, provider, connection, mutations } = setup();
    demo(fake);
    await provider.connect(connection);
    const event = {
      entity: 'model' as const,
      action: 'updated' as const,
      project: 'churn-prediction',
      name: 'churn-prediction-model',
    };

    provider.onEvent({ hello: 'world' });
    provider.onEvent({ ...event, name: '' });
    const first = provider.enqueue(event);
    provider.enqueue(event);
    await provider.enqueue(event);
    await first;

    // The first is taken at once; the two that queued behind it are one.
    expect(fake.calls.getModel).toBe(2);
    expect(mutations).toHaveLength(2);
  });

  it('fails a run, without a mutation, when it is not connected or ML Home fails', async () => {
    const { fake, provider, connection, mutations } = setup();
    demo(fake);
    await expect(provider.refresh()).rejects.toThrow(/not connected/);

    await provider.connect(connection);
    fake.searchDatasets = async () => {
      throw new Error('ML Home is down');
    };
    await expect(provider.refresh()).rejects.toThrow('ML Home is down');
    expect(mutations).toEqual([]);
  });
});
