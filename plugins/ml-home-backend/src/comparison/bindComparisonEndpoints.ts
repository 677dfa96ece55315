import { sendLargeJson } from '../router/largeJson';
import { RouteContext } from '../router/RouteContext';
import { ComparisonApi } from './comparisonAccess';
import { compareResultToWire } from './comparisonWire';

/** Comparison of runs and model versions: params diff and a metric table with the best marked. */
export function bindComparisonEndpoints(
  { api, caller }: RouteContext,
  comparison: ComparisonApi,
) {
  api.post('/compare', async (req, res) => {
    const { items, comparison: table } = await comparison.compare(
      await caller(req),
      { runs: req.body.runs, modelVersions: req.body.modelVersions },
      { allParams: req.body.allParams },
    );
    await sendLargeJson(req, res, compareResultToWire(items, table));
  });
}
