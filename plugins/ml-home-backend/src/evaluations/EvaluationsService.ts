import { InputError, NotFoundError } from '@backstage/errors';
import {
  EvaluationResult,
  EvaluationScore,
  EvaluationThreshold,
  MetricDirection,
  compareEvaluationResults,
  metricDirection,
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
  mlHomeRunWritePermission,
  scoreEvaluation,
} from '@ml-home/plugin-ml-home-common';
import { DatasetsStore } from '../datasets/DatabaseDatasetsStore';
import { EvaluationsStore } from '../evaluations/DatabaseEvaluationsStore';
import { ModelsStore } from '../models/DatabaseModelsStore';
import { ProjectConditions } from '../domain/ProjectConditions';
import { ProjectsStore } from '../projects/DatabaseProjectsStore';
import { findDatasetByReference } from '../datasets/datasetReference';
import { EvaluationRecord, Page, Project } from '../domain/types';
import { Caller, MlHomeService } from './MlHomeService';
import { ProjectAuthorizer } from '../authorization/ProjectAuthorizer';
import { ReferenceAuthorizer } from '../authorization/ReferenceAuthorizer';
import {
  checkDirections,
  checkThresholds,
  checkTolerance,
  parseResults,
} from '../evaluations/evaluationValidation';
import { checkDescription, checkSlug } from '../domain/validation';

/** An evaluation with its computed verdict, as lists show it. */
export interface EvaluationSummaryView extends EvaluationRecord {
  baselineEvaluationId?: string;
  pass: boolean;
  regressions: number;
  sliceCount: number;
  failingSlices: string[];
}

/** An evaluation with everything it holds and its computed score. */
export interface EvaluationView extends EvaluationSummaryView {
  results: EvaluationResult[];
  thresholds: EvaluationThreshold[];
  /** The direction of every metric of the results, declared or inferred. */
  allDirections: Record<string, MetricDirection>;
  score: EvaluationScore;
}

export interface EvaluationCreateRequest {
  name: string;
  dataset: string;
  baselineVersion?: number;
  description?: string;
  results: { slice: string; metric: string; value: number | string }[];
  thresholds?: EvaluationThreshold[];
  directions?: Record<string, MetricDirection>;
  tolerance?: number;
}

export interface EvaluationListRequest {
  project?: string;
  model?: string;
  version?: number;
  dataset?: string;
  limit: number;
  cursor?: string;
}

export interface EvaluationComparisonView {
  items: EvaluationSummaryView[];
  slices: string[];
  metrics: string[];
  rows: {
    slice: string;
    metric: string;
    direction: MetricDirection;
    values: (number | null)[];
    deltas: (number | null)[];
    best: number[];
    pass: (boolean | null)[];
  }[];
}

/** What the routes can ask about offline evaluations. */
export interface EvaluationsService {
  listEvaluations(
    caller: Caller,
    request: EvaluationListRequest,
    conditions?: ProjectConditions,
  ): Promise<Page<EvaluationSummaryView>>;
  createEvaluation(
    caller: Caller,
    model: string,
    version: number,
    request: EvaluationCreateRequest,
  ): Promise<{ evaluation: EvaluationView; created: boolean }>;
  getEvaluation(caller: Caller, id: string): Promise<EvaluationView>;
  setEvaluationThresholds(
    caller: Caller,
    id: string,
    request: {
      thresholds: EvaluationThreshold[];
      directions?: Record<string, MetricDirection>;
      tolerance?: number;
    },
  ): Promise<EvaluationView>;
  compareEvaluations(
    caller: Caller,
    ids: string[],
  ): Promise<EvaluationComparisonView>;
  /** The evaluation and the project it belongs to. */
  resolveEvaluation(
    id: string,
  ): Promise<{ evaluation: EvaluationRecord; project: Project }>;
}

/** ML Home's rules for evaluations, over the stores. Knows nothing of permissions. */
export class DefaultEvaluationsService implements EvaluationsService {
  constructor(
    private readonly core: MlHomeService,
    private readonly evaluations: EvaluationsStore,
    private readonly models: ModelsStore,
    private readonly datasets: DatasetsStore,
    private readonly projects: ProjectsStore,
  ) {}

  async resolveEvaluation(id: string) {
    const evaluation = await this.evaluations.getEvaluation(id);
    if (!evaluation) {
      throw new NotFoundError(`No evaluation with id '${id}'`);
    }
    const project = await this.core.resolveProject(evaluation.project, {
      includeDeleted: true,
    });
    return { evaluation, project };
  }

  private resolveDataset(
    field: string,
    reference: string,
    defaultProject: string,
  ) {
    return findDatasetByReference(
      { projects: this.projects, datasets: this.datasets },
      field,
      reference,
      defaultProject,
    );
  }

