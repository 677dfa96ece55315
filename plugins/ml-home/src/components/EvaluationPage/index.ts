export { EvaluationPage } from './EvaluationPage';
