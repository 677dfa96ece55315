import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { MAX_METRIC_POINTS_PER_BATCH } from '@ml-home/plugin-ml-home-common';
import { Knex } from 'knex';
import { DatasetsStore } from '../database/DatabaseDatasetsStore';
import { ModelsStore } from '../database/DatabaseModelsStore';
import { MlHomeStore } from '../database/MlHomeStore';
import { DatasetFeature, IngestRunInput, Project } from '../domain/types';
import {
  DemoDataset,
  DemoRun,
  generateDemoData,
  summarizeDemoData,
} from './generateDemoData';

const DEMO_ACTOR = 'user:default/guest';

/**
 * Writes the demo dataset through the store, as ingestion would: projects, experiments, then runs
 * in batches of at most 10,000 metric points.
 */
export async function writeDemoData(
  store: MlHomeStore,
  models: ModelsStore,
  data: DemoDataset,
  datasets: DatasetsStore,
): Promise<void> {
  for (const p of data.projects) {
    const project = await store.createProject(
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
    for (const e of data.experiments.filter(x => x.project === p.name)) {
      await store.createExperiment(
        project,
        { name: e.name, description: e.description },
        DEMO_ACTOR,
      );
    }
    let batch: IngestRunInput[] = [];
    let points = 0;
    const flush = async () => {
      if (batch.length) {
        await store.ingest(project, { runs: batch }, DEMO_ACTOR);
      }
      batch = [];
      points = 0;
    };
    for (const run of data.runs.filter(r => r.project === p.name)) {
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
    await writeDemoDatasets(
      project,
      p.tags,
      datasets,
      data.runs.filter(r => r.project === p.name),
    );
    await writeDemoModel(
      project,
      models,
      data.runs.filter(r => r.project === p.name),
    );
  }
}

const FEATURES_BY_TAG: Record<string, DatasetFeature[]> = {
  audio: [
    {
      name: 'log_mel_spectrogram',
      type: 'float[80][T]',
      description: '80-band log-mel frames, 10 ms hop',
    },
    {
      name: 'sample_rate',
      type: 'int',
      description: 'Hz, resampled to 16 kHz',
    },
    {
      name: 'locale',
      type: 'category',
      description: 'BCP-47 locale of the speaker',
    },
  ],
  nlp: [
    {
      name: 'query_text',
      type: 'string',
      description: 'Normalised query or title text',
    },
    {
      name: 'token_ids',
      type: 'int[]',
      description: 'Word-piece ids, max 128',
    },
    {
      name: 'market',
      type: 'category',
      description: 'Country of the listener',
    },
  ],
  ranking: [
    {
      name: 'user_embedding',
      type: 'float[128]',
      description: 'Listener taste vector, daily',
    },
    {
      name: 'item_embedding',
      type: 'float[128]',
      description: 'Track, episode or shelf vector',
    },
    {
      name: 'plays_7d',
      type: 'int',
      description: 'Plays by the listener in the last 7 days',
    },
    {
      name: 'skip_rate_30d',
      type: 'float',
      description: 'Share of plays skipped within 30 s',
    },
  ],
  tabular: [
    { name: 'tenure_days', type: 'int', description: 'Days since sign-up' },
    {
      name: 'plan',
      type: 'category',
      description: 'Free, individual, duo, family or student',
    },
    {
      name: 'payment_failures_90d',
      type: 'int',
      description: 'Failed renewals in 90 days',
    },
    { name: 'country', type: 'category', description: 'Billing country' },
  ],
};

/**
 * A training set and an evaluation set per project, with a feature schema that fits its kind of
 * data, and every run declaring the training set as its input.
 */
async function writeDemoDatasets(
  project: Project,
  tags: string[],
  datasets: DatasetsStore,
  runs: DemoRun[],
) {
  const features =
    FEATURES_BY_TAG[tags.find(t => t in FEATURES_BY_TAG) ?? 'ranking'] ??
    FEATURES_BY_TAG.ranking;
  const training = await datasets.createDataset(
    project,
    {
      name: `${project.name}-train`,
      kind: 'training-set',
      uri: `s3://sonora-ml-data/${project.name}/train/`,
      description: `Training examples for ${project.title}, rebuilt weekly from the listening log.`,
      features,
    },
    DEMO_ACTOR,
  );
  await datasets.createDataset(
    project,
    {
      name: `${project.name}-eval`,
      kind: 'evaluation-set',
      uri: `s3://sonora-ml-data/${project.name}/eval/`,
      description: `Held-out week for offline evaluation of ${project.title}.`,
      features,
    },
    DEMO_ACTOR,
  );
  for (const run of runs) {
    await datasets.addRunInputs(
      project,
      run.runId,
      [training.name],
      DEMO_ACTOR,
    );
  }
}

/**
 * One registered model per project, whose versions come from the project's latest finished runs
 * (oldest first), with `champion` on the newest version and `production` on the one before.
 */
async function writeDemoModel(
  project: Project,
  models: ModelsStore,
  runs: DemoRun[],
) {
  const finished = runs
    .filter(r => r.status === 'FINISHED')
    .sort((a, b) => a.startTime - b.startTime || (a.runId < b.runId ? -1 : 1))
    .slice(-5);
  if (finished.length === 0) {
    return;
  }
  const model = await models.createModel(
    project,
    {
      name: `${project.name}-model`,
      description: `The model behind ${project.title}.`,
    },
    DEMO_ACTOR,
  );
  for (const run of finished) {
    const framework = run.tags.framework ?? run.params.framework ?? '';
    await models.createVersion(
      model,
      {
        runId: run.runId,
        artifactUri: `s3://sonora-ml-models/${project.name}/${run.runId}/model`,
        framework,
        description: `Trained in run ${run.name}.`,
        modelCard: {
          intendedUse: `Serving ${project.title} for Sonora listeners.`,
          trainingData: `Dataset version ${run.tags.dataset_version ?? 'unknown'}.`,
        },
      },
      DEMO_ACTOR,
    );
  }
  const fresh = (await models.getModel(model.name))!;
  await models.setAlias(fresh, 'champion', finished.length, DEMO_ACTOR);
  if (finished.length > 1) {
    await models.setAlias(fresh, 'production', finished.length - 1, DEMO_ACTOR);
  }
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

/**
 * The demo describes months of work; without this every project would look created and active
 * at load time, and "recently active" would mean nothing.
 */
async function backdateDemoProjects(knex: Knex, data: DemoDataset) {
  for (const p of data.projects) {
    const runs = data.runs.filter(r => r.project === p.name);
    const lastActivity = Math.max(
      p.createdAt,
      ...runs.map(r => r.endTime ?? r.startTime),
    );
    await knex('projects')
      .where('name', p.name)
      .update({
        created_at: new Date(p.createdAt).toISOString(),
        updated_at: new Date(p.createdAt).toISOString(),
        last_activity_at: new Date(lastActivity).toISOString(),
      });
  }
}

/** Loads the demo ML organisation on first start, when ML Home holds no project yet. */
export async function loadDemoDataIfEmpty(options: {
  knex: Knex;
  store: MlHomeStore;
  models: ModelsStore;
  datasets: DatasetsStore;
  logger: LoggerService;
  seed: number;
  scale: number;
}): Promise<boolean> {
  const { knex, store, logger } = options;
  const any = await knex('projects').first('id');
  if (any) {
    return false;
  }
  const started = Date.now();
  const data = generateDemoData({ seed: options.seed, scale: options.scale });
  try {
    await writeDemoData(store, options.models, data, options.datasets);
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
    `Loaded ML Home demo data in ${Date.now() - started} ms: ${s.projects} projects, ${s.experiments} experiments, ${s.runs} runs, ${s.points} metric points`,
  );
  return true;
}
