import { Config } from '@backstage/config';
import { DEMO_DEFAULT_SEED } from './generator/generateDemoData';

/** `mlHome.demoData`, read once at start (see config.d.ts for the documentation). */
export interface DemoDataConfig {
  enabled: boolean;
  seed: number;
  scale: number;
}

export function readDemoDataConfig(config: Config): DemoDataConfig {
  const demo = config.getOptionalConfig('mlHome.demoData');
  return {
    enabled: demo?.getOptionalBoolean('enabled') ?? false,
    seed: demo?.getOptionalNumber('seed') ?? DEMO_DEFAULT_SEED,
    scale: demo?.getOptionalNumber('scale') ?? 1,
  };
}
