import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { ProjectConditions } from '../domain/ProjectConditions';
import { Page, PageRequest } from '../domain/types';
import {
  fromDbFloat,
  fromDbInt,
  fromDbOptionalInt,
  fromDbOptionalTime,
  fromDbTime,
  toDbTime,
} from '../database/mappers';
import {
  countOf,
  decodeCursor,
  decodeIntegerCursor,
  encodeCursor,
  keysetPage,
} from '../database/queryHelpers';
import { CountRow } from '../database/rows';
import { inTransaction } from '../database/transactions';
import { Clock, systemClock } from '../database/clock';
import {
  CertificationEvidenceStore,
  DatabaseCertificationEvidenceStore,
} from './checks/CertificationEvidenceStore';
import { applyProjectConditions } from '../permissions';
import {
  Attestation,
  AttestationState,
  CheckSource,
  CheckStatus,
  ExternalResult,
  HistoryEntry,
  HistoryInput,
  HistoryKind,
  Overview,
  OverviewQuery,
  StoredCheckResult,
  StoredScorecard,
} from './certificationTypes';
import {
  countsAsFailing,
  moveFailingCounts,
  storedContribution,
} from './failingCheckCounts';
import {
  AttestationRow,
  CheckResultRow,
  ExternalResultRow,
  HistoryRow,
  ScorecardRow,
} from './certificationRows';

/** What a new attestation is made of. */
export interface AttestationInput {
  modelId: string;
  checkId: string;
  evidenceUrl: string;
  note: string;
  attestedBy: string;
  attestedAt: Date;
  expiresAt: Date;
}

/** An attestation about to expire, with whom to tell. */
export interface ExpiringAttestation extends Attestation {
  project: string;
  owner: string;
}

/** Storage of scorecards, attestations, external results and the certification history. */
export interface CertificationStore {
  /** The model's stored scorecard, undefined before its first evaluation. */
  getScorecard(modelId: string): Promise<StoredScorecard | undefined>;
  /**
   * Serialises re-evaluations of one model inside a unit of work (PostgreSQL locks the model's
   * row; SQLite runs one write transaction at a time anyway).
   */
  lockModel(modelId: string): Promise<void>;
  /** Replaces the model's stored scorecard and its check results. */
  putScorecard(scorecard: StoredScorecard): Promise<void>;
  appendHistory(modelId: string, entries: HistoryInput[]): Promise<void>;
  /** Newest first, keyset pages. */
  listHistory(modelId: string, page: PageRequest): Promise<Page<HistoryEntry>>;
  createAttestation(input: AttestationInput): Promise<Attestation>;
  getAttestation(id: string): Promise<Attestation | undefined>;
  /** The model's attestations, newest first (at most `limit`), their state as of `now`. */
  listAttestations(
    modelId: string,
    now: Date,
    limit?: number,
  ): Promise<Attestation[]>;
  /** Rejects an active attestation; undefined when it was not active. */
  rejectAttestation(
    id: string,
    review: { by: string; at: Date; reason: string },
  ): Promise<Attestation | undefined>;
  /** Marks the model's active attestations past their expiry as expired; answers those. */
  expireAttestations(modelId: string, now: Date): Promise<Attestation[]>;
  /** Stores the latest result of a check, answering the one it replaced. */
  putExternalResult(
    input: Omit<ExternalResult, 'model'>,
  ): Promise<ExternalResult | undefined>;
  listExternalResults(modelId: string): Promise<ExternalResult[]>;
  /** Every model of a live project, by name. */
  listModels(): Promise<{ id: string; name: string }[]>;
  overview(
    query: OverviewQuery,
    conditions: ProjectConditions,
    now: Date,
  ): Promise<Overview>;
  /** Per project id: the lowest level rank among its models that have a certified version. */
  projectLevelRanks(projectIds: string[]): Promise<Map<string, number>>;
  /** Active attestations expiring before `until` whose owners were not yet told. */
  listExpiringUnnotified(
    now: Date,
    until: Date,
  ): Promise<ExpiringAttestation[]>;
  markExpiryNotified(ids: string[], at: Date): Promise<void>;
  /** What the automated checks read beyond the resource stores, over the same client. */
  evidence(): CertificationEvidenceStore;
}

