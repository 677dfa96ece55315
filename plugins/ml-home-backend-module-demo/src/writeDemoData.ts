import {
  IngestRun,
  MAX_METRIC_POINTS_PER_BATCH,
  MAX_PARAMS_AND_TAGS_PER_BATCH,
} from '@ml-home/plugin-ml-home-common';
import type { MlHomeDemoDataWriter } from '@ml-home/plugin-ml-home-node/alpha';
import {
  DemoDataset,
  DemoEntityRef,
  DemoRun,
} from './generator/generateDemoData';

/** Who creates the projects, experiments and batches of runs (runs keep their own `user`). */
const DEMO_ACTOR = 'user:default/guest';

/** The most monitoring points one call writes, as the monitoring route allows. */
const MONITORING_BATCH = 10_000;

function groupBy<T>(items: readonly T[], key: (t: T) => string) {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** How long each part of the load took, for the log. */
export interface DemoWriteTimings {
  runsMs: number;
  registryMs: number;
}

/**
 * Writes the demo dataset through ML Home's demo-data writer, as its routes would take it: per
 * project, the project and its experiments, runs in batches within ingestion's limits, data sets
 * and run inputs, models with their versions and alias moves, evaluations, deployments with their
 * monitoring, notes (with their edits) and tags. Each write is recorded by its author at the time
 * the demo says it happened (`writer.as(author, { at })`), so the history reads as months of work
 * rather than one start-up.
 */
export async function writeDemoData(
  writer: MlHomeDemoDataWriter,
  data: DemoDataset,
): Promise<DemoWriteTimings> {
  let runsMs = 0;
  let registryMs = 0;
  const byProject = <T extends { project: string }>(items: readonly T[]) =>
    groupBy(items, i => i.project);
  const experiments = byProject(data.experiments);
  const runs = byProject(data.runs);
  const datasets = byProject(data.datasets);
  const runInputs = byProject(data.runInputs);
  const models = byProject(data.models);
  const evaluations = byProject(data.evaluations);
  const deployments = byProject(data.deployments);
  const notes = byProject(data.notes);
  const tags = byProject(data.tags);
  const as = (actor: string, at: number) =>
    writer.as(actor, { at: new Date(at) });

  for (const p of data.projects) {
    const started = Date.now();
    const project = await as(DEMO_ACTOR, p.createdAt).createProject({
      name: p.name,
      title: p.title,
      description: p.description,
      owner: p.owner,
      lifecycle: p.lifecycle,
      tags: p.tags,
      links: p.links,
      relatedEntities: p.relatedEntities,
    });
    await as(DEMO_ACTOR, p.createdAt).setProjectMetricDirections(p.name, {
      directions: p.metricDirections,
    });
    for (const e of experiments.get(p.name) ?? []) {
      await as(DEMO_ACTOR, e.createdAt).createExperiment(p.name, {
        name: e.name,
        description: e.description,
      });
    }
    const projectRuns = runs.get(p.name) ?? [];
    await writeRuns(writer, p.name, projectRuns);
    const runsWritten = Date.now();
    runsMs += runsWritten - started;

    // data sets and what each run read
    const datasetIds = new Map<string, string>();
    for (const d of datasets.get(p.name) ?? []) {
      const created = await as(d.createdBy, d.createdAt).createDataset(p.name, {
        name: d.name,
        kind: d.kind,
        uri: d.uri,
        description: d.description,
        features: d.features,
      });
      datasetIds.set(d.name, created.id);
    }
    const runById = new Map(projectRuns.map(r => [r.runId, r]));
    for (const input of runInputs.get(p.name) ?? []) {
      const run = runById.get(input.runId);
      await as(
        run?.user ?? DEMO_ACTOR,
        run?.startTime ?? p.createdAt,
      ).addRunInputs(
        input.runId,
        input.datasets.map(name => `${p.name}/${name}`),
      );
    }

    // models, their versions and how their aliases moved
    const modelIds = new Map<string, string>();
    const versionIds = new Map<string, string>();
    for (const m of models.get(p.name) ?? []) {
      const model = await as(m.createdBy, m.createdAt).createModel(p.name, {
        name: m.name,
        description: m.description,
      });
      modelIds.set(m.name, model.id);
      for (const v of m.versions) {
        const { id } = await as(v.createdBy, v.createdAt).createModelVersion(
          m.name,
          {
            runId: v.runId,
            artifactUri: v.artifactUri,
            framework: v.framework,
            description: v.description,
            modelCard: v.modelCard,
          },
        );
        versionIds.set(`${m.name}/${v.version}`, id);
      }
      for (const move of m.aliasMoves) {
        await as(move.actor, move.at).setModelAlias(
          m.name,
          move.alias,
          move.version,
        );
      }
    }

    // evaluations, oldest version first so that each baseline is recorded before it is needed
    const evaluationIds = new Map<string, string>();
    for (const e of evaluations.get(p.name) ?? []) {
      const { id } = await as(e.createdBy, e.createdAt).createEvaluation(
        e.model,
        e.version,
        {
          name: e.name,
          dataset: `${p.name}/${e.dataset}`,
          baselineVersion: e.baselineVersion,
          description: e.description,
          results: e.results,
          thresholds: e.thresholds,
          directions: e.directions,
          tolerance: e.tolerance,
        },
      );
      evaluationIds.set(`${e.model}/${e.version}/${e.name}`, id);
    }

    // deployments in the order they happened: each retires the one it replaces
    const deploymentIds = new Map<string, string>();
    const deploymentKey = (d: {
      model: string;
      version: number;
      environment: string;
      service: string;
    }) => `${d.model}/${d.version}/${d.environment}/${d.service}`;
    const ordered = [...(deployments.get(p.name) ?? [])].sort(
      (x, y) => x.deployedAt - y.deployedAt,
    );
    for (const d of ordered) {
      const { id } = await as(d.createdBy, d.deployedAt).createDeployment(
        d.model,
        {
          version: d.version,
          environment: d.environment,
          service: d.service,
          endpoint: d.endpoint,
          deployedAt: new Date(d.deployedAt).toISOString(),
        },
      );
      deploymentIds.set(deploymentKey(d), id);
    }
    for (const d of deployments.get(p.name) ?? []) {
      const points = d.monitoring.flatMap(series =>
        series.points.map(pt => ({
          metric: series.metric,
          value: pt.value,
          timestamp: pt.timestamp,
        })),
      );
      const id = deploymentIds.get(deploymentKey(d))!;
      for (let i = 0; i < points.length; i += MONITORING_BATCH) {
        const batch = points.slice(i, i + MONITORING_BATCH);
        await as(d.createdBy, batch[batch.length - 1].timestamp).logMonitoring(
          id,
          { points: batch },
        );
      }
    }

    // notes and tags
    const idOf = (ref: DemoEntityRef): string | undefined => {
      switch (ref.type) {
        case 'project':
          return project.id;
        case 'dataset':
          return datasetIds.get(ref.name);
        case 'model':
          return modelIds.get(ref.model);
        case 'model-version':
          return versionIds.get(`${ref.model}/${ref.version}`);
        case 'evaluation':
          return evaluationIds.get(`${ref.model}/${ref.version}/${ref.name}`);
        case 'deployment':
          return deploymentIds.get(deploymentKey(ref));
        default:
          return undefined;
      }
    };
    const entityOf = (ref: DemoEntityRef) => {
      const entityId = idOf(ref);
      if (!entityId) {
        throw new Error(
          `Demo data refers to a ${ref.type} that was not written: ${JSON.stringify(ref)}`,
        );
      }
      return { entityType: ref.type, entityId };
    };
    for (const n of notes.get(p.name) ?? []) {
      let note = await as(n.author, n.createdAt).createNote({
        ...entityOf(n.entity),
        body: n.body,
      });
      for (const edit of n.edits) {
        note = await as(edit.author, edit.at).updateNote(note.id, {
          body: edit.body,
          revision: note.revision,
        });
      }
    }
    for (const t of tags.get(p.name) ?? []) {
      await as(t.by, taggedAt(data, p.name)).setTags({
        ...entityOf(t.entity),
        tags: t.tags,
      });
    }
    registryMs += Date.now() - runsWritten;
  }
  const certificationStarted = Date.now();
  await writeCertification(writer, data);
  registryMs += Date.now() - certificationStarted;
  return { runsMs, registryMs };
}

/*
 * The teams' attestations (and the one a reviewer rejected) and the results CI reported, each at
 * the time it happened; ML Home scores every model as they arrive.
 */
async function writeCertification(
  writer: MlHomeDemoDataWriter,
  data: DemoDataset,
) {
  const { attestations, externalResults } = data.certification;
  for (const a of attestations) {
    const created = await writer
      .as(a.by, { at: new Date(a.at) })
      .createCertificationAttestation(a.model, {
        checkId: a.checkId,
        evidenceUrl: a.evidenceUrl,
        note: a.note,
      });
    if (a.rejected) {
      await writer
        .as(a.rejected.by, { at: new Date(a.rejected.at) })
        .reviewCertificationAttestation(a.model, created.id, {
          decision: 'reject',
          reason: a.rejected.reason,
        });
    }
  }
  for (const r of externalResults) {
    await writer
      .as(r.by, { at: new Date(r.observedAt + 60_000) })
      .reportCertificationResult(r.model, {
        checkId: r.checkId,
        status: r.status,
        evidenceUrl: r.evidenceUrl,
        observedAt: new Date(r.observedAt).toISOString(),
      });
  }
}

/**
 * When the demo's tags were set: the generator gives them no time of their own, so they are
 * recorded with the project's last activity, which they then leave as it was.
 */
function taggedAt(data: DemoDataset, projectName: string) {
  return demoLastActivity(data, projectName);
}

/**
 * Writes a project's runs in batches within ingestion's limits (metric points, params and tags
 * per call), each recorded at the time its last run ended.
 */
async function writeRuns(
  writer: MlHomeDemoDataWriter,
  project: string,
  runs: readonly DemoRun[],
) {
  let batch: IngestRun[] = [];
  let points = 0;
  let keyValues = 0;
  let at = 0;
  const flush = async () => {
    if (batch.length) {
      await writer
        .as(DEMO_ACTOR, { at: new Date(at) })
        .ingest(project, { runs: batch });
    }
    batch = [];
    points = 0;
    keyValues = 0;
    at = 0;
  };
  for (const run of runs) {
    for (const part of splitRun(run)) {
      const size = part.metrics?.length ?? 0;
      const pairs = (part.params?.length ?? 0) + (part.tags?.length ?? 0);
      if (
        points + size > MAX_METRIC_POINTS_PER_BATCH ||
        keyValues + pairs > MAX_PARAMS_AND_TAGS_PER_BATCH
      ) {
        await flush();
      }
      batch.push(part);
      points += size;
      keyValues += pairs;
      at = Math.max(at, run.endTime ?? run.startTime);
    }
  }
  await flush();
}

/** A run's points in slices that each fit one batch; the first slice carries params and tags. */
function splitRun(run: DemoRun): IngestRun[] {
  const metrics = run.metrics.flatMap(series =>
    series.points.map(pt => ({
      key: series.key,
      value: pt.value,
      step: pt.step,
      timestamp: pt.timestamp,
    })),
  );
  const parts: IngestRun[] = [];
  for (
    let i = 0;
    i === 0 || i < metrics.length;
    i += MAX_METRIC_POINTS_PER_BATCH
  ) {
    parts.push({
      runId: run.runId,
      experiment: run.experiment,
      name: run.name,
      status: run.status,
      user: run.user,
      startTime: run.startTime,
      endTime: run.endTime,
      params:
        i === 0
          ? Object.entries(run.params).map(([key, value]) => ({ key, value }))
          : [],
      tags:
        i === 0
          ? Object.entries(run.tags).map(([key, value]) => ({ key, value }))
          : [],
      metrics: metrics.slice(i, i + MAX_METRIC_POINTS_PER_BATCH),
    });
  }
  return parts;
}

/** When a project was last active in the demo: its newest run, version, note or deployment. */
export function demoLastActivity(data: DemoDataset, projectName: string) {
  const project = data.projects.find(p => p.name === projectName)!;
  const times = [
    project.createdAt,
    ...data.runs
      .filter(r => r.project === projectName)
      .map(r => r.endTime ?? r.startTime),
    ...data.models
      .filter(m => m.project === projectName)
      .flatMap(m => [
        ...m.versions.map(v => v.createdAt),
        ...m.aliasMoves.map(a => a.at),
      ]),
    ...data.evaluations
      .filter(e => e.project === projectName)
      .map(e => e.createdAt),
    ...data.deployments
      .filter(d => d.project === projectName)
      .map(d => d.deployedAt),
    ...data.notes
      .filter(n => n.project === projectName)
      .flatMap(n => [n.createdAt, ...n.edits.map(e => e.at)]),
  ];
  return Math.max(...times);
}
