#!/usr/bin/env node
/*
 * `npm run bench`: benchmarks ML Home's core REST routes against a backend of its own.
 *
 * Starts the example backend (NODE_ENV=production, as deployed) on port 7027 (BENCH_PORT) with a fresh, empty database (a file SQLite
 * in a temporary folder, or with BENCH_DB=pg a set of throwaway PostgreSQL databases named
 * bench_<pid>_* on 127.0.0.1:5432, user postgres, dropped afterwards) and demo data off, signs in
 * as the guest user, then measures:
 *
 *   1. project creation: the first 200 by sequential POST /projects (the measure), the rest by 8
 *      parallel clients (seeding);
 *   2. ingestion: POST /projects/{name}/ingest batches of exactly 10,000 metric points
 *      (100 runs x 5 metrics x 20 steps, each run with 4 params and 3 tags): points/s and batch
 *      latency, and after each batch the same points written by the raw driver
 *      (scripts/lib/rawIngest.js) for the ratio (targets: SQLite ≥ 0.5x the raw driver,
 *      PostgreSQL ≥ 100,000 points/s); plus one run with a 1,000,000-step series sent in 100
 *      batches of 10,000 and one with a 10,000-step series;
 *   3. idempotency: the last batch retried with its requestId must answer replayed:true and write
 *      nothing (run count, newest event and a run smuggled into the retry are checked; the retry
 *      with the smuggled run, a different batch under the same requestId, must be refused, 409);
 *   4. project list: 50 pages each of four queries (all, q, owner facet, q + owner + tag); and
 *      q searches from 10 concurrent clients (target p95 ≤ 20 ms);
 *   5. runs list of the biggest project (>= 1,200 runs): `metrics.accuracy > 0.7 and
 *      params.optimizer = "adam"` ordered by `metrics.accuracy DESC`, every page followed to the
 *      end (results checked against the generated data), and the unfiltered list by
 *      `metrics.auc DESC` (target for the filtered one: p95 ≤ 50 ms);
 *   6. metric history with maxPoints=1000 of the 1,000,000-point series (target p95 ≤ 50 ms) and
 *      of the 10,000-point one (target p95 ≤ 10 ms);
 *   7. comparison: POST /compare of 100 runs that each have 500 metric keys (2 steps each) and 30
 *      params, seeded through the ingest API into a project of their own (target p95 ≤ 100 ms);
 *   8. lineage: GET /models/{m}/versions/{v}/lineage of a model with 50 versions (each from a run
 *      that declares a training set and a feature set) and 200 deployments (every version deployed
 *      to staging, two production regions and a canary, older ones retired by the newer), the
 *      requests cycling over all 50 versions (target p95 ≤ 50 ms); and, for reference, the same
 *      model read without lineage (GET /models/{m}), the cost of any authorised single-model call.
 *
 * The bench's own organisation: ML Home accepts a project only from a member of its owner group and
 * a deployment only to a serving component the catalog knows, so the bench writes a catalog file
 * into a temporary folder (scripts/lib/benchCatalog.js) with eight teams, group:default/bench-<team>
 * (bench-home-ranking, bench-podcast-recs, …), each listing the guest as a member, and the four
 * serving components component:default/bench-serving-*, owned by bench-home-ranking; the backend
 * reads it besides app-config.yaml's examples/all.yaml (APP_CONFIG_catalog_locations). Seeding
 * starts once the guest's token carries all eight groups and the catalog holds the components.
 * Projects are spread round-robin over the eight teams; bench-home-ranking (OWNER_GROUP) is the one
 * that owns the ingestion targets and that the owner facet queries.
 *
 * Targets are the issues'; the table prints each with whether it was met (a missed target is
 * reported, not a failed check: the bench measures, it does not gate), and the load average
 * (1/5/15 min) at the start and the end: on a shared machine every latency grows with it, while
 * the ingestion ratio, measured side by side, stays comparable.
 *
 * Scale (BENCH_SCALE, default 0.1): scale 1 is the benchmark size of DESIGN.md §8, 10,000
 * projects, 100,000 runs and 10,000,000 metric points (1,000 batches), plus the fixed 1,000,000- and
 * 10,000-point series. Projects = 10,000 x scale (at least 16), batches = 1,000 x scale (at least 13; the
 * biggest project gets 5 % of them but at least 12, i.e. 1,200 runs; the others go round-robin to
 * the rest of bench-home-ranking's projects, one in eight). The default, 0.1 (1,000 projects, 10,000
 * runs, 1,000,000 points + 1,010,000), takes about 3-5 minutes on 2 cores including the 10-40 s
 * backend start.
 *
 * Other settings: BENCH_PORT (7027), BENCH_DB (sqlite | pg), BENCH_TIMEOUT_MINUTES (the run's
 * time budget; default max(20, 120 x scale)), BENCH_KEEP_DB=1 (keep the database afterwards, to
 * look at query plans; the bench prints where it is), BENCH_PG_ANALYZE=0 (with pg: skip the
 * ANALYZE the bench runs after loading, which stands in for autovacuum's), BENCH_CPU_PROF=<dir>
 * (the backend writes a V8 CPU profile there when it stops). Inherited APP_CONFIG_* variables are
 * ignored, so the bench never touches the portal's own database.
 *
 * Then the MLflow door's section (scripts/lib/benchMlflow.js, BENCH_MLFLOW=0 skips it): log-batch
 * throughput with 1 and 4 clients and search-runs p95 over 10,000 runs, on a backend of its own.
 *
 * Output: a table on stdout and bench-results/<timestamp>.json (git-ignored), the backend's log in
 * bench-results/<timestamp>-backend.log. Exits 1 when a check fails. Only localhost is called.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startBackend, getGuestToken, root } = require('./lib/backend');
const { runMlflowBench } = require('./lib/benchMlflow');
const { runCertificationBench } = require('./lib/benchCertification');
const {
  writeBenchCatalog,
  waitForCatalogEntities,
} = require('./lib/benchCatalog');
const { openRawSqlite, openRawPg } = require('./lib/rawIngest');

/**
 * The bench's eight teams, groups of its own catalog file (see writeBenchCatalog) with the guest
 * as a member of each: ML Home lets a user give a project only to a group they belong to.
 */
const GROUPS = [
  'bench-home-ranking',
  'bench-podcast-recs',
  'bench-search-relevance',
  'bench-ads-ml',
  'bench-churn-prediction',
  'bench-speech-ml',
  'bench-trust-safety-ml',
  'bench-ml-platform',
];
const GROUP_REFS = GROUPS.map(g => `group:default/${g}`);
/** The team whose projects get the ingested runs, and which the owner facet asks for. */
const OWNER_GROUP = GROUP_REFS[0];
const TITLE_WORDS = [
  'embedding',
  'transformer',
  'gbdt',
  'baseline',
  'ctr',
  'ranker',
  'forecast',
  'classifier',
];
const TAGS = [
  'recsys',
  'nlp',
  'vision',
  'tabular',
  'search',
  'timeseries',
  'audio',
  'fraud',
];
const LIFECYCLES = ['experimental', 'experimental', 'production', 'deprecated'];
const OPTIMIZERS = ['adam', 'sgd', 'adamw'];
const METRIC_KEYS = ['loss', 'accuracy', 'auc', 'precision', 'recall'];

const RUNS_PER_BATCH = 100;
const STEPS_PER_RUN = 20;
const POINTS_PER_BATCH = RUNS_PER_BATCH * METRIC_KEYS.length * STEPS_PER_RUN; // 10,000
const LONG_SERIES_STEPS = 1_000_000;
const MEDIUM_SERIES_STEPS = 10_000;
const HISTORY_MAX_POINTS = 1000;
const LONG_SERIES_BATCH = 10_000;
const LIST_REQUESTS = 50;
const RUN_PAGE_SAMPLES = 50;
const HISTORY_REQUESTS = 50;
const REQUEST_TIMEOUT_MS = 120_000;
const TOKEN_MAX_AGE_MS = 30 * 60_000;

