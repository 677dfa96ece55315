import { BasicPermission } from '@backstage/plugin-permission-common';
import { Caller } from '../domain/Caller';
import { Finder, ProjectRef } from './finders';
import { ProjectAuthorizer, ProjectPermission } from './ProjectAuthorizer';

/*
 * Authorization as one table-driven wrapper. Each resource's services take what a route
 * addresses already found (a scope: the project, the model and its project, …); each resource
 * declares, operation by operation, which permission the operation needs and how its resource is
 * found (see the `*Access.ts` file in each resource's folder). `authorize` turns the services and
 * that table into what the routes call: the same operations addressed by route parameters, which
 * find the resource once, decide on its project, and hand the found resource on.
 */

/** The arguments of a service method after the caller. */
type ArgsOf<F> = F extends (
  caller: Caller,
  ...args: infer A
) => Promise<unknown>
  ? A
  : never;

/** The arguments of a service method after the caller and the scope. */
type RestOf<F> = F extends (
  caller: Caller,
  scope: never,
  ...rest: infer R
) => Promise<unknown>
  ? R
  : never;

/** The scope a service method takes after the caller. */
type ScopeOf<F> = F extends (
  caller: Caller,
  scope: infer S,
  ...rest: never[]
) => Promise<unknown>
  ? S
  : never;

type ResultOf<F> = F extends (...args: never[]) => infer R ? R : never;

/**
 * An operation on one resource (or a few, named in the body): the permission is asked on the
 * project of each, and the found scope is handed to the service.
 */
export interface OnResource<TAddress, TScope, TRest extends unknown[]> {
  permission: ProjectPermission;
  on: Finder<TAddress, TScope>;
  /**
   * What else the request must be allowed, beyond the resource's own project: what its body
   * names elsewhere (runs, datasets, baselines) or gives away (an owner group).
   */
  also?: (caller: Caller, scope: TScope, ...rest: TRest) => Promise<void>;
}

/**
 * A list across projects: the service gets the caller's read conditions to push into its query,
 * and the caller who may read no project gets `readable` (the empty answer).
 */
export interface OnReadableProjects<TResult> {
  readable: TResult;
}

/** An operation on no existing project (creating one): a basic permission. */
export interface OnPermission<TArgs extends unknown[]> {
  basic: BasicPermission;
  also?: (caller: Caller, ...args: TArgs) => Promise<void>;
}

/** How one service method is authorized. */
export type Access<F> =
  | OnResource<never, ScopeOf<F>, RestOf<F>>
  | OnReadableProjects<Awaited<ResultOf<F>>>
  | OnPermission<ArgsOf<F>>;

/** The access rules of a service's operations, each named by its method. */
export type AccessTable<TService> = {
  [K in keyof TService]?: Access<TService[K]>;
};

/** What the routes call: the table's operations, addressed by what the route names. */
export type Authorized<TService, TTable> = {
  [K in keyof TTable & keyof TService]: TTable[K] extends {
    on: Finder<infer A, infer _S>;
  }
    ? (
        caller: Caller,
        address: A,
        ...rest: RestOf<TService[K]>
      ) => ResultOf<TService[K]>
    : TTable[K] extends OnReadableProjects<unknown>
      ? (caller: Caller, ...rest: RestOf<TService[K]>) => ResultOf<TService[K]>
      : (caller: Caller, ...args: ArgsOf<TService[K]>) => ResultOf<TService[K]>;
};

type UntypedMethod = (caller: Caller, ...args: unknown[]) => Promise<unknown>;
type UntypedAccess =
  | OnResource<unknown, unknown, unknown[]>
  | OnReadableProjects<unknown>
  | OnPermission<unknown[]>;

/** Each project once, in the order they come. */
function distinct(projects: ProjectRef[]): ProjectRef[] {
  const seen = new Set<string>();
  return projects.filter(p => !seen.has(p.name) && !!seen.add(p.name));
}

function wrap<TService extends object, TTable extends AccessTable<TService>>(
  inner: TService,
  table: TTable,
  guard: (access: UntypedAccess, method: UntypedMethod) => UntypedMethod,
): Authorized<TService, TTable> {
  const wrapped: Record<string, UntypedMethod> = {};
  for (const [name, access] of Object.entries(table)) {
    const method = Reflect.get(inner, name) as UntypedMethod;
    wrapped[name] = guard(access as UntypedAccess, method.bind(inner));
  }
  return wrapped as unknown as Authorized<TService, TTable>;
}

/**
 * The routes' view of a service: every operation in `table` finds its resource, asks the
 * permission on its project(s) (and anything else the table says), then calls the service with
 * what it found. Operations missing from the table are not exposed.
 */
export function authorize<
  TService extends object,
  TTable extends AccessTable<TService>,
>(
  inner: TService,
  table: TTable,
  authorizer: ProjectAuthorizer,
): Authorized<TService, TTable> {
  return wrap(inner, table, (access, method) => {
    if ('on' in access) {
      return async (caller, address, ...rest) => {
        const scope = await access.on.find(address);
        const projects = distinct(access.on.projectsOf(scope));
        if (projects.length) {
          // One decision for every project the operation touches (a comparison's many).
          const check = await authorizer.decide(caller, access.permission);
          projects.forEach(check);
        }
        await access.also?.(caller, scope, ...rest);
        return method(caller, scope, ...rest);
      };
    }
    if ('readable' in access) {
      return (caller, ...rest) =>
        authorizer.whenReadable(caller, access.readable, conditions =>
          method(caller, conditions, ...rest),
        );
    }
    return async (caller, ...args) => {
      await authorizer.checkBasic(caller, access.basic);
      await access.also?.(caller, ...args);
      return method(caller, ...args);
    };
  });
}

/**
 * The same operations for trusted code inside the plugin (demo data written at start-up): each
 * finds its resource and calls the service, with no permission asked and nothing else checked.
 */
export function addressed<
  TService extends object,
  TTable extends AccessTable<TService>,
>(inner: TService, table: TTable): Authorized<TService, TTable> {
  return wrap(inner, table, (access, method) => {
    if ('on' in access) {
      return async (caller, address, ...rest) =>
        method(caller, await access.on.find(address), ...rest);
    }
    if ('readable' in access) {
      return (caller, ...rest) => method(caller, undefined, ...rest);
    }
    return method;
  });
}
