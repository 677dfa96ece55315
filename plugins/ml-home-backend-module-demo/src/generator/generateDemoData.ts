/*
 * Deterministic demo data for ML Home: projects, experiments, runs, params, tags and metric series
 * for Sonora, the fictional music-streaming company described in `examples/org.yaml` and
 * `examples/systems.yaml`; and each project's registry (see demoRegistry.ts): its training,
 * evaluation and feature sets with the domain's feature schema and the runs that read them, its
 * models (`<project>-model` plus, for a few projects, companions) with 1–8 versions built from its
 * best finished runs, aliases and how they moved, evaluations of the newest versions on 4–12
 * slices with release thresholds, deployments to the catalog's serving components with a month of
 * hourly monitoring, and the notes (some edited) and tags the team left on all of it.
 *
 * - Pure TypeScript, no I/O (evaluations are scored with `@ml-home/plugin-ml-home-common`).
 * - Deterministic: the same `seed` and `scale` always give deep-equal (and JSON byte-identical)
 *   output for the same `now`. A small seeded PRNG (mulberry32) is used; `Math.random` and
 *   `Date.now` are never called. Every timestamp is `now` (the demo's "now": the time it is loaded,
 *   so that running runs are minutes old and freshness means something) minus an offset, so all
 *   timestamps are at or before it; another `now` shifts every timestamp by the same amount.
 * - Each project draws from its own PRNG streams (one for its runs, one for its registry), seeded
 *   from `seed` and the project name, so a smaller `scale` yields a prefix of the projects of a
 *   larger one, with identical contents.
 *
 * `scale` multiplies the number of projects only: `round(40 * scale)` projects (at least 1).
 * scale 1 → 40 projects (5 per team), scale 0.1 → 4 projects (for tests), scale 10 → 400 projects
 * (beyond 40, projects are regional / product variants such as `search-ranking-emea`). Experiments
 * per project (1–4), runs per project (5–60) and points per run do not depend on `scale`.
 * At scale 1 (default seed): 40 projects, 84 experiments, 844 runs, 4,135 metric series, 382,275
 * points; 120 data sets, 49 models with 179 versions, 108 evaluations, 95 deployments (42
 * active) with 82,395 monitoring points, 278 notes (328 revisions) and 441 tags; generated in
 * about a second.
 * Other seeds give similar sizes (always well under 600,000 metric points).
 */

import type { MetricDirection } from '@ml-home/plugin-ml-home-common';
import { hashString, Rng } from './demoRandom';
import {
  DemoCertification,
  generateDemoCertification,
} from './demoCertification';
import {
  DemoDatasetRecord,
  DemoDeployment,
  DemoEvaluation,
  DemoModel,
  DemoNote,
  DemoRunInputs,
  DemoTagging,
  generateProjectRegistry,
} from './demoRegistry';

export type {
  DemoDatasetRecord,
  DemoDeployment,
  DemoEntityRef,
  DemoEvaluation,
  DemoFeature,
  DemoIncident,
  DemoModel,
  DemoModelVersion,
  DemoMonitoringSeries,
  DemoNote,
  DemoRunInputs,
  DemoTagging,
} from './demoRegistry';

/**
 * The fixed "now" of generated data when none is given: tests use it so that their data does not
 * depend on the day they run. The module passes the time the demo is loaded instead.
 */
export const DEMO_EPOCH_MS = Date.UTC(2026, 9, 1);
export const DEMO_DEFAULT_SEED = 20261126;
/** Number of projects at scale 1. */
export const DEMO_BASE_PROJECT_COUNT = 40;

export type DemoLifecycle = 'experimental' | 'production' | 'deprecated';
export type DemoRunStatus = 'FINISHED' | 'FAILED' | 'KILLED' | 'RUNNING';

export interface DemoProject {
  name: string;
  title: string;
  /** Markdown, several paragraphs with headings and a list. */
  description: string;
  /** 'group:default/<team>' */
  owner: string;
  lifecycle: DemoLifecycle;
  /** slugs */
  tags: string[];
  links: { title: string; url: string }[];
  /** Catalog refs that exist in examples/systems.yaml, e.g. 'system:default/home-feed'. */
  relatedEntities: string[];
  createdAt: number;
  /**
   * Which way its metrics are better, as the team declared: every metric of its runs and
   * evaluations whose direction is known (training-only signals such as `grad_norm` or
   * `learning_rate` have none), sorted by key.
   */
  metricDirections: Record<string, MetricDirection>;
}

export interface DemoExperiment {
  project: string;
  /** slug, unique in its project */
  name: string;
  description: string;
  createdAt: number;
}

export interface DemoMetricPoint {
  step: number;
  value: number;
  timestamp: number;
}

export interface DemoMetricSeries {
  key: string;
  points: DemoMetricPoint[];
}

export interface DemoRun {
  project: string;
  experiment: string;
  /** 32 lowercase hex characters */
  runId: string;
  name: string;
  status: DemoRunStatus;
  /** 'user:default/<name>', a member of the owning team */
  user: string;
  startTime: number;
  /** absent for RUNNING runs */
  endTime?: number;
  params: Record<string, string>;
  tags: Record<string, string>;
  metrics: DemoMetricSeries[];
}

export interface DemoDataset {
  projects: DemoProject[];
  experiments: DemoExperiment[];
  runs: DemoRun[];
  /** training, evaluation and feature set of every project */
  datasets: DemoDatasetRecord[];
  /** the datasets every run declares it read */
  runInputs: DemoRunInputs[];
  models: DemoModel[];
  evaluations: DemoEvaluation[];
  deployments: DemoDeployment[];
  notes: DemoNote[];
  tags: DemoTagging[];
  /** Attestations, a rejection and external results; levels are ML Home's to compute. */
  certification: DemoCertification;
}

export interface DemoDataOptions {
  /** PRNG seed, default DEMO_DEFAULT_SEED (20261126). */
  seed?: number;
  /** Multiplies the number of projects: round(40 * scale), at least 1. Default 1. */
  scale?: number;
  /**
   * The demo's "now" in ms since the epoch: every timestamp lies at or before it. Default
   * DEMO_EPOCH_MS, a fixed time for tests; the module passes the time the demo is loaded.
   */
  now?: number;
}

export interface DemoDataSummary {
  projects: number;
  experiments: number;
  runs: number;
  metricSeries: number;
  points: number;
  datasets: number;
  models: number;
  modelVersions: number;
  evaluations: number;
  deployments: number;
  monitoringPoints: number;
  notes: number;
  noteRevisions: number;
  tags: number;
}

export interface DemoTeam {
  name: string;
  title: string;
  /** user entity names, as in examples/org.yaml */
  users: string[];
}

/** The eight ML teams of examples/org.yaml and their members (pavel-ivanov is in two teams). */
export const DEMO_TEAMS: readonly DemoTeam[] = [
  {
    name: 'home-ranking',
    title: 'Home Ranking',
    users: [
      'amara-okafor',
      'lukas-brandt',
      'priya-raman',
      'diego-santos',
      'guest',
    ],
  },
  {
    name: 'podcast-recs',
    title: 'Podcast Recommendations',
    users: ['mei-chen', 'tomas-novak', 'fatima-al-sayed', 'jonas-lindqvist'],
  },
  {
    name: 'search-relevance',
    title: 'Search Relevance',
    users: [
      'sofia-rossi',
      'arjun-mehta',
      'hannah-kim',
      'olu-adeyemi',
      'pavel-ivanov',
    ],
  },
  {
    name: 'ads-ml',
    title: 'Ads ML',
    users: ['carlos-mendoza', 'yuki-tanaka', 'rebecca-stone'],
  },
  {
    name: 'churn-prediction',
    title: 'Churn Prediction',
    users: ['nadia-haddad', 'ben-oconnor', 'ingrid-solberg', 'kwame-mensah'],
  },
  {
    name: 'speech-ml',
    title: 'Speech ML',
    users: [
      'elena-petrova',
      'rahul-iyer',
      'chloe-dubois',
      'marek-kowalski',
      'aiko-watanabe',
    ],
  },
  {
    name: 'trust-safety-ml',
    title: 'Trust & Safety ML',
    users: ['samir-khan', 'laura-meyer', 'tunde-bakare', 'zoe-martin'],
  },
  {
    name: 'ml-platform',
    title: 'ML Platform',
    users: ['grace-liu', 'isabel-garcia', 'noah-williams', 'pavel-ivanov'],
  },
];

// ---------------------------------------------------------------------------------------------
// Metric definitions

interface MetricSpec {
  /** value before training */
  init: number;
  /** plateau for the worst (q = 0) and the best (q = 1) hyper-parameters */
  worst: number;
  best: number;
  lowerIsBetter: boolean;
  noise: number;
}

const METRICS: Record<string, MetricSpec> = {
  auc: {
    init: 0.5,
    worst: 0.71,
    best: 0.885,
    lowerIsBetter: false,
    noise: 0.002,
  },
  ndcg_at_10: {
    init: 0.12,
    worst: 0.31,
    best: 0.47,
    lowerIsBetter: false,
    noise: 0.003,
  },
  map: {
    init: 0.08,
    worst: 0.24,
    best: 0.39,
    lowerIsBetter: false,
    noise: 0.003,
  },
  precision_at_10: {
    init: 0.03,
    worst: 0.17,
    best: 0.29,
    lowerIsBetter: false,
    noise: 0.003,
  },
  precision_at_k: {
    init: 0.04,
    worst: 0.2,
    best: 0.34,
    lowerIsBetter: false,
    noise: 0.003,
  },
  recall_at_10: {
    init: 0.04,
    worst: 0.33,
    best: 0.54,
    lowerIsBetter: false,
    noise: 0.004,
  },
  recall_at_100: {
    init: 0.09,
    worst: 0.56,
    best: 0.79,
    lowerIsBetter: false,
    noise: 0.004,
  },
  f1: {
    init: 0.2,
    worst: 0.61,
    best: 0.86,
    lowerIsBetter: false,
    noise: 0.004,
  },
  precision: {
    init: 0.3,
    worst: 0.68,
    best: 0.91,
    lowerIsBetter: false,
    noise: 0.004,
  },
  recall: {
    init: 0.3,
    worst: 0.6,
    best: 0.86,
    lowerIsBetter: false,
    noise: 0.004,
  },
  accuracy: {
    init: 0.1,
    worst: 0.79,
    best: 0.955,
    lowerIsBetter: false,
    noise: 0.003,
  },
  wer: {
    init: 1.0,
    worst: 0.19,
    best: 0.068,
    lowerIsBetter: true,
    noise: 0.003,
  },
  cer: {
    init: 0.85,
    worst: 0.095,
    best: 0.031,
    lowerIsBetter: true,
    noise: 0.002,
  },
  der: {
    init: 0.62,
    worst: 0.26,
    best: 0.11,
    lowerIsBetter: true,
    noise: 0.003,
  },
  rmse: {
    init: 1.0,
    worst: 0.56,
    best: 0.38,
    lowerIsBetter: true,
    noise: 0.003,
  },
  mae: {
    init: 0.8,
    worst: 0.41,
    best: 0.27,
    lowerIsBetter: true,
    noise: 0.002,
  },
};

/** Metric keys whose values improve downwards (losses, error rates). */
export function isLowerBetterMetric(key: string): boolean {
  if (key.endsWith('loss')) return true;
  return METRICS[key]?.lowerIsBetter ?? false;
}

const BOUNDED_01 = new Set(
  Object.keys(METRICS).filter(k => k !== 'rmse' && k !== 'mae'),
);

type Task =
  | 'ranking'
  | 'retrieval'
  | 'embedding'
  | 'classification'
  | 'text-classification'
  | 'audio-classification'
  | 'regression'
  | 'asr'
  | 'seq2seq';

