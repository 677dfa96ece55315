/*
 * The notes a team leaves in ML Home, for the demo: decision records and runbook pointers on
 * projects, caveats on models, release notes on versions, sign-offs and exceptions on
 * evaluations, rollout notes and incident follow-ups on deployments. Some are edited later (a
 * box ticked, an update appended), so the demo has notes with revision history.
 */
import type { EvaluationScore } from '@ml-home/plugin-ml-home-common';
import { Rng } from './demoRandom';
import type {
  DemoDeployment,
  DemoEvaluation,
  DemoModel,
  DemoModelVersion,
  DemoNote,
} from './demoRegistry';
import type { DemoLifecycle, DemoProject, DemoRun } from './generateDemoData';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export interface NoteContext {
  rng: Rng;
  project: DemoProject;
  team: string;
  lifecycle: DemoLifecycle;
  replacedBy?: string;
  /** a team member, 'user:default/<name>' */
  person: () => string;
  /** a tracker ticket key, e.g. HOME-1234 */
  ticket: () => string;
  now: number;
}

const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const time = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const at = (user: string) => `@${user.replace(/^user:default\//, '')}`;
const jira = (key: string) =>
  `[${key}](https://jira.sonora.example/browse/${key})`;
const fmt = (v: number) =>
  Math.abs(v) >= 10 ? v.toFixed(1) : Number(v.toPrecision(3)).toString();
const signed = (v: number) => `${v >= 0 ? '+' : '−'}${fmt(Math.abs(v))}`;

/** A time between `from` and `to` (both clamped to the demo's "now"). */
function between(ctx: NoteContext, from: number, to: number): number {
  const hi = Math.min(to, ctx.now - HOUR);
  const lo = Math.min(from, hi);
  return Math.round(lo + ctx.rng.float() * (hi - lo));
}

/** Maybe a later revision by the same or another team member. */
function maybeEdit(
  ctx: NoteContext,
  note: DemoNote,
  probability: number,
  revise: (body: string, when: number) => string,
): DemoNote {
  if (!ctx.rng.chance(probability) || note.createdAt > ctx.now - 2 * HOUR) {
    return note;
  }
  const when = between(ctx, note.createdAt + HOUR, note.createdAt + 9 * DAY);
  note.edits.push({
    author: ctx.rng.chance(0.6) ? note.author : ctx.person(),
    at: when,
    body: revise(note.body, when),
  });
  return note;
}

const tick = (body: string) => body.replace('- [ ]', '- [x]');

// ---------------------------------------------------------------------------------------------
// Projects

