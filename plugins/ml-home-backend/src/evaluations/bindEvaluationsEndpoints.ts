import {
  RouteContext,
  countedPageToWire,
  pageRequest,
} from '../router/RouteContext';
import { metricValueToWire } from '../runs/runsWire';
import { EvaluationsApi } from './evaluationsAccess';
import { evaluationSummaryToWire, evaluationToWire } from './evaluationsWire';

const valueToWire = (n: number | null) =>
  n === null ? null : metricValueToWire(n);

/** Evaluations: list, record (idempotent), read with the computed score, thresholds, compare. */
export function bindEvaluationsEndpoints(
  { api, caller, audited }: RouteContext,
  service: EvaluationsApi,
) {
  api.get('/evaluations', async (req, res) => {
    const page = await service.listEvaluations(await caller(req), {
      project: req.query.project,
      model: req.query.model,
      version: req.query.version,
      dataset: req.query.dataset,
      ...pageRequest(req.query),
    });
    res.json(countedPageToWire(page, evaluationSummaryToWire));
  });

  api.post(
    '/models/:modelName/versions/:version/evaluations',
    async (req, res) => {
      const who = await caller(req);
      const { evaluation, created } = await audited(
        req,
        'evaluation-create',
        {
          model: req.params.modelName,
          version: req.params.version,
          name: req.body.name,
        },
        () =>
          service.createEvaluation(
            who,
            req.params.modelName,
            // Path parameters arrive as strings even when the spec says integer.
            Number(req.params.version),
            req.body,
          ),
      );
      res.status(created ? 201 : 200).json(evaluationToWire(evaluation));
    },
  );

  api.get('/evaluations/:evaluationId', async (req, res) => {
    res.json(
      evaluationToWire(
        await service.getEvaluation(await caller(req), req.params.evaluationId),
      ),
    );
  });

  api.put('/evaluations/:evaluationId/thresholds', async (req, res) => {
    const who = await caller(req);
    const evaluation = await audited(
      req,
      'evaluation-thresholds',
      { evaluationId: req.params.evaluationId },
      () =>
        service.setEvaluationThresholds(who, req.params.evaluationId, req.body),
    );
    res.json(evaluationToWire(evaluation));
  });

  api.post('/compare/evaluations', async (req, res) => {
    const comparison = await service.compareEvaluations(
      await caller(req),
      req.body.evaluations,
    );
    res.json({
      items: comparison.items.map(evaluationSummaryToWire),
      slices: comparison.slices,
      metrics: comparison.metrics,
      rows: comparison.rows.map(row => ({
        ...row,
        values: row.values.map(valueToWire),
        deltas: row.deltas.map(valueToWire),
      })),
    });
  });
}