const OVERVIEW_FAILING_CHECKS = 20;
const OVERVIEW_EXPIRING = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

function stateAt(row: AttestationRow, now: Date): AttestationState {
  if (row.state === 'active' && fromDbTime(row.expires_at) <= now) {
    return 'expired';
  }
  return row.state as AttestationState;
}

function attestationFromRow(
  row: AttestationRow & { model_name: string },
  now: Date,
): Attestation {
  return {
    id: row.id,
    modelId: row.model_id,
    model: row.model_name,
    checkId: row.check_id,
    evidenceUrl: row.evidence_url,
    note: row.note,
    attestedBy: row.attested_by,
    attestedAt: fromDbTime(row.attested_at),
    expiresAt: fromDbTime(row.expires_at),
    state: stateAt(row, now),
    reviewedBy: row.reviewed_by ?? undefined,
    reviewedAt: fromDbOptionalTime(row.reviewed_at),
    reviewReason: row.review_reason ?? undefined,
  };
}

function externalFromRow(
  row: ExternalResultRow & { model_name: string },
): ExternalResult {
  return {
    modelId: row.model_id,
    model: row.model_name,
    checkId: row.check_id,
    status: row.status === 'pass' ? 'pass' : 'fail',
    evidenceUrl: row.evidence_url,
    observedAt: fromDbTime(row.observed_at),
    reportedBy: row.reported_by,
    reportedAt: fromDbTime(row.reported_at),
    expiresAt: fromDbTime(row.expires_at),
  };
}

function checkFromRow(row: CheckResultRow): StoredCheckResult {
  const evidence =
    row.evidence_url !== null || row.evidence_text !== null
      ? {
          ...(row.evidence_url !== null ? { url: row.evidence_url } : {}),
          ...(row.evidence_text !== null ? { text: row.evidence_text } : {}),
        }
      : undefined;
  return {
    checkId: row.check_id,
    section: row.section,
    status: row.status as CheckStatus,
    source: row.source as CheckSource,
    points: fromDbFloat(row.points),
    evidence,
    expiresAt: fromDbOptionalTime(row.expires_at),
  };
}

function historyFromRow(row: HistoryRow): HistoryEntry {
  return {
    id: String(row.id),
    kind: row.kind as HistoryKind,
    checkId: row.check_id ?? undefined,
    from: row.from_value ?? undefined,
    to: row.to_value ?? undefined,
    actor: row.actor ?? undefined,
    reason: row.reason ?? undefined,
    at: fromDbTime(row.at),
  };
}

/** One `?` per value, for an IN list. */
const marks = (values: unknown[]) => values.map(() => '?').join(', ');

const clip = (text: string | undefined, max: number) =>
  text === undefined ? null : text.slice(0, max);

