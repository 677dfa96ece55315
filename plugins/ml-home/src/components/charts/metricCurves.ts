/*
 * Pure builders for the metric-curve chart, kept apart from React so that
 * what the chart will draw (series, axes, smoothing) is tested directly.
 */
import type { MlHomeT } from '../../translation';
import type { ChartOption } from './echartsSetup';

/**
 * One point of a metric series as the API returns it; values may be `"NaN"` or `"Infinity"`.
 *
 * @public
 */
export interface CurvePoint {
  step: number;
  value: number | string;
  timestamp: number;
}

/**
 * One named series of metric points (a run's history of one metric).
 *
 * @public
 */
export interface CurveSeries {
  name: string;
  points: CurvePoint[];
}

/**
 * What the x axis measures: the logged step, wall-clock time, or time since the series began.
 *
 * @public
 */
export type CurveXAxis = 'step' | 'time' | 'relative';

/**
 * The user's view settings of a metric-curve chart.
 *
 * @public
 */
export interface CurveSettings {
  xAxis: CurveXAxis;
  logScale: boolean;
  /** Exponential moving average weight in [0, 1): 0 draws raw values. */
  smoothing: number;
}

/** @public */
export const DEFAULT_CURVE_SETTINGS: CurveSettings = {
  xAxis: 'step',
  logScale: false,
  smoothing: 0,
};

/** The largest smoothing weight: 1 would freeze the curve at its first value. */
export const MAX_SMOOTHING = 0.99;

