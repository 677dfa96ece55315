#!/usr/bin/env node
/*
 * The certification section of `npm run bench` (also runnable alone:
 * `node scripts/lib/benchCertification.js`; BENCH_CERTIFICATION=0 skips it in bench.js).
 *
 * Starts the example backend in production mode on port 7047 (BENCH_CERTIFICATION_PORT) with a
 * fresh file SQLite database and demo data off, signs in as the guest (a member of
 * group:default/home-ranking), and seeds 1,000 models in 10 projects through the API: per project
 * a dataset and 100 models, then one ingestion batch with a run, a version (behind the
 * `production` alias), an evaluation with a threshold and a deployment per model, so that the
 * checks have metadata to read. Each model is then evaluated (its first scorecard read evaluates
 * it; the writes also schedule re-evaluations), and the section measures, through HTTP:
 *
 *   1. GET /models/{m}/scorecard, 300 reads of random models, one after another: p95
 *      (target ≤ 30 ms, issue 13);
 *   2. GET /certification (the org overview, first page of 50), 100 reads: p95 (target ≤ 100 ms);
 *   3. the same overview filtered by level (the most common one) and by owner, 100 reads each,
 *      same target: the filters must not fall off the indexes.
 *
 * BENCH_CERTIFICATION_KEEP_DB=1 keeps the SQLite directory (for EXPLAIN QUERY PLAN) and prints it.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const {
  startBackend,
  getGuestToken,
  waitUntilIdle,
  root,
} = require('./backend');

const TEAM = 'group:default/home-ranking';
const SERVICE = 'component:default/home-feed-ranker';
const PROJECTS = 10;
const MODELS_PER_PROJECT = 100;
const SCORECARD_READS = 300;
const OVERVIEW_READS = 100;

const LINES = {
  scorecard: {
    name: 'Certification scorecard read, 1,000 models (p95)',
    target: 30,
  },
  overview: {
    name: 'Certification overview, 1,000 models (p95)',
    target: 100,
  },
  overviewByLevel: {
    name: 'Certification overview by level, 1,000 models (p95)',
    target: 100,
  },
  overviewByOwner: {
    name: 'Certification overview by owner, 1,000 models (p95)',
    target: 100,
  },
};

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

async function call(baseUrl, token, method, route, body) {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/ml-home/${route}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const ms = performance.now() - started;
  if (!res.ok) {
    throw new Error(`${method} ${route}: ${res.status} ${text.slice(0, 300)}`);
  }
  return { json: text ? JSON.parse(text) : undefined, ms };
}

async function seed(api) {
  const models = [];
  for (let p = 0; p < PROJECTS; p += 1) {
    const project = `cert-bench-${p}`;
    await api('POST', 'projects', { name: project, owner: TEAM });
    await api('POST', `projects/${project}/datasets`, {
      name: 'train',
      kind: 'training-set',
    });
    const names = Array.from(
      { length: MODELS_PER_PROJECT },
      (_, m) => `cert-${p}-${m}`,
    );
    // Seeding, not measured: 10 clients at a time.
    for (let i = 0; i < names.length; i += 10) {
      await Promise.all(
        names
          .slice(i, i + 10)
          .map(name => api('POST', `projects/${project}/models`, { name })),
      );
    }
    const runs = names.map(() => crypto.randomBytes(16).toString('hex'));
    await api('POST', `projects/${project}/ingest`, {
      runs: runs.map((runId, i) => ({
        runId,
        experiment: 'training',
        params: [{ key: 'lr', value: '0.01' }],
        metrics: [{ key: 'auc', value: 0.8 + i / 1000, step: 0 }],
      })),
      modelVersions: names.map((model, i) => ({
        model,
        runId: runs[i],
        aliases: ['production'],
      })),
      evaluations: names.map((model, i) => ({
        model,
        runId: runs[i],
        name: 'holdout',
        dataset: 'train',
        results: [
          { slice: 'overall', metric: 'auc', value: 0.8 + i / 1000 },
          { slice: 'segment=new-users', metric: 'auc', value: 0.75 },
        ],
        thresholds: [{ metric: 'auc', op: '>=', value: 0.7 }],
      })),
      deployments: names.map((model, i) => ({
        model,
        runId: runs[i],
        environment: 'production',
        service: SERVICE,
      })),
    });
    models.push(...names);
  }
  return models;
}

function line(key, latencies) {
  const l = LINES[key];
  const p95 = percentile(latencies, 95);
  return {
    name: l.name,
    value: Math.round(p95 * 10) / 10,
    unit: 'ms',
    p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    target: `≤ ${l.target} ms`,
    targetMet: p95 <= l.target,
    samples: latencies.length,
  };
}

/** Runs the certification section on a backend of its own; resolves to the result lines. */
async function runCertificationBench(options = {}) {
  const port = Number(
    options.port ?? process.env.BENCH_CERTIFICATION_PORT ?? 7047,
  );
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const logFile = path.join(
    root,
    'bench-results',
    `${stamp}-certification-backend.log`,
  );
  const sqliteDir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'ml-home-bench-certification-'),
  );
  let backend;
  try {
    console.log(
      `\nCertification bench: backend on port ${port} (production, SQLite in ${sqliteDir}, log ${path.relative(root, logFile)}) …`,
    );
    backend = await startBackend({
      port,
      env: {
        APP_CONFIG_mlHome_demoData_enabled: 'false',
        APP_CONFIG_backend_database_client: 'better-sqlite3',
        APP_CONFIG_backend_database_connection_directory: sqliteDir,
      },
      dropEnv: key => key.startsWith('APP_CONFIG_'),
      logFile,
      watch: false,
      nodeEnv: 'production',
      timeoutMs: 300_000,
    });
    const token = await getGuestToken(backend.baseUrl, {
      ownershipRef: TEAM,
      timeoutMs: 180_000,
    });
    const api = async (method, route, body) =>
      (await call(backend.baseUrl, token, method, route, body)).json;
    console.log(
      `  seeding ${PROJECTS * MODELS_PER_PROJECT} models (versions, evaluations, deployments) …`,
    );
    const seedStart = performance.now();
    const models = await seed(api);
    const seeded = performance.now() - seedStart;
    console.log(
      `  seeded in ${(seeded / 1000).toFixed(1)} s; evaluating every model …`,
    );
    const evalStart = performance.now();
    const levels = {};
    for (let i = 0; i < models.length; i += 4) {
      const cards = await Promise.all(
        models
          .slice(i, i + 4)
          .map(model => api('GET', `models/${model}/scorecard`)),
      );
      for (const card of cards) {
        levels[card.level] = (levels[card.level] ?? 0) + 1;
      }
    }
    const evaluated = performance.now() - evalStart;
    console.log(
      `  evaluated in ${(evaluated / 1000).toFixed(1)} s (first reads); levels: ${JSON.stringify(levels)}`,
    );

    // The seeding's aftermath runs in the same process: the catalog provider and the search
    // collator read every new model back, and the scheduled re-evaluation starts a minute after
    // start-up. The reads are measured once that has settled (the steady state a portal is in
    // between writes), and the wait is printed.
    const idle = await waitUntilIdle(backend.pid);
    console.log(
      `  ${idle.settled ? 'backend idle' : 'backend still busy'} after ${(idle.waitedMs / 1000).toFixed(1)} s (${Math.round(idle.share * 100)} % of a core over 3 s); measuring …`,
    );
    const scorecard = [];
    for (let i = 0; i < SCORECARD_READS; i += 1) {
      const model = models[Math.floor(Math.random() * models.length)];
      scorecard.push(
        (await call(backend.baseUrl, token, 'GET', `models/${model}/scorecard`))
          .ms,
      );
    }
    const readOverview = async query => {
      const latencies = [];
      for (let i = 0; i < OVERVIEW_READS; i += 1) {
        latencies.push(
          (await call(backend.baseUrl, token, 'GET', `certification?${query}`))
            .ms,
        );
      }
      return latencies;
    };
    const overview = await readOverview('limit=50');
    const commonest = Object.entries(levels).sort((a, b) => b[1] - a[1])[0][0];
    const byLevel = await readOverview(
      `limit=50&level=${encodeURIComponent(commonest)}`,
    );
    const byOwner = await readOverview(
      `limit=50&owner=${encodeURIComponent(TEAM)}`,
    );
    const results = [
      line('scorecard', scorecard),
      line('overview', overview),
      line('overviewByLevel', byLevel),
      line('overviewByOwner', byOwner),
    ];
    console.log('\nCertification (issue 13)');
    for (const r of results) {
      console.log(
        `  ${r.name.padEnd(64)} ${String(r.value).padStart(9)} ${r.unit.padEnd(8)} target ${r.target.padEnd(18)} ${r.targetMet ? 'met   ' : 'MISSED'}  (p50 ${r.p50Ms} ms, ${r.samples} reads)`,
      );
    }
    console.log(
      `  load average (1, 5, 15 min): ${os
        .loadavg()
        .map(l => l.toFixed(1))
        .join(' ')} (2 cores)`,
    );
    return results;
  } finally {
    if (backend) await backend.stop();
    if (process.env.BENCH_CERTIFICATION_KEEP_DB === '1') {
      console.log(`  SQLite database kept in ${sqliteDir}`);
    } else {
      fs.rmSync(sqliteDir, { recursive: true, force: true });
    }
  }
}

module.exports = { runCertificationBench };

if (require.main === module) {
  runCertificationBench()
    .then(results => process.exit(results.every(r => r.targetMet) ? 0 : 1))
    .catch(error => {
      console.error(error.stack || error.message);
      process.exit(1);
    });
}