  /** Scores records in bulk: one query for all details, one per baseline lookup. */
  private async views(records: EvaluationRecord[]): Promise<EvaluationView[]> {
    const baselineIds = await Promise.all(
      records.map(r =>
        r.baselineVersionId
          ? this.evaluations.findBaselineEvaluation(
              r.baselineVersionId,
              r.datasetId,
              r.name,
            )
          : Promise.resolve(undefined),
      ),
    );
    const details = await this.evaluations.loadDetails([
      ...records.map(r => r.id),
      ...baselineIds.filter((id): id is string => !!id),
    ]);
    return records.map((record, i) => {
      const { results, thresholds } = details.get(record.id)!;
      const baselineId = baselineIds[i];
      const score = scoreEvaluation({
        results,
        thresholds,
        baseline: baselineId ? details.get(baselineId)!.results : undefined,
        directions: record.directions,
        tolerance: record.tolerance,
      });
      // Own properties only: a metric may be called `__proto__` or `constructor`.
      const allDirections: Record<string, MetricDirection> = Object.fromEntries(
        results.map(r => [
          r.metric,
          metricDirection(r.metric, record.directions),
        ]),
      );
      return {
        ...record,
        baselineEvaluationId: baselineId,
        pass: score.pass,
        regressions: score.regressions,
        sliceCount: score.slices.length,
        failingSlices: score.slices.filter(s => !s.pass).map(s => s.slice),
        results,
        thresholds,
        allDirections,
        score,
      };
    });
  }

  async listEvaluations(
    _caller: Caller,
    request: EvaluationListRequest,
    conditions?: ProjectConditions,
  ) {
    const project = request.project
      ? await this.core.resolveProject(request.project)
      : undefined;
    const model = request.model
      ? (await this.core.resolveModel(request.model)).model
      : undefined;
    if (request.version !== undefined && !model) {
      throw new InputError('version: filter by model as well as version');
    }
    let datasetId: string | undefined;
    if (request.dataset) {
      if (!request.dataset.includes('/') && !project) {
        throw new InputError(
          "dataset: name the project, with 'project' or as 'project/name'",
        );
      }
      datasetId = (
        await this.resolveDataset(
          'dataset',
          request.dataset,
          project?.name ?? '',
        )
      ).id;
    }
    const page = await this.evaluations.listEvaluations(
      {
        projectId: project?.id,
        modelId: model?.id,
        version: request.version,
        datasetId,
        limit: request.limit,
        cursor: request.cursor,
      },
      conditions,
    );
    return { ...page, items: await this.views(page.items) };
  }

  async createEvaluation(
    caller: Caller,
    modelName: string,
    versionNumber: number,
    request: EvaluationCreateRequest,
  ) {
    const { model, project } = await this.core.resolveModel(modelName);
    const version = await this.models.getVersion(model, versionNumber);
    if (!version) {
      throw new NotFoundError(
        `Model '${modelName}' has no version ${versionNumber}`,
      );
    }
    checkSlug('name', request.name);
    const dataset = await this.resolveDataset(
      'dataset',
      request.dataset,
      project.name,
    );
    let baselineVersionId: string | undefined;
    if (request.baselineVersion !== undefined) {
      if (request.baselineVersion === versionNumber) {
        throw new InputError(
          'baselineVersion must be another version than the one evaluated',
        );
      }
      const baseline = await this.models.getVersion(
        model,
        request.baselineVersion,
      );
      if (!baseline) {
        throw new InputError(
          `baselineVersion: model '${modelName}' has no version ${request.baselineVersion}`,
        );
      }
      baselineVersionId = baseline.id;
    }
    const description = request.description ?? '';
    checkDescription('description', description);
    const results = parseResults(request.results);
    const thresholds = request.thresholds ?? [];
    checkThresholds('thresholds', thresholds);
    const directions = request.directions ?? {};
    checkDirections('directions', directions);
    const tolerance = request.tolerance ?? 0;
    checkTolerance('tolerance', tolerance);

    const { id, created } = await this.evaluations.createEvaluation(
      {
        id: version.id,
        projectId: project.id,
        model: model.name,
        version: versionNumber,
      },
      {
        name: request.name,
        datasetId: dataset.id,
        baselineVersionId,
        description,
        results,
        thresholds,
        directions,
        tolerance,
      },
      caller.actor,
    );
    return { evaluation: await this.getEvaluation(caller, id), created };
  }

  async getEvaluation(_caller: Caller, id: string) {
    const { evaluation } = await this.resolveEvaluation(id);
    return (await this.views([evaluation]))[0];
  }

