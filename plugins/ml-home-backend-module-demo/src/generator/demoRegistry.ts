/*
 * The demo's registry: for each project, its data sets (training, evaluation and feature set with
 * the domain's feature schema) and which runs read them; its models (the main `<project>-model`
 * and, for some projects, one or two companions), versions built from the project's best finished
 * runs, aliases and how they moved; offline evaluations of the newest versions sliced by the
 * domain's categorical features, with release thresholds; deployments to the catalog's serving
 * components with a month of hourly monitoring; and the notes and tags the team left on all of it.
 *
 * Pure and deterministic like the rest of the demo: each project draws from its own PRNG stream
 * (seed + project name + 'registry'), separate from the stream its runs come from, so the runs
 * are exactly what they were before the registry existed.
 */
import {
  EvaluationResult,
  EvaluationThreshold,
  MetricDirection,
  OVERALL_SLICE,
  metricDirection,
  scoreEvaluation,
} from '@ml-home/plugin-ml-home-common';
import { hashString, Rng } from './demoRandom';
import { DemoFeatureSpec, demoDomainOf, demoServicesFor } from './demoDomains';
import {
  NoteContext,
  deploymentNotes,
  evaluationNote,
  modelNote,
  projectNotes,
  versionNote,
} from './demoNotes';
import type { DemoLifecycle, DemoProject, DemoRun } from './generateDemoData';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** How far back monitoring goes from the demo's "now". */
export const DEMO_MONITORING_DAYS = 30;
/** One monitoring point per metric per this interval. */
export const DEMO_MONITORING_INTERVAL_MS = HOUR;
/** The monitoring series every active deployment has. */
export const DEMO_MONITORING_METRICS = [
  'latency_p99_ms',
  'error_rate',
  'prediction_drift',
] as const;

export type DemoDatasetKind = 'training-set' | 'evaluation-set' | 'feature-set';

export interface DemoFeature {
  name: string;
  type: string;
  description: string;
}

export interface DemoDatasetRecord {
  project: string;
  name: string;
  kind: DemoDatasetKind;
  uri: string;
  description: string;
  features: DemoFeature[];
  createdAt: number;
  createdBy: string;
}

export interface DemoRunInputs {
  project: string;
  runId: string;
  /** dataset names of the run's project */
  datasets: string[];
}

export interface DemoModelVersion {
  version: number;
  runId: string;
  artifactUri: string;
  framework: string;
  description: string;
  modelCard: Record<string, string>;
  createdAt: number;
  /** who ran the run it comes from */
  createdBy: string;
}

export interface DemoModel {
  project: string;
  name: string;
  description: string;
  /** true for `<project>-model` */
  main: boolean;
  createdAt: number;
  createdBy: string;
  versions: DemoModelVersion[];
  /** alias → version, the final state */
  aliases: Record<string, number>;
  /** the alias moves that led there, oldest first; none points an alias where it already is */
  aliasMoves: DemoAliasMove[];
}

export interface DemoAliasMove {
  alias: string;
  version: number;
  at: number;
  actor: string;
}

export interface DemoEvaluation {
  project: string;
  model: string;
  version: number;
  name: string;
  /** dataset name in the same project */
  dataset: string;
  baselineVersion?: number;
  description: string;
  results: EvaluationResult[];
  thresholds: EvaluationThreshold[];
  directions: Record<string, MetricDirection>;
  tolerance: number;
  createdAt: number;
  createdBy: string;
}

export interface DemoMonitoringSeries {
  metric: string;
  points: { timestamp: number; value: number }[];
}

export interface DemoIncident {
  kind: 'latency' | 'errors' | 'drift';
  start: number;
  end: number;
  ticket: string;
}

export interface DemoDeployment {
  project: string;
  model: string;
  version: number;
  environment: string;
  /** component entity ref */
  service: string;
  endpoint: string;
  deployedAt: number;
  createdBy: string;
  /** what the deployment is once every deployment of the demo is recorded */
  status: 'active' | 'retired';
  monitoring: DemoMonitoringSeries[];
  incidents: DemoIncident[];
}

/** What a note or tag is on, by names (the loader resolves them to ids). */
export type DemoEntityRef =
  | { type: 'project'; project: string }
  | { type: 'dataset'; project: string; name: string }
  | { type: 'model'; model: string }
  | { type: 'model-version'; model: string; version: number }
  | { type: 'evaluation'; model: string; version: number; name: string }
  | {
      type: 'deployment';
      model: string;
      version: number;
      environment: string;
      service: string;
    };

export interface DemoNote {
  project: string;
  entity: DemoEntityRef;
  /** 'user:default/<name>' */
  author: string;
  createdAt: number;
  body: string;
  /** later revisions, oldest first */
  edits: { author: string; at: number; body: string }[];
}

export interface DemoTagging {
  project: string;
  entity: DemoEntityRef;
  tags: string[];
  /** who set them */
  by: string;
}

export interface DemoRegistry {
  datasets: DemoDatasetRecord[];
  runInputs: DemoRunInputs[];
  models: DemoModel[];
  evaluations: DemoEvaluation[];
  deployments: DemoDeployment[];
  notes: DemoNote[];
  tags: DemoTagging[];
  /** Which way each of its evaluation metrics is better. */
  metricDirections: Record<string, MetricDirection>;
}

/** What the registry of one project is built from. */
export interface RegistryProjectInput {
  seed: number;
  /** the demo's "now" */
  now: number;
  project: DemoProject;
  template: {
    name: string;
    team: string;
    lifecycle: DemoLifecycle;
    family: 'gbdt' | 'deep';
    task: string;
    metrics: readonly string[];
    tags: readonly string[];
    model: string;
    data: string;
    replacedBy?: string;
  };
  teamUsers: readonly string[];
  /** the project's runs */
  runs: readonly DemoRun[];
  /** which metric keys of the runs improve downwards */
  lowerIsBetter: (key: string) => boolean;
}

