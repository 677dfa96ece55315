/*
 * The certification side of the demo: what the teams attested by hand (with evidence), what a
 * reviewer rejected, and what CI and data-validation jobs reported. Scores and levels are never
 * written here: ML Home computes them from these and from the rest of the demo's metadata, so
 * models end up spread over the levels for the reasons a real team's would.
 *
 * Pure and deterministic for a given seed, model list and `now`.
 */

import {
  ML_TEST_SCORE_RUBRIC,
  type CertificationRubricTest,
} from '@ml-home/plugin-ml-home-common';
import { hashString, Rng } from './demoRandom';
import type { DemoDeployment, DemoModel } from './demoRegistry';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/**
 * How long an attestation counts in ML Home's default configuration
 * (`mlHome.certification.attestationValidityDays`); the demo lays a few attestations so that
 * they expire within the next two weeks.
 */
export const DEMO_ATTESTATION_VALIDITY_DAYS = 180;

/** An attestation made by a team member, and its rejection by a reviewer if any. */
export interface DemoAttestation {
  model: string;
  checkId: string;
  evidenceUrl: string;
  note: string;
  by: string;
  at: number;
  rejected?: { by: string; at: number; reason: string };
}

/** A check's result reported by another system (CI, a data-validation job). */
export interface DemoExternalResult {
  model: string;
  checkId: string;
  status: 'pass' | 'fail';
  evidenceUrl: string;
  observedAt: number;
  /** the reporting system, as the actor */
  by: string;
}

export interface DemoCertification {
  attestations: DemoAttestation[];
  externalResults: DemoExternalResult[];
  /**
   * The model the end-to-end journey attests on: no certified version, so only attestations
   * count; one test short in monitoring, so attesting one more monitoring test raises its level.
   */
  journeyModel?: string;
}

type Plan = 'platinum' | 'gold' | 'silver' | 'bronze' | 'none';

/** Tests attested per section, by plan: a section scores ½ per attestation. */
const PER_SECTION: Record<Plan, number> = {
  platinum: 6,
  gold: 4,
  silver: 2,
  bronze: 1,
  none: 0,
};

const SECTIONS = ['data', 'model', 'infrastructure', 'monitoring'] as const;

/* The tests a team attests first: those only people can check, then reported ones, then the rest. */
function attestable(section: string): CertificationRubricTest[] {
  const order: Record<string, number> = { 'attested-only': 0, external: 1 };
  const rank = (t: CertificationRubricTest) => order[t.automation.kind] ?? 2;
  return ML_TEST_SCORE_RUBRIC.filter(t => t.section === section).sort(
    (a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1),
  );
}

const NOTES: Record<string, string> = {
  data: 'Reviewed with the data owners; the write-up is in the linked doc.',
  model:
    'Checked in the model review; decisions and numbers in the linked doc.',
  infrastructure: 'Exercised in the last release; the run log is linked.',
  monitoring:
    'Alert and dashboard in place; the linked runbook says who is paged.',
};

