export * from './runFilter';
export * from './downsample';
export * from './latestMetric';
export * from './limits';
export * from './evaluation';
export * from './comparison';
export * from './evaluationComparison';
export * from './metricDirections';
