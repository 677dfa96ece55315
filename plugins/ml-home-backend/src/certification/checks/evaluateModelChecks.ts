import { NotFoundError } from '@backstage/errors';
import {
  CertificationCheckDefinition,
  CertificationCheckResult,
  CertificationVerdict,
  findCertificationCheck,
  EvaluationResult,
  EvaluationThreshold,
  MlHomeApi,
  scoreEvaluation,
} from '@ml-home/plugin-ml-home-common';
import type { MlHomeCertificationCheck } from '@ml-home/plugin-ml-home-node/alpha';
import type { Stores } from '../../database/UnitOfWork';
import type {
  AliasHistoryEntry,
  Deployment,
  EvaluationRecord,
  Model,
  ModelVersion,
} from '../../domain/types';
import type { CertificationConfig } from '../config';
import type {
  CertificationCatalog,
  CertificationCatalogEntity,
} from './CertificationCatalog';
import type {
  CertificationEvidenceStore,
  MonitoringWindowSummary,
  RunEvidence,
  RunInputDataset,
} from './CertificationEvidenceStore';
import {
  describeDirections,
  judgeDirections,
  matchesMetricPattern,
  MetricDirectionsResolver,
} from './metricJudgement';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Evaluations of one model read at most (newest first): far more than any model has. */
const EVALUATIONS_READ = 1000;
/** Alias moves read at most (newest first). */
const ALIAS_HISTORY_READ = 200;

/** The sections of a model card (Mitchell et al., 2019), as ML Home stores them. */
export const MODEL_CARD_SECTIONS = [
  'modelDetails',
  'intendedUse',
  'factors',
  'metrics',
  'evaluationData',
  'trainingData',
  'quantitativeAnalyses',
  'ethicalConsiderations',
  'caveatsAndRecommendations',
] as const;

/** What the checks read: the resource stores' read side and the certification's own reads. */
export interface CertificationCheckStores {
  models: Pick<
    Stores['models'],
    'getModel' | 'getVersion' | 'listAliasHistory'
  >;
  deployments: Pick<Stores['deployments'], 'listDeployments'>;
  evaluations: Pick<
    Stores['evaluations'],
    'listEvaluations' | 'loadDetails' | 'findBaselineEvaluation'
  >;
  evidence: CertificationEvidenceStore;
}

/** One check's verdict on a model. */
export interface ModelCheckVerdict {
  checkId: string;
  status: CertificationVerdict;
  evidence?: { url?: string; text?: string };
}

/** What {@link evaluateModelChecks} finds. */
export interface ModelChecksEvaluation {
  /** The certified version, or null when the model has none. */
  version: number | null;
  /** How it was chosen: the certified alias, else the newest deployment, else none. */
  versionSource: 'alias' | 'newest-deployed' | 'none';
  /** The model's project and effective owner, for the scorecard. */
  project: string;
  owner: string;
  /** The automated rubric tests, the portal checks and the added checks, in that order. */
  checks: ModelCheckVerdict[];
}

/** The checks organisations added through the extension point, and the API they may read. */
export interface ExtraCertificationChecks {
  checks: ReadonlyArray<MlHomeCertificationCheck>;
  api: MlHomeApi;
}

/**
 * The ids of the rubric tests and portal checks ML Home decides itself, in the order
 * {@link evaluateModelChecks} answers them.
 */
export const AUTOMATED_CHECK_IDS = [
  'data.schema',
  'model.simpler-baseline',
  'model.slices',
  'infra.reproducible',
  'infra.validated-before-serving',
  'infra.rollback',
  'monitor.staleness',
  'monitor.serving-performance',
  'monitor.prediction-quality',
  'portal.owner-group',
  'portal.serving-components',
  'portal.model-card',
] as const;

/**
 * The added checks as the scoring reads them: each counts like an automated rubric test. A check
 * whose id is a rubric test's (a module that automates, say, `data.privacy`) adds no definition:
 * its result counts for that test.
 */
export function extraCheckDefinitions(
  checks: ReadonlyArray<MlHomeCertificationCheck>,
): CertificationCheckDefinition[] {
  return checks
    .filter(c => !findCertificationCheck(c.id))
    .map(c => ({
      id: c.id,
      section: c.section,
      title: c.title,
      evidence: c.description,
      automation: { kind: 'automated', how: 'A backend module checks it.' },
    }));
}

