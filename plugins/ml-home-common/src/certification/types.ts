import type {
  CertificationCheckSource,
  CertificationCheckStatus,
  CertificationEvidence,
} from '../generated/openapi';

/**
 * The four sections of the ML Test Score rubric: features and `data`, `model` development, ML
 * `infrastructure` and `monitoring`. The same ids as the backend's extension point uses.
 *
 * @public
 */
export type CertificationSectionId =
  'data' | 'model' | 'infrastructure' | 'monitoring';

/**
 * Where a check belongs: a rubric section, or `portal` for the checks only a Backstage-native tool
 * can make, which are shown beside the rubric and do not change its score.
 *
 * @public
 */
export type CertificationCheckSection = CertificationSectionId | 'portal';

/**
 * A check's verdict: `pass` and `fail` when it could decide, `n/a` when the check does not apply,
 * `unknown` when the data it needs is missing or could not be read. The wire type
 * `CertificationCheckStatus`.
 *
 * @public
 */
export type CertificationVerdict = CertificationCheckStatus;

/**
 * Where a check's result came from: ML Home's own metadata (`automated`), a connected system
 * through the external-results route (`external`), a person's attestation (`attested`), or
 * nowhere yet (`none`). The wire type `CertificationCheckSource`.
 *
 * @public
 */
export type CertificationResultSource = CertificationCheckSource;

/**
 * How ML Home can learn a rubric test's result: it checks it itself from its metadata
 * (`automated`), a connected system can report it through the external-results route
 * (`external`), or only a person can attest it (`attested-only`).
 *
 * @public
 */
export type CertificationAutomationKind =
  'automated' | 'external' | 'attested-only';

/**
 * One check a scorecard lists: a test of the rubric, a portal check, or a check an organisation
 * added through a backend module.
 *
 * @public
 */
export interface CertificationCheckDefinition {
  /** Stable id that scorecards, attestations and external results refer to, e.g. `data.schema`. */
  id: string;
  /** The section it counts in, or `portal`. */
  section: CertificationCheckSection;
  /** Short title, as the scorecard lists it. */
  title: string;
  /** What evidence counts for it. */
  evidence: string;
  /** Whether and how ML Home can learn its result without a person. */
  automation: { kind: CertificationAutomationKind; how: string };
}

/**
 * One of the 28 tests of the ML Test Score (Breck et al., 2017).
 *
 * @public
 */
export interface CertificationRubricTest extends CertificationCheckDefinition {
  section: CertificationSectionId;
  /** Its number within the section, 1 to 7, as in the paper. */
  number: number;
}

/**
 * A result known for one check, as the scoring reads it: ML Home's automated verdict, a connected
 * system's external result, or an attestation. A check may have several (an automated `fail` and
 * an attestation); the scoring picks the one that is worth most.
 *
 * @remarks
 * An attestation is given as `{ status: 'pass', source: 'attested' }`; a rejected one is left out
 * or given with status `fail`. `expiresAt` (ISO 8601) applies to attestations and external
 * results: at or after it, the result counts for nothing.
 *
 * @public
 */
export interface CertificationCheckResult {
  checkId: string;
  status: CertificationVerdict;
  source: Exclude<CertificationResultSource, 'none'>;
  evidence?: CertificationEvidence;
  /** When the result was observed or attested (ISO 8601). */
  observedAt?: string;
  /** When the result stops counting (ISO 8601). */
  expiresAt?: string;
}

/**
 * One check on a scorecard, with the result that counts and the points it earns. Assignable to
 * the wire type `CertificationCheck`.
 *
 * @public
 */
export interface CertificationCheckOutcome {
  id: string;
  title: string;
  section: CertificationCheckSection;
  status: CertificationVerdict;
  /** 1, ½ or 0. Portal checks earn 1 when they pass, but never count in the score. */
  points: number;
  source: CertificationResultSource;
  evidence?: CertificationEvidence;
  /** When the result that counts was observed or attested (ISO 8601). */
  observedAt?: string;
  /** When the result that counts stops counting (ISO 8601). */
  expiresAt?: string;
  /** True when the only results known have expired (then it earns nothing). */
  expired: boolean;
}

/**
 * A rubric section's score: the sum of its checks' points.
 *
 * @public
 */
export interface CertificationSectionScore {
  id: CertificationSectionId;
  title: string;
  score: number;
  /** The most the section can reach: 1 per check that can pass automatically, ½ per other. */
  maxScore: number;
  checks: CertificationCheckOutcome[];
}

/**
 * The paper's reading of a final score.
 *
 * @public
 */
export interface CertificationBand {
  id:
    | 'research-project'
    | 'serious-holes'
    | 'first-pass'
    | 'reasonably-tested'
    | 'strongly-tested'
    | 'exceptional';
  /** The score range, in interval notation, e.g. `(1, 2]`. */
  range: string;
  /** The paper's interpretation. */
  text: string;
}

/**
 * A named level reached when the score is above `minScore` (or at it, when `inclusive`).
 *
 * @public
 */
export interface CertificationLevel {
  name: string;
  minScore: number;
  inclusive: boolean;
}

/**
 * The named levels, lowest first. The first must be reached by every score (`minScore: 0`,
 * `inclusive: true`); each next one must be strictly harder to reach.
 *
 * @public
 */
export type CertificationLevelConfig = CertificationLevel[];

/**
 * One step towards the next level: raise a check by automating it (+1, or +½ on an attested
 * check) or by attesting it (+½). Assignable to the wire type `CertificationNextLevelStep`.
 *
 * @public
 */
export interface CertificationNextLevelPlanStep {
  section: CertificationSectionId;
  checkId: string;
  title: string;
  action: 'automate' | 'attest';
  /** The points the step adds to its section. */
  points: number;
}

/**
 * What the next level needs: the fewest checks that raise every section below it far enough.
 * Assignable to the wire type `CertificationNextLevel`.
 *
 * @public
 */
export interface CertificationNextLevelPlan {
  level: string;
  /** The level's threshold and whether reaching it exactly counts. */
  minScore: number;
  inclusive: boolean;
  /** The lowest score (in ½ points) that reaches the level. */
  neededScore: number;
  /** False when the checks cannot lift some section that high. */
  reachable: boolean;
  /** The sections below the level, with their score and the points they lack. */
  sections: Array<{
    id: CertificationSectionId;
    score: number;
    missing: number;
  }>;
  /** The fewest steps that reach the level, each section's steps largest gain first. */
  steps: CertificationNextLevelPlanStep[];
}

/**
 * What scoring a model's check results gives: the part of a scorecard that is pure computation.
 * The certification service adds the model, its version and the rest of the wire type
 * `CertificationScorecard`.
 *
 * @public
 */
export interface CertificationScoring {
  /** The minimum of the four section scores. */
  score: number;
  level: string;
  band: CertificationBand;
  sections: CertificationSectionScore[];
  portalChecks: CertificationCheckOutcome[];
  /** Null at the highest level. */
  nextLevel: CertificationNextLevelPlan | null;
}
