import fs from 'fs';
import path from 'path';
import {
  OVERALL_SLICE,
  metricDirection,
  scoreEvaluation,
} from '@ml-home/plugin-ml-home-common';
import { DEMO_SERVICES } from './demoDomains';
import { DEMO_COMPANIONS } from './demoRegistry';
import {
  DEMO_EPOCH_MS,
  DEMO_TEAMS,
  DEMO_VARIANTS,
  DemoDataset,
  DemoEntityRef,
  DemoEvaluation,
  generateDemoData,
  isLowerBetterMetric,
  summarizeDemoData,
} from './generateDemoData';
import { DEMO_ATTESTATION_VALIDITY_DAYS } from './demoCertification';

const SLUG = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const EXAMPLES = path.resolve(__dirname, '../../../../examples');

interface YamlEntity {
  kind: string;
  name: string;
  memberOf: string[];
  type: string;
  owner: string;
  system: string;
  /** the `ml-home.io/models` annotation, split */
  models: string[];
}

/**
 * A tiny line-based reader for the catalog files in examples/: enough to get each document's
 * kind, metadata.name, spec.memberOf (flow `[a, b]` or block `- a` lists), spec.type, owner and
 * system, and the `ml-home.io/models` annotation (inline or a folded `>-` block).
 */
function readEntities(file: string): YamlEntity[] {
  const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
  return text
    .split(/^---\s*$/m)
    .map(doc => {
      const lines = doc.split('\n');
      let kind = '';
      let name = '';
      const memberOf: string[] = [];
      const spec: Record<string, string> = {};
      let models = '';
      let inModels = false;
      let section = '';
      let inMemberOf = false;
      for (const line of lines) {
        if (/^\s*#/.test(line) || line.trim() === '') continue;
        if (inModels && /^ {6}\S/.test(line)) {
          models += ` ${line.trim()}`;
          continue;
        }
        inModels = false;
        const annotation = /^ {4}ml-home\.io\/models:\s*(.*)$/.exec(line);
        if (section === 'metadata' && annotation) {
          models = annotation[1] === '>-' ? '' : annotation[1];
          inModels = annotation[1] === '>-';
          continue;
        }
        const top = /^([A-Za-z]+):\s*(.*)$/.exec(line);
        if (top) {
          section = top[1];
          if (section === 'kind') kind = top[2].trim();
          inMemberOf = false;
          continue;
        }
        const second = /^ {2}([A-Za-z]+):\s*(.*)$/.exec(line);
        if (second) {
          inMemberOf = false;
          if (section === 'metadata' && second[1] === 'name')
            name = second[2].trim();
          if (section === 'spec') spec[second[1]] = second[2].trim();
          if (section === 'spec' && second[1] === 'memberOf') {
            const flow = /^\[(.*)\]$/.exec(second[2].trim());
            if (flow) {
              memberOf.push(
                ...flow[1]
                  .split(',')
                  .map(s => s.trim())
                  .filter(Boolean),
              );
            } else {
              inMemberOf = true;
            }
          }
          continue;
        }
        const item = /^\s+-\s*(\S+)\s*$/.exec(line);
        if (inMemberOf && item) memberOf.push(item[1]);
      }
      return {
        kind,
        name,
        memberOf,
        type: spec.type ?? '',
        owner: spec.owner ?? '',
        system: spec.system ?? '',
        models: models
          .split(',')
          .map(m => m.trim())
          .filter(Boolean),
      };
    })
    .filter(e => e.kind !== '');
}

describe('generateDemoData', () => {
  const org = readEntities('org.yaml');
  const systems = readEntities('systems.yaml');
  const teams = org
    .filter(e => e.kind === 'Group' && e.name !== 'ml-org')
    .map(e => e.name);
  const users = new Map(
    org.filter(e => e.kind === 'User').map(e => [e.name, e.memberOf]),
  );
  const catalogRefs = new Set(
    systems.map(e => `${e.kind.toLowerCase()}:default/${e.name}`),
  );

  let data: DemoDataset;
  beforeAll(() => {
    data = generateDemoData();
  });

  it('reads the example catalog files', () => {
    expect(teams.sort()).toEqual(
      [
        'home-ranking',
        'podcast-recs',
        'search-relevance',
        'ads-ml',
        'churn-prediction',
        'speech-ml',
        'trust-safety-ml',
        'ml-platform',
      ].sort(),
    );
    expect(users.get('guest')).toEqual(['home-ranking']);
    expect(catalogRefs.has('system:default/home-feed')).toBe(true);
    expect(catalogRefs.has('component:default/home-feed-ranker')).toBe(true);
  });

  it('DEMO_TEAMS matches examples/org.yaml', () => {
    expect(DEMO_TEAMS.map(t => t.name).sort()).toEqual([...teams].sort());
    for (const team of DEMO_TEAMS) {
      const members = [...users.entries()]
        .filter(([, m]) => m.includes(team.name))
        .map(([u]) => u);
      expect([...team.users].sort()).toEqual(members.sort());
      expect(team.users.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('is deterministic', () => {
    // deep equality (including NaN values) on a small scale; byte-identical JSON at scale 1
    const small = generateDemoData({ scale: 0.1 });
    expect(generateDemoData({ scale: 0.1, seed: 20261126 })).toEqual(small);
    expect(JSON.stringify(generateDemoData()) === JSON.stringify(data)).toBe(
      true,
    );
  });

  it('differs for a different seed', () => {
    const other = generateDemoData({ seed: 7, scale: 0.1 });
    const small = generateDemoData({ scale: 0.1 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(small));
    expect(other.runs[0].runId).not.toBe(small.runs[0].runId);
  });

  it('lays every time relative to the given now, running runs minutes or hours before it', () => {
    const now = Date.UTC(2027, 2, 14, 9, 26);
    const later = generateDemoData({ scale: 0.1, now });
    const small = generateDemoData({ scale: 0.1 });
    const shift = now - DEMO_EPOCH_MS;
    // The same data, moved in time as a whole.
    expect(later.runs.map(r => r.startTime - shift)).toEqual(
      small.runs.map(r => r.startTime),
    );
    expect(later.models.map(m => m.createdAt - shift)).toEqual(
      small.models.map(m => m.createdAt),
    );
    expect(later.deployments.map(d => d.deployedAt - shift)).toEqual(
      small.deployments.map(d => d.deployedAt),
    );
    const running = later.runs.filter(r => r.status === 'RUNNING');
    expect(running.length).toBeGreaterThan(0);
    for (const r of running) {
      expect(r.startTime).toBeLessThanOrEqual(now);
      expect(now - r.startTime).toBeLessThan(12 * 3_600_000);
    }
    const newest = Math.max(...later.runs.map(r => r.endTime ?? r.startTime));
    expect(now - newest).toBeLessThan(12 * 3_600_000);
    expect(() => generateDemoData({ scale: 0.1, now: NaN })).toThrow('now');
  });

  it('declares the direction of every evaluation metric and of known run metrics, and no other', () => {
    const wrong: string[] = [];
    for (const p of data.projects) {
      const declared = p.metricDirections;
      expect(Object.keys(declared)).toEqual(Object.keys(declared).sort());
      for (const e of data.evaluations.filter(x => x.project === p.name)) {
        for (const r of e.results) {
          const got = declared[r.metric];
          const want = e.directions[r.metric];
          const ok = want ? got === want : got === 'higher' || got === 'lower';
          if (!ok) wrong.push(`${p.name} ${r.metric}: ${got}, not ${want}`);
        }
      }
      expect(declared).not.toHaveProperty('grad_norm');
      expect(declared).not.toHaveProperty('learning_rate');
      for (const [key, direction] of Object.entries(declared)) {
        if (key.endsWith('loss') && direction !== 'lower') {
          wrong.push(`${p.name} ${key}: ${direction}, not lower`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(
      data.runs.some(r => r.metrics.some(m => m.key === 'learning_rate')),
    ).toBe(true);
  });

  it('lays certification evidence for levels to be earned: attestations, a rejection, near expiries, CI results', () => {
    const { attestations, externalResults, journeyModel } = data.certification;
    const DAY = 24 * 3_600_000;
    const now = DEMO_EPOCH_MS;
    expect(attestations.length).toBeGreaterThan(40);
    for (const a of attestations) {
      const model = data.models.find(m => m.name === a.model)!;
      expect(a.at).toBeLessThanOrEqual(now);
      expect(a.at).toBeGreaterThan(model.createdAt);
      expect(a.evidenceUrl).toMatch(/^https:\/\//);
      expect(a.by).toMatch(/^user:default\//);
    }
    const expiresIn = (a: { at: number }) =>
      (a.at + DEMO_ATTESTATION_VALIDITY_DAYS * DAY - now) / DAY;
    const soon = attestations.filter(
      a => expiresIn(a) > 0 && expiresIn(a) <= 14,
    );
    expect(soon.length).toBeGreaterThanOrEqual(3);
    // One per team, the guest's among them: each owner team gets a notice of its own.
    const teamOfModel = (name: string) =>
      data.projects.find(
        p => p.name === data.models.find(m => m.name === name)!.project,
      )!.owner;
    const soonTeams = soon.map(a => teamOfModel(a.model));
    expect(new Set(soonTeams).size).toBe(soonTeams.length);
    expect(soonTeams).toContain('group:default/home-ranking');
    const rejected = attestations.filter(a => a.rejected);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].rejected!.reason.length).toBeGreaterThan(20);
    expect(rejected[0].rejected!.at).toBeLessThanOrEqual(now);
    expect(expiresIn(rejected[0])).toBeGreaterThan(60);
    expect(new Set(externalResults.map(r => r.status))).toEqual(
      new Set(['pass', 'fail']),
    );
    // The journey's model: no certified version, two attested tests in three sections and one
    // in monitoring, so one more monitoring attestation lifts its minimum from ½ to 1.
    expect(journeyModel).toBeDefined();
    expect(data.deployments.some(d => d.model === journeyModel)).toBe(false);
    const sectionOf = (id: string) => id.split('.')[0];
    const counts: Record<string, number> = {};
    for (const a of attestations.filter(x => x.model === journeyModel)) {
      counts[sectionOf(a.checkId)] = (counts[sectionOf(a.checkId)] ?? 0) + 1;
    }
    expect(counts).toEqual({ data: 2, model: 2, infra: 2, monitor: 1 });
    // Deterministic.
    expect(generateDemoData().certification).toEqual(data.certification);
  });

  it('scales the number of projects', () => {
    const small = generateDemoData({ scale: 0.1 });
    expect(small.projects).toHaveLength(4);
    // a smaller scale is a prefix of a larger one
    expect(small.projects).toEqual(data.projects.slice(0, 4));
    const firstFour = new Set(small.projects.map(p => p.name));
    expect(small.models).toEqual(
      data.models.filter(m => firstFour.has(m.project)),
    );
    expect(small.notes).toEqual(
      data.notes.filter(n => firstFour.has(n.project)),
    );
    expect(new Set(small.projects.map(p => p.owner)).size).toBe(4);
    expect(() => generateDemoData({ scale: 0 })).toThrow();
  });

  it('has counts within the stated ranges', () => {
    const summary = summarizeDemoData(data);
    expect(summary.projects).toBe(40);
    expect(summary.experiments).toBe(data.experiments.length);
    expect(summary.runs).toBe(data.runs.length);
    expect(summary.points).toBeGreaterThan(100_000);
    expect(summary.points).toBeLessThanOrEqual(600_000);

    for (const project of data.projects) {
      const experiments = data.experiments.filter(
        e => e.project === project.name,
      );
      const runs = data.runs.filter(r => r.project === project.name);
      expect(experiments.length).toBeGreaterThanOrEqual(1);
      expect(experiments.length).toBeLessThanOrEqual(4);
      expect(runs.length).toBeGreaterThanOrEqual(5);
      expect(runs.length).toBeLessThanOrEqual(60);
    }
    for (const run of data.runs) {
      expect(run.metrics.length).toBeGreaterThanOrEqual(3);
      expect(run.metrics.length).toBeLessThanOrEqual(8);
    }

    const lifecycles = new Set(data.projects.map(p => p.lifecycle));
    expect(lifecycles).toEqual(
      new Set(['production', 'experimental', 'deprecated']),
    );
    expect(
      data.projects.filter(p => p.lifecycle === 'production').length,
    ).toBeGreaterThan(20);
    const statuses = new Set(data.runs.map(r => r.status));
    expect(statuses).toEqual(
      new Set(['FINISHED', 'FAILED', 'KILLED', 'RUNNING']),
    );
  });

  it('uses valid and unique names and ids', () => {
    const projectNames = data.projects.map(p => p.name);
    expect(new Set(projectNames).size).toBe(projectNames.length);
    expect(projectNames.filter(n => !SLUG.test(n))).toEqual([]);

    for (const project of data.projects) {
      const names = data.experiments
        .filter(e => e.project === project.name)
        .map(e => e.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(SLUG);
      for (const tag of project.tags) expect(tag).toMatch(SLUG);
    }
    const experimentKeys = new Set(
      data.experiments.map(e => `${e.project}/${e.name}`),
    );
    expect(
      data.runs.filter(
        r => !experimentKeys.has(`${r.project}/${r.experiment}`),
      ),
    ).toEqual([]);

    const runIds = data.runs.map(r => r.runId);
    expect(new Set(runIds).size).toBe(runIds.length);
    expect(runIds.filter(id => !/^[0-9a-f]{32}$/.test(id))).toEqual([]);

    // beyond 40 projects, names are variants such as search-ranking-emea
    const bigger = generateDemoData({ scale: 1.5 });
    const biggerNames = bigger.projects.map(p => p.name);
    expect(biggerNames).toHaveLength(60);
    expect(new Set(biggerNames).size).toBe(60);
    expect(biggerNames).toContain('home-feed-ranking-emea');
    expect(biggerNames.filter(n => !SLUG.test(n))).toEqual([]);
  });

  it('references only teams, users and catalog entities that exist', () => {
    const projectOwner = new Map(data.projects.map(p => [p.name, p.owner]));
    for (const project of data.projects) {
      const match = /^group:default\/(.+)$/.exec(project.owner);
      expect(match).not.toBeNull();
      expect(teams).toContain(match![1]);
      expect(project.relatedEntities.length).toBeGreaterThan(0);
      for (const ref of project.relatedEntities)
        expect(catalogRefs).toContain(ref);
      expect(project.description).toMatch(/^## /m);
      expect(project.description).toMatch(/^- /m);
      expect(project.links.length).toBeGreaterThan(0);
    }
    const errors: string[] = [];
    for (const run of data.runs) {
      const user = /^user:default\/(.+)$/.exec(run.user)?.[1] ?? '';
      const team = projectOwner.get(run.project)!.replace('group:default/', '');
      if (!(users.get(user) ?? []).includes(team))
        errors.push(`${run.runId}: ${run.user} is not in ${team}`);
      if (run.tags['mlflow.user'] !== user)
        errors.push(`${run.runId}: mlflow.user tag`);
      if (run.tags.team !== team) errors.push(`${run.runId}: team tag`);
      if (!/^[0-9a-f]{40}$/.test(run.tags['mlflow.source.git.commit'] ?? ''))
        errors.push(`${run.runId}: git commit`);
      if (!['dev', 'staging', 'prod'].includes(run.tags.stage))
        errors.push(`${run.runId}: stage`);
    }
    expect(errors).toEqual([]);
  });

  it('has consistent timestamps', () => {
    const projectCreated = new Map(
      data.projects.map(p => [p.name, p.createdAt]),
    );
    const experimentCreated = new Map(
      data.experiments.map(e => [`${e.project}/${e.name}`, e.createdAt]),
    );
    const errors: string[] = [];
    for (const e of data.experiments) {
      if (e.createdAt < projectCreated.get(e.project)!)
        errors.push(`experiment ${e.project}/${e.name} before its project`);
    }
    for (const p of data.projects)
      if (p.createdAt > DEMO_EPOCH_MS)
        errors.push(`project ${p.name} in the future`);
    for (const run of data.runs) {
      if (
        run.startTime <
        experimentCreated.get(`${run.project}/${run.experiment}`)!
      )
        errors.push(`${run.runId} before its experiment`);
      if (
        run.status === 'RUNNING'
          ? run.endTime !== undefined
          : !(run.endTime! > run.startTime)
      ) {
        errors.push(`${run.runId} (${run.status}) has endTime ${run.endTime}`);
      }
      const end = run.endTime ?? DEMO_EPOCH_MS;
      if (end > DEMO_EPOCH_MS)
        errors.push(`${run.runId} ends after DEMO_EPOCH_MS`);
      for (const series of run.metrics) {
        for (const p of series.points) {
          if (p.timestamp < run.startTime || p.timestamp > end) {
            errors.push(`${run.runId} ${series.key}@${p.step} outside the run`);
            break;
          }
        }
      }
    }
    expect(errors).toEqual([]);
  });

  it('produces plausible metric series', () => {
    const errors: string[] = [];
    let finishedChecked = 0;
    let diverged = 0;
    const nonTask = [
      'train_loss',
      'val_loss',
      'learning_rate',
      'grad_norm',
      'throughput_samples_per_sec',
    ];
    for (const run of data.runs) {
      const keys = run.metrics.map(m => m.key);
      if (new Set(keys).size !== keys.length)
        errors.push(`${run.runId}: duplicate metric keys`);
      if (!keys.includes('train_loss') || !keys.includes('val_loss'))
        errors.push(`${run.runId}: missing losses`);
      for (const series of run.metrics) {
        if (series.points.length === 0)
          errors.push(`${run.runId} ${series.key}: empty`);
        for (let i = 1; i < series.points.length; i++) {
          const [a, b] = [series.points[i - 1], series.points[i]];
          if (!(b.step > a.step) || !(b.timestamp > a.timestamp)) {
            errors.push(
              `${run.runId} ${series.key}: step/timestamp not increasing at ${b.step}`,
            );
            break;
          }
        }
      }
      const trainLoss =
        run.metrics.find(m => m.key === 'train_loss')?.points ?? [];
      if (
        trainLoss.length > 0 &&
        Number.isNaN(trainLoss[trainLoss.length - 1].value)
      ) {
        if (run.status !== 'FAILED')
          errors.push(`${run.runId}: NaN loss in a ${run.status} run`);
        diverged++;
      }
      if (run.status !== 'FINISHED') continue;
      finishedChecked++;
      if (!(trainLoss[trainLoss.length - 1].value < trainLoss[0].value)) {
        errors.push(`${run.runId}: training loss did not decrease`);
      }
      const taskMetrics = run.metrics.filter(m => !nonTask.includes(m.key));
      if (taskMetrics.length === 0) errors.push(`${run.runId}: no task metric`);
      for (const m of taskMetrics) {
        const first = m.points[0].value;
        const last = m.points[m.points.length - 1].value;
        const improved = isLowerBetterMetric(m.key)
          ? last < first
          : last > first;
        if (!improved)
          errors.push(`${run.runId} ${m.key}: ${first} -> ${last}`);
        if (m.points.some(p => !Number.isFinite(p.value)))
          errors.push(`${run.runId} ${m.key}: non-finite value`);
      }
    }
    expect(errors).toEqual([]);
    expect(finishedChecked).toBeGreaterThan(data.runs.length / 2);
    expect(diverged).toBeGreaterThan(0);
    expect(
      data.runs.filter(r => r.status === 'RUNNING').length,
    ).toBeGreaterThan(0);

    // stopped and running runs end early: fewer training-loss points than the planned last step
    const partial = data.runs.filter(
      r => r.status === 'RUNNING' || r.status === 'KILLED',
    );
    expect(partial.length).toBeGreaterThan(0);
  });

  it('rewards better hyper-parameters reproducibly', () => {
    // for gbdt runs of one project: a sensible config beats an extreme one on the task metric
    const project = 'search-ranking';
    const finished = data.runs.filter(
      r => r.project === project && r.status === 'FINISHED',
    );
    expect(finished.length).toBeGreaterThan(0);
    const finalNdcg = (r: (typeof finished)[number]) => {
      const s = r.metrics.find(m => m.key === 'ndcg_at_10')!.points;
      return s[s.length - 1].value;
    };
    const score = (r: (typeof finished)[number]) =>
      Math.abs(Math.log10(Number(r.params.learning_rate) / 0.06)) +
      Math.abs(Number(r.params.max_depth) - 7) / 4;
    const sorted = [...finished].sort((a, b) => score(a) - score(b));
    const half = Math.floor(sorted.length / 2);
    expect(half).toBeGreaterThan(0);
    const mean = (rs: typeof finished) =>
      rs.reduce((s, r) => s + finalNdcg(r), 0) / rs.length;
    expect(mean(sorted.slice(0, half))).toBeGreaterThan(
      mean(sorted.slice(sorted.length - half)),
    );
  });

  it('keeps params and tags within MLflow limits', () => {
    const errors: string[] = [];
    for (const run of data.runs) {
      for (const [k, v] of Object.entries(run.params)) {
        if (k.length > 250 || typeof v !== 'string' || v.length > 6000)
          errors.push(`${run.runId} param ${k}`);
      }
      for (const [k, v] of Object.entries(run.tags)) {
        if (k.length > 250 || typeof v !== 'string' || v.length > 8000)
          errors.push(`${run.runId} tag ${k}`);
      }
      if (run.name.length === 0 || run.name.length > 250)
        errors.push(`${run.runId} name`);
    }
    expect(errors).toEqual([]);
  });
  describe('registry', () => {
    const DAY = 24 * 60 * 60 * 1000;
    const HOUR = 60 * 60 * 1000;
    const services = systems.filter(
      e => e.kind === 'Component' && e.type === 'service',
    );
    const baselineOf = (e: DemoEvaluation) =>
      data.evaluations.find(
        x =>
          x.model === e.model &&
          x.name === e.name &&
          x.version === e.baselineVersion,
      );
    const score = (e: DemoEvaluation) =>
      scoreEvaluation({
        results: e.results,
        thresholds: e.thresholds,
        baseline: baselineOf(e)?.results,
        directions: e.directions,
        tolerance: e.tolerance,
      });

    it('knows the serving components of examples/systems.yaml and the models they name', () => {
      expect(
        DEMO_SERVICES.map(s => ({
          name: s.name,
          owner: s.owner,
          system: s.system,
          models: [...s.models],
        })),
      ).toEqual(
        services.map(s => ({
          name: s.name,
          owner: s.owner,
          system: s.system,
          models: s.models,
        })),
      );
      // The catalog engineer annotates the main models of most projects.
      expect(services.flatMap(s => s.models).length).toBeGreaterThanOrEqual(30);
    });

    it('gives every project a main model and at most two companions, all uniquely named', () => {
      for (const project of data.projects) {
        const models = data.models.filter(m => m.project === project.name);
        expect(models.length).toBeGreaterThanOrEqual(1);
        expect(models.length).toBeLessThanOrEqual(3);
        expect(models.filter(m => m.main).map(m => m.name)).toEqual([
          `${project.name}-model`,
        ]);
      }
      expect(data.models.some(m => !m.main)).toBe(true);
      const bigger = generateDemoData({ scale: 1.5 });
      const names = bigger.models.map(m => m.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names.filter(n => !SLUG.test(n))).toEqual([]);
      // At any scale: a companion `<p>-<suffix>-model` never meets the main model of a variant
      // project `<p>-<slug>` (slugs repeat as `<slug>-2`, `<slug>-3`, ...).
      const suffixes = Object.values(DEMO_COMPANIONS).flatMap(l =>
        l.map(c => c.suffix),
      );
      for (const suffix of suffixes)
        for (const { slug } of DEMO_VARIANTS)
          expect(suffix === slug || suffix.startsWith(`${slug}-`)).toBe(false);
    });

    it('builds 1-8 versions per model from finished runs, with aliases that replay', () => {
      const runs = new Map(data.runs.map(r => [r.runId, r]));
      const counts = new Set<number>();
      const errors: string[] = [];
      for (const m of data.models) {
        const n = m.versions.length;
        counts.add(n);
        if (n < 1 || n > 8) errors.push(`${m.name}: ${n} versions`);
        m.versions.forEach((v, i) => {
          const run = runs.get(v.runId);
          if (v.version !== i + 1) errors.push(`${m.name} v${v.version}`);
          if (!run || run.project !== m.project)
            errors.push(`${m.name} v${v.version}: run of another project`);
          else if (!(v.createdAt > (run.endTime ?? 0)))
            errors.push(
              `${m.name} v${v.version}: registered before its run ended`,
            );
          if (v.createdAt > DEMO_EPOCH_MS) errors.push(`${m.name}: future`);
          if (i > 0 && !(v.createdAt > m.versions[i - 1].createdAt))
            errors.push(`${m.name} v${v.version}: out of order`);
        });
        if (m.aliases.champion === undefined)
          errors.push(`${m.name}: no champion`);
        // Replaying the moves ends where the aliases are, never moving an alias onto itself.
        const replay: Record<string, number> = {};
        let at = 0;
        for (const move of m.aliasMoves) {
          if (replay[move.alias] === move.version)
            errors.push(`${m.name}: no-op move of ${move.alias}`);
          if (move.at < at || move.at > DEMO_EPOCH_MS)
            errors.push(`${m.name}: move times`);
          if (move.version < 1 || move.version > n)
            errors.push(`${m.name}: move to v${move.version}`);
          replay[move.alias] = move.version;
          at = move.at;
        }
        expect(replay).toEqual(m.aliases);
      }
      expect(errors).toEqual([]);
      expect(Math.min(...counts)).toBe(1);
      expect(Math.max(...counts)).toBe(8);
      const mains = data.models.filter(m => m.main);
      const lifecycle = new Map(data.projects.map(p => [p.name, p.lifecycle]));
      for (const m of mains) {
        expect(m.aliases.production !== undefined).toBe(
          lifecycle.get(m.project) !== 'experimental',
        );
      }
      expect(mains.some(m => m.aliases.candidate !== undefined)).toBe(true);
      expect(
        mains.some(
          m =>
            m.aliases.production !== undefined &&
            m.aliases.champion > m.aliases.production,
        ),
      ).toBe(true);
    });

    it('gives every project a training, evaluation and feature set with a schema, read by every run', () => {
      for (const project of data.projects) {
        const sets = data.datasets.filter(d => d.project === project.name);
        expect(sets.map(d => [d.kind, d.name])).toEqual([
          ['training-set', `${project.name}-train`],
          ['evaluation-set', `${project.name}-eval`],
          ['feature-set', `${project.name}-features`],
        ]);
        for (const d of sets) {
          expect(d.name).toMatch(SLUG);
          expect(d.features.length).toBeGreaterThanOrEqual(6);
          for (const f of d.features) {
            expect(f.name).toMatch(/^[a-z][a-z0-9_]*$/);
            expect(f.type).not.toBe('');
            expect(f.description.length).toBeGreaterThan(5);
          }
          expect(d.createdAt).toBeGreaterThan(project.createdAt);
        }
        // the feature set has no label; the training set does
        expect(sets[2].features.some(f => f.name.startsWith('label_'))).toBe(
          false,
        );
        expect(sets[0].features.some(f => f.name.startsWith('label_'))).toBe(
          true,
        );
      }
      expect(data.runInputs.map(i => i.runId)).toEqual(
        data.runs.map(r => r.runId),
      );
      for (const input of data.runInputs)
        expect(input.datasets).toEqual([
          `${input.project}-train`,
          `${input.project}-features`,
        ]);
    });

    it('evaluates the newest 2-3 versions on 4-12 slices of the schema, against the previous version', () => {
      const errors: string[] = [];
      for (const m of data.models) {
        const evals = data.evaluations.filter(e => e.model === m.name);
        const n = m.versions.length;
        const versions = evals.map(e => e.version);
        const expectedCount = Math.min(n, versions.length);
        if (versions.length < Math.min(n, 2) || versions.length > 3)
          errors.push(`${m.name}: ${versions.length} evaluations of ${n}`);
        if (
          versions.join() !==
          versions.map((_, i) => n - expectedCount + 1 + i).join()
        )
          errors.push(`${m.name}: evaluates ${versions.join()} of ${n}`);
        const schema = data.datasets.find(
          d => d.project === m.project && d.kind === 'evaluation-set',
        )!.features;
        for (const e of evals) {
          if (e.dataset !== `${m.project}-eval`)
            errors.push(`${m.name}: dataset`);
          if (e.baselineVersion !== (e.version > 1 ? e.version - 1 : undefined))
            errors.push(
              `${m.name} v${e.version}: baseline ${e.baselineVersion}`,
            );
          const slices = [...new Set(e.results.map(r => r.slice))];
          const metrics = [...new Set(e.results.map(r => r.metric))];
          if (slices.length < 4 || slices.length > 12)
            errors.push(`${m.name} v${e.version}: ${slices.length} slices`);
          if (metrics.length < 2 || metrics.length > 4)
            errors.push(`${m.name} v${e.version}: ${metrics.length} metrics`);
          if (e.results.length !== slices.length * metrics.length)
            errors.push(`${m.name} v${e.version}: a slice lacks a metric`);
          if (!slices.includes(OVERALL_SLICE))
            errors.push(`${m.name}: overall`);
          for (const slice of slices.filter(x => x !== OVERALL_SLICE)) {
            const [feature] = slice.split('=');
            const f = schema.find(x => x.name === feature);
            if (!f || f.type !== 'category')
              errors.push(
                `${m.name}: slice ${slice} is not a categorical feature`,
              );
          }
          if (e.thresholds.length < 2) errors.push(`${m.name}: thresholds`);
          for (const t of e.thresholds)
            if (!metrics.includes(t.metric))
              errors.push(`${m.name}: threshold on ${t.metric}`);
          // Directions: declared where the name would mislead (`der` is an error rate).
          for (const metric of metrics) {
            const lower = [
              'der',
              'wer',
              'cer',
              'rmse',
              'mae',
              'log_loss',
              'latency_ms',
              'calibration_error',
              'false_accept_rate',
              'mape',
              'real_time_factor',
            ].includes(metric);
            if (
              metricDirection(metric, e.directions) !==
              (lower ? 'lower' : 'higher')
            )
              errors.push(`${m.name}: direction of ${metric}`);
          }
          if (e.createdAt > DEMO_EPOCH_MS)
            errors.push(`${m.name}: future evaluation`);
        }
      }
      expect(errors).toEqual([]);
      const all = data.evaluations.flatMap(e => e.thresholds);
      expect(all.some(t => t.slice === undefined)).toBe(true);
      expect(all.some(t => t.slice === OVERALL_SLICE)).toBe(true);
      expect(all.some(t => t.slice && t.slice !== OVERALL_SLICE)).toBe(true);
      expect(data.evaluations.some(e => Object.keys(e.directions).length)).toBe(
        true,
      );
    });

    it('has evaluations that pass, fail on a slice and regress against the baseline; released versions mostly pass', () => {
      const scores = data.evaluations.map(e => ({ e, s: score(e) }));
      const failing = scores.filter(x => !x.s.pass);
      const regressing = scores.filter(x => x.s.regressions > 0);
      expect(failing.length).toBeGreaterThan(0);
      expect(failing.length).toBeLessThan(scores.length / 3);
      expect(
        failing.some(x =>
          x.s.slices.some(sl => !sl.pass && sl.slice !== OVERALL_SLICE),
        ),
      ).toBe(true);
      expect(regressing.length).toBeGreaterThan(0);
      expect(regressing.length).toBeLessThan(scores.length / 2);
      // some regress while passing every threshold, some fail without a baseline to regress from
      expect(regressing.some(x => x.s.pass)).toBe(true);
      const released = scores.filter(
        x =>
          data.models.find(m => m.name === x.e.model)!.aliases.production ===
          x.e.version,
      );
      expect(released.length).toBeGreaterThan(20);
      expect(released.filter(x => x.s.pass).length).toBeGreaterThanOrEqual(
        0.8 * released.length,
      );
    });

    it('deploys the production version to the services that name the model, else to its team’s service', () => {
      const errors: string[] = [];
      for (const m of data.models) {
        const project = data.projects.find(p => p.name === m.project)!;
        const team = project.owner.replace('group:default/', '');
        const deps = data.deployments.filter(d => d.model === m.name);
        if (!m.main) {
          if (deps.length) errors.push(`${m.name}: a companion is deployed`);
          continue;
        }
        const named = services.filter(s => s.models.includes(m.name));
        const expected = named.length ? named.map(s => s.name) : undefined;
        for (const d of deps) {
          const service = d.service.replace('component:default/', '');
          const component = services.find(s => s.name === service);
          if (!component) errors.push(`${m.name}: ${service} is not a service`);
          else if (expected && !expected.includes(service))
            errors.push(
              `${m.name}: on ${service}, named by ${expected.join()}`,
            );
          else if (!expected && component.owner !== team)
            errors.push(`${m.name}: on ${service} of ${component.owner}`);
          if (d.deployedAt > DEMO_EPOCH_MS)
            errors.push(`${m.name}: future deployment`);
        }
        const production = deps.filter(d => d.environment === 'production');
        if (m.aliases.production !== undefined) {
          const active = production.filter(d => d.status === 'active');
          if (
            !active.length ||
            active.some(d => d.version !== m.aliases.production)
          )
            errors.push(
              `${m.name}: active production is not v${m.aliases.production}`,
            );
          if (
            expected &&
            [...new Set(active.map(d => d.service))].length !== expected.length
          )
            errors.push(`${m.name}: not on every service that names it`);
          if (
            production.some(
              d => d.status === 'retired' && d.version >= m.aliases.production!,
            )
          )
            errors.push(`${m.name}: a retired deployment is not older`);
        } else if (production.length) {
          errors.push(
            `${m.name}: production deployment without a production alias`,
          );
        }
        for (const d of deps.filter(x => x.environment === 'staging')) {
          if (d.version !== m.aliases.champion || d.status !== 'active')
            errors.push(`${m.name}: staging is not the champion`);
        }
      }
      expect(errors).toEqual([]);
      expect(data.deployments.some(d => d.status === 'retired')).toBe(true);
      expect(data.deployments.some(d => d.environment === 'staging')).toBe(
        true,
      );
    });

    it('monitors every active deployment hourly for the last 30 days, with daily seasonality and incidents', () => {
      const active = data.deployments.filter(d => d.status === 'active');
      const errors: string[] = [];
      let peak = 0;
      let trough = 0;
      for (const d of active) {
        const label = `${d.model} ${d.environment} ${d.service}`;
        expect(d.monitoring.map(m => m.metric)).toEqual([
          'latency_p99_ms',
          'error_rate',
          'prediction_drift',
        ]);
        for (const series of d.monitoring) {
          const ts = series.points.map(p => p.timestamp);
          const start = Math.max(d.deployedAt, DEMO_EPOCH_MS - 30 * DAY);
          if (ts[0] < start || ts[0] >= start + HOUR)
            errors.push(`${label}: starts at ${ts[0]}`);
          if (ts[ts.length - 1] !== DEMO_EPOCH_MS - HOUR)
            errors.push(`${label}: ends`);
          if (ts.some((t, i) => i > 0 && t - ts[i - 1] !== HOUR))
            errors.push(`${label}: not hourly`);
          if (series.points.some(p => !Number.isFinite(p.value) || p.value < 0))
            errors.push(`${label}: ${series.metric} values`);
        }
        if (d.environment === 'production') {
          const pts = d.monitoring[0].points;
          if (pts[pts.length - 1].timestamp - pts[0].timestamp < 29 * DAY)
            errors.push(`${label}: less than a month`);
        }
        // daily seasonality: latency is higher around the evening peak than at night
        for (const p of d.monitoring[0].points) {
          const h = new Date(p.timestamp).getUTCHours();
          if (h >= 17 && h <= 21) peak += p.value;
          if (h >= 5 && h <= 9) trough += p.value;
        }
        for (const inc of d.incidents) {
          if (
            inc.start < d.monitoring[0].points[0].timestamp ||
            inc.end > DEMO_EPOCH_MS + 3 * DAY
          )
            errors.push(`${label}: incident outside the series`);
        }
      }
      expect(errors).toEqual([]);
      expect(peak).toBeGreaterThan(trough * 1.1);
      expect(active.filter(d => d.incidents.length > 0).length).toBeGreaterThan(
        5,
      );
      expect(active.some(d => d.incidents.length === 0)).toBe(true);
      const s = summarizeDemoData(data);
      expect(s.monitoringPoints).toBeGreaterThan(50_000);
      expect(s.monitoringPoints).toBeLessThan(150_000);
    });

    it('has notes, some edited, and tags on what the team works with', () => {
      const exists = (ref: DemoEntityRef): boolean => {
        switch (ref.type) {
          case 'project':
            return data.projects.some(p => p.name === ref.project);
          case 'dataset':
            return data.datasets.some(
              d => d.project === ref.project && d.name === ref.name,
            );
          case 'model':
            return data.models.some(m => m.name === ref.model);
          case 'model-version':
            return data.models.some(
              m =>
                m.name === ref.model &&
                m.versions.some(v => v.version === ref.version),
            );
          case 'evaluation':
            return data.evaluations.some(
              e =>
                e.model === ref.model &&
                e.version === ref.version &&
                e.name === ref.name,
            );
          case 'deployment':
            return data.deployments.some(
              d =>
                d.model === ref.model &&
                d.version === ref.version &&
                d.environment === ref.environment &&
                d.service === ref.service,
            );
          default:
            return false;
        }
      };
      const errors: string[] = [];
      const owner = new Map(
        data.projects.map(p => [p.name, p.owner.replace('group:default/', '')]),
      );
      for (const n of data.notes) {
        if (!exists(n.entity))
          errors.push(`note on a missing ${JSON.stringify(n.entity)}`);
        const user = n.author.replace('user:default/', '');
        if (!(users.get(user) ?? []).includes(owner.get(n.project)!))
          errors.push(`${n.author} writes in ${n.project}`);
        if (n.createdAt > DEMO_EPOCH_MS) errors.push('note in the future');
        let last = n.createdAt;
        for (const e of n.edits) {
          if (!(e.at > last) || e.at > DEMO_EPOCH_MS) errors.push('edit times');
          if (e.body === n.body) errors.push('edit changes nothing');
          last = e.at;
        }
      }
      for (const t of data.tags) {
        if (!exists(t.entity))
          errors.push(`tags on a missing ${JSON.stringify(t.entity)}`);
        for (const tag of t.tags)
          if (!SLUG.test(tag)) errors.push(`tag ${tag}`);
        if (new Set(t.tags).size !== t.tags.length)
          errors.push('duplicate tag');
      }
      expect(errors).toEqual([]);
      expect(new Set(data.notes.map(n => n.entity.type))).toEqual(
        new Set([
          'project',
          'model',
          'model-version',
          'evaluation',
          'deployment',
        ]),
      );
      expect(data.notes.filter(n => n.edits.length > 0).length).toBeGreaterThan(
        20,
      );
      expect(data.notes.some(n => /^## Incident follow-up/m.test(n.body))).toBe(
        true,
      );
      expect(data.notes.some(n => /^- \[ \]/m.test(n.body))).toBe(true);
      expect(data.notes.some(n => /\]\(https:\/\//.test(n.body))).toBe(true);
      expect(new Set(data.tags.map(t => t.entity.type))).toEqual(
        new Set(['dataset', 'model', 'model-version', 'evaluation']),
      );
      const all = new Set(data.tags.flatMap(t => t.tags));
      for (const tag of [
        'tabular',
        'candidate',
        'needs-review',
        'gdpr',
        'baseline',
      ])
        expect(all).toContain(tag);
    });
  });
});
