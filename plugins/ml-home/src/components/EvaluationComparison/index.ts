export { EvaluationComparison } from './EvaluationComparison';
export type { EvaluationComparisonProps } from './EvaluationComparison';
