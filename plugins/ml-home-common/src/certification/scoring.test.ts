import {
  CERTIFICATION_BANDS,
  certificationBandFor,
  certificationLevelFor,
  DEFAULT_CERTIFICATION_LEVELS,
  validateCertificationLevels,
} from './levels';
import { ML_TEST_SCORE_RUBRIC, PORTAL_CHECKS } from './rubric';
import {
  certificationNeededScore,
  certificationNextLevel,
  resolveCertificationCheck,
  scoreCertification,
  scoreCertificationSections,
} from './scoring';
import type {
  CertificationCheckDefinition,
  CertificationCheckResult,
  CertificationLevel,
  CertificationSectionId,
} from './types';

const NOW = new Date('2026-12-05T12:00:00.000Z');
const LATER = '2027-01-01T00:00:00.000Z';
const EARLIER = '2026-12-01T00:00:00.000Z';

const ids = (section: CertificationSectionId) =>
  ML_TEST_SCORE_RUBRIC.filter(t => t.section === section).map(t => t.id);

const automatable = (section: CertificationSectionId) =>
  ML_TEST_SCORE_RUBRIC.filter(
    t => t.section === section && t.automation.kind !== 'attested-only',
  ).map(t => t.id);

const auto = (checkId: string): CertificationCheckResult => ({
  checkId,
  status: 'pass',
  source: 'automated',
});
const failing = (checkId: string): CertificationCheckResult => ({
  checkId,
  status: 'fail',
  source: 'automated',
});
const attest = (
  checkId: string,
  expiresAt: string = LATER,
): CertificationCheckResult => ({
  checkId,
  status: 'pass',
  source: 'attested',
  expiresAt,
});

/** Results giving each section the asked score: whole points automated, a half attested. */
function withScores(
  scores: Partial<Record<CertificationSectionId, number>>,
): CertificationCheckResult[] {
  const results: CertificationCheckResult[] = [];
  for (const [section, score] of Object.entries(scores) as Array<
    [CertificationSectionId, number]
  >) {
    const whole = Math.floor(score);
    const auto1 = automatable(section);
    const all = ids(section);
    auto1.slice(0, whole).forEach(id => results.push(auto(id)));
    if (score - whole === 0.5) {
      const rest = all.filter(id => !auto1.slice(0, whole).includes(id));
      results.push(attest(rest[0]));
    }
  }
  return results;
}

describe('the ML Test Score rubric', () => {
  it('has the 28 tests of the paper, seven per section numbered 1 to 7, with unique ids', () => {
    expect(ML_TEST_SCORE_RUBRIC).toHaveLength(28);
    for (const section of [
      'data',
      'model',
      'infrastructure',
      'monitoring',
    ] as const) {
      expect(
        ML_TEST_SCORE_RUBRIC.filter(t => t.section === section).map(
          t => t.number,
        ),
      ).toEqual([1, 2, 3, 4, 5, 6, 7]);
    }
    const all = [...ML_TEST_SCORE_RUBRIC, ...PORTAL_CHECKS].map(t => t.id);
    expect(new Set(all).size).toBe(all.length);
    // The same id rule as the backend's extension point applies to added checks.
    all.forEach(id => expect(id).toMatch(/^[a-z0-9]+([.-][a-z0-9]+)*$/));
    ML_TEST_SCORE_RUBRIC.forEach(t => {
      expect(t.evidence.length).toBeGreaterThan(20);
      expect(t.automation.how.length).toBeGreaterThan(10);
    });
  });

  it.each([
    ['data.schema', 'Feature expectations are captured in a schema'],
    [
      'model.slices',
      'Model quality is sufficient on all important data slices',
    ],
    ['infra.reproducible', 'Training is reproducible'],
    ['monitor.staleness', 'Models are not too stale'],
  ])('names %s as the paper does', (id, title) => {
    expect(ML_TEST_SCORE_RUBRIC.find(t => t.id === id)?.title).toBe(title);
  });

  it('has the three portal checks', () => {
    expect(PORTAL_CHECKS.map(c => c.id)).toEqual([
      'portal.owner-group',
      'portal.serving-components',
      'portal.model-card',
    ]);
    PORTAL_CHECKS.forEach(c => expect(c.section).toBe('portal'));
  });
});

