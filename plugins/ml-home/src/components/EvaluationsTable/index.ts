export { EvaluationsTable } from './EvaluationsTable';
export type { EvaluationsTableProps } from './EvaluationsTable';
