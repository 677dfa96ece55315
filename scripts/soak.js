#!/usr/bin/env node
/*
 * `npm run soak`: ingestion through two replicas on one PostgreSQL while one replica is SIGKILLed
 * and restarted, twice.
 *
 * Four clients send numbered batches (a run with params, tags and metric points; every fifth batch
 * also registers a model version, moves the `candidate` alias to it and deploys it to staging),
 * alternating between the replicas. A call that fails (connection refused or reset, a 5xx, a
 * timeout) is retried with the same body and requestId, on the other replica, with backoff. Meanwhile
 * replica A is killed with SIGKILL (its whole process group) and started again, twice.
 *
 * At the end, read straight from the database: every point sent is stored exactly once (counted per
 * run and key), every param and tag once, every version once and deployed once, each client's alias points at
 * its newest version, exactly one active staging deployment, every
 * requestId claimed once — and no other table changed its row count. It prints points sent, kills
 * survived, lost and duplicated, and fails unless both are 0.
 *
 * SOAK_SHORT=1 is the short form `.ci/run` runs (fewer batches, the same two kills). Needs the
 * PostgreSQL on 127.0.0.1:5432; databases soak_<pid>_* are dropped at the end (SOAK_KEEP_DB=1 keeps).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { getGuestToken, root } = require('./lib/backend');
const { startReplica } = require('./lib/replicas');
const {
  writeBenchCatalog,
  waitForCatalogEntities,
} = require('./lib/benchCatalog');

const SHORT = process.env.SOAK_SHORT === '1';
const CLIENTS = 4;
const BATCHES_PER_CLIENT = Number(
  process.env.SOAK_BATCHES || (SHORT ? 40 : 250),
);
const KEYS = ['loss', 'accuracy'];
const STEPS = 250; // points per key per batch
const VERSION_EVERY = 5;
const KILLS = 2;
const PORTS = [7081, 7082];
const GROUP = 'group:default/soak-team';
const SERVICE = 'component:default/soak-service';
const PROJECT = 'soak';
const MODEL = 'soak-model';
const prefix = `soak_${process.pid}_`;

const sleep = ms => new Promise(r => setTimeout(r, ms));

function runIdOf(client, batch) {
  return `${(0x50a4 * 0x10000 + client * 0x1000 + batch).toString(16)}`.padStart(
    32,
    '0',
  );
}

function batchOf(client, batch) {
  const runId = runIdOf(client, batch);
  const body = {
    requestId: `soak-${client}-${batch}`,
    runs: [
      {
        runId,
        experiment: `client-${client}`,
        name: `soak ${client}/${batch}`,
        status: 'FINISHED',
        params: [
          { key: 'client', value: String(client) },
          { key: 'batch', value: String(batch) },
        ],
        tags: [{ key: 'soak', value: 'yes' }],
        metrics: KEYS.flatMap((key, k) =>
          Array.from({ length: STEPS }, (_, step) => ({
            key,
            step,
            value: client + batch / 1000 + k + step / STEPS,
            timestamp: 1_760_000_000_000 + step,
          })),
        ),
      },
    ],
  };
  if (batch % VERSION_EVERY === 0) {
    body.modelVersions = [
      { model: MODEL, runId, aliases: [`candidate-${client}`] },
    ];
    body.deployments = [
      {
        model: MODEL,
        runId,
        environment: `staging-${client}`,
        service: SERVICE,
      },
    ];
  }
  return body;
}

class Replicas {
  constructor(env, logDir) {
    this.env = env;
    this.logDir = logDir;
    this.live = new Map(); // port → backend
    this.starts = 0;
  }

  async start(port) {
    this.starts += 1;
    const backend = await startReplica({
      port,
      prefix,
      env: this.env,
      logFile: path.join(this.logDir, `replica-${port}-${this.starts}.log`),
    });
    this.live.set(port, backend);
    return backend;
  }

  kill(port) {
    const backend = this.live.get(port);
    this.live.delete(port);
    backend.kill('SIGKILL');
  }

  async stopAll() {
    await Promise.all([...this.live.values()].map(b => b.stop()));
    this.live.clear();
  }
}

/** POSTs until the call is answered 200 (a replay counts), retrying on the other replica. */
async function sendWithRetries(token, body, firstPort, stats) {
  let port = firstPort;
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(
        `http://localhost:${port}/api/ml-home/projects/${PROJECT}/ingest`,
        {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        },
      );
      const text = await res.text();
      if (res.status === 200) {
        if (JSON.parse(text).replayed) stats.replays += 1;
        return;
      }
      if (res.status < 500 && res.status !== 429) {
        throw Object.assign(new Error(`${res.status}: ${text.slice(0, 300)}`), {
          fatal: true,
        });
      }
      stats.failures += 1;
    } catch (error) {
      if (error.fatal) throw error;
      stats.failures += 1;
    }
    if (attempt > 200)
      throw new Error(`batch ${body.requestId} never got through`);
    port = port === PORTS[0] ? PORTS[1] : PORTS[0];
    await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 5)));
  }
}

