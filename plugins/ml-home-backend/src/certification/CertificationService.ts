import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  type CertificationAttestationCreate,
  type CertificationAttestationReview,
  type CertificationCheckDefinition,
  type CertificationCheckResult,
  type CertificationLevel,
  type CertificationResultCreate,
  type CertificationScoring,
  certificationLevelIndex,
  findCertificationCheck,
  scoreCertification,
} from '@ml-home/plugin-ml-home-common';
import { Caller } from '../domain/Caller';
import { ProjectConditions } from '../domain/ProjectConditions';
import { ModelScope } from '../domain/scopes';
import { Model, Page, PageRequest, Project } from '../domain/types';
import { Clock, systemClock } from '../database/clock';
import { UnitOfWork } from '../database/UnitOfWork';
import {
  Attestation,
  CheckEvidence,
  CheckStatus,
  ExternalResult,
  HistoryEntry,
  HistoryInput,
  Overview,
  OverviewQuery,
  StoredCheckResult,
  StoredScorecard,
} from './certificationTypes';
import { CertificationStore } from './DatabaseCertificationStore';
import { CertificationConfig } from './config';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far in the future an external result may say it was observed (clock skew). */
const OBSERVED_AHEAD_MS = 5 * 60 * 1000;

/** What the automated checks found for a model (see checks/evaluateModelChecks.ts). */
export interface AutomatedCheckResults {
  version: string | number | null;
  versionSource: 'alias' | 'newest-deployed' | 'none';
  checks: Array<{
    checkId: string;
    status: CheckStatus;
    evidence?: CheckEvidence;
  }>;
}

/** Runs the automated checks of one model as of `now`. */
export type RunAutomatedChecks = (
  modelName: string,
  now: Date,
) => Promise<AutomatedCheckResults>;

/** What the certification service needs beyond the stores. */
export interface CertificationDependencies {
  runChecks: RunAutomatedChecks;
  /** `mlHome.certification`, read once (config.ts). */
  config: CertificationConfig;
  /** The checks backend modules added. */
  extraChecks: () => CertificationCheckDefinition[];
  /** Told after every re-evaluation that stored something. */
  onChange?: (change: ScorecardChange) => Promise<void>;
}

/** What a re-evaluation changed, for whoever listens (notifications). */
export interface ScorecardChange {
  model: Model;
  previous?: StoredScorecard;
  current: StoredScorecard;
}

/** A model's scorecard as the route answers it. */
export interface Scorecard {
  model: Model;
  stored: StoredScorecard;
  scoring: CertificationScoring;
  attestations: Attestation[];
  externalResults: ExternalResult[];
}

/** The certification rules: scorecards, attestations, reviews, external results, history. */
export interface CertificationService {
  getScorecard(caller: Caller, scope: ModelScope): Promise<Scorecard>;
  createAttestation(
    caller: Caller,
    scope: ModelScope,
    request: CertificationAttestationCreate,
  ): Promise<Attestation>;
  reviewAttestation(
    caller: Caller,
    scope: ModelScope,
    attestationId: string,
    review: CertificationAttestationReview,
  ): Promise<Attestation>;
  reportResult(
    caller: Caller,
    scope: ModelScope,
    request: CertificationResultCreate,
  ): Promise<ExternalResult>;
  getHistory(
    caller: Caller,
    scope: ModelScope,
    page: PageRequest,
  ): Promise<Page<HistoryEntry>>;
  getOverview(
    caller: Caller,
    conditions: ProjectConditions,
    query: OverviewQuery,
  ): Promise<Overview>;
}

