import { InputError } from '@backstage/errors';
import {
  EvaluationCreate,
  EvaluationResult,
  EvaluationScore,
  EvaluationThreshold,
  EvaluationThresholdsUpdate,
  DeclaredMetricDirections,
  MetricDirection,
  MetricDirectionSource,
  compareEvaluationResults,
  resolveMetricDirections,
  scoreEvaluation,
} from '@ml-home/plugin-ml-home-common';
import { MetricDirectionsStore } from '../metricDirections/DatabaseMetricDirectionsStore';
import { loadDeclaredMetricDirections } from '../metricDirections/resolveMetricDirections';
import { Finders } from '../authorization/finders';
import { DatasetsStore } from '../datasets/DatabaseDatasetsStore';
import { findDatasetByReference } from '../datasets/datasetReference';
import { Caller } from '../domain/Caller';
import { ProjectConditions } from '../domain/ProjectConditions';
import {
  EvaluationScope,
  EvaluationsScope,
  ModelScope,
} from '../domain/scopes';
import { EvaluationRecord, Page } from '../domain/types';
import { checkDescription, checkSlug } from '../domain/validation';
import { ModelsStore } from '../models/DatabaseModelsStore';
import { ProjectsStore } from '../projects/DatabaseProjectsStore';
import { EvaluationsStore } from './DatabaseEvaluationsStore';
import {
  checkDirections,
  checkThresholds,
  checkTolerance,
  parseResults,
} from './evaluationValidation';
import { noSuchEvaluation, noSuchVersion } from '../domain/notFound';

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
  /**
   * The direction of every metric of the results whose direction is known: declared by the
   * evaluation, its model or its project, or guessed from a well-known name.
   */
  allDirections: Record<string, MetricDirection>;
  /** Who said each direction of `allDirections`. */
  directionSources: Record<string, MetricDirectionSource>;
  /** What its model and project declare. */
  declared: DeclaredMetricDirections;
  score: EvaluationScore;
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
    direction?: MetricDirection;
    directionSource?: MetricDirectionSource;
    values: (number | null)[];
    deltas: (number | null)[];
    best: number[];
    pass: (boolean | null)[];
  }[];
}

/** ML Home's rules for offline evaluations. Knows nothing of permissions. */
export interface EvaluationsService {
  listEvaluations(
    caller: Caller,
    conditions: ProjectConditions,
    request: EvaluationListRequest,
  ): Promise<Page<EvaluationSummaryView>>;
  /** Records an evaluation of a version, or finds the same one already recorded (a retry). */
  createEvaluation(
    caller: Caller,
    scope: ModelScope,
    version: number,
    request: EvaluationCreate,
  ): Promise<{ evaluation: EvaluationView; created: boolean }>;
  getEvaluation(
    caller: Caller,
    scope: EvaluationScope,
  ): Promise<EvaluationView>;
  setEvaluationThresholds(
    caller: Caller,
    scope: EvaluationScope,
    request: EvaluationThresholdsUpdate,
  ): Promise<EvaluationView>;
  compareEvaluations(
    caller: Caller,
    scope: EvaluationsScope,
  ): Promise<EvaluationComparisonView>;
}

/** The rules over the evaluations store. */
export class DefaultEvaluationsService implements EvaluationsService {
  constructor(
    private readonly evaluations: EvaluationsStore,
    private readonly models: ModelsStore,
    private readonly datasets: DatasetsStore,
    private readonly projects: ProjectsStore,
    private readonly find: Pick<Finders, 'project' | 'model'>,
    private readonly directions: Pick<MetricDirectionsStore, 'getDeclared'>,
  ) {}

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
    const declaredFor = await loadDeclaredMetricDirections(
      this.directions,
      records.map(r => ({ project: r.project, model: r.model })),
    );
    const details = await this.evaluations.loadDetails([
      ...records.map(r => r.id),
      ...baselineIds.filter((id): id is string => !!id),
    ]);
    return records.map((record, i) => {
      const { results, thresholds } = details.get(record.id)!;
      const baselineId = baselineIds[i];
      const declared = declaredFor({
        project: record.project,
        model: record.model,
      });
      const score = scoreEvaluation({
        results,
        thresholds,
        baseline: baselineId ? details.get(baselineId)!.results : undefined,
        directions: record.directions,
        declared,
        tolerance: record.tolerance,
      });
      const resolved = [
        ...resolveMetricDirections(
          results.map(r => r.metric),
          { ...declared, evaluation: record.directions },
        ),
      ];
      // Object.fromEntries defines own properties: a metric may be called `__proto__`.
      const allDirections: Record<string, MetricDirection> = Object.fromEntries(
        resolved.map(([metric, r]) => [metric, r.direction]),
      );
      const directionSources: Record<string, MetricDirectionSource> =
        Object.fromEntries(resolved.map(([metric, r]) => [metric, r.source]));
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
        directionSources,
        declared,
        score,
      };
    });
  }

  async listEvaluations(
    _caller: Caller,
    conditions: ProjectConditions,
    request: EvaluationListRequest,
  ) {
    const project = request.project
      ? (await this.find.project.find(request.project)).project
      : undefined;
    const model = request.model
      ? (await this.find.model.find(request.model)).model
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
    { model, project }: ModelScope,
    versionNumber: number,
    request: EvaluationCreate,
  ) {
    const modelName = model.name;
    const version = await this.models.getVersion(model, versionNumber);
    if (!version) {
      throw noSuchVersion(modelName, versionNumber);
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
    return { evaluation: await this.view(id), created };
  }

  /** An evaluation as stored now, with its score. */
  private async view(id: string): Promise<EvaluationView> {
    const evaluation = await this.evaluations.getEvaluation(id);
    if (!evaluation) {
      throw noSuchEvaluation(id);
    }
    return (await this.views([evaluation]))[0];
  }

  async getEvaluation(_caller: Caller, { evaluation }: EvaluationScope) {
    return (await this.views([evaluation]))[0];
  }

  async setEvaluationThresholds(
    caller: Caller,
    { evaluation }: EvaluationScope,
    request: EvaluationThresholdsUpdate,
  ) {
    checkThresholds('thresholds', request.thresholds);
    if (request.directions) checkDirections('directions', request.directions);
    if (request.tolerance !== undefined) {
      checkTolerance('tolerance', request.tolerance);
    }
    await this.evaluations.setThresholds(evaluation, request, caller.actor);
    return this.view(evaluation.id);
  }

  async compareEvaluations(
    _caller: Caller,
    { evaluations: records }: EvaluationsScope,
  ) {
    const ids = records.map(r => r.id);
    if (ids.length === 0 || ids.length > 20) {
      throw new InputError(
        `evaluations must name between 1 and 20 evaluations, not ${ids.length}`,
      );
    }
    if (new Set(ids).size !== ids.length) {
      throw new InputError('evaluations names an evaluation more than once');
    }
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
      declared: v.declared,
      outcomes: v.score.outcomes,
    })),
  );
  return { items: views, slices, metrics, rows };
}