async function withPg(database, fn) {
  const { Client } = require(
    require.resolve('pg', { paths: [path.join(root, 'packages/backend')] }),
  );
  const pg = new Client({
    host: '127.0.0.1',
    port: 5432,
    user: 'postgres',
    password: process.env.PGPASSWORD,
    database,
  });
  await pg.connect();
  try {
    return await fn(pg);
  } finally {
    await pg.end().catch(() => {});
  }
}

async function tableCounts(pg) {
  const { rows } = await pg.query(
    "select tablename from pg_tables where schemaname = 'public' and tablename not like 'knex_%' order by tablename",
  );
  const counts = {};
  for (const { tablename } of rows) {
    counts[tablename] = Number(
      (await pg.query(`select count(*)::bigint as n from "${tablename}"`))
        .rows[0].n,
    );
  }
  return counts;
}

/** Tables the soak writes; derived tables (summaries, certification, the event log) are only reported. */
const WRITTEN = new Set([
  'experiments',
  'runs',
  'run_params',
  'run_tags',
  'metric_points',
  'latest_metrics',
  'ingestion_requests',
  'model_versions',
  'model_aliases',
  'model_alias_history',
  'deployments',
]);
// Also reported, not checked: Backstage's own tables in the plugin database (each restarted replica
// adds its service-to-service signing key).
const derived = table =>
  (/summar|series|certification|scorecard|events|history$/.test(table) ||
    table.startsWith('backstage_')) &&
  !WRITTEN.has(table);

async function dropDatabases() {
  await withPg('postgres', async pg => {
    const { rows } = await pg.query(
      'select datname from pg_database where datname like $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await pg.query(`drop database if exists "${datname}" with (force)`);
    }
  });
}

