export * from './types';
export * from './rubric';
export * from './levels';
export * from './scoring';
