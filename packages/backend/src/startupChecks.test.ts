import fs from 'fs';
import os from 'os';
import path from 'path';
import { ConfigReader } from '@backstage/config';
import { applyExternalAccessToken } from './externalAccess';
import { StartupConfigError, checkStartupConfig } from './startupChecks';

function configFile(yaml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-home-startup-'));
  const file = path.join(dir, 'app-config.yaml');
  fs.writeFileSync(file, yaml);
  return file;
}

describe('checkStartupConfig', () => {
  it('names the setting when PostgreSQL cannot be reached', async () => {
    const file = configFile(
      'backend:\n  database:\n    client: pg\n    connection:\n      host: 127.0.0.1\n      port: 1\n      user: postgres\n',
    );
    const error = await checkStartupConfig(
      ['node', 'backend', '--config', file],
      {},
    ).catch(e => e);
    expect(error).toBeInstanceOf(StartupConfigError);
    expect(error.message).toContain('backend.database.connection');
    expect(error.message).toContain('port 1');
  });

  it('names the setting when the SQLite folder cannot be written', async () => {
    const blocker = configFile('x: 1\n'); // a file where a folder is expected
    const file = configFile(
      `backend:\n  database:\n    client: better-sqlite3\n    connection:\n      directory: ${path.join(blocker, 'sub')}\n`,
    );
    const error = await checkStartupConfig(
      ['node', 'backend', '--config', file],
      {},
    ).catch(e => e);
    expect(error).toBeInstanceOf(StartupConfigError);
    expect(error.message).toContain('backend.database.connection.directory');
  });

  it('rejects an unknown database client by name', async () => {
    const file = configFile('backend:\n  database:\n    client: mysql2\n');
    await expect(
      checkStartupConfig(['node', 'backend', '--config', file], {}),
    ).rejects.toThrow("backend.database.client is 'mysql2'");
  });

  it('passes an in-memory SQLite and a writable folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-home-sqlite-'));
    const memory = configFile(
      'backend:\n  database:\n    client: better-sqlite3\n    connection: ":memory:"\n',
    );
    const folder = configFile(
      `backend:\n  database:\n    client: better-sqlite3\n    connection:\n      directory: ${dir}\n`,
    );
    await expect(
      checkStartupConfig(['node', 'backend', '--config', memory], {}),
    ).resolves.toBeUndefined();
    await expect(
      checkStartupConfig(['node', 'backend', '--config', folder], {}),
    ).resolves.toBeUndefined();
  });
});

describe('applyExternalAccessToken', () => {
  it('accepts no static token unless ML_HOME_TOKEN is set', () => {
    const env: Record<string, string | undefined> = {};
    applyExternalAccessToken(env);
    expect(env.APP_CONFIG_backend_auth_externalAccess).toBeUndefined();

    const blank: Record<string, string | undefined> = { ML_HOME_TOKEN: '  ' };
    applyExternalAccessToken(blank);
    expect(blank.APP_CONFIG_backend_auth_externalAccess).toBeUndefined();
  });

  it('turns ML_HOME_TOKEN into a static external access token', () => {
    const env: Record<string, string | undefined> = {
      ML_HOME_TOKEN: 's3cret-token-value',
    };
    applyExternalAccessToken(env);
    expect(JSON.parse(env.APP_CONFIG_backend_auth_externalAccess!)).toEqual([
      {
        type: 'static',
        options: { token: 's3cret-token-value', subject: 'ml-home-token' },
        accessRestrictions: [
          {
            plugin: 'ml-home',
            permission: ['ml-home.project.read', 'ml-home.run.write'],
          },
        ],
      },
    ]);
  });

  it("restricts the static token to ML Home's read and ingestion permissions", () => {
    // Read back through Backstage's own config reader, as the backend does at start: a static
    // token without restrictions is allowed everything without the policy being asked.
    const env: Record<string, string | undefined> = {
      ML_HOME_TOKEN: 'x'.repeat(24),
    };
    applyExternalAccessToken(env);
    const config = new ConfigReader({
      backend: {
        auth: {
          externalAccess: JSON.parse(
            env.APP_CONFIG_backend_auth_externalAccess!,
          ),
        },
      },
    });
    const [entry] = config.getConfigArray('backend.auth.externalAccess');
    const [restriction] = entry.getConfigArray('accessRestrictions');
    expect(restriction.getString('plugin')).toBe('ml-home');
    expect(restriction.getStringArray('permission').sort()).toEqual([
      'ml-home.project.read',
      'ml-home.run.write',
    ]);
  });
});
