import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { MAX_METRIC_POINTS_PER_BATCH } from '@ml-home/plugin-ml-home-common';
import { Knex } from 'knex';
import { Stores, UnitOfWork } from '../database/UnitOfWork';
import { ingestBatch } from '../ingestion/writeBatch';
import {
  AnnotatedEntityType,
  Dataset,
  IngestRunInput,
  Model,
  Project,
} from '../domain/types';
import {
  DemoDataset,
  DemoEntityRef,
  DemoRun,
  generateDemoData,
  summarizeDemoData,
} from './generateDemoData';

const DEMO_ACTOR = 'user:default/guest';

/** The most monitoring points one call writes, as the monitoring route allows. */
const MONITORING_BATCH = 10_000;

/** The stores the demo is written through, as the routes would write it. */
export interface DemoStores {
  stores: Stores;
  unitOfWork: UnitOfWork;
}

/**
 * Times the stores cannot be told (they stamp "now"), to be set afterwards so that the demo's
 * history reads as months of work rather than one start-up.
 */
interface Backdates {
  rows: { table: string; id: string; times: Record<string, number> }[];
  /** note id → edited_at of revision 1, 2, … */
  noteRevisions: Map<string, number[]>;
  /** model id → the time of each alias move, in the order they were made */
  aliasMoves: Map<string, { alias: string; at: number }[]>;
}

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

/**
 * Writes the demo dataset through the stores, as ingestion and the routes would: per project,
 * the project and its experiments, runs in batches of at most 10,000 metric points, data sets and
 * run inputs, models with their versions and alias moves, evaluations, deployments with their
 * monitoring, notes (with their edits) and tags. Then backdates what the stores stamped "now".
 */
