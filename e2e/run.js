#!/usr/bin/env node
/*
 * `npm run e2e`: browser journeys in headless Chromium against the production build of the app,
 * served by the example backend on a port of its own (7017 unless E2E_PORT is set) with an
 * in-memory database. Screenshots go to e2e-output/ (git-ignored). Ends with `N passed, N failed`.
 */
const fs = require('fs');
const path = require('path');
const {
  buildApp,
  startBackend,
  launchBrowser,
  screenshot,
  outputDir,
} = require('./lib');

/** A journey that did what it checks but left uncaught errors in the page. */
class PageErrors extends Error {}

async function main() {
  fs.rmSync(outputDir, { recursive: true, force: true });
  fs.mkdirSync(outputDir, { recursive: true });
  const only = process.argv[2];
  const files = fs
    .readdirSync(path.join(__dirname, 'journeys'))
    .filter(f => f.endsWith('.journey.js'))
    .sort();
  const journeys = files
    .flatMap(f => require(`./journeys/${f}`).map(j => ({ ...j, file: f })))
    .filter(j => !only || j.name.includes(only) || j.file.includes(only));

  if (process.env.E2E_SKIP_BUILD !== '1') buildApp();
  const port = Number(process.env.E2E_PORT || 7017);
  // A static token as scripts use it, so the journeys can check token access too.
  const token = `e2e-${process.pid}-${Date.now()}`;
  // No file watcher: an edit elsewhere in the tree must not restart the backend mid-journey.
  const backend = await startBackend({
    port,
    env: { ML_HOME_TOKEN: token },
    watch: false,
  });
  let browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    backend.stop();
    throw error;
  }
  let passed = 0;
  let failed = 0;
  try {
    for (const journey of journeys) {
      const context = await browser.newContext({
        viewport: { width: 1400, height: 900 },
        // The backend's content security policy refuses inline scripts, and axe-core goes in as
        // one (checkAccessibility).
        bypassCSP: true,
      });
      context.setDefaultTimeout(30_000);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', e => errors.push(e.message));
      const started = Date.now();
      try {
        await journey.run({ page, baseUrl: backend.baseUrl, token });
        // An uncaught error in the page is a failure even when everything asked for showed up.
        if (errors.length) {
          throw new PageErrors(
            `${errors.length} uncaught page error(s):\n${errors.join('\n')}`,
          );
        }
        passed += 1;
        console.log(`✓ ${journey.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        const shot = await screenshot(
          page,
          `FAILED-${journey.name.replace(/\W+/g, '-')}`,
        ).catch(() => '');
        console.log(
          `✕ ${journey.name}\n  ${error.message.split('\n').join('\n  ')}\n  screenshot: ${shot}`,
        );
        if (errors.length && !(error instanceof PageErrors)) {
          console.log(`  page errors: ${errors.join(' | ')}`);
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    backend.stop();
  }
  console.log(`\nscreenshots in ${outputDir}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed || !passed ? 1 : 0);
}

main().catch(error => {
  console.error(error.stack || error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
