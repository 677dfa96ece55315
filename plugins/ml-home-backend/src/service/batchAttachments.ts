import { InputError } from '@backstage/errors';
import {
  EvaluationResult,
  EvaluationThreshold,
  MetricDirection,
} from '@ml-home/plugin-ml-home-common';
import { Knex } from 'knex';
import { DatasetsStore } from '../database/DatabaseDatasetsStore';
import { DeploymentsStore } from '../database/DatabaseDeploymentsStore';
import { EvaluationsStore } from '../database/DatabaseEvaluationsStore';
import { ModelsStore } from '../database/DatabaseModelsStore';
import { MlHomeStore } from '../database/MlHomeStore';
import { fromDbInt } from '../database/mappers';
import { IngestResult, Model, ModelCard, Project } from '../domain/types';
import {
  checkDirections,
  checkThresholds,
  checkTolerance,
  parseResults,
} from './evaluationValidation';
import { findDatasetByReference } from './datasetReference';
import { IngestRequest } from './MlHomeService';
import {
  checkAlias,
  checkDescription,
  checkMaxLength,
  checkSlug,
  normalizeEntityRef,
} from '../domain/validation';

/*
 * The parts of a batch that come after training: model versions, evaluations and deployments.
 * Everything that can be checked is checked before the batch's transaction opens (so a bad batch
 * writes nothing and holds no lock); inside the transaction only what the batch itself creates is
 * looked up, through the transaction.
 *
 * Retries never duplicate: a run registers at most one version per model, an evaluation is
 * identified by its version and name, and an active deployment of the same version, environment
 * and service is the same deployment.
 */

/** A version by number, or the version a run produced (possibly earlier in the same batch). */
type VersionRef = { version?: number; runId?: string };

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

export interface AttachmentStores {
  store: MlHomeStore;
  models: ModelsStore;
  datasets: DatasetsStore;
  deployments: DeploymentsStore;
  evaluations: EvaluationsStore;
}

/** The batch's model, which must belong to the batch's project (whose rights the batch used). */
async function modelOf(
  stores: AttachmentStores,
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

function versionRef(field: string, item: VersionRef): VersionRef {
  if ((item.version === undefined) === (item.runId === undefined)) {
    throw new InputError(
      `${field}: name the version with either version or runId`,
    );
  }
  return { version: item.version, runId: item.runId };
}

/**
 * Checks and resolves the batch's versions, evaluations and deployments; undefined when the batch
 * carries none.
 */
export async function planAttachments(
  stores: AttachmentStores,
  project: Project,
  request: IngestRequest,
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
    const run = await stores.store.getRun(runId);
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
    if (ref.runId) await knownRun(`${field}.runId`, ref.runId);
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
    if (ref.runId) await knownRun(`${field}.runId`, ref.runId);
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

/** Finds a version by number or by the run that produced it, inside the batch's transaction. */
async function versionIn(
  tx: Knex.Transaction,
  model: Model,
  ref: VersionRef,
  field: string,
): Promise<{ id: string; version: number }> {
  const qb = tx('model_versions').where('model_id', model.id);
  if (ref.version !== undefined) qb.andWhere('version', ref.version);
  else qb.andWhere('run_id', ref.runId!).orderBy('version', 'desc');
  const row = await qb.first('id', 'version');
  if (!row) {
    throw new InputError(
      ref.version !== undefined
        ? `${field}.version: model '${model.name}' has no version ${ref.version}`
        : `${field}.runId: no version of model '${model.name}' was produced by run '${ref.runId}'`,
    );
  }
  return { id: row.id, version: fromDbInt(row.version) };
}

/** Writes the plan inside the batch's transaction, after its runs. */
export async function applyAttachments(
  tx: Knex.Transaction,
  stores: AttachmentStores,
  plan: AttachmentPlan,
  actor: string,
): Promise<Partial<IngestResult>> {
  const modelVersions: NonNullable<IngestResult['modelVersions']> = [];
  for (const v of plan.versions) {
    const existing = await tx('model_versions')
      .where({ model_id: v.model.id, run_id: v.runId })
      .orderBy('version', 'desc')
      .first('version');
    const version = existing
      ? fromDbInt(existing.version)
      : (
          await stores.models.createVersionIn(
            tx,
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
      await stores.models.setAliasIn(tx, v.model, alias, version, actor);
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
    const target = await versionIn(tx, e.model, e.ref, e.field);
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
      tx,
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
    const target = await versionIn(tx, d.model, d.ref, d.field);
    const same = await tx('deployments')
      .where({
        model_version_id: target.id,
        environment: d.environment,
        service: d.service,
        status: 'active',
      })
      .first('id');
    const id =
      same?.id ??
      (await stores.deployments.createDeploymentIn(
        tx,
        d.model,
        {
          version: target.version,
          environment: d.environment,
          service: d.service,
          endpoint: d.endpoint,
          deployedAt: d.deployedAt,
        },
        actor,
      ));
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
