import { NotFoundError } from '@backstage/errors';
import {
  Comparison,
  ComparisonItem,
  compareItems,
} from '@ml-home/plugin-ml-home-common';
import { Caller } from '../domain/Caller';
import { MetricDirectionsStore } from '../metricDirections/DatabaseMetricDirectionsStore';
import { loadDeclaredMetricDirections } from '../metricDirections/resolveMetricDirections';
import { ComparisonStore } from './DatabaseComparisonStore';
import { ComparedItems } from './findComparedItems';

/** A comparison: its items and the params and metrics laid side by side. */
export interface CompareOutcome {
  items: ComparisonItem[];
  comparison: Comparison;
}

/** ML Home's rules for comparing runs and model versions. Knows nothing of permissions. */
export interface ComparisonService {
  compare(
    caller: Caller,
    scope: ComparedItems,
    options: { allParams?: boolean },
  ): Promise<CompareOutcome>;
}

/** The rules over the comparison store. */
export class DefaultComparisonService implements ComparisonService {
  constructor(
    private readonly store: ComparisonStore,
    private readonly directions: Pick<MetricDirectionsStore, 'getDeclared'>,
  ) {}

  async compare(
    _caller: Caller,
    { runIds, versions }: ComparedItems,
    options: { allParams?: boolean },
  ): Promise<CompareOutcome> {
    const wanted = [
      ...runIds,
      ...versions.flatMap(v => (v.runId ? [v.runId] : [])),
    ];
    const runs = new Map(
      (await this.store.getComparableRuns(wanted)).map(r => [r.id, r]),
    );
    const runItems = runIds.map((id, i): ComparisonItem => {
      const run = runs.get(id);
      if (!run) {
        throw new NotFoundError(`runs[${i}]: no run with id '${id}'`);
      }
      return {
        id,
        kind: 'run',
        label: run.name || id.slice(0, 8),
        project: run.project,
        runId: id,
      };
    });
    const items = [...runItems, ...versions];
    // A version's id is `model/version`; its model's declarations come before its project's.
    const ownerOf = (item: ComparisonItem) => ({
      project: item.project,
      model: item.kind === 'model-version' ? item.id.split('/')[0] : undefined,
    });
    const declaredFor = await loadDeclaredMetricDirections(
      this.directions,
      items.map(ownerOf),
    );
    const comparison = compareItems(
      items.map(item => {
        const run = item.runId ? runs.get(item.runId) : undefined;
        return {
          id: item.id,
          label: item.label,
          params: run?.params ?? [],
          metrics: run?.metrics ?? [],
          directions: declaredFor(ownerOf(item)),
        };
      }),
      { allParams: options.allParams },
    );
    return { items, comparison };
  }
}
