import { Config } from '@backstage/config';
import { DEMO_DEFAULT_SEED } from './generator/generateDemoData';

/** `mlHome.demoData`, read once at start (see config.d.ts for the documentation). */
export interface DemoDataConfig {
  enabled: boolean;
  seed: number;
  scale: number;
  /** The demo's "now" when configured; otherwise the time it is loaded. */
  now?: Date;
}

function readNow(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const now = new Date(value);
  if (Number.isNaN(now.getTime())) {
    throw new Error(
      `mlHome.demoData.now must be an ISO 8601 time, got '${value}'`,
    );
  }
  return now;
}

export function readDemoDataConfig(config: Config): DemoDataConfig {
  const demo = config.getOptionalConfig('mlHome.demoData');
  return {
    enabled: demo?.getOptionalBoolean('enabled') ?? false,
    seed: demo?.getOptionalNumber('seed') ?? DEMO_DEFAULT_SEED,
    scale: demo?.getOptionalNumber('scale') ?? 1,
    now: readNow(demo?.getOptionalString('now')),
  };
}
