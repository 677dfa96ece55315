/*
 * Comparison tables for runs and model versions are built here so that the
 * comparison page and any export of it agree on which params differ and which
 * value is best. The work is one pass over every param and metric into maps
 * keyed by name, because a comparison can hold 100 items with hundreds of
 * metrics each and the page rebuilds the table as items are toggled.
 */

import { MetricDirection } from './evaluation';
import {
  DeclaredMetricDirections,
  MetricDirectionSource,
  resolveMetricDirection,
} from './metricDirections';

/**
 * One run or model version as the comparison sees it.
 *
 * @public
 */
export interface ComparableItem {
  /** Unique among the compared items. */
  id: string;
  /** What to show instead of the id, e.g. the run name or `model v3`. */
  label?: string;
  /** Params; a key appears at most once. */
  params: { key: string; value: string }[];
  /**
   * Metrics; a key appears at most once. `value` is the latest value, `min`
   * and `max` are over the whole series when known.
   */
  metrics: { key: string; value: number; min?: number; max?: number }[];
  /**
   * The directions declared where the item lives (its model, its project); the first item with a
   * metric decides the metric's direction.
   */
  directions?: DeclaredMetricDirections;
}

/**
 * One param across the compared items.
 *
 * @public
 */
export interface ParamDiffRow {
  /** The param key. */
  key: string;
  /** Aligned with the items; `null` where an item lacks the param. */
  values: (string | null)[];
  /** Whether the values are not all the same string (absence counts). */
  differs: boolean;
}

/**
 * One metric across the compared items, as three columns aligned with the
 * items: the latest value, the minimum and the maximum. A comparison of 100
 * items with 500 metrics is 50,000 cells; columns of plain numbers cost a
 * fraction of one object per cell to build, send and parse.
 *
 * @public
 */
export interface MetricTableRow {
  /** The metric key. */
  key: string;
  /**
   * Which way the metric is better, used to pick `best`; absent when nobody declared it and
   * the name does not settle it (then no item is best).
   */
  direction?: MetricDirection;
  /** Who said which way is better; absent with `direction`. */
  directionSource?: MetricDirectionSource;
  /** The latest value per item; `null` where an item lacks the metric. */
  last: (number | null)[];
  /**
   * The smallest value per item over the whole series; `null` where the item
   * lacks the metric or its minimum is not known.
   */
  min: (number | null)[];
  /** The largest value per item, like `min`. */
  max: (number | null)[];
  /**
   * The indexes, ascending, of the items whose latest value is best; every
   * tied item is included. `NaN` and missing values are never best, so the
   * list is empty when no item has a number.
   */
  best: number[];
}

/**
 * A side-by-side comparison; see {@link compareItems}.
 *
 * @public
 */
export interface Comparison {
  /** The items in the order given, which every row's `values` follows. */
  items: { id: string; label?: string }[];
  /** One row per param any item has, with whether the values differ. */
  params: ParamDiffRow[];
  /** One row per metric any item has. */
  metrics: MetricTableRow[];
}

/**
 * The most items {@link compareItems} accepts unless told otherwise: beyond
 * it a side-by-side table stops being readable.
 *
 * @public
 */
export const DEFAULT_MAX_COMPARED_ITEMS = 100;

