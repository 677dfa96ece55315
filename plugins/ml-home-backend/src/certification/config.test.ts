import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_CERTIFICATION_CONFIG,
  readCertificationConfig,
} from './config';

const read = (certification: unknown) =>
  readCertificationConfig(
    new ConfigReader({
      mlHome: certification === undefined ? {} : { certification },
    }),
  );

describe('readCertificationConfig', () => {
  it('gives the defaults without configuration', () => {
    expect(read(undefined)).toEqual(DEFAULT_CERTIFICATION_CONFIG);
    expect(DEFAULT_CERTIFICATION_CONFIG).toMatchObject({
      certifiedAlias: 'production',
      levels: [
        { name: 'none', minScore: 0, inclusive: true },
        { name: 'bronze', minScore: 0, inclusive: false },
        { name: 'silver', minScore: 1, inclusive: true },
        { name: 'gold', minScore: 2, inclusive: true },
        { name: 'platinum', minScore: 3, inclusive: true },
      ],
    });
  });

  it('reads every key', () => {
    const config = read({
      certifiedAlias: 'champion',
      stalenessDays: 30,
      monitoringWindowDays: 14,
      regressionTolerance: 0.005,
      monitoringRegressionTolerance: 0.1,
      latencyMetrics: ['p99*'],
      qualityMetrics: ['ctr'],
      attestationValidityDays: 90,
      externalResultValidityDays: 7,
      expiryNoticeDays: 10,
      levels: [
        { name: 'uncertified', minScore: 0 },
        { name: 'ready', minScore: 1.5, inclusive: false },
      ],
      reviewerGroup: 'group:default/platform',
      gate: { aliases: { champion: 'ready' }, environments: { prod: 'ready' } },
      evaluationFrequency: { minutes: 30 },
    });
    expect(config).toEqual({
      certifiedAlias: 'champion',
      stalenessDays: 30,
      monitoringWindowDays: 14,
      regressionTolerance: 0.005,
      monitoringRegressionTolerance: 0.1,
      latencyMetrics: ['p99*'],
      qualityMetrics: ['ctr'],
      attestationValidityDays: 90,
      externalResultValidityDays: 7,
      expiryNoticeDays: 10,
      levels: [
        { name: 'uncertified', minScore: 0, inclusive: true },
        { name: 'ready', minScore: 1.5, inclusive: false },
      ],
      reviewerGroup: 'group:default/platform',
      gate: { aliases: { champion: 'ready' }, environments: { prod: 'ready' } },
      evaluationFrequency: { minutes: 30 },
    });
  });

  it.each([
    [{ stalenessDays: 0 }, /stalenessDays must be a number above 0/],
    [
      { regressionTolerance: -1 },
      /regressionTolerance must be a number of 0 or more/,
    ],
    [{ latencyMetrics: [] }, /latencyMetrics must list at least one/],
    [
      { certifiedAlias: 'no spaces' },
      /certifiedAlias 'no spaces' is not an alias/,
    ],
    [
      { levels: [{ name: 'gold', minScore: 2 }] },
      /mlHome.certification.levels: .*must be reached by every score/,
    ],
    [
      {
        levels: [
          { name: 'a', minScore: 0 },
          { name: 'b', minScore: 0 },
        ],
      },
      /must be harder to reach than "a"/,
    ],
    [
      { gate: { aliases: { production: 'diamond' } } },
      /gate.aliases.production names the level 'diamond', which is not one of none, bronze, silver, gold, platinum/,
    ],
  ])('refuses %j', (certification, message) => {
    expect(() => read(certification)).toThrow(message);
  });
});