export function generateDemoCertification(input: {
  seed: number;
  now: number;
  models: DemoModel[];
  deployments: DemoDeployment[];
  /** project name → its team's users (entity refs) */
  teamOf: (project: string) => { team: string; users: string[] };
  /** who reviews attestations (members of the platform team) */
  reviewers: string[];
}): DemoCertification {
  const { now } = input;
  const rng = new Rng(hashString(`${input.seed}:certification`));
  const deployed = new Set(
    input.deployments.filter(d => d.status === 'active').map(d => d.model),
  );
  const everDeployed = new Set(input.deployments.map(d => d.model));
  const byName = (a: DemoModel, b: DemoModel) => (a.name < b.name ? -1 : 1);
  const served = input.models.filter(m => deployed.has(m.name)).sort(byName);
  // Never deployed and no production alias: no certified version, so only attestations count.
  const unserved = input.models
    .filter(
      m => !everDeployed.has(m.name) && m.aliases.production === undefined,
    )
    .sort(byName);
  const out: DemoCertification = { attestations: [], externalResults: [] };
  const evidence = (m: DemoModel, what: string) =>
    `https://docs.sonora.example/ml/${m.project}/certification/${m.name}/${what}`;

  const attest = (
    m: DemoModel,
    test: CertificationRubricTest,
    at: number,
  ): DemoAttestation => {
    const team = input.teamOf(m.project).users;
    const users = team.length ? team : input.reviewers;
    const a: DemoAttestation = {
      model: m.name,
      checkId: test.id,
      evidenceUrl: evidence(m, test.id),
      note: NOTES[test.section] ?? '',
      by: rng.pick(users),
      at: Math.min(Math.max(at, m.createdAt + HOUR), now - HOUR),
    };
    out.attestations.push(a);
    return a;
  };
  const recent = () => now - rng.int(3, 120) * DAY - rng.int(0, DAY - 1);

  const planFor = (m: DemoModel, plan: Plan, monitoringShort = false) => {
    for (const section of SECTIONS) {
      const n =
        PER_SECTION[plan] -
        (monitoringShort && section === 'monitoring' ? 1 : 0);
      for (const test of attestable(section).slice(0, n)) {
        attest(m, test, recent());
      }
    }
  };

  // Served models: their teams have done the paperwork to varying degrees.
  const plans: Plan[] = [
    'platinum',
    'gold',
    'silver',
    'bronze',
    'none',
    'gold',
    'silver',
  ];
  served.forEach((m, i) => planFor(m, plans[i % plans.length]));

  // Unserved models: only attestations can count. The journey model is one test short of silver.
  const journey = unserved[0];
  if (journey) {
    out.journeyModel = journey.name;
    planFor(journey, 'silver', true);
  }
  const unservedPlans: Plan[] = ['bronze', 'none', 'silver', 'none'];
  unserved
    .slice(1)
    .forEach((m, i) => planFor(m, unservedPlans[i % unservedPlans.length]));

  // Attestations made long ago are about to expire (within two weeks): one per team that has a
  // model old enough, so every owner team finds a notice (and the overview a list) in the demo.
  const old = out.attestations
    .filter(a => a.model !== out.journeyModel)
    .filter(a => {
      const m = input.models.find(x => x.name === a.model)!;
      return m.createdAt < now - (DEMO_ATTESTATION_VALIDITY_DAYS - 1) * DAY;
    });
  const expiringTeams = new Set<string>();
  for (const a of old) {
    const m = input.models.find(x => x.name === a.model)!;
    const team = input.teamOf(m.project).team;
    if (expiringTeams.has(team)) continue;
    const days = [3, 6, 10, 13][expiringTeams.size % 4];
    expiringTeams.add(team);
    a.at = now - (DEMO_ATTESTATION_VALIDITY_DAYS - days) * DAY;
  }

  // A reviewer rejected one attestation whose evidence did not show what it claimed: one well
  // inside its validity, not one of those about to expire (with a configured demo time in the
  // past, the portal's own clock may already have expired those when the review is written).
  const reviewed = out.attestations.find(
    a =>
      a.model !== out.journeyModel &&
      a.at < now - 10 * DAY &&
      a.at > now - (DEMO_ATTESTATION_VALIDITY_DAYS - 60) * DAY,
  );
  if (reviewed) {
    reviewed.rejected = {
      by: rng.pick(input.reviewers),
      at: reviewed.at + rng.int(1, 5) * DAY,
      reason:
        'The linked doc is the design proposal, not a record of the check being done; attach the review outcome.',
    };
  }

  // CI and data-validation jobs report what they check, pass or fail.
  const reports: [string, 'pass' | 'fail'][] = [
    ['infra.integration-tested', 'pass'],
    ['data.feature-code-tested', 'pass'],
    ['monitor.data-invariants', 'fail'],
    ['infra.canary', 'pass'],
  ];
  served.slice(0, 6).forEach((m, i) => {
    const [checkId, status] = reports[i % reports.length];
    out.externalResults.push({
      model: m.name,
      checkId,
      status,
      evidenceUrl: `https://ci.sonora.example/${m.project}/${m.name}/${checkId}/${rng.int(1000, 9999)}`,
      observedAt: now - rng.int(2, 72) * HOUR,
      by: 'service:ci/sonora-pipelines',
    });
  });

  out.attestations.sort(
    (a, b) => a.at - b.at || (a.checkId < b.checkId ? -1 : 1),
  );
  out.externalResults.sort((a, b) => a.observedAt - b.observedAt);
  return out;
}