async function main() {
  const started = Date.now();
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-home-soak-'));
  const catalog = writeBenchCatalog(logDir, {
    groups: [GROUP],
    components: [SERVICE],
    componentOwner: GROUP,
  });
  const replicas = new Replicas(
    { APP_CONFIG_mlHome_demoData_enabled: 'false', ...catalog.env },
    logDir,
  );
  let ok = false;
  try {
    console.log(
      `ML Home soak${SHORT ? ' (short)' : ''}: ${CLIENTS} clients × ${BATCHES_PER_CLIENT} batches of ${KEYS.length * STEPS} points through replicas on ports ${PORTS.join(' and ')}, PostgreSQL databases ${prefix}*; logs in ${logDir}`,
    );
    await replicas.start(PORTS[0]); // migrates
    await replicas.start(PORTS[1]);
    console.log(
      `replicas ready after ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    const token = await getGuestToken(`http://localhost:${PORTS[1]}`, {
      ownershipRef: GROUP,
      timeoutMs: 180_000,
    });
    await waitForCatalogEntities(
      `http://localhost:${PORTS[1]}`,
      token,
      [GROUP, SERVICE],
      {
        timeoutMs: 180_000,
      },
    );
    const api = async (port, method, route, body) => {
      const res = await fetch(`http://localhost:${port}/api/ml-home${route}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body: body && JSON.stringify(body),
      });
      if (!res.ok)
        throw new Error(
          `${method} ${route}: ${res.status} ${await res.text()}`,
        );
      return res.json();
    };
    // A token signed by replica B is accepted by replica A: the signing keys are shared.
    await api(PORTS[0], 'POST', '/projects', {
      name: PROJECT,
      title: 'Soak',
      owner: GROUP,
      description: 'Written by npm run soak.',
    });
    await api(PORTS[1], 'POST', `/projects/${PROJECT}/models`, {
      name: MODEL,
      description: '',
    });

    const database = `${prefix}ml-home`;
    const before = await withPg(database, tableCounts);

    const stats = { failures: 0, replays: 0, kills: 0, batches: 0 };
    const total = CLIENTS * BATCHES_PER_CLIENT;
    // Kill k lands when the clients are k/(KILLS+1) through; they carry on through the other
    // replica while it is down, but wait at (k+½)/(KILLS+1) until it is back, so every kill and
    // every restart happens under traffic however long a start takes.
    const restarted = [];
    const mark = k => (total * k) / (KILLS + 1);
    const clients = Array.from({ length: CLIENTS }, async (_, c) => {
      for (let b = 0; b < BATCHES_PER_CLIENT; b++) {
        for (let k = 1; k <= KILLS; k++) {
          while (stats.batches >= mark(k + 0.5) && !restarted[k])
            await sleep(50);
        }
        await sendWithRetries(token, batchOf(c, b), PORTS[(c + b) % 2], stats);
        stats.batches += 1;
      }
    });
    const killer = (async () => {
      for (let k = 1; k <= KILLS; k++) {
        while (stats.batches < mark(k)) await sleep(20);
        replicas.kill(PORTS[0]);
        stats.kills += 1;
        console.log(
          `  SIGKILL replica ${PORTS[0]} after ${stats.batches} of ${total} batches`,
        );
        await sleep(1000);
        await replicas.start(PORTS[0]);
        restarted[k] = true;
        console.log(
          `  replica ${PORTS[0]} restarted (${stats.batches} batches done)`,
        );
      }
    })();
    await Promise.all([...clients, killer]);
    console.log(
      `all ${total} batches answered; ${stats.failures} failed calls retried, ${stats.replays} answered as replays`,
    );

    // ------------------------------------------------------------------ the audit
    const audit = await withPg(database, async pg => {
      const q = async (sql, args) => (await pg.query(sql, args)).rows;
      const points = await q(
        `select r.id as run_id, p.key, count(*)::int as n, count(distinct p.step)::int as steps
           from runs r join experiments e on e.id = r.experiment_id join projects pr on pr.id = e.project_id
           left join metric_points p on p.run_id = r.id
          where pr.name = $1 group by r.id, p.key`,
        [PROJECT],
      );
      const byRun = new Map(points.map(r => [`${r.run_id}/${r.key}`, r]));
      let sent = 0;
      let lost = 0;
      let duplicated = 0;
      const problems = [];
      for (let c = 0; c < CLIENTS; c++) {
        for (let b = 0; b < BATCHES_PER_CLIENT; b++) {
          for (const key of KEYS) {
            sent += STEPS;
            const row = byRun.get(`${runIdOf(c, b)}/${key}`);
            const n = row?.n ?? 0;
            if (n < STEPS) lost += STEPS - n;
            if (n > STEPS) duplicated += n - STEPS;
          }
        }
      }
      const params = await q(
        `select count(*)::int as n from run_params where run_id = any($1)`,
        [
          Array.from({ length: CLIENTS * BATCHES_PER_CLIENT }, (_, i) =>
            runIdOf(Math.floor(i / BATCHES_PER_CLIENT), i % BATCHES_PER_CLIENT),
          ),
        ],
      );
      if (params[0].n !== 2 * total)
        problems.push(`run_params: ${params[0].n}, expected ${2 * total}`);
      const versionsExpected =
        CLIENTS * Math.ceil(BATCHES_PER_CLIENT / VERSION_EVERY);
      const versions = await q(
        `select v.id, v.version, v.run_id from model_versions v join models m on m.id = v.model_id where m.name = $1 order by v.version`,
        [MODEL],
      );
      if (versions.length !== versionsExpected)
        problems.push(
          `model versions: ${versions.length}, expected ${versionsExpected}`,
        );
      if (new Set(versions.map(v => v.run_id)).size !== versions.length)
        problems.push('a run registered the model more than once');
      const numbers = versions.map(v => Number(v.version));
      if (numbers.some((n, i) => n !== i + 1))
        problems.push(`version numbers not 1..n: ${numbers.join(',')}`);
      const deployments = await q(
        `select d.environment, d.status, d.model_version_id from deployments d join model_versions v on v.id = d.model_version_id join models m on m.id = v.model_id where m.name = $1`,
        [MODEL],
      );
      if (deployments.length !== versionsExpected)
        problems.push(
          `deployments: ${deployments.length}, expected ${versionsExpected}`,
        );
      for (let c = 0; c < CLIENTS; c++) {
        const active = deployments.filter(
          d => d.environment === `staging-${c}` && d.status === 'active',
        );
        if (active.length !== 1)
          problems.push(
            `staging-${c}: ${active.length} active deployments, expected 1`,
          );
      }
      // Each client's alias points at the version of its last versioned batch, and its history ends
      // there; the staging deployment that is active is that version's.
      const lastVersioned =
        Math.floor((BATCHES_PER_CLIENT - 1) / VERSION_EVERY) * VERSION_EVERY;
      const aliases = await q(
        `select a.alias, v.run_id, v.id from model_aliases a join model_versions v on v.id = a.version_id join models m on m.id = a.model_id where m.name = $1`,
        [MODEL],
      );
      for (let c = 0; c < CLIENTS; c++) {
        const alias = aliases.find(a => a.alias === `candidate-${c}`);
        if (alias?.run_id !== runIdOf(c, lastVersioned))
          problems.push(
            `candidate-${c} points at run ${alias?.run_id}, expected ${runIdOf(c, lastVersioned)}`,
          );
        const active = deployments.find(
          d => d.environment === `staging-${c}` && d.status === 'active',
        );
        if (alias && active && active.model_version_id !== alias.id)
          problems.push(
            `staging-${c} serves another version than candidate-${c}`,
          );
      }
      const requests = await q(
        `select count(*)::int as n from ingestion_requests where request_id like 'soak-%'`,
      );
      if (requests[0].n !== total)
        problems.push(
          `ingestion requests: ${requests[0].n}, expected ${total}`,
        );
      return { sent, lost, duplicated, problems };
    });
    const after = await withPg(database, tableCounts);
    const unexpected = [];
    const reported = [];
    for (const table of new Set([
      ...Object.keys(before),
      ...Object.keys(after),
    ])) {
      if (WRITTEN.has(table) || before[table] === after[table]) continue;
      if (derived(table))
        reported.push(`${table} ${before[table] ?? 0} → ${after[table] ?? 0}`);
      else
        unexpected.push(
          `${table} ${before[table] ?? 0} → ${after[table] ?? 0}`,
        );
    }
    if (unexpected.length)
      audit.problems.push(`other tables changed: ${unexpected.join(', ')}`);

    const seconds = (Date.now() - started) / 1000;
    console.log('\nsoak result');
    console.log(`  points sent        ${audit.sent}`);
    console.log(`  kills survived     ${stats.kills} of ${KILLS}`);
    console.log(
      `  lost               ${audit.lost}   (must be 0) ${audit.lost === 0 ? 'met' : 'MISSED'}`,
    );
    console.log(
      `  duplicated         ${audit.duplicated}   (must be 0) ${audit.duplicated === 0 ? 'met' : 'MISSED'}`,
    );
    console.log(
      `  consistency        ${audit.problems.length ? audit.problems.join('; ') : 'versions, aliases, deployments, requests: ok'}`,
    );
    if (reported.length)
      console.log(`  derived tables     ${reported.join(', ')} (not checked)`);
    console.log(
      `  time               ${seconds.toFixed(0)} s, load average ${os
        .loadavg()
        .map(l => l.toFixed(2))
        .join(' ')}`,
    );
    ok =
      audit.lost === 0 &&
      audit.duplicated === 0 &&
      stats.kills === KILLS &&
      audit.problems.length === 0;
  } finally {
    await replicas.stopAll();
    if (process.env.SOAK_KEEP_DB !== '1')
      await dropDatabases().catch(e => console.error(e.message));
    if (ok) fs.rmSync(logDir, { recursive: true, force: true });
    else console.log(`replica logs kept in ${logDir}`);
  }
  if (!ok) {
    console.error('soak FAILED');
    process.exit(1);
  }
  console.log('soak passed');
}

main().catch(error => {
  console.error(error.stack || error.message);
  process.exit(1);
});
