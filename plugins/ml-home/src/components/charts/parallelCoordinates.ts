/*
 * Pure builder of the parallel-coordinates view: one vertical axis per param
 * (numeric or categorical) and a last axis for a metric, one line per run or
 * model version, so the user sees which param values go with a good metric.
 */
import type { ChartOption, ParallelAxisOption } from './echartsSetup';
import { formatMetric } from './metricCurves';

/**
 * One run or model version for the parallel-coordinates view.
 *
 * @public
 */
export interface ParallelItem {
  label: string;
  /** Param values by key; missing or null where the item lacks the param. */
  params: Record<string, string | null | undefined>;
  /** The chosen metric's value, or null where the item lacks it. */
  metric: number | null;
}

/** The most param axes drawn; past this the axes are too close to read. */
export const MAX_PARALLEL_PARAMS = 24;

/** The category shown for an item that lacks a categorical param. */
export const UNSET = '(unset)';

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** How one param is drawn: numbers on a value axis, anything else as categories. */
export interface ParamAxis {
  key: string;
  type: 'value' | 'category';
  /** Sorted categories (for `category` axes). */
  categories?: string[];
}

/* Own properties only: a param may be called `constructor` or `__proto__`. */
function paramOf(item: ParallelItem, key: string) {
  return Object.prototype.hasOwnProperty.call(item.params, key)
    ? item.params[key]
    : undefined;
}

/**
 * A param is numeric when every item that has it holds a number; otherwise its axis lists the
 * values, and `unset` when an item lacks the param.
 */
export function paramAxis(
  key: string,
  values: (string | null | undefined)[],
  unset: string = UNSET,
) {
  const present = values.filter(
    (v): v is string => v !== null && v !== undefined,
  );
  if (present.length > 0 && present.every(v => NUMBER.test(v.trim()))) {
    return { key, type: 'value' } as ParamAxis;
  }
  const categories = [...new Set(present)].sort((a, b) =>
    a.localeCompare(b, undefined, { numeric: true }),
  );
  if (present.length < values.length) categories.push(unset);
  return { key, type: 'category', categories } as ParamAxis;
}

/**
 * Builds the ECharts option of a parallel-coordinates chart of params against one metric. Lines
 * are coloured by the metric (a continuous scale, best end highlighted by the metric's
 * direction); drag along an axis to keep only the lines through that range.
 *
 * @public
 */
export function buildParallelCoordinatesOption(options: {
  items: ParallelItem[];
  paramKeys: string[];
  metricKey: string;
  /** Which way the metric is better; the colour scale puts the strong colour there. */
  direction?: 'higher' | 'lower';
  /** What a category axis calls an item without the param (translated by the caller). */
  unsetLabel?: string;
}): ChartOption {
  const { items, metricKey, direction = 'higher' } = options;
  const unset = options.unsetLabel ?? UNSET;
  const paramKeys = options.paramKeys.slice(0, MAX_PARALLEL_PARAMS);
  const axes = paramKeys.map(key =>
    paramAxis(
      key,
      items.map(i => paramOf(i, key)),
      unset,
    ),
  );
  const metricDim = axes.length;
  const parallelAxis: ParallelAxisOption[] = axes.map((axis, dim) => ({
    dim,
    name: axis.key,
    type: axis.type,
    ...(axis.type === 'category' ? { data: axis.categories } : { scale: true }),
    nameTextStyle: { fontSize: 11 },
    axisLabel: { hideOverlap: true },
  }));
  parallelAxis.push({
    dim: metricDim,
    name: metricKey,
    type: 'value',
    scale: true,
    nameTextStyle: { fontWeight: 'bold', fontSize: 12 },
    axisLabel: { formatter: (v: number) => formatMetric(v) },
  });
  const data = items.map(item => {
    const values: (string | number | null)[] = axes.map(axis => {
      const raw = paramOf(item, axis.key);
      if (axis.type === 'category') return raw ?? unset;
      return raw === null || raw === undefined ? null : Number(raw);
    });
    values.push(
      item.metric !== null && Number.isFinite(item.metric) ? item.metric : null,
    );
    return { name: item.label, value: values };
  });
  const metricValues = items
    .map(i => i.metric)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const min = metricValues.length ? Math.min(...metricValues) : 0;
  const max = metricValues.length ? Math.max(...metricValues) : 1;
  const colours = ['#d0d7e5', '#5470c6'];
  return {
    animation: false,
    parallel: {
      left: 48,
      right: 96,
      top: 56,
      bottom: 32,
      parallelAxisDefault: {
        nameLocation: 'end',
        nameGap: 16,
        nameRotate: axes.length > 8 ? 20 : 0,
      },
    },
    parallelAxis,
    visualMap:
      metricValues.length > 0
        ? {
            type: 'continuous',
            dimension: metricDim,
            min,
            max: max === min ? min + 1 : max,
            inRange: {
              color: direction === 'higher' ? colours : [...colours].reverse(),
            },
            right: 0,
            bottom: 32,
            itemHeight: 120,
            text: [
              direction === 'higher' ? 'better' : 'worse',
              direction === 'higher' ? 'worse' : 'better',
            ],
            calculable: true,
            // The default shows whole numbers, which turns a 0.77–0.81 range into "1" and "1".
            formatter: (value: unknown) => formatMetric(Number(value)),
          }
        : undefined,
    tooltip: { trigger: 'item', confine: true },
    series: [
      {
        type: 'parallel',
        name: metricKey,
        data,
        // Items without the metric are not coloured by the scale: grey.
        lineStyle: { width: 2, opacity: 0.8, color: '#9e9e9e' },
        emphasis: { lineStyle: { width: 4, opacity: 1 } },
        inactiveOpacity: 0.05,
        activeOpacity: 1,
      },
    ],
  };
}