/** training-loss start value and the floor it reaches for the worst / best hyper-parameters */
const LOSS: Record<
  Task,
  { init: number; worst: number; best: number; name: string }
> = {
  ranking: {
    init: 0.693,
    worst: 0.43,
    best: 0.31,
    name: 'pairwise logistic loss',
  },
  retrieval: {
    init: 6.9,
    worst: 3.3,
    best: 2.45,
    name: 'sampled softmax loss',
  },
  embedding: { init: 5.6, worst: 2.7, best: 1.85, name: 'InfoNCE loss' },
  classification: { init: 0.693, worst: 0.39, best: 0.23, name: 'log loss' },
  'text-classification': {
    init: 2.3,
    worst: 0.62,
    best: 0.31,
    name: 'cross-entropy',
  },
  'audio-classification': {
    init: 1.1,
    worst: 0.42,
    best: 0.19,
    name: 'cross-entropy',
  },
  regression: { init: 1.0, worst: 0.34, best: 0.17, name: 'squared error' },
  asr: { init: 9.5, worst: 1.15, best: 0.42, name: 'CTC loss' },
  seq2seq: { init: 7.8, worst: 1.7, best: 0.88, name: 'token cross-entropy' },
};

const SLICES: Record<Task, string> = {
  ranking: 'country, platform (iOS, Android, web, TV) and listener tenure',
  retrieval: 'country, platform and how long the listener has been with us',
  embedding: 'language, content type and catalogue age',
  classification: 'country, plan type and account age',
  'text-classification': 'language and market',
  'audio-classification': 'language, device type and background-noise bucket',
  regression: 'region, hour of day and campaign type',
  asr: 'language, accent group, device and noise condition',
  seq2seq: 'language and query length',
};

// ---------------------------------------------------------------------------------------------
// Project catalogue (5 per team; order within a team = importance)

type Family = 'gbdt' | 'deep';
type Framework = 'xgboost' | 'lightgbm' | 'pytorch' | 'tensorflow';

interface ProjectTemplate {
  name: string;
  title: string;
  team: string;
  lifecycle: DemoLifecycle;
  family: Family;
  framework: Framework;
  task: Task;
  metrics: string[];
  tags: string[];
  related: string[];
  dataset: string;
  summary: string;
  why: string;
  model: string;
  data: string;
  replacedBy?: string;
}

const sys = (n: string) => `system:default/${n}`;
const comp = (n: string) => `component:default/${n}`;