export class DatabaseCertificationStore implements CertificationStore {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock = systemClock,
  ) {}

  private attestations(db: Knex = this.db) {
    return db('certification_attestations as a')
      .join('models as m', 'm.id', 'a.model_id')
      .select<(AttestationRow & { model_name: string })[]>(
        'a.*',
        'm.name as model_name',
      );
  }

  evidence(): CertificationEvidenceStore {
    return new DatabaseCertificationEvidenceStore(this.db);
  }

  async getScorecard(modelId: string): Promise<StoredScorecard | undefined> {
    // Both at once: a scorecard read is two indexed look-ups, not a round trip after another.
    const [row, checks] = await Promise.all([
      this.db<ScorecardRow>('certification_scorecards')
        .where('model_id', modelId)
        .first(),
      this.db<CheckResultRow>('certification_check_results')
        .where('model_id', modelId)
        .orderBy('check_id'),
    ]);
    if (!row) return undefined;
    return {
      modelId: row.model_id,
      projectId: row.project_id,
      owner: row.owner,
      version: fromDbOptionalInt(row.version),
      versionSource: row.version_source as StoredScorecard['versionSource'],
      score: fromDbFloat(row.score),
      level: row.level,
      levelRank: fromDbInt(row.level_rank),
      band: row.band,
      failing: fromDbInt(row.failing),
      evaluatedAt: fromDbTime(row.evaluated_at),
      nextExpiry: fromDbOptionalTime(row.next_expiry),
      checks: checks.map(checkFromRow),
    };
  }

  async lockModel(modelId: string): Promise<void> {
    await this.db('models').where('id', modelId).forUpdate().first('id');
  }

  async putScorecard(s: StoredScorecard): Promise<void> {
    await inTransaction(this.db, async tx => {
      const before = await storedContribution(tx, s.modelId);
      const row: ScorecardRow = {
        model_id: s.modelId,
        project_id: s.projectId,
        owner: s.owner,
        version: s.version ?? null,
        version_source: s.versionSource,
        score: s.score,
        level: s.level,
        level_rank: s.levelRank,
        band: s.band,
        failing: s.failing,
        evaluated_at: toDbTime(s.evaluatedAt),
        next_expiry: s.nextExpiry ? toDbTime(s.nextExpiry) : null,
      };
      await tx<ScorecardRow>('certification_scorecards')
        .insert(row)
        .onConflict('model_id')
        .merge();
      await tx('certification_check_results')
        .where('model_id', s.modelId)
        .delete();
      if (s.checks.length > 0) {
        await tx<CheckResultRow>('certification_check_results').insert(
          s.checks.map(c => ({
            model_id: s.modelId,
            check_id: c.checkId,
            section: c.section,
            status: c.status,
            source: c.source,
            points: c.points,
            evidence_url: clip(c.evidence?.url, 2000),
            evidence_text: clip(c.evidence?.text, 4000),
            expires_at: c.expiresAt ? toDbTime(c.expiresAt) : null,
          })),
        );
      }
      await moveFailingCounts(tx, before, {
        projectId: s.projectId,
        owner: s.owner,
        level: s.level,
        checkIds: s.checks.filter(countsAsFailing).map(c => c.checkId),
      });
    });
  }

  async appendHistory(modelId: string, entries: HistoryInput[]) {
    if (entries.length === 0) return;
    await this.db<HistoryRow>('certification_history').insert(
      entries.map(e => ({
        model_id: modelId,
        kind: e.kind,
        check_id: e.checkId ?? null,
        from_value: clip(e.from, 255),
        to_value: clip(e.to, 255),
        actor: clip(e.actor, 255),
        reason: clip(e.reason, 2000),
        at: toDbTime(e.at),
      })),
    );
  }

  async listHistory(
    modelId: string,
    page: PageRequest,
  ): Promise<Page<HistoryEntry>> {
    const after = decodeIntegerCursor(page.cursor);
    const qb = this.db<HistoryRow>('certification_history')
      .where('model_id', modelId)
      .orderBy('id', 'desc')
      .limit(page.limit + 1);
    if (after !== undefined) qb.where('id', '<', after);
    const rows = await qb;
    const cut = keysetPage(rows, page.limit, r => String(r.id));
    return { items: cut.rows.map(historyFromRow), nextCursor: cut.nextCursor };
  }

  async createAttestation(input: AttestationInput): Promise<Attestation> {
    const id = randomUUID();
    await this.db<AttestationRow>('certification_attestations').insert({
      id,
      model_id: input.modelId,
      check_id: input.checkId,
      evidence_url: input.evidenceUrl,
      note: input.note,
      attested_by: input.attestedBy,
      attested_at: toDbTime(input.attestedAt),
      expires_at: toDbTime(input.expiresAt),
      state: 'active',
    });
    return (await this.getAttestationAt(id, input.attestedAt))!;
  }

  private async getAttestationAt(id: string, now: Date) {
    const row = await this.attestations().where('a.id', id).first();
    return row ? attestationFromRow(row, now) : undefined;
  }

  async getAttestation(id: string): Promise<Attestation | undefined> {
    return this.getAttestationAt(id, this.clock());
  }

  async listAttestations(
    modelId: string,
    now: Date,
    limit = 200,
  ): Promise<Attestation[]> {
    const rows = await this.attestations()
      .where('a.model_id', modelId)
      .orderBy([
        { column: 'a.attested_at', order: 'desc' },
        { column: 'a.id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(r => attestationFromRow(r, now));
  }

  async rejectAttestation(
    id: string,
    review: { by: string; at: Date; reason: string },
  ): Promise<Attestation | undefined> {
    const changed = await this.db<AttestationRow>('certification_attestations')
      .where({ id, state: 'active' })
      .where('expires_at', '>', toDbTime(review.at))
      .update({
        state: 'rejected',
        reviewed_by: review.by,
        reviewed_at: toDbTime(review.at),
        review_reason: review.reason,
      });
    return changed ? this.getAttestationAt(id, review.at) : undefined;
  }

  async expireAttestations(modelId: string, now: Date) {
    return inTransaction(this.db, async tx => {
      const rows = await this.attestations(tx)
        .where('a.model_id', modelId)
        .where('a.state', 'active')
        .where('a.expires_at', '<=', toDbTime(now));
      if (rows.length > 0) {
        await tx('certification_attestations')
          .whereIn(
            'id',
            rows.map(r => r.id),
          )
          .update({ state: 'expired' });
      }
      return rows.map(r => attestationFromRow(r, now));
    });
  }

  async putExternalResult(input: Omit<ExternalResult, 'model'>) {
    return inTransaction(this.db, async tx => {
      const previous = await tx('certification_external_results as r')
        .join('models as m', 'm.id', 'r.model_id')
        .where({ 'r.model_id': input.modelId, 'r.check_id': input.checkId })
        .first<(ExternalResultRow & { model_name: string }) | undefined>(
          'r.*',
          'm.name as model_name',
        );
      const row: ExternalResultRow = {
        model_id: input.modelId,
        check_id: input.checkId,
        status: input.status,
        evidence_url: input.evidenceUrl,
        observed_at: toDbTime(input.observedAt),
        reported_by: input.reportedBy,
        reported_at: toDbTime(input.reportedAt),
        expires_at: toDbTime(input.expiresAt),
      };
      // A result observed before the stored one is news from the past: it does not replace it.
      if (!previous || fromDbTime(previous.observed_at) <= input.observedAt) {
        await tx<ExternalResultRow>('certification_external_results')
          .insert(row)
          .onConflict(['model_id', 'check_id'])
          .merge();
      }
      return previous ? externalFromRow(previous) : undefined;
    });
  }

  async listExternalResults(modelId: string): Promise<ExternalResult[]> {
    const rows = await this.db('certification_external_results as r')
      .join('models as m', 'm.id', 'r.model_id')
      .where('r.model_id', modelId)
      .orderBy('r.check_id')
      .select<(ExternalResultRow & { model_name: string })[]>(
        'r.*',
        'm.name as model_name',
      );
    return rows.map(externalFromRow);
  }

  async listModels() {
    return this.db('models as m')
      .join('projects as p', 'p.id', 'm.project_id')
      .whereNull('p.deleted_at')
      .orderBy('m.name')
      .select<{ id: string; name: string }[]>('m.id', 'm.name');
  }

  async overview(
    query: OverviewQuery,
    conditions: ProjectConditions,
    now: Date,
  ): Promise<Overview> {
    const owners = (query.owners ?? []).map(o => o.toLowerCase());
    const levels = query.levels ?? [];
    const scorecards = (options: { byLevel: boolean }) => {
      // Counts need no model row: only the page of items joins models (for their names).
      const qb = this.db('certification_scorecards as s')
        .join('projects as p', 'p.id', 's.project_id')
        .whereNull('p.deleted_at');
      if (conditions) applyProjectConditions(qb, conditions, 'p.owner');
      if (owners.length)
        qb.whereRaw(`lower(s.owner) in (${marks(owners)})`, owners);
      if (options.byLevel && levels.length) qb.whereIn('s.level', levels);
      return qb;
    };

    const page = scorecards({ byLevel: true }).join(
      'models as m',
      'm.id',
      's.model_id',
    );
    if (query.cursor) {
      const [score, name] = decodeCursor(query.cursor, 2);
      const at = Number(score);
      page.where(after =>
        after
          .where('s.score', '>', at)
          .orWhere(same =>
            same.where('s.score', at).andWhere('m.name', '>', name),
          ),
      );
    }
    type ItemRow = Pick<
      ScorecardRow,
      'owner' | 'version' | 'score' | 'level' | 'failing' | 'evaluated_at'
    > & { model: string; project: string };

    const until = new Date(now.getTime() + query.expiringWithinDays * DAY_MS);
    const expiringQuery = this.db('certification_attestations as a')
      .join('models as m', 'm.id', 'a.model_id')
      .join('projects as p', 'p.id', 'm.project_id')
      .whereNull('p.deleted_at')
      .where('a.state', 'active')
      .where('a.expires_at', '>', toDbTime(now))
      .where('a.expires_at', '<=', toDbTime(until));
    if (conditions)
      applyProjectConditions(expiringQuery, conditions, 'p.owner');
    if (owners.length) {
      expiringQuery.whereRaw(
        `lower(coalesce(m.owner, p.owner)) in (${marks(owners)})`,
        owners,
      );
    }

    const [rows, total, levelCounts, ownerCounts, failing, expiring] =
      await Promise.all([
        page
          .select<ItemRow[]>(
            'm.name as model',
            'p.name as project',
            's.owner',
            's.version',
            's.score',
            's.level',
            's.failing',
            's.evaluated_at',
          )
          .orderBy([
            { column: 's.score', order: 'asc' },
            { column: 'm.name', order: 'asc' },
          ])
          .limit(query.limit + 1),
        scorecards({ byLevel: true }).count<CountRow[]>({ n: '*' }),
        // Per level, the owner filter only: the level filter's own counts stay visible.
        scorecards({ byLevel: false })
          .select('s.level')
          .count({ n: '*' })
          .groupBy('s.level')
          .then(r => r as unknown as { level: string; n: unknown }[]),
        scorecards({ byLevel: true })
          .select('s.owner', 's.level')
          .count({ n: '*' })
          .groupBy('s.owner', 's.level')
          .orderBy('s.owner')
          .then(
            r => r as unknown as { owner: string; level: string; n: unknown }[],
          ),
        // Kept at write time (failingCheckCounts.ts): a few rows per project, not every
        // stored check result of every model.
        this.failingCounts(conditions, owners, levels)
          .select('f.check_id')
          .sum({ n: 'f.models' })
          .groupBy('f.check_id')
          .orderBy([
            { column: 'n', order: 'desc' },
            { column: 'f.check_id', order: 'asc' },
          ])
          .limit(OVERVIEW_FAILING_CHECKS)
          .then(r => r as unknown as { check_id: string; n: unknown }[]),
        expiringQuery
          .select<
            (AttestationRow & {
              model_name: string;
              project: string;
              owner: string;
            })[]
          >(
            'a.*',
            'm.name as model_name',
            'p.name as project',
            this.db.raw('coalesce(m.owner, p.owner) as owner'),
          )
          .orderBy([
            { column: 'a.expires_at', order: 'asc' },
            { column: 'a.id', order: 'asc' },
          ])
          .limit(OVERVIEW_EXPIRING),
      ]);

    const cut = keysetPage(rows, query.limit, last =>
      encodeCursor([String(fromDbFloat(last.score)), last.model]),
    );
    const byOwner = new Map<string, Overview['byOwner'][number]>();
    for (const row of ownerCounts) {
      const entry = byOwner.get(row.owner) ?? {
        owner: row.owner,
        total: 0,
        levels: [],
      };
      const count = fromDbInt(row.n);
      entry.total += count;
      entry.levels.push({ level: row.level, count });
      byOwner.set(row.owner, entry);
    }
    return {
      levels: levelCounts.map(r => ({ level: r.level, count: fromDbInt(r.n) })),
      byOwner: [...byOwner.values()],
      failingChecks: failing.map(r => ({
        checkId: r.check_id,
        count: fromDbInt(r.n),
      })),
      expiring: expiring.map(r => ({
        attestationId: r.id,
        model: r.model_name,
        project: r.project,
        owner: r.owner,
        checkId: r.check_id,
        by: r.attested_by,
        expiresAt: fromDbTime(r.expires_at),
      })),
      items: cut.rows.map(r => ({
        model: r.model,
        project: r.project,
        owner: r.owner,
        version: fromDbOptionalInt(r.version),
        score: fromDbFloat(r.score),
        level: r.level,
        failing: fromDbInt(r.failing),
        evaluatedAt: fromDbTime(r.evaluated_at),
      })),
      nextCursor: cut.nextCursor,
      totalCount: countOf(total),
    };
  }

  /** The failing-check counts under the overview's filters, as the scorecards' own. */
  private failingCounts(
    conditions: ProjectConditions,
    owners: string[],
    levels: string[],
  ) {
    const qb = this.db('certification_failing_counts as f')
      .join('projects as p', 'p.id', 'f.project_id')
      .whereNull('p.deleted_at');
    if (conditions) applyProjectConditions(qb, conditions, 'p.owner');
    if (owners.length)
      qb.whereRaw(`lower(f.owner) in (${marks(owners)})`, owners);
    if (levels.length) qb.whereIn('f.level', levels);
    return qb;
  }

  async projectLevelRanks(projectIds: string[]) {
    const ranks = new Map<string, number>();
    if (projectIds.length === 0) return ranks;
    const rows = await this.db('certification_scorecards')
      .whereIn('project_id', projectIds)
      .whereNotNull('version')
      .groupBy('project_id')
      .select('project_id')
      .min({ rank: 'level_rank' })
      .then(r => r as unknown as { project_id: string; rank: unknown }[]);
    for (const row of rows) ranks.set(row.project_id, fromDbInt(row.rank));
    return ranks;
  }

  async listExpiringUnnotified(now: Date, until: Date) {
    const rows = await this.db('certification_attestations as a')
      .join('models as m', 'm.id', 'a.model_id')
      .join('projects as p', 'p.id', 'm.project_id')
      .whereNull('p.deleted_at')
      .where('a.state', 'active')
      .whereNull('a.expiry_notified_at')
      .where('a.expires_at', '>', toDbTime(now))
      .where('a.expires_at', '<=', toDbTime(until))
      .orderBy('a.expires_at')
      .limit(1000)
      .select<
        (AttestationRow & {
          model_name: string;
          project: string;
          owner: string;
        })[]
      >(
        'a.*',
        'm.name as model_name',
        'p.name as project',
        this.db.raw('coalesce(m.owner, p.owner) as owner'),
      );
    return rows.map(r => ({
      ...attestationFromRow(r, now),
      project: r.project,
      owner: r.owner,
    }));
  }

  async markExpiryNotified(ids: string[], at: Date) {
    if (ids.length === 0) return;
    await this.db('certification_attestations')
      .whereIn('id', ids)
      .update({ expiry_notified_at: toDbTime(at) });
  }
}
