import { InputError } from '@backstage/errors';
import {
  EvaluationResult,
  EvaluationThreshold,
  IngestBatch,
  IngestResult,
  MetricDirection,
} from '@ml-home/plugin-ml-home-common';
import { Model, ModelCard, Project } from '../domain/types';
import {
  checkAlias,
  checkDescription,
  checkMaxLength,
  checkSlug,
  normalizeEntityRef,
} from '../domain/validation';
import { Stores } from '../database/UnitOfWork';
import { findDatasetByReference } from '../datasets/datasetReference';
import {
  checkDirections,
  checkThresholds,
  checkTolerance,
  parseResults,
} from '../evaluations/evaluationValidation';

/*
 * The parts of a batch that come after training: model versions, evaluations and deployments.
 * Everything that can be checked is checked before the batch's unit of work opens (so a bad batch
 * writes nothing and holds no lock); inside it, each is written by its own store, bound to the
 * batch's transaction, and only what the batch itself creates is looked up there.
 *
 * Retries never duplicate: a run registers at most one version per model, an evaluation is
 * identified by its version and name, and an active deployment of the same version, environment
 * and service is the same deployment.
 */

/** A version by number, or the version a run produced (possibly earlier in the same batch). */
type VersionRef = { version: number } | { runId: string };

export interface AttachmentPlan {
  versions: {
    model: Model;
    runId: string;
    artifactUri: string;
    framework: string;
    description: string;
    modelCard: ModelCard;
    aliases: string[];
  }[];
  evaluations: {
    field: string;
    model: Model;
    ref: VersionRef;
    name: string;
    datasetId: string;
    baselineVersionId?: string;
    baselineVersion?: number;
    description: string;
    results: EvaluationResult[];
    thresholds: EvaluationThreshold[];
    directions: Record<string, MetricDirection>;
    tolerance: number;
  }[];
  deployments: {
    field: string;
    model: Model;
    ref: VersionRef;
    environment: string;
    service: string;
    endpoint: string;
    deployedAt: Date;
  }[];
}

/** What the batch's attachments add to its answer. */
export type AttachmentResults = Pick<
  IngestResult,
  'modelVersions' | 'evaluations' | 'deployments'
>;

type PlanStores = Pick<Stores, 'projects' | 'runs' | 'models' | 'datasets'>;

/** The batch's model, which must belong to the batch's project (whose rights the batch used). */
async function modelOf(
  stores: PlanStores,
  project: Project,
  field: string,
  name: string,
): Promise<Model> {
  const model = await stores.models.getModel(name);
  if (!model) {
    throw new InputError(`${field}: no model named '${name}'`);
  }
  if (model.projectId !== project.id) {
    throw new InputError(
      `${field}: model '${name}' belongs to project '${model.project}', not '${project.name}'`,
    );
  }
  return model;
}

function versionRef(
  field: string,
  item: { version?: number; runId?: string },
): VersionRef {
  if (item.version !== undefined && item.runId === undefined) {
    return { version: item.version };
  }
  if (item.runId !== undefined && item.version === undefined) {
    return { runId: item.runId };
  }
  throw new InputError(
    `${field}: name the version with either version or runId`,
  );
}

/**
 * Checks and resolves the batch's versions, evaluations and deployments; undefined when the batch
 * carries none.
 */
