import type * as Wire from '@ml-home/plugin-ml-home-common';
import { ImportLogEntry } from './DatabaseImportStore';
import { ImportStatus } from './MlflowImportService';

/* Import statuses → wire: ISO times, the frequency in seconds, `all` experiments as an empty list. */

const iso = (date: Date | undefined) => date?.toISOString();

function logEntryToWire(entry: ImportLogEntry): Wire.MlflowImportLogEntry {
  return {
    status: entry.status,
    trigger: entry.trigger,
    itemsDone: entry.itemsDone,
    itemsTotal: entry.itemsTotal,
    pointsDone: entry.pointsDone,
    ...(entry.error ? { error: entry.error } : {}),
    startedAt: entry.startedAt.toISOString(),
    ...(entry.finishedAt ? { finishedAt: iso(entry.finishedAt) } : {}),
  };
}

export function importStatusToWire(status: ImportStatus): Wire.MlflowImport {
  const times = {
    startedAt: iso(status.startedAt),
    finishedAt: iso(status.finishedAt),
    lastSuccessAt: iso(status.lastSuccessAt),
    nextAttemptAt: iso(status.nextAttemptAt),
  };
  return {
    serverId: status.serverId,
    url: status.url,
    project: status.project,
    experiments: status.experiments === 'all' ? [] : status.experiments,
    models: status.models,
    frequencySeconds: Math.round(status.frequencyMs / 1000),
    status: status.status,
    itemsDone: status.itemsDone,
    itemsTotal: status.itemsTotal,
    pointsDone: status.pointsDone,
    failures: status.failures,
    ...(status.lastError ? { lastError: status.lastError } : {}),
    ...Object.fromEntries(Object.entries(times).filter(([, v]) => v)),
    recent: status.recent.map(logEntryToWire),
  };
}