export async function writeDemoData(
  { stores, unitOfWork }: DemoStores,
  data: DemoDataset,
  knex: Knex,
): Promise<{ runsMs: number; registryMs: number }> {
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

  for (const p of data.projects) {
    const started = Date.now();
    const backdates: Backdates = {
      rows: [],
      noteRevisions: new Map(),
      aliasMoves: new Map(),
    };
    const project = await stores.projects.createProject(
      {
        name: p.name,
        title: p.title,
        description: p.description,
        owner: p.owner,
        lifecycle: p.lifecycle,
        tags: p.tags,
        links: p.links,
        relatedEntities: p.relatedEntities,
      },
      DEMO_ACTOR,
    );
    for (const e of experiments.get(p.name) ?? []) {
      await stores.runs.createExperiment(
        project,
        { name: e.name, description: e.description },
        DEMO_ACTOR,
      );
    }
    const projectRuns = runs.get(p.name) ?? [];
    await writeRuns(unitOfWork, project, projectRuns);
    const runsWritten = Date.now();
    runsMs += runsWritten - started;

    // data sets and what each run read
    const datasetsByName = new Map<string, Dataset>();
    for (const d of datasets.get(p.name) ?? []) {
      const created = await stores.datasets.createDataset(
        project,
        {
          name: d.name,
          kind: d.kind,
          uri: d.uri,
          description: d.description,
          features: d.features,
        },
        d.createdBy,
      );
      datasetsByName.set(d.name, created);
      backdates.rows.push({
        table: 'datasets',
        id: created.id,
        times: { created_at: d.createdAt, updated_at: d.createdAt },
      });
    }
    const runUser = new Map(projectRuns.map(r => [r.runId, r.user]));
    for (const input of runInputs.get(p.name) ?? []) {
      await stores.datasets.addRunInputs(
        project,
        input.runId,
        input.datasets.map(name => datasetsByName.get(name)!),
        runUser.get(input.runId) ?? DEMO_ACTOR,
      );
    }

    // Models first (the store has no transactional variant for them), then their versions,
    // alias moves, evaluations and deployments in one transaction per project, as a batch
    // ingestion would write them: one commit instead of hundreds.
    const modelsByName = new Map<string, Model>();
    for (const m of models.get(p.name) ?? []) {
      const model = await stores.models.createModel(
        project,
        { name: m.name, description: m.description },
        m.createdBy,
      );
      modelsByName.set(m.name, model);
      backdates.aliasMoves.set(model.id, m.aliasMoves);
      const lastChange = Math.max(
        m.createdAt,
        ...m.versions.map(v => v.createdAt),
      );
      backdates.rows.push({
        table: 'models',
        id: model.id,
        times: { created_at: m.createdAt, updated_at: lastChange },
      });
    }
    const versionIds = new Map<string, string>();
    const evaluationIds = new Map<string, string>();
    const deploymentIds = new Map<string, string>();
    await unitOfWork.run(async tx => {
      for (const m of models.get(p.name) ?? []) {
        const model = modelsByName.get(m.name)!;
        for (const v of m.versions) {
          const { id } = await tx.models.createVersion(
            model,
            {
              runId: v.runId,
              artifactUri: v.artifactUri,
              framework: v.framework,
              description: v.description,
              modelCard: v.modelCard,
            },
            v.createdBy,
          );
          versionIds.set(`${m.name}/${v.version}`, id);
          backdates.rows.push({
            table: 'model_versions',
            id,
            times: { created_at: v.createdAt, updated_at: v.createdAt },
          });
        }
        for (const move of m.aliasMoves) {
          await tx.models.setAlias(model, move.alias, move.version, move.actor);
        }
      }

      // evaluations, oldest version first so that each baseline is recorded before it is needed
      for (const e of evaluations.get(p.name) ?? []) {
        const { id } = await tx.evaluations.createEvaluation(
          {
            id: versionIds.get(`${e.model}/${e.version}`)!,
            projectId: project.id,
            model: e.model,
            version: e.version,
          },
          {
            name: e.name,
            datasetId: datasetsByName.get(e.dataset)!.id,
            baselineVersionId: e.baselineVersion
              ? versionIds.get(`${e.model}/${e.baselineVersion}`)
              : undefined,
            description: e.description,
            results: e.results,
            thresholds: e.thresholds,
            directions: e.directions,
            tolerance: e.tolerance,
          },
          e.createdBy,
        );
        evaluationIds.set(`${e.model}/${e.version}/${e.name}`, id);
        backdates.rows.push({
          table: 'evaluations',
          id,
          times: { created_at: e.createdAt, updated_at: e.createdAt },
        });
      }

      // deployments in the order they happened: each retires the one it replaces
      const ordered = [...(deployments.get(p.name) ?? [])].sort(
        (x, y) => x.deployedAt - y.deployedAt,
      );
      for (const d of ordered) {
        const { id } = await tx.deployments.createDeployment(
          modelsByName.get(d.model)!,
          {
            version: d.version,
            environment: d.environment,
            service: d.service,
            endpoint: d.endpoint,
            deployedAt: new Date(d.deployedAt),
          },
          d.createdBy,
        );
        deploymentIds.set(
          `${d.model}/${d.version}/${d.environment}/${d.service}`,
          id,
        );
      }
    });
    for (const d of deployments.get(p.name) ?? []) {
      const points = d.monitoring.flatMap(series =>
        series.points.map(pt => ({
          metric: series.metric,
          value: pt.value,
          timestamp: pt.timestamp,
        })),
      );
      if (points.length === 0) continue;
      const deployment = (await stores.deployments.getDeployment(
        deploymentIds.get(
          `${d.model}/${d.version}/${d.environment}/${d.service}`,
        )!,
      ))!;
      for (let i = 0; i < points.length; i += MONITORING_BATCH) {
        await stores.deployments.logMonitoring(
          deployment,
          points.slice(i, i + MONITORING_BATCH),
        );
      }
    }

    // notes and tags
    const idOf = (ref: DemoEntityRef): string | undefined => {
      switch (ref.type) {
        case 'project':
          return project.id;
        case 'dataset':
          return datasetsByName.get(ref.name)?.id;
        case 'model':
          return modelsByName.get(ref.model)?.id;
        case 'model-version':
          return versionIds.get(`${ref.model}/${ref.version}`);
        case 'evaluation':
          return evaluationIds.get(`${ref.model}/${ref.version}/${ref.name}`);
        case 'deployment':
          return deploymentIds.get(
            `${ref.model}/${ref.version}/${ref.environment}/${ref.service}`,
          );
        default:
          return undefined;
      }
    };
    const projectNotes = notes.get(p.name) ?? [];
    const projectTags = tags.get(p.name) ?? [];
    const keys = [...projectNotes, ...projectTags].map(x => ({
      type: x.entity.type as AnnotatedEntityType,
      id: idOf(x.entity) ?? '',
    }));
    const entities = await stores.annotations.resolveEntities(
      keys.filter(k => k.id),
    );
    const entityOf = (ref: DemoEntityRef) => {
      const entity = entities.get(`${ref.type}\n${idOf(ref)}`);
      if (!entity) {
        throw new Error(
          `Demo data refers to a ${ref.type} that was not written: ${JSON.stringify(ref)}`,
        );
      }
      return entity;
    };
    for (const n of projectNotes) {
      let note = await stores.annotations.createNote(
        entityOf(n.entity),
        n.body,
        n.author,
      );
      for (const edit of n.edits) {
        note = await stores.annotations.updateNote(
          note,
          edit.body,
          note.revision,
          edit.author,
        );
      }
      const times = [n.createdAt, ...n.edits.map(e => e.at)];
      backdates.rows.push({
        table: 'notes',
        id: note.id,
        times: { created_at: n.createdAt, updated_at: times[times.length - 1] },
      });
      backdates.noteRevisions.set(note.id, times);
    }
    for (const t of projectTags) {
      await stores.annotations.setTags(entityOf(t.entity), t.tags, t.by);
    }
    await backdate(knex, backdates);
    registryMs += Date.now() - runsWritten;
  }
  return { runsMs, registryMs };
}

