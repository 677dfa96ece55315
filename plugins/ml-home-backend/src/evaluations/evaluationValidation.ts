import { InputError } from '@backstage/errors';
import {
  EvaluationResult,
  EvaluationThreshold,
  MetricDirection,
  isValidSlice,
  parseMetricValue,
} from '@ml-home/plugin-ml-home-common';
import { checkKey } from '../domain/validation';

/* Validation of evaluation content, shared by the evaluation routes and batch ingestion. */

const MAX_THRESHOLDS = 200;
const MAX_RESULTS = 10_000;

export function checkThresholds(
  field: string,
  thresholds: EvaluationThreshold[],
) {
  if (thresholds.length > MAX_THRESHOLDS) {
    throw new InputError(
      `${field} has ${thresholds.length} thresholds; at most ${MAX_THRESHOLDS} are allowed`,
    );
  }
  thresholds.forEach((t, i) => {
    checkKey(`${field}[${i}].metric`, t.metric);
    if (t.slice !== undefined && !isValidSlice(t.slice)) {
      throw new InputError(
        `${field}[${i}].slice '${t.slice}' is not 'overall' or 'feature=value'`,
      );
    }
    if (!Number.isFinite(t.value)) {
      throw new InputError(`${field}[${i}].value must be a finite number`);
    }
  });
}

export function checkDirections(
  field: string,
  directions: Record<string, MetricDirection>,
) {
  for (const [metric, direction] of Object.entries(directions)) {
    checkKey(`${field} key`, metric);
    if (direction !== 'higher' && direction !== 'lower') {
      throw new InputError(
        `${field}.${metric} must be 'higher' or 'lower', not '${direction}'`,
      );
    }
  }
}

export function checkTolerance(field: string, tolerance: number) {
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new InputError(`${field} must be a finite number ≥ 0`);
  }
}

export function parseResults(
  results: { slice: string; metric: string; value: number | string }[],
  field = 'results',
): EvaluationResult[] {
  if (results.length === 0 || results.length > MAX_RESULTS) {
    throw new InputError(
      `${field} must hold between 1 and ${MAX_RESULTS} results, not ${results.length}`,
    );
  }
  const seen = new Set<string>();
  return results.map((r, i) => {
    if (!isValidSlice(r.slice)) {
      throw new InputError(
        `${field}[${i}].slice '${r.slice}' is not 'overall' or 'feature=value'`,
      );
    }
    checkKey(`${field}[${i}].metric`, r.metric);
    const value = parseMetricValue(r.value);
    if (value === undefined) {
      throw new InputError(`${field}[${i}].value is not a number`);
    }
    const key = `${r.slice}\n${r.metric}`;
    if (seen.has(key)) {
      throw new InputError(
        `${field}[${i}]: slice '${r.slice}' has metric '${r.metric}' more than once`,
      );
    }
    seen.add(key);
    return { slice: r.slice, metric: r.metric, value };
  });
}
