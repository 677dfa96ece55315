import {
  mlHomeCertificationAttestPermission,
  mlHomeCertificationReviewPermission,
  mlHomeProjectReadPermission,
  mlHomeRunWritePermission,
} from '@ml-home/plugin-ml-home-common';
import { AccessTable, Authorized } from '../authorization/authorize';
import { Finders } from '../authorization/finders';
import { ReferenceAuthorizer } from '../authorization/ReferenceAuthorizer';
import { CertificationService } from './CertificationService';
import { Overview } from './certificationTypes';

const noOverview: Overview = {
  levels: [],
  byOwner: [],
  failingChecks: [],
  expiring: [],
  items: [],
  totalCount: 0,
};

/**
 * Who may do what with certification: readers of a model's project read its scorecard and
 * history; its owners (`ml-home.certification.attest` on the project, which project tokens never
 * hold) attest; reviewers (`ml-home.certification.review`, a basic permission) reject; whoever may
 * write runs into the project (a CI pipeline with the project's token) reports external results.
 */
export function certificationAccess(
  find: Finders,
  references: ReferenceAuthorizer,
) {
  return {
    getScorecard: { permission: mlHomeProjectReadPermission, on: find.model },
    createAttestation: {
      permission: mlHomeCertificationAttestPermission,
      on: find.model,
    },
    reviewAttestation: {
      permission: mlHomeProjectReadPermission,
      on: find.model,
      also: caller =>
        references.checkAlso(caller, mlHomeCertificationReviewPermission),
    },
    reportResult: { permission: mlHomeRunWritePermission, on: find.model },
    getHistory: { permission: mlHomeProjectReadPermission, on: find.model },
    getOverview: { readable: noOverview },
  } satisfies AccessTable<CertificationService>;
}

/** What the certification routes call. */
export type CertificationApi = Authorized<
  CertificationService,
  ReturnType<typeof certificationAccess>
>;