describe('certificationBandFor', () => {
  it.each([
    [0, 'research-project'],
    [0.5, 'serious-holes'],
    [1, 'serious-holes'],
    [1.5, 'first-pass'],
    [2, 'first-pass'],
    [2.5, 'reasonably-tested'],
    [3, 'reasonably-tested'],
    [3.5, 'strongly-tested'],
    [5, 'strongly-tested'],
    [5.5, 'exceptional'],
    [7, 'exceptional'],
  ])('reads a score of %s as %s', (score, band) => {
    expect(certificationBandFor(score).id).toBe(band);
  });

  it("uses the paper's wording", () => {
    expect(certificationBandFor(0).text).toBe(
      'more of a research project than a productionized system',
    );
    expect(certificationBandFor(4).text).toBe(
      'strong levels of automated testing and monitoring, appropriate for mission-critical systems',
    );
    expect(CERTIFICATION_BANDS.map(b => b.range)).toEqual([
      '0',
      '(0, 1]',
      '(1, 2]',
      '(2, 3]',
      '(3, 5]',
      '> 5',
    ]);
  });
});

describe('certificationLevelFor', () => {
  it.each([
    [0, 'none'],
    [0.5, 'bronze'],
    [1, 'silver'],
    [1.5, 'silver'],
    [2, 'gold'],
    [2.5, 'gold'],
    [3, 'platinum'],
    [7, 'platinum'],
  ])('gives a score of %s the default level %s', (score, level) => {
    expect(certificationLevelFor(score)).toBe(level);
  });

  const custom: CertificationLevel[] = [
    { name: 'uncertified', minScore: 0, inclusive: true },
    { name: 'certified', minScore: 1.5, inclusive: false },
    { name: 'elite', minScore: 4, inclusive: true },
  ];
  it.each([
    [0, 'uncertified'],
    [1.5, 'uncertified'],
    [2, 'certified'],
    [3.5, 'certified'],
    [4, 'elite'],
  ])('gives a score of %s the custom level %s', (score, level) => {
    expect(certificationLevelFor(score, custom)).toBe(level);
  });
});

describe('validateCertificationLevels', () => {
  it('accepts the defaults', () => {
    expect(() =>
      validateCertificationLevels(DEFAULT_CERTIFICATION_LEVELS),
    ).not.toThrow();
  });

  it.each([
    ['no level', [], /at least one level/],
    [
      'a first level not reached by 0',
      [{ name: 'a', minScore: 1, inclusive: true }],
      /levels\[0\] must be reached by every score/,
    ],
    [
      'levels out of order',
      [
        { name: 'a', minScore: 0, inclusive: true },
        { name: 'b', minScore: 2, inclusive: true },
        { name: 'c', minScore: 1, inclusive: true },
      ],
      /levels\[2\] \("c"\) must be harder to reach than "b"/,
    ],
    [
      'two levels at the same threshold',
      [
        { name: 'a', minScore: 0, inclusive: true },
        { name: 'b', minScore: 0, inclusive: true },
      ],
      /levels\[1\]/,
    ],
    [
      'a name used twice',
      [
        { name: 'a', minScore: 0, inclusive: true },
        { name: 'a', minScore: 1, inclusive: true },
      ],
      /"a" is used twice/,
    ],
    [
      'a negative threshold',
      [
        { name: 'a', minScore: 0, inclusive: true },
        { name: 'b', minScore: -1, inclusive: true },
      ],
      /levels\[1\]\.minScore/,
    ],
  ] as Array<[string, CertificationLevel[], RegExp]>)(
    'refuses %s',
    (_name, levels, message) => {
      expect(() => validateCertificationLevels(levels)).toThrow(message);
    },
  );
});