/** Reads a metric value of the API (`"NaN"`, `"Infinity"`, `"-Infinity"` as strings) as a number. */
export function metricNumber(
  value: number | string | null | undefined,
): number {
  if (typeof value === 'number') return value;
  if (value === 'Infinity' || value === '+Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  return NaN;
}

/**
 * TensorBoard's smoothing: an exponential moving average, debiased so that the first points are
 * not pulled towards zero. Values that are not finite pass through unchanged and do not disturb
 * the average.
 */
export function emaSmooth(values: readonly number[], weight: number): number[] {
  const w = Math.min(Math.max(weight, 0), MAX_SMOOTHING);
  if (w === 0) return [...values];
  let last = 0;
  let count = 0;
  return values.map(value => {
    if (!Number.isFinite(value)) return value;
    last = last * w + (1 - w) * value;
    count += 1;
    return last / (1 - Math.pow(w, count));
  });
}

// ECharts' default palette first (tested for contrast), then golden-angle hues so that up
// to 100 overlaid runs stay distinguishable.
const PALETTE = [
  '#5470c6',
  '#91cc75',
  '#fac858',
  '#ee6666',
  '#73c0de',
  '#3ba272',
  '#fc8452',
  '#9a60b4',
  '#ea7ccc',
];

/** The colour of the i-th series. */
export function seriesColor(index: number): string {
  if (index < PALETTE.length) return PALETTE[index];
  const hue = Math.round((index * 137.508) % 360);
  return `hsl(${hue}, 62%, 52%)`;
}

/** Formats seconds as `1h 02m 03s`, `2m 05s`, `7s`. */
export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '-' : '';
  let s = Math.round(Math.abs(totalSeconds));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${sign}${h}h ${pad(m)}m ${pad(s)}s`;
  if (m > 0) return `${sign}${m}m ${pad(s)}s`;
  return `${sign}${s}s`;
}

/** Formats a metric value compactly for tooltips and summaries. */
export function formatMetric(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3)) {
    return value.toExponential(3);
  }
  return String(Number(value.toPrecision(5)));
}

/** A series as it will be drawn: x and y (null for a gap) per point, sorted by x. */
export interface PreparedCurve {
  name: string;
  color: string;
  raw: [number, number | null][];
  smoothed: [number, number | null][];
}

/**
 * Turns API series into drawable points under the settings: chooses x, sorts by it, smooths,
 * and leaves a gap for values a log axis cannot show (zero, negative) and for NaN and infinities.
 */
export function prepareCurves(
  series: readonly CurveSeries[],
  settings: CurveSettings,
): PreparedCurve[] {
  return series.map((s, index) => {
    const start = s.points.reduce(
      (min, p) => Math.min(min, p.timestamp),
      Infinity,
    );
    const xOf = (p: CurvePoint): number => {
      if (settings.xAxis === 'time') return p.timestamp;
      if (settings.xAxis === 'relative') return (p.timestamp - start) / 1000;
      return p.step;
    };
    const sorted = s.points
      .map(p => ({ x: xOf(p), y: metricNumber(p.value) }))
      .sort((a, b) => a.x - b.x);
    const ys = sorted.map(p => p.y);
    const smoothedYs =
      settings.smoothing > 0 ? emaSmooth(ys, settings.smoothing) : ys;
    const drawable = (y: number): number | null =>
      Number.isFinite(y) && (!settings.logScale || y > 0) ? y : null;
    return {
      name: s.name,
      color: seriesColor(index),
      raw: sorted.map((p, i) => [p.x, drawable(ys[i])]),
      smoothed: sorted.map((p, i) => [p.x, drawable(smoothedYs[i])]),
    };
  });
}

/**
 * Packs drawable points into one flat `Float64Array` (x0, y0, x1, y1, …), a gap as NaN, which is
 * how ECharts takes a line's data cheapest: it copies a typed array at once where it deep-clones
 * and then re-reads an array of `[x, y]` pairs point by point. With 50 runs × 1,000 points that
 * was about a third of the browser's work between the histories arriving and the chart drawn.
 */
export function packPoints(
  points: readonly (readonly [number, number | null])[],
): Float64Array {
  const packed = new Float64Array(points.length * 2);
  points.forEach(([x, y], i) => {
    packed[2 * i] = x;
    packed[2 * i + 1] = y ?? NaN;
  });
  return packed;
}

/** The most series lines listed in one tooltip; with 100 runs the rest are counted. */
const TOOLTIP_MAX_ROWS = 12;

type TooltipParam = {
  seriesName?: string;
  seriesId?: string;
  color?: string;
  value?: unknown;
};

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    c =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[
        c
      ]!,
  );
}

/** Formats the x value of a point for the tooltip header and the summary. */
export function formatX(x: number, axis: CurveXAxis, t: MlHomeT): string {
  if (axis === 'time') return new Date(x).toISOString().replace('.000Z', 'Z');
  if (axis === 'relative') return formatDuration(x);
  return t('charts.tooltipStep', { step: String(x) });
}

/**
 * The axis tooltip: the series at the hovered x, best first for the direction the values go, at
 * most a dozen rows so it stays readable with 100 runs. Raw series under smoothed ones are left
 * out (their value is the same run's).
 */
export function formatCurvesTooltip(
  params: TooltipParam[] | TooltipParam,
  axis: CurveXAxis,
  t: MlHomeT,
): string {
  const list = (Array.isArray(params) ? params : [params]).filter(
    p => !String(p.seriesId ?? '').endsWith(':raw'),
  );
  const rows = list
    .map(p => {
      const v = Array.isArray(p.value) ? p.value : [];
      return {
        name: p.seriesName ?? '',
        color: p.color ?? '',
        x: typeof v[0] === 'number' ? v[0] : NaN,
        // A gap comes back from the packed data as NaN.
        y: typeof v[1] === 'number' && !Number.isNaN(v[1]) ? v[1] : null,
      };
    })
    .filter(r => r.y !== null)
    .sort((a, b) => (b.y as number) - (a.y as number));
  if (rows.length === 0) return '';
  const header = escapeHtml(formatX(rows[0].x, axis, t));
  const lines = rows
    .slice(0, TOOLTIP_MAX_ROWS)
    .map(
      r =>
        `<span style="color:${escapeHtml(r.color)}">●</span> ${escapeHtml(
          r.name,
        )}: <b>${formatMetric(r.y as number)}</b>`,
    );
  if (rows.length > TOOLTIP_MAX_ROWS) {
    lines.push(
      escapeHtml(
        t('charts.tooltipMore', { count: rows.length - TOOLTIP_MAX_ROWS }),
      ),
    );
  }
  return [header, ...lines].join('<br/>');
}

/** The two dimensions of a packed line (see {@link packPoints}). */
const XY = ['x', 'y'];

/**
 * Builds the ECharts option of overlaid metric curves: one line per series (with its raw values
 * faded underneath when smoothing), a step, time or relative-time x axis, a linear or log y
 * axis, wheel/drag and slider zoom on x, box zoom and reset in the toolbox.
 *
 * @public
 */
export function buildMetricCurvesOption(
  series: readonly CurveSeries[],
  settings: CurveSettings,
  t: MlHomeT,
  options: { metricKey?: string } = {},
): ChartOption {
  const curves = prepareCurves(series, settings);
  const totalPoints = curves.reduce((n, c) => n + c.raw.length, 0);
  const smoothing = settings.smoothing > 0;
  const lines: NonNullable<ChartOption['series']> = [];
  curves.forEach((curve, index) => {
    if (smoothing) {
      lines.push({
        id: `s${index}:raw`,
        name: curve.name,
        type: 'line',
        // ECharts reads a typed array as data (its typed-array source format); its types do not say so.
        data: packPoints(curve.raw) as unknown as number[],
        dimensions: XY,
        showSymbol: false,
        silent: true,
        color: curve.color,
        lineStyle: { width: 1, opacity: 0.25 },
        emphasis: { disabled: true },
        z: 1,
      });
    }
    lines.push({
      id: `s${index}`,
      name: curve.name,
      type: 'line',
      data: packPoints(
        smoothing ? curve.smoothed : curve.raw,
      ) as unknown as number[],
      dimensions: XY,
      showSymbol: false,
      // Thins each line to the points the plot's pixels can show (keeping its shape); the
      // server has already kept each bucket's extremes.
      sampling: 'lttb',
      connectNulls: false,
      color: curve.color,
      lineStyle: { width: 1.5 },
      emphasis: { focus: 'series' },
      z: 2,
    });
  });
  const xAxisType = settings.xAxis === 'time' ? 'time' : 'value';
  return {
    // Animating tens of thousands of points delays the drawn chart for no insight.
    animation: totalPoints <= 2000,
    grid: { left: 64, right: 32, top: 48, bottom: 72, containLabel: false },
    legend: { type: 'scroll', top: 0, left: 0, right: 96 },
    toolbox: {
      right: 8,
      top: 0,
      feature: {
        dataZoom: {
          title: { zoom: t('charts.boxZoom'), back: t('charts.undoZoom') },
        },
        restore: { title: t('charts.reset') },
      },
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) =>
        formatCurvesTooltip(params as TooltipParam[], settings.xAxis, t),
    },
    xAxis: {
      type: xAxisType,
      name: {
        step: t('charts.axisStep'),
        time: t('charts.axisTime'),
        relative: t('charts.axisRelative'),
      }[settings.xAxis],
      nameLocation: 'middle',
      nameGap: 28,
      scale: true,
      axisLabel:
        settings.xAxis === 'relative'
          ? { formatter: (value: number) => formatDuration(value) }
          : {},
    },
    yAxis: {
      type: settings.logScale ? 'log' : 'value',
      name: options.metricKey,
      scale: true,
      axisLabel: { formatter: (value: number) => formatMetric(value) },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      {
        type: 'slider',
        xAxisIndex: 0,
        filterMode: 'none',
        bottom: 8,
        // The shadow would show only the first run's curve, and costs a second pass over it.
        showDataShadow: false,
      },
    ],
    series: lines,
  };
}

/**
 * A sentence per series for screen readers: its last value and range.
 *
 * @public
 */
export function summarizeCurves(
  series: readonly CurveSeries[],
  t: MlHomeT,
  metricKey?: string,
): string[] {
  return series.map(s => {
    const values = s.points
      .map(p => metricNumber(p.value))
      .filter(Number.isFinite);
    const lastPoint = [...s.points].sort((a, b) => a.step - b.step).at(-1);
    if (!lastPoint || values.length === 0) {
      return t('charts.noFinite', { name: s.name });
    }
    const min = values.reduce((a, b) => Math.min(a, b));
    const max = values.reduce((a, b) => Math.max(a, b));
    return t('charts.summary', {
      name: s.name,
      metric: metricKey ?? t('charts.value'),
      last: formatMetric(metricNumber(lastPoint.value)),
      step: String(lastPoint.step),
      min: formatMetric(min),
      max: formatMetric(max),
      count: s.points.length,
    });
  });
}
