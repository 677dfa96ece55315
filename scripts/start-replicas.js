#!/usr/bin/env node
/*
 * `npm run start:replicas`: the example backend as two replicas on one PostgreSQL, on ports 7007 and
 * 7008 (REPLICA_PORTS=7007,7008), sharing the databases `ml_home_replicas_<plugin>`
 * (REPLICA_DB_PREFIX). What the set-up needs and why: scripts/lib/replicas.js and the README's
 * "Two replicas on PostgreSQL". Ctrl-C stops both.
 *
 * The replicas serve the API; the app they serve is the production build (`npm run build` first), or
 * run the frontend dev server with `npm start` and point it at either port.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startReplicas } = require('./lib/replicas');

async function main() {
  const ports = (process.env.REPLICA_PORTS || '7007,7008')
    .split(',')
    .map(p => Number(p.trim()));
  const prefix = process.env.REPLICA_DB_PREFIX || 'ml_home_replicas_';
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-home-replicas-'));
  console.log(
    `starting ${ports.length} replicas on PostgreSQL (databases ${prefix}*), logs in ${logDir} …`,
  );
  const replicas = await startReplicas({
    ports,
    prefix,
    logDir,
    nodeEnv: process.env.NODE_ENV || 'production',
  });
  for (const r of replicas)
    console.log(`  replica ready: ${r.baseUrl} (log ${r.logFile})`);
  console.log('Ctrl-C stops both.');
  const stop = async () => {
    await Promise.all(replicas.map(r => r.stop()));
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise(() => {});
}

main().catch(error => {
  console.error(error.message);
  process.exit(1);
});
