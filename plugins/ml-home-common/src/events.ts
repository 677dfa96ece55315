/**
 * The topic on Backstage's events service where the ML Home backend announces changes that other
 * plugins mirror (the catalog entity provider, search). Published after the change has committed.
 *
 * @public
 */
export const ML_HOME_EVENTS_TOPIC = 'ml-home';

/**
 * What changed in ML Home. `name` is the project, model or dataset name; for a deployment it is
 * the model's name, since a deployment changes which services serve that model.
 *
 * @public
 */
export type MlHomeChangeEvent = {
  entity: 'project' | 'model' | 'dataset' | 'deployment';
  action: 'created' | 'updated' | 'deleted';
  project: string;
  name: string;
};
