import {
  metricDirection,
  MetricDirection,
} from '@ml-home/plugin-ml-home-common';

/** Who says which way a metric is better. */
export type DirectionSource = 'model' | 'project' | 'evaluation' | 'heuristic';

/**
 * Declared metric directions of a model and its project, with who declared each: the
 * metric-directions resolver (`resolveMetricDirections` bound to the stores). Metrics absent from
 * the answer have no known direction.
 */
export type MetricDirectionsResolver = (target: {
  projectName: string;
  modelName: string;
  metrics: Iterable<string>;
}) => Promise<
  Map<string, { direction: MetricDirection; source: DirectionSource }>
>;

/** The direction of each metric and its source; metrics with no known direction are left out. */
export interface JudgedDirections {
  directions: Record<string, MetricDirection>;
  sources: Map<string, DirectionSource>;
  unknown: string[];
}

/**
 * Which way each of `metrics` is better: the model's or project's declaration (through the
 * resolver), else the evaluation's own declaration, else — only when no resolver is given — a
 * guess from the metric's name. With a resolver, a metric nobody declared and whose name settles
 * nothing has no direction, and is never called a regression.
 */
export async function judgeDirections(
  metrics: Iterable<string>,
  target: { projectName: string; modelName: string },
  resolver: MetricDirectionsResolver | undefined,
  evaluationDeclared: Record<string, MetricDirection> = {},
): Promise<JudgedDirections> {
  const keys = [...new Set(metrics)].sort();
  const resolved = resolver
    ? await resolver({ ...target, metrics: keys })
    : undefined;
  const directions: Record<string, MetricDirection> = Object.create(null);
  const sources = new Map<string, DirectionSource>();
  const unknown: string[] = [];
  for (const key of keys) {
    const fromResolver = resolved?.get(key);
    if (
      fromResolver &&
      (fromResolver.source === 'model' || fromResolver.source === 'project')
    ) {
      directions[key] = fromResolver.direction;
      sources.set(key, fromResolver.source);
    } else if (Object.prototype.hasOwnProperty.call(evaluationDeclared, key)) {
      directions[key] = evaluationDeclared[key];
      sources.set(key, 'evaluation');
    } else if (fromResolver) {
      directions[key] = fromResolver.direction;
      sources.set(key, 'heuristic');
    } else if (!resolver) {
      directions[key] = metricDirection(key);
      sources.set(key, 'heuristic');
    } else {
      unknown.push(key);
    }
  }
  return { directions, sources, unknown };
}

/** A sentence saying where the directions came from, so a guess is never mistaken for a fact. */
export function describeDirections(judged: JudgedDirections): string {
  const by = (source: DirectionSource) =>
    [...judged.sources].filter(([, s]) => s === source).map(([k]) => k);
  const parts: string[] = [];
  const declared = [...by('model'), ...by('project'), ...by('evaluation')];
  if (declared.length) {
    parts.push(`declared for ${declared.join(', ')}`);
  }
  const guessed = by('heuristic');
  if (guessed.length) {
    parts.push(
      `guessed from the name for ${guessed.join(', ')} (declare them to be sure)`,
    );
  }
  if (judged.unknown.length) {
    parts.push(
      `unknown for ${judged.unknown.join(', ')} (not judged; declare them)`,
    );
  }
  return parts.length ? `Metric directions: ${parts.join('; ')}.` : '';
}

/** Whether a metric name matches one of the patterns (`*` any characters, case-insensitive). */
export function matchesMetricPattern(
  metric: string,
  patterns: readonly string[],
): boolean {
  return patterns.some(pattern => {
    const source = pattern
      .split('*')
      .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    return new RegExp(`^${source}$`, 'i').test(metric);
  });
}
