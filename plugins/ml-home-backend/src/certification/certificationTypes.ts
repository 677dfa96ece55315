/*
 * The certification domain as the backend stores it: a model's stored scorecard (its checks'
 * results), owners' attestations, results reported by other systems, and the history of changes.
 */

/** A check's verdict. */
export type CheckStatus = 'pass' | 'fail' | 'n/a' | 'unknown';

/** Where a check's result comes from. */
export type CheckSource = 'automated' | 'external' | 'attested' | 'none';

/** A link and/or a sentence a person can follow to see why. */
export interface CheckEvidence {
  url?: string;
  text?: string;
}

/** One check's stored result in a scorecard. */
export interface StoredCheckResult {
  checkId: string;
  /** The rubric section (`data`, `model`, `infrastructure`, `monitoring`) or `portal`. */
  section: string;
  status: CheckStatus;
  source: CheckSource;
  points: number;
  evidence?: CheckEvidence;
  /** When an attestation or external result behind this result stops counting. */
  expiresAt?: Date;
}

/** A model's stored scorecard: what the last evaluation found. */
export interface StoredScorecard {
  modelId: string;
  projectId: string;
  owner: string;
  version?: number;
  versionSource: 'alias' | 'newest-deployed' | 'none';
  score: number;
  level: string;
  levelRank: number;
  band: string;
  /** Rubric checks earning no point. */
  failing: number;
  evaluatedAt: Date;
  /** The earliest expiry among the results counted; a read after it re-evaluates. */
  nextExpiry?: Date;
  checks: StoredCheckResult[];
}

/** An attestation's state; `expired` is also derived from its expiry at read time. */
export type AttestationState = 'active' | 'rejected' | 'expired';

/** An owner's statement that a check was done by hand, with evidence. */
export interface Attestation {
  id: string;
  modelId: string;
  model: string;
  checkId: string;
  evidenceUrl: string;
  note: string;
  attestedBy: string;
  attestedAt: Date;
  expiresAt: Date;
  state: AttestationState;
  reviewedBy?: string;
  reviewedAt?: Date;
  reviewReason?: string;
}

/** A result another system reported (the latest per check). */
export interface ExternalResult {
  modelId: string;
  model: string;
  checkId: string;
  status: 'pass' | 'fail';
  evidenceUrl: string;
  observedAt: Date;
  reportedBy: string;
  reportedAt: Date;
  expiresAt: Date;
}

/** What the history records. */
export type HistoryKind =
  | 'check-changed'
  | 'score-changed'
  | 'level-changed'
  | 'attestation-added'
  | 'attestation-rejected'
  | 'attestation-expired'
  | 'external-result'
  | 'override-used';

/** One appended history row. */
export interface HistoryEntry {
  id: string;
  kind: HistoryKind;
  checkId?: string;
  from?: string;
  to?: string;
  actor?: string;
  reason?: string;
  at: Date;
}

/** A history row to append. */
export type HistoryInput = Omit<HistoryEntry, 'id'>;

/** What the overview is asked. */
export interface OverviewQuery {
  owners?: string[];
  /** Level names (any of). */
  levels?: string[];
  expiringWithinDays: number;
  limit: number;
  cursor?: string;
}

/** The organisation's overview. */
export interface Overview {
  levels: { level: string; count: number }[];
  byOwner: {
    owner: string;
    total: number;
    levels: { level: string; count: number }[];
  }[];
  failingChecks: { checkId: string; title?: string; count: number }[];
  expiring: {
    attestationId: string;
    model: string;
    project: string;
    owner: string;
    checkId: string;
    by: string;
    expiresAt: Date;
  }[];
  items: {
    model: string;
    project: string;
    owner: string;
    version?: number;
    score: number;
    level: string;
    failing: number;
    evaluatedAt: Date;
  }[];
  nextCursor?: string;
  totalCount: number;
}
