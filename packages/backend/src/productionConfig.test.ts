import { Config } from '@backstage/config';
import { ConfigSources } from '@backstage/config-loader';
import path from 'path';

const root = path.resolve(__dirname, '../../..');

/** Loads config files the way the backend does with `--config` arguments. */
async function load(...files: string[]): Promise<Config> {
  const config = await ConfigSources.toConfig(
    ConfigSources.default({
      argv: files.flatMap(file => ['--config', path.join(root, file)]),
      env: {},
      rootDir: root,
    }),
  );
  config.close();
  return config;
}

describe('the production configuration', () => {
  it('turns guest sign-in off, so nobody who reaches the backend becomes a team member', async () => {
    const config = await load('app-config.yaml', 'app-config.production.yaml');
    // The guest provider refuses to sign anyone in outside NODE_ENV=development unless this is true.
    expect(
      config.getOptionalBoolean(
        'auth.providers.guest.dangerouslyAllowOutsideDevelopment',
      ),
    ).not.toBe(true);
    expect(config.getString('auth.environment')).toBe('production');
  });

  it('keeps guest sign-in for local use (the production build the journeys and benchmarks run)', async () => {
    const config = await load('app-config.yaml');
    expect(config.getString('auth.providers.guest.userEntityRef')).toBe(
      'user:default/guest',
    );
  });
});