const COMPARE_RUNS = 100;
const COMPARE_KEYS = 500;
const COMPARE_STEPS = 2;
const COMPARE_PARAMS = 30;
const COMPARE_REQUESTS = 40;
const LINEAGE_VERSIONS = 50;
/** Each version is deployed once to each of these (environment, service) pairs: 4 x 50 = 200. */
const LINEAGE_TARGETS = [
  ['staging', 'component:default/bench-serving-staging'],
  ['production', 'component:default/bench-serving-eu'],
  ['production', 'component:default/bench-serving-us'],
  ['canary', 'component:default/bench-serving-canary'],
];
const LINEAGE_REQUESTS = 200;
/** The serving components deployed to: in the bench's catalog file, as ML Home requires. */
const SERVING_COMPONENTS = [...new Set(LINEAGE_TARGETS.map(([, s]) => s))];

const COMPARE_MEASURE = `compare (${COMPARE_RUNS} runs x ${COMPARE_KEYS} metrics)`;
const INGEST_MEASURE = 'ingest batch (100 runs, 10k points)';
const LONG_HISTORY_MEASURE = `metric history (1M points, maxPoints=${HISTORY_MAX_POINTS})`;
const MEDIUM_HISTORY_MEASURE = `metric history (10k points, maxPoints=${HISTORY_MAX_POINTS})`;
const SEARCH_CLIENTS = 10;
const SEARCH_REQUESTS_PER_CLIENT = 30;
const SEARCH_MEASURE = `projects: q search, ${SEARCH_CLIENTS} concurrent clients`;
const RUN_SEARCH_MEASURE = 'runs: filter + orderBy metric desc (limit 50)';
/** Projects created one at a time (their latencies are the measure); the rest by parallel clients. */
const SEQUENTIAL_PROJECTS = 200;
const PROJECT_CREATORS = 8;
const LINEAGE_MEASURE = `lineage (model: ${LINEAGE_VERSIONS} versions, ${
  LINEAGE_VERSIONS * LINEAGE_TARGETS.length
} deployments)`;

/**
 * Targets per measure, where an issue fixes one: the p95 latency must stay at or under it.
 * Ingestion's targets are throughputs, set where it is measured (see the ingestion section).
 */
const TARGETS = {
  [COMPARE_MEASURE]: { p95Ms: 100 },
  [LINEAGE_MEASURE]: { p95Ms: 50 },
  [LONG_HISTORY_MEASURE]: { p95Ms: 50 },
  [MEDIUM_HISTORY_MEASURE]: { p95Ms: 10 },
  [SEARCH_MEASURE]: { p95Ms: 20 },
  [RUN_SEARCH_MEASURE]: { p95Ms: 50 },
};
/** Ingestion through the whole HTTP path, against the raw driver on the same rows (issue 16). */
const INGEST_MIN_RATIO_SQLITE = 0.5;
const INGEST_MIN_POINTS_PER_SECOND_PG = 100_000;

/** The 1, 5 and 15 minute load averages, as printed beside every result. */
function loadAverage() {
  return os
    .loadavg()
    .map(v => v.toFixed(2))
    .join(' / ');
}

// ------------------------------------------------------------------------------------------ setup

function readSettings() {
  const scale = Number(process.env.BENCH_SCALE ?? 0.1);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10) {
    throw new Error(
      `BENCH_SCALE must be a number in (0, 10], got '${process.env.BENCH_SCALE}'`,
    );
  }
  const port = Number(process.env.BENCH_PORT ?? 7027);
  if (!Number.isInteger(port) || [3000, 7007, 7017].includes(port)) {
    throw new Error(
      `BENCH_PORT ${process.env.BENCH_PORT} is not allowed (3000, 7007 and 7017 are taken)`,
    );
  }
  const db = (process.env.BENCH_DB ?? 'sqlite').toLowerCase();
  if (!['sqlite', 'pg'].includes(db)) {
    throw new Error(
      `BENCH_DB must be sqlite or pg, got '${process.env.BENCH_DB}'`,
    );
  }
  const projects = Math.max(16, Math.round(10_000 * scale));
  const batches = Math.max(13, Math.round(1_000 * scale));
  const bigBatches = Math.max(12, Math.round(batches * 0.05));
  const timeoutMinutes = Number(
    process.env.BENCH_TIMEOUT_MINUTES ?? Math.max(20, Math.ceil(120 * scale)),
  );
  const keepDb = process.env.BENCH_KEEP_DB === '1';
  const pgAnalyze = process.env.BENCH_PG_ANALYZE !== '0';
  return {
    scale,
    port,
    db,
    projects,
    batches,
    bigBatches,
    timeoutMinutes,
    keepDb,
    pgAnalyze,
  };
}

/** A deterministic PRNG (mulberry32), so every bench run ingests the same data. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex32 = text => crypto.createHash('md5').update(text).digest('hex');
const round6 = v => Math.round(v * 1e6) / 1e6;

function makeProjects(count) {
  const rand = prng(42);
  return Array.from({ length: count }, (_, i) => {
    const word = TITLE_WORDS[Math.floor(rand() * TITLE_WORDS.length)];
    const tags = [
      ...new Set([
        TAGS[Math.floor(rand() * TAGS.length)],
        TAGS[Math.floor(rand() * TAGS.length)],
      ]),
    ];
    return {
      name: `bench-${String(i).padStart(5, '0')}`,
      title: `Bench ${word} model ${i}`,
      description: `Benchmark project number ${i}.`,
      owner: GROUP_REFS[i % GROUP_REFS.length],
      lifecycle: LIFECYCLES[Math.floor(rand() * LIFECYCLES.length)],
      tags,
    };
  });
}

/** One ingestion batch: 100 runs x 5 metrics x 20 steps, with params and tags; plus its summary. */
function makeBatch(projectName, batchIndex) {
  const rand = prng(1000 + batchIndex);
  const t0 = 1_780_000_000_000 + batchIndex * 3_600_000;
  const runs = [];
  const summary = [];
  for (let r = 0; r < RUNS_PER_BATCH; r++) {
    const runId = hex32(`bench/${projectName}/${batchIndex}/${r}`);
    const optimizer =
      OPTIMIZERS[(batchIndex * RUNS_PER_BATCH + r) % OPTIMIZERS.length];
    const finals = {
      loss: 0.05 + rand() * 0.5,
      accuracy: 0.55 + rand() * 0.4,
      auc: 0.6 + rand() * 0.39,
      precision: 0.5 + rand() * 0.45,
      recall: 0.5 + rand() * 0.45,
    };
    for (const k of METRIC_KEYS) finals[k] = round6(finals[k]);
    const start = t0 + r * 10_000;
    const metrics = [];
    for (const key of METRIC_KEYS) {
      for (let step = 0; step < STEPS_PER_RUN; step++) {
        const left = STEPS_PER_RUN - 1 - step;
        const value =
          left === 0
            ? finals[key]
            : round6(
                key === 'loss'
                  ? finals[key] + left * 0.05 * rand()
                  : finals[key] - left * 0.01 * rand(),
              );
        metrics.push({ key, value, step, timestamp: start + step * 100 });
      }
    }
    runs.push({
      runId,
      experiment: `sweep-${batchIndex % 5}`,
      name: `run-${batchIndex}-${r}`,
      status: 'FINISHED',
      user: 'user:default/guest',
      startTime: start,
      endTime: start + STEPS_PER_RUN * 100,
      params: [
        { key: 'optimizer', value: optimizer },
        { key: 'learning_rate', value: String(round6(0.0001 + rand() * 0.01)) },
        { key: 'batch_size', value: String(2 ** (5 + (r % 4))) },
        { key: 'num_layers', value: String(2 + (r % 6)) },
      ],
      tags: [
        { key: 'team', value: 'home-ranking' },
        { key: 'dataset', value: `clicks-v${1 + (batchIndex % 3)}` },
        { key: 'stage', value: r % 2 ? 'tuning' : 'baseline' },
      ],
      metrics,
    });
    summary.push({
      runId,
      optimizer,
      accuracy: finals.accuracy,
      auc: finals.auc,
    });
  }
  return {
    body: { requestId: `bench-${projectName}-${batchIndex}`, runs },
    summary,
  };
}

