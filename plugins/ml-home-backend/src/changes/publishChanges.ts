import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  ML_HOME_EVENTS_TOPIC,
  MlHomeChangeEvent,
} from '@ml-home/plugin-ml-home-common';
import { parseDatasetReference } from '../datasets/datasetReference';
import { MlHomeService } from '../service/MlHomeService';

type Method = {
  [K in keyof MlHomeService]: MlHomeService[K] extends (
    ...args: any[]
  ) => Promise<any>
    ? K
    : never;
}[keyof MlHomeService];

/** What a successful call changed, from its arguments and result. */
type ChangesOf<K extends Method> = (
  args: Parameters<MlHomeService[K]>,
  result: Awaited<ReturnType<MlHomeService[K]>>,
  inner: MlHomeService,
) => Promise<MlHomeChangeEvent[]> | MlHomeChangeEvent[];

const change = (
  entity: MlHomeChangeEvent['entity'],
  action: MlHomeChangeEvent['action'],
  project: string,
  name: string,
): MlHomeChangeEvent => ({ entity, action, project, name });

/**
 * The writes other plugins mirror (the catalog's entities, search documents), and the change each
 * announces. Writes that only touch runs or metrics announce nothing: nothing outside ML Home
 * mirrors them, and they are by far the most frequent.
 */
const CHANGES: { [K in Method]?: ChangesOf<K> } = {
  createProject: (_args, p) => [change('project', 'created', p.name, p.name)],
  updateProject: (_args, p) => [change('project', 'updated', p.name, p.name)],
  deleteProject: ([, name]) => [change('project', 'deleted', name, name)],
  restoreProject: (_args, p) => [change('project', 'updated', p.name, p.name)],
  createModel: (_args, m) => [change('model', 'created', m.project, m.name)],
  createModelVersion: async ([, model], _v, inner) => [
    change(
      'model',
      'updated',
      (await inner.resolveModel(model)).project.name,
      model,
    ),
  ],
  setModelAlias: async ([, model], _a, inner) => [
    change(
      'model',
      'updated',
      (await inner.resolveModel(model)).project.name,
      model,
    ),
  ],
  deleteModelAlias: async ([, model], _r, inner) => [
    change(
      'model',
      'updated',
      (await inner.resolveModel(model)).project.name,
      model,
    ),
  ],
  createDataset: (_args, d) => [
    change('dataset', 'created', d.project, d.name),
  ],
  // A run reading a dataset changes which models the dataset feeds, in whichever project it is.
  addRunInputs: async ([, runId], refs, inner) => {
    const runProject = (await inner.resolveRunProject(runId)).name;
    return refs.map(ref => {
      const { project, name } = parseDatasetReference(ref, runProject);
      return change('dataset', 'updated', project, name);
    });
  },
  createDeployment: (_args, d) => [
    change('deployment', 'created', d.project, d.model),
  ],
  retireDeployment: (_args, d) => [
    change('deployment', 'updated', d.project, d.model),
  ],
};

/**
 * Wraps the service so that every successful write listed in {@link CHANGES} is announced on the
 * events service (topic {@link ML_HOME_EVENTS_TOPIC}) after it has committed. Announcing is best
 * effort: the write has happened, so a failure to announce is logged, never turned into an error
 * (the catalog's scheduled full refresh catches up).
 */
export function publishChanges(
  inner: MlHomeService,
  events: EventsService,
  logger: LoggerService,
): MlHomeService {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      const changesOf = CHANGES[property as Method] as
        ChangesOf<Method> | undefined;
      if (typeof value !== 'function' || !changesOf) {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (...args: any[]) => {
        const result = await value.apply(target, args);
        try {
          for (const payload of await changesOf(args as any, result, target)) {
            await events.publish({
              topic: ML_HOME_EVENTS_TOPIC,
              eventPayload: payload,
            });
          }
        } catch (error) {
          logger.warn(
            `ML Home could not announce a change (${String(property)}): ${error}`,
          );
        }
        return result;
      };
    },
  });
}
