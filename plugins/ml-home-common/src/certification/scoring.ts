import {
  certificationBandFor,
  certificationLevelIndex,
  DEFAULT_CERTIFICATION_LEVELS,
} from './levels';
import {
  CERTIFICATION_SECTIONS,
  ML_TEST_SCORE_RUBRIC,
  PORTAL_CHECKS,
} from './rubric';
import type {
  CertificationCheckDefinition,
  CertificationCheckOutcome,
  CertificationCheckResult,
  CertificationLevel,
  CertificationNextLevelPlan,
  CertificationNextLevelPlanStep,
  CertificationScoring,
  CertificationSectionScore,
} from './types';

/** Points for a check run automatically (by ML Home or a connected system) that passes. */
const AUTOMATED_POINTS = 1;
/** Points for a check a person attested. */
const ATTESTED_POINTS = 0.5;

function isActive(result: CertificationCheckResult, now: Date): boolean {
  if (result.expiresAt === undefined || result.expiresAt === null) {
    return true;
  }
  const expiry = Date.parse(result.expiresAt);
  // An unreadable expiry must not make a result count for ever.
  return Number.isFinite(expiry) && expiry > now.getTime();
}

function outcome(
  definition: CertificationCheckDefinition,
  result: CertificationCheckResult | undefined,
  points: number,
  expired: boolean,
): CertificationCheckOutcome {
  const checkOutcome: CertificationCheckOutcome = {
    id: definition.id,
    title: definition.title,
    section: definition.section,
    status: expired || !result ? 'unknown' : result.status,
    points,
    source: result?.source ?? 'none',
    expired,
  };
  if (result?.evidence) {
    checkOutcome.evidence = result.evidence;
  }
  if (result?.observedAt) {
    checkOutcome.observedAt = result.observedAt;
  }
  if (result?.expiresAt) {
    checkOutcome.expiresAt = result.expiresAt;
  }
  return checkOutcome;
}

/**
 * The result that counts for one check, and its points.
 *
 * @remarks
 * 1 point when an automated or external result passes; otherwise ½ point when an attestation is
 * active (not expired, not rejected), shown as a `pass` from source `attested`; otherwise 0, with
 * the automated or external verdict (`fail`, `n/a`, `unknown`) when there is one. A result at or
 * after its `expiresAt` counts for nothing; when only expired results are known the outcome is
 * `unknown` with `expired: true`. Among equals an `automated` result wins over an `external` one,
 * then the later-observed one. A check whose kind is `attested-only` can still pass
 * automatically, through an external result: the rubric says how ML Home usually learns a
 * result, not what it refuses.
 *
 * @public
 */
export function resolveCertificationCheck(
  definition: CertificationCheckDefinition,
  results: ReadonlyArray<CertificationCheckResult>,
  now: Date,
): CertificationCheckOutcome {
  const own = results
    .filter(r => r.checkId === definition.id)
    .sort(
      (a, b) =>
        sourceRank(a.source) - sourceRank(b.source) ||
        (Date.parse(b.observedAt ?? '') || 0) -
          (Date.parse(a.observedAt ?? '') || 0),
    );
  const active = own.filter(r => isActive(r, now));
  const automatic = active.filter(r => r.source !== 'attested');
  const passing = automatic.find(r => r.status === 'pass');
  if (passing) {
    return outcome(definition, passing, AUTOMATED_POINTS, false);
  }
  const attestation = active.find(
    r => r.source === 'attested' && r.status === 'pass',
  );
  if (attestation) {
    return outcome(definition, attestation, ATTESTED_POINTS, false);
  }
  if (automatic.length > 0) {
    return outcome(definition, automatic[0], 0, false);
  }
  const rejected = active.find(r => r.source === 'attested');
  if (rejected) {
    return outcome(definition, rejected, 0, false);
  }
  const expired = own.find(r => !isActive(r, now));
  if (expired) {
    return outcome(definition, expired, 0, true);
  }
  return outcome(definition, undefined, 0, false);
}

