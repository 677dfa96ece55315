#!/usr/bin/env node
/*
 * `npm test`: every check a change must pass, in the order that fails fastest.
 *   1. generated OpenAPI files are current, 2. type check (emitting declarations), 3. API reports are
 *   current (scripts/api-reports.js), 4. lint and formatting (prettier), 5. every package's jest tests
 *   (backend against SQLite and, when one answers, PostgreSQL).
 * Ends with one plain line `N passed, N failed, N skipped` so that a run which executed nothing is
 * visible to CI, and fails when PostgreSQL was configured but its tests did not run.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const PG_VAR = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

function run(title, command, args, env = process.env) {
  process.stdout.write(`\n=== ${title}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  process.stdout.write(
    `=== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return result.status === 0;
}

function portOpen(host, port) {
  return new Promise(resolve => {
    const socket = net.connect({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function main() {
  const env = {
    ...process.env,
    CI: 'true',
    BACKSTAGE_TEST_DISABLE_DOCKER: '1',
  };
  if (!env[PG_VAR] && (await portOpen('127.0.0.1', 5432))) {
    env[PG_VAR] = 'postgresql://postgres@127.0.0.1:5432';
    process.stdout.write(
      `PostgreSQL answers on 127.0.0.1:5432: its tests run too (${PG_VAR} unset, using ${env[PG_VAR]}).\n`,
    );
  } else if (!env[PG_VAR]) {
    process.stdout.write(
      `No PostgreSQL on 127.0.0.1:5432 and ${PG_VAR} unset: PostgreSQL tests are skipped.\n`,
    );
  }

  const failures = [];
  if (fs.existsSync(path.join(root, 'scripts/generate-openapi.js'))) {
    if (
      !run('generated files', 'node', [
        'scripts/generate-openapi.js',
        '--check',
      ])
    )
      failures.push('generated files');
  }
  // The type check also emits declarations into dist-types/ (incremental), which the API reports read.
  const typesOk = run('type check', 'npx', ['tsc', '-p', 'tsconfig.json']);
  if (!typesOk) failures.push('type check');
  if (
    typesOk &&
    !run('API reports', 'node', ['scripts/api-reports.js', '--ci', '--no-tsc'])
  ) {
    failures.push('API reports');
  }
  if (!run('lint', 'npx', ['backstage-cli', 'repo', 'lint']))
    failures.push('lint');
  if (
    !run('formatting', 'npx', [
      'prettier',
      '--check',
      '--log-level',
      'warn',
      '.',
    ])
  )
    failures.push('formatting');

  const report = path.join(os.tmpdir(), `ml-home-jest-${process.pid}.json`);
  const jestOk = run(
    'tests',
    'npx',
    [
      'backstage-cli',
      'repo',
      'test',
      '--json',
      `--outputFile=${report}`,
      ...process.argv.slice(2),
    ],
    env,
  );
  if (!jestOk) failures.push('tests');

  let passed = 0,
    failed = 0,
    skipped = 0,
    postgresPassed = 0;
  if (fs.existsSync(report)) {
    const results = JSON.parse(fs.readFileSync(report, 'utf8'));
    for (const suite of results.testResults) {
      for (const test of suite.assertionResults) {
        if (test.status === 'passed') {
          passed += 1;
          if (/POSTGRES/.test(test.fullName)) postgresPassed += 1;
        } else if (test.status === 'failed') failed += 1;
        else skipped += 1;
      }
      if (suite.status === 'failed' && suite.assertionResults.length === 0) {
        failed += 1; // a suite that failed to load has no assertions but is a failure
      }
    }
    fs.rmSync(report, { force: true });
  } else {
    failed += 1;
  }

  if (env[PG_VAR]) {
    process.stdout.write(`PostgreSQL tests passed: ${postgresPassed}\n`);
    if (postgresPassed === 0) {
      failures.push('PostgreSQL tests did not run');
      failed += 1;
    }
  }
  if (failures.length)
    process.stdout.write(`\nFailed steps: ${failures.join(', ')}\n`);
  process.stdout.write(
    `\n${passed} passed, ${failed} failed, ${skipped} skipped\n`,
  );
  process.exit(failures.length || failed ? 1 : 0);
}

main().catch(error => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
