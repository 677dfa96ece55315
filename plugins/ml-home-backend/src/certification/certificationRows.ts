import type { DbBigInt, DbDouble, DbTimestamp } from '../database/rows';

/*
 * The certification tables' rows (migrations/20261206100000_certification.js), loose where the
 * drivers disagree; read only through the mappers in DatabaseCertificationStore.ts.
 */

/** @internal */
export interface ScorecardRow {
  model_id: string;
  project_id: string;
  owner: string;
  version: DbBigInt | null;
  version_source: string;
  score: DbDouble;
  level: string;
  level_rank: DbBigInt;
  band: string;
  failing: DbBigInt;
  evaluated_at: DbTimestamp;
  next_expiry: DbTimestamp | null;
}

/** @internal */
export interface CheckResultRow {
  model_id: string;
  check_id: string;
  section: string;
  status: string;
  source: string;
  points: DbDouble;
  evidence_url: string | null;
  evidence_text: string | null;
  expires_at: DbTimestamp | null;
}

/** @internal */
export interface AttestationRow {
  id: string;
  model_id: string;
  check_id: string;
  evidence_url: string;
  note: string;
  attested_by: string;
  attested_at: DbTimestamp;
  expires_at: DbTimestamp;
  state: string;
  reviewed_by: string | null;
  reviewed_at: DbTimestamp | null;
  review_reason: string | null;
  expiry_notified_at: DbTimestamp | null;
}

/** @internal */
export interface ExternalResultRow {
  model_id: string;
  check_id: string;
  status: string;
  evidence_url: string;
  observed_at: DbTimestamp;
  reported_by: string;
  reported_at: DbTimestamp;
  expires_at: DbTimestamp;
}

/** @internal */
export interface HistoryRow {
  id: DbBigInt;
  model_id: string;
  kind: string;
  check_id: string | null;
  from_value: string | null;
  to_value: string | null;
  actor: string | null;
  reason: string | null;
  at: DbTimestamp;
}
