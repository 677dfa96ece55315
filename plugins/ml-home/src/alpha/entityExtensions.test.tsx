import type { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  entityMlContent,
  entityMlModelsCard,
  entityMlProjectsCard,
} from './entityExtensions';

const entity = (kind: string, type?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', namespace: 'default' },
  spec: type ? { type } : {},
});

const component = entity('Component', 'service');
const mlModel = entity('Resource', 'ml-model');
const dataset = entity('Resource', 'dataset');
const group = entity('Group', 'team');
const api = entity('API', 'openapi');

describe('ML Home entity extensions', () => {
  it('adds the ML tab at /ml to components and ml-model resources only', () => {
    // The tab's title is a message of the translation ref, resolved by the app's translation API.
    const tester = createExtensionTester(entityMlContent, {
      apis: [mockApis.translation()],
    });
    expect(tester.get(coreExtensionData.routePath)).toBe('/ml');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('ML');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect([component, mlModel, dataset, group, api].map(filter)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('puts the ML models card on components and groups, the ML projects card on groups', () => {
    const models = createExtensionTester(entityMlModelsCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect([component, group, mlModel, api].map(models)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const projects = createExtensionTester(entityMlProjectsCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect([component, group, mlModel].map(projects)).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('lets an app narrow a card through config', () => {
    const models = createExtensionTester(entityMlModelsCard, {
      config: { filter: { kind: 'group' } },
    }).get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect([component, group].map(models)).toEqual([false, true]);
  });
});
