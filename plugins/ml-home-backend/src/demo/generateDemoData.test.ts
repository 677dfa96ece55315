import fs from 'fs';
import path from 'path';
import {
  DEMO_EPOCH_MS,
  DEMO_TEAMS,
  DemoDataset,
  generateDemoData,
  isLowerBetterMetric,
  summarizeDemoData,
} from './generateDemoData';

const SLUG = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const EXAMPLES = path.resolve(__dirname, '../../../../examples');

interface YamlEntity {
  kind: string;
  name: string;
  memberOf: string[];
}

/**
 * A tiny line-based reader for the catalog files in examples/: enough to get each document's
 * kind, metadata.name and spec.memberOf (flow `[a, b]` or block `- a` lists).
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
      let section = '';
      let inMemberOf = false;
      for (const line of lines) {
        if (/^\s*#/.test(line) || line.trim() === '') continue;
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
      return { kind, name, memberOf };
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

  it('scales the number of projects', () => {
    const small = generateDemoData({ scale: 0.1 });
    expect(small.projects).toHaveLength(4);
    // a smaller scale is a prefix of a larger one
    expect(small.projects).toEqual(data.projects.slice(0, 4));
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
});
