#!/usr/bin/env node
/*
 * The MLflow section of `npm run bench` (also runnable alone: `node scripts/lib/benchMlflow.js`).
 *
 * Starts the example backend in production mode on port 7057 (BENCH_MLFLOW_PORT) with a fresh
 * file SQLite database in a temporary folder and demo data off, signs in as the guest (a member of
 * group:default/home-ranking in examples/all.yaml), creates the project `mlflow-bench` owned by
 * that team and a project token for it, and then measures, through the MLflow door
 * (/api/ml-home/mlflow/api/2.0/mlflow/…) with the token as MLFLOW_TRACKING_TOKEN sends it:
 *
 *   1. log-batch, 1 client: 200,000 metric points in calls of exactly 1,000 metrics (20 keys x
 *      50 steps, 10 runs of 20,000 points), one call after another; points/s over the wall time;
 *   2. log-batch, 4 clients: the same 200,000 points from 4 concurrent clients (each its own
 *      runs); points/s over the wall time;
 *   3. search-runs over 10,000 runs of one experiment (seeded through ML Home's own batch
 *      ingestion, 100 runs a call, each run with `acc`, `loss` and a param): the filter
 *      `metrics.acc > 0.5 AND params.optimizer = 'adam'` ordered by `metrics.acc DESC`,
 *      max_results 100 (the first page), 200 calls; p95 latency. The same with max_results 1,000
 *      is reported for reference.
 *
 * Targets are issue 14's. MLflow 2.17.2's numbers are quoted from the issue (its own server,
 * SQLite, 4 gunicorn workers, on this kind of machine), not re-measured: MLflow cannot be
 * installed here (PyPI is unreachable).
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startBackend, getGuestToken, root } = require('./backend');

const TEAM = 'group:default/home-ranking';
const PROJECT = 'mlflow-bench';
const TOTAL_POINTS = 200_000;
const METRICS_PER_CALL = 1000;
const KEYS = 20;
const STEPS_PER_CALL = METRICS_PER_CALL / KEYS;
const SEARCH_RUNS = 10_000;
const SEARCH_CALLS = 200;

/** Issue 14: targets, and MLflow 2.17.2's measured numbers (quoted, not re-measured). */
const LINES = {
  batch1: {
    name: 'MLflow log-batch, 1 client (1,000-metric calls)',
    unit: 'points/s',
    target: 60_000,
    mlflow: 12_000,
    higherIsBetter: true,
  },
  batch4: {
    name: 'MLflow log-batch, 4 clients (1,000-metric calls)',
    unit: 'points/s',
    target: 100_000,
    mlflow: 21_000,
    higherIsBetter: true,
  },
  search: {
    name: 'MLflow search-runs, metric filter + order, 10,000 runs (p95)',
    unit: 'ms',
    target: 30,
    mlflow: 534,
    higherIsBetter: false,
  },
};

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

const fmt = (v, digits = 0) =>
  v.toLocaleString('en-US', { maximumFractionDigits: digits });

class Door {
  constructor(baseUrl, token) {
    this.root = `${baseUrl}/api/ml-home`;
    this.token = token;
  }

  async call(method, route, body, { mlflow = true } = {}) {
    const url = `${this.root}${mlflow ? '/mlflow/api/2.0/mlflow' : ''}/${route}`;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = performance.now();
    const res = await fetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(payload ? { 'Content-Type': 'application/json' } : {}),
      },
      body: payload,
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    if (res.status >= 300) {
      throw new Error(
        `${method} ${route} answered ${res.status}: ${text.slice(0, 300)}`,
      );
    }
    return { json: text ? JSON.parse(text) : undefined, ms };
  }
}

