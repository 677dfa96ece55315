import type { MetricDirections } from '@ml-home/plugin-ml-home-common';
import { DirectionsByMetric } from './DatabaseMetricDirectionsStore';

/** Declared directions as the wire's object; `Object.fromEntries` keeps `__proto__` an own key. */
export function metricDirectionsToWire(
  directions: DirectionsByMetric,
): MetricDirections {
  return { directions: Object.fromEntries(directions) };
}