describe('resolveCertificationCheck', () => {
  const schema = ML_TEST_SCORE_RUBRIC.find(t => t.id === 'data.schema')!;

  it.each<[string, CertificationCheckResult[], object]>([
    ['nothing known', [], { status: 'unknown', source: 'none', points: 0 }],
    [
      'an automated pass',
      [auto('data.schema')],
      { status: 'pass', source: 'automated', points: 1 },
    ],
    [
      'an external pass',
      [
        {
          checkId: 'data.schema',
          status: 'pass',
          source: 'external',
          expiresAt: LATER,
        },
      ],
      { status: 'pass', source: 'external', points: 1 },
    ],
    [
      'an attestation',
      [attest('data.schema')],
      { status: 'pass', source: 'attested', points: 0.5 },
    ],
    [
      'an automated fail and an attestation',
      [failing('data.schema'), attest('data.schema')],
      { status: 'pass', source: 'attested', points: 0.5 },
    ],
    [
      'an automated pass and an attestation',
      [attest('data.schema'), auto('data.schema')],
      { status: 'pass', source: 'automated', points: 1 },
    ],
    [
      'an automated fail',
      [failing('data.schema')],
      { status: 'fail', source: 'automated', points: 0 },
    ],
    [
      'an expired attestation',
      [attest('data.schema', EARLIER)],
      { status: 'unknown', source: 'attested', points: 0, expired: true },
    ],
    [
      'an attestation expiring at this very moment',
      [attest('data.schema', NOW.toISOString())],
      { points: 0, expired: true },
    ],
    [
      'an expired external pass and an automated fail',
      [
        {
          checkId: 'data.schema',
          status: 'pass',
          source: 'external',
          expiresAt: EARLIER,
        },
        failing('data.schema'),
      ],
      { status: 'fail', source: 'automated', points: 0, expired: false },
    ],
    [
      'a rejected attestation',
      [{ ...attest('data.schema'), status: 'fail' }],
      { status: 'fail', source: 'attested', points: 0 },
    ],
    [
      "another check's pass",
      [auto('data.beneficial')],
      { status: 'unknown', source: 'none', points: 0 },
    ],
  ])('scores %s', (_name, results, expected) => {
    expect(resolveCertificationCheck(schema, results, NOW)).toMatchObject(
      expected,
    );
  });

  it('keeps the evidence and times of the result that counts', () => {
    const outcome = resolveCertificationCheck(
      schema,
      [
        failing('data.schema'),
        {
          ...attest('data.schema'),
          evidence: { url: 'https://wiki/schema', text: 'reviewed' },
          observedAt: EARLIER,
        },
      ],
      NOW,
    );
    expect(outcome).toEqual({
      id: 'data.schema',
      title: schema.title,
      section: 'data',
      status: 'pass',
      points: 0.5,
      source: 'attested',
      evidence: { url: 'https://wiki/schema', text: 'reviewed' },
      observedAt: EARLIER,
      expiresAt: LATER,
      expired: false,
    });
  });
});

describe('scoring sections', () => {
  it('sums each section and takes the minimum of the four as the score', () => {
    const scoring = scoreCertification({
      results: withScores({
        data: 3,
        model: 1.5,
        infrastructure: 5,
        monitoring: 2,
      }),
      now: NOW,
    });
    expect(scoring.sections.map(s => [s.id, s.score])).toEqual([
      ['data', 3],
      ['model', 1.5],
      ['infrastructure', 5],
      ['monitoring', 2],
    ]);
    expect(scoring.score).toBe(1.5);
    expect(scoring.level).toBe('silver');
    expect(scoring.band.id).toBe('first-pass');
  });

  it('gives ½ point per attestation and 1 per automated pass', () => {
    const sections = scoreCertificationSections({
      results: [
        ...ids('data')
          .slice(0, 4)
          .map(id => attest(id)),
        ...ids('model').slice(0, 2).map(auto),
      ],
      now: NOW,
    });
    expect(sections[0].score).toBe(2);
    expect(sections[1].score).toBe(2);
  });

  it('counts an expired attestation as 0', () => {
    const fresh = scoreCertification({
      results: withScores({ data: 1, model: 1, infrastructure: 1 }).concat(
        attest(ids('monitoring')[0], '2026-12-06T00:00:00.000Z'),
        auto(ids('monitoring')[1]),
      ),
      now: NOW,
    });
    expect(fresh.score).toBe(1);
    const stale = scoreCertification({
      results: withScores({ data: 1, model: 1, infrastructure: 1 }).concat(
        attest(ids('monitoring')[0], '2026-12-06T00:00:00.000Z'),
        auto(ids('monitoring')[1]),
      ),
      now: new Date('2026-12-06T00:00:00.001Z'),
    });
    expect(stale.score).toBe(1);
    expect(stale.sections[3].score).toBe(1);
    expect(fresh.sections[3].score).toBe(1.5);
  });

  it('leaves the score alone for portal checks, and lists them', () => {
    const scoring = scoreCertification({
      results: [auto('portal.owner-group'), failing('portal.model-card')],
      now: NOW,
    });
    expect(scoring.score).toBe(0);
    expect(scoring.level).toBe('none');
    expect(scoring.portalChecks.map(c => [c.id, c.status, c.points])).toEqual([
      ['portal.owner-group', 'pass', 1],
      ['portal.serving-components', 'unknown', 0],
      ['portal.model-card', 'fail', 0],
    ]);
  });

  it('counts checks an organisation added in their section, and portal ones beside', () => {
    const extraChecks: CertificationCheckDefinition[] = [
      {
        id: 'acme.feature-store',
        section: 'data',
        title: 'Features come from the feature store',
        evidence: 'The feature store lists every feature.',
        automation: { kind: 'automated', how: 'A backend module checks it.' },
      },
      {
        id: 'acme.runbook',
        section: 'portal',
        title: 'A runbook exists',
        evidence: 'TechDocs has a runbook.',
        automation: { kind: 'automated', how: 'A backend module checks it.' },
      },
    ];
    const scoring = scoreCertification({
      results: [
        ...withScores({ model: 1, infrastructure: 1, monitoring: 1 }),
        auto('acme.feature-store'),
        auto('acme.runbook'),
      ],
      now: NOW,
      extraChecks,
    });
    expect(scoring.sections[0].checks.map(c => c.id)).toContain(
      'acme.feature-store',
    );
    expect(scoring.sections[0].score).toBe(1);
    expect(scoring.score).toBe(1);
    expect(scoring.portalChecks.map(c => c.id)).toContain('acme.runbook');
  });

  it('knows the most each section can reach', () => {
    const sections = scoreCertificationSections({ results: [], now: NOW });
    // Attested-only tests can earn ½ at most.
    expect(sections.map(s => s.maxScore)).toEqual([5, 5.5, 6.5, 7]);
  });
});

