import type { MlHomeApi } from '@ml-home/plugin-ml-home-common';

/** Every method of the API, so the compiler tells us when the fake falls behind the client. */
const METHODS: Record<keyof MlHomeApi, true> = {
  getHealth: true,
  listProjects: true,
  getProject: true,
  createProject: true,
  updateProject: true,
  deleteProject: true,
  restoreProject: true,
  listProjectEvents: true,
  listExperiments: true,
  createExperiment: true,
  listRuns: true,
  getRun: true,
  getMetricHistory: true,
  getMetricHistories: true,
  ingest: true,
  getProjectMetricDirections: true,
  setProjectMetricDirections: true,
  getModelMetricDirections: true,
  setModelMetricDirections: true,
  listProjectTokens: true,
  createProjectToken: true,
  revokeProjectToken: true,
  listMlflowImports: true,
  runMlflowImport: true,
  listModels: true,
  createModel: true,
  searchModels: true,
  listOrphanedModels: true,
  getModel: true,
  listModelVersions: true,
  getModelVersion: true,
  createModelVersion: true,
  setModelAlias: true,
  deleteModelAlias: true,
  getModelAliasHistory: true,
  compare: true,
  listDatasets: true,
  searchDatasets: true,
  getDataset: true,
  createDataset: true,
  addRunInputs: true,
  listModelDeployments: true,
  listDeployments: true,
  createDeployment: true,
  retireDeployment: true,
  logMonitoring: true,
  getMonitoring: true,
  getModelVersionLineage: true,
  listEvaluations: true,
  createEvaluation: true,
  getEvaluation: true,
  setEvaluationThresholds: true,
  compareEvaluations: true,
  listNotes: true,
  createNote: true,
  updateNote: true,
  deleteNote: true,
  listNoteRevisions: true,
  getTags: true,
  setTags: true,
  countTags: true,
  listTagged: true,
  getModelScorecard: true,
  createCertificationAttestation: true,
  reviewCertificationAttestation: true,
  reportCertificationResult: true,
  getModelScorecardHistory: true,
  getCertificationOverview: true,
};

/**
 * A typed fake of the ML Home API for component tests: the given methods answer, every other one
 * fails loudly so a test never passes on data it did not set up.
 */
export function fakeMlHomeApi(overrides: Partial<MlHomeApi>): MlHomeApi {
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(METHODS) as (keyof MlHomeApi)[]) {
    api[name] =
      overrides[name] ??
      (() =>
        Promise.reject(
          new Error(`fake MlHomeApi.${name} was not given to this test`),
        ));
  }
  return api as unknown as MlHomeApi;
}