function makeLongSeriesBatch(runId, part) {
  const first = part * LONG_SERIES_BATCH;
  const metrics = [];
  for (let step = first; step < first + LONG_SERIES_BATCH; step++) {
    metrics.push({
      key: 'loss',
      value: round6(
        2 * Math.exp(-step / 8000) +
          0.05 * Math.sin(step / 50) +
          (0.01 * ((step * 7919) % 13)) / 13,
      ),
      step,
      timestamp: 1_780_000_000_000 + step * 1000,
    });
  }
  const last = first + LONG_SERIES_BATCH >= LONG_SERIES_STEPS;
  return {
    requestId: `bench-series-${runId}-${part}`,
    runs: [
      {
        runId,
        experiment: 'long-training',
        name: 'long-series',
        status: last ? 'FINISHED' : 'RUNNING',
        startTime: 1_780_000_000_000,
        ...(last
          ? { endTime: 1_780_000_000_000 + LONG_SERIES_STEPS * 1000 }
          : {}),
        params:
          part === 0
            ? [
                { key: 'optimizer', value: 'adam' },
                { key: 'epochs', value: '500' },
              ]
            : [],
        tags: part === 0 ? [{ key: 'kind', value: 'long-series' }] : [],
        metrics,
      },
    ],
  };
}

/** The 500 metric keys of a compared run: 100 evaluation slices x 5 metrics of both directions. */
const COMPARE_METRICS = [
  'auc',
  'precision',
  'recall',
  'log_loss',
  'latency_ms',
];
function compareKeys() {
  const keys = [];
  for (let s = 0; keys.length < COMPARE_KEYS; s++) {
    for (const m of COMPARE_METRICS) {
      if (keys.length < COMPARE_KEYS)
        keys.push(`eval/slice_${String(s).padStart(3, '0')}/${m}`);
    }
  }
  return keys;
}

/**
 * The runs to compare, as ingestion batches of at most 10,000 points: each run logs every one of
 * the 500 keys at 2 steps, and 30 params of which 10 differ between runs.
 */
function makeCompareBatches(projectName) {
  const keys = compareKeys();
  const rand = prng(7_000);
  const runsPerBatch = Math.floor(
    LONG_SERIES_BATCH / (COMPARE_KEYS * COMPARE_STEPS),
  );
  const batches = [];
  const runIds = [];
  for (let r = 0; r < COMPARE_RUNS; r++) {
    const runId = hex32(`bench/compare/${r}`);
    runIds.push(runId);
    const start = 1_781_000_000_000 + r * 60_000;
    const metrics = [];
    for (const key of keys) {
      const lower = key.endsWith('log_loss') || key.endsWith('latency_ms');
      const base = key.endsWith('latency_ms') ? 20 + rand() * 30 : rand();
      for (let step = 0; step < COMPARE_STEPS; step++) {
        metrics.push({
          key,
          value: round6(
            lower ? base * (1.1 - step * 0.1) : base * (0.9 + step * 0.1),
          ),
          step,
          timestamp: start + step * 1000,
        });
      }
    }
    const params = [];
    for (let i = 0; i < COMPARE_PARAMS; i++) {
      params.push({
        key: `param_${String(i).padStart(2, '0')}`,
        value: i < 10 ? String(round6(rand())) : `fixed-${i}`,
      });
    }
    const run = {
      runId,
      experiment: 'wide-sweep',
      name: `wide-${r}`,
      status: 'FINISHED',
      user: 'user:default/guest',
      startTime: start,
      endTime: start + COMPARE_STEPS * 1000,
      params,
      tags: [{ key: 'sweep', value: 'wide' }],
      metrics,
    };
    const b = Math.floor(r / runsPerBatch);
    batches[b] ??= { requestId: `bench-compare-${projectName}-${b}`, runs: [] };
    batches[b].runs.push(run);
  }
  return { batches, runIds, keys };
}

/** The 50 runs the lineage model's versions come from: one batch, a few metrics each. */
function makeLineageBatch() {
  const runs = [];
  for (let v = 0; v < LINEAGE_VERSIONS; v++) {
    const start = 1_782_000_000_000 + v * 86_400_000;
    runs.push({
      runId: hex32(`bench/lineage/${v}`),
      experiment: 'nightly-retrain',
      name: `retrain-${v + 1}`,
      status: 'FINISHED',
      user: 'user:default/guest',
      startTime: start,
      endTime: start + 3_600_000,
      params: [{ key: 'snapshot', value: `day-${v}` }],
      tags: [],
      metrics: ['auc', 'log_loss'].map(key => ({
        key,
        value: round6(key === 'auc' ? 0.8 + v * 0.001 : 0.4 - v * 0.001),
        step: 0,
        timestamp: start + 3_000_000,
      })),
    });
  }
  return { requestId: 'bench-lineage-runs', runs };
}

// ---------------------------------------------------------------------------------------- helpers

