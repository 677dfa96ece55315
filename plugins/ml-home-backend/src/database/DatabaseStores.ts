import { Knex } from 'knex';
import { DatabaseAnnotationsStore } from '../annotations/DatabaseAnnotationsStore';
import { DatabaseComparisonStore } from '../comparison/DatabaseComparisonStore';
import { DatabaseDatasetsStore } from '../datasets/DatabaseDatasetsStore';
import { DatabaseDeploymentsStore } from '../deployments/DatabaseDeploymentsStore';
import { DatabaseEvaluationsStore } from '../evaluations/DatabaseEvaluationsStore';
import { DatabaseHealthStore } from '../health/DatabaseHealthStore';
import { DatabaseIngestionStore } from '../ingestion/DatabaseIngestionStore';
import { DatabaseModelsStore } from '../models/DatabaseModelsStore';
import { DatabaseProjectsStore } from '../projects/DatabaseProjectsStore';
import { DatabaseRunsStore } from '../runs/DatabaseRunsStore';
import { DatabaseProjectTokensStore } from '../tokens/DatabaseProjectTokensStore';
import { Stores, UnitOfWork } from './UnitOfWork';

/** Every Knex store over one client: the database itself, or a transaction. */
function storesOver(db: Knex): Stores {
  return {
    projects: new DatabaseProjectsStore(db),
    runs: new DatabaseRunsStore(db),
    ingestion: new DatabaseIngestionStore(db),
    models: new DatabaseModelsStore(db),
    datasets: new DatabaseDatasetsStore(db),
    deployments: new DatabaseDeploymentsStore(db),
    evaluations: new DatabaseEvaluationsStore(db),
    annotations: new DatabaseAnnotationsStore(db),
    comparison: new DatabaseComparisonStore(db),
    tokens: new DatabaseProjectTokensStore(db),
    health: new DatabaseHealthStore(db),
  };
}

/**
 * The store layer, built once in plugin.ts: `stores` for single calls, `run` for a unit of work
 * whose stores share one transaction. The only place that hands Knex to the stores.
 */
export class DatabaseStores implements UnitOfWork {
  readonly stores: Stores;

  constructor(private readonly knex: Knex) {
    this.stores = storesOver(knex);
  }

  run<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    return this.knex.transaction(tx => work(storesOver(tx)));
  }
}
