/*
 * Domain → wire: ISO times and JSON-safe metric values (NaN and ±Infinity as the strings MLflow
 * clients use). The wire types come from the OpenAPI document, through -common.
 */
import * as Wire from '@ml-home/plugin-ml-home-common';
import { formatMetricValue } from '@ml-home/plugin-ml-home-common';
import {
  AliasHistoryEntry,
  Dataset,
  Deployment,
  Experiment,
  Model,
  ModelAlias,
  ModelVersion,
  LatestMetric,
  Note,
  NoteRevision,
  Project,
  ProjectEvent,
  ProjectToken,
  Run,
} from '../domain/types';
import type {
  EvaluationSummaryView,
  EvaluationView,
} from './EvaluationsService';

export function projectToWire(p: Project): Wire.Project {
  return {
    id: p.id,
    name: p.name,
    title: p.title,
    description: p.description,
    owner: p.owner,
    lifecycle: p.lifecycle,
    tags: p.tags,
    links: p.links,
    relatedEntities: p.relatedEntities,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    createdBy: p.createdBy,
    updatedBy: p.updatedBy,
    lastActivityAt: p.lastActivityAt.toISOString(),
    ...(p.deletedAt ? { deletedAt: p.deletedAt.toISOString() } : {}),
    ...(p.counts ? { counts: p.counts } : {}),
  };
}

export function projectTokenToWire(t: ProjectToken): Wire.ProjectToken {
  return {
    id: t.id,
    project: t.project,
    name: t.name,
    prefix: t.prefix,
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    ...(t.lastUsedAt ? { lastUsedAt: t.lastUsedAt.toISOString() } : {}),
    ...(t.revokedAt ? { revokedAt: t.revokedAt.toISOString() } : {}),
    ...(t.revokedBy ? { revokedBy: t.revokedBy } : {}),
  };
}

export function experimentToWire(e: Experiment): Wire.Experiment {
  return {
    id: e.id,
    project: e.project,
    name: e.name,
    description: e.description,
    lifecycleStage: e.lifecycleStage,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    createdBy: e.createdBy,
    runCount: e.runCount,
  };
}

function metricToWire(m: LatestMetric): Wire.LatestMetric {
  return {
    key: m.key,
    value: formatMetricValue(m.value) as Wire.MetricValue,
    step: m.step,
    timestamp: m.timestamp,
    min: formatMetricValue(m.min) as Wire.MetricValue,
    max: formatMetricValue(m.max) as Wire.MetricValue,
  };
}