  async setEvaluationThresholds(
    caller: Caller,
    id: string,
    request: {
      thresholds: EvaluationThreshold[];
      directions?: Record<string, MetricDirection>;
      tolerance?: number;
    },
  ) {
    const { evaluation } = await this.resolveEvaluation(id);
    checkThresholds('thresholds', request.thresholds);
    if (request.directions) checkDirections('directions', request.directions);
    if (request.tolerance !== undefined) {
      checkTolerance('tolerance', request.tolerance);
    }
    await this.evaluations.setThresholds(evaluation, request, caller.actor);
    return this.getEvaluation(caller, id);
  }

  async compareEvaluations(_caller: Caller, ids: string[]) {
    if (ids.length === 0 || ids.length > 20) {
      throw new InputError(
        `evaluations must name between 1 and 20 evaluations, not ${ids.length}`,
      );
    }
    if (new Set(ids).size !== ids.length) {
      throw new InputError('evaluations names an evaluation more than once');
    }
    const records = await Promise.all(
      ids.map(async (id, i) => {
        const record = await this.evaluations.getEvaluation(id);
        if (!record) {
          throw new InputError(
            `evaluations[${i}]: no evaluation with id '${id}'`,
          );
        }
        return record;
      }),
    );
    const views = await this.views(records);
    return compareEvaluationViews(views);
  }
}

/**
 * Lays evaluations out slice by slice and metric by metric: each row holds every evaluation's
 * value, its delta to the first evaluation, whether its thresholds pass there, and which
 * evaluations hold the best value by the metric's direction.
 */
export function compareEvaluationViews(
  views: EvaluationView[],
): EvaluationComparisonView {
  const { slices, metrics, rows } = compareEvaluationResults(
    views.map(v => ({
      results: v.results,
      directions: v.directions,
      outcomes: v.score.outcomes,
    })),
  );
  return { items: views, slices, metrics, rows };
}

/** The permission layer over {@link EvaluationsService}. */
export class AuthorizedEvaluationsService implements EvaluationsService {
  private readonly references: ReferenceAuthorizer;

  constructor(
    private readonly inner: EvaluationsService,
    private readonly core: MlHomeService,
    private readonly authorizer: ProjectAuthorizer,
  ) {
    this.references = new ReferenceAuthorizer(core, authorizer);
  }

  resolveEvaluation(id: string) {
    return this.inner.resolveEvaluation(id);
  }

  listEvaluations(caller: Caller, request: EvaluationListRequest) {
    return this.authorizer.whenReadable(
      caller,
      { items: [], totalCount: 0 },
      conditions => this.inner.listEvaluations(caller, request, conditions),
    );
  }

  async createEvaluation(
    caller: Caller,
    model: string,
    version: number,
    request: EvaluationCreateRequest,
  ) {
    // Like registering a version: pipelines with ingestion tokens record evaluations. The
    // dataset and the baseline are only read, wherever they are.
    const { project } = await this.core.resolveModel(model);
    await this.authorizer.check(caller, mlHomeRunWritePermission, project);
    await this.references.checkDatasetsReadable(
      caller,
      [{ field: 'dataset', reference: request.dataset }],
      project.name,
    );
    if (request.baselineVersion !== undefined) {
      await this.references.checkReadable(
        caller,
        'baselineVersion',
        project,
        `version ${request.baselineVersion} of model '${model}'`,
      );
    }
    return this.inner.createEvaluation(caller, model, version, request);
  }

  async getEvaluation(caller: Caller, id: string) {
    const { project } = await this.inner.resolveEvaluation(id);
    await this.authorizer.check(caller, mlHomeProjectReadPermission, project);
    return this.inner.getEvaluation(caller, id);
  }

  async setEvaluationThresholds(
    caller: Caller,
    id: string,
    request: Parameters<EvaluationsService['setEvaluationThresholds']>[2],
  ) {
    const { project } = await this.inner.resolveEvaluation(id);
    await this.authorizer.check(caller, mlHomeProjectUpdatePermission, project);
    return this.inner.setEvaluationThresholds(caller, id, request);
  }

  async compareEvaluations(caller: Caller, ids: string[]) {
    const projects = await Promise.all(
      ids.map(async (id, i) => {
        try {
          return (await this.inner.resolveEvaluation(id)).project;
        } catch (error) {
          if ((error as Error).name === 'NotFoundError') {
            throw new InputError(
              `evaluations[${i}]: no evaluation with id '${id}'`,
            );
          }
          throw error;
        }
      }),
    );
    for (const project of projects) {
      await this.authorizer.check(caller, mlHomeProjectReadPermission, project);
    }
    return this.inner.compareEvaluations(caller, ids);
  }
}
