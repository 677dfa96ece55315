import {
  declaredModels,
  entityRefOf,
  isComponentEntity,
  isGroupEntity,
  isMlModelEntity,
  modelNameOf,
} from './entityPredicates';

const entity = (kind: string, spec: object = {}, annotations = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'Thing', namespace: 'default', annotations },
  spec,
});

describe('entity predicates', () => {
  // The splitting itself is -common's parseModelsAnnotation, tested there.
  it("reads a component's ml-home.io/models annotation", () => {
    expect(
      declaredModels(
        entity(
          'Component',
          {},
          { 'ml-home.io/models': 'churn-model, Not_A_Name churn-model' },
        ),
      ),
    ).toEqual({ names: ['churn-model'], invalid: ['Not_A_Name'] });
    expect(declaredModels(entity('Component'))).toEqual({
      names: [],
      invalid: [],
    });
  });

  it('recognises components, groups and ml-model resources whatever the case', () => {
    expect(isComponentEntity(entity('Component'))).toBe(true);
    expect(isComponentEntity(entity('API'))).toBe(false);
    expect(isGroupEntity(entity('Group'))).toBe(true);
    expect(isMlModelEntity(entity('Resource', { type: 'ml-model' }))).toBe(
      true,
    );
    expect(isMlModelEntity(entity('resource', { type: 'ML-Model' }))).toBe(
      true,
    );
    expect(isMlModelEntity(entity('Resource', { type: 'dataset' }))).toBe(
      false,
    );
    expect(isMlModelEntity(entity('Component', { type: 'ml-model' }))).toBe(
      false,
    );
  });

  it('names the model by its annotation, else the entity, and refs in lower case', () => {
    expect(
      modelNameOf(
        entity('Resource', {}, { 'ml-home.io/model': 'churn-model' }),
      ),
    ).toBe('churn-model');
    expect(modelNameOf(entity('Resource'))).toBe('Thing');
    expect(entityRefOf(entity('Component'))).toBe('component:default/thing');
  });
});
