import { Stores } from '../database/UnitOfWork';
import {
  CertificationCatalog,
  ExtraCertificationChecks,
  evaluateModelChecks,
  MetricDirectionsResolver,
} from './checks';
import { CertificationConfig } from './config';
import { RunAutomatedChecks } from './CertificationService';

/**
 * The automated checks of ML Home's metadata (checks/evaluateModelChecks.ts) over the stores,
 * with the catalog for the portal checks, the checks modules added and the declared metric
 * directions.
 */
export function createAutomatedChecks(options: {
  stores: Stores;
  config: CertificationConfig;
  catalog?: CertificationCatalog;
  extraChecks?: ExtraCertificationChecks;
  /** The metric directions projects and models declare (without: the name heuristic). */
  metricDirections?: MetricDirectionsResolver;
}): RunAutomatedChecks {
  const { stores, config, catalog, extraChecks, metricDirections } = options;
  const checkStores = {
    models: stores.models,
    runs: stores.runs,
    deployments: stores.deployments,
    evaluations: stores.evaluations,
    evidence: stores.certification.evidence(),
  };
  return (modelName, now) =>
    evaluateModelChecks({
      stores: checkStores,
      modelName,
      config,
      catalog,
      now,
      extraChecks,
      metricDirections,
    });
}
