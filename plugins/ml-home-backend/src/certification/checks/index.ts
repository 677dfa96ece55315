import { Knex } from 'knex';
import type { Stores } from '../../database/UnitOfWork';
import { DatabaseCertificationEvidenceStore } from './CertificationEvidenceStore';
import type { CertificationCheckStores } from './evaluateModelChecks';

export * from './CertificationCatalog';
export * from './CertificationEvidenceStore';
export * from './evaluateModelChecks';
export * from './metricJudgement';

/** The stores the checks read: the resource stores, and the certification's reads over `knex`. */
export function certificationCheckStores(
  stores: Stores,
  knex: Knex,
): CertificationCheckStores {
  return {
    models: stores.models,
    deployments: stores.deployments,
    evaluations: stores.evaluations,
    evidence: new DatabaseCertificationEvidenceStore(knex),
  };
}