const TEMPLATES: ProjectTemplate[] = [
  // home-ranking
  {
    name: 'home-feed-ranking',
    title: 'Home feed ranking',
    team: 'home-ranking',
    lifecycle: 'production',
    family: 'deep',
    framework: 'pytorch',
    task: 'ranking',
    metrics: ['ndcg_at_10', 'map', 'auc'],
    tags: ['ranking', 'recsys', 'deep-learning', 'pytorch', 'realtime'],
    related: [sys('home-feed'), comp('home-feed-ranker')],
    dataset: 'home-impressions',
    summary:
      'The model that orders every item on the Home screen: shelves, playlists, albums and episodes, for every listener, every time the app opens.',
    why: 'Home is where roughly 60% of listening sessions start. A one-point gain in NDCG@10 has historically moved minutes played per listener by about 0.4%.',
    model:
      'a multi-task DCN-v2 network (click, long listen, save) in PyTorch with a learned task mixture',
    data: 'Home impressions joined with listens over the last 28 days, de-duplicated per session, with position-bias weights from the randomised 1% bucket',
  },
  {
    name: 'home-shelf-candidates',
    title: 'Home shelf candidates',
    team: 'home-ranking',
    lifecycle: 'production',
    family: 'deep',
    framework: 'tensorflow',
    task: 'retrieval',
    metrics: ['recall_at_100', 'precision_at_10'],
    tags: [
      'recsys',
      'candidate-generation',
      'deep-learning',
      'tensorflow',
      'batch',
    ],
    related: [sys('home-feed'), comp('shelf-recommender')],
    dataset: 'listening-sessions',
    summary:
      'Candidate generation for Home shelves: a two-tower model that retrieves the few thousand playlists, albums and mixes the ranker then orders.',
    why: 'The ranker can only order what retrieval hands it. Recall@100 here is the ceiling for everything downstream.',
    model:
      'a two-tower retrieval model in TensorFlow Recommenders with in-batch and mined hard negatives',
    data: 'listening sessions (30 s+ listens) from the last 90 days, sampled to cap heavy listeners',
  },
  {
    name: 'shelf-ordering',
    title: 'Shelf ordering',
    team: 'home-ranking',
    lifecycle: 'production',
    family: 'gbdt',
    framework: 'lightgbm',
    task: 'ranking',
    metrics: ['ndcg_at_10', 'map'],
    tags: ['ranking', 'gbdt', 'lightgbm', 'realtime'],
    related: [sys('home-feed'), comp('shelf-recommender')],
    dataset: 'shelf-impressions',
    summary:
      'Decides the vertical order of shelves on Home ("Jump back in", "Made for you", daily mixes, new releases, podcasts).',
    why: 'Shelf order changes what is above the fold on small phones; it is the cheapest lever we have on Home engagement.',
    model:
      'a LightGBM LambdaMART ranker over about 180 shelf- and listener-level features',
    data: 'shelf impressions with scroll depth and the first interaction per shelf, 14-day window',
  },
  {
    name: 'new-user-cold-start',
    title: 'New-user cold start',
    team: 'home-ranking',
    lifecycle: 'experimental',
    family: 'deep',
    framework: 'pytorch',
    task: 'ranking',
    metrics: ['ndcg_at_10', 'recall_at_10'],
    tags: ['recsys', 'cold-start', 'deep-learning', 'pytorch'],
    related: [sys('home-feed')],
    dataset: 'onboarding-sessions',
    summary:
      'Exploring a dedicated Home model for listeners in their first seven days, using onboarding taste picks and device context instead of listening history.',
    why: 'Day-7 retention of new listeners is the number the growth org watches most, and the main ranker is weakest exactly there.',
    model:
      'a small transformer over onboarding picks plus a shallow ranking head, in PyTorch',
    data: 'onboarding taste picks and the first week of listens for sign-ups in the last six months',
  },
  {
    name: 'home-feed-ranking-legacy',
    title: 'Home feed ranking (legacy XGBoost)',
    team: 'home-ranking',
    lifecycle: 'deprecated',
    family: 'gbdt',
    framework: 'xgboost',
    task: 'ranking',
    metrics: ['ndcg_at_10', 'auc'],
    tags: ['ranking', 'gbdt', 'xgboost', 'realtime'],
    related: [sys('home-feed'), comp('home-feed-ranker')],
    dataset: 'home-impressions',
    summary:
      'The XGBoost ranker that served the Home feed until the deep multi-task model replaced it.',
    why: 'Kept for reference and as the fallback model the ranker loads if the main model fails its health check.',
    model:
      'XGBoost with a `rank:ndcg` objective over hand-built listener and item features',
    data: 'Home impressions and listens, 14-day window',
    replacedBy: 'home-feed-ranking',
  },
  // podcast-recs
  {
    name: 'podcast-recommendations',
    title: 'Podcast recommendations',
    team: 'podcast-recs',
    lifecycle: 'production',
    family: 'deep',
    framework: 'pytorch',
    task: 'ranking',
    metrics: ['ndcg_at_10', 'recall_at_10'],
    tags: [
      'recsys',
      'ranking',
      'podcasts',
      'deep-learning',
      'pytorch',
      'realtime',
    ],
    related: [sys('podcasts'), comp('podcast-recommender')],
    dataset: 'podcast-plays',
    summary:
      'Show and episode recommendations for the Podcasts tab and the podcast shelves on Home.',
    why: 'Podcast listening is growing faster than music and most of it starts from a recommendation, not from search.',
    model:
      'a sequence-aware ranker (SASRec-style encoder plus episode embeddings) in PyTorch',
    data: 'podcast plays longer than five minutes, follows and episode completions, 60-day window',
  },
  {
    name: 'episode-embeddings',
    title: 'Episode embeddings',
    team: 'podcast-recs',
    lifecycle: 'production',
    family: 'deep',
    framework: 'pytorch',
    task: 'embedding',
    metrics: ['recall_at_10', 'map'],
    tags: ['nlp', 'audio', 'embeddings', 'deep-learning', 'pytorch', 'batch'],
    related: [sys('podcasts'), comp('episode-embedding-service')],
    dataset: 'episode-transcripts',
    summary:
      'A shared 256-dimensional embedding for every podcast episode, built from its transcript, description and audio.',
    why: 'Recommendations, similar-episode lookups and semantic search all use these vectors; a new episode is recommendable minutes after it is published.',
    model:
      'a dual encoder (multilingual text tower plus audio tower) trained contrastively in PyTorch',
    data: 'transcripts from the speech team, episode metadata and co-listen pairs as positives',
  },
  {
    name: 'podcast-topic-classifier',
    title: 'Podcast topic classifier',
    team: 'podcast-recs',
    lifecycle: 'production',
    family: 'deep',
    framework: 'tensorflow',
    task: 'text-classification',
    metrics: ['accuracy', 'f1'],
    tags: ['nlp', 'classification', 'deep-learning', 'tensorflow', 'batch'],
    related: [sys('podcasts'), comp('episode-embedding-service')],
    dataset: 'podcast-topics-labelled',
    summary:
      'Assigns each show and episode to our 120-topic podcast taxonomy (true crime, comedy, business, ...).',
    why: 'Topics drive browse pages, editorial tooling and the topic features used by the recommender.',
    model: 'a fine-tuned multilingual BERT-small classifier in TensorFlow',
    data: '48k editor-labelled episodes plus weak labels from publisher categories',
  },
  {
    name: 'show-follow-prediction',
    title: 'Show follow prediction',
    team: 'podcast-recs',
    lifecycle: 'deprecated',
    family: 'gbdt',
    framework: 'xgboost',
    task: 'classification',
    metrics: ['auc', 'precision'],
    tags: ['tabular', 'gbdt', 'xgboost', 'batch'],
    related: [sys('podcasts')],
    dataset: 'podcast-follows',
    summary:
      'Predicted whether a listener would follow a show after the first episode.',
    why: 'It fed the "shows you might like" email. The signal now comes from the main podcast recommender.',
    model: 'XGBoost binary classifier over listener and show features',
    data: 'first-episode plays and follows within 14 days',
    replacedBy: 'podcast-recommendations',
  },
  {
    name: 'podcast-chapter-segmentation',
    title: 'Podcast chapter segmentation',
    team: 'podcast-recs',
    lifecycle: 'experimental',
    family: 'deep',
    framework: 'pytorch',
    task: 'text-classification',
    metrics: ['f1', 'accuracy'],
    tags: ['nlp', 'segmentation', 'deep-learning', 'pytorch'],
    related: [sys('podcasts')],
    dataset: 'chapter-boundaries',
    summary:
      'Automatic chapters for episodes that do not ship their own, by detecting topic boundaries in the transcript.',
    why: 'Episodes with chapters have noticeably higher completion; only about 8% of our catalogue has publisher chapters.',
    model:
      'a sentence-level boundary classifier over transcript windows, in PyTorch',
    data: 'publisher-provided chapters as labels, transcripts from the speech pipeline',
  },
  // search-relevance
  {
    name: 'search-ranking',
    title: 'Search ranking',
    team: 'search-relevance',
    lifecycle: 'production',
    family: 'gbdt',
    framework: 'xgboost',
    task: 'ranking',
    metrics: ['ndcg_at_10', 'map'],
    tags: ['ranking', 'search', 'gbdt', 'xgboost', 'realtime'],
    related: [sys('search'), comp('search-ranker')],
    dataset: 'search-sessions',
    summary:
      'Second-stage ranker for search results across tracks, artists, albums, playlists, podcasts and audiobooks.',
    why: 'Search is the most intent-heavy surface we have; a wrong top result is the most visible failure in the app.',
    model:
      'XGBoost LambdaMART (`rank:ndcg`) over about 240 query, item and listener features',
    data: 'search sessions with clicks and 30-second plays, interleaving-corrected, 21-day window',
  },
  {
    name: 'query-autocomplete',
    title: 'Query autocomplete',
    team: 'search-relevance',
    lifecycle: 'production',
    family: 'deep',
    framework: 'pytorch',
    task: 'seq2seq',
    metrics: ['accuracy', 'recall_at_10'],
    tags: ['nlp', 'search', 'deep-learning', 'pytorch', 'realtime'],
    related: [sys('search'), comp('query-understanding')],
    dataset: 'query-prefixes',
    summary:
      'Suggests completions as the listener types, personalised by recent listening and market.',
    why: 'Almost half of searches end on a suggestion; good completions save keystrokes on TV and car UIs where typing is painful.',
    model:
      'a small character-aware transformer language model with a personalisation bias, in PyTorch',
    data: 'query prefixes and the final submitted query, 30-day window, with PII filtering applied upstream',
  },
  {
    name: 'spelling-correction',
    title: 'Spelling correction',
    team: 'search-relevance',
    lifecycle: 'production',
    family: 'deep',
    framework: 'tensorflow',
    task: 'seq2seq',
    metrics: ['accuracy', 'f1'],
    tags: ['nlp', 'search', 'deep-learning', 'tensorflow', 'realtime'],
    related: [sys('search'), comp('query-understanding')],
    dataset: 'query-reformulations',
    summary:
      'Corrects misspelled queries ("billie ellish", "tayler swfit") before retrieval, with an "instead, search for" fallback.',
    why: 'About 11% of queries contain a misspelling of an artist or track name, and artist names are hard for generic spell checkers.',
    model:
      'a seq2seq transformer over characters in TensorFlow, constrained to the catalogue vocabulary',
    data: 'query reformulations within a session (typo followed by a corrected query that got a play)',
  },
  {
    name: 'query-intent-classification',
    title: 'Query intent classification',
    team: 'search-relevance',
    lifecycle: 'production',
    family: 'deep',
    framework: 'pytorch',
    task: 'text-classification',
    metrics: ['accuracy', 'f1'],
    tags: [
      'nlp',
      'search',
      'classification',
      'deep-learning',
      'pytorch',
      'realtime',
    ],
    related: [sys('search'), comp('query-understanding')],
    dataset: 'query-intents-labelled',
    summary:
      'Classifies each query as artist, track, album, playlist, podcast, audiobook, genre or mood intent.',
    why: 'Intent decides which retrieval sources are queried and how the result page is laid out.',
    model:
      'a distilled multilingual BERT classifier in PyTorch, exported to ONNX',
    data: '120k human-labelled queries plus click-derived weak labels',
  },
  {
    name: 'semantic-search-embeddings',
    title: 'Semantic search embeddings',
    team: 'search-relevance',
    lifecycle: 'experimental',
    family: 'deep',
    framework: 'pytorch',
    task: 'embedding',
    metrics: ['recall_at_10', 'ndcg_at_10'],
    tags: ['nlp', 'search', 'embeddings', 'deep-learning', 'pytorch'],
    related: [sys('search')],
    dataset: 'search-sessions',
    summary:
      'Dense retrieval for descriptive queries ("songs for a rainy sunday", "podcast about the roman empire").',
    why: 'Lexical retrieval fails on descriptive queries, which are a small but fast-growing share of searches.',
    model:
      'a query/item dual encoder fine-tuned from a multilingual sentence encoder, in PyTorch',
    data: 'search sessions with plays as positives, plus editorial playlist descriptions',
  },
  // ads-ml
  {
    name: 'ads-ctr-prediction',
    title: 'Ads CTR prediction',
    team: 'ads-ml',
    lifecycle: 'production',
    family: 'deep',
    framework: 'tensorflow',
    task: 'classification',
    metrics: ['auc', 'recall'],
    tags: ['ads', 'tabular', 'deep-learning', 'tensorflow', 'realtime'],
    related: [sys('ads-platform'), comp('ads-ctr-predictor')],
    dataset: 'ad-impressions',
    summary:
      'Predicts the click-through probability of every ad candidate in the auction, for audio, video and display ads.',
    why: 'pCTR multiplies the bid in the auction; calibration errors here are revenue errors.',
    model:
      'a DeepFM-style network with hashed sparse features in TensorFlow, calibrated with isotonic regression',
    data: 'ad impressions and clicks, 7-day window, down-sampled negatives with weight correction',
  },
  {
    name: 'ads-bid-optimizer',
    title: 'Ads bid optimizer',
    team: 'ads-ml',
    lifecycle: 'production',
    family: 'gbdt',
    framework: 'lightgbm',
    task: 'regression',
    metrics: ['rmse', 'mae'],
    tags: ['ads', 'tabular', 'gbdt', 'lightgbm', 'batch'],
    related: [sys('ads-platform'), comp('bid-optimizer')],
    dataset: 'auction-logs',
    summary:
      'Predicts the clearing price of each auction so that campaigns bid just enough to win their target share of voice.',
    why: 'Advertisers pay less for the same delivery, and pacing gets smoother across the day.',
    model:
      'a LightGBM regressor on log clearing price, one model per ad format',
    data: 'auction logs with winning and second prices, 14-day window',
  },
  {
    name: 'lookalike-audiences',
    title: 'Lookalike audiences',
    team: 'ads-ml',
    lifecycle: 'production',
    family: 'deep',
    framework: 'pytorch',
    task: 'retrieval',
    metrics: ['recall_at_100', 'auc'],
    tags: ['ads', 'embeddings', 'deep-learning', 'pytorch', 'batch', 'pii'],
    related: [sys('ads-platform')],
    dataset: 'advertiser-seed-audiences',
    summary:
      "Expands an advertiser's seed audience to listeners with similar taste and context.",
    why: 'Lookalike campaigns are the second-largest ad product by revenue.',
    model:
      'listener embeddings from a two-tower model in PyTorch, with an approximate nearest-neighbour expansion',
    data: 'consented advertiser seed lists (hashed) and listener taste profiles',
  },
  {
    name: 'ads-conversion-prediction',
    title: 'Ads conversion prediction',
    team: 'ads-ml',
    lifecycle: 'production',
    family: 'gbdt',
    framework: 'xgboost',
    task: 'classification',
    metrics: ['auc', 'precision', 'recall'],
    tags: ['ads', 'tabular', 'gbdt', 'xgboost', 'realtime'],
    related: [sys('ads-platform'), comp('ads-ctr-predictor')],
    dataset: 'ad-conversions',
    summary:
      'Predicts post-click conversion (install, sign-up, purchase) for performance campaigns.',
    why: 'Performance advertisers optimise for conversions, not clicks, and pay on that basis.',
    model: 'an XGBoost binary classifier with delayed-feedback correction',
    data: 'ad clicks joined with advertiser conversion events, 30-day attribution window',
  },
  {
    name: 'audio-ads-brand-safety',
    title: 'Audio ads brand safety',
    team: 'ads-ml',
    lifecycle: 'experimental',
    family: 'deep',
    framework: 'pytorch',
    task: 'audio-classification',
    metrics: ['f1', 'precision', 'recall'],
    tags: ['ads', 'audio', 'nlp', 'deep-learning', 'pytorch'],
    related: [sys('ads-platform')],
    dataset: 'podcast-brand-safety-labelled',
    summary:
      'Scores podcast segments for brand-safety categories so advertisers can avoid sensitive content.',
    why: 'Several large advertisers will only buy podcast inventory with segment-level brand-safety guarantees.',
    model:
      'a transcript-plus-audio classifier over 30-second windows, in PyTorch',
    data: 'segments labelled by the ads quality team against the GARM categories',
  },
  // churn-prediction
  {
    name: 'churn-prediction',
    title: 'Churn prediction',
    team: 'churn-prediction',
    lifecycle: 'production',
    family: 'gbdt',
    framework: 'xgboost',
    task: 'classification',
    metrics: ['auc', 'precision', 'recall'],
    tags: ['tabular', 'gbdt', 'xgboost', 'batch', 'pii'],
    related: [sys('subscriptions'), comp('churn-scoring-service')],
    dataset: 'subscriber-snapshots',
    summary:
      'Daily probability that each Premium subscriber cancels in the next 30 days.',
    why: 'The retention team uses the scores to target win-back offers; CRM budgets are allocated on the top decile.',
    model:
      'an XGBoost binary classifier over ~300 engagement, billing and support features',
    data: 'daily subscriber snapshots with a 30-day churn label, stratified by market',
  },
  {
    name: 'subscription-upsell',
    title: 'Subscription upsell',
    team: 'churn-prediction',
    lifecycle: 'production',
    family: 'gbdt',
    framework: 'lightgbm',
    task: 'classification',
    metrics: ['auc', 'precision_at_k'],
    tags: ['tabular', 'gbdt', 'lightgbm', 'batch', 'pii'],
    related: [sys('subscriptions'), comp('churn-scoring-service')],
    dataset: 'free-tier-snapshots',
    summary:
      'Propensity of free-tier listeners to convert to Premium after a trial offer.',
    why: 'Trial offers are expensive; showing them to the right 5% of free listeners is most of the conversion funnel.',
    model:
      'a LightGBM classifier, evaluated as precision at the campaign size k',
    data: 'free-tier listener snapshots and past trial-offer outcomes',
  },
  {
    name: 'family-plan-propensity',
    title: 'Family plan propensity',
    team: 'churn-prediction',
    lifecycle: 'experimental',
    family: 'gbdt',
    framework: 'xgboost',
    task: 'classification',
    metrics: ['auc'],
    tags: ['tabular', 'gbdt', 'xgboost', 'batch'],
    related: [sys('subscriptions')],
    dataset: 'household-signals',
    summary:
      'Which individual Premium subscribers are likely to upgrade to a Family plan.',
    why: 'Family plans churn at less than half the rate of individual plans.',
    model:
      'an XGBoost classifier over household-level signals (shared devices, shared addresses)',
    data: 'individual subscribers who upgraded in the last year versus those who did not',
  },
  {
    name: 'payment-retry-timing',
    title: 'Payment retry timing',
    team: 'churn-prediction',
    lifecycle: 'production',
    family: 'gbdt',
    framework: 'lightgbm',
    task: 'classification',
    metrics: ['auc', 'recall'],
    tags: ['tabular', 'gbdt', 'lightgbm', 'batch', 'payments'],
    related: [sys('subscriptions'), comp('churn-scoring-service')],
    dataset: 'payment-attempts',
    summary:
      'Chooses when to retry a failed card payment to maximise the chance it goes through.',
    why: 'Involuntary churn (failed payments) is about a fifth of all churn and the easiest to win back.',
    model:
      'a LightGBM classifier scoring candidate retry slots per failed payment',
    data: 'payment attempts and their outcomes by processor, card type and hour',
  },
  {
    name: 'churn-prediction-legacy',
    title: 'Churn prediction (legacy DNN)',
    team: 'churn-prediction',
    lifecycle: 'deprecated',
    family: 'deep',
    framework: 'tensorflow',
    task: 'classification',
    metrics: ['auc'],
    tags: ['tabular', 'deep-learning', 'tensorflow', 'batch', 'pii'],
    related: [sys('subscriptions')],
    dataset: 'subscriber-snapshots',
    summary:
      'The first churn model, a feed-forward network on monthly snapshots.',
    why: 'Superseded by the XGBoost model, which is better calibrated and far cheaper to retrain.',
    model: 'a 3-layer feed-forward network in TensorFlow',
    data: 'monthly subscriber snapshots',
    replacedBy: 'churn-prediction',
  },
  // speech-ml
  {
    name: 'speech-to-text',
    title: 'Speech to text',
    team: 'speech-ml',
    lifecycle: 'production',
    family: 'deep',
    framework: 'pytorch',
    task: 'asr',
    metrics: ['wer', 'cer'],
    tags: ['audio', 'asr', 'deep-learning', 'pytorch', 'realtime'],
    related: [sys('voice'), comp('speech-transcriber')],
    dataset: 'voice-queries-transcribed',
    summary:
      'Streaming speech recognition for voice search and voice commands in 14 languages.',
    why: 'Voice is the main input in cars and on smart speakers, and a mis-heard artist name is a failed session.',
    model:
      'a streaming Conformer-CTC model in PyTorch with a catalogue-biased decoder',
    data: 'opted-in voice queries with human transcripts, plus synthetic queries for long-tail artist names',
  },
  {
    name: 'wake-word',
    title: 'Wake word',
    team: 'speech-ml',
    lifecycle: 'production',
    family: 'deep',
    framework: 'tensorflow',
    task: 'audio-classification',
    metrics: ['f1', 'recall'],
    tags: ['audio', 'deep-learning', 'tensorflow', 'on-device'],
    related: [sys('voice'), comp('wake-word-detector')],
    dataset: 'wake-word-clips',
    summary:
      'Detects "Hey Sonora" on device, with a server-side second-pass verifier.',
    why: 'False accepts annoy everyone in the room; false rejects make voice feel broken. Both are tracked per device type.',
    model:
      'a small depthwise-separable CNN in TensorFlow Lite (on device) and a larger verifier (server)',
    data: 'consented wake-word recordings, hard negatives from TV and music audio, augmented with room noise',
  },
  {
    name: 'lyrics-alignment',
    title: 'Lyrics alignment',
    team: 'speech-ml',
    lifecycle: 'production',
    family: 'deep',
    framework: 'pytorch',
    task: 'audio-classification',
    metrics: ['accuracy', 'f1'],
    tags: ['audio', 'nlp', 'deep-learning', 'pytorch', 'batch'],
    related: [sys('voice')],
    dataset: 'lyrics-timed',
    summary:
      'Aligns licensed lyrics to the audio at word level, for synced lyrics and karaoke mode.',
    why: 'Only a fraction of lyrics arrive with timing; alignment unlocks synced lyrics for the rest of the catalogue.',
    model:
      'an acoustic model with source separation front-end and forced alignment, in PyTorch',
    data: 'tracks with publisher-timed lyrics as ground truth, separated vocals',
  },
  {
    name: 'podcast-transcription',
    title: 'Podcast transcription',
    team: 'speech-ml',
    lifecycle: 'production',
    family: 'deep',
    framework: 'pytorch',
    task: 'asr',
    metrics: ['wer'],
    tags: ['audio', 'asr', 'podcasts', 'deep-learning', 'pytorch', 'batch'],
    related: [
      sys('voice'),
      comp('speech-transcriber'),
      sys('podcasts'),
      comp('episode-embedding-service'),
    ],
    dataset: 'podcast-audio-transcribed',
    summary:
      'Batch transcription of every new podcast episode, for search, embeddings, chapters and accessibility.',
    why: 'Transcripts feed half a dozen downstream models and the transcript view in the app.',
    model:
      'a large offline Conformer encoder-decoder in PyTorch with speaker-turn tokens',
    data: 'human-transcribed episodes across genres and audio qualities, 9 languages',
  },
  {
    name: 'speaker-diarization',
    title: 'Speaker diarization',
    team: 'speech-ml',
    lifecycle: 'experimental',
    family: 'deep',
    framework: 'pytorch',
    task: 'audio-classification',
    metrics: ['der'],
    tags: ['audio', 'deep-learning', 'pytorch', 'batch'],
    related: [sys('voice')],
    dataset: 'podcast-speaker-turns',
    summary:
      '"Who spoke when" for podcast episodes, to label transcripts with speakers.',
    why: 'Speaker labels make transcripts readable and enable host/guest search.',
    model: 'an end-to-end neural diarization model (EEND-style) in PyTorch',
    data: 'episodes with annotated speaker turns, 2–6 speakers',
  },
  // trust-safety-ml
  {
    name: 'payment-fraud',
    title: 'Payment fraud',
    team: 'trust-safety-ml',
    lifecycle: 'production',
    family: 'gbdt',
    framework: 'xgboost',
    task: 'classification',
    metrics: ['auc', 'precision', 'recall'],
    tags: ['fraud', 'tabular', 'gbdt', 'xgboost', 'realtime', 'pii'],
    related: [sys('trust-and-safety'), comp('fraud-scoring-service')],
    dataset: 'payment-events',
    summary:
      'Scores every payment and trial sign-up for fraud (stolen cards, trial abuse) before it is authorised.',
    why: 'Chargebacks cost money and processor standing; blocking good customers costs more.',
    model: 'an XGBoost classifier with velocity and device-graph features',
    data: 'payment events with chargeback labels (90-day maturity), class-weighted',
  },
  {
    name: 'stream-fraud',
    title: 'Stream fraud',
    team: 'trust-safety-ml',
    lifecycle: 'production',
    family: 'gbdt',
    framework: 'lightgbm',
    task: 'classification',
    metrics: ['auc', 'f1'],
    tags: ['fraud', 'tabular', 'gbdt', 'lightgbm', 'batch'],
    related: [sys('trust-and-safety'), comp('fraud-scoring-service')],
    dataset: 'stream-events',
    summary:
      'Detects artificial streams from bot farms and click farms before they reach royalty reporting.',
    why: 'Artificial streams divert royalties from real artists; labels and distributors audit our numbers.',
    model:
      'a LightGBM classifier over account-level and stream-level aggregates',
    data: 'stream events aggregated per account-day, labels from investigations and honeypot tracks',
  },
  {
    name: 'abuse-detection',
    title: 'Abuse detection',
    team: 'trust-safety-ml',
    lifecycle: 'production',
    family: 'deep',
    framework: 'pytorch',
    task: 'text-classification',
    metrics: ['f1', 'precision', 'recall'],
    tags: ['moderation', 'nlp', 'deep-learning', 'pytorch', 'realtime'],
    related: [sys('trust-and-safety'), comp('abuse-classifier')],
    dataset: 'ugc-moderation-labelled',
    summary:
      'Flags abusive, hateful or spammy user-generated text: playlist titles and descriptions, profile names, comments.',
    why: 'Moderators review what the model flags; precision decides their workload, recall decides what slips through.',
    model:
      'a multilingual transformer classifier (XLM-R base) fine-tuned in PyTorch',
    data: 'moderator decisions over the last year, re-labelled samples for the rarer categories',
  },
  {
    name: 'account-takeover-detection',
    title: 'Account takeover detection',
    team: 'trust-safety-ml',
    lifecycle: 'production',
    family: 'gbdt',
    framework: 'xgboost',
    task: 'classification',
    metrics: ['auc', 'recall'],
    tags: ['fraud', 'tabular', 'gbdt', 'xgboost', 'realtime', 'pii'],
    related: [sys('trust-and-safety'), comp('fraud-scoring-service')],
    dataset: 'login-events',
    summary:
      'Scores logins and password resets for account-takeover risk and triggers step-up verification.',
    why: 'Taken-over accounts are resold; each one is also a support ticket and a lost subscriber.',
    model: 'an XGBoost classifier over login, device and geo-velocity features',
    data: 'login events with labels from confirmed takeover reports',
  },
  {
    name: 'spam-playlist-detection',
    title: 'Spam playlist detection',
    team: 'trust-safety-ml',
    lifecycle: 'deprecated',
    family: 'gbdt',
    framework: 'xgboost',
    task: 'classification',
    metrics: ['f1'],
    tags: ['moderation', 'gbdt', 'xgboost', 'batch'],
    related: [sys('trust-and-safety')],
    dataset: 'playlist-spam-labelled',
    summary: 'Detected keyword-stuffed and promotional playlists.',
    why: 'Merged into the abuse-detection model, which covers playlists together with other user-generated text.',
    model: 'an XGBoost classifier over TF-IDF and playlist statistics',
    data: 'moderator-labelled playlists',
    replacedBy: 'abuse-detection',
  },
  // ml-platform
  {
    name: 'feature-store-quality',
    title: 'Feature store quality',
    team: 'ml-platform',
    lifecycle: 'production',
    family: 'gbdt',
    framework: 'lightgbm',
    task: 'classification',
    metrics: ['auc', 'recall'],
    tags: ['data-quality', 'tabular', 'gbdt', 'lightgbm', 'batch'],
    related: [sys('ml-platform'), comp('feature-store')],
    dataset: 'feature-materialisation-stats',
    summary:
      'Flags feature materialisation runs that are likely broken (schema drift, stale sources, null spikes) before models read them.',
    why: 'Most model incidents of the last year started as a silent feature problem.',
    model:
      'a LightGBM classifier over per-feature statistics compared with their trailing history',
    data: 'materialisation statistics with labels from incident post-mortems',
  },
  {
    name: 'ml-platform-benchmarks',
    title: 'ML platform benchmarks',
    team: 'ml-platform',
    lifecycle: 'production',
    family: 'deep',
    framework: 'pytorch',
    task: 'text-classification',
    metrics: ['accuracy'],
    tags: ['benchmark', 'deep-learning', 'pytorch', 'gpu'],
    related: [sys('ml-platform'), comp('model-gateway')],
    dataset: 'benchmark-suite',
    summary:
      'Reference training jobs we run on every training-infrastructure change (new GPU pools, drivers, base images).',
    why: 'A silent 5% accuracy or throughput regression from an infrastructure change costs every team; this catches it first.',
    model:
      'a fixed set of reference models (text classifier, two-tower, small ASR) in PyTorch',
    data: 'frozen public and internal benchmark datasets',
  },
  {
    name: 'model-gateway-autoscaling',
    title: 'Model gateway autoscaling',
    team: 'ml-platform',
    lifecycle: 'experimental',
    family: 'gbdt',
    framework: 'xgboost',
    task: 'regression',
    metrics: ['rmse', 'mae'],
    tags: ['timeseries', 'gbdt', 'xgboost', 'realtime'],
    related: [sys('ml-platform'), comp('model-gateway')],
    dataset: 'gateway-traffic',
    summary:
      'Forecasts per-model request rates 15 minutes ahead so the model gateway can scale before traffic arrives.',
    why: 'Reactive autoscaling lags the morning commute and release-day spikes by several minutes.',
    model:
      'an XGBoost regressor over lagged traffic, calendar and release features',
    data: 'per-model request rates at one-minute resolution, 6 months',
  },
  {
    name: 'audio-embeddings-foundation',
    title: 'Audio embeddings foundation model',
    team: 'ml-platform',
    lifecycle: 'production',
    family: 'deep',
    framework: 'pytorch',
    task: 'embedding',
    metrics: ['map', 'recall_at_10'],
    tags: ['audio', 'embeddings', 'deep-learning', 'pytorch', 'batch'],
    related: [sys('ml-platform'), comp('feature-store')],
    dataset: 'catalogue-audio',
    summary:
      'A shared audio embedding for every track in the catalogue, published to the feature store for all teams.',
    why: 'Gives every team a strong content signal without training their own audio model.',
    model:
      'a self-supervised audio transformer trained contrastively on track segments, in PyTorch',
    data: 'the full catalogue, 10-second segments, with playlist co-occurrence as weak positives',
  },
  {
    name: 'onboarding-example',
    title: 'Onboarding example',
    team: 'ml-platform',
    lifecycle: 'experimental',
    family: 'deep',
    framework: 'pytorch',
    task: 'text-classification',
    metrics: ['accuracy'],
    tags: ['tutorial', 'deep-learning', 'pytorch'],
    related: [sys('ml-platform')],
    dataset: 'genre-tags-sample',
    summary:
      'The template project new ML engineers copy on their first day: a small genre classifier wired up to every platform service.',
    why: 'Shows the paved road end to end: features, training, tracking in ML Home, registry, evaluation and deployment.',
    model: 'a small text classifier over track metadata in PyTorch',
    data: 'a 50k-track sample with editorial genre tags',
  },
];

