import type { components } from '@ml-home/plugin-ml-home-common';

// The wire types of the certification routes, taken from the generated OpenAPI schemas by their
// schema names (the -common scoring module names its own, pure types the same way).
type Schemas = components['schemas'];

export type Scorecard = Schemas['CertificationScorecard'];
export type ScorecardSection = Schemas['CertificationSection'];
export type ScorecardCheck = Schemas['CertificationCheck'];
export type ScorecardCheckStatus = Schemas['CertificationCheckStatus'];
export type Attestation = Schemas['CertificationAttestation'];
export type HistoryEntry = Schemas['CertificationHistoryEntry'];
export type Overview = Schemas['CertificationOverview'];
export type OverviewModel = Schemas['CertificationModelSummary'];
export type OwnerLevels = Schemas['CertificationOwnerLevels'];
