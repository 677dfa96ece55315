import { ChangeTable, change } from '../changes/publishChanges';
import { ModelsService } from './ModelsService';

/** What model writes announce: the catalog mirrors a model with its versions and aliases. */
export const modelsChanges: ChangeTable<ModelsService> = {
  createModel: (_args, m) => [change('model', 'created', m.project, m.name)],
  createModelVersion: ([, { model, project }]) => [
    change('model', 'updated', project.name, model.name),
  ],
  setModelAlias: ([, { model, project }]) => [
    change('model', 'updated', project.name, model.name),
  ],
  deleteModelAlias: ([, { model, project }]) => [
    change('model', 'updated', project.name, model.name),
  ],
};