/** Templates interleaved by team, so any prefix spreads over the teams. */
const TEMPLATE_ORDER: ProjectTemplate[] = (() => {
  const byTeam = DEMO_TEAMS.map(t => TEMPLATES.filter(p => p.team === t.name));
  const out: ProjectTemplate[] = [];
  const rounds = Math.max(...byTeam.map(l => l.length));
  for (let i = 0; i < rounds; i++) {
    for (const list of byTeam) if (i < list.length) out.push(list[i]);
  }
  return out;
})();

/** Regional and product variants: projects beyond the first 40 are named `<template>-<slug>`. */
export const DEMO_VARIANTS: readonly { slug: string; title: string }[] = [
  { slug: 'emea', title: 'EMEA' },
  { slug: 'latam', title: 'LATAM' },
  { slug: 'apac', title: 'APAC' },
  { slug: 'na', title: 'North America' },
  { slug: 'kids', title: 'Kids' },
  { slug: 'lite', title: 'Lite app' },
  { slug: 'tv', title: 'TV' },
  { slug: 'car', title: 'Car' },
  { slug: 'web', title: 'Web player' },
  { slug: 'audiobooks', title: 'Audiobooks' },
  { slug: 'v2', title: 'v2' },
  { slug: 'shadow', title: 'shadow' },
];

