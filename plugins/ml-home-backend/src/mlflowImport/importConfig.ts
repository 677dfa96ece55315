import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/** One MLflow tracking server to import from (see config.d.ts, mlHome.mlflowImport.servers). */
export interface MlflowServerConfig {
  id: string;
  /** Without a trailing slash. */
  url: string;
  /** The Authorization header value, if the server needs one. */
  authorization?: string;
  /** Experiment names or ids, or every active experiment. */
  experiments: 'all' | string[];
  models: boolean;
  project: string;
  /** Milliseconds between two imports of this server. */
  frequencyMs: number;
}

/** The importer's configuration, read once at start. */
export interface MlflowImportConfig {
  servers: MlflowServerConfig[];
  initialDelay: HumanDuration;
  /** Milliseconds: the longest wait between retries of a failing server. */
  maxBackoffMs: number;
}

const SERVER_ID = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const DEFAULT_FREQUENCY: HumanDuration = { minutes: 15 };

function duration(
  config: Config,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  return config.has(key) ? readDurationFromConfig(config, { key }) : fallback;
}

/** Reads `mlHome.mlflowImport`; a mistake in it stops the backend at start, naming the key. */
export function readMlflowImportConfig(root: Config): MlflowImportConfig {
  const config = root.getOptionalConfig('mlHome.mlflowImport');
  if (!config) {
    return {
      servers: [],
      initialDelay: { minutes: 1 },
      maxBackoffMs: durationToMilliseconds({ hours: 1 }),
    };
  }
  const frequency = duration(config, 'frequency', DEFAULT_FREQUENCY);
  const seen = new Set<string>();
  const servers = (config.getOptionalConfigArray('servers') ?? []).map(
    (server, index) => {
      const at = `mlHome.mlflowImport.servers[${index}]`;
      const id = server.getString('id');
      if (!SERVER_ID.test(id)) {
        throw new Error(
          `${at}.id '${id}' must be 1 to 63 lowercase letters, digits and dashes`,
        );
      }
      if (seen.has(id)) {
        throw new Error(`${at}.id '${id}' is given to two servers`);
      }
      seen.add(id);
      const url = server.getString('url').replace(/\/+$/, '');
      if (!/^https?:\/\/[^/]/.test(url)) {
        throw new Error(`${at}.url '${url}' must be an http(s) URL`);
      }
      const token = server.getOptionalString('token');
      const username = server.getOptionalString('username');
      const password = server.getOptionalString('password');
      let authorization: string | undefined;
      if (token) {
        authorization = `Bearer ${token}`;
      } else if (username !== undefined) {
        authorization = `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`;
      }
      let experiments: 'all' | string[] = 'all';
      if (server.has('experiments')) {
        const value = server.get('experiments');
        if (value !== 'all') {
          experiments = server.getStringArray('experiments');
          if (!experiments.length) {
            throw new Error(
              `${at}.experiments must be 'all' or a non-empty list of experiment names or ids`,
            );
          }
        }
      }
      return {
        id,
        url,
        authorization,
        experiments,
        models: server.getOptionalBoolean('models') ?? true,
        project: server.getString('project'),
        frequencyMs: durationToMilliseconds(
          duration(server, 'frequency', frequency),
        ),
      };
    },
  );
  return {
    servers,
    initialDelay: duration(config, 'initialDelay', { minutes: 1 }),
    maxBackoffMs: durationToMilliseconds(
      duration(config, 'maxBackoff', { hours: 1 }),
    ),
  };
}
