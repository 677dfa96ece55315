import {
  DeclaredMetricDirections,
  MetricDirection,
  ResolvedMetricDirection,
  resolveMetricDirection,
} from '@ml-home/plugin-ml-home-common';
import {
  DirectionsByMetric,
  MetricDirectionsStore,
} from './DatabaseMetricDirectionsStore';

/** A metric's direction from declarations or its name; never `evaluation` here. */
export interface ModelMetricDirection extends ResolvedMetricDirection {
  source: 'model' | 'project' | 'heuristic';
}

function toRecord(
  directions: DirectionsByMetric | undefined,
): Record<string, MetricDirection> | undefined {
  // Object.fromEntries defines own properties, so `__proto__` stays a metric.
  return directions && directions.size > 0
    ? Object.fromEntries(directions)
    : undefined;
}

/**
 * What several projects and models declare, in two queries: a function from a (project, model)
 * pair to its declarations, for the comparison and the evaluations to resolve each item's
 * metrics.
 */
export async function loadDeclaredMetricDirections(
  store: Pick<MetricDirectionsStore, 'getDeclared'>,
  owners: { project: string; model?: string }[],
): Promise<
  (owner: { project: string; model?: string }) => DeclaredMetricDirections
> {
  const { projects, models } = await store.getDeclared({
    projects: owners.map(o => o.project),
    models: owners.flatMap(o => (o.model ? [o.model] : [])),
  });
  const projectRecords = new Map(
    [...projects].map(([name, d]) => [name, toRecord(d)]),
  );
  const modelRecords = new Map(
    [...models].map(([name, d]) => [name, toRecord(d)]),
  );
  return ({ project, model }) => ({
    project: projectRecords.get(project),
    model: model ? modelRecords.get(model) : undefined,
  });
}

/**
 * Which way each metric of a model is better and who says so: the model's declaration, else its
 * project's, else a guess from a well-known name (`source: 'heuristic'`). Metrics nobody
 * declared are in the map only when named in `metrics` and their name settles the direction;
 * any other metric's direction is unknown, and nothing about it is better or a regression.
 *
 * The certification's regression check and any other backend code that judges a metric use this.
 *
 * @param stores - the stores (only the metric directions store is read)
 * @param target - the project, optionally the model, and the metric keys to resolve beyond the
 *   declared ones
 */
export async function resolveMetricDirections(
  stores: { metricDirections: Pick<MetricDirectionsStore, 'getDeclared'> },
  target: {
    projectName: string;
    modelName?: string;
    metrics?: Iterable<string>;
  },
): Promise<Map<string, ModelMetricDirection>> {
  const declaredFor = await loadDeclaredMetricDirections(
    stores.metricDirections,
    [{ project: target.projectName, model: target.modelName }],
  );
  const declared = declaredFor({
    project: target.projectName,
    model: target.modelName,
  });
  const keys = new Set<string>([
    ...Object.keys(declared.project ?? {}),
    ...Object.keys(declared.model ?? {}),
    ...(target.metrics ?? []),
  ]);
  const out = new Map<string, ModelMetricDirection>();
  for (const key of [...keys].sort()) {
    const resolved = resolveMetricDirection(key, declared);
    if (resolved && resolved.source !== 'evaluation') {
      out.set(key, { direction: resolved.direction, source: resolved.source });
    }
  }
  return out;
}