// ---------------------------------------------------------------------------------------------
// Text

const EXPERIMENT_POOL: Record<Task, string[]> = {
  ranking: [
    'baseline',
    'hparam-sweep',
    'position-bias-correction',
    'listwise-loss',
    'multi-objective-weights',
    'feature-ablation',
    'fresh-content-boost',
  ],
  retrieval: [
    'two-tower-baseline',
    'hard-negative-mining',
    'embedding-dim-sweep',
    'in-batch-negatives',
    'hparam-sweep',
  ],
  embedding: [
    'contrastive-baseline',
    'hard-negative-mining',
    'embedding-dim-sweep',
    'multilingual-encoder',
    'distillation',
  ],
  classification: [
    'baseline',
    'hparam-sweep',
    'class-weighting',
    'feature-ablation',
    'calibration',
    'label-delay-study',
  ],
  'text-classification': [
    'baseline',
    'hparam-sweep',
    'multilingual-finetune',
    'distillation',
    'max-seq-len-sweep',
    'label-noise-cleanup',
  ],
  'audio-classification': [
    'baseline',
    'hparam-sweep',
    'spec-augment-sweep',
    'noise-robustness',
    'distillation',
  ],
  regression: [
    'baseline',
    'hparam-sweep',
    'quantile-loss',
    'seasonality-features',
    'feature-ablation',
  ],
  asr: [
    'conformer-small',
    'conformer-large',
    'spec-augment-sweep',
    'noisy-data-finetune',
    'lm-fusion',
    'multilingual-finetune',
  ],
  seq2seq: [
    'baseline',
    'hparam-sweep',
    'char-vs-subword',
    'distillation',
    'multilingual',
  ],
};

const EXPERIMENT_TEXT: Record<string, string> = {
  baseline:
    'Reference configuration; every other experiment compares against its best run.',
  'hparam-sweep':
    'Random search over the main hyper-parameters on the current training set.',
  'position-bias-correction':
    'Inverse-propensity weighting of clicks using the randomised bucket.',
  'listwise-loss': 'Listwise (softmax) loss instead of pairwise logistic loss.',
  'multi-objective-weights':
    'Trading off clicks, long listens and saves in the training objective.',
  'feature-ablation':
    'Dropping feature groups one at a time to see what actually carries the model.',
  'fresh-content-boost':
    'Features and loss weights that help new releases surface in their first week.',
  'two-tower-baseline': 'Plain two-tower model with in-batch negatives.',
  'hard-negative-mining':
    "Mining hard negatives from the previous model's top results.",
  'embedding-dim-sweep':
    'Embedding sizes from 64 to 512 versus recall and serving cost.',
  'in-batch-negatives':
    'Larger batches and logQ correction for in-batch negatives.',
  'contrastive-baseline':
    'InfoNCE with default temperature and random negatives.',
  'multilingual-encoder':
    'Replacing the English encoder with a multilingual one.',
  distillation:
    'Distilling the large model into something we can afford to serve.',
  'class-weighting':
    'Class weights versus negative down-sampling for the rare positive class.',
  calibration: 'Isotonic versus Platt calibration on the latest hold-out.',
  'label-delay-study':
    'How much label maturity we need before a day of data is usable.',
  'multilingual-finetune':
    'Fine-tuning on all markets at once instead of one model per language.',
  'max-seq-len-sweep':
    'Sequence lengths 64 to 512 versus accuracy and latency.',
  'label-noise-cleanup':
    'Retraining after re-labelling the noisiest 5% of the training set.',
  'spec-augment-sweep': 'SpecAugment masking strength and count.',
  'noise-robustness': 'Training with room, car and TV noise augmentation.',
  'quantile-loss': 'Predicting P50 and P90 instead of the mean.',
  'seasonality-features': 'Adding hour-of-week and holiday features.',
  'conformer-small':
    'Streaming Conformer, 30M parameters, for on-device and low-latency serving.',
  'conformer-large':
    'Conformer, 120M parameters, for server-side and batch transcription.',
  'noisy-data-finetune': 'Fine-tuning on in-car and smart-speaker recordings.',
  'lm-fusion': 'Shallow fusion with a catalogue-biased language model.',
  'char-vs-subword': 'Character-level versus subword tokenisation.',
  multilingual: 'One model for all markets.',
};

