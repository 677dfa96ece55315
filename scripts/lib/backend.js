/*
 * Starts the example backend (packages/backend, `backstage-cli package start`) on a port of its own
 * in a process group of its own, waits until it is ready, and stops it again. Shared by the e2e
 * harness (e2e/lib.js), the benchmark (scripts/bench.js) and the seed script
 * (plugins/ml-home-backend-module-demo/scripts/seed.js).
 *
 * Configuration comes from the usual app-config files (or the `--config` arguments given in
 * `args`), the caller's environment and the APP_CONFIG_ overrides in `env`; only the port and the
 * base URLs are always overridden here.
 *
 * `watch: false` runs the same entry point with the same TypeScript loader as
 * `backstage-cli package start`, but without its file watcher: a source file saved while a
 * benchmark or the demo-data load runs would otherwise restart the backend in the middle of it.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const backendDir = path.join(root, 'packages/backend');

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** True when something already accepts connections on the port (IPv4 or IPv6 loopback). */
async function portInUse(port) {
  const probe = host =>
    new Promise(resolve => {
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
  return (await probe('127.0.0.1')) || (await probe('::1'));
}

/** A free TCP port chosen by the OS, avoiding the ports the portal and the e2e suite use. */
async function findFreePort(avoid = [3000, 7007, 7017]) {
  for (let i = 0; i < 20; i++) {
    const port = await new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port: p } = server.address();
        server.close(() => resolve(p));
      });
    });
    if (!avoid.includes(port) && !(await portInUse(port))) return port;
  }
  throw new Error('could not find a free port');
}

/** True while any process of the group `pgid` is alive. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** CPU seconds (user + system) used so far by the processes of a process group (Linux /proc). */
function groupCpuSeconds(pgid) {
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state is field 3, pgrp 5,
      // utime 14, stime 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

/**
 * Waits until the backend's process group uses less than `maxCpuShare` of one core over
 * `windowMs` (its start-up and event-driven work — catalog refreshes, search indexing, scheduled
 * re-evaluations — has settled), or `timeoutMs` passes. Returns { settled, waitedMs, share }.
 */
async function waitUntilIdle(
  pgid,
  { maxCpuShare = 0.1, windowMs = 3000, timeoutMs = 180_000 } = {},
) {
  const started = Date.now();
  for (;;) {
    const before = groupCpuSeconds(pgid);
    await sleep(windowMs);
    const share = (groupCpuSeconds(pgid) - before) / (windowMs / 1000);
    const waitedMs = Date.now() - started;
    if (share < maxCpuShare) return { settled: true, waitedMs, share };
    if (waitedMs > timeoutMs) return { settled: false, waitedMs, share };
  }
}

function tail(file, lines = 30) {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .join('\n');
  } catch {
    return '';
  }
}

/**
 * Starts the example backend and resolves once `/.backstage/health/v1/readiness` answers 200 (and,
 * with `waitForApp`, the app's index page too).
 *
 * @param {object} options
 * @param {number} options.port - the port to listen on; refused when something already listens there
 * @param {Record<string,string>} [options.env] - extra environment, e.g. APP_CONFIG_ overrides
 * @param {(key: string) => boolean} [options.dropEnv] - inherited variables to leave out
 * @param {string[]} [options.args] - extra arguments for `backstage-cli package start`, e.g. `--config`
 * @param {string} options.logFile - where the backend's output goes
 * @param {number} [options.timeoutMs] - how long to wait for readiness
 * @param {boolean} [options.waitForApp] - also wait for the app's index page
 * @param {boolean} [options.watch] - false: no file watcher, no restart on source changes
 * @param {string} [options.nodeEnv] - NODE_ENV of the backend (default development; benchmarks use
 *   production, where Backstage answers compact rather than indented JSON)
 * @param {string[]} [options.nodeArgs] - extra arguments for node (only with `watch: false`), e.g.
 *   `--cpu-prof`
 * @param {number} [options.stopTimeoutMs] - how long stop() waits after SIGTERM before SIGKILL
 *   (default 20 s; a backend writing a CPU profile on exit needs longer on a loaded machine)
 * @returns {Promise<{ baseUrl: string, logFile: string, pid: number, stop: () => Promise<void>, kill: (signal?: string) => void }>}
 */
