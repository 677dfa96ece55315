#!/usr/bin/env node
/*
 * `npm run seed`: loads ML Home's deterministic demo data (mlHome.demoData, the same generator the
 * portal uses on first start) into the portal's configured database, then stops.
 *
 * It starts the example backend once, with the portal's normal configuration (app-config.yaml,
 * app-config.local.yaml, APP_CONFIG_* variables, or the files given with --config) and
 * `mlHome.demoData.enabled: true`, on a spare port, waits until it is ready (this module's loader
 * writes the demo data while the ML Home plugin starts, and only when the ML Home database holds
 * no project at all), reports what happened and stops the backend. It never deletes anything: a database that
 * already has projects is left as it is.
 *
 *   npm run seed                                                # the file SQLite under data/sqlite
 *   npm run seed -- app-config.yaml app-config.production.yaml  # PostgreSQL
 *   APP_CONFIG_backend_database_connection_directory=/tmp/x npm run seed   # another SQLite folder
 *   node plugins/ml-home-backend-module-demo/scripts/seed.js --config app-config.yaml --config more.yaml
 *
 * Config paths are relative to the folder npm was started from or to the repository root. Through
 * the root script npm keeps `--config` for itself and passes on only the file names, so bare
 * .yaml arguments are config files too. SEED_PORT picks the port (default: a free one). Do not
 * seed a SQLite database while the portal runs on it.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
// The repository's shared backend starter (also used by e2e/ and scripts/bench.js), not a package.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const backendLib = require('../../../scripts/lib/backend');

const { startBackend, getGuestToken, findFreePort, portInUse, root } =
  backendLib;

// What the module's loader and ML Home's extension point log (src/module.ts, and the backend's
// extensions/demoDataLoaders.ts).
const LOADED = /Loaded ML Home demo data in (\d+) ms: ([^\n(]*)/;
const ELSEWHERE = /the data is being loaded elsewhere \(([^\n]*)\)/;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** A config path as given: absolute, or relative to where npm was started, or to the repo root. */
function resolveConfig(file) {
  const bases = [process.env.INIT_CWD, process.cwd(), root].filter(Boolean);
  const found = bases
    .map(base => path.resolve(base, file))
    .find(p => fs.existsSync(p));
  if (!found)
    throw new Error(
      `config file '${file}' not found (looked in ${[...new Set(bases)].join(', ')})`,
    );
  return found;
}

function configArgs(argv) {
  const args = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--config' && argv[i + 1]) {
      args.push('--config', resolveConfig(argv[++i]));
    } else if (arg.startsWith('--config=')) {
      args.push('--config', resolveConfig(arg.slice('--config='.length)));
    } else if (arg === '--help' || arg === '-h') {
      console.log(fs.readFileSync(__filename, 'utf8').split('*/')[0]);
      process.exit(0);
    } else if (!arg.startsWith('-') && /\.ya?ml$/.test(arg)) {
      // Through the root script (`npm run seed -- --config f.yaml`) the inner npm takes `--config`
      // for its own flag and passes only the file on, so a bare YAML file is a config file too.
      args.push('--config', resolveConfig(arg));
    } else {
      throw new Error(
        `unknown argument '${arg}'; expected --config <file.yaml> (or just file.yaml)`,
      );
    }
  }
  return args;
}

/** Counts live projects through the API: with ML_HOME_TOKEN when set, else as the guest user. */
async function countProjects(baseUrl) {
  const token =
    process.env.ML_HOME_TOKEN?.trim() ||
    (await getGuestToken(baseUrl, { timeoutMs: 30_000 }));
  const res = await fetch(`${baseUrl}/api/ml-home/projects?limit=1`, {
    headers: { Authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok)
    throw new Error(`GET /api/ml-home/projects answered ${res.status}`);
  return (await res.json()).totalCount;
}

async function main() {
  const started = Date.now();
  const args = configArgs(process.argv.slice(2));
  if (await portInUse(7007)) {
    console.warn(
      'note: something listens on port 7007 (the portal?). With the embedded SQLite, stop the portal before seeding its database.',
    );
  }
  const port = Number(process.env.SEED_PORT) || (await findFreePort());
  const logFile = path.join(os.tmpdir(), `ml-home-seed-${process.pid}.log`);

  let backend;
  let interrupted = false;
  const onSignal = signal => {
    interrupted = true;
    console.error(
      `\n${signal}: stopping the backend. If the demo data was being written, part of it may be stored; the next seed then finds projects and does nothing.`,
    );
    Promise.resolve(backend?.stop()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', () => backend?.kill('SIGKILL')); // last resort; a no-op once stopped

  console.log(
    `starting the example backend on port ${port} with mlHome.demoData.enabled=true${
      args.length ? ` and ${args.filter(a => a !== '--config').join(', ')}` : ''
    } (log: ${logFile}) …`,
  );
  let ok = false;
  try {
    backend = await startBackend({
      port,
      args,
      env: { APP_CONFIG_mlHome_demoData_enabled: 'true' },
      logFile,
      watch: false, // a source file saved mid-load must not restart the backend
      timeoutMs: 900_000, // the demo data is written before the backend reports ready
    });
    const log = fs.readFileSync(logFile, 'utf8').replace(ANSI, '');
    const configLine = log
      .split('\n')
      .find(l => l.startsWith('Loading config from'));
    if (configLine)
      console.log(configLine.replace('Loading config from', 'configuration:'));

    let projects;
    try {
      projects = await countProjects(backend.baseUrl);
    } catch (error) {
      console.warn(
        `(could not count projects through the API: ${error.message})`,
      );
    }
    const loaded = LOADED.exec(log);
    const elsewhere = ELSEWHERE.exec(log);
    if (loaded) {
      console.log(
        `loaded the ML Home demo data in ${(Number(loaded[1]) / 1000).toFixed(1)} s: ${loaded[2].trim()}${
          projects === undefined
            ? ''
            : ` (the API now lists ${projects} projects)`
        }`,
      );
      ok = projects === undefined || projects > 0;
      if (!ok) console.error('but the API lists no project afterwards');
    } else if (elsewhere) {
      console.log(
        `another backend is loading the demo data into this database right now (${elsewhere[1].trim()}); nothing to do`,
      );
      ok = true;
    } else if (projects === 0) {
      // The plugin loads demo data only into a database with no project row at all.
      console.log(
        'the database has only deleted projects, so the demo data was not loaded; nothing was changed',
      );
      ok = true;
    } else {
      console.log(
        `the database already has ${projects === undefined ? '' : `${projects} `}projects; nothing to do (the demo data is loaded only into an empty ML Home database)`,
      );
      ok = true;
    }
  } catch (error) {
    if (!interrupted) console.error(`seed failed: ${error.message}`);
  } finally {
    if (backend) {
      await backend.stop();
      console.log(
        `backend stopped; ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
      );
    }
  }
  if (ok) {
    fs.rmSync(logFile, { force: true });
  } else if (!interrupted) {
    console.error(`backend log: ${logFile}`);
  }
  process.exit(ok ? 0 : 1);
}

main().catch(error => {
  console.error(`seed failed: ${error.message}`);
  process.exit(1);
});