const ADJECTIVES = [
  'brave',
  'calm',
  'clever',
  'bold',
  'bright',
  'gentle',
  'lucky',
  'mellow',
  'quiet',
  'rapid',
  'silent',
  'sunny',
  'witty',
  'zesty',
  'amber',
  'crimson',
  'golden',
  'polite',
  'sleepy',
  'nimble',
];
const ANIMALS = [
  'otter',
  'heron',
  'lynx',
  'panda',
  'falcon',
  'koala',
  'badger',
  'gecko',
  'moose',
  'finch',
  'whale',
  'tapir',
  'ibis',
  'yak',
  'wren',
  'marten',
  'stork',
  'newt',
  'bison',
  'crane',
];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function listText(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** How a project's model is served, for its description. */
function servingText(tpl: ProjectTemplate): string {
  const component = tpl.related.find(r => r.startsWith('component:'));
  if (component)
    return `served by \`${component.split('/')[1]}\` behind the model gateway`;
  if (tpl.tags.includes('batch'))
    return 'batch scoring job; results are published to the feature store';
  return 'not served yet; offline evaluation only';
}

function projectDescription(
  tpl: ProjectTemplate,
  variant: { slug: string; title: string } | undefined,
  rng: Rng,
): string {
  const team = DEMO_TEAMS.find(t => t.name === tpl.team)!;
  const parts: string[] = [];
  if (tpl.lifecycle === 'deprecated') {
    parts.push(
      `> **Deprecated.** ${tpl.replacedBy ? `Replaced by \`${tpl.replacedBy}\`. ` : ''}No new experiments; runs are kept for reference.`,
    );
  } else if (tpl.lifecycle === 'experimental') {
    parts.push(
      '> **Experimental.** Not serving production traffic yet. Expect the experiments below to change shape often.',
    );
  }
  parts.push(
    variant
      ? `${tpl.summary} This is the ${variant.title} variant, trained and evaluated on ${variant.title} traffic only.`
      : tpl.summary,
  );
  parts.push(`## Why it matters\n\n${tpl.why}`);

  const cadence = tpl.tags.includes('realtime')
    ? rng.pick([
        'daily incremental retrain, full retrain weekly',
        'daily, from the nightly pipeline',
        'every 6 hours on fresh data',
      ])
    : rng.pick([
        'weekly, Monday morning UTC',
        'weekly, from the scheduled pipeline',
        'monthly, or on demand after data fixes',
      ]);
  const serving = servingText(tpl);
  parts.push(
    [
      '## How it works',
      '',
      `We train ${tpl.model}. The training loss is ${LOSS[tpl.task].name}.`,
      '',
      `- **Training data:** ${tpl.data} (dataset \`${tpl.dataset}\`).`,
      `- **Framework:** ${frameworkTitle(tpl.framework)}, tracked in ML Home (one run per training job).`,
      `- **Retraining:** ${cadence}.`,
      `- **Serving:** ${serving}.`,
    ].join('\n'),
  );
  const metricList = listText(tpl.metrics.map(m => `\`${m}\``));
  const holdout = rng.pick(['7', '14', '28']);
  parts.push(
    [
      '## Evaluation',
      '',
      `The headline metric${tpl.metrics.length > 1 ? 's are' : ' is'} ${metricList} on a time-based hold-out (the most recent ${holdout} days), sliced by ${SLICES[tpl.task]}.`,
      tpl.lifecycle === 'production'
        ? 'A candidate is promoted only if it beats the current `champion` on the overall slice and does not regress on any slice by more than the thresholds in its evaluation; offline wins are then confirmed in an A/B test.'
        : 'Compare new runs against the best run of the `baseline` experiment before drawing conclusions.',
    ].join('\n'),
  );
  parts.push(
    [
      '## Working with us',
      '',
      '- Name runs after what they test (`lr-3e-4-bs-256`, `no-session-features`), not after yourself.',
      '- Put the dataset snapshot in the `dataset_version` tag so results stay reproducible.',
      `- Questions: #${tpl.team} on Slack or ${tpl.team}@sonora.example (${team.title}).`,
    ].join('\n'),
  );
  return parts.join('\n\n');
}

function frameworkTitle(f: Framework): string {
  switch (f) {
    case 'xgboost':
      return 'XGBoost';
    case 'lightgbm':
      return 'LightGBM';
    case 'pytorch':
      return 'PyTorch';
    case 'tensorflow':
      return 'TensorFlow';
    default:
      return f;
  }
}

// ---------------------------------------------------------------------------------------------
// Hyper-parameters and their quality

interface LrOption {
  value: number;
  str: string;
  short: string;
}

const lr = (value: number, str: string, short: string): LrOption => ({
  value,
  str,
  short,
});

const GBDT_LR: LrOption[] = [
  lr(0.01, '0.01', '0.01'),
  lr(0.02, '0.02', '0.02'),
  lr(0.03, '0.03', '0.03'),
  lr(0.05, '0.05', '0.05'),
  lr(0.08, '0.08', '0.08'),
  lr(0.1, '0.1', '0.1'),
  lr(0.15, '0.15', '0.15'),
  lr(0.2, '0.2', '0.2'),
  lr(0.3, '0.3', '0.3'),
];
const ADAM_LR: LrOption[] = [
  lr(5e-5, '5e-05', '5e-5'),
  lr(1e-4, '0.0001', '1e-4'),
  lr(2e-4, '0.0002', '2e-4'),
  lr(3e-4, '0.0003', '3e-4'),
  lr(5e-4, '0.0005', '5e-4'),
  lr(1e-3, '0.001', '1e-3'),
  lr(2e-3, '0.002', '2e-3'),
  lr(5e-3, '0.005', '5e-3'),
];
const SGD_LR: LrOption[] = [
  lr(0.005, '0.005', '5e-3'),
  lr(0.01, '0.01', '1e-2'),
  lr(0.03, '0.03', '3e-2'),
  lr(0.05, '0.05', '5e-2'),
  lr(0.1, '0.1', '1e-1'),
  lr(0.3, '0.3', '3e-1'),
];

interface TrainingPlan {
  params: Record<string, string>;
  /** 0 (worst) … 1 (best) hyper-parameter quality */
  quality: number;
  /** how risky the config is for divergence, 0 … 1 */
  instability: number;
  lastStep: number;
  trainInterval: number;
  evalInterval: number;
  tauLoss: number;
  tauMetric: number;
  overfitOnset: number;
  overfitAmount: number;
  msPerStep: number;
  nameHint: string;
  lrSchedule?: {
    base: number;
    warmup: number;
    kind: 'cosine' | 'linear' | 'step' | 'constant';
  };
  gradNorm: boolean;
  lossNoise: number;
  spikeProb: number;
}

const clamp = (v: number, lo: number, hi: number) =>
  Math.min(hi, Math.max(lo, v));

function gbdtPlan(
  tpl: ProjectTemplate,
  rng: Rng,
  budgetPoints: number,
): TrainingPlan {
  const lrOpt = rng.pick(GBDT_LR);
  const depth = rng.int(3, 12);
  const nEstimators = rng.pick([100, 200, 300, 500, 800, 1000, 1500, 2000]);
  const subsample = rng.pick([0.6, 0.7, 0.8, 0.9, 1.0]);
  const colsample = rng.pick([0.5, 0.6, 0.7, 0.8, 1.0]);
  const minChildWeight = rng.pick([1, 3, 5, 10]);
  const regLambda = rng.pick([0, 0.1, 1, 5, 10]);
  const xgb = tpl.framework === 'xgboost';
  let objective: string;
  let evalMetric: string;
  if (tpl.task === 'ranking') {
    objective = xgb ? 'rank:ndcg' : 'lambdarank';
    evalMetric = xgb ? 'ndcg@10' : 'ndcg';
  } else if (tpl.task === 'regression') {
    objective = xgb ? 'reg:squarederror' : 'regression';
    evalMetric = 'rmse';
  } else {
    objective = xgb ? 'binary:logistic' : 'binary';
    evalMetric = 'auc';
  }

  const params: Record<string, string> = {
    learning_rate: lrOpt.str,
    max_depth: String(depth),
    n_estimators: String(nEstimators),
    subsample: subsample.toFixed(1),
    colsample_bytree: colsample.toFixed(1),
    min_child_weight: String(minChildWeight),
    reg_lambda: String(regLambda),
    objective,
    eval_metric: evalMetric,
    early_stopping_rounds: '50',
    seed: String(rng.pick([0, 7, 42, 1234])),
  };
  if (xgb) params.tree_method = 'hist';
  else params.num_leaves = String(Math.min(255, 2 ** Math.min(depth, 8) - 1));
  if (tpl.metrics.includes('precision_at_k'))
    params.k = rng.pick(['1000', '5000', '10000']);

  // Penalties: learning rate too high, depth far from ~7, (col)subsampling extremes, no regularisation.
  const pLr =
    lrOpt.value > 0.1 ? 0.9 * Math.log10(lrOpt.value / 0.1) ** 2 + 0.04 : 0;
  const pDepth = 0.009 * (depth - 7) ** 2;
  const pSub = 1.5 * (subsample - 0.8) ** 2;
  const pCol = 1.0 * (colsample - 0.75) ** 2;
  const pReg = regLambda === 0 ? 0.04 : 0;
  const pChild = minChildWeight === 10 ? 0.02 : 0;
  const quality = clamp(1 - (pLr + pDepth + pSub + pCol + pReg + pChild), 0, 1);

  // Boosting progress: ~4/lr rounds per e-fold, deeper trees learn faster.
  const tauLoss = (4 / lrOpt.value) * Math.sqrt(6 / depth);
  const interval = Math.max(1, Math.ceil(nEstimators / budgetPoints));
  const onsetRounds = 3 * tauLoss;
  return {
    params,
    quality,
    instability: 0,
    lastStep: nEstimators - 1,
    trainInterval: interval,
    evalInterval: interval,
    tauLoss,
    tauMetric: tauLoss * 0.8,
    overfitOnset: clamp(onsetRounds / nEstimators, 0.05, 1),
    overfitAmount: clamp(
      0.04 *
        (depth / 8) ** 2 *
        Math.sqrt(lrOpt.value / 0.1) *
        (1.4 - subsample),
      0,
      0.25,
    ),
    msPerStep: rng.range(40, 1800),
    nameHint: rng.chance(0.5)
      ? `lr-${lrOpt.short}-depth-${depth}`
      : `d${depth}-n${nEstimators}-lr-${lrOpt.short}`,
    gradNorm: false,
    lossNoise: 0.002,
    spikeProb: 0,
  };
}

/** Tasks trained with large batches (sparse/tabular inputs). */
const LARGE_BATCH_TASKS: ReadonlySet<Task> = new Set<Task>([
  'retrieval',
  'ranking',
  'classification',
]);

/** Draws a batch size suited to the task; exactly one rng call. */
function pickBatchSize(rng: Rng, task: Task, audio: boolean): number {
  if (audio) return rng.pick([16, 32, 64, 128]);
  if (LARGE_BATCH_TASKS.has(task))
    return rng.pick([256, 512, 1024, 2048, 4096]);
  return rng.pick([32, 64, 128, 256]);
}

/** Quality penalty per optimizer (adamw is the reference). */
const OPTIMIZER_PENALTY: Record<'adamw' | 'adam' | 'sgd', number> = {
  adamw: 0,
  adam: 0.02,
  sgd: 0.07,
};

function deepPlan(
  tpl: ProjectTemplate,
  rng: Rng,
  budgetPoints: number,
  stepsBase: number,
): TrainingPlan {
  const optimizer = rng.weighted([
    ['adamw', 50],
    ['adam', 35],
    ['sgd', 15],
  ] as const);
  const lrOpt = rng.pick(optimizer === 'sgd' ? SGD_LR : ADAM_LR);
  const optimalLr = optimizer === 'sgd' ? 0.05 : 3e-4;
  const audio = tpl.task === 'asr' || tpl.task === 'audio-classification';
  const batchSize = pickBatchSize(rng, tpl.task, audio);
  const typicalBatch = audio ? 64 : 512;
  const epochs = rng.int(3, 30);
  const dropout = rng.pick([0, 0.05, 0.1, 0.2, 0.3, 0.5]);
  const hidden = rng.pick([128, 256, 512, 1024, 2048]);
  const layers = rng.int(1, 6);
  const embeddingDim = rng.pick([32, 64, 128, 256]);
  const warmup = rng.pick([0, 500, 1000, 2000, 4000]);
  const weightDecay =
    optimizer === 'adamw'
      ? rng.pick(['0.01', '0.05', '0.1'])
      : rng.pick(['0.0', '1e-05']);
  const scheduler = rng.weighted([
    ['cosine', 50],
    ['linear', 25],
    ['step', 15],
    ['constant', 10],
  ] as const);

  const stepsPerEpoch = Math.max(
    20,
    Math.round((stepsBase * typicalBatch) / batchSize),
  );
  const lastStep = epochs * stepsPerEpoch;

  const params: Record<string, string> = {
    optimizer,
    learning_rate: lrOpt.str,
    batch_size: String(batchSize),
    epochs: String(epochs),
    dropout: String(dropout),
    hidden_units: String(hidden),
    num_layers: String(layers),
    warmup_steps: String(warmup),
    weight_decay: weightDecay,
    lr_scheduler: scheduler,
    seed: String(rng.pick([0, 1, 42, 1234, 2026])),
  };
  if (optimizer === 'sgd') params.momentum = rng.pick(['0.9', '0.95']);
  if (!audio) params.embedding_dim = String(embeddingDim);
  if (tpl.task === 'retrieval' || tpl.task === 'embedding') {
    params.num_negatives = rng.pick(['0', '16', '64', '256']);
    params.temperature = rng.pick(['0.05', '0.07', '0.1']);
  }
  if (
    tpl.task === 'text-classification' ||
    tpl.task === 'seq2seq' ||
    tpl.task === 'embedding'
  ) {
    params.max_seq_len = rng.pick(['64', '128', '256', '512']);
    params.tokenizer = rng.pick([
      'sentencepiece-32k',
      'wordpiece-30k',
      'bytes',
    ]);
  }
  if (audio) {
    params.sample_rate = '16000';
    params.num_mel_bins = rng.pick(['64', '80', '128']);
    params.spec_augment = rng.pick(['true', 'false']);
  }
  if (tpl.task === 'asr') params.beam_size = rng.pick(['1', '4', '8', '16']);
  if (tpl.framework === 'pytorch')
    params.precision = rng.pick(['bf16-mixed', '16-mixed', '32']);
  if (tpl.framework === 'tensorflow')
    params.mixed_precision = rng.pick(['mixed_float16', 'float32']);

  const lrDist = Math.log10(lrOpt.value / optimalLr);
  const pLr = 0.22 * lrDist ** 2;
  const pOpt = OPTIMIZER_PENALTY[optimizer];
  const pDrop = 1.6 * (dropout - 0.15) ** 2;
  const pCap = 0.012 * Math.log2(2048 / hidden) ** 2;
  const pLayers = 0.012 * (layers - 3.5) ** 2;
  const pEmb = audio ? 0 : 0.015 * Math.log2(256 / embeddingDim);
  const pWarm = warmup === 0 ? 0.05 : 0;
  const pBatch = 0.006 * Math.log2(batchSize / typicalBatch) ** 2;
  const pEpochs = epochs < 6 ? 0.03 : 0;
  const quality = clamp(
    1 - (pLr + pOpt + pDrop + pCap + pLayers + pEmb + pWarm + pBatch + pEpochs),
    0,
    1,
  );
  const instability = clamp(
    (lrDist > 0 ? lrDist : 0) * 0.8 + (warmup === 0 ? 0.2 : 0),
    0,
    1,
  );

  const trainPts = Math.min(lastStep + 1, budgetPoints);
  const trainInterval = Math.max(1, Math.ceil(lastStep / trainPts));
  const evalPts = rng.int(20, 50);
  const evalInterval =
    trainInterval * Math.max(1, Math.round(trainPts / evalPts));
  const tauLoss = clamp(
    stepsPerEpoch * rng.range(0.7, 1.8) * Math.sqrt(optimalLr / lrOpt.value),
    lastStep * 0.04,
    lastStep * 0.6,
  );
  const bsShort =
    batchSize >= 1024 ? `${batchSize / 1024}k` : String(batchSize);
  return {
    params,
    quality,
    instability,
    lastStep,
    trainInterval,
    evalInterval,
    tauLoss,
    tauMetric: tauLoss * rng.range(0.9, 1.4),
    overfitOnset: rng.range(0.45, 0.75),
    overfitAmount: clamp(
      (0.02 + 0.35 * Math.max(0, 0.25 - dropout) * (hidden / 1024)) *
        (epochs / 15),
      0,
      0.25,
    ),
    msPerStep: audio ? rng.range(250, 900) : rng.range(60, 400),
    nameHint: rng.chance(0.6)
      ? `lr-${lrOpt.short}-bs-${bsShort}`
      : `${optimizer}-lr-${lrOpt.short}-do-${dropout}`,
    lrSchedule: {
      base: lrOpt.value,
      warmup: Math.min(warmup, Math.floor(lastStep / 3)),
      kind: scheduler,
    },
    gradNorm: rng.chance(0.5),
    lossNoise: rng.range(0.015, 0.045),
    spikeProb: rng.range(0.003, 0.015),
  };
}

// ---------------------------------------------------------------------------------------------
// Curves

const sig = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(6)) : v);

