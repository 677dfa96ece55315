import type * as Wire from '@ml-home/plugin-ml-home-common';
import type { CertificationCheckOutcome } from '@ml-home/plugin-ml-home-common';
import {
  Attestation,
  ExternalResult,
  HistoryEntry,
  Overview,
} from './certificationTypes';
import { Scorecard } from './CertificationService';

/* Certification → wire: ISO times, optional fields left out when absent. */

export function attestationToWire(
  a: Attestation,
): Wire.CertificationAttestation {
  return {
    id: a.id,
    model: a.model,
    checkId: a.checkId,
    evidenceUrl: a.evidenceUrl,
    note: a.note,
    by: a.attestedBy,
    at: a.attestedAt.toISOString(),
    expiresAt: a.expiresAt.toISOString(),
    state: a.state,
    ...(a.reviewedBy ? { reviewedBy: a.reviewedBy } : {}),
    ...(a.reviewedAt ? { reviewedAt: a.reviewedAt.toISOString() } : {}),
    ...(a.reviewReason ? { reviewReason: a.reviewReason } : {}),
  };
}

export function externalResultToWire(
  r: ExternalResult,
): Wire.CertificationExternalResult {
  return {
    model: r.model,
    checkId: r.checkId,
    status: r.status,
    evidenceUrl: r.evidenceUrl,
    observedAt: r.observedAt.toISOString(),
    reportedBy: r.reportedBy,
    expiresAt: r.expiresAt.toISOString(),
  };
}

export function scorecardToWire(s: Scorecard): Wire.CertificationScorecard {
  const latestAttestation = new Map<string, Attestation>();
  for (const a of s.attestations) {
    // Newest first: the first one seen per check is the one shown beside it.
    if (!latestAttestation.has(a.checkId)) latestAttestation.set(a.checkId, a);
  }
  const external = new Map(s.externalResults.map(r => [r.checkId, r]));
  const check = (o: CertificationCheckOutcome): Wire.CertificationCheck => {
    const attestation = latestAttestation.get(o.id);
    const result = external.get(o.id);
    return {
      id: o.id,
      title: o.title,
      status: o.status,
      points: o.points,
      source: o.source,
      ...(o.evidence ? { evidence: o.evidence } : {}),
      ...(o.expiresAt ? { expiresAt: o.expiresAt } : {}),
      ...(attestation ? { attestation: attestationToWire(attestation) } : {}),
      ...(result ? { externalResult: externalResultToWire(result) } : {}),
    };
  };
  const { scoring, stored, model } = s;
  return {
    model: model.name,
    project: model.project,
    owner: model.owner,
    ...(stored.version !== undefined ? { version: stored.version } : {}),
    versionSource: stored.versionSource,
    score: scoring.score,
    level: scoring.level,
    band: scoring.band.text,
    sections: scoring.sections.map(section => ({
      id: section.id,
      title: section.title,
      score: section.score,
      checks: section.checks.map(check),
    })),
    portalChecks: scoring.portalChecks.map(check),
    ...(scoring.nextLevel
      ? {
          nextLevel: {
            level: scoring.nextLevel.level,
            minScore: scoring.nextLevel.minScore,
            steps: scoring.nextLevel.steps.map(step => ({
              checkId: step.checkId,
              section: step.section,
              action: step.action,
              points: step.points,
            })),
          },
        }
      : {}),
    attestations: s.attestations.map(attestationToWire),
    evaluatedAt: stored.evaluatedAt.toISOString(),
  };
}

export function historyEntryToWire(
  e: HistoryEntry,
): Wire.CertificationHistoryEntry {
  return {
    id: e.id,
    kind: e.kind,
    ...(e.checkId ? { checkId: e.checkId } : {}),
    ...(e.from !== undefined ? { from: e.from } : {}),
    ...(e.to !== undefined ? { to: e.to } : {}),
    ...(e.actor ? { actor: e.actor } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    at: e.at.toISOString(),
  };
}

export function overviewToWire(o: Overview): Wire.CertificationOverview {
  return {
    levels: o.levels,
    byOwner: o.byOwner,
    failingChecks: o.failingChecks.map(f => ({
      checkId: f.checkId,
      title: f.title ?? f.checkId,
      count: f.count,
    })),
    expiring: o.expiring.map(e => ({
      ...e,
      expiresAt: e.expiresAt.toISOString(),
    })),
    items: o.items.map(i => ({
      model: i.model,
      project: i.project,
      owner: i.owner,
      ...(i.version !== undefined ? { version: i.version } : {}),
      score: i.score,
      level: i.level,
      failing: i.failing,
      evaluatedAt: i.evaluatedAt.toISOString(),
    })),
    ...(o.nextCursor ? { nextCursor: o.nextCursor } : {}),
    totalCount: o.totalCount,
  };
}
