import { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessorResult,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import { MlHomeModelsAnnotationProcessor } from './MlHomeModelsAnnotationProcessor';

const location: LocationSpec = {
  type: 'url',
  target: 'https://git.example.com/churn/catalog-info.yaml',
};

function entity(kind: string, annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name: 'churn-scoring-service',
      namespace: 'default',
      annotations,
    },
    spec: {
      type: 'service',
      owner: 'churn-prediction',
      lifecycle: 'production',
    },
  };
}

async function process(e: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  const result = await new MlHomeModelsAnnotationProcessor().postProcessEntity(
    e,
    location,
    r => emitted.push(r),
  );
  expect(result).toBe(e);
  return emitted;
}

describe('MlHomeModelsAnnotationProcessor', () => {
  it('relates a component to each model it names, both ways', async () => {
    const emitted = await process(
      entity('Component', {
        'ml-home.io/models':
          ' churn-prediction-model, ,subscription-upsell-model,churn-prediction-model ',
      }),
    );
    const self = {
      kind: 'Component',
      namespace: 'default',
      name: 'churn-scoring-service',
    };
    const model = (name: string) => ({
      kind: 'resource',
      namespace: 'default',
      name,
    });
    expect(emitted).toEqual([
      {
        type: 'relation',
        relation: {
          source: self,
          type: 'dependsOn',
          target: model('churn-prediction-model'),
        },
      },
      {
        type: 'relation',
        relation: {
          source: model('churn-prediction-model'),
          type: 'dependencyOf',
          target: self,
        },
      },
      {
        type: 'relation',
        relation: {
          source: self,
          type: 'dependsOn',
          target: model('subscription-upsell-model'),
        },
      },
      {
        type: 'relation',
        relation: {
          source: model('subscription-upsell-model'),
          type: 'dependencyOf',
          target: self,
        },
      },
    ]);
  });

  it('emits nothing for a component without the annotation or for other kinds', async () => {
    expect(await process(entity('Component'))).toEqual([]);
    expect(
      await process(entity('Component', { 'ml-home.io/models': ' , ' })),
    ).toEqual([]);
    expect(
      await process(
        entity('System', { 'ml-home.io/models': 'churn-prediction-model' }),
      ),
    ).toEqual([]);
    expect(
      await process(
        entity('Resource', { 'ml-home.io/models': 'churn-prediction-model' }),
      ),
    ).toEqual([]);
  });

  it('reports names that are not model names as an error on the component, and relates the rest', async () => {
    const emitted = await process(
      entity('component', {
        'ml-home.io/models':
          'Churn_Model, good-model, resource:default/x, -dash',
      }),
    );
    expect(emitted.filter(r => r.type === 'relation')).toHaveLength(2);
    const errors = emitted.filter(r => r.type === 'error');
    expect(errors).toHaveLength(1);
    const [error] = errors as Extract<
      CatalogProcessorResult,
      { type: 'error' }
    >[];
    expect(error.location).toBe(location);
    expect(error.error.name).toBe('InputError');
    expect(error.error.message).toBe(
      'ml-home.io/models of churn-scoring-service names "Churn_Model", "resource:default/x", "-dash", which are not ML Home model names (lowercase letters, digits and dashes, at most 63 characters)',
    );
  });
});
