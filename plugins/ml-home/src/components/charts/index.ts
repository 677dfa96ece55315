export { EChart, visuallyHidden } from './EChart';
export type { EChartProps } from './EChart';
export type { ChartOption } from './echartsSetup';
export { MetricCurvesChart, CurveSettingsControls } from './MetricCurvesChart';
export type {
  MetricCurvesChartProps,
  CurveSettingsControlsProps,
} from './MetricCurvesChart';
export {
  buildMetricCurvesOption,
  DEFAULT_CURVE_SETTINGS,
  emaSmooth,
  formatDuration,
  formatMetric,
  metricNumber,
  seriesColor,
  summarizeCurves,
} from './metricCurves';
export type {
  CurvePoint,
  CurveSeries,
  CurveSettings,
  CurveXAxis,
} from './metricCurves';
export {
  buildParallelCoordinatesOption,
  MAX_PARALLEL_PARAMS,
} from './parallelCoordinates';
export type { ParallelItem } from './parallelCoordinates';
