import { Config } from '@backstage/config';

/** The plugin's configuration, read once at start (see config.d.ts for the documentation). */
export interface MlHomeConfig {
  checkOwnersInCatalog: boolean;
  demoData: {
    enabled: boolean;
    seed: number;
    scale: number;
  };
}

export const DEFAULT_DEMO_SEED = 20261126;

export function readMlHomeConfig(config: Config): MlHomeConfig {
  const demo = config.getOptionalConfig('mlHome.demoData');
  return {
    checkOwnersInCatalog:
      config.getOptionalBoolean('mlHome.checkOwnersInCatalog') ?? true,
    demoData: {
      enabled: demo?.getOptionalBoolean('enabled') ?? false,
      seed: demo?.getOptionalNumber('seed') ?? DEFAULT_DEMO_SEED,
      scale: demo?.getOptionalNumber('scale') ?? 1,
    },
  };
}
