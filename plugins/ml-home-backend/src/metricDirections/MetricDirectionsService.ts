import { InputError } from '@backstage/errors';
import {
  MetricDirection,
  MetricDirections,
  metricDirectionsProblems,
} from '@ml-home/plugin-ml-home-common';
import { Caller } from '../domain/Caller';
import { ModelScope, ProjectScope } from '../domain/scopes';
import {
  DirectionsByMetric,
  MetricDirectionsStore,
} from './DatabaseMetricDirectionsStore';

/**
 * Declared metric directions: a project's owners say which way its metrics are better, and a
 * model may say it differently for its own. Knows nothing of permissions.
 */
export interface MetricDirectionsService {
  getProjectDirections(
    caller: Caller,
    scope: ProjectScope,
  ): Promise<DirectionsByMetric>;
  setProjectDirections(
    caller: Caller,
    scope: ProjectScope,
    request: MetricDirections,
  ): Promise<DirectionsByMetric>;
  getModelDirections(
    caller: Caller,
    scope: ModelScope,
  ): Promise<DirectionsByMetric>;
  setModelDirections(
    caller: Caller,
    scope: ModelScope,
    request: MetricDirections,
  ): Promise<DirectionsByMetric>;
}

/*
 * The spec already bounds the count and the values; this says what it cannot (a blank or
 * over-long key) and guards in-process callers (demo data), whose bodies are not validated.
 */
function parseDirections(request: MetricDirections): DirectionsByMetric {
  const directions = request?.directions;
  if (
    typeof directions !== 'object' ||
    directions === null ||
    Array.isArray(directions)
  ) {
    throw new InputError(
      'directions: must be an object from metric key to higher or lower',
    );
  }
  const problems = metricDirectionsProblems('directions', directions);
  if (problems.length > 0) {
    throw new InputError(problems.join('; '));
  }
  // Own keys only, into a Map: a metric may be called `__proto__`.
  return new Map(
    Object.keys(directions).map(key => [
      key,
      directions[key] as MetricDirection,
    ]),
  );
}

/** The rules over the metric directions store. */
export class DefaultMetricDirectionsService implements MetricDirectionsService {
  constructor(private readonly store: MetricDirectionsStore) {}

  getProjectDirections(_caller: Caller, { project }: ProjectScope) {
    return this.store.getProjectDirections(project.id);
  }

  async setProjectDirections(
    caller: Caller,
    { project }: ProjectScope,
    request: MetricDirections,
  ) {
    const directions = parseDirections(request);
    await this.store.setProjectDirections(project.id, directions, caller.actor);
    return directions;
  }

  getModelDirections(_caller: Caller, { model }: ModelScope) {
    return this.store.getModelDirections(model.id);
  }

  async setModelDirections(
    caller: Caller,
    { model }: ModelScope,
    request: MetricDirections,
  ) {
    const directions = parseDirections(request);
    await this.store.setModelDirections(model.id, directions, caller.actor);
    return directions;
  }
}