export async function planAttachments(
  stores: PlanStores,
  project: Project,
  request: IngestBatch,
): Promise<AttachmentPlan | undefined> {
  const versionsIn = request.modelVersions ?? [];
  const evaluationsIn = request.evaluations ?? [];
  const deploymentsIn = request.deployments ?? [];
  if (!versionsIn.length && !evaluationsIn.length && !deploymentsIn.length) {
    return undefined;
  }
  const batchRuns = new Set(
    (request.runs ?? []).flatMap(r => (r.runId ? [r.runId] : [])),
  );
  const knownRun = async (field: string, runId: string) => {
    if (batchRuns.has(runId)) return;
    const run = await stores.runs.getRun(runId);
    if (!run || run.projectId !== project.id) {
      throw new InputError(
        `${field}: no run '${runId}' in this batch or in project '${project.name}'`,
      );
    }
  };

  const versions: AttachmentPlan['versions'] = [];
  const seenRunModel = new Set<string>();
  for (const [i, v] of versionsIn.entries()) {
    const field = `modelVersions[${i}]`;
    const model = await modelOf(stores, project, `${field}.model`, v.model);
    await knownRun(`${field}.runId`, v.runId);
    if (seenRunModel.has(`${v.model}\n${v.runId}`)) {
      throw new InputError(
        `${field}: run '${v.runId}' registers model '${v.model}' more than once`,
      );
    }
    seenRunModel.add(`${v.model}\n${v.runId}`);
    const description = v.description ?? '';
    checkDescription(`${field}.description`, description);
    for (const [section, text] of Object.entries(v.modelCard ?? {})) {
      checkDescription(`${field}.modelCard.${section}`, text ?? '');
    }
    (v.aliases ?? []).forEach((a, j) =>
      checkAlias(a, `${field}.aliases[${j}]`),
    );
    versions.push({
      model,
      runId: v.runId,
      artifactUri: v.artifactUri ?? '',
      framework: v.framework ?? '',
      description,
      modelCard: v.modelCard ?? {},
      aliases: [...new Set(v.aliases ?? [])],
    });
  }

  const evaluations: AttachmentPlan['evaluations'] = [];
  for (const [i, e] of evaluationsIn.entries()) {
    const field = `evaluations[${i}]`;
    const model = await modelOf(stores, project, `${field}.model`, e.model);
    const ref = versionRef(field, e);
    if ('runId' in ref && ref.runId) {
      await knownRun(`${field}.runId`, ref.runId);
    }
    checkSlug(`${field}.name`, e.name);
    const dataset = await findDatasetByReference(
      stores,
      `${field}.dataset`,
      e.dataset,
      project.name,
    );
    let baselineVersionId: string | undefined;
    if (e.baselineVersion !== undefined) {
      const baseline = await stores.models.getVersion(model, e.baselineVersion);
      if (!baseline) {
        throw new InputError(
          `${field}.baselineVersion: model '${model.name}' has no version ${e.baselineVersion}`,
        );
      }
      baselineVersionId = baseline.id;
    }
    const description = e.description ?? '';
    checkDescription(`${field}.description`, description);
    const thresholds = e.thresholds ?? [];
    checkThresholds(`${field}.thresholds`, thresholds);
    const directions = e.directions ?? {};
    checkDirections(`${field}.directions`, directions);
    const tolerance = e.tolerance ?? 0;
    checkTolerance(`${field}.tolerance`, tolerance);
    evaluations.push({
      field,
      model,
      ref,
      name: e.name,
      datasetId: dataset.id,
      baselineVersionId,
      baselineVersion: e.baselineVersion,
      description,
      results: parseResults(e.results, `${field}.results`),
      thresholds,
      directions,
      tolerance,
    });
  }

  const deployments: AttachmentPlan['deployments'] = [];
  for (const [i, d] of deploymentsIn.entries()) {
    const field = `deployments[${i}]`;
    const model = await modelOf(stores, project, `${field}.model`, d.model);
    const ref = versionRef(field, d);
    if ('runId' in ref && ref.runId) {
      await knownRun(`${field}.runId`, ref.runId);
    }
    checkSlug(`${field}.environment`, d.environment);
    const endpoint = d.endpoint ?? '';
    checkMaxLength(`${field}.endpoint`, endpoint, 2000);
    const deployedAt = d.deployedAt ? new Date(d.deployedAt) : new Date();
    if (Number.isNaN(deployedAt.getTime())) {
      throw new InputError(`${field}.deployedAt is not a date`);
    }
    deployments.push({
      field,
      model,
      ref,
      environment: d.environment,
      service: normalizeEntityRef(`${field}.service`, d.service, 'component'),
      endpoint,
      deployedAt,
    });
  }
  return { versions, evaluations, deployments };
}

/** A version the batch names, which the batch itself may just have registered. */
async function versionIn(
  stores: Stores,
  model: Model,
  ref: VersionRef,
  field: string,
): Promise<{ id: string; version: number }> {
  const found = await stores.models.findVersion(model, ref);
  if (!found) {
    throw new InputError(
      'version' in ref
        ? `${field}.version: model '${model.name}' has no version ${ref.version}`
        : `${field}.runId: no version of model '${model.name}' was produced by run '${ref.runId}'`,
    );
  }
  return found;
}

/** Writes the plan with the unit of work's stores, after the batch's runs. */
export async function writeAttachments(
  stores: Stores,
  plan: AttachmentPlan,
  actor: string,
): Promise<AttachmentResults> {
  const modelVersions: NonNullable<IngestResult['modelVersions']> = [];
  for (const v of plan.versions) {
    const existing = await stores.models.findVersion(v.model, {
      runId: v.runId,
    });
    const version =
      existing?.version ??
      (
        await stores.models.createVersion(
          v.model,
          {
            runId: v.runId,
            artifactUri: v.artifactUri,
            framework: v.framework,
            description: v.description,
            modelCard: v.modelCard,
          },
          actor,
        )
      ).version;
    for (const alias of v.aliases) {
      await stores.models.setAlias(v.model, alias, version, actor);
    }
    modelVersions.push({
      model: v.model.name,
      version,
      runId: v.runId,
      created: !existing,
    });
  }

  const evaluations: NonNullable<IngestResult['evaluations']> = [];
  for (const e of plan.evaluations) {
    const target = await versionIn(stores, e.model, e.ref, e.field);
    if (e.baselineVersion === target.version) {
      throw new InputError(
        `${e.field}.baselineVersion must be another version than the one evaluated`,
      );
    }
    const { id, created } = await stores.evaluations.createEvaluation(
      {
        id: target.id,
        projectId: e.model.projectId,
        model: e.model.name,
        version: target.version,
      },
      {
        name: e.name,
        datasetId: e.datasetId,
        baselineVersionId: e.baselineVersionId,
        description: e.description,
        results: e.results,
        thresholds: e.thresholds,
        directions: e.directions,
        tolerance: e.tolerance,
      },
      actor,
    );
    evaluations.push({
      id,
      model: e.model.name,
      version: target.version,
      name: e.name,
      created,
    });
  }

  const deployments: NonNullable<IngestResult['deployments']> = [];
  for (const d of plan.deployments) {
    const target = await versionIn(stores, d.model, d.ref, d.field);
    const same = await stores.deployments.findActiveDeployment(
      target.id,
      d.environment,
      d.service,
    );
    const id =
      same ??
      (
        await stores.deployments.createDeployment(
          d.model,
          {
            version: target.version,
            environment: d.environment,
            service: d.service,
            endpoint: d.endpoint,
            deployedAt: d.deployedAt,
          },
          actor,
        )
      ).id;
    deployments.push({
      id,
      model: d.model.name,
      version: target.version,
      environment: d.environment,
      service: d.service,
      created: !same,
    });
  }
  return { modelVersions, evaluations, deployments };
}