/* Code-unit order: unlike localeCompare, the same on every runtime. */
function compareStrings(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/*
 * One row of values per param key, aligned with the items, in a single pass;
 * a slot already filled means the item repeats the key.
 */
function paramColumns(
  items: readonly ComparableItem[],
): Map<string, (string | null)[]> {
  const rows = new Map<string, (string | null)[]>();
  items.forEach((item, i) => {
    for (const { key, value } of item.params) {
      let row = rows.get(key);
      if (!row) {
        row = new Array<string | null>(items.length).fill(null);
        rows.set(key, row);
      }
      if (row[i] !== null) {
        throw new Error(
          `Item ${JSON.stringify(item.id)} has param ${JSON.stringify(
            key,
          )} more than once`,
        );
      }
      row[i] = value;
    }
  });
  return rows;
}

function bestIndexes(
  last: readonly (number | null)[],
  direction: MetricDirection | undefined,
): number[] {
  if (!direction) {
    return [];
  }
  let best: number[] = [];
  let bestValue = NaN;
  last.forEach((v, i) => {
    if (v === null || Number.isNaN(v)) {
      return;
    }
    if (best.length === 0) {
      best = [i];
      bestValue = v;
    } else if (v === bestValue) {
      best.push(i);
    } else if (direction === 'higher' ? v > bestValue : v < bestValue) {
      best = [i];
      bestValue = v;
    }
  });
  return best;
}

/* One row of three columns per metric key, in code-unit order of the keys. */
function metricColumns(
  items: readonly ComparableItem[],
  directions: DeclaredMetricDirections | undefined,
): MetricTableRow[] {
  const n = items.length;
  const rows = new Map<string, MetricTableRow>();
  const blank = () => new Array<number | null>(n).fill(null);
  items.forEach((item, i) => {
    for (const m of item.metrics) {
      let row = rows.get(m.key);
      if (!row) {
        const resolved = resolveMetricDirection(
          m.key,
          item.directions ?? directions,
        );
        row = {
          key: m.key,
          last: blank(),
          min: blank(),
          max: blank(),
          best: [],
        };
        if (resolved) {
          row.direction = resolved.direction;
          row.directionSource = resolved.source;
        }
        rows.set(m.key, row);
      }
      if (row.last[i] !== null) {
        throw new Error(
          `Item ${JSON.stringify(item.id)} has metric ${JSON.stringify(
            m.key,
          )} more than once`,
        );
      }
      row.last[i] = m.value;
      row.min[i] = m.min ?? null;
      row.max[i] = m.max ?? null;
    }
  });
  return [...rows.keys()].sort(compareStrings).map(key => {
    const row = rows.get(key)!;
    row.best = bestIndexes(row.last, row.direction);
    return row;
  });
}

/**
 * Lines up runs or model versions side by side: a row per param and per
 * metric, each with one value per item in the order given.
 *
 * @remarks
 * Params: keys in code-unit order; only the keys whose values differ, unless
 * `allParams`. Values are compared as exact strings (`0.1` and `0.10`
 * differ, as they were logged differently), and a key some items lack
 * differs. Metrics: every key any item has, in code-unit order, with the
 * best item(s) by latest value in the metric's direction, resolved by
 * {@link resolveMetricDirection} from the first item with the metric (its own
 * `directions`, else the `directions` option); a metric whose direction is
 * unknown has no best. `±Infinity` compete as numbers; `0` and `-0` tie.
 *
 * It runs in time linear in the number of params and metrics, plus sorting
 * the keys.
 *
 * @param items - the runs or model versions, in display order
 * @param options - `allParams` to keep params that are the same everywhere,
 * `directions` declared for items that declare none, and `maxItems` (default
 * {@link DEFAULT_MAX_COMPARED_ITEMS})
 * @returns the comparison
 * @throws RangeError when there are more than `maxItems` items, or `maxItems`
 * is not a positive integer
 * @throws Error when two items share an id, or an item repeats a param or
 * metric key
 * @public
 */
export function compareItems(
  items: readonly ComparableItem[],
  options?: {
    allParams?: boolean;
    directions?: DeclaredMetricDirections;
    maxItems?: number;
  },
): Comparison {
  const maxItems = options?.maxItems ?? DEFAULT_MAX_COMPARED_ITEMS;
  if (!Number.isInteger(maxItems) || maxItems < 1) {
    throw new RangeError(
      `maxItems must be a positive integer, got ${maxItems}`,
    );
  }
  if (items.length > maxItems) {
    throw new RangeError(
      `Cannot compare ${items.length} items, the limit is ${maxItems}`,
    );
  }
  const ids = new Set<string>();
  for (const { id } of items) {
    if (ids.has(id)) {
      throw new Error(`Duplicate item id ${JSON.stringify(id)}`);
    }
    ids.add(id);
  }

  const paramRows = paramColumns(items);
  const params: ParamDiffRow[] = [];
  for (const key of [...paramRows.keys()].sort(compareStrings)) {
    const values = paramRows.get(key)!;
    const differs = values.some(v => v !== values[0]);
    if (differs || options?.allParams) {
      params.push({ key, values, differs });
    }
  }

  const metrics = metricColumns(items, options?.directions);

  return {
    items: items.map(({ id, label }) =>
      label === undefined ? { id } : { id, label },
    ),
    params,
    metrics,
  };
}
