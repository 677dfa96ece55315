import type {
  CertificationBand,
  CertificationLevel,
  CertificationLevelConfig,
} from './types';

/**
 * The default named levels: none at 0, bronze above 0, silver from 1, gold from 2, platinum
 * from 3.
 *
 * @public
 */
export const DEFAULT_CERTIFICATION_LEVELS: CertificationLevelConfig = [
  { name: 'none', minScore: 0, inclusive: true },
  { name: 'bronze', minScore: 0, inclusive: false },
  { name: 'silver', minScore: 1, inclusive: true },
  { name: 'gold', minScore: 2, inclusive: true },
  { name: 'platinum', minScore: 3, inclusive: true },
];

/** True when `a` is strictly harder to reach than `b`. */
function harder(a: CertificationLevel, b: CertificationLevel): boolean {
  return (
    a.minScore > b.minScore ||
    (a.minScore === b.minScore && b.inclusive && !a.inclusive)
  );
}

/**
 * Checks a level configuration and throws an `Error` naming what is wrong: at least one level;
 * names non-empty and unique; thresholds finite and not negative; the first level reached by
 * every score (`minScore: 0`, `inclusive: true`); each next level strictly harder to reach.
 *
 * @public
 */
export function validateCertificationLevels(
  levels: ReadonlyArray<CertificationLevel>,
): void {
  if (!Array.isArray(levels) || levels.length === 0) {
    throw new Error('Certification levels: at least one level is required');
  }
  const names = new Set<string>();
  levels.forEach((level, i) => {
    const where = `Certification levels[${i}]`;
    if (typeof level?.name !== 'string' || !level.name.trim()) {
      throw new Error(`${where}.name must be a non-empty string`);
    }
    if (names.has(level.name)) {
      throw new Error(`${where}.name "${level.name}" is used twice`);
    }
    names.add(level.name);
    if (
      typeof level.minScore !== 'number' ||
      !Number.isFinite(level.minScore) ||
      level.minScore < 0
    ) {
      throw new Error(`${where}.minScore must be a number of 0 or more`);
    }
    if (typeof level.inclusive !== 'boolean') {
      throw new Error(`${where}.inclusive must be true or false`);
    }
    if (i === 0 && !(level.minScore === 0 && level.inclusive)) {
      throw new Error(
        `${where} must be reached by every score: minScore 0, inclusive true`,
      );
    }
    if (i > 0 && !harder(level, levels[i - 1])) {
      throw new Error(
        `${where} ("${level.name}") must be harder to reach than "${levels[i - 1].name}": list levels lowest first`,
      );
    }
  });
}

/**
 * Whether a score reaches a level.
 *
 * @public
 */
export function reachesCertificationLevel(
  score: number,
  level: CertificationLevel,
): boolean {
  return level.inclusive ? score >= level.minScore : score > level.minScore;
}

/**
 * The index in `levels` of the highest level the score reaches (levels lowest first).
 *
 * @public
 */
export function certificationLevelIndex(
  score: number,
  levels: ReadonlyArray<CertificationLevel> = DEFAULT_CERTIFICATION_LEVELS,
): number {
  let index = 0;
  levels.forEach((level, i) => {
    if (reachesCertificationLevel(score, level)) {
      index = i;
    }
  });
  return index;
}

/**
 * The name of the highest level the score reaches.
 *
 * @public
 */
export function certificationLevelFor(
  score: number,
  levels: ReadonlyArray<CertificationLevel> = DEFAULT_CERTIFICATION_LEVELS,
): string {
  return levels[certificationLevelIndex(score, levels)].name;
}

/**
 * The interpretation bands of the ML Test Score's final score, lowest first, with the paper's
 * wording (lower case, as the paper reads: the UI capitalises).
 *
 * @public
 */
export const CERTIFICATION_BANDS: ReadonlyArray<
  CertificationBand & { min: number; max: number }
> = [
  {
    id: 'research-project',
    range: '0',
    min: -Infinity,
    max: 0,
    text: 'more of a research project than a productionized system',
  },
  {
    id: 'serious-holes',
    range: '(0, 1]',
    min: 0,
    max: 1,
    text: 'not totally untested, but serious holes in reliability may exist',
  },
  {
    id: 'first-pass',
    range: '(1, 2]',
    min: 1,
    max: 2,
    text: 'a first pass at basic productionization, more investment may be needed',
  },
  {
    id: 'reasonably-tested',
    range: '(2, 3]',
    min: 2,
    max: 3,
    text: 'reasonably tested, more tests and procedures may be automated',
  },
  {
    id: 'strongly-tested',
    range: '(3, 5]',
    min: 3,
    max: 5,
    text: 'strong levels of automated testing and monitoring, appropriate for mission-critical systems',
  },
  {
    id: 'exceptional',
    range: '> 5',
    min: 5,
    max: Infinity,
    text: 'exceptional levels of automated testing and monitoring',
  },
];

/**
 * The paper's interpretation of a final score: 0, (0, 1], (1, 2], (2, 3], (3, 5] or above 5.
 *
 * @public
 */
export function certificationBandFor(score: number): CertificationBand {
  const band =
    CERTIFICATION_BANDS.find(b => score > b.min && score <= b.max) ??
    CERTIFICATION_BANDS[0];
  return { id: band.id, range: band.range, text: band.text };
}