function grid(lastStep: number, interval: number, stopStep: number): number[] {
  const steps: number[] = [];
  for (let s = 0; s <= stopStep; s += interval) steps.push(s);
  if (stopStep === lastStep && steps[steps.length - 1] !== lastStep)
    steps.push(lastStep);
  return steps;
}

function lrAt(
  step: number,
  lastStep: number,
  schedule: NonNullable<TrainingPlan['lrSchedule']>,
): number {
  const { base, warmup, kind } = schedule;
  if (warmup > 0 && step < warmup) return (base * (step + 1)) / warmup;
  const p = lastStep > warmup ? (step - warmup) / (lastStep - warmup) : 1;
  switch (kind) {
    case 'cosine':
      return base * (0.01 + 0.99 * 0.5 * (1 + Math.cos(Math.PI * p)));
    case 'linear':
      return base * Math.max(0.01, 1 - p);
    case 'step':
      return base * 0.1 ** Math.min(2, Math.floor(p * 3));
    default:
      return base;
  }
}

interface RunCurveInput {
  tpl: ProjectTemplate;
  plan: TrainingPlan;
  /** per-project offset of the metric plateaus (difficulty of this project's data) */
  difficulty: number;
  stopStep: number;
  diverged: boolean;
  startMs: number;
  setupMs: number;
}

function buildCurves(rng: Rng, input: RunCurveInput): DemoMetricSeries[] {
  const { tpl, plan, difficulty, stopStep, diverged, startMs, setupMs } = input;
  const loss = LOSS[tpl.task];
  const q = plan.quality;
  const S = plan.lastStep;
  const ts = (step: number) =>
    Math.round(startMs + setupMs + step * plan.msPerStep);
  const lossFloor = loss.worst + (loss.best - loss.worst) * q;
  const valFloor = lossFloor * rng.range(1.06, 1.18);
  const overfit = (t: number) => {
    const x =
      Math.max(0, t / S - plan.overfitOnset) /
      Math.max(0.05, 1 - plan.overfitOnset);
    return x * x;
  };
  const trainSteps = grid(S, plan.trainInterval, stopStep);
  const evalSteps = grid(S, plan.evalInterval, stopStep);
  const divergeFrom = diverged
    ? trainSteps[Math.max(1, trainSteps.length - rng.int(4, 10))]
    : Number.POSITIVE_INFINITY;
  const n = trainSteps.length;

  const series: DemoMetricSeries[] = [];

  // training loss: exponential decay, multiplicative noise, occasional spikes
  const train: DemoMetricPoint[] = trainSteps.map((step, i) => {
    let v =
      lossFloor + (loss.init - lossFloor) * Math.exp(-step / plan.tauLoss);
    v *= 1 + plan.lossNoise * rng.normal();
    if (
      plan.spikeProb > 0 &&
      i > n * 0.1 &&
      i < n * 0.9 &&
      rng.chance(plan.spikeProb)
    ) {
      v *= 1 + rng.range(0.3, 1.4);
    }
    if (step >= divergeFrom) {
      v *= Math.exp(
        ((step - divergeFrom) / plan.trainInterval + 1) * rng.range(0.6, 1.2),
      );
    }
    return { step, value: sig(v), timestamp: ts(step) };
  });
  if (diverged && train.length > 0) train[train.length - 1].value = Number.NaN;
  series.push({ key: 'train_loss', points: train });

  // validation loss: decays, then slightly overfits
  const val: DemoMetricPoint[] = evalSteps.map(step => {
    let v =
      valFloor +
      (loss.init * 1.02 - valFloor) * Math.exp(-step / plan.tauLoss) +
      plan.overfitAmount * lossFloor * 1.2 * overfit(step);
    v *= 1 + (plan.lossNoise / 3) * rng.normal();
    if (step >= divergeFrom)
      v *= Math.exp(((step - divergeFrom) / plan.trainInterval + 1) * 0.5);
    return { step, value: sig(v), timestamp: ts(step) + 1 };
  });
  series.push({ key: 'val_loss', points: val });

  // task metrics: rise (or fall, for error rates) to a plateau that depends on the params
  for (const key of tpl.metrics) {
    const spec = METRICS[key];
    const worst = spec.lowerIsBetter
      ? spec.worst * (1 + difficulty)
      : spec.worst - difficulty;
    const best = spec.lowerIsBetter
      ? spec.best * (1 + difficulty)
      : spec.best - difficulty;
    const plateau =
      worst + (best - worst) * q + (best - worst) * 0.015 * rng.normal();
    const init =
      tpl.family === 'gbdt'
        ? spec.init + (worst - spec.init) * 0.55
        : spec.init;
    const dir = spec.lowerIsBetter ? -1 : 1;
    const drop = Math.abs(best - worst) * plan.overfitAmount * 0.6;
    const points = evalSteps.map(step => {
      let v =
        init +
        (plateau - init) * (1 - Math.exp(-step / plan.tauMetric)) -
        dir * drop * overfit(step);
      v += spec.noise * rng.normal();
      if (step >= divergeFrom) v = init + (v - init) * 0.5;
      if (BOUNDED_01.has(key) && !spec.lowerIsBetter) v = clamp(v, 0, 1);
      else v = Math.max(0, v);
      return { step, value: sig(v), timestamp: ts(step) + 2 };
    });
    series.push({ key, points });
  }

  if (plan.lrSchedule) {
    const schedule = plan.lrSchedule;
    series.push({
      key: 'learning_rate',
      points: trainSteps.map(step => ({
        step,
        value: sig(lrAt(step, S, schedule)),
        timestamp: ts(step),
      })),
    });
  }

  if (plan.gradNorm) {
    const g0 = rng.range(2, 12);
    const gradSteps = trainSteps.filter((_, i) => i % 2 === 0 || i === n - 1);
    const points = gradSteps.map(step => {
      let v =
        g0 *
        (0.25 + 0.75 * Math.exp(-step / plan.tauLoss)) *
        (1 + 0.2 * rng.normal());
      if (step >= divergeFrom)
        v *= Math.exp(((step - divergeFrom) / plan.trainInterval + 1) * 1.5);
      return { step, value: sig(Math.abs(v)), timestamp: ts(step) };
    });
    if (diverged && points.length > 0)
      points[points.length - 1].value = Number.NaN;
    series.push({ key: 'grad_norm', points });
  }

  if (tpl.family === 'deep' && rng.chance(0.35)) {
    series.push({
      key: 'throughput_samples_per_sec',
      points: evalSteps.map(step => ({
        step,
        value: sig(
          ((Number(plan.params.batch_size) * 1000) / plan.msPerStep) *
            (1 + 0.04 * rng.normal()),
        ),
        timestamp: ts(step) + 3,
      })),
    });
  }
  return series;
}

// ---------------------------------------------------------------------------------------------
// Generation

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

interface ProjectSpec {
  tpl: ProjectTemplate;
  name: string;
  title: string;
  variant?: { slug: string; title: string };
}

function projectSpecs(count: number): ProjectSpec[] {
  const specs: ProjectSpec[] = [];
  for (let i = 0; i < count; i++) {
    const tpl = TEMPLATE_ORDER[i % TEMPLATE_ORDER.length];
    const round = Math.floor(i / TEMPLATE_ORDER.length);
    if (round === 0) {
      specs.push({ tpl, name: tpl.name, title: tpl.title });
      continue;
    }
    const v = DEMO_VARIANTS[(round - 1) % DEMO_VARIANTS.length];
    const cycle = Math.floor((round - 1) / DEMO_VARIANTS.length);
    const slug = cycle === 0 ? v.slug : `${v.slug}-${cycle + 1}`;
    const title = cycle === 0 ? v.title : `${v.title} ${cycle + 1}`;
    specs.push({
      tpl,
      name: `${tpl.name}-${slug}`,
      title: `${tpl.title} (${title})`,
      variant: { slug, title },
    });
  }
  return specs;
}

/** Project age range in days, by lifecycle. */
const PROJECT_AGE_DAYS: Record<DemoLifecycle, readonly [number, number]> = {
  deprecated: [500, 1100],
  experimental: [30, 220],
  production: [150, 900],
};

function generateProject(
  seed: number,
  spec: ProjectSpec,
  runIds: Set<string>,
  out: DemoDataset,
  now: number,
): void {
  const { tpl, name } = spec;
  const rng = new Rng(hashString(`${seed}:${name}`));
  const team = DEMO_TEAMS.find(t => t.name === tpl.team)!;

  // timeline
  const [minAge, maxAge] = PROJECT_AGE_DAYS[tpl.lifecycle];
  const ageDays = rng.int(minAge, maxAge);
  const createdAt = now - ageDays * DAY - rng.int(0, DAY - 1);
  const activeUntil =
    tpl.lifecycle === 'deprecated' ? now - rng.int(60, 300) * DAY : now;

  const tags = spec.variant
    ? [...tpl.tags, spec.variant.slug.replace(/-\d+$/, '')]
    : [...tpl.tags];
  const links = [
    {
      title: 'Repository',
      url: `https://git.sonora.example/${tpl.team}/${name}`,
    },
    {
      title: 'Design doc',
      url: `https://docs.sonora.example/ml/${name}/design`,
    },
  ];
  if (tpl.lifecycle === 'production') {
    links.push({
      title: 'Model health dashboard',
      url: `https://grafana.sonora.example/d/${name}/model-health`,
    });
    links.push({
      title: 'On-call runbook',
      url: `https://wiki.sonora.example/${tpl.team}/runbooks/${name}`,
    });
  }
  if (rng.chance(0.5))
    links.push({
      title: `#${tpl.team} on Slack`,
      url: `https://sonora.slack.example/channels/${tpl.team}`,
    });

  out.projects.push({
    name,
    title: spec.title,
    description: projectDescription(tpl, spec.variant, rng),
    owner: `group:default/${tpl.team}`,
    lifecycle: tpl.lifecycle,
    tags,
    links,
    relatedEntities: [...tpl.related],
    createdAt,
    metricDirections: {},
  });

  // project-level constants
  const difficulty = rng.range(-0.025, 0.03);
  const stepsBase = rng.int(40, 400);
  const commits = Array.from({ length: rng.int(4, 14) }, () => rng.hex(40));
  const userWeights = team.users.map(
    (u, i) =>
      [
        u,
        u === 'guest' ? 0.4 : Math.max(1, 6 - i * 1.2) * rng.range(0.6, 1.4),
      ] as const,
  );

  // experiments
  const expCount = rng.int(1, 4);
  const expNames = rng.sample(EXPERIMENT_POOL[tpl.task], expCount);
  const span = activeUntil - createdAt;
  const expStarts = expNames
    .map(() => createdAt + Math.floor(rng.range(0, 0.75) * span))
    .sort((a, b) => a - b);
  expStarts[0] = createdAt + rng.int(1, 48) * HOUR;
  const experiments: DemoExperiment[] = expNames.map((expName, i) => ({
    project: name,
    name: expName,
    description:
      EXPERIMENT_TEXT[expName] ??
      `${capitalise(expName.replace(/-/g, ' '))} for ${spec.title.toLowerCase()}.`,
    createdAt: expStarts[i],
  }));
  out.experiments.push(...experiments);

  // runs: 5–60 per project, skewed towards fewer
  const totalRuns = 5 + Math.floor(55 * rng.float() ** 2.2);
  const expWeights = experiments.map(() => rng.range(0.5, 2));
  const perExp = experiments.map(() => 0);
  for (let i = 0; i < totalRuns; i++)
    perExp[rng.weighted(expWeights.map((w, j) => [j, w] as const))]++;

  const firstRun = out.runs.length;
  experiments.forEach((exp, ei) => {
    const runs: DemoRun[] = [];
    for (let r = 0; r < perExp[ei]; r++) {
      runs.push(
        generateRun(rng, spec, exp, {
          now,
          activeUntil,
          difficulty,
          stepsBase,
          commits,
          userWeights,
          runIds,
          createdAt,
        }),
      );
    }
    runs.sort(
      (a, b) => a.startTime - b.startTime || (a.runId < b.runId ? -1 : 1),
    );
    out.runs.push(...runs);
  });

  // The registry draws from a stream of its own, so the runs above do not depend on it.
  const registry = generateProjectRegistry({
    seed,
    now,
    project: out.projects[out.projects.length - 1],
    template: tpl,
    teamUsers: team.users,
    runs: out.runs.slice(firstRun),
    lowerIsBetter: isLowerBetterMetric,
  });
  out.datasets.push(...registry.datasets);
  out.runInputs.push(...registry.runInputs);
  out.models.push(...registry.models);
  out.evaluations.push(...registry.evaluations);
  out.deployments.push(...registry.deployments);
  out.notes.push(...registry.notes);
  out.tags.push(...registry.tags);
  out.projects[out.projects.length - 1].metricDirections =
    declaredMetricDirections(out.runs.slice(firstRun), registry);
}