function percentile(sorted, p) {
  if (!sorted.length) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

function stats(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  const r = v => (v === null ? null : Math.round(v * 10) / 10);
  return {
    count: sorted.length,
    p50: r(percentile(sorted, 50)),
    p95: r(percentile(sorted, 95)),
    p99: r(percentile(sorted, 99)),
    min: r(sorted[0] ?? null),
    max: r(sorted[sorted.length - 1] ?? null),
    mean: sorted.length ? r(sum / sorted.length) : null,
    totalMs: r(sum),
  };
}

class Client {
  constructor(baseUrl) {
    const url = new URL(baseUrl);
    if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') {
      throw new Error(`refusing to benchmark a non-local backend: ${baseUrl}`);
    }
    this.baseUrl = baseUrl;
    this.api = `${baseUrl}/api/ml-home`;
    this.token = undefined;
    this.tokenAt = 0;
  }

  async auth() {
    if (!this.token || Date.now() - this.tokenAt > TOKEN_MAX_AGE_MS) {
      this.token = await getGuestToken(this.baseUrl, {
        ownershipRefs: GROUP_REFS, // every bench team, not only OWNER_GROUP
        timeoutMs: 180_000,
      });
      this.tokenAt = Date.now();
    }
    return this.token;
  }

  /** One timed call; the body is serialised before the clock starts. Returns { status, json, ms }. */
  async call(method, route, { query, body, rawBody } = {}) {
    const url = new URL(`${this.api}${route}`);
    for (const [k, v] of Object.entries(query ?? {})) {
      for (const item of Array.isArray(v) ? v : [v]) {
        if (item !== undefined) url.searchParams.append(k, String(item));
      }
    }
    const headers = { Authorization: `Bearer ${await this.auth()}` };
    const payload =
      rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    const started = performance.now();
    const res = await fetch(url, {
      method,
      headers,
      body: payload,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = { raw: text.slice(0, 500) };
    }
    return { status: res.status, json, ms };
  }

  /** Like call(), but throws unless the status is the expected one. */
  async ok(method, route, options = {}, expected = [200, 201, 204]) {
    const r = await this.call(method, route, options);
    if (!expected.includes(r.status)) {
      const message =
        r.json?.error?.message ?? JSON.stringify(r.json)?.slice(0, 300);
      throw new Error(`${method} ${route} answered ${r.status}: ${message}`);
    }
    return r;
  }
}

function fmt(v, digits = 1) {
  if (v === null || v === undefined) return '–';
  if (typeof v !== 'number') return String(v);
  return v.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
}

function printTable(results) {
  const header = [
    'measure',
    'count',
    'throughput',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'target',
  ];
  const rows = results.map(r => [
    r.name,
    fmt(r.count, 0),
    r.throughput ? `${fmt(r.throughput.value, 0)} ${r.throughput.unit}` : '–',
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    fmt(r.max),
    r.target ? `${r.target}: ${r.targetMet ? 'met' : 'MISSED'}` : '–',
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map(row => row[i].length)),
  );
  const line = cells =>
    cells
      .map((c, i) =>
        i === 0 || i === 7 ? c.padEnd(widths[i]) : c.padStart(widths[i]),
      )
      .join('  ');
  console.log(line(header));
  console.log(widths.map(w => '-'.repeat(w)).join('  '));
  rows.forEach(row => console.log(line(row)));
}

// ----------------------------------------------------------------------------------------- the run

async function main() {
  const settings = readSettings();
  const startedAt = new Date();
  const startLoad = loadAverage();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const outDir = path.join(root, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const logFile = path.join(outDir, `${stamp}-backend.log`);
  const deadline = Date.now() + settings.timeoutMinutes * 60_000;
  const timeLeft = () => Date.now() < deadline;
  const mustHaveTime = what => {
    if (!timeLeft())
      throw new Error(
        `time budget of ${settings.timeoutMinutes} min exceeded during ${what}`,
      );
  };

  // Everything that must be undone, whatever happens.
  let backend;
  let sqliteDir;
  let catalogDir;
  const pgPrefix = `bench_${process.pid}_`;
  let cleaned;
  const cleanup = () => {
    cleaned ??= (async () => {
      if (backend) {
        await backend.stop();
        console.log(`backend stopped (process group ${backend.pid})`);
      }
      if (settings.keepDb) {
        console.log(
          `BENCH_KEEP_DB=1: kept ${sqliteDir ? `the SQLite files in ${sqliteDir}` : `the PostgreSQL databases ${pgPrefix}*`}; remove them yourself`,
        );
      } else {
        if (sqliteDir) fs.rmSync(sqliteDir, { recursive: true, force: true });
        if (settings.db === 'pg') await dropPgDatabases(pgPrefix);
      }
      if (catalogDir) fs.rmSync(catalogDir, { recursive: true, force: true });
    })();
    return cleaned;
  };
  let interrupted = false;
  const onSignal = signal => {
    interrupted = true;
    console.error(`\n${signal}: stopping the backend and cleaning up…`);
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', () => backend?.kill('SIGKILL')); // last resort; a no-op once stopped

  const results = [];
  const checks = [];
  const check = (name, ok, detail) => {
    checks.push({ name, ok: Boolean(ok), detail });
    console.log(
      `  ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`,
    );
  };
  const record = (name, latencies, extra = {}) => {
    const s = stats(latencies);
    const target = TARGETS[name];
    const result = {
      name,
      ...s,
      target: target ? `p95 ≤ ${target.p95Ms} ms` : null,
      targetMet: target ? s.p95 !== null && s.p95 <= target.p95Ms : null,
      loadAverage: loadAverage(),
      ...extra, // a throughput target comes with its measure
    };
    results.push(result);
    return result;
  };

  // The bench's own teams (the guest a member of each) and serving components, read by the
  // catalog besides app-config.yaml's locations.
  catalogDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-home-bench-catalog-'));
  const benchCatalog = writeBenchCatalog(catalogDir, {
    groups: GROUP_REFS,
    components: SERVING_COMPONENTS,
    componentOwner: OWNER_GROUP,
  });
  const env = {
    APP_CONFIG_mlHome_demoData_enabled: 'false',
    ...benchCatalog.env,
  };
  if (settings.db === 'pg') {
    Object.assign(env, {
      APP_CONFIG_backend_database_client: 'pg',
      APP_CONFIG_backend_database_connection_host: '127.0.0.1',
      APP_CONFIG_backend_database_connection_port: '5432',
      APP_CONFIG_backend_database_connection_user: 'postgres',
      APP_CONFIG_backend_database_prefix: pgPrefix,
      ...(process.env.PGPASSWORD
        ? {
            APP_CONFIG_backend_database_connection_password:
              process.env.PGPASSWORD,
          }
        : {}),
    });
  } else {
    sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-home-bench-'));
    Object.assign(env, {
      APP_CONFIG_backend_database_client: 'better-sqlite3',
      APP_CONFIG_backend_database_connection_directory: sqliteDir,
    });
  }

  let failed = false;
  try {
    console.log(
      `ML Home bench: scale ${settings.scale} → ${fmt(settings.projects, 0)} projects, ${fmt(
        settings.batches * RUNS_PER_BATCH,
        0,
      )} runs, ${fmt(settings.batches * POINTS_PER_BATCH, 0)} metric points (+ a ${fmt(
        LONG_SERIES_STEPS,
        0,
      )}-point series); database ${settings.db === 'pg' ? `PostgreSQL (databases ${pgPrefix}*)` : `SQLite in ${sqliteDir}`}`,
    );
    console.log(
      `starting the backend on port ${settings.port} (log: ${path.relative(root, logFile)}) …`,
    );
    const t0 = Date.now();
    backend = await startBackend({
      port: settings.port,
      env,
      dropEnv: key => key.startsWith('APP_CONFIG_'), // never the portal's own database or settings
      logFile,
      watch: false, // a source file saved mid-run must not restart the backend
      nodeEnv: 'production', // as deployed: compact JSON, no development-only middleware
      // BENCH_CPU_PROF=<dir>: V8 writes the backend's CPU profile there when it stops.
      nodeArgs: process.env.BENCH_CPU_PROF
        ? [
            '--cpu-prof',
            `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`,
          ]
        : [],
      // Writing the profile happens on exit, after the backend's own shutdown: give it time.
      stopTimeoutMs: process.env.BENCH_CPU_PROF ? 180_000 : 20_000,
      timeoutMs: 300_000,
    });
    const startSeconds = (Date.now() - t0) / 1000;
    const client = new Client(backend.baseUrl);
    await client.auth();
    await waitForCatalogEntities(
      backend.baseUrl,
      await client.auth(),
      [...GROUP_REFS, ...SERVING_COMPONENTS],
      { timeoutMs: 180_000 },
    );
    const tokenSeconds = (Date.now() - t0) / 1000 - startSeconds;
    console.log(
      `backend ready in ${startSeconds.toFixed(1)} s; guest token (with ${OWNER_GROUP} and the other ${
        GROUP_REFS.length - 1
      } bench groups, serving components in the catalog) after another ${tokenSeconds.toFixed(1)} s\n`,
    );

    // -------------------------------------------------------------------- 1. projects
    console.log(`creating ${fmt(settings.projects, 0)} projects …`);
    const projects = makeProjects(settings.projects);
    const createLatencies = [];
    const createStart = performance.now();
    for (const p of projects.slice(0, SEQUENTIAL_PROJECTS)) {
      mustHaveTime('project creation');
      const r = await client.ok('POST', '/projects', { body: p }, [201]);
      createLatencies.push(r.ms);
    }
    const createSeconds = (performance.now() - createStart) / 1000;
    record('project create', createLatencies, {
      throughput: {
        value: createLatencies.length / createSeconds,
        unit: 'projects/s',
      },
    });
    // The rest (scale 1: 9,800) through the same route by parallel clients, to seed faster.
    const rest = projects.slice(SEQUENTIAL_PROJECTS);
    if (rest.length) {
      const parallelStart = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: PROJECT_CREATORS }, async () => {
          while (next < rest.length) {
            mustHaveTime('project creation');
            const p = rest[next++];
            await client.ok('POST', '/projects', { body: p }, [201]);
          }
        }),
      );
      console.log(
        `  ${fmt(rest.length, 0)} more projects by ${PROJECT_CREATORS} parallel clients in ${(
          (performance.now() - parallelStart) /
          1000
        ).toFixed(1)} s`,
      );
    }

    // -------------------------------------------------------------------- 2. ingestion
    const ingestTargets = projects.filter(p => p.owner === OWNER_GROUP);
    const big = ingestTargets[0];
    const others = ingestTargets.slice(1);
    const plan = [];
    for (let b = 0; b < settings.bigBatches; b++) plan.push(big.name);
    for (let b = settings.bigBatches; b < settings.batches; b++)
      plan.push(others[(b - settings.bigBatches) % others.length].name);
    console.log(
      `ingesting ${plan.length} batches of ${fmt(POINTS_PER_BATCH, 0)} points (${settings.bigBatches} into ${big.name}, the rest across ${Math.min(
        others.length,
        plan.length - settings.bigBatches,
      )} projects) …`,
    );
    // The raw driver on the same rows, right after each batch (see scripts/lib/rawIngest.js).
    const raw =
      settings.db === 'pg'
        ? await openRawPg(`${pgPrefix}raw`, {
            host: '127.0.0.1',
            port: 5432,
            user: 'postgres',
            password: process.env.PGPASSWORD,
          })
        : openRawSqlite(sqliteDir);
    let rawMs = 0;
    let rawPoints = 0;
    const ingestLatencies = [];
    const bigRuns = [];
    let lastBig;
    let pointsSent = 0;
    let runsCreated = 0;
    const ingestWallStart = performance.now();
    for (const [b, projectName] of plan.entries()) {
      mustHaveTime('ingestion');
      const { body, summary } = makeBatch(projectName, b);
      const rawBody = JSON.stringify(body);
      const r = await client.ok(
        'POST',
        `/projects/${projectName}/ingest`,
        { rawBody },
        [200],
      );
      ingestLatencies.push(r.ms);
      pointsSent += POINTS_PER_BATCH;
      const rawBatch = await raw.insert(body);
      rawMs += rawBatch.ms;
      rawPoints += rawBatch.points;
      runsCreated += r.json.runs.filter(x => x.created).length;
      if (
        r.json.metricPoints !== POINTS_PER_BATCH ||
        r.json.replayed !== false
      ) {
        check(
          `batch ${b} answer`,
          false,
          JSON.stringify({ ...r.json, runs: r.json.runs?.length }),
        );
      }
      if (projectName === big.name) {
        bigRuns.push(...summary);
        lastBig = { rawBody, body, answer: r.json };
      }
      if ((b + 1) % 50 === 0) console.log(`  ${b + 1}/${plan.length} batches`);
    }
    const ingestWallSeconds = (performance.now() - ingestWallStart) / 1000;
    const ingestBusySeconds = ingestLatencies.reduce((a, b) => a + b, 0) / 1000;
    await raw.close();
    const ingestRate = pointsSent / ingestBusySeconds;
    const rawRate = rawPoints / (rawMs / 1000);
    const ingestRatio = ingestRate / rawRate;
    console.log(
      `  ML Home ${fmt(ingestRate, 0)} points/s through HTTP; the raw driver ${fmt(rawRate, 0)} points/s on the same rows (${raw.name}): ${ingestRatio.toFixed(2)}x (load average ${loadAverage()})`,
    );
    record(INGEST_MEASURE, ingestLatencies, {
      throughput: { value: ingestRate, unit: 'points/s' },
      rawDriver: {
        pointsPerSecond: Math.round(rawRate),
        how: raw.name,
        ratio: Math.round(ingestRatio * 1000) / 1000,
      },
      ...(settings.db === 'pg'
        ? {
            target: `≥ ${fmt(INGEST_MIN_POINTS_PER_SECOND_PG, 0)} points/s (raw ${ingestRatio.toFixed(2)}x)`,
            targetMet: ingestRate >= INGEST_MIN_POINTS_PER_SECOND_PG,
          }
        : {
            target: `≥ ${INGEST_MIN_RATIO_SQLITE}x raw: ${ingestRatio.toFixed(2)}x`,
            targetMet: ingestRatio >= INGEST_MIN_RATIO_SQLITE,
          }),
      wallClockPointsPerSecond: Math.round(pointsSent / ingestWallSeconds),
      runsPerSecond: Math.round(runsCreated / ingestBusySeconds),
      points: pointsSent,
      runs: runsCreated,
    });
    check(
      'every batch created its 100 runs',
      runsCreated === plan.length * RUNS_PER_BATCH,
      `${runsCreated} runs created`,
    );

    // The long series: one run, 1,000,000 steps in 100 batches; and one of 10,000 steps.
    const longProject = others[0] ?? big;
    const longRunId = hex32('bench/long-series');
    const longLatencies = [];
    for (let part = 0; part < LONG_SERIES_STEPS / LONG_SERIES_BATCH; part++) {
      mustHaveTime('long-series ingestion');
      const rawBody = JSON.stringify(makeLongSeriesBatch(longRunId, part));
      const r = await client.ok(
        'POST',
        `/projects/${longProject.name}/ingest`,
        { rawBody },
        [200],
      );
      longLatencies.push(r.ms);
    }
    const mediumRunId = hex32('bench/medium-series');
    await client.ok(
      'POST',
      `/projects/${longProject.name}/ingest`,
      { rawBody: JSON.stringify(makeLongSeriesBatch(mediumRunId, 0)) },
      [200],
    );
    record('ingest batch (1 run, 10k steps)', longLatencies, {
      throughput: {
        value:
          LONG_SERIES_STEPS / (longLatencies.reduce((a, b) => a + b, 0) / 1000),
        unit: 'points/s',
      },
    });

    // PostgreSQL plans from table statistics, which autovacuum gathers about a minute after a bulk
    // load (and never when it is off, as on some dev servers). Queries are measured on analysed
    // tables, as in steady state, unless BENCH_PG_ANALYZE=0.
    let pgInfo;
    if (settings.db === 'pg') {
      pgInfo = await analyzePg(pgPrefix, settings);
      console.log(
        `PostgreSQL: autovacuum ${pgInfo.autovacuum}; ${
          pgInfo.analyzed
            ? `ANALYZE of the ML Home database took ${pgInfo.analyzeMs} ms`
            : 'tables not analysed (BENCH_PG_ANALYZE=0)'
        }`,
      );
    }

    // -------------------------------------------------------------------- 3. idempotent retry
    console.log(
      '\nchecking that a retried batch (same requestId) is replayed and writes nothing …',
    );
    const runCount = async () =>
      (
        await client.ok('GET', `/projects/${big.name}/runs`, {
          query: { limit: 1 },
        })
      ).json.totalCount;
    const newestEvent = async () =>
      (
        await client.ok('GET', `/projects/${big.name}/events`, {
          query: { limit: 1 },
        })
      ).json.items[0]?.id;
    const runsBefore = await runCount();
    const eventBefore = await newestEvent();
    const retry = await client.ok(
      'POST',
      `/projects/${big.name}/ingest`,
      { rawBody: lastBig.rawBody },
      [200],
    );
    check(
      'retry answers replayed:true',
      retry.json.replayed === true,
      `replayed=${retry.json.replayed}`,
    );
    check(
      'retry answers the first call’s result',
      retry.json.metricPoints === lastBig.answer.metricPoints &&
        JSON.stringify(retry.json.runs) === JSON.stringify(lastBig.answer.runs),
      `metricPoints ${retry.json.metricPoints}, ${retry.json.runs?.length} runs`,
    );
    // A "retry" whose body carries one more run: the backend keeps a hash of each batch and refuses
    // a different batch under a used requestId (409), so that run is not written either.
    const smuggledId = hex32('bench/smuggled-into-a-retry');
    const altered = {
      ...lastBig.body,
      runs: [
        ...lastBig.body.runs,
        {
          runId: smuggledId,
          experiment: 'smuggled',
          params: [{ key: 'x', value: '1' }],
        },
      ],
    };
    const refused = await client.call('POST', `/projects/${big.name}/ingest`, {
      body: altered,
    });
    check(
      'retry with an altered body is refused as a different batch',
      refused.status === 409,
      `HTTP ${refused.status}`,
    );
    // The same batch once more: still replayed after the refusal (the second replay sample).
    const retry2 = await client.ok(
      'POST',
      `/projects/${big.name}/ingest`,
      { rawBody: lastBig.rawBody },
      [200],
    );
    check(
      'a second retry answers replayed:true',
      retry2.json.replayed === true,
      `replayed=${retry2.json.replayed}`,
    );
    const smuggled = await client.call('GET', `/runs/${smuggledId}`);
    check(
      'retry creates no run',
      smuggled.status === 404,
      `GET the extra run → ${smuggled.status}`,
    );
    const runsAfter = await runCount();
    check(
      'retry leaves the run count unchanged',
      runsAfter === runsBefore,
      `${runsBefore} → ${runsAfter}`,
    );
    const eventAfter = await newestEvent();
    check(
      'retry records no event',
      eventAfter === eventBefore,
      eventAfter === eventBefore
        ? 'newest event unchanged'
        : `${eventBefore} → ${eventAfter}`,
    );
    record('ingest retry (replayed)', [retry.ms, retry2.ms]);

    // -------------------------------------------------------------------- 4. project list
    console.log('\nlisting projects …');
    const qWord = 'embedding';
    const qOwner = projects.filter(
      p => p.title.includes(qWord) && p.owner === OWNER_GROUP,
    );
    // The tag most common among those projects, so the combined query finds something.
    const tagCounts = new Map();
    qOwner
      .flatMap(p => p.tags)
      .forEach(t => tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1));
    const tag =
      [...tagCounts].sort(
        (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
      )[0]?.[0] ?? TAGS[0];
    const expect = {
      all: projects.length,
      q: projects.filter(p => p.title.includes(qWord)).length,
      owner: projects.filter(p => p.owner === OWNER_GROUP).length,
      combined: projects.filter(
        p =>
          p.title.includes(qWord) &&
          p.owner === OWNER_GROUP &&
          p.tags.includes(tag),
      ).length,
    };
    const listScenarios = [
      ['projects: all, paged (limit 50)', 'all', {}],
      [`projects: q=${qWord}, paged`, 'q', { q: qWord }],
      ['projects: owner facet, paged', 'owner', { owner: OWNER_GROUP }],
      [
        `projects: q + owner + tag=${tag}`,
        'combined',
        { q: qWord, owner: OWNER_GROUP, tag },
      ],
    ];
    for (const [name, key, query] of listScenarios) {
      const latencies = [];
      let cursor;
      let totalCount;
      let facetsOk = true;
      for (let i = 0; i < LIST_REQUESTS && timeLeft(); i++) {
        const r = await client.ok('GET', '/projects', {
          query: { ...query, limit: 50, cursor },
        });
        latencies.push(r.ms);
        if (!cursor) totalCount = r.json.totalCount;
        facetsOk &&=
          Array.isArray(r.json.facets?.owner) &&
          Array.isArray(r.json.facets?.tag);
        cursor = r.json.nextCursor; // back to the first page after the last one
      }
      record(name, latencies, { totalCount });
      check(
        `${name}: totalCount`,
        totalCount === expect[key] && facetsOk,
        `${totalCount} (expected ${expect[key]})`,
      );
    }

    // Search as a portal's users do it: SEARCH_CLIENTS at once, each typing other words.
    {
      const latencies = [];
      let searchOk = true;
      await Promise.all(
        Array.from({ length: SEARCH_CLIENTS }, async (_, c) => {
          for (let i = 0; i < SEARCH_REQUESTS_PER_CLIENT && timeLeft(); i++) {
            const word = TITLE_WORDS[(c + i) % TITLE_WORDS.length];
            const r = await client.ok('GET', '/projects', {
              query: { q: word, limit: 50 },
            });
            latencies.push(r.ms);
            searchOk &&=
              r.json.totalCount ===
              projects.filter(p => p.title.includes(word)).length;
          }
        }),
      );
      record(SEARCH_MEASURE, latencies);
      check(
        `${SEARCH_MEASURE}: totalCount of every answer`,
        searchOk,
        `${latencies.length} searches`,
      );
    }

    // -------------------------------------------------------------------- 5. runs list
    console.log(`\nlisting the runs of ${big.name} (${bigRuns.length} runs) …`);
    const filter = 'metrics.accuracy > 0.7 and params.optimizer = "adam"';
    const expected = bigRuns
      .filter(r => r.accuracy > 0.7 && r.optimizer === 'adam')
      .sort((a, b) => b.accuracy - a.accuracy);
    const runScenarios = [
      {
        name: 'runs: filter + orderBy metric desc (limit 50)',
        query: { filter, orderBy: 'metrics.accuracy DESC', limit: 50 },
        metric: 'accuracy',
        expected,
      },
      {
        name: 'runs: all, orderBy metric desc (limit 100)',
        query: { orderBy: 'metrics.auc DESC', limit: 100 },
        metric: 'auc',
        expected: bigRuns,
      },
    ];
    for (const s of runScenarios) {
      const latencies = [];
      let passes = 0;
      let passOk = true;
      let pagesPerPass = 0;
      // Whole passes over every page until RUN_PAGE_SAMPLES pages were timed (at most 50 passes).
      while (latencies.length < RUN_PAGE_SAMPLES && passes < 50 && timeLeft()) {
        let cursor;
        const seen = [];
        let values = [];
        let pages = 0;
        let totalCount;
        do {
          const r = await client.ok('GET', `/projects/${big.name}/runs`, {
            query: { ...s.query, cursor },
          });
          latencies.push(r.ms);
          pages += 1;
          totalCount ??= r.json.totalCount;
          for (const run of r.json.items) {
            seen.push(run.id);
            values.push(run.metrics.find(m => m.key === s.metric)?.value);
          }
          cursor = r.json.nextCursor;
        } while (cursor && pages < 1000 && timeLeft());
        passes += 1;
        pagesPerPass = pages;
        const sorted = values.every((v, i) => i === 0 || values[i - 1] >= v);
        const ids = new Set(seen);
        const sameSet =
          ids.size === seen.length &&
          seen.length === s.expected.length &&
          s.expected.every(e => ids.has(e.runId));
        passOk &&= sorted && sameSet && totalCount === s.expected.length;
        values = [];
      }
      record(s.name, latencies, {
        pagesPerPass,
        passes,
        rows: s.expected.length,
      });
      check(
        `${s.name}: every page followed, right runs in order`,
        passOk,
        `${s.expected.length} runs in ${pagesPerPass} pages, ${passes} passes`,
      );
    }

    // -------------------------------------------------------------------- 6. metric history
    console.log('\nreading the long series …');
    for (const [measure, runId, steps] of [
      [LONG_HISTORY_MEASURE, longRunId, LONG_SERIES_STEPS],
      [MEDIUM_HISTORY_MEASURE, mediumRunId, MEDIUM_SERIES_STEPS],
    ]) {
      const historyLatencies = [];
      let historyOk = true;
      let lastHistory;
      for (let i = 0; i < HISTORY_REQUESTS && timeLeft(); i++) {
        const r = await client.ok('GET', `/runs/${runId}/metric-history`, {
          query: { key: 'loss', maxPoints: HISTORY_MAX_POINTS },
        });
        historyLatencies.push(r.ms);
        lastHistory = r.json;
        historyOk &&=
          r.json.totalPoints === steps &&
          r.json.downsampled === true &&
          r.json.points.length <= HISTORY_MAX_POINTS;
      }
      record(measure, historyLatencies);
      check(
        `metric history downsampled to ≤ ${fmt(HISTORY_MAX_POINTS, 0)} of ${fmt(steps, 0)} points`,
        historyOk,
        `${lastHistory?.points?.length} points of ${lastHistory?.totalPoints}, downsampled=${lastHistory?.downsampled}`,
      );
    }

    // -------------------------------------------------------------------- 7. comparison
    console.log(
      `\nseeding ${COMPARE_RUNS} runs x ${COMPARE_KEYS} metric keys to compare …`,
    );
    const compareProject = {
      name: 'bench-compare',
      title: 'Bench wide comparison',
      description: 'Runs with many metric keys, for the comparison benchmark.',
      owner: OWNER_GROUP,
      lifecycle: 'experimental',
      tags: ['benchmark'],
    };
    await client.ok('POST', '/projects', { body: compareProject }, [201]);
    const compareData = makeCompareBatches(compareProject.name);
    for (const batch of compareData.batches) {
      mustHaveTime('comparison seeding');
      await client.ok(
        'POST',
        `/projects/${compareProject.name}/ingest`,
        { rawBody: JSON.stringify(batch) },
        [200],
      );
    }
    if (settings.db === 'pg') await analyzePg(pgPrefix, settings);
    const compareLatencies = [];
    let compareOk = true;
    let lastCompare;
    const compareBody = JSON.stringify({ runs: compareData.runIds });
    for (let i = 0; i < COMPARE_REQUESTS && timeLeft(); i++) {
      const r = await client.ok('POST', '/compare', { rawBody: compareBody });
      compareLatencies.push(r.ms);
      lastCompare = r.json;
      compareOk &&=
        r.json.items?.length === COMPARE_RUNS &&
        r.json.metrics?.length === COMPARE_KEYS &&
        r.json.params?.length === 10;
    }
    // Every cell against the generated data: last (step 1), min, max and the best item.
    if (compareOk) {
      const expected = new Map();
      for (const batch of compareData.batches) {
        for (const run of batch.runs) {
          for (const m of run.metrics) {
            const cell = expected.get(`${run.runId}\u0000${m.key}`) ?? {
              min: Infinity,
              max: -Infinity,
            };
            if (m.step === COMPARE_STEPS - 1) cell.last = m.value;
            cell.min = Math.min(cell.min, m.value);
            cell.max = Math.max(cell.max, m.value);
            expected.set(`${run.runId}\u0000${m.key}`, cell);
          }
        }
      }
      const order = lastCompare.items.map(i => i.runId);
      compareOk = lastCompare.metrics.every(row => {
        const cells = order.map(id => expected.get(`${id}\u0000${row.key}`));
        const lasts = cells.map(c => c.last);
        const target =
          row.direction === 'lower' ? Math.min(...lasts) : Math.max(...lasts);
        return (
          cells.every(
            (c, i) =>
              row.last[i] === c.last &&
              row.min[i] === c.min &&
              row.max[i] === c.max,
          ) &&
          JSON.stringify(row.best) ===
            JSON.stringify(lasts.flatMap((v, i) => (v === target ? [i] : [])))
        );
      });
    }
    record(COMPARE_MEASURE, compareLatencies, {
      responseBytes: lastCompare
        ? Buffer.byteLength(JSON.stringify(lastCompare))
        : null,
    });
    check(
      `compare: ${COMPARE_RUNS} items, ${COMPARE_KEYS} metric rows (every last, min, max and best as ingested), the 10 differing params`,
      compareOk,
      `${lastCompare?.items?.length} items, ${lastCompare?.metrics?.length} metrics, ${lastCompare?.params?.length} params`,
    );

    // -------------------------------------------------------------------- 8. lineage
    console.log(
      `\nregistering a model with ${LINEAGE_VERSIONS} versions and ${
        LINEAGE_VERSIONS * LINEAGE_TARGETS.length
      } deployments …`,
    );
    const lineageProject = {
      name: 'bench-lineage',
      title: 'Bench lineage',
      description: 'A model with many versions and deployments.',
      owner: OWNER_GROUP,
      lifecycle: 'production',
      tags: ['benchmark'],
    };
    await client.ok('POST', '/projects', { body: lineageProject }, [201]);
    for (const [name, kind] of [
      ['bench-lineage-train', 'training-set'],
      ['bench-lineage-features', 'feature-set'],
    ]) {
      await client.ok(
        'POST',
        `/projects/${lineageProject.name}/datasets`,
        {
          body: {
            name,
            kind,
            uri: `s3://bench/${name}/`,
            features: [
              { name: 'country', type: 'category' },
              { name: 'plays_7d', type: 'int' },
            ],
          },
        },
        [201],
      );
    }
    const lineageBatch = makeLineageBatch();
    await client.ok(
      'POST',
      `/projects/${lineageProject.name}/ingest`,
      { body: lineageBatch },
      [200],
    );
    const lineageModel = 'bench-lineage-model';
    await client.ok(
      'POST',
      `/projects/${lineageProject.name}/models`,
      { body: { name: lineageModel, description: 'Retrained nightly.' } },
      [201],
    );
    for (const [v, run] of lineageBatch.runs.entries()) {
      mustHaveTime('lineage seeding');
      await client.ok(
        'POST',
        `/runs/${run.runId}/inputs`,
        {
          body: { datasets: ['bench-lineage-train', 'bench-lineage-features'] },
        },
        [200],
      );
      await client.ok(
        'POST',
        `/models/${lineageModel}/versions`,
        {
          body: {
            runId: run.runId,
            artifactUri: `s3://bench/models/${v + 1}`,
            framework: 'xgboost',
          },
        },
        [201],
      );
      for (const [t, [environment, service]] of LINEAGE_TARGETS.entries()) {
        await client.ok(
          'POST',
          `/models/${lineageModel}/deployments`,
          {
            body: {
              version: v + 1,
              environment,
              service,
              endpoint: `https://${environment}.bench.invalid/${lineageModel}`,
              deployedAt: new Date(
                run.endTime + (t + 1) * 3_600_000,
              ).toISOString(),
            },
          },
          [201],
        );
      }
    }
    if (settings.db === 'pg') await analyzePg(pgPrefix, settings);
    const lineageLatencies = [];
    let lineageOk = true;
    let lineageDetail = '';
    for (let i = 0; i < LINEAGE_REQUESTS && timeLeft(); i++) {
      const version = LINEAGE_VERSIONS - (i % LINEAGE_VERSIONS);
      const r = await client.ok(
        'GET',
        `/models/${lineageModel}/versions/${version}/lineage`,
      );
      lineageLatencies.push(r.ms);
      const kinds = {};
      for (const n of r.json.nodes) kinds[n.kind] = (kinds[n.kind] ?? 0) + 1;
      const active = r.json.nodes.filter(
        n => n.kind === 'deployment' && n.status === 'active',
      ).length;
      const ok =
        kinds['model-version'] === 1 &&
        kinds.run === 1 &&
        kinds.dataset === 2 &&
        kinds.deployment === LINEAGE_TARGETS.length &&
        kinds.component === LINEAGE_TARGETS.length &&
        active === (version === LINEAGE_VERSIONS ? LINEAGE_TARGETS.length : 0);
      if (!ok && lineageOk)
        lineageDetail = `v${version}: ${JSON.stringify(kinds)}, ${active} active`;
      lineageOk &&= ok;
    }
    record(LINEAGE_MEASURE, lineageLatencies);
    // The same model read without its lineage: what every authorised single-model route costs
    // (token, permission decision, model and project lookups), to tell plumbing from lineage.
    const modelReadLatencies = [];
    for (let i = 0; i < LINEAGE_REQUESTS / 2 && timeLeft(); i++) {
      modelReadLatencies.push(
        (await client.ok('GET', `/models/${lineageModel}`)).ms,
      );
    }
    record('model read (reference for lineage)', modelReadLatencies);
    check(
      'lineage: every version has its run, 2 datasets, 4 deployments and 4 services; only the newest is active',
      lineageOk,
      lineageDetail || `${lineageLatencies.length} graphs checked`,
    );

    // -------------------------------------------------------------------- report
    const finishedAt = new Date();
    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationSeconds: Math.round((finishedAt - startedAt) / 100) / 10,
      settings: {
        ...settings,
        runsPerBatch: RUNS_PER_BATCH,
        pointsPerBatch: POINTS_PER_BATCH,
      },
      environment: {
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        loadAverageAtStart: startLoad,
        loadAverageAtEnd: loadAverage(),
        database:
          settings.db === 'pg'
            ? 'PostgreSQL (127.0.0.1:5432)'
            : 'SQLite (better-sqlite3, file)',
        backendStartSeconds: startSeconds,
        ...(pgInfo ? { postgres: pgInfo } : {}),
      },
      dataset: {
        projects: projects.length,
        runs: runsCreated + 1,
        metricPoints: pointsSent + LONG_SERIES_STEPS,
        bigProject: { name: big.name, runs: bigRuns.length },
        longSeries: {
          project: longProject.name,
          runId: longRunId,
          points: LONG_SERIES_STEPS,
        },
        comparison: {
          project: compareProject.name,
          runs: COMPARE_RUNS,
          metricKeys: COMPARE_KEYS,
          points: COMPARE_RUNS * COMPARE_KEYS * COMPARE_STEPS,
        },
        lineage: {
          project: lineageProject.name,
          model: lineageModel,
          versions: LINEAGE_VERSIONS,
          deployments: LINEAGE_VERSIONS * LINEAGE_TARGETS.length,
        },
      },
      results,
      checks,
      note: 'Latencies in ms, measured by the client around each HTTP call on localhost (body already serialised). Targets are the issues’ (see TARGETS and the ingestion section).',
    };
    const file = path.join(outDir, `${stamp}.json`);
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `\nML Home bench, scale ${settings.scale}, ${report.environment.database}, ${report.environment.cpus} CPUs, ${process.version}; load average (1/5/15 min) ${loadAverage()} at the end, ${startLoad} at the start`,
    );
    console.log(
      `dataset: ${fmt(report.dataset.projects, 0)} projects, ${fmt(report.dataset.runs, 0)} runs, ${fmt(report.dataset.metricPoints, 0)} metric points\n`,
    );
    printTable(results);
    const failedChecks = checks.filter(c => !c.ok);
    const missed = results.filter(r => r.targetMet === false);
    console.log(
      `\ntargets (the issues'; routes without one are only reported): ${
        results.filter(r => r.targetMet === true).length
      } met, ${missed.length} missed`,
    );
    for (const r of missed)
      console.log(
        `  MISSED ${r.name}: p95 ${fmt(r.p95)} ms${
          r.throughput
            ? `, ${fmt(r.throughput.value, 0)} ${r.throughput.unit}`
            : ''
        }, target ${r.target} (load average ${r.loadAverage})`,
      );
    console.log(
      `\nchecks: ${checks.length - failedChecks.length} passed, ${failedChecks.length} failed`,
    );
    for (const c of failedChecks)
      console.log(`  FAIL ${c.name}: ${c.detail ?? ''}`);
    console.log(
      `results written to ${path.relative(root, file)}; total ${report.durationSeconds} s`,
    );
    failed = failedChecks.length > 0;
  } catch (error) {
    failed = true;
    if (!interrupted)
      console.error(`\nbench failed: ${error.stack || error.message}`);
  } finally {
    await cleanup();
  }
  // The MLflow door's section (scripts/lib/benchMlflow.js) runs on a backend of its own, port
  // 7057, once the main one has stopped; BENCH_MLFLOW=0 skips it.
  if (!interrupted && process.env.BENCH_MLFLOW !== '0') {
    try {
      await runMlflowBench();
    } catch (error) {
      failed = true;
      console.error(`\nMLflow bench failed: ${error.stack || error.message}`);
    }
  }
  // The certification section (scripts/lib/benchCertification.js): its own backend, port 7047;
  // BENCH_CERTIFICATION=0 skips it.
  if (!interrupted && process.env.BENCH_CERTIFICATION !== '0') {
    try {
      // A missed target is reported, not a failure (see above).
      await runCertificationBench();
    } catch (error) {
      failed = true;
      console.error(
        `\nCertification bench failed: ${error.stack || error.message}`,
      );
    }
  }
  process.exit(interrupted ? 130 : failed ? 1 : 0);
}

