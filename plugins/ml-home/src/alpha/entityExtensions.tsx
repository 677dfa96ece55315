import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { ML_MODEL_RESOURCE_TYPE } from '../components/entity/entityPredicates';
import { mlHomeTranslationRef } from '../translation';

/*
 * Filters are declarative predicates, so an app can narrow or widen them in app-config
 * (`app.extensions: - entity-card:ml-home/ml-models: { config: { filter: … } } }`).
 */

/**
 * The "ML" tab: on a component, the models it serves; on an ml-model Resource, the model page
 * inside the catalog.
 */
export const entityMlContent = EntityContentBlueprint.make({
  name: 'ml',
  params: {
    path: '/ml',
    title: mlHomeTranslationRef('entity.tabTitle'),
    // Components (whatever serves a model) and the Resources that stand for ML Home models.
    filter: {
      $any: [
        { kind: 'component' },
        { kind: 'resource', 'spec.type': ML_MODEL_RESOURCE_TYPE },
      ],
    },
    loader: () =>
      import('../components/entity/EntityMlContent').then(m => (
        <m.EntityMlContent />
      )),
  },
});

/** The "ML models" card on the overview of components (what they serve) and groups (what they own). */
export const entityMlModelsCard = EntityCardBlueprint.make({
  name: 'ml-models',
  params: {
    filter: { $any: [{ kind: 'component' }, { kind: 'group' }] },
    loader: () =>
      import('../components/entity/EntityMlModelsCard').then(m => (
        <m.EntityMlModelsCard />
      )),
  },
});

/** The "ML projects" card on a group's overview: the team's project spaces. */
export const entityMlProjectsCard = EntityCardBlueprint.make({
  name: 'ml-projects',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../components/entity/EntityMlProjectsCard').then(m => (
        <m.EntityMlProjectsCard />
      )),
  },
});

/** The catalog entity page extensions of ML Home: the ML tab and the two cards. */
export const mlHomeEntityExtensions = [
  entityMlContent,
  entityMlModelsCard,
  entityMlProjectsCard,
];
