export * from './runFilter';
export * from './downsample';
export * from './latestMetric';
export * from './limits';