function checkEvidenceUrl(field: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`${field}: '${url.slice(0, 100)}' is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InputError(`${field}: only http and https links are accepted`);
  }
  return url;
}

const describe = (c: StoredCheckResult | undefined) =>
  c ? `${c.status} (${c.source}, ${c.points})` : 'none';

/** The history rows between two scorecards of a model. */
export function scorecardChanges(
  previous: StoredScorecard | undefined,
  current: StoredScorecard,
  at: Date,
): HistoryInput[] {
  const rows: HistoryInput[] = [];
  if (previous) {
    const before = new Map(previous.checks.map(c => [c.checkId, c]));
    for (const check of current.checks) {
      const old = before.get(check.checkId);
      if (
        !old ||
        old.status !== check.status ||
        old.source !== check.source ||
        old.points !== check.points
      ) {
        rows.push({
          kind: 'check-changed',
          checkId: check.checkId,
          from: describe(old),
          to: describe(check),
          at,
        });
      }
    }
  }
  if (!previous || previous.score !== current.score) {
    rows.push({
      kind: 'score-changed',
      from: previous ? String(previous.score) : undefined,
      to: String(current.score),
      at,
    });
  }
  if (!previous || previous.level !== current.level) {
    rows.push({
      kind: 'level-changed',
      from: previous?.level,
      to: current.level,
      at,
    });
  }
  return rows;
}

/**
 * The rules of certification over the stores. Scorecards are computed by {@link reevaluate}
 * (on writes and on a schedule) and stored; reading one scores the stored results again (pure,
 * cheap) but never re-runs the checks, except for a model never evaluated or one whose counted
 * attestation or external result has expired since.
 */
export class DefaultCertificationService implements CertificationService {
  private readonly clock: Clock;

  constructor(
    private readonly options: CertificationDependencies & {
      store: CertificationStore;
      unitOfWork: UnitOfWork;
      /** Finds a model and its project by name, deleted projects included. */
      findModel: (name: string) => Promise<ModelScope | undefined>;
      clock?: Clock;
    },
  ) {
    this.clock = options.clock ?? systemClock;
  }

  private get store() {
    return this.options.store;
  }

  private definition(checkId: string, field = 'checkId') {
    const definition = findCertificationCheck(
      checkId,
      this.options.extraChecks(),
    );
    if (!definition) {
      throw new InputError(
        `${field}: '${checkId}' is neither a test of the rubric nor a registered check`,
      );
    }
    return definition;
  }

  private score(results: CertificationCheckResult[], now: Date) {
    return scoreCertification({
      results,
      now,
      levels: this.options.config.levels,
      extraChecks: this.options.extraChecks(),
    });
  }

  /** Re-runs the model's checks and stores its scorecard with the history of what changed. */
  async reevaluate(scope: ModelScope): Promise<StoredScorecard> {
    const { model } = scope;
    const now = this.clock();
    const automated = await this.options.runChecks(model.name, now);
    const { previous, current } = await this.options.unitOfWork.run(
      async stores => {
        const store = stores.certification;
        await store.lockModel(model.id);
        const expired = await store.expireAttestations(model.id, now);
        const attestations = await store.listAttestations(model.id, now);
        const externals = await store.listExternalResults(model.id);
        const results: CertificationCheckResult[] = [
          ...automated.checks.map(c => ({
            checkId: c.checkId,
            status: c.status,
            source: 'automated' as const,
            ...(c.evidence ? { evidence: c.evidence } : {}),
          })),
          ...externals.map(e => ({
            checkId: e.checkId,
            status: e.status,
            source: 'external' as const,
            evidence: { url: e.evidenceUrl },
            observedAt: e.observedAt.toISOString(),
            expiresAt: e.expiresAt.toISOString(),
          })),
          // The newest attestation of each check that was not rejected (expired ones show as
          // expired on the scorecard).
          ...latestPerCheck(
            attestations.filter(a => a.state !== 'rejected'),
          ).map(a => ({
            checkId: a.checkId,
            status: 'pass' as const,
            source: 'attested' as const,
            evidence: {
              url: a.evidenceUrl,
              ...(a.note ? { text: a.note } : {}),
            },
            observedAt: a.attestedAt.toISOString(),
            expiresAt: a.expiresAt.toISOString(),
          })),
        ];
        const scoring = this.score(results, now);
        const stored = toStoredScorecard(
          scope,
          automated,
          scoring,
          this.options.config.levels,
          now,
        );
        const before = await store.getScorecard(model.id);
        await store.putScorecard(stored);
        await store.appendHistory(model.id, [
          ...expired.map(a => ({
            kind: 'attestation-expired' as const,
            checkId: a.checkId,
            actor: a.attestedBy,
            at: now,
          })),
          ...scorecardChanges(before, stored, now),
        ]);
        return { previous: before, current: stored };
      },
    );
    await this.options.onChange?.({ model, previous, current });
    return current;
  }

  /** Re-evaluates a model by name; a model that no longer exists is skipped. */
  async reevaluateModel(name: string): Promise<StoredScorecard | undefined> {
    const scope = await this.options.findModel(name);
    return scope ? this.reevaluate(scope) : undefined;
  }

  /** Re-evaluates every model of a live project, one at a time; answers how many. */
  async reevaluateAll(onError?: (name: string, error: unknown) => void) {
    let count = 0;
    for (const { name } of await this.store.listModels()) {
      try {
        if (await this.reevaluateModel(name)) count += 1;
      } catch (error) {
        onError?.(name, error);
      }
    }
    return count;
  }

  async getScorecard(_caller: Caller, scope: ModelScope): Promise<Scorecard> {
    const now = this.clock();
    const readAround = () =>
      Promise.all([
        this.store.listAttestations(scope.model.id, now),
        this.store.listExternalResults(scope.model.id),
      ]);
    // All at once: the usual read is one round of indexed look-ups, not two in a row; only a
    // scorecard that must be re-evaluated reads what surrounds it again after storing it.
    let [stored, [attestations, externalResults]] = await Promise.all([
      this.store.getScorecard(scope.model.id),
      readAround(),
    ]);
    if (
      !stored ||
      (stored.nextExpiry !== undefined && stored.nextExpiry <= now) ||
      stored.owner !== scope.model.owner
    ) {
      stored = await this.reevaluate(scope);
      [attestations, externalResults] = await readAround();
    }
    return {
      model: scope.model,
      stored,
      scoring: this.score(resultsOfStored(stored.checks), now),
      attestations,
      externalResults,
    };
  }

  async createAttestation(
    caller: Caller,
    scope: ModelScope,
    request: CertificationAttestationCreate,
  ): Promise<Attestation> {
    const definition = this.definition(request.checkId);
    const evidenceUrl = checkEvidenceUrl('evidenceUrl', request.evidenceUrl);
    const note = (request.note ?? '').trim();
    if (note.length > 4000) {
      throw new InputError('note: at most 4,000 characters');
    }
    const now = this.clock();
    const { model } = scope;
    const attestation = await this.options.unitOfWork.run(async stores => {
      const store = stores.certification;
      await store.lockModel(model.id);
      // A retry of the same attestation answers the one stored, without a second row.
      const same = (await store.listAttestations(model.id, now)).find(
        a =>
          a.state === 'active' &&
          a.checkId === definition.id &&
          a.attestedBy === caller.actor &&
          a.evidenceUrl === evidenceUrl &&
          a.note === note,
      );
      if (same) return { created: false, attestation: same };
      const created = await store.createAttestation({
        modelId: model.id,
        checkId: definition.id,
        evidenceUrl,
        note,
        attestedBy: caller.actor,
        attestedAt: now,
        expiresAt: new Date(
          now.getTime() + this.options.config.attestationValidityDays * DAY_MS,
        ),
      });
      await store.appendHistory(model.id, [
        {
          kind: 'attestation-added',
          checkId: definition.id,
          actor: caller.actor,
          to: evidenceUrl,
          reason: note || undefined,
          at: now,
        },
      ]);
      return { created: true, attestation: created };
    });
    if (attestation.created) await this.reevaluate(scope);
    return attestation.attestation;
  }

  async reviewAttestation(
    caller: Caller,
    scope: ModelScope,
    attestationId: string,
    review: CertificationAttestationReview,
  ): Promise<Attestation> {
    const reason = review.reason.trim();
    if (!reason) {
      throw new InputError('reason: say why the attestation is rejected');
    }
    const now = this.clock();
    const { model } = scope;
    const rejected = await this.options.unitOfWork.run(async stores => {
      const store = stores.certification;
      const attestation = await store.getAttestation(attestationId);
      if (!attestation || attestation.modelId !== model.id) {
        throw new NotFoundError(
          `Model '${model.name}' has no attestation with id '${attestationId}'`,
        );
      }
      const done = await store.rejectAttestation(attestationId, {
        by: caller.actor,
        at: now,
        reason,
      });
      if (!done) {
        const state =
          attestation.expiresAt <= now ? 'expired' : attestation.state;
        throw new ConflictError(
          `Attestation '${attestationId}' is ${state}; only an active attestation can be rejected`,
        );
      }
      await store.appendHistory(model.id, [
        {
          kind: 'attestation-rejected',
          checkId: attestation.checkId,
          actor: caller.actor,
          reason,
          at: now,
        },
      ]);
      return done;
    });
    await this.reevaluate(scope);
    return rejected;
  }

  async reportResult(
    caller: Caller,
    scope: ModelScope,
    request: CertificationResultCreate,
  ): Promise<ExternalResult> {
    const definition = this.definition(request.checkId);
    const evidenceUrl = checkEvidenceUrl('evidenceUrl', request.evidenceUrl);
    const now = this.clock();
    const validity = this.options.config.externalResultValidityDays * DAY_MS;
    let observedAt = now;
    if (request.observedAt !== undefined) {
      observedAt = new Date(request.observedAt);
      if (Number.isNaN(observedAt.getTime())) {
        throw new InputError(
          `observedAt: '${request.observedAt}' is not an ISO 8601 time`,
        );
      }
      if (observedAt.getTime() > now.getTime() + OBSERVED_AHEAD_MS) {
        throw new InputError('observedAt: must not be in the future');
      }
      if (observedAt.getTime() + validity <= now.getTime()) {
        throw new InputError(
          `observedAt: a result observed more than ${this.options.config.externalResultValidityDays} days ago has already expired`,
        );
      }
    }
    const { model } = scope;
    const result: ExternalResult = {
      modelId: model.id,
      model: model.name,
      checkId: definition.id,
      status: request.status,
      evidenceUrl,
      observedAt,
      reportedBy: caller.actor,
      reportedAt: now,
      expiresAt: new Date(observedAt.getTime() + validity),
    };
    const changed = await this.options.unitOfWork.run(async stores => {
      const store = stores.certification;
      await store.lockModel(model.id);
      const previous = await store.putExternalResult(result);
      const retry =
        previous &&
        previous.status === result.status &&
        previous.evidenceUrl === result.evidenceUrl &&
        previous.observedAt.getTime() === result.observedAt.getTime();
      const stale = previous && previous.observedAt > result.observedAt;
      if (retry || stale) return false;
      await store.appendHistory(model.id, [
        {
          kind: 'external-result',
          checkId: definition.id,
          from: previous?.status,
          to: result.status,
          actor: caller.actor,
          at: now,
        },
      ]);
      return true;
    });
    if (changed) await this.reevaluate(scope);
    return result;
  }

  async getHistory(_caller: Caller, { model }: ModelScope, page: PageRequest) {
    return this.store.listHistory(model.id, page);
  }

  async getOverview(
    _caller: Caller,
    conditions: ProjectConditions,
    query: OverviewQuery,
  ): Promise<Overview> {
    const overview = await this.store.overview(query, conditions, this.clock());
    const extra = this.options.extraChecks();
    const counts = new Map(overview.levels.map(l => [l.level, l.count]));
    return {
      ...overview,
      // Every configured level, lowest first, with the ones no model reaches at 0.
      levels: this.options.config.levels.map(l => ({
        level: l.name,
        count: counts.get(l.name) ?? 0,
      })),
      failingChecks: overview.failingChecks.map(f => ({
        ...f,
        title: findCertificationCheck(f.checkId, extra)?.title ?? f.checkId,
      })),
    };
  }

  /** Records an owner's override of the gate in the model's history. */
  async recordOverride(
    caller: Caller,
    model: Model,
    what: string,
    reason: string,
  ): Promise<void> {
    await this.store.appendHistory(model.id, [
      {
        kind: 'override-used',
        to: what,
        actor: caller.actor,
        reason,
        at: this.clock(),
      },
    ]);
  }

  /** The model's stored level (evaluating it once if it never was). */
  async storedScorecard(scope: ModelScope): Promise<StoredScorecard> {
    const stored = await this.store.getScorecard(scope.model.id);
    const now = this.clock();
    if (
      !stored ||
      (stored.nextExpiry !== undefined && stored.nextExpiry <= now)
    ) {
      return this.reevaluate(scope);
    }
    return stored;
  }

  /** Per project id, the name of the lowest level among its certified models. */
  async projectLevels(projects: Project[]): Promise<Map<string, string>> {
    const ranks = await this.store.projectLevelRanks(projects.map(p => p.id));
    const levels = this.options.config.levels;
    return new Map(
      [...ranks].map(([id, rank]) => [
        id,
        levels[Math.min(rank, levels.length - 1)].name,
      ]),
    );
  }
}

function latestPerCheck(attestations: Attestation[]): Attestation[] {
  const byCheck = new Map<string, Attestation>();
  for (const a of attestations) {
    const seen = byCheck.get(a.checkId);
    if (!seen || seen.attestedAt < a.attestedAt) byCheck.set(a.checkId, a);
  }
  return [...byCheck.values()];
}

/** The results behind stored outcomes, so that scoring them again gives the same outcomes. */
function resultsOfStored(
  checks: StoredCheckResult[],
): CertificationCheckResult[] {
  return checks
    .filter(c => c.source !== 'none')
    .map(c => ({
      checkId: c.checkId,
      status: c.status,
      source: c.source as CertificationCheckResult['source'],
      ...(c.evidence ? { evidence: c.evidence } : {}),
      ...(c.expiresAt ? { expiresAt: c.expiresAt.toISOString() } : {}),
    }));
}

function toStoredScorecard(
  { model }: ModelScope,
  automated: AutomatedCheckResults,
  scoring: CertificationScoring,
  levels: ReadonlyArray<CertificationLevel>,
  now: Date,
): StoredScorecard {
  const outcomes = [
    ...scoring.sections.flatMap(s => s.checks),
    ...scoring.portalChecks,
  ];
  const checks: StoredCheckResult[] = outcomes.map(o => ({
    checkId: o.id,
    section: o.section,
    status: o.status,
    source: o.source,
    points: o.points,
    evidence: o.evidence,
    expiresAt: o.expiresAt ? new Date(o.expiresAt) : undefined,
  }));
  const expiries = checks
    .filter(c => c.points > 0 && c.expiresAt && c.expiresAt > now)
    .map(c => c.expiresAt!.getTime());
  const version =
    automated.version === null || automated.version === undefined
      ? undefined
      : Number(automated.version);
  return {
    modelId: model.id,
    projectId: model.projectId,
    owner: model.owner,
    version: Number.isSafeInteger(version) ? version : undefined,
    versionSource: automated.versionSource,
    score: scoring.score,
    level: scoring.level,
    levelRank: certificationLevelIndex(scoring.score, levels),
    band: scoring.band.text,
    failing: scoring.sections
      .flatMap(s => s.checks)
      .filter(c => c.points === 0 && c.status !== 'n/a').length,
    evaluatedAt: now,
    nextExpiry: expiries.length ? new Date(Math.min(...expiries)) : undefined,
    checks,
  };
}
