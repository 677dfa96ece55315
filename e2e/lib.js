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
 * throwaway in-memory database, waiting until the app's index page is served too.
 */
async function startBackend({ port, env = {} }) {
  return sharedBackend.startBackend({
    port,
    logFile: path.join(outputDir, `backend-${port}.log`),
    waitForApp: true,
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
  outputDir,
  root,
};
