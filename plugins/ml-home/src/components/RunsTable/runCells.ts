import type { Run } from '@ml-home/plugin-ml-home-common';
import { formatDuration, formatMetric, metricNumber } from '../charts';
import type { RunColumn } from './runsTableState';

/**
 * How long a run took, or has been running (`now` in epoch ms, said by `soFar`, e.g. "5m 02s so
 * far"); empty when it never ended.
 */
export function runDuration(
  run: Run,
  now: number,
  soFar: (duration: string) => string,
): string {
  if (run.endTime !== undefined) {
    return formatDuration((run.endTime - run.startTime) / 1000);
  }
  return run.status === 'RUNNING'
    ? soFar(formatDuration((now - run.startTime) / 1000))
    : '';
}

/** A run's value in a chosen column: the param's value, or the metric's latest value. */
export function cellValue(run: Run, column: RunColumn): string {
  if (column.kind === 'param') {
    return run.params.find(p => p.key === column.key)?.value ?? '';
  }
  const metric = run.metrics.find(m => m.key === column.key);
  return metric ? formatMetric(metricNumber(metric.value)) : '';
}

/** Keys of the loaded runs, as columns the picker can offer. */
export function columnsOf(runs: Run[]): RunColumn[] {
  const byId = new Map<string, RunColumn>();
  for (const run of runs) {
    for (const m of run.metrics) {
      byId.set(`metrics.${m.key}`, { kind: 'metric', key: m.key });
    }
    for (const p of run.params) {
      byId.set(`params.${p.key}`, { kind: 'param', key: p.key });
    }
  }
  return [...byId.values()];
}
