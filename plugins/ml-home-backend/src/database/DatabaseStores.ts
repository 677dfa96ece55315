import { Knex } from 'knex';
import { DatabaseAnnotationsStore } from '../annotations/DatabaseAnnotationsStore';
import { DatabaseCertificationStore } from '../certification/DatabaseCertificationStore';
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
import { DatabaseMetricDirectionsStore } from '../metricDirections/DatabaseMetricDirectionsStore';
import { Clock, systemClock } from './clock';
import { Stores, UnitOfWork } from './UnitOfWork';

/** Every Knex store over one client (the database itself, or a transaction) and one clock. */
function storesOver(db: Knex, clock: Clock): Stores {
  return {
    projects: new DatabaseProjectsStore(db, clock),
    runs: new DatabaseRunsStore(db, clock),
    ingestion: new DatabaseIngestionStore(db),
    models: new DatabaseModelsStore(db, clock),
    datasets: new DatabaseDatasetsStore(db, clock),
    deployments: new DatabaseDeploymentsStore(db, clock),
    evaluations: new DatabaseEvaluationsStore(db, clock),
    annotations: new DatabaseAnnotationsStore(db, clock),
    comparison: new DatabaseComparisonStore(db),
    tokens: new DatabaseProjectTokensStore(db),
    certification: new DatabaseCertificationStore(db, clock),
    metricDirections: new DatabaseMetricDirectionsStore(db, clock),
    health: new DatabaseHealthStore(db),
  };
}

/**
 * The store layer, built once in plugin.ts: `stores` for single calls, `run` for a unit of work
 * whose stores share one transaction. The only place that hands Knex to the stores. `clock` is
 * the time the stores stamp on what they write (see clock.ts).
 */
export class DatabaseStores implements UnitOfWork {
  readonly stores: Stores;

  constructor(
    private readonly knex: Knex,
    readonly clock: Clock = systemClock,
  ) {
    this.stores = storesOver(knex, clock);
  }

  /** The same stores over the same database, stamping the times `clock` gives. */
  withClock(clock: Clock): DatabaseStores {
    return new DatabaseStores(this.knex, clock);
  }

  run<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    return this.knex.transaction(tx => work(storesOver(tx, this.clock)));
  }
}