async function startBackend({
  port,
  env = {},
  dropEnv = () => false,
  args = [],
  logFile,
  timeoutMs = 180_000,
  waitForApp = false,
  watch = true,
  nodeEnv = 'development',
  stopTimeoutMs = 20_000,
  nodeArgs = [],
}) {
  if (await portInUse(port)) {
    throw new Error(
      `port ${port} is already in use; stop whatever listens there or choose another port`,
    );
  }
  const baseUrl = `http://localhost:${port}`;
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !dropEnv(key)),
  );
  const [command, commandArgs, extraEnv] = watch
    ? ['npx', ['backstage-cli', 'package', 'start', ...args], {}]
    : [
        process.execPath,
        [
          ...nodeArgs,
          '--enable-source-maps',
          '--require',
          require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
            paths: [root],
          }),
          'src/index',
          ...args,
        ],
        { ESBK_TSCONFIG_PATH: path.join(root, 'tsconfig.json') },
      ];
  const child = spawn(command, commandArgs, {
    cwd: backendDir,
    detached: true, // own process group, so stopping it stops the CLI's children too
    stdio: ['ignore', log, log],
    env: {
      ...inherited,
      NODE_ENV: nodeEnv,
      APP_CONFIG_backend_listen_port: String(port),
      APP_CONFIG_backend_baseUrl: baseUrl,
      APP_CONFIG_app_baseUrl: baseUrl,
      ...extraEnv,
      ...env,
    },
  });
  fs.closeSync(log);
  const pgid = child.pid;

  let stopping;
  let gone = false; // once the group is gone its id may be reused: never signal it again
  const kill = (signal = 'SIGTERM') => {
    if (gone) return;
    try {
      process.kill(-pgid, signal);
    } catch {
      // already gone
    }
  };
  /** SIGTERM to the whole group, then SIGKILL whatever is left after stopTimeoutMs. Safe to call twice. */
  const stop = () => {
    stopping ??= (async () => {
      kill('SIGTERM');
      const deadline = Date.now() + stopTimeoutMs;
      while (groupAlive(pgid) && Date.now() < deadline) await sleep(200);
      if (groupAlive(pgid)) {
        kill('SIGKILL');
        const hard = Date.now() + 5_000;
        while (groupAlive(pgid) && Date.now() < hard) await sleep(100);
      }
      gone = !groupAlive(pgid);
    })();
    return stopping;
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`backend exited early; see ${logFile}\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`, {
        signal: AbortSignal.timeout(5000),
      });
      if (res.ok) {
        if (!waitForApp) break;
        const page = await fetch(baseUrl, {
          signal: AbortSignal.timeout(5000),
        });
        if (page.ok) break;
      }
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `backend did not become ready in ${Math.round(timeoutMs / 1000)} s; see ${logFile}\n${tail(logFile)}`,
      );
    }
    await sleep(1000);
  }
  return { baseUrl, logFile, pid: pgid, stop, kill };
}

function decodeJwtPayload(token) {
  try {
    return JSON.parse(
      Buffer.from(token.split('.')[1], 'base64url').toString('utf8'),
    );
  } catch {
    return {};
  }
}

/**
 * Signs in with the guest provider (user:default/guest) and returns its Backstage token.
 *
 * Right after a start the catalog may not have read the guest user yet, and the guest provider
 * then issues a token without the user's groups. With `ownershipRef` this retries until the token
 * carries that ref (e.g. `group:default/home-ranking`), with `ownershipRefs` until it carries every
 * one of them, for at most `timeoutMs`.
 */
async function getGuestToken(
  baseUrl,
  { ownershipRef, ownershipRefs = [], timeoutMs = 120_000 } = {},
) {
  const wanted = [...(ownershipRef ? [ownershipRef] : []), ...ownershipRefs];
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) {
        const body = await res.json();
        const token = body?.backstageIdentity?.token;
        const ent =
          body?.backstageIdentity?.identity?.ownershipEntityRefs ??
          decodeJwtPayload(token).ent ??
          [];
        const lacking = wanted.filter(ref => !ent.includes(ref));
        if (token && !lacking.length) return token;
        last = `token owns ${JSON.stringify(ent)}`;
      } else {
        last = `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
      }
    } catch (error) {
      last = error.message;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `could not get a guest token${wanted.length ? ` owning ${wanted.join(', ')}` : ''} in ${Math.round(
          timeoutMs / 1000,
        )} s (${last})`,
      );
    }
    await sleep(2000);
  }
}

module.exports = {
  startBackend,
  waitUntilIdle,
  getGuestToken,
  portInUse,
  findFreePort,
  tail,
  root,
  backendDir,
};