/** Writes a project's runs in batches of at most MAX_METRIC_POINTS_PER_BATCH points. */
async function writeRuns(
  unitOfWork: UnitOfWork,
  project: Project,
  runs: readonly DemoRun[],
) {
  let batch: IngestRunInput[] = [];
  let points = 0;
  const flush = async () => {
    if (batch.length) {
      await ingestBatch(unitOfWork, project, { runs: batch }, DEMO_ACTOR);
    }
    batch = [];
    points = 0;
  };
  for (const run of runs) {
    for (const part of splitRun(run)) {
      const size = part.metrics.length;
      if (points + size > MAX_METRIC_POINTS_PER_BATCH) {
        await flush();
      }
      batch.push(part);
      points += size;
    }
  }
  await flush();
}

/** A run's points in slices that each fit one batch; the first slice carries params and tags. */
function splitRun(run: DemoRun): IngestRunInput[] {
  const metrics = run.metrics.flatMap(series =>
    series.points.map(pt => ({
      key: series.key,
      value: pt.value,
      step: pt.step,
      timestamp: pt.timestamp,
    })),
  );
  const parts: IngestRunInput[] = [];
  for (
    let i = 0;
    i === 0 || i < metrics.length;
    i += MAX_METRIC_POINTS_PER_BATCH
  ) {
    parts.push({
      runId: run.runId,
      runIdSupplied: true,
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

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Sets the times the stores stamped at load time to the demo's own: the stores have no way to
 * take a creation time (only deployments take `deployedAt`), which is right for the API and wrong
 * for a demo that describes months of work.
 */
async function backdate(knex: Knex, b: Backdates) {
  await knex.transaction(async tx => {
    for (const row of b.rows) {
      await tx(row.table)
        .where('id', row.id)
        .update(
          Object.fromEntries(
            Object.entries(row.times).map(([column, ms]) => [column, iso(ms)]),
          ),
        );
    }
    for (const [noteId, times] of b.noteRevisions) {
      for (const [i, ms] of times.entries()) {
        await tx('note_revisions')
          .where({ note_id: noteId, revision: i + 1 })
          .update({ edited_at: iso(ms) });
      }
    }
    for (const [modelId, moves] of b.aliasMoves) {
      const history = await tx('model_alias_history')
        .where('model_id', modelId)
        .orderBy('id')
        .select('id');
      for (const [i, row] of history.entries()) {
        if (moves[i]) {
          await tx('model_alias_history')
            .where('id', row.id)
            .update({ created_at: iso(moves[i].at) });
        }
      }
      const last = new Map(moves.map(m => [m.alias, m.at]));
      for (const [alias, at] of last) {
        await tx('model_aliases')
          .where({ model_id: modelId, alias })
          .update({ updated_at: iso(at) });
      }
    }
  });
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

/**
 * The demo describes months of work; without this every project would look created and active
 * at load time, and "recently active" would mean nothing.
 */
async function backdateDemoProjects(knex: Knex, data: DemoDataset) {
  for (const p of data.projects) {
    await knex('projects')
      .where('name', p.name)
      .update({
        created_at: iso(p.createdAt),
        updated_at: iso(p.createdAt),
        last_activity_at: iso(demoLastActivity(data, p.name)),
      });
  }
}

/** Loads the demo ML organisation on first start, when ML Home holds no project yet. */
export async function loadDemoDataIfEmpty(
  options: DemoStores & {
    knex: Knex;
    logger: LoggerService;
    seed: number;
    scale: number;
  },
): Promise<boolean> {
  const { knex, logger } = options;
  const any = await knex('projects').first('id');
  if (any) {
    return false;
  }
  const started = Date.now();
  const data = generateDemoData({ seed: options.seed, scale: options.scale });
  let phases: { runsMs: number; registryMs: number };
  try {
    phases = await writeDemoData(options, data, knex);
  } catch (error) {
    if (error instanceof ConflictError) {
      // Another replica is loading the same data at the same moment; its copy wins.
      logger.info(`Demo data is being loaded elsewhere: ${error.message}`);
      return false;
    }
    throw error;
  }
  await backdateDemoProjects(knex, data);
  const s = summarizeDemoData(data);
  logger.info(
    `Loaded ML Home demo data in ${Date.now() - started} ms (projects, experiments and runs ${phases.runsMs} ms; data sets, models, evaluations, deployments, notes and tags ${phases.registryMs} ms): ${s.projects} projects, ${s.experiments} experiments, ${s.runs} runs, ${s.points} metric points, ${s.models} models with ${s.modelVersions} versions, ${s.evaluations} evaluations, ${s.deployments} deployments with ${s.monitoringPoints} monitoring points, ${s.notes} notes, ${s.tags} tags`,
  );
  return true;
}
