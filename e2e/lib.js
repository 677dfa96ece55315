/*
 * A small harness for ML Home's browser journeys: starts the example backend serving the
 * production build of the app on its own port with a throwaway in-memory database, drives
 * Debian's Chromium through playwright-core, and saves a screenshot of every page it checks.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const sharedBackend = require('../scripts/lib/backend');

const root = path.resolve(__dirname, '..');
const outputDir = path.join(root, 'e2e-output');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ];
  const found = candidates.find(p => p && fs.existsSync(p));
  if (!found) {
    throw new Error(
      "Chromium not found: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH",
    );
  }
  return found;
}

function buildApp() {
  const started = Date.now();
  const result = spawnSync('npx', ['backstage-cli', 'package', 'build'], {
    cwd: path.join(root, 'packages/app'),
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new Error('building packages/app failed');
  }
  console.log(`app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Starts the example backend for the journeys: the shared starter (scripts/lib/backend.js) with a
 * throwaway in-memory database, waiting until the app's index page is served too. No file watcher
 * unless asked: an edit elsewhere in the tree must not restart the backend mid-journey.
 */
async function startBackend({ port, env = {}, watch = false }) {
  return sharedBackend.startBackend({
    port,
    logFile: path.join(outputDir, `backend-${port}.log`),
    waitForApp: true,
    // ML Home loads its demo data into the in-memory database before it reports ready: on a
    // loaded machine that alone has taken over two minutes.
    timeoutMs: Number(process.env.E2E_BACKEND_TIMEOUT_MS || 420_000),
    watch,
    env: {
      APP_CONFIG_backend_database_client: 'better-sqlite3',
      APP_CONFIG_backend_database_connection: ':memory:',
      ...env,
    },
  });
}

async function launchBrowser() {
  const { chromium } = require('playwright-core');
  // launch() gives every run a fresh, empty profile of its own.
  return chromium.launch({
    executablePath: findChromium(),
    args: CHROMIUM_FLAGS,
    headless: true,
  });
}

/**
 * Saves a screenshot. `fullPage` (the default) captures the document, but Backstage pages scroll
 * inside their main area, so content below the first screen comes out blank: scroll the part that
 * matters into view and pass `{ fullPage: false }` for it.
 */
async function screenshot(page, name, { fullPage = true } = {}) {
  fs.mkdirSync(outputDir, { recursive: true });
  const file = path.join(outputDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** The WCAG levels every ML Home page is held to. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core (WCAG 2.1 A and AA) on the page as it is now and throws when any serious or
 * critical violation remains, listing each one (rule, impact, the elements it found). Call it once
 * a page has loaded what it shows (it also waits until no progress bar is left). Every result,
 * minor ones included, is saved as e2e-output/axe-<name>.json, and a one-line summary is printed.
 *
 * `include` (a CSS selector) checks only what matches: ML Home's parts of a page that Backstage
 * draws, such as its results on the search page.
 */
async function checkAccessibility(page, name, { include } = {}) {
  // What is still loading is not what the page shows: wait for the spinners to go.
  await page.waitForFunction(
    () => !document.querySelector('[role="progressbar"]'),
    null,
    { timeout: 30_000 },
  );
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  const results = await page.evaluate(
    ({ tags, selector }) =>
      window.axe.run(selector ? { include: [[selector]] } : document, {
        runOnly: tags,
      }),
    { tags: AXE_TAGS, selector: include },
  );
  const violations = results.violations.map(v => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map(n => n.target.join(' ')),
  }));
  fs.mkdirSync(outputDir, { recursive: true });
  fs.writeFileSync(
    path.join(outputDir, `axe-${name}.json`),
    `${JSON.stringify({ url: page.url(), violations }, null, 2)}\n`,
  );
  const count = list => list.reduce((n, v) => n + v.targets.length, 0);
  const blocking = violations.filter(v => AXE_BLOCKING.has(v.impact));
  console.log(
    `  axe ${name}: ${count(blocking)} serious or critical, ${count(violations) - count(blocking)} other (${results.passes.length} rules pass)`,
  );
  if (blocking.length) {
    const lines = blocking.flatMap(v => [
      `${v.id} (${v.impact}): ${v.help}`,
      ...v.targets.map(t => `    ${t}`),
    ]);
    throw new Error(
      `axe found ${count(blocking)} serious or critical violations on ${name} (${page.url()}):\n  ${lines.join('\n  ')}`,
    );
  }
  return results;
}

/** Signs in with the guest provider and waits for the app shell. */
async function signInAsGuest(page, baseUrl) {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: /enter/i }).click();
  await page.getByRole('link', { name: 'ML Home' }).first().waitFor();
}

module.exports = {
  buildApp,
  startBackend,
  launchBrowser,
  screenshot,
  signInAsGuest,
  checkAccessibility,
  outputDir,
  root,
};