/** One client's log-batch calls into its runs; returns the latencies. */
async function logBatches(door, experimentId, calls, runsOfClient, tag) {
  const latencies = [];
  const runIds = [];
  for (let r = 0; r < runsOfClient; r += 1) {
    const { json } = await door.call('POST', 'runs/create', {
      experiment_id: experimentId,
      run_name: `${tag}-${r}`,
      start_time: Date.now(),
    });
    runIds.push(json.run.info.run_id);
  }
  const callsPerRun = Math.ceil(calls / runsOfClient);
  const now = Date.now();
  for (let c = 0; c < calls; c += 1) {
    const runId = runIds[Math.floor(c / callsPerRun)];
    const firstStep = (c % callsPerRun) * STEPS_PER_CALL;
    const metrics = [];
    for (let s = 0; s < STEPS_PER_CALL; s += 1) {
      for (let k = 0; k < KEYS; k += 1) {
        const step = firstStep + s;
        metrics.push({
          key: `metric_${k}`,
          value: Math.sin(step / 100 + k),
          timestamp: now + step,
          step,
        });
      }
    }
    const { ms } = await door.call('POST', 'runs/log-batch', {
      run_id: runId,
      metrics,
      params: [],
      tags: [],
    });
    latencies.push(ms);
  }
  return latencies;
}

/** The same calls through ML Home's own ingestion route, for the door's overhead. */
async function ingestBatches(door, calls, runsOfClient, tag) {
  const latencies = [];
  const runIds = Array.from({ length: runsOfClient }, () =>
    crypto.randomBytes(16).toString('hex'),
  );
  const callsPerRun = Math.ceil(calls / runsOfClient);
  const now = Date.now();
  for (let c = 0; c < calls; c += 1) {
    const runId = runIds[Math.floor(c / callsPerRun)];
    const firstStep = (c % callsPerRun) * STEPS_PER_CALL;
    const metrics = [];
    for (let s = 0; s < STEPS_PER_CALL; s += 1) {
      for (let k = 0; k < KEYS; k += 1) {
        const step = firstStep + s;
        metrics.push({
          key: `metric_${k}`,
          value: Math.sin(step / 100 + k),
          timestamp: now + step,
          step,
        });
      }
    }
    const { ms } = await door.call(
      'POST',
      `projects/${PROJECT}/ingest`,
      { runs: [{ runId, experiment: `native-${tag}`, metrics }] },
      { mlflow: false },
    );
    latencies.push(ms);
  }
  return latencies;
}

async function measureNativeBatches(door, clients) {
  const calls = TOTAL_POINTS / METRICS_PER_CALL;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, (_, i) =>
      ingestBatches(
        door,
        calls / clients,
        Math.max(1, 10 / clients),
        `${clients}-${i}`,
      ),
    ),
  );
  return TOTAL_POINTS / ((performance.now() - started) / 1000);
}

