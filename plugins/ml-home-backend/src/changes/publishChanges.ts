import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  ML_HOME_EVENTS_TOPIC,
  MlHomeChangeEvent,
} from '@ml-home/plugin-ml-home-common';

/**
 * For each write of a service that other plugins mirror (the catalog's entities, search
 * documents), the changes it announces, from the call's arguments and result. Writes that only
 * touch runs or metrics announce nothing: nothing outside ML Home mirrors them, and they are by
 * far the most frequent.
 */
export type ChangeTable<TService> = {
  [K in keyof TService]?: TService[K] extends (
    ...args: infer A
  ) => Promise<infer R>
    ? (args: A, result: R) => MlHomeChangeEvent[]
    : never;
};

/** One announced change. */
export const change = (
  entity: MlHomeChangeEvent['entity'],
  action: MlHomeChangeEvent['action'],
  project: string,
  name: string,
): MlHomeChangeEvent => ({ entity, action, project, name });

type UntypedMethod = (...args: unknown[]) => Promise<unknown>;
type UntypedChanges = (args: unknown[], result: unknown) => MlHomeChangeEvent[];

/**
 * Wraps a service so that every successful write listed in `changes` is announced on the events
 * service (topic {@link ML_HOME_EVENTS_TOPIC}) after it has committed. Announcing is best effort:
 * the write has happened, so a failure to announce is logged, never turned into an error (the
 * catalog's scheduled full refresh catches up).
 */
export function publishChanges<TService extends object>(
  inner: TService,
  changes: ChangeTable<TService>,
  events: EventsService,
  logger: LoggerService,
): TService {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') {
        return value;
      }
      const method = (value as UntypedMethod).bind(target);
      const changesOf = Reflect.get(changes, property) as
        UntypedChanges | undefined;
      if (!changesOf) {
        return method;
      }
      return async (...args: unknown[]) => {
        const result = await method(...args);
        try {
          for (const payload of changesOf(args, result)) {
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