function sourceRank(source: CertificationCheckResult['source']): number {
  if (source === 'automated') return 0;
  if (source === 'external') return 1;
  return 2;
}

/**
 * The most a check can earn: 1 when it can pass automatically, ½ when it can only be attested.
 *
 * @public
 */
export function certificationCheckMaxPoints(
  definition: CertificationCheckDefinition,
): number {
  return definition.automation.kind === 'attested-only'
    ? ATTESTED_POINTS
    : AUTOMATED_POINTS;
}

/**
 * Scores the four sections: each is the sum of its checks' points.
 *
 * @param input - the checks of the rubric (default: the ML Test Score's 28 tests, plus any an
 * organisation added), the known results and the time at which expiry is judged
 * @public
 */
export function scoreCertificationSections(input: {
  results: ReadonlyArray<CertificationCheckResult>;
  now: Date;
  checks?: ReadonlyArray<CertificationCheckDefinition>;
}): CertificationSectionScore[] {
  const checks = input.checks ?? ML_TEST_SCORE_RUBRIC;
  return CERTIFICATION_SECTIONS.map(section => {
    const definitions = checks.filter(c => c.section === section.id);
    const outcomes = definitions.map(d =>
      resolveCertificationCheck(d, input.results, input.now),
    );
    return {
      id: section.id,
      title: section.title,
      score: sum(outcomes.map(o => o.points)),
      maxScore: sum(definitions.map(certificationCheckMaxPoints)),
      checks: outcomes,
    };
  });
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * The final ML Test Score: the minimum of the section scores (0 with no section).
 *
 * @public
 */
export function certificationScore(
  sections: ReadonlyArray<Pick<CertificationSectionScore, 'score'>>,
): number {
  return sections.length === 0 ? 0 : Math.min(...sections.map(s => s.score));
}

/**
 * The lowest score, in steps of ½ point, that reaches a level.
 *
 * @public
 */
export function certificationNeededScore(level: CertificationLevel): number {
  const halves = level.minScore * 2;
  return level.inclusive ? Math.ceil(halves) / 2 : (Math.floor(halves) + 1) / 2;
}

interface Candidate {
  step: CertificationNextLevelPlanStep;
  /** What attesting alone would add (0 when attesting adds nothing). */
  attestGain: number;
  /** What automating would add (0 when the check cannot pass automatically). */
  automateGain: number;
  /** 0 when ML Home checks it itself (the fix is in its metadata), 1 otherwise. */
  kindRank: number;
  order: number;
}

/**
 * What the next level needs: for every section below it, the fewest checks whose points lift the
 * section to the level, and for each whether attesting (+½) is enough or it must be automated.
 *
 * @remarks
 * Because the score is the minimum of the sections, each section below the level must be raised
 * on its own, and the sections do not compete: per section, taking the largest possible gains
 * first gives the fewest checks. Among those, as many steps as the surplus allows become
 * attestations, the cheaper action. Ties go to the checks ML Home decides itself, then to the
 * rubric's order.
 *
 * @param sections - the scored sections
 * @param levels - the level configuration, lowest first
 * @param checks - the definitions of the sections' checks (default: the ML Test Score rubric)
 * @returns null at the highest level
 * @public
 */
export function certificationNextLevel(
  sections: ReadonlyArray<CertificationSectionScore>,
  levels: ReadonlyArray<CertificationLevel> = DEFAULT_CERTIFICATION_LEVELS,
  checks: ReadonlyArray<CertificationCheckDefinition> = ML_TEST_SCORE_RUBRIC,
): CertificationNextLevelPlan | null {
  const current = certificationLevelIndex(certificationScore(sections), levels);
  const target = levels[current + 1];
  if (!target) {
    return null;
  }
  const needed = certificationNeededScore(target);
  const definitions = new Map(checks.map(c => [c.id, c]));
  const below: CertificationNextLevelPlan['sections'] = [];
  const steps: CertificationNextLevelPlanStep[] = [];
  let reachable = true;

  for (const section of sections) {
    const missing = needed - section.score;
    if (missing <= 0) {
      continue;
    }
    below.push({ id: section.id, score: section.score, missing });
    const candidates: Candidate[] = [];
    section.checks.forEach((check, order) => {
      const definition = definitions.get(check.id);
      if (!definition) {
        return;
      }
      const automateGain =
        definition.automation.kind === 'attested-only'
          ? 0
          : AUTOMATED_POINTS - check.points;
      const attestGain = Math.max(0, ATTESTED_POINTS - check.points);
      const gain = Math.max(automateGain, attestGain);
      if (gain <= 0) {
        return;
      }
      candidates.push({
        step: {
          section: section.id,
          checkId: check.id,
          title: check.title,
          action: automateGain >= attestGain ? 'automate' : 'attest',
          points: gain,
        },
        attestGain,
        automateGain,
        kindRank: definition.automation.kind === 'automated' ? 0 : 1,
        order,
      });
    });
    // Largest gain first; among equal gains, the one attesting can give first (less work), then
    // the ones ML Home checks itself (fixing its metadata is in the owners' hands).
    candidates.sort(
      (a, b) =>
        b.step.points - a.step.points ||
        b.attestGain - a.attestGain ||
        a.kindRank - b.kindRank ||
        a.order - b.order,
    );
    const chosen: Candidate[] = [];
    let total = 0;
    for (const candidate of candidates) {
      if (total >= missing) {
        break;
      }
      chosen.push(candidate);
      total += candidate.step.points;
    }
    if (total < missing) {
      reachable = false;
    }
    // Spend the surplus on turning automations into attestations, last chosen first.
    let surplus = total - missing;
    for (let i = chosen.length - 1; i >= 0 && surplus > 0; i--) {
      const c = chosen[i];
      const saving = c.automateGain - c.attestGain;
      if (
        c.step.action === 'automate' &&
        c.attestGain > 0 &&
        saving <= surplus
      ) {
        c.step = { ...c.step, action: 'attest', points: c.attestGain };
        surplus -= saving;
      }
    }
    steps.push(...chosen.map(c => c.step));
  }

  return {
    level: target.name,
    minScore: target.minScore,
    inclusive: target.inclusive,
    neededScore: needed,
    reachable,
    sections: below,
    steps,
  };
}

/**
 * Scores a model's check results: sections, score, level, band, portal checks and what the next
 * level needs.
 *
 * @param input - the known results (automated, external and attestations; see
 * {@link CertificationCheckResult}); the time at which expiry is judged; optionally the level
 * configuration (default {@link DEFAULT_CERTIFICATION_LEVELS}) and the checks organisations
 * added (in a rubric section, where they count like rubric tests, or in `portal`)
 * @public
 */
export function scoreCertification(input: {
  results: ReadonlyArray<CertificationCheckResult>;
  now: Date;
  levels?: ReadonlyArray<CertificationLevel>;
  extraChecks?: ReadonlyArray<CertificationCheckDefinition>;
}): CertificationScoring {
  const levels = input.levels ?? DEFAULT_CERTIFICATION_LEVELS;
  const extra = input.extraChecks ?? [];
  const rubric: CertificationCheckDefinition[] = [
    ...ML_TEST_SCORE_RUBRIC,
    ...extra.filter(c => c.section !== 'portal'),
  ];
  const sections = scoreCertificationSections({
    results: input.results,
    now: input.now,
    checks: rubric,
  });
  const score = certificationScore(sections);
  const portalChecks = [
    ...PORTAL_CHECKS,
    ...extra.filter(c => c.section === 'portal'),
  ].map(d => resolveCertificationCheck(d, input.results, input.now));
  return {
    score,
    level: levels[certificationLevelIndex(score, levels)].name,
    band: certificationBandFor(score),
    sections,
    portalChecks,
    nextLevel: certificationNextLevel(sections, levels, rubric),
  };
}