// ---------------------------------------------------------------------------------------------
// Companion models: a few projects register more than their main model.

export interface CompanionSpec {
  suffix: string;
  description: string;
}

/** Companion models by project template, named `<project>-<suffix>-model`. */
export const DEMO_COMPANIONS: Record<string, readonly CompanionSpec[]> = {
  'home-feed-ranking': [
    {
      suffix: 'distilled-tv',
      description:
        'A distilled student of the main ranker for TV and car clients, whose latency budget is 15 ms. Same features, 6× fewer parameters.',
    },
    {
      suffix: 'position-bias',
      description:
        'Estimates position bias from the randomised 1% bucket; its propensities weight the main ranker’s training examples.',
    },
  ],
  'search-ranking': [
    {
      suffix: 'first-pass',
      description:
        'A cheap first-pass scorer (200 trees, 40 features) that prunes retrieval candidates to 500 before the main ranker runs.',
    },
  ],
  'podcast-recommendations': [
    {
      suffix: 'cold-start',
      description:
        'Recommends shows to listeners with no podcast history yet, from music taste and onboarding picks.',
    },
  ],
  'ads-ctr-prediction': [
    {
      suffix: 'calibrator',
      description:
        'Isotonic calibration of the main model’s scores per ad format, refitted daily on the last 3 days of clicks.',
    },
  ],
  'churn-prediction': [
    {
      suffix: 'uplift',
      description:
        'Uplift model (T-learner): which at-risk subscribers a win-back offer actually changes, so CRM does not pay for offers to people who would stay anyway.',
    },
  ],
  'speech-to-text': [
    {
      suffix: 'catalogue-lm',
      description:
        'The catalogue-biased n-gram language model fused with the acoustic model in decoding; rebuilt when the artist catalogue changes.',
    },
  ],
  'wake-word': [
    {
      suffix: 'server-verifier',
      description:
        'The server-side second-pass verifier that confirms on-device detections before the assistant opens the mic stream.',
    },
  ],
  'payment-fraud': [
    {
      suffix: 'trial-abuse',
      description:
        'A specialised model for free-trial abuse (the same person farming trials with new cards), scored at trial sign-up.',
    },
  ],
  'abuse-detection': [
    {
      suffix: 'distilled',
      description:
        'A distilled multilingual MiniLM for the synchronous path (profile names, playlist titles) where the full model is too slow.',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Evaluation metrics

type MetricKind = 'prob' | 'error' | 'latency';

interface EvalMetricSpec {
  kind: MetricKind;
  lower: boolean;
  /** base value range, for metrics the runs do not log */
  base: readonly [number, number];
}

/** Metrics evaluations add to the runs' task metrics, per task. */
const EXTRA_EVAL_METRICS: Record<string, string[]> = {
  classification: ['log_loss', 'latency_ms', 'calibration_error'],
  ranking: ['latency_ms', 'mrr'],
  retrieval: ['latency_ms', 'mrr'],
  embedding: ['mrr'],
  'text-classification': ['latency_ms', 'macro_f1'],
  'audio-classification': ['false_accept_rate', 'latency_ms'],
  regression: ['mape'],
  asr: ['latency_ms', 'real_time_factor'],
  seq2seq: ['latency_ms', 'exact_match'],
};

const EXTRA_SPECS: Record<string, EvalMetricSpec> = {
  log_loss: { kind: 'error', lower: true, base: [0.24, 0.42] },
  calibration_error: { kind: 'error', lower: true, base: [0.012, 0.035] },
  mrr: { kind: 'prob', lower: false, base: [0.31, 0.52] },
  macro_f1: { kind: 'prob', lower: false, base: [0.71, 0.87] },
  exact_match: { kind: 'prob', lower: false, base: [0.55, 0.74] },
  false_accept_rate: { kind: 'error', lower: true, base: [0.002, 0.009] },
  mape: { kind: 'error', lower: true, base: [0.08, 0.15] },
  real_time_factor: { kind: 'error', lower: true, base: [0.14, 0.32] },
  latency_ms: { kind: 'latency', lower: true, base: [8, 40] },
};

const LATENCY_MS: Record<string, readonly [number, number]> = {
  ranking: [18, 38],
  retrieval: [9, 20],
  embedding: [12, 30],
  classification: [5, 14],
  'text-classification': [12, 28],
  'audio-classification': [6, 18],
  regression: [4, 10],
  asr: [160, 320],
  seq2seq: [9, 24],
};

// ---------------------------------------------------------------------------------------------
// Helpers

const clamp = (v: number, lo: number, hi: number) =>
  Math.min(hi, Math.max(lo, v));
const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};
const floorTo = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.floor(v * f) / f;
};
const ceilTo = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.ceil(v * f) / f;
};
const sig = (v: number, digits = 4) => Number(v.toPrecision(digits));
const ceilHour = (ms: number) => Math.ceil(ms / HOUR) * HOUR;

const JIRA: Record<string, string> = {
  'home-ranking': 'HOME',
  'podcast-recs': 'POD',
  'search-relevance': 'SRCH',
  'ads-ml': 'ADS',
  'churn-prediction': 'CHURN',
  'speech-ml': 'SPEECH',
  'trust-safety-ml': 'TNS',
  'ml-platform': 'MLP',
};

function finalValue(run: DemoRun, key: string): number | undefined {
  const series = run.metrics.find(m => m.key === key);
  const last = series?.points[series.points.length - 1]?.value;
  return last !== undefined && Number.isFinite(last) ? last : undefined;
}

/** The k best runs by `score` (higher is better), in time order. */
function bestInTimeOrder(
  runs: readonly DemoRun[],
  k: number,
  score: (r: DemoRun) => number,
): DemoRun[] {
  if (k <= 0) return [];
  return [...runs]
    .sort((a, b) => score(b) - score(a) || (a.runId < b.runId ? -1 : 1))
    .slice(0, k)
    .sort((a, b) => a.startTime - b.startTime || (a.runId < b.runId ? -1 : 1));
}

