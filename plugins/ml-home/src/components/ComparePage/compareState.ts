/*
 * The comparison page keeps what is compared and how it is shown in the URL,
 * so a comparison can be shared as a link: `?runs=a,b` or
 * `?versions=churn-model:1,churn-model:2`, plus the view settings.
 */
import { CurveSettings, CurveXAxis, DEFAULT_CURVE_SETTINGS } from '../charts';

/** A model version named in the URL. */
export interface VersionRef {
  model: string;
  version: number;
}

/** Everything the comparison page reads from its URL. */
export interface CompareState {
  runs: string[];
  versions: VersionRef[];
  /** Show every param, not only those whose values differ. */
  allParams: boolean;
  /** Metric keys to plot; undefined means the page's default (the first metric). */
  curveMetrics?: string[];
  curve: CurveSettings;
  /** The metric of the parallel-coordinates view; undefined means the first metric. */
  parallelMetric?: string;
  /** Words that filter the metric table's keys; empty shows every metric. */
  metricFilter: string;
}

const X_AXES: CurveXAxis[] = ['step', 'time', 'relative'];

function splitList(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
}

/** Reads `model:3` items; anything malformed is left out. */
export function parseVersions(value: string | null): VersionRef[] {
  return splitList(value).flatMap(item => {
    const match = /^(.+):(\d+)$/.exec(item);
    return match ? [{ model: match[1], version: Number(match[2]) }] : [];
  });
}

/** Reads the page state from its query parameters. */
export function readCompareState(params: URLSearchParams): CompareState {
  const x = params.get('x') as CurveXAxis | null;
  const smoothing = Number(params.get('smooth'));
  return {
    runs: [...new Set(splitList(params.get('runs')))],
    versions: parseVersions(params.get('versions')),
    allParams: params.get('allParams') === 'true',
    curveMetrics: params.has('metric')
      ? params.getAll('metric').filter(Boolean)
      : undefined,
    curve: {
      xAxis: x && X_AXES.includes(x) ? x : DEFAULT_CURVE_SETTINGS.xAxis,
      logScale: params.get('log') === 'true',
      smoothing:
        Number.isFinite(smoothing) && smoothing > 0 && smoothing < 1
          ? smoothing
          : 0,
    },
    parallelMetric: params.get('pc') || undefined,
    metricFilter: params.get('mf') ?? '',
  };
}

/** Writes the page state as query parameters, leaving defaults out. */
export function writeCompareState(state: CompareState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.runs.length) params.set('runs', state.runs.join(','));
  if (state.versions.length) {
    params.set(
      'versions',
      state.versions.map(v => `${v.model}:${v.version}`).join(','),
    );
  }
  if (state.allParams) params.set('allParams', 'true');
  if (state.curveMetrics !== undefined) {
    if (state.curveMetrics.length === 0) params.append('metric', '');
    for (const key of state.curveMetrics) params.append('metric', key);
  }
  if (state.curve.xAxis !== DEFAULT_CURVE_SETTINGS.xAxis) {
    params.set('x', state.curve.xAxis);
  }
  if (state.curve.logScale) params.set('log', 'true');
  if (state.curve.smoothing > 0) {
    params.set('smooth', String(Number(state.curve.smoothing.toFixed(2))));
  }
  if (state.parallelMetric) params.set('pc', state.parallelMetric);
  if (state.metricFilter) params.set('mf', state.metricFilter);
  return params;
}

/**
 * Runs `task` over `inputs` with at most `limit` in flight, keeping the order of the results:
 * a comparison of 100 runs must not open 100 requests at once.
 */
export async function mapWithLimit<T, R>(
  inputs: readonly T[],
  limit: number,
  task: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await task(inputs[index], index);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, inputs.length) }, worker),
  );
  return results;
}

/** Labels that tell items apart: a repeated label gets the item's short id. */
export function uniqueLabels(items: { id: string; label: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    counts.set(item.label, (counts.get(item.label) ?? 0) + 1);
  }
  return items.map(item =>
    (counts.get(item.label) ?? 0) > 1
      ? `${item.label} (${item.id.slice(0, 7)})`
      : item.label,
  );
}
