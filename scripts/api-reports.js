#!/usr/bin/env node
/*
 * API reports (`report.api.md`, `report-<entry>.api.md`) of every published package, as
 * backstage/backstage keeps them: API Extractor reads the declarations that `tsc` emits into
 * dist-types/ and writes what each entry point exports, so a change to a public API shows in review.
 *
 *   npm run api-reports            emit declarations, then regenerate the reports
 *   node scripts/api-reports.js --ci --no-tsc
 *                                  (npm test, after its type check has emitted the declarations)
 *                                  fail when a report is stale or an export has a warning
 *
 * Published packages are the plugins/* packages that are not private. `--tsc` of repo-tools is not
 * used: it spawns yarn. `ae-wrong-input-file-type` is omitted: the workspace packages point
 * `types` at their src/index.ts, so API Extractor meets a .ts file when one package's declarations
 * import another's; it says nothing about our exports, which are all still analysed.
 * `--validate-release-tags`: the main entry point exports only `@public`, `./alpha` only `@alpha`.
 *
 * Warnings are allowed in -common alone (ALLOW_WARNINGS), and only because of code we do not write
 * by hand or have not documented yet: the wire types generated from the OpenAPI document (schema
 * properties without a description, and openapi-typescript's `@description` tag, unknown to TSDoc)
 * and the members of MlHomeApi / MlHomeClient. They are listed at the end of its report.api.md, so a
 * new one still shows in review and a stale report still fails. Every other package has none.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const ci = args.includes('--ci');
const runTsc = !args.includes('--no-tsc');
const ALLOW_WARNINGS = ['plugins/ml-home-common'];

function publishedPackages() {
  return fs
    .readdirSync(path.join(root, 'plugins'))
    .map(dir => `plugins/${dir}`)
    .filter(dir => {
      const file = path.join(root, dir, 'package.json');
      return (
        fs.existsSync(file) &&
        !JSON.parse(fs.readFileSync(file, 'utf8')).private
      );
    })
    .sort();
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
  });
  return result.status === 0;
}

const packages = publishedPackages();
if (runTsc && !run('npx', ['tsc', '-p', 'tsconfig.json'])) {
  // tsc emits declarations even when it reports errors; the reports would describe broken code.
  process.stderr.write('api-reports: the type check failed; fix it first.\n');
  process.exit(1);
}
const ok = run('npx', [
  'backstage-repo-tools',
  'api-reports',
  ...(ci ? ['--ci'] : []),
  '--omit-messages',
  'ae-wrong-input-file-type',
  '--validate-release-tags',
  '--allow-warnings',
  ALLOW_WARNINGS.join(','),
  ...packages,
]);
if (!ok && ci) {
  process.stderr.write(
    '\nAn API report is stale or has warnings: run `npm run api-reports`, read the diff of the ' +
      'report.api.md files and commit them with the change.\n',
  );
}
process.exit(ok ? 0 : 1);