async function measureBatches(door, clients) {
  const { json } = await door.call('POST', 'experiments/create', {
    name: `log-batch-${clients}-clients`,
  });
  const calls = TOTAL_POINTS / METRICS_PER_CALL;
  const started = performance.now();
  const all = await Promise.all(
    Array.from({ length: clients }, (_, i) =>
      logBatches(
        door,
        json.experiment_id,
        calls / clients,
        Math.max(1, 10 / clients),
        `c${i}`,
      ),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const latencies = all.flat();
  return {
    value: TOTAL_POINTS / seconds,
    seconds,
    callP50: percentile(latencies, 50),
    callP95: percentile(latencies, 95),
  };
}

async function measureSearch(door) {
  // 10,000 runs through ML Home's own batch ingestion: one store, so the door searches them.
  const experiment = 'search-runs-10k';
  for (let b = 0; b < SEARCH_RUNS / 100; b += 1) {
    const runs = Array.from({ length: 100 }, (_, i) => {
      const n = b * 100 + i;
      // A fixed pseudo-random spread of acc over [0, 1).
      const acc = ((n * 7919) % 10_000) / 10_000;
      return {
        experiment,
        name: `run-${n}`,
        status: 'FINISHED',
        startTime: 1_700_000_000_000 + n,
        params: [{ key: 'optimizer', value: n % 3 === 0 ? 'sgd' : 'adam' }],
        metrics: [
          { key: 'acc', value: acc, step: 0, timestamp: 1_700_000_000_000 },
          {
            key: 'loss',
            value: 1 - acc,
            step: 0,
            timestamp: 1_700_000_000_000,
          },
        ],
      };
    });
    await door.call(
      'POST',
      `projects/${PROJECT}/ingest`,
      { runs },
      { mlflow: false },
    );
  }
  const { json } = await door.call(
    'GET',
    `experiments/get-by-name?experiment_name=${experiment}`,
  );
  const experimentId = json.experiment.experiment_id;
  const search = maxResults =>
    door.call('POST', 'runs/search', {
      experiment_ids: [experimentId],
      filter: "metrics.acc > 0.5 AND params.optimizer = 'adam'",
      order_by: ['metrics.acc DESC'],
      max_results: maxResults,
      run_view_type: 'ACTIVE_ONLY',
    });
  // Correctness first: the page is ordered and filtered.
  const first = (await search(100)).json.runs;
  const accs = first.map(r => r.data.metrics.find(m => m.key === 'acc').value);
  const ordered = accs.every(
    (v, i) => v > 0.5 && (i === 0 || accs[i - 1] >= v),
  );
  if (first.length !== 100 || !ordered) {
    throw new Error(
      'search-runs answered a page that is not filtered and ordered',
    );
  }
  for (let i = 0; i < 20; i += 1) await search(100); // warm-up
  const latencies = [];
  for (let i = 0; i < SEARCH_CALLS; i += 1)
    latencies.push((await search(100)).ms);
  const big = [];
  for (let i = 0; i < 20; i += 1) big.push((await search(1000)).ms);
  // The same page through ML Home's own run list, for the door's overhead.
  const native = [];
  const query = new URLSearchParams({
    experiment: experiment,
    filter: 'metrics.acc > 0.5 and params.optimizer = "adam"',
    orderBy: 'metrics.acc DESC',
    limit: '100',
  });
  for (let i = 0; i < 50; i += 1) {
    native.push(
      (
        await door.call('GET', `projects/${PROJECT}/runs?${query}`, undefined, {
          mlflow: false,
        })
      ).ms,
    );
  }
  return {
    value: percentile(latencies, 95),
    p50: percentile(latencies, 50),
    p95Of1000: percentile(big, 95),
    nativeP95: percentile(native, 95),
  };
}

function line(key, value, extra) {
  const l = LINES[key];
  const met = l.higherIsBetter ? value >= l.target : value <= l.target;
  const ratio = l.higherIsBetter ? value / l.mlflow : l.mlflow / value;
  return {
    name: l.name,
    value: Math.round(value * 10) / 10,
    unit: l.unit,
    target: `${l.higherIsBetter ? '≥' : '≤'} ${fmt(l.target)} ${l.unit}`,
    targetMet: met,
    mlflow2172: l.mlflow,
    ratioVsMlflow: Math.round(ratio * 10) / 10,
    ...extra,
  };
}

/**
 * Runs the MLflow section on a backend of its own; resolves to the result lines (also printed).
 */
async function runMlflowBench(options = {}) {
  const port = Number(options.port ?? process.env.BENCH_MLFLOW_PORT ?? 7057);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const logFile = path.join(
    root,
    'bench-results',
    `${stamp}-mlflow-backend.log`,
  );
  const sqliteDir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'ml-home-bench-mlflow-'),
  );
  let backend;
  try {
    console.log(
      `\nMLflow door bench: backend on port ${port} (production, SQLite in ${sqliteDir}, log ${path.relative(root, logFile)}) …`,
    );
    backend = await startBackend({
      port,
      env: {
        APP_CONFIG_mlHome_demoData_enabled: 'false',
        APP_CONFIG_mlHome_mlflow_defaultProject: PROJECT,
        APP_CONFIG_backend_database_client: 'better-sqlite3',
        APP_CONFIG_backend_database_connection_directory: sqliteDir,
      },
      dropEnv: key => key.startsWith('APP_CONFIG_'),
      logFile,
      watch: false,
      nodeEnv: 'production',
      // BENCH_CPU_PROF=<dir>: V8 writes the backend's CPU profile there when it stops.
      nodeArgs: process.env.BENCH_CPU_PROF
        ? [
            '--cpu-prof',
            `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`,
          ]
        : [],
      timeoutMs: 300_000,
    });
    const guest = await getGuestToken(backend.baseUrl, {
      ownershipRef: TEAM,
      timeoutMs: 180_000,
    });
    const asGuest = new Door(backend.baseUrl, guest);
    await asGuest.call(
      'POST',
      'projects',
      { name: PROJECT, owner: TEAM, title: 'MLflow bench' },
      { mlflow: false },
    );
    const { json: token } = await asGuest.call(
      'POST',
      `projects/${PROJECT}/tokens`,
      { name: 'bench-pipeline' },
      { mlflow: false },
    );
    // A training pipeline's MLFLOW_TRACKING_TOKEN: the project token.
    const door = new Door(backend.baseUrl, token.secret);

    const load = () =>
      os
        .loadavg()
        .map(l => l.toFixed(1))
        .join(' ');
    const loadBefore = load();
    console.log('  log-batch, 1 client: 200,000 points in 200 calls …');
    const one = await measureBatches(door, 1);
    const nativeOne = await measureNativeBatches(door, 1);
    console.log('  log-batch, 4 clients: 200,000 points in 200 calls …');
    const four = await measureBatches(door, 4);
    const nativeFour = await measureNativeBatches(door, 4);
    console.log(
      `  search-runs: seeding ${fmt(SEARCH_RUNS)} runs, then ${SEARCH_CALLS} searches …`,
    );
    const search = await measureSearch(door);

    const results = [
      line('batch1', one.value, {
        nativeIngestPointsPerSecond: Math.round(nativeOne),
        seconds: Math.round(one.seconds * 10) / 10,
        callP50Ms: Math.round(one.callP50 * 10) / 10,
        callP95Ms: Math.round(one.callP95 * 10) / 10,
      }),
      line('batch4', four.value, {
        nativeIngestPointsPerSecond: Math.round(nativeFour),
        seconds: Math.round(four.seconds * 10) / 10,
        callP50Ms: Math.round(four.callP50 * 10) / 10,
        callP95Ms: Math.round(four.callP95 * 10) / 10,
      }),
      line('search', search.value, {
        p50Ms: Math.round(search.p50 * 10) / 10,
        maxResults: 100,
        nativeRunListP95Ms: Math.round(search.nativeP95 * 10) / 10,
        p95MsWithMaxResults1000: Math.round(search.p95Of1000 * 10) / 10,
      }),
    ];
    console.log(
      '\nMLflow door (MLflow 2.17.2 figures are quoted from issue 14, not re-measured: PyPI is unreachable here)',
    );
    for (const r of results) {
      console.log(
        `  ${r.name.padEnd(64)} ${fmt(r.value, 1).padStart(9)} ${r.unit.padEnd(8)} target ${r.target.padEnd(18)} ${r.targetMet ? 'met   ' : 'MISSED'}  MLflow 2.17.2 ${fmt(r.mlflow2172)} ${r.unit} (x${r.ratioVsMlflow})`,
      );
    }
    const [b1, b4, s] = results;
    console.log(
      `  door vs ML Home's own routes in the same run: log-batch ${fmt(b1.value)} vs ingest ${fmt(b1.nativeIngestPointsPerSecond)} points/s with 1 client (x${(b1.value / b1.nativeIngestPointsPerSecond).toFixed(2)}), ${fmt(b4.value)} vs ${fmt(b4.nativeIngestPointsPerSecond)} with 4 (x${(b4.value / b4.nativeIngestPointsPerSecond).toFixed(2)}); search p95 ${s.value} ms vs run list ${s.nativeRunListP95Ms} ms`,
    );
    console.log(
      `  load average (1, 5, 15 min) before: ${loadBefore}, after: ${load()} (2 cores)`,
    );
    console.log(
      `  (search: p50 ${s.p50Ms} ms for a page of 100; p95 ${s.p95MsWithMaxResults1000} ms for a page of 1,000; log-batch call p50/p95 ${results[0].callP50Ms}/${results[0].callP95Ms} ms with 1 client, ${results[1].callP50Ms}/${results[1].callP95Ms} ms with 4)`,
    );
    return results;
  } finally {
    if (backend) await backend.stop();
    fs.rmSync(sqliteDir, { recursive: true, force: true });
  }
}

module.exports = { runMlflowBench };

if (require.main === module) {
  runMlflowBench().then(
    () => process.exit(0),
    error => {
      console.error(`MLflow bench failed: ${error.stack || error.message}`);
      process.exit(1);
    },
  );
}
