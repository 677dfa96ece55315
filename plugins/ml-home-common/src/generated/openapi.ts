// ******************************************************************
// * GENERATED from plugins/ml-home-backend/src/schema/openapi.yaml *
// * by scripts/generate-openapi.js. DO NOT EDIT: change the spec,   *
// * then regenerate with `npm run generate`.                       *
// ******************************************************************
/** @public */
export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Answers when the plugin and its database are up. */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Lists and searches projects, with facet counts for owner, tag and lifecycle. */
    get: operations['listProjects'];
    put?: never;
    /** @description Creates a project. */
    post: operations['createProject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectName}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['getProject'];
    put?: never;
    post?: never;
    /** @description Soft-deletes a project; it can be restored. */
    delete: operations['deleteProject'];
    options?: never;
    head?: never;
    patch: operations['updateProject'];
    trace?: never;
  };
  '/projects/{projectName}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['restoreProject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectName}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The project's activity feed, newest first. */
    get: operations['listProjectEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectName}/experiments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['listExperiments'];
    put?: never;
    post: operations['createExperiment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectName}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Runs of a project, optionally of some experiments, filtered with the run filter language (`metrics.auc > 0.8 and params.optimizer = "adam"`), ordered by an attribute, metric or param, in keyset pages. */
    get: operations['listRuns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectName}/metric-directions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Which way the project's metrics are better, as its owners declared. */
    get: operations['getProjectMetricDirections'];
    /** @description Replaces the project's declared metric directions; owners only. */
    put: operations['setProjectMetricDirections'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/models/{modelName}/metric-directions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The directions the model declares for its own metrics, over its project's. */
    get: operations['getModelMetricDirections'];
    /** @description Replaces the model's declared metric directions; owners of its project only. */
    put: operations['setModelMetricDirections'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Every MLflow server configured for import and where its imports stand (needs ml-home.admin.imports). */
    get: operations['listMlflowImports'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/imports/{serverId}/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Makes the server due now; its import starts within seconds on one replica (needs ml-home.admin.imports). */
    post: operations['runMlflowImport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectName}/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The project's tokens, newest first (revoked and expired ones included); owners only. */
    get: operations['listProjectTokens'];
    put?: never;
    /** @description Creates a token that may write runs, metrics, versions, evaluations and deployments of this project only. */
    post: operations['createProjectToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectName}/tokens/{tokenId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['revokeProjectToken'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectName}/ingest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Writes runs, params, tags and metric points (at most 10,000 a call) into one project in a single transaction: all or nothing. Client-chosen run ids and the requestId make retries safe. */
    post: operations['ingestBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{runId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['getRun'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{runId}/metric-history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['getMetricHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metric-histories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description One metric's history for many runs in one call (overlaid curves), each downsampled like the single-run route. A run that never logged the metric gets an empty series. Reads only; POST because the run list can be long. */
    post: operations['getMetricHistories'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectName}/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The project's registered models, by name. */
    get: operations['listModels'];
    put?: never;
    /** @description Registers a model in the project. */
    post: operations['createModel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Every registered model the caller may read, across projects, by name. */
    get: operations['searchModels'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/datasets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Every dataset and feature set the caller may read, across projects, by project and name. */
    get: operations['searchDatasets'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/deployments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Deployments across models, newest first; e.g. every active deployment, or what a service serves. */
    get: operations['listDeployments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orphaned-models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Models whose owner (their own, or their project's) is no longer a group in the software catalog. */
    get: operations['listOrphanedModels'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/models/{modelName}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['getModel'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/models/{modelName}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The model's versions, newest first. */
    get: operations['listModelVersions'];
    put?: never;
    /** @description Registers the next version of the model. */
    post: operations['createModelVersion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/models/{modelName}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['getModelVersion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/models/{modelName}/aliases/{alias}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Points the alias at a version, creating or moving it atomically; the move is kept in the model's alias history. */
    put: operations['setModelAlias'];
    post?: never;
    delete: operations['deleteModelAlias'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/models/{modelName}/alias-history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Every alias move of the model, newest first. */
    get: operations['getModelAliasHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compare': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Compares up to 100 runs or model versions side by side: the param diff (differing keys, or all on request) and the metric table (last, min and max per key, best marked by the metric's direction). Reads only; POST because the selection can be long. */
    post: operations['compare'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Evaluations newest first, each with its computed verdict; filter by project, model, version or dataset. */
    get: operations['listEvaluations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/models/{modelName}/versions/{version}/evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Records an evaluation of the version on a dataset. Sending the same evaluation again (same name and content) returns the stored one with 200, so retries are safe; the same name with other content is a 409. */
    post: operations['createEvaluation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/evaluations/{evaluationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['getEvaluation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/evaluations/{evaluationId}/thresholds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Replaces the thresholds (and optionally directions and tolerance); the score follows. */
    put: operations['setEvaluationThresholds'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compare/evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Compares evaluations slice by slice and metric by metric, with deltas against the first. */
    post: operations['compareEvaluations'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Notes newest first, of one entity (entityType and entityId) or of a whole project. */
    get: operations['listNotes'];
    put?: never;
    post: operations['createNote'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/notes/{noteId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Edits a note. The revision sent must be the note's current one, else 409 and nothing changes. */
    put: operations['updateNote'];
    post?: never;
    /** @description Deletes a note (its history is kept). The revision must be the current one, else 409. */
    delete: operations['deleteNote'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/notes/{noteId}/revisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['listNoteRevisions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The tags of one entity. */
    get: operations['getTags'];
    /** @description Replaces the tags of one entity. */
    put: operations['setTags'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tag-counts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Tags with how many entities carry each, most used first; for facets and tag pickers. */
    get: operations['countTags'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tagged': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The entities that carry a tag, by type and label. */
    get: operations['listTagged'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectName}/datasets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The project's datasets and feature sets, by name. */
    get: operations['listDatasets'];
    put?: never;
    post: operations['createDataset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectName}/datasets/{datasetName}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A dataset with its feature schema and the runs and model versions that consume it. */
    get: operations['getDataset'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{runId}/inputs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Declares datasets as inputs of the run (idempotent): datasets of the run's project by name, datasets of other projects the caller may read as `project/name`. */
    post: operations['addRunInputs'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/models/{modelName}/deployments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Every deployment of the model's versions, active first, newest first. */
    get: operations['listModelDeployments'];
    put?: never;
    /** @description Records that a version is served in an environment by a component. The active deployment of the same model, environment and component is retired in the same transaction. */
    post: operations['createDeployment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/deployments/{deploymentId}/retire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['retireDeployment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/deployments/{deploymentId}/monitoring': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description One monitoring series, downsampled to at most maxPoints keeping each bucket's extremes. */
    get: operations['getMonitoring'];
    put?: never;
    /** @description Appends monitoring points (the same point twice is one point). */
    post: operations['logMonitoring'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/models/{modelName}/versions/{version}/lineage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The graph around a model version - input datasets, run, version, deployments, serving components. */
    get: operations['getModelVersionLineage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/models/{modelName}/scorecard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The model's stored production-readiness scorecard (ML Test Score sections, portal checks, level, what the next level needs). Reading never recomputes the checks, except for a model never evaluated or one whose attestation or external result has expired since. */
    get: operations['getModelScorecard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/models/{modelName}/scorecard/attestations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description An owner attests that a check was done by hand, with evidence, for half a point until it expires (needs ml-home.certification.attest on the model's project). */
    post: operations['createCertificationAttestation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/models/{modelName}/scorecard/attestations/{attestationId}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description A reviewer rejects an active attestation with a reason (needs ml-home.certification.review). */
    post: operations['reviewCertificationAttestation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/models/{modelName}/scorecard/results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Another system (a CI pipeline, a data-validation job) reports a check's result with an evidence link; it counts as automated until it expires. Needs write access to the model's project (a project token of that project may report). */
    post: operations['reportCertificationResult'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/models/{modelName}/scorecard/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Every change of the model's certification (check results, score, level, attestations, overrides), newest first. */
    get: operations['getModelScorecardHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/certification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The organisation's certification overview over the models the caller may read - models per level and per owner team, the checks failing most often, attestations expiring soon - and a page of models with their level and score (lowest score first). */
    get: operations['getCertificationOverview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
/** @public */
export interface components {
  schemas: {
    /** @description A slug: lowercase letters, digits and dashes, 1 to 63 characters, not starting or ending with a dash. */
    Slug: string;
    /** @description A Backstage entity ref, e.g. `group:default/home-ranking`. */
    EntityRef: string;
    /**
     * Format: date-time
     * @description ISO 8601 time.
     */
    Timestamp: string;
    /** @enum {string} */
    Lifecycle: 'experimental' | 'production' | 'deprecated';
    Link: {
      title?: string;
      url: string;
    };
    Health: {
      /** @enum {string} */
      status: 'ok';
    };
    Project: {
      id: string;
      name: components['schemas']['Slug'];
      title: string;
      /** @description Markdown. */
      description: string;
      owner: components['schemas']['EntityRef'];
      lifecycle: components['schemas']['Lifecycle'];
      tags: components['schemas']['Slug'][];
      links: components['schemas']['Link'][];
      relatedEntities: components['schemas']['EntityRef'][];
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
      createdBy: string;
      updatedBy: string;
      lastActivityAt: components['schemas']['Timestamp'];
      deletedAt?: components['schemas']['Timestamp'];
      counts?: components['schemas']['ProjectCounts'];
      /** @description The lowest certification level among the project's models that have a certified version; absent when none has. */
      certificationLevel?: components['schemas']['CertificationLevelName'];
    };
    ProjectCounts: {
      experiments: number;
      runs: number;
    };
    ProjectCreate: {
      name: components['schemas']['Slug'];
      /** @description Defaults to the name. At most 200 characters. */
      title?: string;
      /** @description Markdown, at most 64 KiB. */
      description?: string;
      owner: components['schemas']['EntityRef'];
      lifecycle?: components['schemas']['Lifecycle'];
      tags?: components['schemas']['Slug'][];
      links?: components['schemas']['Link'][];
      relatedEntities?: components['schemas']['EntityRef'][];
    };
    ProjectUpdate: {
      title?: string;
      description?: string;
      owner?: components['schemas']['EntityRef'];
      lifecycle?: components['schemas']['Lifecycle'];
      tags?: components['schemas']['Slug'][];
      links?: components['schemas']['Link'][];
      relatedEntities?: components['schemas']['EntityRef'][];
    };
    FacetCount: {
      value: string;
      count: number;
    };
    ProjectFacets: {
      owner: components['schemas']['FacetCount'][];
      tag: components['schemas']['FacetCount'][];
      lifecycle: components['schemas']['FacetCount'][];
      /** @description Projects per certification level (projects without a certified model are not counted). */
      level?: components['schemas']['FacetCount'][];
    };
    ProjectList: {
      items: components['schemas']['Project'][];
      nextCursor?: string;
      totalCount: number;
      facets: components['schemas']['ProjectFacets'];
    };
    Experiment: {
      /** @description A string of digits (MLflow-compatible). */
      id: string;
      project: components['schemas']['Slug'];
      name: string;
      description: string;
      /** @enum {string} */
      lifecycleStage: 'active' | 'deleted';
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
      createdBy: string;
      runCount: number;
    };
    ExperimentCreate: {
      name: string;
      description?: string;
    };
    ExperimentList: {
      items: components['schemas']['Experiment'][];
      nextCursor?: string;
      totalCount: number;
    };
    /** @enum {string} */
    RunStatus: 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';
    /** @description A finite number, or "NaN", "Infinity", "-Infinity" as MLflow clients send them. */
    MetricValue: number | ('NaN' | 'Infinity' | '-Infinity' | '+Infinity');
    KeyValue: {
      key: string;
      value: string;
    };
    LatestMetric: {
      key: string;
      value: components['schemas']['MetricValue'];
      step: number;
      /** @description Milliseconds since epoch. */
      timestamp: number;
      min: components['schemas']['MetricValue'];
      max: components['schemas']['MetricValue'];
    };
    RunSource: {
      kind?: string;
      uri?: string;
      gitCommit?: string;
      pipelineRun?: string;
    };
    Run: {
      id: string;
      project: components['schemas']['Slug'];
      experimentId: string;
      experiment: string;
      name: string;
      status: components['schemas']['RunStatus'];
      user: string;
      startTime: number;
      endTime?: number;
      /** @enum {string} */
      lifecycleStage: 'active' | 'deleted';
      source?: components['schemas']['RunSource'];
      params: components['schemas']['KeyValue'][];
      tags: components['schemas']['KeyValue'][];
      metrics: components['schemas']['LatestMetric'][];
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    RunList: {
      items: components['schemas']['Run'][];
      nextCursor?: string;
      totalCount: number;
    };
    MetricPoint: {
      step: number;
      value: components['schemas']['MetricValue'];
      timestamp: number;
    };
    MetricHistory: {
      runId: string;
      key: string;
      points: components['schemas']['MetricPoint'][];
      totalPoints: number;
      downsampled: boolean;
    };
    MetricHistoriesRequest: {
      runIds: string[];
      key: string;
      /** @default 1000 */
      maxPoints?: number;
    };
    MetricHistoryList: {
      items: components['schemas']['MetricHistory'][];
    };
    MlflowImportLogEntry: {
      /** @enum {string} */
      status: 'running' | 'succeeded' | 'failed';
      /** @enum {string} */
      trigger: 'schedule' | 'manual';
      itemsDone: number;
      itemsTotal: number;
      pointsDone: number;
      error?: string;
      startedAt: components['schemas']['Timestamp'];
      finishedAt?: components['schemas']['Timestamp'];
    };
    /** @description One MLflow tracking server configured under mlHome.mlflowImport.servers, and where its imports stand. */
    MlflowImport: {
      serverId: string;
      /** @description The server's URL, without user or password. */
      url: string;
      /** @description The ML Home project the server's experiments and models land in. */
      project: string;
      /** @description The experiment names or ids imported; empty when every experiment is. */
      experiments: string[];
      /** @description Whether registered models, versions and aliases are imported. */
      models: boolean;
      frequencySeconds: number;
      /** @enum {string} */
      status: 'never' | 'running' | 'succeeded' | 'failed';
      /** @description Runs, models and versions imported by the current or last import. */
      itemsDone: number;
      /** @description Runs, models and versions found so far by the current or last import. */
      itemsTotal: number;
      /** @description Metric points sent by the current or last import. */
      pointsDone: number;
      /** @description Imports failed in a row; the wait before the next attempt doubles with each. */
      failures: number;
      lastError?: string;
      startedAt?: components['schemas']['Timestamp'];
      finishedAt?: components['schemas']['Timestamp'];
      lastSuccessAt?: components['schemas']['Timestamp'];
      nextAttemptAt?: components['schemas']['Timestamp'];
      /** @description The latest imports, newest first. */
      recent: components['schemas']['MlflowImportLogEntry'][];
    };
    MlflowImportList: {
      items: components['schemas']['MlflowImport'][];
    };
    IngestMetric: {
      key: string;
      value: components['schemas']['MetricValue'];
      /** @description Defaults to 0. */
      step?: number;
      /** @description Milliseconds since epoch; defaults to the time of the call. */
      timestamp?: number;
    };
    IngestRun: {
      /** @description Client-chosen id; makes retries idempotent. Generated when absent. */
      runId?: string;
      /** @description Experiment name in the project; created when missing. */
      experiment: string;
      name?: string;
      status?: components['schemas']['RunStatus'];
      user?: string;
      startTime?: number;
      endTime?: number;
      source?: components['schemas']['RunSource'];
      /** @description At most 1,000 per run (MLflow allows 100 per log-batch call) and 10,000 params and tags together per batch. */
      params?: components['schemas']['KeyValue'][];
      /** @description At most 1,000 per run and 10,000 params and tags together per batch. */
      tags?: components['schemas']['KeyValue'][];
      metrics?: components['schemas']['IngestMetric'][];
    };
    /** @description One all-or-nothing write. Carries at least one run, model version, evaluation or deployment. */
    IngestBatch: {
      /** @description Idempotency key; a retried call with the same key returns the first call's result and writes nothing. */
      requestId?: string;
      runs?: components['schemas']['IngestRun'][];
      /** @description Versions to register, each produced by a run (of this batch or earlier); a run registers at most one version per model, so a retry registers nothing new. */
      modelVersions?: components['schemas']['IngestModelVersion'][];
      evaluations?: components['schemas']['IngestEvaluation'][];
      deployments?: components['schemas']['IngestDeployment'][];
    };
    IngestModelVersion: {
      model: components['schemas']['Slug'];
      runId: string;
      artifactUri?: string;
      framework?: string;
      description?: string;
      modelCard?: components['schemas']['ModelCard'];
      /** @description Aliases to point at the new version. */
      aliases?: components['schemas']['Slug'][];
    };
    IngestEvaluation: {
      model: components['schemas']['Slug'];
      version?: number;
      /** @description The evaluated version is the one this run produced. */
      runId?: string;
      name: components['schemas']['Slug'];
      dataset: string;
      baselineVersion?: number;
      description?: string;
      results: components['schemas']['SliceMetricValue'][];
      thresholds?: components['schemas']['Threshold'][];
      directions?: {
        [key: string]: components['schemas']['Direction'];
      };
      tolerance?: number;
    };
    IngestDeployment: {
      model: components['schemas']['Slug'];
      version?: number;
      /** @description The deployed version is the one this run produced. */
      runId?: string;
      environment: components['schemas']['Slug'];
      service: components['schemas']['EntityRef'];
      endpoint?: string;
      deployedAt?: components['schemas']['Timestamp'];
    };
    IngestResult: {
      runs: {
        runId: string;
        experiment: string;
        experimentId: string;
        created: boolean;
      }[];
      /** @description Points received (a point sent twice is stored once). */
      metricPoints: number;
      params: number;
      tags: number;
      /** @description True when this answer is the stored answer of an earlier call with the same requestId. */
      replayed: boolean;
      modelVersions?: {
        model: string;
        version: number;
        runId: string;
        created: boolean;
      }[];
      evaluations?: {
        id: string;
        model: string;
        version: number;
        name: string;
        created: boolean;
      }[];
      deployments?: {
        id: string;
        model: string;
        version: number;
        environment: string;
        service: string;
        created: boolean;
      }[];
    };
    ProjectEvent: {
      id: string;
      project: components['schemas']['Slug'];
      actor: string;
      action: string;
      entityType: string;
      entityId: string;
      summary: string;
      createdAt: components['schemas']['Timestamp'];
    };
    EventList: {
      items: components['schemas']['ProjectEvent'][];
      nextCursor?: string;
    };
    Model: {
      id: string;
      project: components['schemas']['Slug'];
      name: components['schemas']['Slug'];
      description: string;
      owner: components['schemas']['EntityRef'];
      /** @description True when the model has no owner of its own and takes the project's. */
      ownerIsProjectOwner?: boolean;
      latestVersion?: number;
      versionCount: number;
      aliases: components['schemas']['ModelAlias'][];
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
      createdBy: string;
      /** @description The model's stored certification level; absent before its first evaluation. */
      certificationLevel?: components['schemas']['CertificationLevelName'];
    };
    ModelCreate: {
      name: components['schemas']['Slug'];
      description?: string;
      owner?: components['schemas']['EntityRef'];
    };
    ModelList: {
      items: components['schemas']['Model'][];
      nextCursor?: string;
      totalCount: number;
    };
    ModelAlias: {
      alias: string;
      version: number;
      updatedAt: components['schemas']['Timestamp'];
      updatedBy: string;
    };
    /** @description The sections of a Model Card (Mitchell et al., 2019), each markdown. */
    ModelCard: {
      modelDetails?: string;
      intendedUse?: string;
      factors?: string;
      metrics?: string;
      evaluationData?: string;
      trainingData?: string;
      quantitativeAnalyses?: string;
      ethicalConsiderations?: string;
      caveatsAndRecommendations?: string;
    };
    ModelVersion: {
      id: string;
      model: components['schemas']['Slug'];
      version: number;
      runId?: string;
      artifactUri: string;
      framework: string;
      description: string;
      modelCard: components['schemas']['ModelCard'];
      aliases: string[];
      createdAt: components['schemas']['Timestamp'];
      createdBy: string;
    };
    ModelVersionCreate: {
      runId?: string;
      artifactUri?: string;
      framework?: string;
      description?: string;
      modelCard?: components['schemas']['ModelCard'];
    };
    ModelVersionList: {
      items: components['schemas']['ModelVersion'][];
      nextCursor?: string;
      totalCount: number;
    };
    AliasSet: {
      version: number;
      certificationOverride?: components['schemas']['CertificationOverride'];
    };
    AliasHistoryEntry: {
      alias: string;
      fromVersion?: number;
      toVersion?: number;
      actor: string;
      createdAt: components['schemas']['Timestamp'];
    };
    AliasHistory: {
      items: components['schemas']['AliasHistoryEntry'][];
      nextCursor?: string;
    };
    CompareRequest: {
      runs?: string[];
      modelVersions?: {
        model: components['schemas']['Slug'];
        version: number;
      }[];
      /** @description List every param, not only those whose values differ. */
      allParams?: boolean;
    };
    ComparisonItem: {
      id: string;
      /** @enum {string} */
      kind: 'run' | 'model-version';
      label: string;
      project: components['schemas']['Slug'];
      runId?: string;
    };
    /** @description One value per compared item, in the order of `items`; null where the item has none. */
    MetricColumn: (components['schemas']['MetricValue'] | null)[];
    CompareResult: {
      items: components['schemas']['ComparisonItem'][];
      params: {
        key: string;
        values: (string | null)[];
        differs: boolean;
      }[];
      metrics: {
        key: string;
        /**
         * @description Absent when nobody declared it and the name does not settle it; then nothing is best.
         * @enum {string}
         */
        direction?: 'higher' | 'lower';
        directionSource?: components['schemas']['DirectionSource'];
        /** @description The latest value per item (highest step); null where the item lacks the metric. */
        last: components['schemas']['MetricColumn'];
        /** @description The smallest value per item over its series; null where unknown. */
        min: components['schemas']['MetricColumn'];
        /** @description The largest value per item over its series; null where unknown. */
        max: components['schemas']['MetricColumn'];
        /** @description Indexes into items of the best value(s) by the metric's direction. */
        best: number[];
      }[];
    };
    /** @enum {string} */
    DatasetKind: 'training-set' | 'evaluation-set' | 'feature-set';
    Feature: {
      name: string;
      type: string;
      description?: string;
    };
    Dataset: {
      id: string;
      project: components['schemas']['Slug'];
      name: components['schemas']['Slug'];
      kind: components['schemas']['DatasetKind'];
      uri: string;
      description: string;
      features: components['schemas']['Feature'][];
      consumers?: components['schemas']['DatasetConsumers'];
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
      createdBy: string;
    };
    DatasetConsumers: {
      runCount: number;
      /** @description The most recent runs that read the dataset (at most 50). */
      runs: {
        runId: string;
        name: string;
        project: string;
      }[];
      /** @description Model versions trained by those runs. */
      modelVersions: {
        model: string;
        version: number;
      }[];
    };
    DatasetCreate: {
      name: components['schemas']['Slug'];
      kind: components['schemas']['DatasetKind'];
      uri?: string;
      description?: string;
      features?: components['schemas']['Feature'][];
    };
    DatasetList: {
      items: components['schemas']['Dataset'][];
      nextCursor?: string;
      totalCount: number;
    };
    RunInputs: {
      datasets: string[];
    };
    Deployment: {
      id: string;
      project?: components['schemas']['Slug'];
      model: components['schemas']['Slug'];
      version: number;
      environment: string;
      service: components['schemas']['EntityRef'];
      endpoint: string;
      /** @enum {string} */
      status: 'active' | 'retired';
      deployedAt: components['schemas']['Timestamp'];
      retiredAt?: components['schemas']['Timestamp'];
      createdBy: string;
    };
    DeploymentCreate: {
      version: number;
      environment: components['schemas']['Slug'];
      service: components['schemas']['EntityRef'];
      endpoint?: string;
      deployedAt?: components['schemas']['Timestamp'];
      certificationOverride?: components['schemas']['CertificationOverride'];
    };
    DeploymentList: {
      items: components['schemas']['Deployment'][];
      nextCursor?: string;
      totalCount?: number;
    };
    MonitoringBatch: {
      points: {
        metric: string;
        value: components['schemas']['MetricValue'];
        timestamp: number;
      }[];
    };
    MonitoringSeries: {
      deploymentId: string;
      metric: string;
      points: {
        timestamp: number;
        value: components['schemas']['MetricValue'];
      }[];
      totalPoints: number;
      downsampled: boolean;
    };
    LineageNode: {
      id: string;
      /** @enum {string} */
      kind: 'dataset' | 'run' | 'model-version' | 'deployment' | 'component';
      label: string;
      /** @description What to link to (dataset name, run id, model/version, deployment id, entity ref). */
      ref?: string;
      status?: string;
    };
    LineageGraph: {
      nodes: components['schemas']['LineageNode'][];
      edges: {
        from: string;
        to: string;
        label: string;
      }[];
    };
    /**
     * @description The kinds of ML Home entity that carry notes and tags.
     * @enum {string}
     */
    EntityType:
      | 'project'
      | 'experiment'
      | 'run'
      | 'model'
      | 'model-version'
      | 'evaluation'
      | 'dataset'
      | 'deployment';
    /** @enum {string} */
    Direction: 'higher' | 'lower';
    /**
     * @description Who says which way a metric is better: the model, the project or the evaluation declared it, or it was guessed from the metric's name (`heuristic`).
     * @enum {string}
     */
    DirectionSource: 'model' | 'project' | 'evaluation' | 'heuristic';
    MetricDirections: {
      /** @description Which way each metric is better, by metric key. A model's declarations overrule its project's; metrics nobody declared are guessed from well-known names only, or left unknown. */
      directions: {
        [key: string]: components['schemas']['Direction'];
      };
    };
    SliceMetricValue: {
      /** @description `overall`, or `feature=value`. */
      slice: string;
      metric: string;
      value: components['schemas']['MetricValue'];
    };
    Threshold: {
      metric: string;
      /** @description The one slice the threshold applies to; absent for every slice with a result. */
      slice?: string;
      /** @enum {string} */
      op: '>' | '>=' | '<' | '<=';
      value: number;
    };
    EvaluationCreate: {
      name: components['schemas']['Slug'];
      /** @description The evaluation dataset, `name` in the model's project or `project/name`. */
      dataset: string;
      /** @description Another version of the same model to compare against. */
      baselineVersion?: number;
      description?: string;
      results: components['schemas']['SliceMetricValue'][];
      thresholds?: components['schemas']['Threshold'][];
      /** @description Whether higher or lower is better, per metric key; unnamed metrics go by their name. */
      directions?: {
        [key: string]: components['schemas']['Direction'];
      };
      /** @description The absolute change a delta must exceed to count as a regression or improvement. */
      tolerance?: number;
    };
    EvaluationThresholdsUpdate: {
      thresholds: components['schemas']['Threshold'][];
      directions?: {
        [key: string]: components['schemas']['Direction'];
      };
      tolerance?: number;
    };
    ThresholdVerdict: {
      threshold: components['schemas']['Threshold'];
      slice: string;
      value?: components['schemas']['MetricValue'];
      pass: boolean;
      /** @enum {string} */
      reason?: 'missing' | 'nan';
    };
    SliceVerdict: {
      slice: string;
      pass: boolean;
      failing: string[];
    };
    BaselineDelta: {
      slice: string;
      metric: string;
      value: components['schemas']['MetricValue'];
      baseline?: components['schemas']['MetricValue'];
      delta?: components['schemas']['MetricValue'];
      relativeDelta?: components['schemas']['MetricValue'];
      regression: boolean;
      improvement: boolean;
    };
    /** @description Computed when read from the results, thresholds and baseline; never stored. */
    EvaluationVerdict: {
      pass: boolean;
      outcomes: components['schemas']['ThresholdVerdict'][];
      slices: components['schemas']['SliceVerdict'][];
      deltas: components['schemas']['BaselineDelta'][];
      regressions: number;
    };
    DatasetRef: {
      project: components['schemas']['Slug'];
      name: components['schemas']['Slug'];
    };
    EvaluationSummary: {
      id: string;
      project: components['schemas']['Slug'];
      model: components['schemas']['Slug'];
      version: number;
      name: components['schemas']['Slug'];
      dataset: components['schemas']['DatasetRef'];
      description: string;
      baselineVersion?: number;
      /** @description The baseline version's evaluation on the same dataset whose results the deltas compare with. */
      baselineEvaluationId?: string;
      pass: boolean;
      regressions: number;
      sliceCount: number;
      failingSlices: string[];
      resultCount: number;
      createdAt: components['schemas']['Timestamp'];
      createdBy: string;
      updatedAt: components['schemas']['Timestamp'];
    };
    Evaluation: components['schemas']['EvaluationSummary'] & {
      results: components['schemas']['SliceMetricValue'][];
      thresholds: components['schemas']['Threshold'][];
      /** @description The direction of every metric in the results whose direction is known: declared by the evaluation, its model or its project, or guessed from a well-known name. */
      directions: {
        [key: string]: components['schemas']['Direction'];
      };
      /** @description Who said each direction in `directions`. */
      directionSources?: {
        [key: string]: components['schemas']['DirectionSource'];
      };
      tolerance: number;
      score: components['schemas']['EvaluationVerdict'];
    };
    EvaluationList: {
      items: components['schemas']['EvaluationSummary'][];
      nextCursor?: string;
      totalCount: number;
    };
    EvaluationCompareRequest: {
      /** @description Evaluation ids; the first is the reference the others' deltas are taken against. */
      evaluations: string[];
    };
    EvaluationComparisonRow: {
      slice: string;
      metric: string;
      direction?: components['schemas']['Direction'];
      directionSource?: components['schemas']['DirectionSource'];
      /** @description One per evaluation, in request order; null where it has no such result. */
      values: (components['schemas']['MetricValue'] | null)[];
      /** @description value minus the first evaluation's value, per evaluation; null where either is missing. */
      deltas: (components['schemas']['MetricValue'] | null)[];
      /** @description Indexes of the evaluations with the best value by the metric's direction. */
      best: number[];
      /** @description Per evaluation, whether its thresholds pass on this slice and metric; null when none applies. */
      pass?: (boolean | null)[];
    };
    EvaluationComparison: {
      items: components['schemas']['EvaluationSummary'][];
      slices: string[];
      metrics: string[];
      rows: components['schemas']['EvaluationComparisonRow'][];
    };
    Note: {
      id: string;
      project: components['schemas']['Slug'];
      entityType: components['schemas']['EntityType'];
      entityId: string;
      /** @description A human name for the entity, e.g. `churn-model v3`. */
      entityLabel: string;
      /** @description Markdown. */
      body: string;
      /** @description Send it back with an edit; an edit of an older revision is refused with 409. */
      revision: number;
      createdBy: string;
      createdAt: components['schemas']['Timestamp'];
      updatedBy: string;
      updatedAt: components['schemas']['Timestamp'];
    };
    NoteCreate: {
      entityType: components['schemas']['EntityType'];
      entityId: string;
      body: string;
    };
    NoteUpdate: {
      body: string;
      /** @description The revision the edit was made on. */
      revision: number;
    };
    NoteList: {
      items: components['schemas']['Note'][];
      nextCursor?: string;
      totalCount: number;
    };
    NoteRevision: {
      revision: number;
      body: string;
      /** @enum {string} */
      action: 'create' | 'edit' | 'delete';
      editedBy: string;
      editedAt: components['schemas']['Timestamp'];
    };
    NoteRevisionList: {
      items: components['schemas']['NoteRevision'][];
    };
    EntityTags: {
      entityType: components['schemas']['EntityType'];
      entityId: string;
      tags: components['schemas']['Slug'][];
    };
    TagCountList: {
      items: components['schemas']['FacetCount'][];
    };
    TaggedEntity: {
      entityType: components['schemas']['EntityType'];
      entityId: string;
      project: components['schemas']['Slug'];
      label: string;
      tags: string[];
    };
    TaggedEntityList: {
      items: components['schemas']['TaggedEntity'][];
      nextCursor?: string;
      totalCount: number;
    };
    /** @description A project token for pipelines; the secret itself is shown only once, when it is created. */
    ProjectToken: {
      id: string;
      project: components['schemas']['Slug'];
      name: string;
      /** @description The first characters of the secret, to tell tokens apart. */
      prefix: string;
      createdBy: string;
      createdAt: components['schemas']['Timestamp'];
      expiresAt: components['schemas']['Timestamp'];
      lastUsedAt?: components['schemas']['Timestamp'];
      revokedAt?: components['schemas']['Timestamp'];
      revokedBy?: string;
    };
    ProjectTokenCreate: {
      name: string;
      /** @description Days until the token stops working (default 90). */
      expiresInDays?: number;
    };
    ProjectTokenCreated: {
      token: components['schemas']['ProjectToken'];
      /** @description The token to send as `Authorization: Bearer <secret>`. Shown only in this answer. */
      secret: string;
    };
    ProjectTokenList: {
      items: components['schemas']['ProjectToken'][];
    };
    /** @description A rubric test id (e.g. `data.schema`) or the id of a check a backend module registered. */
    CertificationCheckId: string;
    /** @description A certification level's name from the configured levels (default none, bronze, silver, gold, platinum). */
    CertificationLevelName: string;
    /** @enum {string} */
    CertificationCheckStatus: 'pass' | 'fail' | 'n/a' | 'unknown';
    /**
     * @description Where the result comes from - automated (ML Home's metadata), external (reported by another system), attested (by an owner), none.
     * @enum {string}
     */
    CertificationCheckSource: 'automated' | 'external' | 'attested' | 'none';
    CertificationEvidence: {
      url?: string;
      text?: string;
    };
    CertificationAttestation: {
      id: string;
      model: components['schemas']['Slug'];
      checkId: components['schemas']['CertificationCheckId'];
      evidenceUrl: string;
      note: string;
      /** @description Who attested (an entity ref). */
      by: string;
      at: components['schemas']['Timestamp'];
      expiresAt: components['schemas']['Timestamp'];
      /** @enum {string} */
      state: 'active' | 'rejected' | 'expired';
      reviewedBy?: string;
      reviewedAt?: components['schemas']['Timestamp'];
      reviewReason?: string;
    };
    CertificationAttestationCreate: {
      checkId: components['schemas']['CertificationCheckId'];
      /** @description A link to the evidence (http or https). */
      evidenceUrl: string;
      /** @description What was done and how, at most 4,000 characters. */
      note?: string;
    };
    CertificationAttestationReview: {
      /** @enum {string} */
      decision: 'reject';
      reason: string;
    };
    CertificationResultCreate: {
      checkId: components['schemas']['CertificationCheckId'];
      /** @enum {string} */
      status: 'pass' | 'fail';
      /** @description A link to the run that produced the result (http or https). */
      evidenceUrl: string;
      observedAt?: components['schemas']['Timestamp'];
    };
    CertificationExternalResult: {
      model: components['schemas']['Slug'];
      checkId: components['schemas']['CertificationCheckId'];
      /** @enum {string} */
      status: 'pass' | 'fail';
      evidenceUrl: string;
      observedAt: components['schemas']['Timestamp'];
      reportedBy: string;
      expiresAt: components['schemas']['Timestamp'];
    };
    /** @description An owner's reason to move past the certification gate; audited and kept in the model's certification history. */
    CertificationOverride: {
      reason: string;
    };
    CertificationCheck: {
      id: components['schemas']['CertificationCheckId'];
      title: string;
      status: components['schemas']['CertificationCheckStatus'];
      /** @description 1 automated (or external) and passing, 0.5 attested, 0 otherwise. */
      points: number;
      source: components['schemas']['CertificationCheckSource'];
      evidence?: components['schemas']['CertificationEvidence'];
      expiresAt?: components['schemas']['Timestamp'];
      attestation?: components['schemas']['CertificationAttestation'];
      externalResult?: components['schemas']['CertificationExternalResult'];
    };
    CertificationSection: {
      id: string;
      title: string;
      score: number;
      checks: components['schemas']['CertificationCheck'][];
    };
    CertificationNextLevelStep: {
      checkId: components['schemas']['CertificationCheckId'];
      section: string;
      /**
       * @description Whether automating the check (+1) is needed or attesting it (+0.5) is enough.
       * @enum {string}
       */
      action: 'automate' | 'attest';
      points: number;
    };
    CertificationNextLevel: {
      level: components['schemas']['CertificationLevelName'];
      minScore: number;
      /** @description The fewest checks that raise the minimum of the sections to the level. */
      steps: components['schemas']['CertificationNextLevelStep'][];
    };
    CertificationScorecard: {
      model: components['schemas']['Slug'];
      project: components['schemas']['Slug'];
      owner: components['schemas']['EntityRef'];
      /** @description The certified version (behind the certified alias, else the newest deployed); absent when there is none. */
      version?: number;
      /** @enum {string} */
      versionSource?: 'alias' | 'newest-deployed' | 'none';
      score: number;
      level: components['schemas']['CertificationLevelName'];
      /** @description The paper's interpretation of the score. */
      band: string;
      sections: components['schemas']['CertificationSection'][];
      portalChecks: components['schemas']['CertificationCheck'][];
      nextLevel?: components['schemas']['CertificationNextLevel'];
      /** @description The model's attestations, newest first (active, rejected and expired). */
      attestations: components['schemas']['CertificationAttestation'][];
      evaluatedAt: components['schemas']['Timestamp'];
    };
    CertificationHistoryEntry: {
      id: string;
      /** @enum {string} */
      kind:
        | 'check-changed'
        | 'score-changed'
        | 'level-changed'
        | 'attestation-added'
        | 'attestation-rejected'
        | 'attestation-expired'
        | 'external-result'
        | 'override-used';
      checkId?: components['schemas']['CertificationCheckId'];
      from?: string;
      to?: string;
      actor?: string;
      reason?: string;
      at: components['schemas']['Timestamp'];
    };
    CertificationHistory: {
      items: components['schemas']['CertificationHistoryEntry'][];
      nextCursor?: string;
    };
    CertificationLevelCount: {
      level: components['schemas']['CertificationLevelName'];
      count: number;
    };
    CertificationOwnerLevels: {
      owner: components['schemas']['EntityRef'];
      total: number;
      levels: components['schemas']['CertificationLevelCount'][];
    };
    CertificationFailingCheck: {
      checkId: components['schemas']['CertificationCheckId'];
      title: string;
      count: number;
    };
    CertificationExpiringAttestation: {
      attestationId: string;
      model: components['schemas']['Slug'];
      project: components['schemas']['Slug'];
      owner: components['schemas']['EntityRef'];
      checkId: components['schemas']['CertificationCheckId'];
      by: string;
      expiresAt: components['schemas']['Timestamp'];
    };
    CertificationModelSummary: {
      model: components['schemas']['Slug'];
      project: components['schemas']['Slug'];
      owner: components['schemas']['EntityRef'];
      version?: number;
      score: number;
      level: components['schemas']['CertificationLevelName'];
      /** @description How many rubric checks earn no point. */
      failing: number;
      evaluatedAt: components['schemas']['Timestamp'];
    };
    CertificationOverview: {
      /** @description Models per level, in the configured order. */
      levels: components['schemas']['CertificationLevelCount'][];
      byOwner: components['schemas']['CertificationOwnerLevels'][];
      /** @description The checks failing most often, most often first (at most 20). */
      failingChecks: components['schemas']['CertificationFailingCheck'][];
      /** @description Active attestations that expire within the asked number of days, soonest first (at most 100). */
      expiring: components['schemas']['CertificationExpiringAttestation'][];
      items: components['schemas']['CertificationModelSummary'][];
      nextCursor?: string;
      totalCount: number;
    };
    ErrorBody: {
      error: {
        name: string;
        message: string;
        stack?: string;
        code?: string;
      };
      request: {
        method: string;
        url: string;
      };
      response: {
        statusCode: number;
      };
    };
  };
  responses: {
    /** @description An error. */
    ErrorResponse: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorBody'];
      };
    };
  };
  parameters: {
    /** @description The project's name (a slug). */
    projectName: components['schemas']['Slug'];
    /** @description The model's name (a slug, unique across ML Home). */
    modelName: components['schemas']['Slug'];
    /** @description The dataset's name (a slug, unique in its project). */
    datasetName: components['schemas']['Slug'];
    deploymentId: string;
    evaluationId: string;
    noteId: string;
    version: number;
    /** @description The run's id, 32 lowercase hex characters. */
    runId: string;
    /** @description Page size. */
    limit: number;
    /** @description The opaque `nextCursor` of the previous page. */
    cursor: string;
    /** @description Free text; every word must appear in the name or description. */
    q: string;
    /** @description Only this project's items. */
    projectFilter: components['schemas']['Slug'];
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
/** @public */
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Up. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listProjects: {
    parameters: {
      query?: {
        /** @description Free text matched against name, title, description and tags. */
        q?: string;
        /** @description Owner entity refs (any of). */
        owner?: string[];
        /** @description Tags (all of). */
        tag?: string[];
        /** @description Lifecycles (any of). */
        lifecycle?: components['schemas']['Lifecycle'][];
        /** @description Certification levels of the project (any of). */
        level?: components['schemas']['CertificationLevelName'][];
        orderBy?:
          'name' | 'title' | 'createdAt' | 'updatedAt' | 'lastActivityAt';
        order?: 'asc' | 'desc';
        /** @description List soft-deleted projects instead of live ones. */
        deleted?: boolean;
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of projects. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  createProject: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProjectCreate'];
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Project'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getProject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The project. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Project'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  deleteProject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  updateProject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProjectUpdate'];
      };
    };
    responses: {
      /** @description The updated project. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Project'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  restoreProject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The restored project. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Project'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listProjectEvents: {
    parameters: {
      query?: {
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of events. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listExperiments: {
    parameters: {
      query?: {
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The project's experiments, by name. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExperimentList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  createExperiment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExperimentCreate'];
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Experiment'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listRuns: {
    parameters: {
      query?: {
        /** @description Experiment names (any of). */
        experiment?: string[];
        filter?: string;
        /** @description `attributes.startTime`, `metrics.<key>` or `params.<key>`, optionally followed by ` ASC` or ` DESC`. */
        orderBy?: string;
        deleted?: boolean;
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of runs. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RunList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getProjectMetricDirections: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The declared directions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MetricDirections'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  setProjectMetricDirections: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MetricDirections'];
      };
    };
    responses: {
      /** @description The declared directions, as stored. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MetricDirections'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getModelMetricDirections: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The declared directions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MetricDirections'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  setModelMetricDirections: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MetricDirections'];
      };
    };
    responses: {
      /** @description The declared directions, as stored. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MetricDirections'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listMlflowImports: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The configured servers, in configuration order. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MlflowImportList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  runMlflowImport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        serverId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The server, now due. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MlflowImport'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listProjectTokens: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The tokens, without their secrets. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectTokenList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  createProjectToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProjectTokenCreate'];
      };
    };
    responses: {
      /** @description Created; the answer carries the secret, which is not stored. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectTokenCreated'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  revokeProjectToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
        tokenId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The revoked token. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectToken'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  ingestBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['IngestBatch'];
      };
    };
    responses: {
      /** @description Written. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IngestResult'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The run's id, 32 lowercase hex characters. */
        runId: components['parameters']['runId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The run with its params, tags and latest metrics. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Run'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getMetricHistory: {
    parameters: {
      query: {
        key: string;
        maxPoints?: number;
      };
      header?: never;
      path: {
        /** @description The run's id, 32 lowercase hex characters. */
        runId: components['parameters']['runId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The series, downsampled to at most maxPoints points keeping each bucket's extremes. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MetricHistory'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getMetricHistories: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MetricHistoriesRequest'];
      };
    };
    responses: {
      /** @description One series per run, in request order. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MetricHistoryList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listModels: {
    parameters: {
      query?: {
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of models. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  createModel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ModelCreate'];
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Model'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  searchModels: {
    parameters: {
      query?: {
        /** @description Free text; every word must appear in the name or description. */
        q?: components['parameters']['q'];
        /** @description Only this project's items. */
        project?: components['parameters']['projectFilter'];
        /** @description The model's owner (its own, or its project's when it has none). */
        owner?: components['schemas']['EntityRef'];
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of models. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  searchDatasets: {
    parameters: {
      query?: {
        /** @description Free text; every word must appear in the name or description. */
        q?: components['parameters']['q'];
        /** @description Only this project's items. */
        project?: components['parameters']['projectFilter'];
        kind?: components['schemas']['DatasetKind'];
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of datasets. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DatasetList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listDeployments: {
    parameters: {
      query?: {
        /** @description Only this project's items. */
        project?: components['parameters']['projectFilter'];
        status?: 'active' | 'retired';
        /** @description The serving component's entity ref. */
        service?: components['schemas']['EntityRef'];
        model?: components['schemas']['Slug'];
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of deployments. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeploymentList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listOrphanedModels: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every orphaned model the caller may read, by name. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getModel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The model with its aliases. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Model'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listModelVersions: {
    parameters: {
      query?: {
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of versions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelVersionList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  createModelVersion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ModelVersionCreate'];
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelVersion'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getModelVersion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The version. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelVersion'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  setModelAlias: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
        alias: components['schemas']['Slug'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AliasSet'];
      };
    };
    responses: {
      /** @description The alias. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelAlias'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  deleteModelAlias: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
        alias: components['schemas']['Slug'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getModelAliasHistory: {
    parameters: {
      query?: {
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of alias moves. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AliasHistory'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  compare: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CompareRequest'];
      };
    };
    responses: {
      /** @description The comparison. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompareResult'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listEvaluations: {
    parameters: {
      query?: {
        /** @description Only this project's items. */
        project?: components['parameters']['projectFilter'];
        model?: components['schemas']['Slug'];
        version?: number;
        /** @description The dataset's name (with `project`) or `project/name`. */
        dataset?: string;
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of evaluation summaries. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  createEvaluation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
        version: components['parameters']['version'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EvaluationCreate'];
      };
    };
    responses: {
      /** @description The same evaluation was already recorded. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evaluation'];
        };
      };
      /** @description Recorded. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evaluation'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getEvaluation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        evaluationId: components['parameters']['evaluationId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The evaluation with its results, thresholds and computed score. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evaluation'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  setEvaluationThresholds: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        evaluationId: components['parameters']['evaluationId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EvaluationThresholdsUpdate'];
      };
    };
    responses: {
      /** @description The re-scored evaluation. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evaluation'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  compareEvaluations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EvaluationCompareRequest'];
      };
    };
    responses: {
      /** @description The comparison. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationComparison'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listNotes: {
    parameters: {
      query?: {
        /** @description Only this project's items. */
        project?: components['parameters']['projectFilter'];
        entityType?: components['schemas']['EntityType'];
        entityId?: string;
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of notes. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NoteList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  createNote: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NoteCreate'];
      };
    };
    responses: {
      /** @description Created, revision 1. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Note'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  updateNote: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        noteId: components['parameters']['noteId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NoteUpdate'];
      };
    };
    responses: {
      /** @description The note at its new revision. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Note'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  deleteNote: {
    parameters: {
      query: {
        revision: number;
      };
      header?: never;
      path: {
        noteId: components['parameters']['noteId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listNoteRevisions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        noteId: components['parameters']['noteId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every revision, oldest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NoteRevisionList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getTags: {
    parameters: {
      query: {
        entityType: components['schemas']['EntityType'];
        entityId: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The entity's tags, sorted. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityTags'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  setTags: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EntityTags'];
      };
    };
    responses: {
      /** @description The entity's tags, sorted. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityTags'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  countTags: {
    parameters: {
      query?: {
        /** @description Only this project's items. */
        project?: components['parameters']['projectFilter'];
        entityType?: components['schemas']['EntityType'];
        /** @description Only tags that start with this text. */
        q?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tag counts. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TagCountList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listTagged: {
    parameters: {
      query: {
        tag: components['schemas']['Slug'];
        /** @description Only this project's items. */
        project?: components['parameters']['projectFilter'];
        entityType?: components['schemas']['EntityType'];
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of tagged entities. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaggedEntityList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listDatasets: {
    parameters: {
      query?: {
        kind?: components['schemas']['DatasetKind'];
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of datasets. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DatasetList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  createDataset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DatasetCreate'];
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Dataset'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getDataset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's name (a slug). */
        projectName: components['parameters']['projectName'];
        /** @description The dataset's name (a slug, unique in its project). */
        datasetName: components['parameters']['datasetName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The dataset. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Dataset'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  addRunInputs: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The run's id, 32 lowercase hex characters. */
        runId: components['parameters']['runId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RunInputs'];
      };
    };
    responses: {
      /** @description The run's inputs after the call: names for datasets of the run's project, `project/name` for others. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            datasets: string[];
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listModelDeployments: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The deployments. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeploymentList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  createDeployment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeploymentCreate'];
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Deployment'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  retireDeployment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        deploymentId: components['parameters']['deploymentId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The retired deployment. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Deployment'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getMonitoring: {
    parameters: {
      query: {
        metric: string;
        maxPoints?: number;
      };
      header?: never;
      path: {
        deploymentId: components['parameters']['deploymentId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The series. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MonitoringSeries'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  logMonitoring: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        deploymentId: components['parameters']['deploymentId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MonitoringBatch'];
      };
    };
    responses: {
      /** @description Written. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            points: number;
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getModelVersionLineage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Nodes and edges ready to draw. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LineageGraph'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getModelScorecard: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The scorecard. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificationScorecard'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  createCertificationAttestation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CertificationAttestationCreate'];
      };
    };
    responses: {
      /** @description The attestation. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificationAttestation'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  reviewCertificationAttestation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
        attestationId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CertificationAttestationReview'];
      };
    };
    responses: {
      /** @description The reviewed attestation. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificationAttestation'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  reportCertificationResult: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CertificationResultCreate'];
      };
    };
    responses: {
      /** @description The stored result. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificationExternalResult'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getModelScorecardHistory: {
    parameters: {
      query?: {
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path: {
        /** @description The model's name (a slug, unique across ML Home). */
        modelName: components['parameters']['modelName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of history. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificationHistory'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getCertificationOverview: {
    parameters: {
      query?: {
        /** @description Owner entity refs (any of). */
        owner?: components['schemas']['EntityRef'][];
        /** @description Levels (any of). */
        level?: components['schemas']['CertificationLevelName'][];
        /** @description Attestations expiring within this many days are listed. */
        expiringWithinDays?: number;
        /** @description Page size. */
        limit?: components['parameters']['limit'];
        /** @description The opaque `nextCursor` of the previous page. */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The overview. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificationOverview'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
}

/** A slug: lowercase letters, digits and dashes, 1 to 63 characters, not starting or ending with a dash. @public */
export type Slug = components['schemas']['Slug'];
/** A Backstage entity ref, e.g. `group:default/home-ranking`. @public */
export type EntityRef = components['schemas']['EntityRef'];
/** ISO 8601 time. @public */
export type Timestamp = components['schemas']['Timestamp'];
/** @public */
export type Lifecycle = components['schemas']['Lifecycle'];
/** @public */
export type Link = components['schemas']['Link'];
/** @public */
export type Health = components['schemas']['Health'];
/** @public */
export type Project = components['schemas']['Project'];
/** @public */
export type ProjectCounts = components['schemas']['ProjectCounts'];
/** @public */
export type ProjectCreate = components['schemas']['ProjectCreate'];
/** @public */
export type ProjectUpdate = components['schemas']['ProjectUpdate'];
/** @public */
export type FacetCount = components['schemas']['FacetCount'];
/** @public */
export type ProjectFacets = components['schemas']['ProjectFacets'];
/** @public */
export type ProjectList = components['schemas']['ProjectList'];
/** @public */
export type Experiment = components['schemas']['Experiment'];
/** @public */
export type ExperimentCreate = components['schemas']['ExperimentCreate'];
/** @public */
export type ExperimentList = components['schemas']['ExperimentList'];
/** @public */
export type RunStatus = components['schemas']['RunStatus'];
/** A finite number, or "NaN", "Infinity", "-Infinity" as MLflow clients send them. @public */
export type MetricValue = components['schemas']['MetricValue'];
/** @public */
export type KeyValue = components['schemas']['KeyValue'];
/** @public */
export type LatestMetric = components['schemas']['LatestMetric'];
/** @public */
export type RunSource = components['schemas']['RunSource'];
/** @public */
export type Run = components['schemas']['Run'];
/** @public */
export type RunList = components['schemas']['RunList'];
/** @public */
export type MetricPoint = components['schemas']['MetricPoint'];
/** @public */
export type MetricHistory = components['schemas']['MetricHistory'];
/** @public */
export type MetricHistoriesRequest =
  components['schemas']['MetricHistoriesRequest'];
/** @public */
export type MetricHistoryList = components['schemas']['MetricHistoryList'];
/** @public */
export type MlflowImportLogEntry =
  components['schemas']['MlflowImportLogEntry'];
/** One MLflow tracking server configured under mlHome.mlflowImport.servers, and where its imports stand. @public */
export type MlflowImport = components['schemas']['MlflowImport'];
/** @public */
export type MlflowImportList = components['schemas']['MlflowImportList'];
/** @public */
export type IngestMetric = components['schemas']['IngestMetric'];
/** @public */
export type IngestRun = components['schemas']['IngestRun'];
/** One all-or-nothing write. Carries at least one run, model version, evaluation or deployment. @public */
export type IngestBatch = components['schemas']['IngestBatch'];
/** @public */
export type IngestModelVersion = components['schemas']['IngestModelVersion'];
/** @public */
export type IngestEvaluation = components['schemas']['IngestEvaluation'];
/** @public */
export type IngestDeployment = components['schemas']['IngestDeployment'];
/** @public */
export type IngestResult = components['schemas']['IngestResult'];
/** @public */
export type ProjectEvent = components['schemas']['ProjectEvent'];
/** @public */
export type EventList = components['schemas']['EventList'];
/** @public */
export type Model = components['schemas']['Model'];
/** @public */
export type ModelCreate = components['schemas']['ModelCreate'];
/** @public */
export type ModelList = components['schemas']['ModelList'];
/** @public */
export type ModelAlias = components['schemas']['ModelAlias'];
/** The sections of a Model Card (Mitchell et al., 2019), each markdown. @public */
export type ModelCard = components['schemas']['ModelCard'];
/** @public */
export type ModelVersion = components['schemas']['ModelVersion'];
/** @public */
export type ModelVersionCreate = components['schemas']['ModelVersionCreate'];
/** @public */
export type ModelVersionList = components['schemas']['ModelVersionList'];
/** @public */
export type AliasSet = components['schemas']['AliasSet'];
/** @public */
export type AliasHistoryEntry = components['schemas']['AliasHistoryEntry'];
/** @public */
export type AliasHistory = components['schemas']['AliasHistory'];
/** @public */
export type CompareRequest = components['schemas']['CompareRequest'];
/** @public */
export type ComparisonItem = components['schemas']['ComparisonItem'];
/** One value per compared item, in the order of `items`; null where the item has none. @public */
export type MetricColumn = components['schemas']['MetricColumn'];
/** @public */
export type CompareResult = components['schemas']['CompareResult'];
/** @public */
export type DatasetKind = components['schemas']['DatasetKind'];
/** @public */
export type Feature = components['schemas']['Feature'];
/** @public */
export type Dataset = components['schemas']['Dataset'];
/** @public */
export type DatasetConsumers = components['schemas']['DatasetConsumers'];
/** @public */
export type DatasetCreate = components['schemas']['DatasetCreate'];
/** @public */
export type DatasetList = components['schemas']['DatasetList'];
/** @public */
export type RunInputs = components['schemas']['RunInputs'];
/** @public */
export type Deployment = components['schemas']['Deployment'];
/** @public */
export type DeploymentCreate = components['schemas']['DeploymentCreate'];
/** @public */
export type DeploymentList = components['schemas']['DeploymentList'];
/** @public */
export type MonitoringBatch = components['schemas']['MonitoringBatch'];
/** @public */
export type MonitoringSeries = components['schemas']['MonitoringSeries'];
/** @public */
export type LineageNode = components['schemas']['LineageNode'];
/** @public */
export type LineageGraph = components['schemas']['LineageGraph'];
/** The kinds of ML Home entity that carry notes and tags. @public */
export type EntityType = components['schemas']['EntityType'];
/** @public */
export type Direction = components['schemas']['Direction'];
/** Who says which way a metric is better: the model, the project or the evaluation declared it, or it was guessed from the metric's name (`heuristic`). @public */
export type DirectionSource = components['schemas']['DirectionSource'];
/** @public */
export type MetricDirections = components['schemas']['MetricDirections'];
/** @public */
export type SliceMetricValue = components['schemas']['SliceMetricValue'];
/** @public */
export type Threshold = components['schemas']['Threshold'];
/** @public */
export type EvaluationCreate = components['schemas']['EvaluationCreate'];
/** @public */
export type EvaluationThresholdsUpdate =
  components['schemas']['EvaluationThresholdsUpdate'];
/** @public */
export type ThresholdVerdict = components['schemas']['ThresholdVerdict'];
/** @public */
export type SliceVerdict = components['schemas']['SliceVerdict'];
/** @public */
export type BaselineDelta = components['schemas']['BaselineDelta'];
/** Computed when read from the results, thresholds and baseline; never stored. @public */
export type EvaluationVerdict = components['schemas']['EvaluationVerdict'];
/** @public */
export type DatasetRef = components['schemas']['DatasetRef'];
/** @public */
export type EvaluationSummary = components['schemas']['EvaluationSummary'];
/** @public */
export type Evaluation = components['schemas']['Evaluation'];
/** @public */
export type EvaluationList = components['schemas']['EvaluationList'];
/** @public */
export type EvaluationCompareRequest =
  components['schemas']['EvaluationCompareRequest'];
/** @public */
export type EvaluationComparisonRow =
  components['schemas']['EvaluationComparisonRow'];
/** @public */
export type EvaluationComparison =
  components['schemas']['EvaluationComparison'];
/** @public */
export type Note = components['schemas']['Note'];
/** @public */
export type NoteCreate = components['schemas']['NoteCreate'];
/** @public */
export type NoteUpdate = components['schemas']['NoteUpdate'];
/** @public */
export type NoteList = components['schemas']['NoteList'];
/** @public */
export type NoteRevision = components['schemas']['NoteRevision'];
/** @public */
export type NoteRevisionList = components['schemas']['NoteRevisionList'];
/** @public */
export type EntityTags = components['schemas']['EntityTags'];
/** @public */
export type TagCountList = components['schemas']['TagCountList'];
/** @public */
export type TaggedEntity = components['schemas']['TaggedEntity'];
/** @public */
export type TaggedEntityList = components['schemas']['TaggedEntityList'];
/** A project token for pipelines; the secret itself is shown only once, when it is created. @public */
export type ProjectToken = components['schemas']['ProjectToken'];
/** @public */
export type ProjectTokenCreate = components['schemas']['ProjectTokenCreate'];
/** @public */
export type ProjectTokenCreated = components['schemas']['ProjectTokenCreated'];
/** @public */
export type ProjectTokenList = components['schemas']['ProjectTokenList'];
/** A rubric test id (e.g. `data.schema`) or the id of a check a backend module registered. @public */
export type CertificationCheckId =
  components['schemas']['CertificationCheckId'];
/** A certification level's name from the configured levels (default none, bronze, silver, gold, platinum). @public */
export type CertificationLevelName =
  components['schemas']['CertificationLevelName'];
/** @public */
export type CertificationCheckStatus =
  components['schemas']['CertificationCheckStatus'];
/** Where the result comes from - automated (ML Home's metadata), external (reported by another system), attested (by an owner), none. @public */
export type CertificationCheckSource =
  components['schemas']['CertificationCheckSource'];
/** @public */
export type CertificationEvidence =
  components['schemas']['CertificationEvidence'];
/** @public */
export type CertificationAttestation =
  components['schemas']['CertificationAttestation'];
/** @public */
export type CertificationAttestationCreate =
  components['schemas']['CertificationAttestationCreate'];
/** @public */
export type CertificationAttestationReview =
  components['schemas']['CertificationAttestationReview'];
/** @public */
export type CertificationResultCreate =
  components['schemas']['CertificationResultCreate'];
/** @public */
export type CertificationExternalResult =
  components['schemas']['CertificationExternalResult'];
/** An owner's reason to move past the certification gate; audited and kept in the model's certification history. @public */
export type CertificationOverride =
  components['schemas']['CertificationOverride'];
/** @public */
export type CertificationCheck = components['schemas']['CertificationCheck'];
/** @public */
export type CertificationSection =
  components['schemas']['CertificationSection'];
/** @public */
export type CertificationNextLevelStep =
  components['schemas']['CertificationNextLevelStep'];
/** @public */
export type CertificationNextLevel =
  components['schemas']['CertificationNextLevel'];
/** @public */
export type CertificationScorecard =
  components['schemas']['CertificationScorecard'];
/** @public */
export type CertificationHistoryEntry =
  components['schemas']['CertificationHistoryEntry'];
/** @public */
export type CertificationHistory =
  components['schemas']['CertificationHistory'];
/** @public */
export type CertificationLevelCount =
  components['schemas']['CertificationLevelCount'];
/** @public */
export type CertificationOwnerLevels =
  components['schemas']['CertificationOwnerLevels'];
/** @public */
export type CertificationFailingCheck =
  components['schemas']['CertificationFailingCheck'];
/** @public */
export type CertificationExpiringAttestation =
  components['schemas']['CertificationExpiringAttestation'];
/** @public */
export type CertificationModelSummary =
  components['schemas']['CertificationModelSummary'];
/** @public */
export type CertificationOverview =
  components['schemas']['CertificationOverview'];
/** @public */
export type ErrorBody = components['schemas']['ErrorBody'];
