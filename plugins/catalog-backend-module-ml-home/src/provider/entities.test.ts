import {
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import {
  dataset,
  deployment,
  model,
  project,
} from '../__testUtils__/FakeMlHome';
import {
  datasetEntityName,
  datasetToEntity,
  modelToEntity,
  servingComponents,
} from './entities';

const policy = EntityPolicies.allOf([
  new FieldFormatEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

/** Runs the checks the catalog runs on a Resource; throws when one fails. */
async function catalogAccepts(entity: Entity): Promise<boolean> {
  await policy.enforce(entity);
  return resourceEntityV1alpha1Validator.check(entity);
}

describe('entity mapping', () => {
  const context = { appBaseUrl: 'http://localhost:3000' };
  const p = project({
    name: 'churn-prediction',
    title: 'Churn prediction',
    tags: ['tabular', 'x--y'],
    relatedEntities: ['system:default/subscriptions'],
  });

  it('makes model and dataset entities the catalog accepts', async () => {
    const modelEntity = modelToEntity({
      model: model({
        name: 'churn-prediction-model',
        project: p.name,
        description: 'A model.',
      }),
      project: p,
      deployments: [
        deployment({ model: 'churn-prediction-model', service: 'svc' }),
      ],
      context,
    });
    const datasetEntity = datasetToEntity({
      dataset: dataset({
        name: `${'d'.repeat(63)}`,
        project: `${'p'.repeat(63)}`,
        kind: 'feature-set',
        consumers: {
          runCount: 1,
          runs: [],
          modelVersions: [{ model: 'm', version: 1 }],
        },
      }),
      project: { ...p, name: 'p'.repeat(63) },
      context,
    });
    await expect(catalogAccepts(modelEntity)).resolves.toBe(true);
    await expect(catalogAccepts(datasetEntity)).resolves.toBe(true);
  });

  it('names datasets <project>--<dataset>, hashed when too long', () => {
    expect(datasetEntityName('churn', 'train')).toBe('churn--train');
    const long = datasetEntityName('p'.repeat(30), 'd'.repeat(40));
    expect(long).toHaveLength(63);
    expect(long).toBe(`${'p'.repeat(30)}--${'d'.repeat(22)}-${long.slice(-8)}`);
    expect(long.slice(-8)).toMatch(/^[0-9a-f]{8}$/);
    expect(datasetEntityName('p'.repeat(30), 'd'.repeat(40))).toBe(long);
    expect(datasetEntityName('p'.repeat(30), `${'d'.repeat(39)}e`)).not.toBe(
      long,
    );
    // A cut that ends in a dash drops it: names may not end in one.
    expect(datasetEntityName('p'.repeat(53), 'd'.repeat(20))).toMatch(
      /^p{53}-[0-9a-f]{8}$/,
    );
  });

  it('counts only active deployments of the model, each component once', () => {
    expect(
      servingComponents('m', [
        deployment({ model: 'm', service: 'component:default/b' }),
        deployment({ model: 'm', service: 'a', environment: 'staging' }),
        deployment({ model: 'm', service: 'component:default/a' }),
        deployment({ model: 'm', service: 'c', status: 'retired' }),
        deployment({ model: 'other', service: 'd' }),
        deployment({ model: 'm', service: 'not a ref:::' }),
      ]),
    ).toEqual(['component:default/a', 'component:default/b']);
  });
});