export function projectNotes(ctx: NoteContext): DemoNote[] {
  const { project: p, rng } = ctx;
  const notes: DemoNote[] = [];
  const entity = { type: 'project' as const, project: p.name };
  const start = p.createdAt + 3 * DAY;
  const dashboard = `https://grafana.sonora.example/d/${p.name}/model-health`;

  if (ctx.lifecycle === 'production') {
    const author = ctx.person();
    const when = between(ctx, start, ctx.now - 20 * DAY);
    const people = [...new Set([ctx.person(), ctx.person(), ctx.person()])];
    const key = ctx.ticket();
    notes.push(
      maybeEdit(
        ctx,
        {
          project: p.name,
          entity,
          author,
          createdAt: when,
          body: [
            `## Decision: how a version gets to production (${date(when)})`,
            '',
            '**Context.** Offline wins did not always survive the A/B test: twice last half we rolled back within a week, both times because one slice got worse while the overall number improved.',
            '',
            '**Decision.** A version moves the `production` alias only when',
            '1. its `release-gate` evaluation passes every threshold on every slice,',
            '2. it does not regress against the current production version on any slice by more than the tolerance (0.002), and',
            '3. a 7-day A/B test shows no significant loss on the guardrail metrics.',
            '',
            'Exceptions need a note on the evaluation saying who accepted the risk and until when.',
            '',
            `**Consequences.** Promotions take about a week longer. The on-call runbook links here. Agreed in the weekly with ${people.map(at).join(', ')}; tracked in ${jira(key)}.`,
          ].join('\n'),
          edits: [],
        },
        0.3,
        body =>
          `${body}\n\n**Update:** the A/B step can be skipped for retrains on a new snapshot with no code change, if every slice improves. Rollbacks never need a test.`,
      ),
    );
  }
  if (ctx.lifecycle === 'experimental') {
    const when = between(ctx, start, ctx.now - 5 * DAY);
    notes.push(
      maybeEdit(
        ctx,
        {
          project: p.name,
          entity,
          author: ctx.person(),
          createdAt: when,
          body: [
            '## Open questions',
            '',
            '- [ ] Is the offline metric predictive at all here? We have no A/B result to calibrate against yet.',
            `- [ ] Which serving path: the existing service, or a separate endpoint behind the model gateway? Ask ${at(ctx.person())}.`,
            '- [ ] How much of the gain is just fresher data? Run the old architecture on the new snapshot first.',
            '',
            `Findings go in run notes; summary here every Friday. Tracking: ${jira(ctx.ticket())}.`,
          ].join('\n'),
          edits: [],
        },
        0.5,
        (body, t) =>
          `${tick(body)}\n\n**${date(t)}:** answered the first one: offline and online agree in direction on the two tests we ran, magnitude is off by ~2×.`,
      ),
    );
  }
  if (ctx.lifecycle === 'deprecated') {
    const when = between(ctx, start, ctx.now - 30 * DAY);
    notes.push(
      maybeEdit(
        ctx,
        {
          project: p.name,
          entity,
          author: ctx.person(),
          createdAt: when,
          body: [
            '## Decommission plan',
            '',
            ctx.replacedBy
              ? `Replaced by \`${ctx.replacedBy}\`. Nothing new is trained here.`
              : 'Nothing new is trained here.',
            '',
            '- [ ] Confirm no caller still reads the scores (access logs, 30 days)',
            '- [ ] Retire the production deployment',
            '- [ ] Delete training snapshots older than 90 days (retention)',
            '- [ ] Archive the project',
            '',
            `Owner of the plan: ${at(ctx.person())}. ${jira(ctx.ticket())}`,
          ].join('\n'),
          edits: [],
        },
        0.6,
        (body, t) =>
          `${tick(body)}\n\n**${date(t)}:** still 2 callers (the fallback path and a weekly report). Waiting on them before step 2.`,
      ),
    );
  }
  if (rng.chance(0.6)) {
    const when = between(ctx, start, ctx.now - 2 * DAY);
    notes.push({
      project: p.name,
      entity,
      author: ctx.person(),
      createdAt: when,
      body: rng.pick([
        [
          '### Where things are',
          '',
          `- Training pipeline: \`pipelines/${p.name}/train.py\` (Airflow DAG \`${p.name.replace(/-/g, '_')}_train\`)`,
          `- Model health: ${dashboard}`,
          `- Feature freshness: https://grafana.sonora.example/d/feature-freshness?var-view=${p.name}`,
          `- Runbook: https://wiki.sonora.example/${ctx.team}/runbooks/${p.name}`,
          '',
          'If the nightly feature materialisation is late, the retrain waits on purpose. Do not trigger it by hand without checking freshness first.',
        ].join('\n'),
        [
          `Reminder for new joiners: tag runs with \`dataset_version\` and put the why in the run name (\`no-session-features\`, not \`test2\`). Evaluations without a baseline version do not count for promotion.`,
          '',
          `Office hours on Thursdays, #${ctx.team}.`,
        ].join('\n'),
        [
          `Budget check (${date(when)}): training costs are up ~30% since we moved to the larger snapshot. Before the next sweep, agree on a cap in the weekly. Cost dashboard: https://grafana.sonora.example/d/ml-costs?var-project=${p.name}`,
        ].join('\n'),
      ]),
      edits: [],
    });
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------
// Models and versions

export function modelNote(
  ctx: NoteContext,
  model: DemoModel,
  hardSlice: string,
): DemoNote {
  const when = between(
    ctx,
    model.createdAt + HOUR,
    model.versions[model.versions.length - 1].createdAt,
  );
  const body = model.main
    ? [
        `**Serving contract.** Input: the \`${ctx.project.name}-features\` feature view at request time. Output: one score per candidate. Callers must not cache scores for more than ${ctx.rng.pick([5, 15, 60])} minutes.`,
        '',
        '**Known caveats**',
        `- Weakest on \`${hardSlice}\`: fewer examples and noisier labels. Look at that slice in every evaluation, not only at \`overall\`.`,
        `- Scores are not calibrated across versions; downstream thresholds must be re-tuned after each promotion (${jira(ctx.ticket())}).`,
        '',
        `Questions: #${ctx.team}.`,
      ].join('\n')
    : [
        `**Why this exists.** ${model.description}`,
        '',
        'Not deployed. Evaluated offline on the same slices as the main model; we decide in the quarterly review whether it earns a serving path.',
      ].join('\n');
  return maybeEdit(
    ctx,
    {
      project: ctx.project.name,
      entity: { type: 'model', model: model.name },
      author: ctx.person(),
      createdAt: when,
      body,
      edits: [],
    },
    0.25,
    (b, t) =>
      `${b}\n\n**Update ${date(t)}:** ${ctx.rng.pick([
        'the cache limit is now enforced by the client library.',
        `added \`${hardSlice}\` to the dashboard so it is visible without opening an evaluation.`,
        'owners changed: questions to the team channel, not to individuals.',
      ])}`,
  );
}

export function versionNote(
  ctx: NoteContext,
  model: DemoModel,
  v: DemoModelVersion,
  run: DemoRun,
  score: EvaluationScore | undefined,
): DemoNote | undefined {
  const { rng } = ctx;
  const entity = {
    type: 'model-version' as const,
    model: model.name,
    version: v.version,
  };
  const base = {
    project: ctx.project.name,
    entity,
    author: ctx.person(),
    edits: [] as DemoNote['edits'],
  };
  if (model.aliases.production === v.version) {
    const experiment = `EXP-${rng.int(1000, 9999)}`;
    const when = between(ctx, v.createdAt + 2 * DAY, v.createdAt + 10 * DAY);
    return {
      ...base,
      createdAt: when,
      body: [
        `Released to 100% on ${date(when)} after A/B test [${experiment}](https://experiments.sonora.example/${experiment}).`,
        '',
        `- Primary metric: ${rng.pick(['+0.4%', '+0.7%', '+1.1%', '+0.2% (not significant, shipped for the latency win)'])}`,
        '- Guardrails (crash rate, p99 latency, complaints): neutral',
        v.version > 1
          ? `- Rollback target: v${v.version - 1} (still registered; move the \`production\` alias back and redeploy)`
          : '- First production version: there is no rollback target, the service falls back to the heuristic ranking',
      ].join('\n'),
    };
  }
  if (model.aliases.candidate === v.version) {
    const when = between(ctx, v.createdAt + HOUR, v.createdAt + 2 * DAY);
    return maybeEdit(
      ctx,
      {
        ...base,
        createdAt: when,
        body: [
          `Candidate from run \`${run.name}\`${run.tags.dataset_version ? ` on \`${run.tags.dataset_version}\`` : ''}.`,
          '',
          'Waiting on:',
          '- [ ] release-gate evaluation reviewed',
          '- [ ] A/B slot (next free one is Monday)',
          `- [ ] sign-off from ${at(ctx.person())}`,
        ].join('\n'),
      },
      0.6,
      tick,
    );
  }
  if (score && (!score.pass || score.regressions > 0)) {
    const when = between(ctx, v.createdAt + 3 * HOUR, v.createdAt + 3 * DAY);
    return {
      ...base,
      createdAt: when,
      body: `Not promoting v${v.version} as is: see the note on its evaluation. Kept registered so the comparison stays reproducible.`,
    };
  }
  if (v.version === 1 && model.versions.length > 1 && rng.chance(0.4)) {
    return {
      ...base,
      createdAt: between(ctx, v.createdAt + HOUR, v.createdAt + DAY),
      body: 'Baseline registered so later versions have something to be compared with. Not meant for serving.',
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Evaluations

const FAILURE_CAUSES = [
  (slice: string) =>
    `labels for \`${slice}\` arrive late, so the newest week is under-labelled in this snapshot`,
  (slice: string) =>
    `the \`${slice}\` slice has ~3k examples in this hold-out; the interval is wide`,
  (slice: string) =>
    `a feature is missing for part of \`${slice}\` since the upstream schema change`,
  (slice: string) =>
    `the new sampling under-represents \`${slice}\`; re-weighting should fix it`,
];

export function evaluationNote(
  ctx: NoteContext,
  model: DemoModel,
  e: DemoEvaluation,
  score: EvaluationScore,
): DemoNote | undefined {
  const { rng } = ctx;
  const base = {
    project: ctx.project.name,
    entity: {
      type: 'evaluation' as const,
      model: e.model,
      version: e.version,
      name: e.name,
    },
    author: ctx.person(),
    createdAt: between(ctx, e.createdAt + HOUR, e.createdAt + 2 * DAY),
    edits: [] as DemoNote['edits'],
  };
  const released = model.aliases.production === e.version;
  if (!score.pass) {
    const failing = score.outcomes.find(o => !o.pass)!;
    const slice = failing.slice;
    const cause = rng.pick(FAILURE_CAUSES)(slice);
    const bar = `${failing.threshold.op} ${failing.threshold.value}`;
    const value = failing.value === undefined ? 'missing' : fmt(failing.value);
    const key = ctx.ticket();
    const body = released
      ? [
          `Fails \`${failing.threshold.metric}\` on \`${slice}\`: ${value}, bar ${bar}.`,
          '',
          `That bar is the target we set for next quarter, not a release blocker: exception accepted by ${at(ctx.person())} until ${date(e.createdAt + 45 * DAY)}. Work to close the gap: ${jira(key)}.`,
        ].join('\n')
      : [
          `Fails \`${failing.threshold.metric}\` on \`${slice}\`: ${value}, bar ${bar}. Not promoting v${e.version}.`,
          '',
          `Most likely ${cause}. ${at(ctx.person())} is checking; ${jira(key)}.`,
        ].join('\n');
    return maybeEdit(
      ctx,
      { ...base, body },
      0.5,
      (b, t) =>
        `${b}\n\n**Update ${date(t)}:** ${rng.pick([
          'confirmed. Fix is in the next snapshot; re-evaluating then.',
          'not the data: the same drop shows up with the previous snapshot. Looking at the feature change in this run.',
          'reproduced with 5 seeds, so it is real. Parking this version.',
        ])}`,
    );
  }
  if (score.regressions > 0) {
    const worst = score.deltas
      .filter(d => d.regression)
      .sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0))[0];
    const delta = worst.delta ?? 0;
    // Deltas within a few bootstrap widths may be noise; larger ones are not.
    const noise = Math.abs(worst.relativeDelta ?? delta) < 0.01;
    return maybeEdit(
      ctx,
      {
        ...base,
        body: [
          `Passes every threshold but regresses against v${e.baselineVersion} on ${score.regressions} slice/metric pair${score.regressions > 1 ? 's' : ''}; worst is \`${worst.metric}\` on \`${worst.slice}\` (${signed(delta)}).`,
          '',
          noise
            ? `Bootstrap interval on that slice is about ±0.003, so this may be noise. ${rng.pick(
                [
                  'Re-running with 3 seeds before deciding.',
                  'Asked for a second look in the weekly.',
                ],
              )}`
            : `That is far outside the bootstrap interval (about ±0.003), so not noise: no thresholds on \`${worst.metric}\` for that slice is why the gate did not catch it. Holding until we understand it; ${jira(ctx.ticket())}.`,
        ].join('\n'),
      },
      0.35,
      (b, t) =>
        `${b}\n\n**${date(t)}:** ${
          noise
            ? rng.pick([
                'seeds agree: the regression is real but small. Accepted, and noted in the release checklist.',
                'two of three seeds show no regression: noise. Going ahead.',
              ])
            : `found it: the slice lost a feature in this snapshot. Adding a per-slice threshold on \`${worst.metric}\` so the gate catches this next time.`
        }`,
    );
  }
  if (released && rng.chance(0.6)) {
    const best = score.deltas
      .filter(d => d.improvement)
      .sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0))[0];
    return {
      ...base,
      body: `Signed off for release: all ${score.slices.length} slices pass${
        best
          ? `; biggest gain is \`${best.metric}\` on \`${best.slice}\` (${signed(best.delta ?? 0)} vs v${e.baselineVersion})`
          : ''
      }.`,
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Deployments

const INCIDENT_TEXT = {
  latency: {
    what: 'p99 latency climbed well above the SLO',
    causes: [
      'a feature-store node was evicting its cache under memory pressure, so lookups went to the offline store',
      'a client release doubled the number of candidates per request',
      'noisy neighbour on the shared GPU pool after a node-pool upgrade',
    ],
    items: [
      'Alert on cache hit rate, not only on latency',
      'Cap candidates per request in the service, not in the client',
      'Load test at 2× peak before each client release',
    ],
  },
  errors: {
    what: 'the error rate jumped to several percent (timeouts on feature lookups)',
    causes: [
      'an expired certificate on the feature-store read replica',
      'a bad config push that shortened the lookup timeout to 5 ms',
      'an upstream deploy that returned empty feature rows for new items',
    ],
    items: [
      'Fall back to default features instead of failing the request',
      'Canary config pushes like code',
      'Certificate expiry alert 14 days ahead',
    ],
  },
  drift: {
    what: 'prediction drift (PSI against the training distribution) went above 0.2 and stayed there',
    causes: [
      'an upstream schema change renamed a categorical value, so it was treated as unseen',
      'a marketing campaign brought in an unusual population of new listeners',
      'the nightly materialisation silently skipped a partition',
    ],
    items: [
      'Schema contract test on the upstream table',
      'Drift alert per feature, not only on predictions',
      'Retrain trigger when PSI stays above 0.2 for 24 h',
    ],
  },
};

export function deploymentNotes(
  ctx: NoteContext,
  d: DemoDeployment,
): DemoNote[] {
  const { rng } = ctx;
  const entity = {
    type: 'deployment' as const,
    model: d.model,
    version: d.version,
    environment: d.environment,
    service: d.service,
  };
  const service = d.service.replace(/^component:default\//, '');
  const notes: DemoNote[] = [];
  if (
    d.status === 'active' &&
    d.environment === 'production' &&
    rng.chance(0.5)
  ) {
    notes.push({
      project: d.project,
      entity,
      author: ctx.person(),
      createdAt: between(ctx, d.deployedAt + HOUR, d.deployedAt + 3 * DAY),
      body: [
        `Rolled out v${d.version} on \`${service}\`: 1% → 10% → 50% → 100% over ${rng.int(2, 4)} days, watching the model-health dashboard at each step.`,
        '',
        `Rollback: move the \`production\` alias back to v${Math.max(1, d.version - 1)} and redeploy (\`make rollback ENV=production\`); takes ~10 minutes.`,
      ].join('\n'),
      edits: [],
    });
  }
  if (d.environment === 'staging') {
    notes.push({
      project: d.project,
      entity,
      author: ctx.person(),
      createdAt: between(ctx, d.deployedAt + HOUR, d.deployedAt + DAY),
      body: `Staging deployment of v${d.version} for the shadow test: it receives a mirrored ${rng.pick([1, 5, 10])}% of production traffic and its answers are logged, not served. Do not point clients at this endpoint.`,
      edits: [],
    });
  }
  for (const inc of d.incidents) {
    const text = INCIDENT_TEXT[inc.kind];
    const items = rng.sample(text.items, 2);
    const keys = items.map(() => ctx.ticket());
    const note: DemoNote = {
      project: d.project,
      entity,
      author: ctx.person(),
      createdAt: between(ctx, inc.end + 2 * HOUR, inc.end + 2 * DAY),
      body: [
        `## Incident follow-up: ${inc.ticket} (${date(inc.start)}, ${time(inc.start)}–${time(inc.end)} UTC)`,
        '',
        `**What happened.** ${capitalise(text.what)} on \`${service}\` (${d.environment}).`,
        '',
        `**Root cause.** ${capitalise(rng.pick(text.causes))}.`,
        '',
        '**Action items**',
        ...items.map((item, i) => `- [ ] ${item} (${jira(keys[i])})`),
        '',
        `Postmortem: https://incidents.sonora.example/${inc.ticket} · monitoring for that window is on this deployment.`,
      ].join('\n'),
      edits: [],
    };
    notes.push(maybeEdit(ctx, note, 0.6, tick));
  }
  return notes;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