describe('the next level', () => {
  const plan = (
    scores: Partial<Record<CertificationSectionId, number>>,
    levels?: CertificationLevel[],
  ) => {
    const sections = scoreCertificationSections({
      results: withScores(scores),
      now: NOW,
    });
    return certificationNextLevel(sections, levels);
  };

  it('asks one attestation per section to leave none for bronze', () => {
    const next = plan({})!;
    expect(next.level).toBe('bronze');
    expect(next.neededScore).toBe(0.5);
    expect(next.reachable).toBe(true);
    expect(next.steps).toHaveLength(4);
    next.steps.forEach(s => {
      expect(s.action).toBe('attest');
      expect(s.points).toBe(0.5);
    });
    expect(new Set(next.steps.map(s => s.section)).size).toBe(4);
  });

  it('only names the sections below the level', () => {
    const next = plan({
      data: 1,
      model: 0.5,
      infrastructure: 3,
      monitoring: 1,
    })!;
    expect(next.level).toBe('silver');
    expect(next.sections).toEqual([{ id: 'model', score: 0.5, missing: 0.5 }]);
    expect(next.steps).toEqual([
      expect.objectContaining({
        section: 'model',
        action: 'attest',
        points: 0.5,
      }),
    ]);
  });

  it('raises several sections at once, automating where attesting is not enough', () => {
    const next = plan({
      data: 0,
      model: 1,
      infrastructure: 2,
      monitoring: 1.5,
    })!;
    // Score 0 → bronze would be next; check from silver instead.
    expect(next.level).toBe('bronze');
    const fromSilver = plan({
      data: 1,
      model: 1,
      infrastructure: 2,
      monitoring: 1.5,
    })!;
    expect(fromSilver.level).toBe('gold');
    expect(fromSilver.sections.map(s => [s.id, s.missing])).toEqual([
      ['data', 1],
      ['model', 1],
      ['monitoring', 0.5],
    ]);
    const bySection = (id: string) =>
      fromSilver.steps.filter(s => s.section === id).map(s => s.action);
    expect(bySection('data')).toEqual(['automate']);
    expect(bySection('model')).toEqual(['automate']);
    expect(bySection('monitoring')).toEqual(['attest']);
    expect(fromSilver.steps).toHaveLength(3);
  });

  it('mixes automating and attesting when the gap is 1½', () => {
    const next = plan(
      { data: 0.5, model: 2, infrastructure: 2, monitoring: 2 },
      [
        { name: 'none', minScore: 0, inclusive: true },
        { name: 'gold', minScore: 2, inclusive: true },
      ],
    )!;
    expect(next.level).toBe('gold');
    expect(next.steps.map(s => [s.action, s.points])).toEqual([
      ['automate', 1],
      ['attest', 0.5],
    ]);
  });

  it('upgrades an attested check by automating it when nothing else is left', () => {
    // Every automatable data test is attested, every attested-only one too: only automation helps.
    const results = ids('data').map(id => attest(id));
    const sections = scoreCertificationSections({
      results: results.concat(
        withScores({ model: 5, infrastructure: 5, monitoring: 5 }),
      ),
      now: NOW,
    });
    expect(sections[0].score).toBe(3.5);
    const next = certificationNextLevel(sections, [
      { name: 'none', minScore: 0, inclusive: true },
      { name: 'high', minScore: 4, inclusive: true },
    ])!;
    expect(next.steps).toEqual([
      expect.objectContaining({
        section: 'data',
        action: 'automate',
        points: 0.5,
      }),
    ]);
    expect(automatable('data')).toContain(next.steps[0].checkId);
  });

  it('suggests the checks ML Home decides itself before those a connected system reports', () => {
    // Infrastructure tests 1, 4 and 7 are automated, 2, 3 and 6 external, 5 attested-only. Two
    // more points are needed: automating two tests, ML Home's own before the external ones.
    const next = plan({ data: 3, model: 3, infrastructure: 1, monitoring: 3 }, [
      { name: 'none', minScore: 0, inclusive: true },
      { name: 'three', minScore: 3, inclusive: true },
    ])!;
    // withScores gave the first automatable test (infra.reproducible) its point already.
    expect(next.steps.map(s => [s.checkId, s.action])).toEqual([
      ['infra.validated-before-serving', 'automate'],
      ['infra.rollback', 'automate'],
    ]);
  });

  it('says when a level is out of reach of the rubric', () => {
    const next = plan({}, [
      { name: 'none', minScore: 0, inclusive: true },
      { name: 'impossible', minScore: 6, inclusive: true },
    ])!;
    // Features and data can reach 5 at most: three automatable tests and four attested-only.
    expect(next.reachable).toBe(false);
  });

  it('has nothing above the highest level', () => {
    expect(
      plan({ data: 3, model: 3, infrastructure: 3, monitoring: 3 }),
    ).toBeNull();
  });

  it.each([
    [{ name: 'x', minScore: 1, inclusive: true }, 1],
    [{ name: 'x', minScore: 1, inclusive: false }, 1.5],
    [{ name: 'x', minScore: 0, inclusive: false }, 0.5],
    [{ name: 'x', minScore: 1.2, inclusive: true }, 1.5],
    [{ name: 'x', minScore: 1.2, inclusive: false }, 1.5],
  ])('needs a score reaching %o of %s', (level, needed) => {
    expect(certificationNeededScore(level)).toBe(needed);
  });

  it('uses a custom exclusive threshold', () => {
    const next = plan({ data: 1, model: 1, infrastructure: 1, monitoring: 1 }, [
      { name: 'none', minScore: 0, inclusive: true },
      { name: 'ready', minScore: 1, inclusive: false },
    ])!;
    expect(next.neededScore).toBe(1.5);
    expect(next.steps).toHaveLength(4);
    next.steps.forEach(s => expect(s.action).toBe('attest'));
  });

  it('names the fewest checks, whatever the section holds (compared with trying every subset)', () => {
    // A seeded PRNG (mulberry32) so the comparison is reproducible.
    let seed = 42;
    const random = () => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const levels: CertificationLevel[] = [
      { name: 'none', minScore: 0, inclusive: true },
      { name: 'target', minScore: 0, inclusive: true },
    ];
    for (let round = 0; round < 200; round++) {
      const results: CertificationCheckResult[] = [];
      for (const test of ML_TEST_SCORE_RUBRIC) {
        const r = random();
        if (r < 0.2) results.push(auto(test.id));
        else if (r < 0.45) results.push(attest(test.id));
        else if (r < 0.55) results.push(failing(test.id));
      }
      const sections = scoreCertificationSections({ results, now: NOW });
      const target = 1 + Math.floor(random() * 10) / 2;
      levels[1] = { name: 'target', minScore: target, inclusive: true };
      if (Math.min(...sections.map(s => s.score)) >= target) continue;
      const next = certificationNextLevel(sections, levels)!;
      for (const section of sections) {
        const gains = section.checks.map(c => {
          const test = ML_TEST_SCORE_RUBRIC.find(t => t.id === c.id)!;
          return (
            (test.automation.kind === 'attested-only' ? 0.5 : 1) - c.points
          );
        });
        let best = Infinity;
        for (let mask = 0; mask < 1 << gains.length; mask++) {
          let total = 0;
          let count = 0;
          gains.forEach((g, i) => {
            if (mask & (1 << i)) {
              total += g;
              count++;
            }
          });
          if (section.score + total >= target) best = Math.min(best, count);
        }
        const steps = next.steps.filter(s => s.section === section.id);
        const gained = steps.reduce((a, s) => a + s.points, 0);
        // Out of reach: the plan says so. Otherwise: the fewest steps, and they reach the target.
        const planned =
          best === Infinity
            ? { reachable: next.reachable }
            : {
                steps: steps.length,
                reachesTarget:
                  section.score >= target || section.score + gained >= target,
              };
        const wanted =
          best === Infinity
            ? { reachable: false }
            : {
                steps: section.score >= target ? 0 : best,
                reachesTarget: true,
              };
        expect(planned).toEqual(wanted);
      }
    }
  });
});