function verdict(
  checkId: string,
  status: CertificationVerdict,
  text: string,
  url?: string,
): ModelCheckVerdict {
  return { checkId, status, evidence: url ? { url, text } : { text } };
}

function evaluationUrl(id: string): string {
  return `/ml-home/evaluations/${encodeURIComponent(id)}`;
}

function modelUrl(name: string): string {
  return `/ml-home/models/${encodeURIComponent(name)}`;
}

function list(items: string[], max = 5): string {
  return items.length > max
    ? `${items.slice(0, max).join(', ')} and ${items.length - max} more`
    : items.join(', ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Chooses the certified version: the alias's, else the newest deployed. */
function certifiedVersionOf(
  model: Model,
  deployments: Deployment[],
  alias: string,
): { version?: number; source: ModelChecksEvaluation['versionSource'] } {
  const aliased = model.aliases.find(a => a.alias === alias);
  if (aliased) {
    return { version: aliased.version, source: 'alias' };
  }
  const newest = (ds: Deployment[]) =>
    ds.reduce<Deployment | undefined>(
      (best, d) =>
        !best || d.deployedAt.getTime() > best.deployedAt.getTime() ? d : best,
      undefined,
    );
  const deployed =
    newest(deployments.filter(d => d.status === 'active')) ??
    newest(deployments);
  return deployed
    ? { version: deployed.version, source: 'newest-deployed' }
    : { source: 'none' };
}

/** The newest evaluation per data set and name (the list is newest first). */
function latestPerDataset(evaluations: EvaluationRecord[]): EvaluationRecord[] {
  const seen = new Set<string>();
  return evaluations.filter(e => {
    const key = `${e.datasetId}\u0000${e.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Details = Map<
  string,
  { results: EvaluationResult[]; thresholds: EvaluationThreshold[] }
>;

/** Whether an evaluation has thresholds and passes every one of them on every slice. */
function thresholdsPass(e: EvaluationRecord, details: Details): boolean {
  const d = details.get(e.id);
  if (!d || d.thresholds.length === 0) return false;
  return scoreEvaluation({
    results: d.results,
    thresholds: d.thresholds,
    directions: e.directions,
  }).pass;
}

interface Loaded {
  model: Model;
  version?: ModelVersion;
  versionSource: ModelChecksEvaluation['versionSource'];
  run?: RunEvidence;
  inputs: RunInputDataset[];
  deployments: Deployment[];
  versionEvaluations: EvaluationRecord[];
  details: Details;
  aliasHistory: AliasHistoryEntry[];
  monitoring: MonitoringWindowSummary[];
}

async function load(
  stores: CertificationCheckStores,
  modelName: string,
  config: CertificationConfig,
  now: Date,
): Promise<Loaded> {
  const model = await stores.models.getModel(modelName);
  if (!model) {
    throw new NotFoundError(`No model named '${modelName}'`);
  }
  const deployments = await stores.deployments.listDeployments(model);
  const chosen = certifiedVersionOf(model, deployments, config.certifiedAlias);
  const version =
    chosen.version === undefined
      ? undefined
      : await stores.models.getVersion(model, chosen.version);
  if (!version) {
    return {
      model,
      versionSource: 'none',
      inputs: [],
      deployments,
      versionEvaluations: [],
      details: new Map(),
      aliasHistory: [],
      monitoring: [],
    };
  }
  const windowMs = config.monitoringWindowDays * DAY_MS;
  const since = now.getTime() - windowMs;
  const activeIds = deployments
    .filter(d => d.version === version.version && d.status === 'active')
    .map(d => d.id);
  const [run, inputs, evaluations, aliasHistory, monitoring] =
    await Promise.all([
      version.runId ? stores.evidence.getRunEvidence(version.runId) : undefined,
      version.runId
        ? stores.evidence.listRunInputs(version.runId)
        : Promise.resolve([]),
      stores.evaluations.listEvaluations(
        {
          modelId: model.id,
          version: version.version,
          limit: EVALUATIONS_READ,
        },
        undefined,
      ),
      stores.models.listAliasHistory(model, { limit: ALIAS_HISTORY_READ }),
      activeIds.length
        ? stores.evidence.summariseMonitoring(
            activeIds,
            since,
            now.getTime() - windowMs / 4,
          )
        : Promise.resolve([]),
    ]);
  const details = await stores.evaluations.loadDetails(
    evaluations.items.map(e => e.id),
  );
  return {
    model,
    version,
    versionSource: chosen.source,
    run,
    inputs,
    deployments,
    versionEvaluations: evaluations.items,
    details,
    aliasHistory: aliasHistory.items,
    monitoring,
  };
}

const NO_VERSION =
  'No production version: no version is behind the certified alias or deployed.';

function checkSchema(l: Loaded): ModelCheckVerdict {
  const id = 'data.schema';
  if (!l.version) return verdict(id, 'fail', NO_VERSION);
  if (!l.version.runId) {
    return verdict(
      id,
      'fail',
      `Version ${l.version.version} names no producing run, so its training data is unknown.`,
    );
  }
  // Evaluation sets a run also read are not what it was trained on.
  const training = l.inputs.filter(d => d.kind !== 'evaluation-set');
  if (training.length === 0) {
    return verdict(
      id,
      'fail',
      `Run ${l.version.runId}, which produced version ${l.version.version}, records no training or feature data set among its inputs.`,
    );
  }
  const untyped = training.filter(
    d =>
      d.features.length === 0 ||
      d.features.some(f => typeof f.type !== 'string' || !f.type.trim()),
  );
  const names = (ds: RunInputDataset[]) =>
    ds.map(d => `${d.project}/${d.name}`);
  if (untyped.length) {
    return verdict(
      id,
      'fail',
      `Without a typed schema: ${list(names(untyped))} (declare every feature with a type).`,
    );
  }
  return verdict(
    id,
    'pass',
    `Every training data set has a typed schema: ${list(names(training))}.`,
  );
}

function checkSlices(l: Loaded): ModelCheckVerdict {
  const id = 'model.slices';
  if (!l.version) return verdict(id, 'fail', NO_VERSION);
  const latest = latestPerDataset(l.versionEvaluations);
  if (latest.length === 0) {
    return verdict(
      id,
      'fail',
      `Version ${l.version.version} has no evaluation.`,
      modelUrl(l.model.name),
    );
  }
  const problems: string[] = [];
  let thresholds = 0;
  const slices = new Set<string>();
  let firstFailing: EvaluationRecord | undefined;
  for (const e of latest) {
    const d = l.details.get(e.id);
    if (!d || d.thresholds.length === 0) {
      problems.push(`evaluation '${e.name}' declares no thresholds`);
      firstFailing ??= e;
      continue;
    }
    const score = scoreEvaluation({
      results: d.results,
      thresholds: d.thresholds,
      directions: e.directions,
    });
    thresholds += d.thresholds.length;
    score.slices.forEach(s => slices.add(s.slice));
    const failing = score.slices.filter(s => !s.pass);
    if (failing.length) {
      firstFailing ??= e;
      problems.push(
        `evaluation '${e.name}' fails ${failing
          .map(s => `${s.failing.join(', ')} on ${s.slice}`)
          .join('; ')}`,
      );
    }
  }
  if (problems.length) {
    return verdict(
      id,
      'fail',
      `Version ${l.version.version}: ${list(problems, 3)}.`,
      firstFailing && evaluationUrl(firstFailing.id),
    );
  }
  return verdict(
    id,
    'pass',
    `Version ${l.version.version} passes ${plural(thresholds, 'threshold')} on ${plural(slices.size, 'slice')} in ${plural(latest.length, 'evaluation')}.`,
    evaluationUrl(latest[0].id),
  );
}

async function checkBaseline(
  l: Loaded,
  stores: CertificationCheckStores,
  config: CertificationConfig,
  resolver: MetricDirectionsResolver | undefined,
): Promise<ModelCheckVerdict> {
  const id = 'model.simpler-baseline';
  if (!l.version) return verdict(id, 'fail', NO_VERSION);
  const withBaseline = latestPerDataset(l.versionEvaluations).filter(
    e => e.baselineVersionId,
  );
  if (withBaseline.length === 0) {
    return verdict(
      id,
      'fail',
      `No baseline comparison: no evaluation of version ${l.version.version} names a baseline version.`,
      modelUrl(l.model.name),
    );
  }
  const baselineIds = await Promise.all(
    withBaseline.map(e =>
      stores.evaluations.findBaselineEvaluation(
        e.baselineVersionId!,
        e.datasetId,
        e.name,
      ),
    ),
  );
  const pairs = withBaseline.flatMap((e, i) =>
    baselineIds[i] ? [{ evaluation: e, baselineId: baselineIds[i]! }] : [],
  );
  if (pairs.length === 0) {
    const e = withBaseline[0];
    return verdict(
      id,
      'fail',
      `No baseline comparison: baseline version ${e.baselineVersion} has no evaluation on ${e.dataset.project}/${e.dataset.name}.`,
      evaluationUrl(e.id),
    );
  }
  const baselineDetails = await stores.evaluations.loadDetails(
    pairs.map(p => p.baselineId),
  );
  const regressions: string[] = [];
  const notes = new Set<string>();
  let compared = 0;
  let firstRegressing: EvaluationRecord | undefined;
  for (const { evaluation: e, baselineId } of pairs) {
    const results = l.details.get(e.id)?.results ?? [];
    const baseline = baselineDetails.get(baselineId)?.results ?? [];
    const judged = await judgeDirections(
      results.map(r => r.metric),
      { projectName: l.model.project, modelName: l.model.name },
      resolver,
      e.directions,
    );
    const note = describeDirections(judged);
    if (note) notes.add(note);
    const known = (r: EvaluationResult) =>
      Object.prototype.hasOwnProperty.call(judged.directions, r.metric);
    const score = scoreEvaluation({
      results: results.filter(known),
      thresholds: [],
      baseline: baseline.filter(known),
      directions: judged.directions,
      tolerance: config.regressionTolerance ?? e.tolerance,
    });
    compared += score.deltas.filter(d => d.delta !== undefined).length;
    for (const d of score.deltas.filter(x => x.regression)) {
      firstRegressing ??= e;
      regressions.push(
        `${d.metric} on ${d.slice} ${d.value} vs ${d.baseline} (version ${e.baselineVersion})`,
      );
    }
  }
  const directionNote = [...notes].join(' ');
  if (regressions.length) {
    return verdict(
      id,
      'fail',
      `Regresses against the baseline beyond the tolerance: ${list(regressions, 3)}. ${directionNote}`.trim(),
      firstRegressing && evaluationUrl(firstRegressing.id),
    );
  }
  if (compared === 0) {
    return verdict(
      id,
      'fail',
      `No baseline comparison: the baseline's evaluation shares no metric with a known direction. ${directionNote}`.trim(),
      evaluationUrl(pairs[0].evaluation.id),
    );
  }
  const versions = [...new Set(pairs.map(p => p.evaluation.baselineVersion))];
  return verdict(
    id,
    'pass',
    `Compared with baseline version ${versions.join(', ')} on ${plural(compared, 'result')}: no regression beyond the tolerance. ${directionNote}`.trim(),
    evaluationUrl(pairs[0].evaluation.id),
  );
}

function checkReproducible(l: Loaded): ModelCheckVerdict {
  const id = 'infra.reproducible';
  if (!l.version) return verdict(id, 'fail', NO_VERSION);
  if (!l.version.runId || !l.run) {
    return verdict(
      id,
      'fail',
      `Version ${l.version.version} names no producing run${l.version.runId ? ` that exists (${l.version.runId})` : ''}.`,
    );
  }
  const revision = l.run.sourceRevision;
  const missing: string[] = [];
  if (!revision) missing.push('its source revision');
  if (l.run.paramCount === 0) missing.push('its params');
  if (l.inputs.length === 0) missing.push('its input data sets');
  if (missing.length) {
    return verdict(
      id,
      'fail',
      `Run ${l.run.name} (${l.run.id}) does not record ${missing.join(', ')}.`,
    );
  }
  return verdict(
    id,
    'pass',
    `Run ${l.run.name} records revision ${revision!.slice(0, 12)}, ${plural(l.run.paramCount, 'param')} and ${plural(l.inputs.length, 'input data set')}.`,
  );
}

function checkValidatedBeforeServing(l: Loaded): ModelCheckVerdict {
  const id = 'infra.validated-before-serving';
  if (!l.version) return verdict(id, 'fail', NO_VERSION);
  const version = l.version.version;
  const deployments = l.deployments.filter(d => d.version === version);
  if (deployments.length === 0) {
    return verdict(id, 'n/a', `Version ${version} has never been deployed.`);
  }
  const passing = l.versionEvaluations
    .filter(e => thresholdsPass(e, l.details))
    .map(e => e.createdAt.getTime());
  const firstPass = passing.length ? Math.min(...passing) : undefined;
  const early = deployments.filter(
    d => firstPass === undefined || firstPass > d.deployedAt.getTime(),
  );
  if (early.length) {
    return verdict(
      id,
      'fail',
      firstPass === undefined
        ? `Version ${version} is deployed but has no passing evaluation.`
        : `Deployed before its first passing evaluation (${isoDay(new Date(firstPass))}): ${list(early.map(d => `${d.environment} on ${isoDay(d.deployedAt)}`))}.`,
    );
  }
  return verdict(
    id,
    'pass',
    `A passing evaluation predates each of the ${plural(deployments.length, 'deployment')} of version ${version}.`,
  );
}

function checkRollback(
  l: Loaded,
  config: CertificationConfig,
): ModelCheckVerdict {
  const id = 'infra.rollback';
  if (!l.version) return verdict(id, 'fail', NO_VERSION);
  const current = l.version.version;
  const aliasMove = l.aliasHistory.find(
    h =>
      h.alias === config.certifiedAlias &&
      h.toVersion !== undefined &&
      h.toVersion !== current,
  );
  if (aliasMove) {
    return verdict(
      id,
      'pass',
      `Version ${aliasMove.toVersion} was behind '${config.certifiedAlias}' before (${isoDay(aliasMove.createdAt)}); moving the alias back rolls back.`,
      modelUrl(l.model.name),
    );
  }
  const earlier = l.deployments
    .filter(d => d.version !== current)
    .sort((a, b) => b.deployedAt.getTime() - a.deployedAt.getTime())[0];
  if (earlier) {
    return verdict(
      id,
      'pass',
      `Version ${earlier.version} was served before (${earlier.environment}, ${isoDay(earlier.deployedAt)}) and can be deployed again.`,
      modelUrl(l.model.name),
    );
  }
  return verdict(
    id,
    'fail',
    `No earlier version was served: nothing to roll back to from version ${current}.`,
    modelUrl(l.model.name),
  );
}

function checkStaleness(
  l: Loaded,
  config: CertificationConfig,
  now: Date,
): ModelCheckVerdict {
  const id = 'monitor.staleness';
  if (!l.version) return verdict(id, 'fail', NO_VERSION);
  const trainedMs = l.run
    ? (l.run.endTime ?? l.run.startTime)
    : l.version.createdAt.getTime();
  const what = l.run
    ? `its run ${l.run.endTime ? 'ended' : 'started'}`
    : 'it was registered (no producing run)';
  const ageDays = Math.floor((now.getTime() - trainedMs) / DAY_MS);
  const text = `Version ${l.version.version} was trained ${ageDays} days ago (${what} ${isoDay(new Date(trainedMs))}); the window is ${config.stalenessDays} days.`;
  return verdict(
    id,
    now.getTime() - trainedMs <= config.stalenessDays * DAY_MS
      ? 'pass'
      : 'fail',
    text,
  );
}

async function checkMonitoring(
  l: Loaded,
  config: CertificationConfig,
  resolver: MetricDirectionsResolver | undefined,
  kind: 'latency' | 'quality',
): Promise<ModelCheckVerdict> {
  const id =
    kind === 'latency'
      ? 'monitor.serving-performance'
      : 'monitor.prediction-quality';
  const what = kind === 'latency' ? 'latency' : 'a quality metric';
  if (!l.version) return verdict(id, 'fail', NO_VERSION);
  const active = l.deployments.filter(
    d => d.version === l.version!.version && d.status === 'active',
  );
  if (active.length === 0) {
    return verdict(
      id,
      'fail',
      `Version ${l.version.version} has no active deployment to monitor.`,
    );
  }
  const patterns =
    kind === 'latency' ? config.latencyMetrics : config.qualityMetrics;
  const points = l.monitoring.filter(p =>
    matchesMetricPattern(p.metric, patterns),
  );
  if (points.length === 0) {
    return verdict(
      id,
      'fail',
      `No monitoring points for ${what} (${patterns.join(', ')}) in the last ${config.monitoringWindowDays} days on ${list(active.map(d => d.environment))}.`,
    );
  }
  const judged = await judgeDirections(
    points.map(p => p.metric),
    { projectName: l.model.project, modelName: l.model.name },
    resolver,
  );
  const environment = new Map(active.map(d => [d.id, d.environment]));
  const regressions: string[] = [];
  const series = new Map<
    string,
    { metric: string; deploymentId: string; recent?: number; rest?: number }
  >();
  for (const p of points) {
    const key = `${p.deploymentId}\u0000${p.metric}`;
    const s = series.get(key) ?? {
      metric: p.metric,
      deploymentId: p.deploymentId,
    };
    if (p.recent) s.recent = p.mean;
    else s.rest = p.mean;
    series.set(key, s);
  }
  for (const s of series.values()) {
    const direction = judged.directions[s.metric];
    if (!direction || s.recent === undefined || s.rest === undefined) {
      continue;
    }
    const worse = direction === 'lower' ? s.recent - s.rest : s.rest - s.recent;
    // Relative to the earlier level; from a level of 0, the change itself.
    const change = s.rest === 0 ? worse : worse / Math.abs(s.rest);
    if (change > config.monitoringRegressionTolerance) {
      regressions.push(
        `${s.metric} on ${environment.get(s.deploymentId)} ${s.rest.toPrecision(4)} → ${s.recent.toPrecision(4)}`,
      );
    }
  }
  const metrics = [...new Set(points.map(p => p.metric))].sort();
  const directionNote = describeDirections(judged);
  if (regressions.length) {
    return verdict(
      id,
      'fail',
      `Regressed in the last quarter of the ${config.monitoringWindowDays}-day window by more than ${Math.round(config.monitoringRegressionTolerance * 100)} %: ${list(regressions, 3)}. ${directionNote}`.trim(),
    );
  }
  const count = points.reduce((n, p) => n + p.count, 0);
  return verdict(
    id,
    'pass',
    `${plural(count, 'monitoring point')} of ${list(metrics)} in the last ${config.monitoringWindowDays} days, without regression. ${directionNote}`.trim(),
  );
}

function checkModelCard(l: Loaded): ModelCheckVerdict {
  const id = 'portal.model-card';
  if (!l.version) return verdict(id, 'fail', NO_VERSION);
  const card = l.version.modelCard ?? {};
  const missing = MODEL_CARD_SECTIONS.filter(s => !card[s]?.trim());
  if (missing.length) {
    return verdict(
      id,
      'fail',
      `The model card of version ${l.version.version} lacks ${plural(missing.length, 'section')}: ${missing.join(', ')}.`,
      modelUrl(l.model.name),
    );
  }
  return verdict(
    id,
    'pass',
    `The model card of version ${l.version.version} fills all ${MODEL_CARD_SECTIONS.length} sections.`,
    modelUrl(l.model.name),
  );
}

async function checkCatalog(
  l: Loaded,
  catalog: CertificationCatalog | undefined,
): Promise<ModelCheckVerdict[]> {
  const ownerId = 'portal.owner-group';
  const servingId = 'portal.serving-components';
  const services = [
    ...new Set(
      l.deployments.filter(d => d.status === 'active').map(d => d.service),
    ),
  ].sort();
  if (!catalog) {
    const text = 'No software catalog is connected to check it against.';
    return [
      verdict(ownerId, 'unknown', text),
      verdict(servingId, 'unknown', text),
    ];
  }
  let entities: Map<string, CertificationCatalogEntity>;
  try {
    entities = await catalog.getEntities([l.model.owner, ...services]);
  } catch (error) {
    const text = `The software catalog could not be asked: ${error instanceof Error ? error.message : String(error)}`;
    return [
      verdict(ownerId, 'unknown', text),
      verdict(servingId, 'unknown', text),
    ];
  }
  const owner = entities.get(l.model.owner);
  let ownerVerdict: ModelCheckVerdict;
  if (!owner) {
    ownerVerdict = verdict(
      ownerId,
      'fail',
      `The owner ${l.model.owner} is not in the software catalog.`,
    );
  } else if (owner.kind !== 'group') {
    ownerVerdict = verdict(
      ownerId,
      'fail',
      `The owner ${l.model.owner} is a ${owner.kind}, not a group.`,
    );
  } else if (owner.memberCount === 0) {
    ownerVerdict = verdict(
      ownerId,
      'fail',
      `The owner group ${l.model.owner} has no members.`,
    );
  } else {
    ownerVerdict = verdict(
      ownerId,
      'pass',
      `The owner group ${l.model.owner} has ${plural(owner.memberCount, 'member')}.`,
    );
  }
  let servingVerdict: ModelCheckVerdict;
  if (services.length === 0) {
    servingVerdict = verdict(
      servingId,
      'n/a',
      'The model has no active deployment, so no serving component.',
    );
  } else {
    const problems = services.flatMap(ref => {
      const e = entities.get(ref);
      if (!e) return [`${ref} is not in the catalog`];
      if (e.kind !== 'component') return [`${ref} is a ${e.kind}`];
      if (!e.owner) return [`${ref} has no owner`];
      return [];
    });
    servingVerdict = problems.length
      ? verdict(servingId, 'fail', `${list(problems, 3)}.`)
      : verdict(
          servingId,
          'pass',
          `Every serving component exists and has an owner: ${list(services)}.`,
        );
  }
  return [ownerVerdict, servingVerdict];
}

async function runExtraCheck(
  check: MlHomeCertificationCheck,
  model: string,
  api: MlHomeApi,
): Promise<ModelCheckVerdict> {
  try {
    const result = await check.evaluate({ model, api });
    if (
      !result ||
      !['pass', 'fail', 'n/a', 'unknown'].includes(result.status as string)
    ) {
      return verdict(
        check.id,
        'unknown',
        `The check answered with no valid status (${JSON.stringify(result?.status)}).`,
      );
    }
    const evidence: { url?: string; text?: string } = {};
    if (typeof result.evidence?.url === 'string')
      evidence.url = result.evidence.url;
    if (typeof result.evidence?.text === 'string') {
      evidence.text = result.evidence.text;
    }
    return {
      checkId: check.id,
      status: result.status,
      ...(evidence.url || evidence.text ? { evidence } : {}),
    };
  } catch (error) {
    // The message only: a stack trace is no evidence and may say too much.
    return verdict(
      check.id,
      'unknown',
      `The check failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * The verdicts as results the scoring reads (`scoreCertification` in -common): automated, observed
 * at `evaluatedAt`.
 */
export function toCertificationResults(
  evaluation: Pick<ModelChecksEvaluation, 'checks'>,
  evaluatedAt: Date,
): CertificationCheckResult[] {
  return evaluation.checks.map(c => ({
    checkId: c.checkId,
    status: c.status,
    source: 'automated',
    ...(c.evidence ? { evidence: c.evidence } : {}),
    observedAt: evaluatedAt.toISOString(),
  }));
}

/**
 * Runs the certification's automated checks on one model: the rubric tests ML Home can decide
 * from its own metadata, the portal checks, and the checks organisations added.
 *
 * @remarks
 * The certified version is the one behind the configured alias (`production`), else the newest
 * deployed one (an active deployment first); without one, the checks about the version fail with
 * "no production version". Reads: the model, its deployments, the version, its producing run and
 * input data sets, its evaluations with their results and thresholds, the baselines'
 * evaluations, the alias history, one grouped query over the monitoring window, and the catalog
 * once for the owner and serving components — about a dozen indexed queries. A failing catalog
 * makes its two checks `unknown`; an added check that throws is `unknown` with its message.
 *
 * @param input - the stores; the model's name; the configuration; the catalog (none: the catalog
 * checks are `unknown`); the time the checks are judged at; the added checks with the API they
 * read through; and the metric-directions resolver (none: directions are guessed from metric
 * names, and the evidence says so)
 * @throws NotFoundError when there is no model of that name
 */
export async function evaluateModelChecks(input: {
  stores: CertificationCheckStores;
  modelName: string;
  config: CertificationConfig;
  catalog?: CertificationCatalog;
  now: Date;
  extraChecks?: ExtraCertificationChecks;
  metricDirections?: MetricDirectionsResolver;
}): Promise<ModelChecksEvaluation> {
  const { stores, config, now } = input;
  const l = await load(stores, input.modelName, config, now);
  const resolver = input.metricDirections;
  const [baseline, latency, quality, catalogChecks, extra] = await Promise.all([
    checkBaseline(l, stores, config, resolver),
    checkMonitoring(l, config, resolver, 'latency'),
    checkMonitoring(l, config, resolver, 'quality'),
    checkCatalog(l, input.catalog),
    Promise.all(
      (input.extraChecks?.checks ?? []).map(c =>
        runExtraCheck(c, l.model.name, input.extraChecks!.api),
      ),
    ),
  ]);
  return {
    version: l.version?.version ?? null,
    versionSource: l.versionSource,
    project: l.model.project,
    owner: l.model.owner,
    checks: [
      checkSchema(l),
      baseline,
      checkSlices(l),
      checkReproducible(l),
      checkValidatedBeforeServing(l),
      checkRollback(l, config),
      checkStaleness(l, config, now),
      latency,
      quality,
      ...catalogChecks,
      checkModelCard(l),
      ...extra,
    ],
  };
}