/*
 * The directions a team declares for its project: those of its evaluation metrics (which the
 * registry knows) and of the run metrics whose meaning is known; the rest stay undeclared, as a
 * real team would leave a gradient norm.
 */
function declaredMetricDirections(
  runs: DemoRun[],
  registry: { metricDirections: Record<string, MetricDirection> },
): Record<string, MetricDirection> {
  const declared = new Map<string, MetricDirection>();
  for (const run of runs) {
    for (const { key } of run.metrics) {
      if (declared.has(key)) continue;
      if (key.endsWith('loss')) declared.set(key, 'lower');
      else if (METRICS[key])
        declared.set(key, METRICS[key].lowerIsBetter ? 'lower' : 'higher');
    }
  }
  for (const [key, direction] of Object.entries(registry.metricDirections)) {
    declared.set(key, direction);
  }
  return Object.fromEntries(
    // Keys of a map are distinct: never equal.
    [...declared].sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

interface RunContext {
  now: number;
  activeUntil: number;
  difficulty: number;
  stepsBase: number;
  commits: string[];
  userWeights: (readonly [string, number])[];
  runIds: Set<string>;
  createdAt: number;
}

/** Fraction of the planned steps reached by runs that did not finish, by status. */
const STOP_FRACTION: Record<
  Exclude<DemoRunStatus, 'FINISHED'>,
  readonly [number, number]
> = {
  FAILED: [0.05, 0.6],
  KILLED: [0.1, 0.9],
  RUNNING: [0.1, 0.85],
};

/** Why a failed run failed; one rng call unless it diverged. */
function failureReason(rng: Rng, family: Family, diverged: boolean): string {
  if (diverged) return 'loss diverged (NaN)';
  if (family === 'deep')
    return rng.pick([
      'CUDA out of memory',
      'spot node preempted',
      'feature join timed out',
      'OOMKilled (exit code 137)',
    ]);
  return rng.pick([
    'OOMKilled (exit code 137)',
    'feature join timed out',
    'spot node preempted',
  ]);
}

function generateRun(
  rng: Rng,
  spec: ProjectSpec,
  exp: DemoExperiment,
  ctx: RunContext,
): DemoRun {
  const { tpl } = spec;
  const pointBudget = rng.int(100, 220);
  const plan =
    tpl.family === 'gbdt'
      ? gbdtPlan(tpl, rng, pointBudget)
      : deepPlan(tpl, rng, pointBudget, ctx.stepsBase);

  let status = rng.weighted<DemoRunStatus>([
    ['FINISHED', 80],
    ['FAILED', 8 + 10 * plan.instability],
    ['KILLED', 6],
    ['RUNNING', tpl.lifecycle === 'deprecated' ? 0 : 5],
  ]);
  const setupMs = rng.int(20_000, 240_000);
  const plannedDuration = setupMs + plan.lastStep * plan.msPerStep;

  let stopStep = plan.lastStep;
  let diverged = false;
  if (status !== 'FINISHED') {
    const [minFraction, maxFraction] = STOP_FRACTION[status];
    const fraction = rng.range(minFraction, maxFraction);
    const trainSteps = Math.floor(
      (plan.lastStep * fraction) / plan.trainInterval,
    );
    stopStep = Math.max(
      plan.trainInterval * 3,
      trainSteps * plan.trainInterval,
    );
    if (stopStep >= plan.lastStep) {
      stopStep = plan.lastStep;
      if (status === 'RUNNING' || status === 'KILLED') status = 'FINISHED';
    }
    // only deep nets diverge to NaN; boosted trees fail for operational reasons
    diverged =
      status === 'FAILED' &&
      tpl.family === 'deep' &&
      rng.chance(0.35 + 0.5 * plan.instability);
  }
  const stoppedDuration = setupMs + stopStep * plan.msPerStep;

  let startTime: number;
  if (status === 'RUNNING') {
    startTime = ctx.now - Math.round(stoppedDuration) - rng.int(5_000, 600_000);
  } else {
    const earliest = exp.createdAt + rng.int(5, 120) * 60_000;
    const latest = ctx.activeUntil - plannedDuration - HOUR;
    // later runs are more common than early ones
    startTime = Math.round(
      latest > earliest
        ? earliest + (latest - earliest) * Math.sqrt(rng.float())
        : earliest,
    );
  }
  startTime = Math.max(startTime, exp.createdAt + 60_000);

  const metrics = buildCurves(rng, {
    tpl,
    plan,
    difficulty: ctx.difficulty,
    stopStep,
    diverged,
    startMs: startTime,
    setupMs,
  });
  let lastTs = startTime;
  for (const m of metrics)
    for (const p of m.points) lastTs = Math.max(lastTs, p.timestamp);

  let runId = rng.hex(32);
  while (ctx.runIds.has(runId)) runId = rng.hex(32);
  ctx.runIds.add(runId);

  const user = rng.weighted(ctx.userWeights);
  const name = rng.chance(0.55)
    ? plan.nameHint
    : `${rng.pick(ADJECTIVES)}-${rng.pick(ANIMALS)}-${rng.int(1, 99)}`;

  const ageFraction = clamp(
    (startTime - ctx.createdAt) / Math.max(1, ctx.activeUntil - ctx.createdAt),
    0,
    0.999,
  );
  const commit = ctx.commits[Math.floor(ageFraction * ctx.commits.length)];
  const stage =
    status === 'FINISHED' && tpl.lifecycle !== 'experimental'
      ? rng.weighted([
          ['dev', 65],
          ['staging', 22],
          ['prod', 13],
        ] as const)
      : rng.weighted([
          ['dev', 85],
          ['staging', 15],
        ] as const);
  const scheduled = stage !== 'dev' || rng.chance(0.3);
  const snapshot = isoDate(startTime - rng.int(1, 6) * DAY);

  const tags: Record<string, string> = {
    'mlflow.user': user,
    'mlflow.runName': name,
    'mlflow.source.type': scheduled ? 'JOB' : rng.pick(['NOTEBOOK', 'LOCAL']),
    'mlflow.source.name': scheduled
      ? `pipelines/${tpl.name}/train.py`
      : rng.pick([`notebooks/${exp.name}.ipynb`, `${tpl.name}/train.py`]),
    'mlflow.source.git.commit': commit,
    'mlflow.source.git.repoURL': `https://git.sonora.example/${tpl.team}/${spec.name}`,
    stage,
    framework: tpl.framework,
    dataset_version: `${tpl.dataset}@${snapshot}`,
    team: tpl.team,
  };
  if (scheduled)
    tags.pipeline_run_id = `airflow-${spec.name}-${snapshot.replace(/-/g, '')}-${rng.hex(6)}`;
  if (tpl.family === 'deep')
    tags.accelerator = rng.pick(['a100-40gb', 'a100-80gb', 'l4', 'h100-80gb']);
  if (status === 'FAILED') {
    tags.failure_reason = failureReason(rng, tpl.family, diverged);
  }
  if (status === 'KILLED')
    tags['mlflow.note.content'] = rng.pick([
      'Stopped: wrong dataset snapshot.',
      'Stopped early, clearly worse than baseline.',
      'Killed to free GPUs for the release retrain.',
    ]);

  const run: DemoRun = {
    project: spec.name,
    experiment: exp.name,
    runId,
    name,
    status,
    user: `user:default/${user}`,
    startTime,
    params: plan.params,
    tags,
    metrics,
  };
  if (status !== 'RUNNING') run.endTime = lastTs + rng.int(2_000, 120_000);
  return run;
}

/**
 * Generates the demo dataset. Deterministic for a given `seed` and `scale`.
 *
 * @param options.seed PRNG seed (default 20261126)
 * @param options.scale multiplies the number of projects: round(40 * scale), at least 1
 *   (0.1 → 4 projects for tests, 1 → 40, 10 → 400). Runs per project stay 5–60.
 */
export function generateDemoData(options?: DemoDataOptions): DemoDataset {
  const seed = options?.seed ?? DEMO_DEFAULT_SEED;
  const scale = options?.scale ?? 1;
  const now = options?.now ?? DEMO_EPOCH_MS;
  if (!Number.isFinite(now))
    throw new Error(`now must be a time in ms, got ${now}`);
  if (!Number.isFinite(scale) || scale <= 0)
    throw new Error(`scale must be a positive number, got ${scale}`);
  const count = Math.max(1, Math.round(DEMO_BASE_PROJECT_COUNT * scale));
  const out: DemoDataset = {
    projects: [],
    experiments: [],
    runs: [],
    datasets: [],
    runInputs: [],
    models: [],
    evaluations: [],
    deployments: [],
    notes: [],
    tags: [],
    certification: { attestations: [], externalResults: [] },
  };
  const runIds = new Set<string>();
  for (const spec of projectSpecs(count))
    generateProject(seed, spec, runIds, out, now);
  const teamOfProject = new Map(
    out.projects.map(p => [p.name, p.owner.replace('group:default/', '')]),
  );
  const usersOf = (team: string) =>
    (DEMO_TEAMS.find(t => t.name === team)?.users ?? [])
      .filter(u => u !== 'guest')
      .map(u => `user:default/${u}`);
  out.certification = generateDemoCertification({
    seed,
    now,
    models: out.models,
    deployments: out.deployments,
    teamOf: project => {
      const team = teamOfProject.get(project) ?? 'ml-platform';
      return { team, users: usersOf(team) };
    },
    reviewers: usersOf('ml-platform'),
  });
  return out;
}

/** Counts for logs. */
export function summarizeDemoData(d: DemoDataset): DemoDataSummary {
  let metricSeries = 0;
  let points = 0;
  for (const run of d.runs) {
    metricSeries += run.metrics.length;
    for (const m of run.metrics) points += m.points.length;
  }
  return {
    projects: d.projects.length,
    experiments: d.experiments.length,
    runs: d.runs.length,
    metricSeries,
    points,
    datasets: d.datasets.length,
    models: d.models.length,
    modelVersions: d.models.reduce((n, m) => n + m.versions.length, 0),
    evaluations: d.evaluations.length,
    deployments: d.deployments.length,
    monitoringPoints: d.deployments.reduce(
      (n, dep) =>
        n + dep.monitoring.reduce((k, series) => k + series.points.length, 0),
      0,
    ),
    notes: d.notes.length,
    noteRevisions: d.notes.reduce((n, note) => n + 1 + note.edits.length, 0),
    tags: d.tags.reduce((n, t) => n + t.tags.length, 0),
  };
}
