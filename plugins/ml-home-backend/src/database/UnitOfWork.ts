import type { AnnotationsStore } from '../annotations/DatabaseAnnotationsStore';
import type { CertificationStore } from '../certification/DatabaseCertificationStore';
import type { ComparisonStore } from '../comparison/DatabaseComparisonStore';
import type { DatasetsStore } from '../datasets/DatabaseDatasetsStore';
import type { DeploymentsStore } from '../deployments/DatabaseDeploymentsStore';
import type { EvaluationsStore } from '../evaluations/DatabaseEvaluationsStore';
import type { HealthStore } from '../health/DatabaseHealthStore';
import type { IngestionStore } from '../ingestion/DatabaseIngestionStore';
import type { ModelsStore } from '../models/DatabaseModelsStore';
import type { ProjectsStore } from '../projects/DatabaseProjectsStore';
import type { RunsStore } from '../runs/DatabaseRunsStore';
import type { ProjectTokensStore } from '../tokens/DatabaseProjectTokensStore';
import type { MetricDirectionsStore } from '../metricDirections/DatabaseMetricDirectionsStore';

/** ML Home's stores, one per resource: on the database, or all bound to one transaction. */
export interface Stores {
  projects: ProjectsStore;
  runs: RunsStore;
  ingestion: IngestionStore;
  models: ModelsStore;
  datasets: DatasetsStore;
  deployments: DeploymentsStore;
  evaluations: EvaluationsStore;
  annotations: AnnotationsStore;
  comparison: ComparisonStore;
  tokens: ProjectTokensStore;
  certification: CertificationStore;
  metricDirections: MetricDirectionsStore;
  health: HealthStore;
}

/**
 * Runs calls on several stores as one write: `work` gets the same store interfaces, bound to one
 * transaction that commits when it resolves and rolls back when it throws. Services compose
 * multi-store writes with it without seeing the database.
 */
export interface UnitOfWork {
  run<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
}
