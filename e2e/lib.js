/*
 * A small harness for ML Home's browser journeys: starts the example backend serving the
 * production build of the app on its own port with a throwaway in-memory database, drives
 * Debian's Chromium through playwright-core, and saves a screenshot of every page it checks.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

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
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find(p => p && fs.existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium not found: install Debian\'s package (apt-get install -y chromium) or set CHROMIUM_PATH',
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

async function startBackend({ port, env = {} }) {
  const baseUrl = `http://localhost:${port}`;
  const logFile = path.join(outputDir, `backend-${port}.log`);
  const log = fs.openSync(logFile, 'w');
  const child = spawn('npx', ['backstage-cli', 'package', 'start'], {
    cwd: path.join(root, 'packages/backend'),
    detached: true, // own process group, so stopping it stops the CLI's children too
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      APP_CONFIG_backend_listen_port: String(port),
      APP_CONFIG_backend_baseUrl: baseUrl,
      APP_CONFIG_app_baseUrl: baseUrl,
      APP_CONFIG_backend_database_client: 'better-sqlite3',
      APP_CONFIG_backend_database_connection: ':memory:',
      ...env,
    },
  });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`backend exited early; see ${logFile}`);
    }
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (res.ok) {
        const page = await fetch(baseUrl);
        if (page.ok) break;
      }
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`backend did not become ready in 180 s; see ${logFile}`);
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  return { baseUrl, stop, logFile };
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

async function screenshot(page, name) {
  fs.mkdirSync(outputDir, { recursive: true });
  const file = path.join(outputDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
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
