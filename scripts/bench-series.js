#!/usr/bin/env node
/*
 * `npm run bench:series`: metric histories of long series, in process (no HTTP, no auth), on the
 * backend's own stores: a 1,000,000-point and a 10,000-point series of one run are ingested through
 * the batch path (ingestBatch, 10,000 points a batch, as the API writes them), then
 * queryMetricHistory reads each with maxPoints=1000 (targets of issue 16: p95 ≤ 50 ms and ≤ 10 ms)
 * and the answer is checked against downsampleSeries over every stored point.
 *
 * SERIES_DB: sqlite (default; a file in a temporary folder) or pg (a throwaway database
 * bench_series_<pid> on 127.0.0.1:5432, user postgres, dropped afterwards, or with
 * SERIES_PG_DATABASE=<name> one kept and reused like SERIES_DB_FILE).
 * SERIES_DB_FILE: a SQLite file to keep and reuse (seeded only when empty; migrated to latest
 * first, so a file seeded by an older version measures the migration's backfill too).
 * SERIES_REPS (default 100): reads of each series measured, after 5 unmeasured.
 *
 * Besides p50 / p95 it prints this process's CPU time a read (user + system), which a loaded
 * machine inflates far less than latency: on SQLite that is all the work, on PostgreSQL the
 * server's share is not in it.
 */
require('@backstage/cli-node/config/nodeTransform.cjs');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const knexFactory = require('knex');

const root = path.resolve(__dirname, '..');
const backend = path.join(root, 'plugins/ml-home-backend');
const { DatabaseStores } = require(
  path.join(backend, 'src/database/DatabaseStores'),
);
const { ingestBatch } = require(path.join(backend, 'src/ingestion/writeBatch'));
const { queryMetricHistory } = require(
  path.join(backend, 'src/runs/metricHistory'),
);
const { downsampleSeries } = require(
  path.join(root, 'plugins/ml-home-common/src'),
);

const DB = process.env.SERIES_DB ?? 'sqlite';
const REPS = Number(process.env.SERIES_REPS ?? 100);
const MAX_POINTS = 1000;
const BATCH = 10_000;
const SERIES = [
  { run: 'b'.repeat(32), points: 1_000_000, target: 50 },
  { run: 'c'.repeat(32), points: 10_000, target: 10 },
];

const load = () =>
  os
    .loadavg()
    .map(l => l.toFixed(2))
    .join(' / ');
const quantile = (sorted, q) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/* A training curve with spikes, dips, NaN and repeated values. */
function point(step) {
  let value =
    Math.round(Math.exp(-step / 200_000) * 1000 + Math.sin(step / 50) * 20) /
    10;
  if (step % 9973 === 0) value = 1e6;
  if (step % 7919 === 0) value = -1e6;
  if (step % 104_729 === 0) value = NaN;
  return { step, timestamp: 1_700_000_000_000 + step * 10, value };
}

async function openDatabase() {
  if (DB === 'pg') {
    const kept = process.env.SERIES_PG_DATABASE;
    const name = kept ?? `bench_series_${process.pid}`;
    const admin = knexFactory({
      client: 'pg',
      connection: 'postgresql://postgres@127.0.0.1:5432/postgres',
    });
    const { rows } = await admin.raw(
      'select 1 from pg_database where datname = ?',
      [name],
    );
    if (!rows.length) {
      await admin.raw(`create database ${name}`);
    }
    const knex = knexFactory({
      client: 'pg',
      connection: `postgresql://postgres@127.0.0.1:5432/${name}`,
    });
    return {
      knex,
      close: async () => {
        await knex.destroy();
        if (!kept) {
          await admin.raw(`drop database ${name}`);
        }
        await admin.destroy();
      },
    };
  }
  const kept = process.env.SERIES_DB_FILE;
  const dir = kept
    ? undefined
    : fs.mkdtempSync(path.join(os.tmpdir(), 'series-'));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: kept ?? path.join(dir, 'ml-home.sqlite') },
    useNullAsDefault: true,
  });
  return {
    knex,
    close: async () => {
      await knex.destroy();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function seed(knex) {
  const storage = new DatabaseStores(knex);
  const project = await storage.stores.projects.createProject(
    {
      name: 'series',
      title: 'Series',
      description: '',
      owner: 'group:default/a',
      lifecycle: 'experimental',
      tags: [],
      links: [],
      relatedEntities: [],
    },
    'user:default/a',
  );
  for (const { run, points } of SERIES) {
    const started = Date.now();
    for (let from = 0; from < points; from += BATCH) {
      const metrics = [];
      for (let step = from; step < Math.min(points, from + BATCH); step++) {
        metrics.push({ key: 'loss', ...point(step) });
      }
      await ingestBatch(
        storage,
        project,
        {
          runs: [
            {
              runId: run,
              runIdSupplied: true,
              experiment: 'e',
              params: [],
              tags: [],
              metrics,
            },
          ],
        },
        'user:default/a',
      );
    }
    console.log(
      `seeded ${points.toLocaleString('en')} points in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}

async function main() {
  const { knex, close } = await openDatabase();
  try {
    await knex.migrate.latest({ directory: path.join(backend, 'migrations') });
    const [{ n }] = await knex('metric_points').count({ n: '*' });
    if (Number(n) === 0) {
      await seed(knex);
    }
    console.log(`${DB}, load average at start ${load()}`);
    for (const { run, points, target } of SERIES) {
      const rows = await knex('metric_points')
        .where({ run_id: run, key: 'loss' })
        .orderBy(['step', 'timestamp', 'value', 'is_nan']);
      const expected = downsampleSeries(
        rows.map(r => ({
          step: Number(r.step),
          timestamp: Number(r.timestamp),
          value: r.is_nan ? NaN : Number(r.value),
        })),
        MAX_POINTS,
      );
      const read = () =>
        queryMetricHistory(knex, {
          runId: run,
          key: 'loss',
          maxPoints: MAX_POINTS,
        });
      const first = await read();
      const same =
        first.totalPoints === points &&
        JSON.stringify(first.points) === JSON.stringify(expected);
      for (let i = 0; i < 5; i++) await read();
      const ms = [];
      const cpu = process.cpuUsage();
      for (let i = 0; i < REPS; i++) {
        const start = process.hrtime.bigint();
        await read();
        ms.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const { user, system } = process.cpuUsage(cpu);
      ms.sort((a, b) => a - b);
      const p95 = quantile(ms, 0.95);
      console.log(
        `${points.toLocaleString('en')} points → ${MAX_POINTS}: p50 ${quantile(ms, 0.5).toFixed(1)} / p95 ${p95.toFixed(1)} ms ` +
          `(target p95 ≤ ${target}: ${p95 <= target ? 'met' : 'MISSED'}), ${first.points.length} points, ` +
          `this process's CPU ${((user + system) / 1000 / REPS).toFixed(1)} ms a read, ` +
          `same as downsampleSeries: ${same ? 'yes' : 'NO'}, load ${load()}`,
      );
      if (!same) process.exitCode = 1;
    }
  } finally {
    await close();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
