import {
  CERTIFICATION_SECTIONS,
  ML_TEST_SCORE_RUBRIC,
  PORTAL_CHECKS,
} from '@ml-home/plugin-ml-home-common';
import type { Attestation, Scorecard, ScorecardCheck } from '../types';

/**
 * A scorecard as the backend answers it, built from the rubric: every check fails with no source
 * unless `checks` says otherwise; section scores and the score (their minimum) are summed from
 * the checks' points, so a fixture cannot contradict itself.
 */
export function scorecard(
  options: {
    model?: string;
    level?: string;
    version?: number | null;
    checks?: Record<string, Partial<ScorecardCheck>>;
    nextLevel?: Scorecard['nextLevel'] | null;
  } = {},
): Scorecard {
  const sections = CERTIFICATION_SECTIONS.map(section => {
    const checks = ML_TEST_SCORE_RUBRIC.filter(
      test => test.section === section.id,
    ).map((test): ScorecardCheck => ({
      id: test.id,
      title: test.title,
      status: 'fail',
      points: 0,
      source: 'none',
      ...options.checks?.[test.id],
    }));
    return {
      id: section.id,
      title: section.title,
      score: checks.reduce((n, c) => n + c.points, 0),
      checks,
    };
  });
  const score = Math.min(...sections.map(s => s.score));
  return {
    model: options.model ?? 'churn-model',
    project: 'churn',
    owner: 'group:default/growth',
    ...(options.version === null ? {} : { version: options.version ?? 3 }),
    versionSource: options.version === null ? 'none' : 'alias',
    score,
    level: options.level ?? (score > 0 ? 'bronze' : 'none'),
    band: 'more of a research project than a productionized system',
    sections,
    portalChecks: PORTAL_CHECKS.map(check => ({
      id: check.id,
      title: check.title,
      status: 'pass',
      points: 0,
      source: 'automated',
      ...options.checks?.[check.id],
    })),
    ...(options.nextLevel === null
      ? {}
      : {
          nextLevel: options.nextLevel ?? {
            level: 'bronze',
            minScore: 0,
            steps: [
              {
                checkId: 'data.cost',
                section: 'data',
                action: 'attest',
                points: 0.5,
              },
            ],
          },
        }),
    attestations: [],
    evaluatedAt: new Date(Date.now() - 3600_000).toISOString(),
  };
}

/** Every rubric check passing automatically except those named. */
export function allPassingExcept(
  ids: string[],
): Record<string, Partial<ScorecardCheck>> {
  return Object.fromEntries(
    ML_TEST_SCORE_RUBRIC.filter(t => !ids.includes(t.id)).map(t => [
      t.id,
      { status: 'pass', points: 1, source: 'automated' } as const,
    ]),
  );
}

/** An attestation as the backend answers it. */
export function attestation(extra: Partial<Attestation> = {}): Attestation {
  return {
    id: 'att-1',
    model: 'churn-model',
    checkId: 'data.cost',
    evidenceUrl: 'https://wiki.example.com/cost-review',
    note: 'Reviewed the cost of every feature',
    by: 'user:default/alice',
    at: new Date(Date.now() - 86400_000).toISOString(),
    expiresAt: new Date(Date.now() + 170 * 86400_000).toISOString(),
    state: 'active',
    ...extra,
  };
}