function paramSummary(run: DemoRun): string {
  const keys = [
    'learning_rate',
    'max_depth',
    'num_boost_round',
    'batch_size',
    'optimizer',
    'embedding_dim',
    'num_layers',
    'dropout',
  ].filter(k => run.params[k] !== undefined);
  return keys
    .slice(0, 3)
    .map(k => `\`${k}=${run.params[k]}\``)
    .join(', ');
}

// ---------------------------------------------------------------------------------------------
// Generation

interface ModelPlan {
  model: DemoModel;
  runs: DemoRun[];
  spec?: CompanionSpec;
}

/** Generates the registry of one project. */
export function generateProjectRegistry(
  input: RegistryProjectInput,
): DemoRegistry {
  const { project, template: tpl, now } = input;
  const rng = new Rng(hashString(`${input.seed}:${project.name}:registry`));
  const domain = demoDomainOf(tpl.name);
  const users = input.teamUsers.map(u => `user:default/${u}`);
  // The guest user is a member of a team so that the demo can be explored signed in as guest;
  // the team's history is written by its real members.
  const authors = users.filter(u => u !== 'user:default/guest');
  const person = () => rng.pick(authors.length ? authors : users);
  const out: DemoRegistry = {
    datasets: [],
    runInputs: [],
    models: [],
    evaluations: [],
    deployments: [],
    notes: [],
    tags: [],
    metricDirections: {},
  };
  const realtime =
    tpl.tags.includes('realtime') || tpl.tags.includes('on-device');
  const ticket = () => `${JIRA[tpl.team] ?? 'ML'}-${rng.int(120, 2400)}`;
  const ctx: NoteContext = {
    rng,
    project,
    team: tpl.team,
    lifecycle: tpl.lifecycle,
    replacedBy: tpl.replacedBy,
    person,
    ticket,
    now,
  };

  // ------------------------------------------------------------------ data sets
  const datasetNames = {
    train: `${project.name}-train`,
    eval: `${project.name}-eval`,
    features: `${project.name}-features`,
  };
  const stripped = (f: DemoFeatureSpec): DemoFeature => ({
    name: f.name,
    type: f.type,
    description: f.description,
  });
  const labelled = domain.features.map(stripped);
  const featureOnly = domain.features
    .filter(f => !f.name.startsWith('label_'))
    .map(stripped);
  const pii = tpl.tags.includes('pii');
  const dataStart = project.createdAt + rng.int(1, 10) * DAY;
  const dataOwner = person();
  const refresh = realtime ? 'daily' : 'weekly';
  const holdoutDays = rng.pick([7, 14, 28]);
  out.datasets.push(
    {
      project: project.name,
      name: datasetNames.train,
      kind: 'training-set',
      uri: `s3://sonora-ml-data/${project.name}/train/`,
      description: `Training examples for ${project.title}: ${tpl.data}. Rebuilt ${refresh} by the \`${project.name}-train\` pipeline; the snapshot date goes in each run's \`dataset_version\` tag.${
        pii
          ? ' Contains pseudonymised listener identifiers: keep it in the restricted bucket and delete snapshots older than 90 days (GDPR retention).'
          : ''
      }`,
      features: labelled,
      createdAt: Math.min(dataStart, now - DAY),
      createdBy: dataOwner,
    },
    {
      project: project.name,
      name: datasetNames.eval,
      kind: 'evaluation-set',
      uri: `s3://sonora-ml-data/${project.name}/eval/`,
      description: `Held-out evaluation set for ${project.title}: the most recent ${holdoutDays} days before each training snapshot, never used for training or early stopping. Evaluations are sliced by ${domain.sliceBy
        .slice(0, 3)
        .map(s => `\`${s}\``)
        .join(', ')}.`,
      features: labelled,
      createdAt: Math.min(dataStart + HOUR, now - DAY),
      createdBy: dataOwner,
    },
    {
      project: project.name,
      name: datasetNames.features,
      kind: 'feature-set',
      uri: `featurestore://sonora/${project.name.replace(/-/g, '_')}_v${rng.int(2, 6)}`,
      description: `The \`${project.name}\` feature view in the feature store: materialised ${
        realtime ? 'hourly for online lookups' : 'daily'
      } and joined point-in-time for training. ${featureOnly.length} features; owners and freshness SLOs in the feature store UI.`,
      features: featureOnly,
      createdAt: Math.min(dataStart + 2 * HOUR, now - DAY),
      createdBy: dataOwner,
    },
  );
  for (const run of input.runs) {
    out.runInputs.push({
      project: project.name,
      runId: run.runId,
      datasets: [datasetNames.train, datasetNames.features],
    });
  }
  out.tags.push(
    {
      project: project.name,
      entity: {
        type: 'dataset',
        project: project.name,
        name: datasetNames.train,
      },
      tags: [...(pii ? ['gdpr', 'pii'] : []), `${refresh}-refresh`],
      by: dataOwner,
    },
    {
      project: project.name,
      entity: {
        type: 'dataset',
        project: project.name,
        name: datasetNames.features,
      },
      tags: ['feature-store', realtime ? 'online' : 'offline'],
      by: dataOwner,
    },
  );

  // ------------------------------------------------------------------ models and versions
  const primary = tpl.metrics[0];
  const primaryLower = input.lowerIsBetter(primary);
  const score = (r: DemoRun) => {
    const v = finalValue(r, primary);
    if (v === undefined) return -Infinity;
    return primaryLower ? -v : v;
  };
  const finished = input.runs
    .filter(
      r => r.status === 'FINISHED' && finalValue(r, primary) !== undefined,
    )
    .sort((a, b) => (a.endTime ?? 0) - (b.endTime ?? 0));
  // A project whose runs all failed still registers its best stopped run, as teams do for a baseline.
  const candidates = finished.length
    ? finished
    : input.runs
        .filter(r => r.status !== 'RUNNING' && r.endTime !== undefined)
        .slice(-1);

  const plans: ModelPlan[] = [];
  const mainName = `${project.name}-model`;
  const wanted = versionCount(rng, tpl.lifecycle);
  let mainRuns: DemoRun[];
  let productionVersion: number | undefined;
  let after = 0;
  if (tpl.lifecycle === 'experimental') {
    mainRuns = bestInTimeOrder(candidates, wanted, score);
  } else {
    // The production version's run is at least 35 days old, so that its deployment has a full
    // month of monitoring; newer versions are the ones still waiting for promotion.
    after = Math.min(
      wanted - 1,
      tpl.lifecycle === 'deprecated'
        ? 0
        : rng.weighted([
            [0, 45],
            [1, 40],
            [2, 15],
          ] as const),
    );
    const cutoff = now - 35 * DAY;
    const old = candidates.filter(r => (r.endTime ?? now) < cutoff);
    const pre = bestInTimeOrder(
      old.length ? old : candidates,
      wanted - after,
      score,
    );
    const lastPre = pre[pre.length - 1];
    const later = candidates.filter(
      r => lastPre && r.startTime > (lastPre.endTime ?? now),
    );
    mainRuns = [...pre, ...bestInTimeOrder(later, after, score)];
    after = mainRuns.length - pre.length;
    productionVersion = pre.length || undefined;
  }
  plans.push({
    model: newModel(mainName, true, mainModelDescription(project, tpl.model)),
    runs: mainRuns,
  });
  const used = new Set(mainRuns.map(r => r.runId));
  for (const spec of DEMO_COMPANIONS[tpl.name] ?? []) {
    const rest = candidates.filter(r => !used.has(r.runId));
    const runs = bestInTimeOrder(rest, rng.int(1, 4), score);
    if (!runs.length) break;
    runs.forEach(r => used.add(r.runId));
    plans.push({
      model: newModel(
        `${project.name}-${spec.suffix}-model`,
        false,
        spec.description,
      ),
      runs,
      spec,
    });
  }

  function newModel(
    name: string,
    main: boolean,
    description: string,
  ): DemoModel {
    return {
      project: project.name,
      name,
      description,
      main,
      createdAt: 0,
      createdBy: person(),
      versions: [],
      aliases: {},
      aliasMoves: [],
    };
  }

  for (const plan of plans) {
    const { model } = plan;
    let previous = 0;
    plan.runs.forEach((run, i) => {
      const createdAt = Math.min(
        Math.max(
          (run.endTime ?? run.startTime) + rng.int(20, 240) * 60_000,
          previous + 60_000,
        ),
        now - HOUR,
      );
      previous = createdAt;
      model.versions.push({
        version: i + 1,
        runId: run.runId,
        artifactUri: `s3://sonora-ml-models/${model.name}/v${i + 1}/`,
        framework: run.tags.framework ?? run.params.framework ?? '',
        description: versionDescription(run, i + 1, plan.runs.length),
        modelCard: modelCard(run, i + 1),
        createdAt,
        createdBy: run.user,
      });
    });
    model.createdAt = Math.max(
      project.createdAt + HOUR,
      (model.versions[0]?.createdAt ?? now) - rng.int(1, 3) * DAY,
    );
  }

  function versionDescription(
    run: DemoRun,
    version: number,
    count: number,
  ): string {
    const snapshot = run.tags.dataset_version
      ? ` on \`${run.tags.dataset_version}\``
      : '';
    const params = paramSummary(run);
    const first = version === 1 ? 'First registered version. ' : '';
    return `${first}Trained in run \`${run.name}\`${snapshot}${params ? ` with ${params}` : ''}.${
      version === count && count > 1 ? ' Newest version.' : ''
    }`;
  }

  function modelCard(run: DemoRun, version: number): Record<string, string> {
    const card: Record<string, string> = {
      modelDetails: `${capitalise(tpl.model)}. Owned by ${tpl.team}; trained in run ${run.runId.slice(0, 8)} (${run.tags.framework ?? 'unknown framework'}).`,
      intendedUse: `${project.title} for Sonora listeners. Not for decisions about individual listeners outside this product surface.`,
      trainingData: `\`${datasetNames.train}\`, snapshot ${run.tags.dataset_version ?? 'unknown'}: ${tpl.data}.`,
      evaluationData: `\`${datasetNames.eval}\`: the ${holdoutDays} days after the training window, sliced by ${domain.sliceBy.slice(0, 3).join(', ')}.`,
      metrics: `${tpl.metrics.join(', ')} overall and per slice; release thresholds in the evaluation.`,
    };
    // Older versions were registered before the team filled in the whole card.
    if (version > 1 || rng.chance(0.3)) {
      card.ethicalConsiderations = pii
        ? 'Uses pseudonymised personal data under the legitimate-interest basis; DPIA on file. No protected attributes are features.'
        : 'No personal data beyond pseudonymous listening history; no protected attributes are features.';
      card.caveatsAndRecommendations = `Weakest on ${domain.hardSlices[0]}; check that slice before every promotion.`;
    }
    return card;
  }

  // ------------------------------------------------------------------ aliases
  const main = plans[0].model;
  const n = main.versions.length;
  let staging: number | undefined;
  if (n > 0) {
    if (productionVersion === undefined) {
      main.aliases.champion = n;
      staging = rng.chance(0.6) ? n : undefined;
    } else {
      const p = productionVersion;
      main.aliases.production = p;
      if (after === 0) main.aliases.champion = p;
      else if (after === 1) {
        if (rng.chance(0.4)) {
          main.aliases.champion = p;
          main.aliases.candidate = n;
        } else {
          main.aliases.champion = n;
          staging = rng.chance(0.7) ? n : undefined;
        }
      } else {
        main.aliases.champion = n - 1;
        main.aliases.candidate = n;
        staging = rng.chance(0.7) ? n - 1 : undefined;
      }
    }
    // How they got there: champion moved to every version up to the released one, production
    // followed for the last (up to) three, which are also the ones deployed (the times of the
    // production moves are set from the deployments below).
    const champion = main.aliases.champion;
    const released = productionVersion ?? champion;
    for (let v = 1; v <= released; v++) {
      main.aliasMoves.push(championMove(main, v));
      if (productionVersion !== undefined && v >= Math.max(1, released - 2))
        main.aliasMoves.push({
          alias: 'production',
          version: v,
          at: 0,
          actor: main.createdBy,
        });
    }
    if (champion > released) main.aliasMoves.push(championMove(main, champion));
    if (main.aliases.candidate)
      main.aliasMoves.push({
        ...championMove(main, main.aliases.candidate),
        alias: 'candidate',
      });
  }
  for (const plan of plans.slice(1)) {
    const m = plan.model;
    const count = m.versions.length;
    const candidate = count >= 2 && rng.chance(0.35);
    m.aliases.champion = candidate ? count - 1 : count;
    for (let v = 1; v <= m.aliases.champion; v++)
      m.aliasMoves.push(championMove(m, v));
    if (candidate) {
      m.aliases.candidate = count;
      m.aliasMoves.push({ ...championMove(m, count), alias: 'candidate' });
    }
  }

  function championMove(m: DemoModel, version: number): DemoAliasMove {
    return {
      alias: 'champion',
      version,
      at: Math.min(
        m.versions[version - 1].createdAt + rng.int(2, 16) * HOUR,
        now - 30 * 60_000,
      ),
      actor: m.createdBy,
    };
  }

  // ------------------------------------------------------------------ evaluations
  const evalMetricsWanted = rng.int(2, 4);
  const extras = (EXTRA_EVAL_METRICS[tpl.task] ?? []).filter(
    m => m !== 'latency_ms' || realtime,
  );
  const evalMetrics = [...tpl.metrics.slice(0, 3)];
  for (const m of extras) {
    if (evalMetrics.length >= Math.max(evalMetricsWanted, 2)) break;
    evalMetrics.push(m);
  }
  const lowerOf = (m: string) =>
    EXTRA_SPECS[m]?.lower ?? input.lowerIsBetter(m);
  const kindOf = (m: string): MetricKind =>
    EXTRA_SPECS[m]?.kind ??
    (input.lowerIsBetter(m) || m === 'rmse' || m === 'mae' ? 'error' : 'prob');
  const directions: Record<string, MetricDirection> = {};
  for (const m of evalMetrics) {
    const truth: MetricDirection = lowerOf(m) ? 'lower' : 'higher';
    out.metricDirections[m] = truth;
    if (metricDirection(m) !== truth) directions[m] = truth;
  }
  const evaluationsByModel = new Map<string, DemoEvaluation[]>();
  for (const plan of plans) {
    const evals = evaluateModel(plan);
    evaluationsByModel.set(plan.model.name, evals);
    out.evaluations.push(...evals);
  }

  function evaluateModel(plan: ModelPlan): DemoEvaluation[] {
    const m = plan.model;
    const count = m.versions.length;
    if (count === 0) return [];
    const reference = m.aliases.production ?? m.aliases.champion;
    const start = Math.max(1, Math.min(count - (rng.int(2, 3) - 1), reference));
    const evaluated = m.versions.slice(start - 1);

    // Slices: overall plus 3-11 feature=value slices from the domain, at least one hard one.
    const pool = domain.sliceBy.slice(0, 3).flatMap(f => {
      const spec = domain.features.find(x => x.name === f);
      return (spec?.values ?? []).map(v => `${f}=${v}`);
    });
    const sliceCount = Math.min(pool.length, rng.int(3, 11));
    const hard = domain.hardSlices.filter(h => pool.includes(h));
    const chosen = new Set<string>(hard.slice(0, 1 + rng.int(0, 1)));
    for (const s of rng.sample(pool, pool.length)) {
      if (chosen.size >= sliceCount) break;
      chosen.add(s);
    }
    const slices = [OVERALL_SLICE, ...[...chosen].sort()];
    // Hard slices are worse than overall; the others scatter around it.
    const effect = new Map<string, number>(
      slices.map(s => {
        if (s === OVERALL_SLICE) return [s, 0];
        if (domain.hardSlices.includes(s))
          return [s, -1 - Math.abs(rng.normal())];
        return [s, 0.8 * rng.normal()];
      }),
    );

    const latencyEffect = new Map<string, number>(
      slices.map(s => [s, s === OVERALL_SLICE ? 0 : rng.normal()]),
    );

    // Overall values per version. The released (reference) version sits at the best final value
    // the model's runs logged, a little worse on the evaluation set than on validation; older
    // versions trail it by a step each, newer ones land on either side of it.
    const progress = new Map(
      m.versions.map(v => [
        v.version,
        v.version <= reference
          ? -(reference - v.version) * rng.range(0.6, 1.4)
          : rng.range(-0.8, 1.6),
      ]),
    );
    const anchor = new Map(
      evalMetrics.map(metric => {
        const kind = kindOf(metric);
        if (metric === 'latency_ms')
          return [metric, rng.range(...(LATENCY_MS[tpl.task] ?? [10, 30]))];
        const logged = plan.runs
          .map(r => finalValue(r, metric))
          .filter((x): x is number => x !== undefined);
        if (logged.length) {
          const best = lowerOf(metric)
            ? Math.min(...logged)
            : Math.max(...logged);
          return [
            metric,
            kind === 'prob'
              ? best - rng.range(0.003, 0.012)
              : best * rng.range(1.02, 1.08),
          ];
        }
        const [lo, hi] = EXTRA_SPECS[metric]?.base ?? [0.5, 0.8];
        return [metric, rng.range(lo, hi)];
      }),
    );
    let latencyFactor = 1;
    const overallByVersion = new Map<number, Map<string, number>>();
    for (const v of m.versions) {
      if (v.version > 1) {
        const r = rng.float();
        if (r < 0.25) latencyFactor *= rng.range(1.05, 1.15);
        else if (r < 0.4) latencyFactor *= rng.range(0.9, 0.95);
      }
      const q = progress.get(v.version)!;
      const values = new Map<string, number>();
      for (const metric of evalMetrics) {
        const a = anchor.get(metric)!;
        const kind = kindOf(metric);
        let value: number;
        if (kind === 'latency') value = a * latencyFactor;
        else if (kind === 'prob') value = a + 0.004 * q + 0.0008 * rng.normal();
        else value = a * (1 - 0.015 * q) * (1 + 0.003 * rng.normal());
        values.set(metric, value);
      }
      overallByVersion.set(v.version, values);
    }

    // Newer versions than the released one often regress on one slice (the released ones were
    // released because they did not).
    const dropped = new Map<number, { slice: string; size: number }>();
    for (const v of evaluated) {
      if (v.version <= reference) continue;
      if (rng.chance(0.5)) {
        dropped.set(v.version, {
          slice: rng.pick(slices.slice(1)),
          size: rng.range(0.02, 0.05),
        });
      }
    }

    const resultsOf = (version: number): EvaluationResult[] => {
      const overall = overallByVersion.get(version)!;
      const drop = dropped.get(version);
      const results: EvaluationResult[] = [];
      for (const slice of slices) {
        for (const metric of evalMetrics) {
          const kind = kindOf(metric);
          const o = overall.get(metric)!;
          const e = effect.get(slice)!;
          const d =
            drop && drop.slice === slice && metric !== 'latency_ms'
              ? drop.size
              : 0;
          let value: number;
          if (kind === 'latency') {
            value = round(o * (1 + 0.08 * latencyEffect.get(slice)!), 1);
          } else if (kind === 'prob') {
            const noise = slice === OVERALL_SLICE ? 0 : 0.0012 * rng.normal();
            value = round(clamp(o + 0.012 * e + noise - d, 0.001, 0.999), 4);
          } else {
            const noise = slice === OVERALL_SLICE ? 0 : 0.004 * rng.normal();
            value = sig(o * (1 - 0.06 * e) * (1 + noise) * (1 + 3 * d));
          }
          results.push({ slice, metric, value });
        }
      }
      return results;
    };
    const results = new Map(
      evaluated.map(v => [v.version, resultsOf(v.version)]),
    );
    // The release bar ratchets: each released version was held to a bar set from its own
    // results, and newer ones are held to the bar of the released one (start <= reference).
    const bar = releaseThresholds(
      results.get(reference)!,
      slices,
      hard,
      m.main,
    );
    const thresholdsOf = (version: number) =>
      version >= reference
        ? bar
        : releaseThresholds(results.get(version)!, slices, hard, false);

    const name = m.main ? 'release-gate' : 'offline-eval';
    return evaluated.map(v => ({
      project: project.name,
      model: m.name,
      version: v.version,
      name,
      dataset: datasetNames.eval,
      baselineVersion: v.version > 1 ? v.version - 1 : undefined,
      description: `Hold-out: the ${holdoutDays} days after the training snapshot of v${v.version}, from \`${datasetNames.eval}\`${
        v.version > 1 ? `; compared with v${v.version - 1}` : ''
      }. ${slices.length - 1} slices by ${[
        ...new Set(slices.slice(1).map(s => s.split('=')[0])),
      ]
        .map(f => `\`${f}\``)
        .join(', ')}.`,
      results: results.get(v.version)!,
      thresholds: thresholdsOf(v.version),
      directions: { ...directions },
      tolerance: 0.002,
      createdBy: person(),
      createdAt: Math.min(
        v.createdAt + rng.int(1, 12) * HOUR,
        now - 30 * 60_000,
      ),
    }));
  }

  function releaseThresholds(
    ref: EvaluationResult[],
    slices: string[],
    hard: string[],
    aspirational: boolean,
  ): EvaluationThreshold[] {
    const value = (slice: string, metric: string) =>
      ref.find(r => r.slice === slice && r.metric === metric)!.value;
    const all = (metric: string) => slices.map(s => value(s, metric));
    const bar = (
      metric: string,
      v: number,
      margin: number,
    ): EvaluationThreshold => {
      const lower = lowerOf(metric);
      if (kindOf(metric) === 'latency')
        return {
          metric,
          op: '<=',
          value: Math.ceil((v * (1 + margin * 10)) / 5) * 5,
        };
      if (kindOf(metric) === 'prob')
        return lower
          ? { metric, op: '<=', value: ceilTo(v + margin, 3) }
          : { metric, op: '>=', value: floorTo(v - margin, 3) };
      return lower
        ? { metric, op: '<=', value: sig(v * (1 + margin * 4), 3) }
        : { metric, op: '>=', value: sig(v * (1 - margin * 4), 3) };
    };
    const worst = (metric: string) =>
      lowerOf(metric) ? Math.max(...all(metric)) : Math.min(...all(metric));
    const bars: EvaluationThreshold[] = [];
    const [first, second] = evalMetrics;
    bars.push(bar(first, worst(first), rng.range(0.004, 0.012)));
    bars.push({
      ...bar(first, value(OVERALL_SLICE, first), rng.range(0.003, 0.008)),
      slice: OVERALL_SLICE,
    });
    if (second && second !== 'latency_ms' && rng.chance(0.7))
      bars.push(bar(second, worst(second), rng.range(0.01, 0.02)));
    if (evalMetrics.includes('latency_ms'))
      bars.push(bar('latency_ms', worst('latency_ms'), 0.015));
    if (hard.length && rng.chance(0.6)) {
      const h = hard[0];
      bars.push({ ...bar(first, value(h, first), 0.003), slice: h });
    } else if (hard.length && aspirational && rng.chance(0.3)) {
      // An aspirational bar on a hard slice that even the released version does not clear yet.
      const h = hard[0];
      const v = value(h, first);
      const target = lowerOf(first)
        ? {
            metric: first,
            op: '<=' as const,
            value:
              kindOf(first) === 'prob'
                ? floorTo(v - 0.004, 3)
                : sig(v * 0.95, 3),
          }
        : {
            metric: first,
            op: '>=' as const,
            value: ceilTo(v + rng.range(0.003, 0.01), 3),
          };
      bars.push({ ...target, slice: h });
    }
    return bars;
  }

  // ------------------------------------------------------------------ deployments
  const services = demoServicesFor(mainName, tpl.team, project.relatedEntities);
  const endpointOf = (service: string, env: string) =>
    tpl.tags.includes('batch')
      ? `batch://${service}/${env}/${mainName}`
      : `https://${service}.${env === 'production' ? 'prod' : env}.svc.sonora.internal/v1/models/${mainName}:predict`;
  if (n > 0 && services.length) {
    const p = main.aliases.production;
    if (p !== undefined) {
      const first = Math.max(1, p - 2);
      const deployer = person();
      let at = 0;
      for (let v = first; v <= p; v++) {
        const created = main.versions[v - 1].createdAt;
        at = Math.min(
          Math.max(created + rng.int(18, 96) * HOUR, at + DAY),
          now - 2 * HOUR,
        );
        for (const service of services) {
          out.deployments.push({
            project: project.name,
            model: mainName,
            version: v,
            environment: 'production',
            service: `component:default/${service}`,
            endpoint: endpointOf(service, 'production'),
            deployedAt: at + rng.int(0, 50) * 60_000,
            createdBy: deployer,
            status: v === p ? 'active' : 'retired',
            monitoring: [],
            incidents: [],
          });
        }
      }
    }
    // A version registered in the last few days has not reached staging yet.
    const stagedAt = staging && main.versions[staging - 1].createdAt;
    if (staging !== undefined && stagedAt && stagedAt < now - 3 * DAY) {
      const created = stagedAt;
      out.deployments.push({
        project: project.name,
        model: mainName,
        version: staging,
        environment: 'staging',
        service: `component:default/${services[0]}`,
        endpoint: endpointOf(services[0], 'staging'),
        deployedAt: Math.min(created + rng.int(2, 20) * HOUR, now - HOUR),
        createdBy: person(),
        status: 'active',
        monitoring: [],
        incidents: [],
      });
    }
  }
  for (const d of out.deployments) {
    if (d.status === 'active') monitor(d);
  }

  function monitor(d: DemoDeployment) {
    const from = ceilHour(
      Math.max(d.deployedAt, now - DEMO_MONITORING_DAYS * DAY),
    );
    const to = now - DEMO_MONITORING_INTERVAL_MS;
    const prod = d.environment === 'production';
    const batch = tpl.tags.includes('batch');
    const latencyBase =
      (batch
        ? rng.range(180, 650)
        : rng.range(...(LATENCY_MS[tpl.task] ?? [10, 30])) * 1.8) *
      (prod ? 1 : 1.25);
    const errorBase = rng.range(0.0003, 0.0018) * (prod ? 1 : 2);
    const driftBase = rng.range(0.015, 0.045);
    const driftTrend = rng.range(0, 0.0012) / DAY;
    const peakHour = rng.int(17, 21);

    const incidents: DemoIncident[] = [];
    const span = to - from;
    let count = 0;
    if (span >= 5 * DAY && prod)
      count = rng.weighted([
        [0, 35],
        [1, 45],
        [2, 20],
      ] as const);
    else if (span >= 5 * DAY) count = rng.chance(0.2) ? 1 : 0;
    for (let i = 0; i < count; i++) {
      const kind = rng.weighted([
        ['latency', 45],
        ['errors', 35],
        ['drift', 20],
      ] as const);
      const start = ceilHour(from + rng.range(0.1, 0.9) * span);
      const hours = kind === 'drift' ? rng.int(24, 72) : rng.int(2, 9);
      incidents.push({
        kind,
        start,
        end: start + hours * HOUR,
        ticket: `INC-${rng.int(1000, 9999)}`,
      });
    }
    incidents.sort((a, b) => a.start - b.start);
    d.incidents = incidents;

    const latency: { timestamp: number; value: number }[] = [];
    const errors: { timestamp: number; value: number }[] = [];
    const drift: { timestamp: number; value: number }[] = [];
    for (let t = from; t <= to; t += DEMO_MONITORING_INTERVAL_MS) {
      const hour = new Date(t).getUTCHours();
      const load = 0.5 + 0.5 * Math.cos((2 * Math.PI * (hour - peakHour)) / 24);
      const weekend = [0, 6].includes(new Date(t).getUTCDay()) ? 1.08 : 1;
      let lat =
        latencyBase *
        (1 + 0.35 * load * weekend) *
        Math.exp(0.06 * rng.normal());
      let err = errorBase * (1 + 0.8 * load) * Math.exp(0.25 * rng.normal());
      let dr =
        (driftBase + driftTrend * (t - from)) *
        (1 + 0.25 * (1 - load)) *
        Math.exp(0.08 * rng.normal());
      for (const inc of incidents) {
        if (t < inc.start || t >= inc.end) {
          if (inc.kind === 'drift' && t >= inc.end && t < inc.end + 2 * DAY) {
            dr += 0.12 * Math.exp(-(t - inc.end) / (12 * HOUR));
          }
          continue;
        }
        const phase = (t - inc.start) / (inc.end - inc.start);
        const bump = Math.sin(Math.PI * Math.min(1, phase + 0.15));
        if (inc.kind === 'latency') {
          lat *= 1 + rng.range(2, 5) * bump;
          err *= 1 + 3 * bump;
        } else if (inc.kind === 'errors') {
          err = Math.max(err, rng.range(0.02, 0.08) * bump);
          lat *= 1 + 0.3 * bump;
        } else {
          dr += rng.range(0.12, 0.3);
        }
      }
      latency.push({ timestamp: t, value: round(lat, 1) });
      errors.push({ timestamp: t, value: sig(clamp(err, 0, 1)) });
      drift.push({ timestamp: t, value: round(dr, 4) });
    }
    d.monitoring = [
      { metric: 'latency_p99_ms', points: latency },
      { metric: 'error_rate', points: errors },
      { metric: 'prediction_drift', points: drift },
    ];
  }

  // The production alias moved when the version was first deployed to production.
  for (const move of main.aliasMoves) {
    if (move.alias !== 'production') continue;
    const deployed = out.deployments
      .filter(d => d.version === move.version && d.environment === 'production')
      .map(d => d.deployedAt);
    move.at = deployed.length
      ? Math.min(...deployed) - rng.int(5, 60) * 60_000
      : Math.min(
          main.versions[move.version - 1].createdAt + 2 * DAY,
          now - HOUR,
        );
  }
  // Each alias moves forward in time as it moves forward in versions (two versions registered
  // an hour apart must not swap their champion moves).
  for (const plan of plans) {
    const last = new Map<string, number>();
    for (const move of plan.model.aliasMoves) {
      move.at = Math.max(move.at, (last.get(move.alias) ?? 0) + 60_000);
      last.set(move.alias, move.at);
    }
    plan.model.aliasMoves.sort((a, b) => a.at - b.at);
  }
  out.models.push(...plans.map(p => p.model));

  // ------------------------------------------------------------------ scores (for notes and tags)
  const scoreOf = (e: DemoEvaluation) => {
    const baseline = e.baselineVersion
      ? evaluationsByModel
          .get(e.model)!
          .find(x => x.version === e.baselineVersion)
      : undefined;
    return scoreEvaluation({
      results: e.results,
      thresholds: e.thresholds,
      baseline: baseline?.results,
      directions: e.directions,
      // As ML Home scores it: the project declares every evaluation metric's direction.
      declared: { project: out.metricDirections },
      tolerance: e.tolerance,
    });
  };

  // ------------------------------------------------------------------ tags
  const family = tpl.family === 'gbdt' ? 'gbdt' : 'deep-learning';
  let serving = 'realtime';
  if (tpl.tags.includes('on-device')) serving = 'on-device';
  else if (tpl.tags.includes('batch')) serving = 'batch';
  for (const plan of plans) {
    const m = plan.model;
    const tags = [family, serving];
    if (tpl.tags.includes('tabular')) tags.push('tabular');
    if (pii) tags.push('pii');
    if (
      m.main &&
      tpl.lifecycle === 'production' &&
      services.length &&
      productionVersion
    )
      tags.push('tier-1');
    if (tpl.lifecycle === 'deprecated') tags.push('deprecated');
    if (!m.main) tags.push('companion');
    out.tags.push({
      project: project.name,
      entity: { type: 'model', model: m.name },
      tags: [...new Set(tags)].sort(),
      by: m.createdBy,
    });

    for (const v of m.versions) {
      const tags2: string[] = [];
      if (v.version === 1 && m.versions.length > 1) tags2.push('baseline');
      if (m.aliases.candidate === v.version)
        tags2.push('candidate', 'needs-review');
      if (m.aliases.production === v.version) tags2.push('approved');
      if (tags2.length)
        out.tags.push({
          project: project.name,
          entity: { type: 'model-version', model: m.name, version: v.version },
          tags: tags2,
          by: m.createdBy,
        });
    }
    for (const e of evaluationsByModel.get(m.name) ?? []) {
      const s = scoreOf(e);
      const tags3: string[] = [];
      if (!s.pass || s.regressions > 0) tags3.push('needs-review');
      else if (e.version === (m.aliases.production ?? -1))
        tags3.push('signed-off');
      if (tags3.length)
        out.tags.push({
          project: project.name,
          entity: {
            type: 'evaluation',
            model: m.name,
            version: e.version,
            name: e.name,
          },
          tags: tags3,
          by: e.createdBy,
        });
    }
  }

  // ------------------------------------------------------------------ notes
  out.notes.push(...projectNotes(ctx));
  for (const plan of plans) {
    const m = plan.model;
    if (!m.versions.length) continue;
    out.notes.push(modelNote(ctx, m, domain.hardSlices[0]));
    const evals = evaluationsByModel.get(m.name) ?? [];
    for (const e of evals) {
      const s = scoreOf(e);
      const note = evaluationNote(ctx, m, e, s);
      if (note) out.notes.push(note);
    }
    for (const v of m.versions) {
      const e = evals.find(x => x.version === v.version);
      const note = versionNote(
        ctx,
        m,
        v,
        plan.runs[v.version - 1],
        e ? scoreOf(e) : undefined,
      );
      if (note) out.notes.push(note);
    }
  }
  for (const d of out.deployments) out.notes.push(...deploymentNotes(ctx, d));
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function mainModelDescription(project: DemoProject, model: string): string {
  return `The model behind ${project.title}: ${model}.`;
}

/** How many versions a project's main model has, by lifecycle. */
function versionCount(rng: Rng, lifecycle: DemoLifecycle): number {
  if (lifecycle === 'experimental')
    return rng.weighted([
      [1, 3],
      [2, 4],
      [3, 3],
      [4, 2],
    ] as const);
  if (lifecycle === 'deprecated') return rng.int(2, 6);
  return rng.weighted([
    [2, 1],
    [3, 2],
    [4, 3],
    [5, 3],
    [6, 2],
    [7, 2],
    [8, 2],
  ] as const);
}