export function runToWire(r: Run): Wire.Run {
  return {
    id: r.id,
    project: r.project,
    experimentId: r.experimentId,
    experiment: r.experiment,
    name: r.name,
    status: r.status,
    user: r.user,
    startTime: r.startTime,
    ...(r.endTime !== undefined ? { endTime: r.endTime } : {}),
    lifecycleStage: r.lifecycleStage,
    ...(r.source ? { source: r.source } : {}),
    params: r.params,
    tags: r.tags,
    metrics: r.metrics.map(metricToWire),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function eventToWire(e: ProjectEvent): Wire.ProjectEvent {
  return {
    id: e.id,
    project: e.project,
    actor: e.actor,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    summary: e.summary,
    createdAt: e.createdAt.toISOString(),
  };
}

export function pointsToWire(
  points: { step: number; value: number; timestamp: number }[],
): Wire.MetricPoint[] {
  return points.map(p => ({
    step: p.step,
    timestamp: p.timestamp,
    value: formatMetricValue(p.value) as Wire.MetricValue,
  }));
}

export function modelAliasToWire(a: ModelAlias): Wire.ModelAlias {
  return {
    alias: a.alias,
    version: a.version,
    updatedAt: a.updatedAt.toISOString(),
    updatedBy: a.updatedBy,
  };
}

export function modelToWire(m: Model): Wire.Model {
  return {
    id: m.id,
    project: m.project,
    name: m.name,
    description: m.description,
    owner: m.owner,
    ownerIsProjectOwner: m.ownerIsProjectOwner,
    ...(m.latestVersion !== undefined
      ? { latestVersion: m.latestVersion }
      : {}),
    versionCount: m.versionCount,
    aliases: m.aliases.map(modelAliasToWire),
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    createdBy: m.createdBy,
  };
}

export function modelVersionToWire(v: ModelVersion): Wire.ModelVersion {
  return {
    id: v.id,
    model: v.model,
    version: v.version,
    ...(v.runId ? { runId: v.runId } : {}),
    artifactUri: v.artifactUri,
    framework: v.framework,
    description: v.description,
    modelCard: v.modelCard,
    aliases: v.aliases,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
  };
}

export function aliasHistoryToWire(
  e: AliasHistoryEntry,
): Wire.AliasHistoryEntry {
  return {
    alias: e.alias,
    ...(e.fromVersion !== undefined ? { fromVersion: e.fromVersion } : {}),
    ...(e.toVersion !== undefined ? { toVersion: e.toVersion } : {}),
    actor: e.actor,
    createdAt: e.createdAt.toISOString(),
  };
}

/* A metric column on the wire: finite numbers as they are, NaN and ±Infinity as MLflow's strings. */
function metricColumnToWire(column: (number | null)[]): Wire.MetricColumn {
  const out: Wire.MetricColumn = new Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    out[i] =
      v === null || Number.isFinite(v)
        ? v
        : (formatMetricValue(v) as Wire.MetricValue);
  }
  return out;
}

export function compareResultToWire(
  items: Wire.ComparisonItem[],
  comparison: Wire.Comparison,
): Wire.CompareResult {
  return {
    items,
    params: comparison.params,
    metrics: comparison.metrics.map(m => ({
      key: m.key,
      direction: m.direction,
      last: metricColumnToWire(m.last),
      min: metricColumnToWire(m.min),
      max: metricColumnToWire(m.max),
      best: m.best,
    })),
  };
}

export function datasetToWire(d: Dataset): Wire.Dataset {
  return {
    id: d.id,
    project: d.project,
    name: d.name,
    kind: d.kind,
    uri: d.uri,
    description: d.description,
    features: d.features,
    ...(d.consumers ? { consumers: d.consumers } : {}),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    createdBy: d.createdBy,
  };
}

export function deploymentToWire(d: Deployment): Wire.Deployment {
  return {
    id: d.id,
    project: d.project,
    model: d.model,
    version: d.version,
    environment: d.environment,
    service: d.service,
    endpoint: d.endpoint,
    status: d.status,
    deployedAt: d.deployedAt.toISOString(),
    ...(d.retiredAt ? { retiredAt: d.retiredAt.toISOString() } : {}),
    createdBy: d.createdBy,
  };
}

const valueToWire = (n: number) => formatMetricValue(n) as Wire.MetricValue;

export function evaluationSummaryToWire(
  e: EvaluationSummaryView,
): Wire.EvaluationSummary {
  return {
    id: e.id,
    project: e.project,
    model: e.model,
    version: e.version,
    name: e.name,
    dataset: e.dataset,
    description: e.description,
    ...(e.baselineVersion !== undefined
      ? { baselineVersion: e.baselineVersion }
      : {}),
    ...(e.baselineEvaluationId
      ? { baselineEvaluationId: e.baselineEvaluationId }
      : {}),
    pass: e.pass,
    regressions: e.regressions,
    sliceCount: e.sliceCount,
    failingSlices: e.failingSlices,
    resultCount: e.resultCount,
    createdAt: e.createdAt.toISOString(),
    createdBy: e.createdBy,
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function evaluationToWire(e: EvaluationView): Wire.Evaluation {
  const { score } = e;
  return {
    ...evaluationSummaryToWire(e),
    results: e.results.map(r => ({ ...r, value: valueToWire(r.value) })),
    thresholds: e.thresholds,
    directions: e.allDirections,
    tolerance: e.tolerance,
    score: {
      pass: score.pass,
      regressions: score.regressions,
      slices: score.slices,
      outcomes: score.outcomes.map(o => ({
        threshold: o.threshold,
        slice: o.slice,
        ...(o.value !== undefined ? { value: valueToWire(o.value) } : {}),
        pass: o.pass,
        ...(o.reason ? { reason: o.reason } : {}),
      })),
      deltas: score.deltas.map(d => ({
        slice: d.slice,
        metric: d.metric,
        value: valueToWire(d.value),
        ...(d.baseline !== undefined
          ? { baseline: valueToWire(d.baseline) }
          : {}),
        ...(d.delta !== undefined ? { delta: valueToWire(d.delta) } : {}),
        ...(d.relativeDelta !== undefined
          ? { relativeDelta: valueToWire(d.relativeDelta) }
          : {}),
        regression: d.regression,
        improvement: d.improvement,
      })),
    },
  };
}

export function noteToWire(n: Note): Wire.Note {
  return {
    id: n.id,
    project: n.project,
    entityType: n.entityType,
    entityId: n.entityId,
    entityLabel: n.entityLabel,
    body: n.body,
    revision: n.revision,
    createdBy: n.createdBy,
    createdAt: n.createdAt.toISOString(),
    updatedBy: n.updatedBy,
    updatedAt: n.updatedAt.toISOString(),
  };
}

export function noteRevisionToWire(r: NoteRevision): Wire.NoteRevision {
  return {
    revision: r.revision,
    body: r.body,
    action: r.action,
    editedBy: r.editedBy,
    editedAt: r.editedAt.toISOString(),
  };
}