/**
 * ANALYZE of the ML Home database after a bulk load (unless BENCH_PG_ANALYZE=0), so that queries
 * are planned from current statistics as autovacuum would leave them in steady state.
 */
async function analyzePg(prefix, settings) {
  return withPg(`${prefix}ml-home`, async pg => {
    const autovacuum = (await pg.query('show autovacuum')).rows[0].autovacuum;
    let analyzeMs = null;
    if (settings.pgAnalyze) {
      const t = performance.now();
      await pg.query('analyze');
      analyzeMs = Math.round(performance.now() - t);
    }
    return { autovacuum, analyzed: settings.pgAnalyze, analyzeMs };
  });
}

/** Runs `fn` with a client of one database on the bench's PostgreSQL server. */
async function withPg(database, fn) {
  const { Client: PgClient } = require(
    require.resolve('pg', { paths: [path.join(root, 'packages/backend')] }),
  );
  const pg = new PgClient({
    host: '127.0.0.1',
    port: 5432,
    user: 'postgres',
    password: process.env.PGPASSWORD,
    database,
  });
  try {
    await pg.connect();
    return await fn(pg);
  } finally {
    await pg.end().catch(() => {});
  }
}

/** Drops the PostgreSQL databases the bench's backend created (one per plugin, named prefix + plugin id). */
async function dropPgDatabases(prefix) {
  try {
    const count = await withPg('postgres', async pg => {
      const { rows } = await pg.query(
        "select datname from pg_database where datname like $1 escape '!'",
        [`${prefix.replace(/[!%_]/g, m => `!${m}`)}%`],
      );
      for (const { datname } of rows) {
        await pg.query(
          `drop database if exists "${datname.replace(/"/g, '""')}" with (force)`,
        );
      }
      return rows.length;
    });
    console.log(`dropped ${count} PostgreSQL databases ${prefix}*`);
  } catch (error) {
    console.error(
      `could not drop the PostgreSQL databases ${prefix}*: ${error.message}`,
    );
  }
}

main();
