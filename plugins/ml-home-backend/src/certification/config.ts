import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import {
  CertificationLevelConfig,
  DEFAULT_CERTIFICATION_LEVELS,
  validateCertificationLevels,
} from '@ml-home/plugin-ml-home-common';

/**
 * The certification's configuration (`mlHome.certification`), read once at start. See
 * config.d.ts for what each key means.
 */
export interface CertificationConfig {
  /** The alias whose version is certified; without it, the newest deployed version is. */
  certifiedAlias: string;
  /** A serving version trained longer ago than this is stale. */
  stalenessDays: number;
  /** How far back monitoring points count. */
  monitoringWindowDays: number;
  /**
   * The absolute tolerance a metric may fall behind the baseline's before it is a regression;
   * undefined: each evaluation's own tolerance.
   */
  regressionTolerance?: number;
  /**
   * The relative change (0.2 = 20 %) of a monitored metric, in its worse direction, between the
   * window's last quarter and the rest of it, that counts as a regression.
   */
  monitoringRegressionTolerance: number;
  /** Name patterns (`*` any characters, case-insensitive) of monitored latency metrics. */
  latencyMetrics: string[];
  /** Name patterns of monitored prediction-quality metrics. */
  qualityMetrics: string[];
  /** How long an attestation counts. */
  attestationValidityDays: number;
  /** How long an external result counts after it was observed. */
  externalResultValidityDays: number;
  /** How many days before an attestation expires its owners are told. */
  expiryNoticeDays: number;
  /** The named levels, lowest first. */
  levels: CertificationLevelConfig;
  /** The group (entity ref) whose members review attestations, in the example policy. */
  reviewerGroup?: string;
  /** Minimum levels before an alias moves to a version or a deployment is recorded. */
  gate: {
    /** By alias name: the level a version needs before the alias moves to it. */
    aliases: Record<string, string>;
    /** By environment: the level a version needs before a deployment to it is recorded. */
    environments: Record<string, string>;
  };
  /** How often every model is re-evaluated (besides right after relevant writes). */
  evaluationFrequency: HumanDuration;
}

/** The defaults of every certification setting. */
export const DEFAULT_CERTIFICATION_CONFIG: CertificationConfig = {
  certifiedAlias: 'production',
  stalenessDays: 90,
  monitoringWindowDays: 7,
  monitoringRegressionTolerance: 0.2,
  latencyMetrics: ['*latency*'],
  qualityMetrics: [
    '*accuracy*',
    '*auc*',
    '*error*',
    '*drift*',
    '*precision*',
    '*recall*',
    '*f1*',
    '*quality*',
    '*loss*',
    '*ctr*',
    '*conversion*',
  ],
  attestationValidityDays: 180,
  externalResultValidityDays: 30,
  expiryNoticeDays: 14,
  levels: DEFAULT_CERTIFICATION_LEVELS,
  gate: { aliases: {}, environments: {} },
  evaluationFrequency: { hours: 1 },
};

const ALIAS = /^[a-z0-9]([a-z0-9_-]{0,62})$/i;

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(
      `mlHome.certification.${key} must be a number above 0, got ${value}`,
    );
  }
  return value;
}

function nonNegative(config: Config, key: string): number | undefined {
  const value = config.getOptionalNumber(key);
  if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
    throw new Error(
      `mlHome.certification.${key} must be a number of 0 or more, got ${value}`,
    );
  }
  return value;
}

function patterns(config: Config, key: string, fallback: string[]): string[] {
  const value = config.getOptionalStringArray(key);
  if (value === undefined) {
    return fallback;
  }
  if (value.length === 0 || value.some(p => !p.trim())) {
    throw new Error(
      `mlHome.certification.${key} must list at least one non-empty metric name pattern`,
    );
  }
  return value;
}

function gateMap(
  config: Config | undefined,
  key: 'aliases' | 'environments',
  levels: CertificationLevelConfig,
): Record<string, string> {
  const section = config?.getOptionalConfig(key);
  const out: Record<string, string> = Object.create(null);
  for (const name of section?.keys() ?? []) {
    const level = section!.getString(name);
    if (!levels.some(l => l.name === level)) {
      throw new Error(
        `mlHome.certification.gate.${key}.${name} names the level '${level}', which is not one of ${levels.map(l => l.name).join(', ')}`,
      );
    }
    out[name] = level;
  }
  return out;
}

/**
 * Reads `mlHome.certification`, with defaults for every key. A mistake stops the backend at
 * start with an error naming the key.
 */
export function readCertificationConfig(root: Config): CertificationConfig {
  const config = root.getOptionalConfig('mlHome.certification');
  const d = DEFAULT_CERTIFICATION_CONFIG;
  if (!config) {
    return d;
  }
  const certifiedAlias =
    config.getOptionalString('certifiedAlias') ?? d.certifiedAlias;
  if (!ALIAS.test(certifiedAlias)) {
    throw new Error(
      `mlHome.certification.certifiedAlias '${certifiedAlias}' is not an alias name`,
    );
  }
  const levelConfigs = config.getOptionalConfigArray('levels');
  const levels: CertificationLevelConfig = levelConfigs
    ? levelConfigs.map(level => ({
        name: level.getString('name'),
        minScore: level.getNumber('minScore'),
        inclusive: level.getOptionalBoolean('inclusive') ?? true,
      }))
    : d.levels;
  try {
    validateCertificationLevels(levels);
  } catch (error) {
    throw new Error(`mlHome.certification.levels: ${(error as Error).message}`);
  }
  const gate = config.getOptionalConfig('gate');
  return {
    certifiedAlias,
    stalenessDays: positive(config, 'stalenessDays', d.stalenessDays),
    monitoringWindowDays: positive(
      config,
      'monitoringWindowDays',
      d.monitoringWindowDays,
    ),
    regressionTolerance: nonNegative(config, 'regressionTolerance'),
    monitoringRegressionTolerance:
      nonNegative(config, 'monitoringRegressionTolerance') ??
      d.monitoringRegressionTolerance,
    latencyMetrics: patterns(config, 'latencyMetrics', d.latencyMetrics),
    qualityMetrics: patterns(config, 'qualityMetrics', d.qualityMetrics),
    attestationValidityDays: positive(
      config,
      'attestationValidityDays',
      d.attestationValidityDays,
    ),
    externalResultValidityDays: positive(
      config,
      'externalResultValidityDays',
      d.externalResultValidityDays,
    ),
    expiryNoticeDays: positive(config, 'expiryNoticeDays', d.expiryNoticeDays),
    levels,
    reviewerGroup: config.getOptionalString('reviewerGroup'),
    gate: {
      aliases: gateMap(gate, 'aliases', levels),
      environments: gateMap(gate, 'environments', levels),
    },
    evaluationFrequency: config.has('evaluationFrequency')
      ? readDurationFromConfig(config, { key: 'evaluationFrequency' })
      : d.evaluationFrequency,
  };
}
