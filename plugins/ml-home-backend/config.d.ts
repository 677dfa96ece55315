export interface Config {
  /** Configuration of the ML Home backend plugin. */
  mlHome?: {
    /**
     * Check the entity refs ML Home stores against the software catalog: the owner of a project
     * or model must be a group, a deployment's serving service a component, a project's related
     * entities must exist (a 400 names the field otherwise). Defaults to true; turn off only for
     * a portal without a catalog. Owners must be groups of the calling user either way.
     */
    checkOwnersInCatalog?: boolean;
    /** The MLflow door: MLflow's REST API under `/api/ml-home/mlflow` (see the README). */
    mlflow?: {
      /**
       * The project an MLflow experiment or registered model is created in when neither its
       * `ml-home.project` tag nor the caller's project token names one. It must exist; without
       * it, such a create is refused with INVALID_PARAMETER_VALUE saying what to set.
       */
      defaultProject?: string;
    };
    /**
     * Production-readiness certification: ML Test Score scorecards (see the README's
     * Certification section). Every key is optional.
     */
    certification?: {
      /** The alias whose version is certified (default `production`); else the newest deployed. */
      certifiedAlias?: string;
      /** A serving version trained more than this many days ago is stale (default 90). */
      stalenessDays?: number;
      /** How many days back a deployment's monitoring points count (default 7). */
      monitoringWindowDays?: number;
      /**
       * How far (absolute) a metric may fall behind the baseline version's before the
       * certification calls it a regression; default: each evaluation's own tolerance.
       */
      regressionTolerance?: number;
      /**
       * The relative change of a monitored metric in its worse direction, between the last
       * quarter of the monitoring window and the rest of it, that is a regression (default 0.2).
       */
      monitoringRegressionTolerance?: number;
      /** Name patterns (`*` any characters) of latency metrics (default `*latency*`). */
      latencyMetrics?: string[];
      /** Name patterns of prediction-quality metrics (default: accuracy, auc, error, drift, …). */
      qualityMetrics?: string[];
      /** How many days an attestation counts (default 180). */
      attestationValidityDays?: number;
      /** How many days an external result counts after it was observed (default 30). */
      externalResultValidityDays?: number;
      /** How many days before an attestation expires its owners are told (default 14). */
      expiryNoticeDays?: number;
      /**
       * The named levels, lowest first; the first must be `minScore: 0` (inclusive). Default:
       * none 0, bronze above 0, silver from 1, gold from 2, platinum from 3.
       */
      levels?: Array<{
        name: string;
        minScore: number;
        /** Whether a score of exactly `minScore` reaches the level (default true). */
        inclusive?: boolean;
      }>;
      /** The group (entity ref) whose members may review attestations in the example policy. */
      reviewerGroup?: string;
      /**
       * Minimum levels: an alias (e.g. `production`) moves to a version, or a deployment to an
       * environment is recorded, only when the version's model has the level; otherwise 409,
       * unless an owner overrides with a reason (audited).
       */
      gate?: {
        /** By alias name, the minimum level, e.g. `{ production: silver }`. */
        aliases?: { [alias: string]: string };
        /** By environment, the minimum level, e.g. `{ prod: silver }`. */
        environments?: { [environment: string]: string };
      };
      /** How often every model is re-evaluated, e.g. `{ hours: 1 }` (the default). */
      evaluationFrequency?: { [unit: string]: number };
    };
    /**
     * Imports from existing MLflow tracking servers: experiments, runs (params, tags, metric
     * histories, inputs), registered models, versions and aliases, incrementally, once across
     * replicas. Progress and errors show on the admin page (/ml-home/admin/imports).
     */
    mlflowImport?: {
      /**
       * How often each server is imported unless it sets its own, e.g. `{ minutes: 15 }` (the
       * default).
       */
      frequency?: { [unit: string]: number };
      /** How long after start-up the first import waits, e.g. `{ minutes: 1 }` (the default). */
      initialDelay?: { [unit: string]: number };
      /** The longest wait between retries of a failing server, default `{ hours: 1 }`. */
      maxBackoff?: { [unit: string]: number };
      /** The servers to import from. */
      servers?: Array<{
        /** A short id for the server: lowercase letters, digits and dashes. */
        id: string;
        /** The tracking server's base URL, e.g. `https://mlflow.example.com`. */
        url: string;
        /**
         * A bearer token sent to the server (Databricks or MLflow auth tokens).
         * @visibility secret
         */
        token?: string;
        /** Basic auth user name, when the server uses MLflow's basic auth instead of a token. */
        username?: string;
        /**
         * Basic auth password.
         * @visibility secret
         */
        password?: string;
        /**
         * Which experiments to import: `all` (the default) or a list of experiment names or ids.
         */
        experiments?: 'all' | string[];
        /** Import registered models, their versions and aliases (default true). */
        models?: boolean;
        /** The existing ML Home project everything from this server lands in. */
        project: string;
        /** How often this server is imported, overriding `mlflowImport.frequency`. */
        frequency?: { [unit: string]: number };
      }>;
    };
  };
}
