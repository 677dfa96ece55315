// ******************************************************************
// * GENERATED from plugins/ml-home-backend/src/schema/openapi.yaml *
// * by scripts/generate-openapi.js. DO NOT EDIT: change the spec,   *
// * then regenerate with `npm run generate`.                       *
// ******************************************************************

import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import type { operations } from '@ml-home/plugin-ml-home-common';

/** The OpenAPI document of the ml-home backend, validated against on every request. */
export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'ml-home',
    version: '1',
    description:
      "ML Home's REST API: ML projects, experiments, runs, params, tags and metric time series, and the batch ingestion route. Every route needs a Backstage identity (user or service token); writes check ML Home's permissions.",
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
    contact: {},
  },
  servers: [
    {
      url: '/',
    },
  ],
  security: [
    {
      JWT: [],
    },
  ],
  components: {
    securitySchemes: {
      JWT: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      },
    },
    parameters: {
      projectName: {
        name: 'projectName',
        in: 'path',
        required: true,
        description: "The project's name (a slug).",
        schema: {
          $ref: '#/components/schemas/Slug',
        },
      },
      modelName: {
        name: 'modelName',
        in: 'path',
        required: true,
        description: "The model's name (a slug, unique across ML Home).",
        schema: {
          $ref: '#/components/schemas/Slug',
        },
      },
      datasetName: {
        name: 'datasetName',
        in: 'path',
        required: true,
        description: "The dataset's name (a slug, unique in its project).",
        schema: {
          $ref: '#/components/schemas/Slug',
        },
      },
      deploymentId: {
        name: 'deploymentId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 36,
          pattern: '^[^\\u0000]*$',
        },
      },
      evaluationId: {
        name: 'evaluationId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 36,
          pattern: '^[^\\u0000]*$',
        },
      },
      noteId: {
        name: 'noteId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 36,
          pattern: '^[^\\u0000]*$',
        },
      },
      version: {
        name: 'version',
        in: 'path',
        required: true,
        schema: {
          type: 'integer',
          maximum: 2147483647,
          minimum: 1,
        },
      },
      runId: {
        name: 'runId',
        in: 'path',
        required: true,
        description: "The run's id, 32 lowercase hex characters.",
        schema: {
          type: 'string',
          pattern: '^[0-9a-f]{32}$',
        },
      },
      limit: {
        name: 'limit',
        in: 'query',
        allowReserved: true,
        required: false,
        description: 'Page size.',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          default: 50,
        },
      },
      cursor: {
        name: 'cursor',
        in: 'query',
        allowReserved: true,
        required: false,
        description: 'The opaque `nextCursor` of the previous page.',
        schema: {
          type: 'string',
          maxLength: 2000,
        },
      },
      q: {
        name: 'q',
        in: 'query',
        allowReserved: true,
        required: false,
        description:
          'Free text; every word must appear in the name or description.',
        schema: {
          type: 'string',
          maxLength: 200,
        },
      },
      projectFilter: {
        name: 'project',
        in: 'query',
        allowReserved: true,
        required: false,
        description: "Only this project's items.",
        schema: {
          $ref: '#/components/schemas/Slug',
        },
      },
    },
    schemas: {
      Slug: {
        type: 'string',
        description:
          'A slug: lowercase letters, digits and dashes, 1 to 63 characters, not starting or ending with a dash.',
        pattern: '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$',
      },
      EntityRef: {
        type: 'string',
        description:
          'A Backstage entity ref, e.g. `group:default/home-ranking`.',
        minLength: 1,
        maxLength: 255,
      },
      Timestamp: {
        type: 'string',
        format: 'date-time',
        description: 'ISO 8601 time.',
      },
      Lifecycle: {
        type: 'string',
        enum: ['experimental', 'production', 'deprecated'],
      },
      Link: {
        type: 'object',
        additionalProperties: false,
        required: ['url'],
        properties: {
          title: {
            type: 'string',
            maxLength: 200,
          },
          url: {
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
        },
      },
      Health: {
        type: 'object',
        required: ['status'],
        properties: {
          status: {
            type: 'string',
            enum: ['ok'],
          },
        },
      },
      Project: {
        type: 'object',
        required: [
          'id',
          'name',
          'title',
          'description',
          'owner',
          'lifecycle',
          'tags',
          'links',
          'relatedEntities',
          'createdAt',
          'updatedAt',
          'createdBy',
          'updatedBy',
          'lastActivityAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          name: {
            $ref: '#/components/schemas/Slug',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
            description: 'Markdown.',
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          lifecycle: {
            $ref: '#/components/schemas/Lifecycle',
          },
          tags: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Slug',
            },
          },
          links: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Link',
            },
          },
          relatedEntities: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          createdAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          updatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          createdBy: {
            type: 'string',
          },
          updatedBy: {
            type: 'string',
          },
          lastActivityAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          deletedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          counts: {
            $ref: '#/components/schemas/ProjectCounts',
          },
          certificationLevel: {
            description:
              "The lowest certification level among the project's models that have a certified version; absent when none has.",
            allOf: [
              {
                $ref: '#/components/schemas/CertificationLevelName',
              },
            ],
          },
        },
      },
      ProjectCounts: {
        type: 'object',
        required: ['experiments', 'runs'],
        properties: {
          experiments: {
            type: 'integer',
            maximum: 2147483647,
          },
          runs: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      ProjectCreate: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'owner'],
        properties: {
          name: {
            $ref: '#/components/schemas/Slug',
          },
          title: {
            type: 'string',
            description: 'Defaults to the name. At most 200 characters.',
          },
          description: {
            type: 'string',
            description: 'Markdown, at most 64 KiB.',
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          lifecycle: {
            $ref: '#/components/schemas/Lifecycle',
          },
          tags: {
            type: 'array',
            maxItems: 50,
            items: {
              $ref: '#/components/schemas/Slug',
            },
          },
          links: {
            type: 'array',
            maxItems: 50,
            items: {
              $ref: '#/components/schemas/Link',
            },
          },
          relatedEntities: {
            type: 'array',
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
        },
      },
      ProjectUpdate: {
        type: 'object',
        additionalProperties: false,
        properties: {
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          lifecycle: {
            $ref: '#/components/schemas/Lifecycle',
          },
          tags: {
            type: 'array',
            maxItems: 50,
            items: {
              $ref: '#/components/schemas/Slug',
            },
          },
          links: {
            type: 'array',
            maxItems: 50,
            items: {
              $ref: '#/components/schemas/Link',
            },
          },
          relatedEntities: {
            type: 'array',
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
        },
      },
      FacetCount: {
        type: 'object',
        required: ['value', 'count'],
        properties: {
          value: {
            type: 'string',
          },
          count: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      ProjectFacets: {
        type: 'object',
        required: ['owner', 'tag', 'lifecycle'],
        properties: {
          owner: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FacetCount',
            },
          },
          tag: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FacetCount',
            },
          },
          lifecycle: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FacetCount',
            },
          },
          level: {
            type: 'array',
            description:
              'Projects per certification level (projects without a certified model are not counted).',
            items: {
              $ref: '#/components/schemas/FacetCount',
            },
          },
        },
      },
      ProjectList: {
        type: 'object',
        required: ['items', 'totalCount', 'facets'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Project',
            },
          },
          nextCursor: {
            type: 'string',
          },
          totalCount: {
            type: 'integer',
            maximum: 2147483647,
          },
          facets: {
            $ref: '#/components/schemas/ProjectFacets',
          },
        },
      },
      Experiment: {
        type: 'object',
        required: [
          'id',
          'project',
          'name',
          'description',
          'lifecycleStage',
          'createdAt',
          'updatedAt',
          'createdBy',
          'runCount',
        ],
        properties: {
          id: {
            type: 'string',
            description: 'A string of digits (MLflow-compatible).',
          },
          project: {
            $ref: '#/components/schemas/Slug',
          },
          name: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          lifecycleStage: {
            type: 'string',
            enum: ['active', 'deleted'],
          },
          createdAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          updatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          createdBy: {
            type: 'string',
          },
          runCount: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      ExperimentCreate: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: {
            type: 'string',
            minLength: 1,
            maxLength: 250,
          },
          description: {
            type: 'string',
          },
        },
      },
      ExperimentList: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Experiment',
            },
          },
          nextCursor: {
            type: 'string',
          },
          totalCount: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      RunStatus: {
        type: 'string',
        enum: ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'],
      },
      MetricValue: {
        description:
          'A finite number, or "NaN", "Infinity", "-Infinity" as MLflow clients send them.',
        oneOf: [
          {
            type: 'number',
          },
          {
            type: 'string',
            enum: ['NaN', 'Infinity', '-Infinity', '+Infinity'],
          },
        ],
      },
      KeyValue: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'value'],
        properties: {
          key: {
            type: 'string',
            minLength: 1,
          },
          value: {
            type: 'string',
          },
        },
      },
      LatestMetric: {
        type: 'object',
        required: ['key', 'value', 'step', 'timestamp', 'min', 'max'],
        properties: {
          key: {
            type: 'string',
          },
          value: {
            $ref: '#/components/schemas/MetricValue',
          },
          step: {
            type: 'integer',
            minimum: -9007199254740991,
            maximum: 9007199254740991,
          },
          timestamp: {
            type: 'integer',
            minimum: -9007199254740991,
            maximum: 9007199254740991,
            description: 'Milliseconds since epoch.',
          },
          min: {
            $ref: '#/components/schemas/MetricValue',
          },
          max: {
            $ref: '#/components/schemas/MetricValue',
          },
        },
      },
      RunSource: {
        type: 'object',
        additionalProperties: false,
        properties: {
          kind: {
            type: 'string',
            maxLength: 32,
          },
          uri: {
            type: 'string',
            maxLength: 2000,
          },
          gitCommit: {
            type: 'string',
            maxLength: 64,
          },
          pipelineRun: {
            type: 'string',
            maxLength: 255,
          },
        },
      },
      Run: {
        type: 'object',
        required: [
          'id',
          'project',
          'experimentId',
          'experiment',
          'name',
          'status',
          'user',
          'startTime',
          'lifecycleStage',
          'params',
          'tags',
          'metrics',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          project: {
            $ref: '#/components/schemas/Slug',
          },
          experimentId: {
            type: 'string',
          },
          experiment: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/RunStatus',
          },
          user: {
            type: 'string',
          },
          startTime: {
            type: 'integer',
            minimum: -9007199254740991,
            maximum: 9007199254740991,
          },
          endTime: {
            type: 'integer',
            minimum: -9007199254740991,
            maximum: 9007199254740991,
          },
          lifecycleStage: {
            type: 'string',
            enum: ['active', 'deleted'],
          },
          source: {
            $ref: '#/components/schemas/RunSource',
          },
          params: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/KeyValue',
            },
          },
          tags: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/KeyValue',
            },
          },
          metrics: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/LatestMetric',
            },
          },
          createdAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          updatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      RunList: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Run',
            },
          },
          nextCursor: {
            type: 'string',
          },
          totalCount: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      MetricPoint: {
        type: 'object',
        required: ['step', 'value', 'timestamp'],
        properties: {
          step: {
            type: 'integer',
            minimum: -9007199254740991,
            maximum: 9007199254740991,
          },
          value: {
            $ref: '#/components/schemas/MetricValue',
          },
          timestamp: {
            type: 'integer',
            minimum: -9007199254740991,
            maximum: 9007199254740991,
          },
        },
      },
      MetricHistory: {
        type: 'object',
        required: ['runId', 'key', 'points', 'totalPoints', 'downsampled'],
        properties: {
          runId: {
            type: 'string',
          },
          key: {
            type: 'string',
          },
          points: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/MetricPoint',
            },
          },
          totalPoints: {
            type: 'integer',
            maximum: 2147483647,
          },
          downsampled: {
            type: 'boolean',
          },
        },
      },
      MetricHistoriesRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['runIds', 'key'],
        properties: {
          runIds: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            items: {
              type: 'string',
              pattern: '^[0-9a-f]{32}$',
            },
          },
          key: {
            type: 'string',
            minLength: 1,
            maxLength: 250,
          },
          maxPoints: {
            type: 'integer',
            minimum: 1,
            maximum: 5000,
            default: 1000,
          },
        },
      },
      MetricHistoryList: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/MetricHistory',
            },
          },
        },
      },
      MlflowImportLogEntry: {
        type: 'object',
        required: [
          'status',
          'trigger',
          'itemsDone',
          'itemsTotal',
          'pointsDone',
          'startedAt',
        ],
        properties: {
          status: {
            type: 'string',
            enum: ['running', 'succeeded', 'failed'],
          },
          trigger: {
            type: 'string',
            enum: ['schedule', 'manual'],
          },
          itemsDone: {
            type: 'integer',
            maximum: 2147483647,
          },
          itemsTotal: {
            type: 'integer',
            maximum: 2147483647,
          },
          pointsDone: {
            type: 'integer',
          },
          error: {
            type: 'string',
          },
          startedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          finishedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      MlflowImport: {
        type: 'object',
        description:
          'One MLflow tracking server configured under mlHome.mlflowImport.servers, and where its imports stand.',
        required: [
          'serverId',
          'url',
          'project',
          'experiments',
          'models',
          'frequencySeconds',
          'status',
          'itemsDone',
          'itemsTotal',
          'pointsDone',
          'failures',
          'recent',
        ],
        properties: {
          serverId: {
            type: 'string',
          },
          url: {
            type: 'string',
            description: "The server's URL, without user or password.",
          },
          project: {
            type: 'string',
            description:
              "The ML Home project the server's experiments and models land in.",
          },
          experiments: {
            type: 'array',
            description:
              'The experiment names or ids imported; empty when every experiment is.',
            items: {
              type: 'string',
            },
          },
          models: {
            type: 'boolean',
            description:
              'Whether registered models, versions and aliases are imported.',
          },
          frequencySeconds: {
            type: 'integer',
          },
          status: {
            type: 'string',
            enum: ['never', 'running', 'succeeded', 'failed'],
          },
          itemsDone: {
            type: 'integer',
            maximum: 2147483647,
            description:
              'Runs, models and versions imported by the current or last import.',
          },
          itemsTotal: {
            type: 'integer',
            maximum: 2147483647,
            description:
              'Runs, models and versions found so far by the current or last import.',
          },
          pointsDone: {
            type: 'integer',
            description: 'Metric points sent by the current or last import.',
          },
          failures: {
            type: 'integer',
            maximum: 2147483647,
            description:
              'Imports failed in a row; the wait before the next attempt doubles with each.',
          },
          lastError: {
            type: 'string',
          },
          startedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          finishedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          lastSuccessAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          nextAttemptAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          recent: {
            type: 'array',
            description: 'The latest imports, newest first.',
            items: {
              $ref: '#/components/schemas/MlflowImportLogEntry',
            },
          },
        },
      },
      MlflowImportList: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/MlflowImport',
            },
          },
        },
      },
      IngestMetric: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'value'],
        properties: {
          key: {
            type: 'string',
            minLength: 1,
          },
          value: {
            $ref: '#/components/schemas/MetricValue',
          },
          step: {
            type: 'integer',
            minimum: -9007199254740991,
            maximum: 9007199254740991,
            description: 'Defaults to 0.',
          },
          timestamp: {
            type: 'integer',
            minimum: -9007199254740991,
            maximum: 9007199254740991,
            description:
              'Milliseconds since epoch; defaults to the time of the call.',
          },
        },
      },
      IngestRun: {
        type: 'object',
        additionalProperties: false,
        required: ['experiment'],
        properties: {
          runId: {
            type: 'string',
            pattern: '^[0-9a-f]{32}$',
            description:
              'Client-chosen id; makes retries idempotent. Generated when absent.',
          },
          experiment: {
            type: 'string',
            minLength: 1,
            maxLength: 250,
            description:
              'Experiment name in the project; created when missing.',
          },
          name: {
            type: 'string',
            maxLength: 250,
          },
          status: {
            $ref: '#/components/schemas/RunStatus',
          },
          user: {
            type: 'string',
            maxLength: 255,
          },
          startTime: {
            type: 'integer',
            minimum: -9007199254740991,
            maximum: 9007199254740991,
          },
          endTime: {
            type: 'integer',
            minimum: -9007199254740991,
            maximum: 9007199254740991,
          },
          source: {
            $ref: '#/components/schemas/RunSource',
          },
          params: {
            type: 'array',
            maxItems: 1000,
            description:
              'At most 1,000 per run (MLflow allows 100 per log-batch call) and 10,000 params and tags together per batch.',
            items: {
              $ref: '#/components/schemas/KeyValue',
            },
          },
          tags: {
            type: 'array',
            maxItems: 1000,
            description:
              'At most 1,000 per run and 10,000 params and tags together per batch.',
            items: {
              $ref: '#/components/schemas/KeyValue',
            },
          },
          metrics: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/IngestMetric',
            },
          },
        },
      },
      IngestBatch: {
        type: 'object',
        additionalProperties: false,
        description:
          'One all-or-nothing write. Carries at least one run, model version, evaluation or deployment.',
        properties: {
          requestId: {
            type: 'string',
            minLength: 1,
            maxLength: 128,
            description:
              "Idempotency key; a retried call with the same key returns the first call's result and writes nothing.",
          },
          runs: {
            type: 'array',
            maxItems: 1000,
            items: {
              $ref: '#/components/schemas/IngestRun',
            },
          },
          modelVersions: {
            type: 'array',
            maxItems: 100,
            description:
              'Versions to register, each produced by a run (of this batch or earlier); a run registers at most one version per model, so a retry registers nothing new.',
            items: {
              $ref: '#/components/schemas/IngestModelVersion',
            },
          },
          evaluations: {
            type: 'array',
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/IngestEvaluation',
            },
          },
          deployments: {
            type: 'array',
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/IngestDeployment',
            },
          },
        },
      },
      IngestModelVersion: {
        type: 'object',
        additionalProperties: false,
        required: ['model', 'runId'],
        properties: {
          model: {
            $ref: '#/components/schemas/Slug',
          },
          runId: {
            type: 'string',
            pattern: '^[0-9a-f]{32}$',
          },
          artifactUri: {
            type: 'string',
            maxLength: 2000,
          },
          framework: {
            type: 'string',
            maxLength: 100,
          },
          description: {
            type: 'string',
          },
          modelCard: {
            $ref: '#/components/schemas/ModelCard',
          },
          aliases: {
            type: 'array',
            maxItems: 20,
            description: 'Aliases to point at the new version.',
            items: {
              $ref: '#/components/schemas/Slug',
            },
          },
        },
      },
      IngestEvaluation: {
        type: 'object',
        additionalProperties: false,
        required: ['model', 'name', 'dataset', 'results'],
        properties: {
          model: {
            $ref: '#/components/schemas/Slug',
          },
          version: {
            type: 'integer',
            maximum: 2147483647,
            minimum: 1,
          },
          runId: {
            type: 'string',
            pattern: '^[0-9a-f]{32}$',
            description: 'The evaluated version is the one this run produced.',
          },
          name: {
            $ref: '#/components/schemas/Slug',
          },
          dataset: {
            type: 'string',
            maxLength: 127,
          },
          baselineVersion: {
            type: 'integer',
            maximum: 2147483647,
            minimum: 1,
          },
          description: {
            type: 'string',
            maxLength: 20000,
          },
          results: {
            type: 'array',
            minItems: 1,
            maxItems: 10000,
            items: {
              $ref: '#/components/schemas/SliceMetricValue',
            },
          },
          thresholds: {
            type: 'array',
            maxItems: 200,
            items: {
              $ref: '#/components/schemas/Threshold',
            },
          },
          directions: {
            type: 'object',
            additionalProperties: {
              $ref: '#/components/schemas/Direction',
            },
          },
          tolerance: {
            type: 'number',
            minimum: 0,
          },
        },
      },
      IngestDeployment: {
        type: 'object',
        additionalProperties: false,
        required: ['model', 'environment', 'service'],
        properties: {
          model: {
            $ref: '#/components/schemas/Slug',
          },
          version: {
            type: 'integer',
            maximum: 2147483647,
            minimum: 1,
          },
          runId: {
            type: 'string',
            pattern: '^[0-9a-f]{32}$',
            description: 'The deployed version is the one this run produced.',
          },
          environment: {
            $ref: '#/components/schemas/Slug',
          },
          service: {
            $ref: '#/components/schemas/EntityRef',
          },
          endpoint: {
            type: 'string',
            maxLength: 2000,
          },
          deployedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      IngestResult: {
        type: 'object',
        required: ['runs', 'metricPoints', 'params', 'tags', 'replayed'],
        properties: {
          runs: {
            type: 'array',
            items: {
              type: 'object',
              required: ['runId', 'experiment', 'experimentId', 'created'],
              properties: {
                runId: {
                  type: 'string',
                },
                experiment: {
                  type: 'string',
                },
                experimentId: {
                  type: 'string',
                },
                created: {
                  type: 'boolean',
                },
              },
            },
          },
          metricPoints: {
            type: 'integer',
            maximum: 2147483647,
            description: 'Points received (a point sent twice is stored once).',
          },
          params: {
            type: 'integer',
            maximum: 2147483647,
          },
          tags: {
            type: 'integer',
            maximum: 2147483647,
          },
          replayed: {
            type: 'boolean',
            description:
              'True when this answer is the stored answer of an earlier call with the same requestId.',
          },
          modelVersions: {
            type: 'array',
            items: {
              type: 'object',
              required: ['model', 'version', 'runId', 'created'],
              properties: {
                model: {
                  type: 'string',
                },
                version: {
                  type: 'integer',
                  maximum: 2147483647,
                },
                runId: {
                  type: 'string',
                },
                created: {
                  type: 'boolean',
                },
              },
            },
          },
          evaluations: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'model', 'version', 'name', 'created'],
              properties: {
                id: {
                  type: 'string',
                },
                model: {
                  type: 'string',
                },
                version: {
                  type: 'integer',
                  maximum: 2147483647,
                },
                name: {
                  type: 'string',
                },
                created: {
                  type: 'boolean',
                },
              },
            },
          },
          deployments: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'id',
                'model',
                'version',
                'environment',
                'service',
                'created',
              ],
              properties: {
                id: {
                  type: 'string',
                },
                model: {
                  type: 'string',
                },
                version: {
                  type: 'integer',
                  maximum: 2147483647,
                },
                environment: {
                  type: 'string',
                },
                service: {
                  type: 'string',
                },
                created: {
                  type: 'boolean',
                },
              },
            },
          },
        },
      },
      ProjectEvent: {
        type: 'object',
        required: [
          'id',
          'project',
          'actor',
          'action',
          'entityType',
          'entityId',
          'summary',
          'createdAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          project: {
            $ref: '#/components/schemas/Slug',
          },
          actor: {
            type: 'string',
          },
          action: {
            type: 'string',
          },
          entityType: {
            type: 'string',
          },
          entityId: {
            type: 'string',
          },
          summary: {
            type: 'string',
          },
          createdAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      EventList: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ProjectEvent',
            },
          },
          nextCursor: {
            type: 'string',
          },
        },
      },
      Model: {
        type: 'object',
        required: [
          'id',
          'project',
          'name',
          'description',
          'owner',
          'createdAt',
          'updatedAt',
          'createdBy',
          'versionCount',
          'aliases',
        ],
        properties: {
          id: {
            type: 'string',
          },
          project: {
            $ref: '#/components/schemas/Slug',
          },
          name: {
            $ref: '#/components/schemas/Slug',
          },
          description: {
            type: 'string',
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          ownerIsProjectOwner: {
            type: 'boolean',
            description:
              "True when the model has no owner of its own and takes the project's.",
          },
          latestVersion: {
            type: 'integer',
            maximum: 2147483647,
          },
          versionCount: {
            type: 'integer',
            maximum: 2147483647,
          },
          aliases: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ModelAlias',
            },
          },
          createdAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          updatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          createdBy: {
            type: 'string',
          },
          certificationLevel: {
            description:
              "The model's stored certification level; absent before its first evaluation.",
            allOf: [
              {
                $ref: '#/components/schemas/CertificationLevelName',
              },
            ],
          },
        },
      },
      ModelCreate: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: {
            $ref: '#/components/schemas/Slug',
          },
          description: {
            type: 'string',
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
        },
      },
      ModelList: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Model',
            },
          },
          nextCursor: {
            type: 'string',
          },
          totalCount: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      ModelAlias: {
        type: 'object',
        required: ['alias', 'version', 'updatedAt', 'updatedBy'],
        properties: {
          alias: {
            type: 'string',
          },
          version: {
            type: 'integer',
            maximum: 2147483647,
          },
          updatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          updatedBy: {
            type: 'string',
          },
        },
      },
      ModelCard: {
        type: 'object',
        additionalProperties: false,
        description:
          'The sections of a Model Card (Mitchell et al., 2019), each markdown.',
        properties: {
          modelDetails: {
            type: 'string',
          },
          intendedUse: {
            type: 'string',
          },
          factors: {
            type: 'string',
          },
          metrics: {
            type: 'string',
          },
          evaluationData: {
            type: 'string',
          },
          trainingData: {
            type: 'string',
          },
          quantitativeAnalyses: {
            type: 'string',
          },
          ethicalConsiderations: {
            type: 'string',
          },
          caveatsAndRecommendations: {
            type: 'string',
          },
        },
      },
      ModelVersion: {
        type: 'object',
        required: [
          'id',
          'model',
          'version',
          'artifactUri',
          'framework',
          'description',
          'modelCard',
          'aliases',
          'createdAt',
          'createdBy',
        ],
        properties: {
          id: {
            type: 'string',
          },
          model: {
            $ref: '#/components/schemas/Slug',
          },
          version: {
            type: 'integer',
            maximum: 2147483647,
          },
          runId: {
            type: 'string',
          },
          artifactUri: {
            type: 'string',
          },
          framework: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          modelCard: {
            $ref: '#/components/schemas/ModelCard',
          },
          aliases: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          createdAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          createdBy: {
            type: 'string',
          },
        },
      },
      ModelVersionCreate: {
        type: 'object',
        additionalProperties: false,
        properties: {
          runId: {
            type: 'string',
            pattern: '^[0-9a-f]{32}$',
          },
          artifactUri: {
            type: 'string',
            maxLength: 2000,
          },
          framework: {
            type: 'string',
            maxLength: 100,
          },
          description: {
            type: 'string',
          },
          modelCard: {
            $ref: '#/components/schemas/ModelCard',
          },
        },
      },
      ModelVersionList: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ModelVersion',
            },
          },
          nextCursor: {
            type: 'string',
          },
          totalCount: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      AliasSet: {
        type: 'object',
        additionalProperties: false,
        required: ['version'],
        properties: {
          version: {
            type: 'integer',
            maximum: 2147483647,
            minimum: 1,
          },
          certificationOverride: {
            $ref: '#/components/schemas/CertificationOverride',
          },
        },
      },
      AliasHistoryEntry: {
        type: 'object',
        required: ['alias', 'actor', 'createdAt'],
        properties: {
          alias: {
            type: 'string',
          },
          fromVersion: {
            type: 'integer',
            maximum: 2147483647,
          },
          toVersion: {
            type: 'integer',
            maximum: 2147483647,
          },
          actor: {
            type: 'string',
          },
          createdAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      AliasHistory: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AliasHistoryEntry',
            },
          },
          nextCursor: {
            type: 'string',
          },
        },
      },
      CompareRequest: {
        type: 'object',
        additionalProperties: false,
        properties: {
          runs: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'string',
              pattern: '^[0-9a-f]{32}$',
            },
          },
          modelVersions: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['model', 'version'],
              properties: {
                model: {
                  $ref: '#/components/schemas/Slug',
                },
                version: {
                  type: 'integer',
                  maximum: 2147483647,
                  minimum: 1,
                },
              },
            },
          },
          allParams: {
            type: 'boolean',
            description:
              'List every param, not only those whose values differ.',
          },
        },
      },
      ComparisonItem: {
        type: 'object',
        required: ['id', 'kind', 'label', 'project'],
        properties: {
          id: {
            type: 'string',
          },
          kind: {
            type: 'string',
            enum: ['run', 'model-version'],
          },
          label: {
            type: 'string',
          },
          project: {
            $ref: '#/components/schemas/Slug',
          },
          runId: {
            type: 'string',
          },
        },
      },
      MetricColumn: {
        type: 'array',
        description:
          'One value per compared item, in the order of `items`; null where the item has none.',
        items: {
          oneOf: [
            {
              $ref: '#/components/schemas/MetricValue',
            },
            {
              type: 'null',
            },
          ],
        },
      },
      CompareResult: {
        type: 'object',
        required: ['items', 'params', 'metrics'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ComparisonItem',
            },
          },
          params: {
            type: 'array',
            items: {
              type: 'object',
              required: ['key', 'values', 'differs'],
              properties: {
                key: {
                  type: 'string',
                },
                values: {
                  type: 'array',
                  items: {
                    type: ['string', 'null'],
                  },
                },
                differs: {
                  type: 'boolean',
                },
              },
            },
          },
          metrics: {
            type: 'array',
            items: {
              type: 'object',
              description:
                'One metric as three columns aligned with `items` (columns rather than a cell object per item keep a 100 × 500 comparison small to send and parse).',
              required: ['key', 'last', 'min', 'max', 'best'],
              properties: {
                key: {
                  type: 'string',
                },
                direction: {
                  description:
                    'Absent when nobody declared it and the name does not settle it; then nothing is best.',
                  type: 'string',
                  enum: ['higher', 'lower'],
                },
                directionSource: {
                  $ref: '#/components/schemas/DirectionSource',
                },
                last: {
                  description:
                    'The latest value per item (highest step); null where the item lacks the metric.',
                  allOf: [
                    {
                      $ref: '#/components/schemas/MetricColumn',
                    },
                  ],
                },
                min: {
                  description:
                    'The smallest value per item over its series; null where unknown.',
                  allOf: [
                    {
                      $ref: '#/components/schemas/MetricColumn',
                    },
                  ],
                },
                max: {
                  description:
                    'The largest value per item over its series; null where unknown.',
                  allOf: [
                    {
                      $ref: '#/components/schemas/MetricColumn',
                    },
                  ],
                },
                best: {
                  type: 'array',
                  description:
                    "Indexes into items of the best value(s) by the metric's direction.",
                  items: {
                    type: 'integer',
                    maximum: 2147483647,
                  },
                },
              },
            },
          },
        },
      },
      DatasetKind: {
        type: 'string',
        enum: ['training-set', 'evaluation-set', 'feature-set'],
      },
      Feature: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'type'],
        properties: {
          name: {
            type: 'string',
            minLength: 1,
            maxLength: 250,
          },
          type: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          description: {
            type: 'string',
            maxLength: 5000,
          },
        },
      },
      Dataset: {
        type: 'object',
        required: [
          'id',
          'project',
          'name',
          'kind',
          'uri',
          'description',
          'features',
          'createdAt',
          'updatedAt',
          'createdBy',
        ],
        properties: {
          id: {
            type: 'string',
          },
          project: {
            $ref: '#/components/schemas/Slug',
          },
          name: {
            $ref: '#/components/schemas/Slug',
          },
          kind: {
            $ref: '#/components/schemas/DatasetKind',
          },
          uri: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          features: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Feature',
            },
          },
          consumers: {
            $ref: '#/components/schemas/DatasetConsumers',
          },
          createdAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          updatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          createdBy: {
            type: 'string',
          },
        },
      },
      DatasetConsumers: {
        type: 'object',
        required: ['runCount', 'runs', 'modelVersions'],
        properties: {
          runCount: {
            type: 'integer',
            maximum: 2147483647,
          },
          runs: {
            type: 'array',
            description:
              'The most recent runs that read the dataset (at most 50).',
            items: {
              type: 'object',
              required: ['runId', 'name', 'project'],
              properties: {
                runId: {
                  type: 'string',
                },
                name: {
                  type: 'string',
                },
                project: {
                  type: 'string',
                },
              },
            },
          },
          modelVersions: {
            type: 'array',
            description: 'Model versions trained by those runs.',
            items: {
              type: 'object',
              required: ['model', 'version'],
              properties: {
                model: {
                  type: 'string',
                },
                version: {
                  type: 'integer',
                  maximum: 2147483647,
                },
              },
            },
          },
        },
      },
      DatasetCreate: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'kind'],
        properties: {
          name: {
            $ref: '#/components/schemas/Slug',
          },
          kind: {
            $ref: '#/components/schemas/DatasetKind',
          },
          uri: {
            type: 'string',
            maxLength: 2000,
          },
          description: {
            type: 'string',
          },
          features: {
            type: 'array',
            maxItems: 2000,
            items: {
              $ref: '#/components/schemas/Feature',
            },
          },
        },
      },
      DatasetList: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Dataset',
            },
          },
          nextCursor: {
            type: 'string',
          },
          totalCount: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      RunInputs: {
        type: 'object',
        additionalProperties: false,
        required: ['datasets'],
        properties: {
          datasets: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            items: {
              type: 'string',
              description:
                "A dataset the run read: `name` in the run's project, or `project/name` for another project's dataset (the caller must be allowed to read that project).",
              pattern:
                '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?/)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$',
            },
          },
        },
      },
      Deployment: {
        type: 'object',
        required: [
          'id',
          'model',
          'version',
          'environment',
          'service',
          'endpoint',
          'status',
          'deployedAt',
          'createdBy',
        ],
        properties: {
          id: {
            type: 'string',
          },
          project: {
            $ref: '#/components/schemas/Slug',
          },
          model: {
            $ref: '#/components/schemas/Slug',
          },
          version: {
            type: 'integer',
            maximum: 2147483647,
          },
          environment: {
            type: 'string',
          },
          service: {
            $ref: '#/components/schemas/EntityRef',
          },
          endpoint: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['active', 'retired'],
          },
          deployedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          retiredAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          createdBy: {
            type: 'string',
          },
        },
      },
      DeploymentCreate: {
        type: 'object',
        additionalProperties: false,
        required: ['version', 'environment', 'service'],
        properties: {
          version: {
            type: 'integer',
            maximum: 2147483647,
            minimum: 1,
          },
          environment: {
            $ref: '#/components/schemas/Slug',
          },
          service: {
            $ref: '#/components/schemas/EntityRef',
          },
          endpoint: {
            type: 'string',
            maxLength: 2000,
          },
          deployedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          certificationOverride: {
            $ref: '#/components/schemas/CertificationOverride',
          },
        },
      },
      DeploymentList: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Deployment',
            },
          },
          nextCursor: {
            type: 'string',
          },
          totalCount: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      MonitoringBatch: {
        type: 'object',
        additionalProperties: false,
        required: ['points'],
        properties: {
          points: {
            type: 'array',
            minItems: 1,
            maxItems: 10000,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['metric', 'value', 'timestamp'],
              properties: {
                metric: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 250,
                },
                value: {
                  $ref: '#/components/schemas/MetricValue',
                },
                timestamp: {
                  type: 'integer',
                  maximum: 9007199254740991,
                  minimum: 0,
                },
              },
            },
          },
        },
      },
      MonitoringSeries: {
        type: 'object',
        required: [
          'deploymentId',
          'metric',
          'points',
          'totalPoints',
          'downsampled',
        ],
        properties: {
          deploymentId: {
            type: 'string',
          },
          metric: {
            type: 'string',
          },
          points: {
            type: 'array',
            items: {
              type: 'object',
              required: ['timestamp', 'value'],
              properties: {
                timestamp: {
                  type: 'integer',
                  minimum: -9007199254740991,
                  maximum: 9007199254740991,
                },
                value: {
                  $ref: '#/components/schemas/MetricValue',
                },
              },
            },
          },
          totalPoints: {
            type: 'integer',
            maximum: 2147483647,
          },
          downsampled: {
            type: 'boolean',
          },
        },
      },
      LineageNode: {
        type: 'object',
        required: ['id', 'kind', 'label'],
        properties: {
          id: {
            type: 'string',
          },
          kind: {
            type: 'string',
            enum: [
              'dataset',
              'run',
              'model-version',
              'deployment',
              'component',
            ],
          },
          label: {
            type: 'string',
          },
          ref: {
            type: 'string',
            description:
              'What to link to (dataset name, run id, model/version, deployment id, entity ref).',
          },
          status: {
            type: 'string',
          },
        },
      },
      LineageGraph: {
        type: 'object',
        required: ['nodes', 'edges'],
        properties: {
          nodes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/LineageNode',
            },
          },
          edges: {
            type: 'array',
            items: {
              type: 'object',
              required: ['from', 'to', 'label'],
              properties: {
                from: {
                  type: 'string',
                },
                to: {
                  type: 'string',
                },
                label: {
                  type: 'string',
                },
              },
            },
          },
        },
      },
      EntityType: {
        type: 'string',
        description: 'The kinds of ML Home entity that carry notes and tags.',
        enum: [
          'project',
          'experiment',
          'run',
          'model',
          'model-version',
          'evaluation',
          'dataset',
          'deployment',
        ],
      },
      Direction: {
        type: 'string',
        enum: ['higher', 'lower'],
      },
      DirectionSource: {
        type: 'string',
        description:
          "Who says which way a metric is better: the model, the project or the evaluation declared it, or it was guessed from the metric's name (`heuristic`).",
        enum: ['model', 'project', 'evaluation', 'heuristic'],
      },
      MetricDirections: {
        type: 'object',
        additionalProperties: false,
        required: ['directions'],
        properties: {
          directions: {
            type: 'object',
            description:
              "Which way each metric is better, by metric key. A model's declarations overrule its project's; metrics nobody declared are guessed from well-known names only, or left unknown.",
            maxProperties: 500,
            additionalProperties: {
              $ref: '#/components/schemas/Direction',
            },
          },
        },
      },
      SliceMetricValue: {
        type: 'object',
        additionalProperties: false,
        required: ['slice', 'metric', 'value'],
        properties: {
          slice: {
            type: 'string',
            minLength: 1,
            maxLength: 250,
            description: '`overall`, or `feature=value`.',
          },
          metric: {
            type: 'string',
            minLength: 1,
            maxLength: 250,
          },
          value: {
            $ref: '#/components/schemas/MetricValue',
          },
        },
      },
      Threshold: {
        type: 'object',
        additionalProperties: false,
        required: ['metric', 'op', 'value'],
        properties: {
          metric: {
            type: 'string',
            minLength: 1,
            maxLength: 250,
          },
          slice: {
            type: 'string',
            minLength: 1,
            maxLength: 250,
            description:
              'The one slice the threshold applies to; absent for every slice with a result.',
          },
          op: {
            type: 'string',
            enum: ['>', '>=', '<', '<='],
          },
          value: {
            type: 'number',
          },
        },
      },
      EvaluationCreate: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'dataset', 'results'],
        properties: {
          name: {
            $ref: '#/components/schemas/Slug',
          },
          dataset: {
            type: 'string',
            maxLength: 127,
            description:
              "The evaluation dataset, `name` in the model's project or `project/name`.",
          },
          baselineVersion: {
            type: 'integer',
            maximum: 2147483647,
            minimum: 1,
            description:
              'Another version of the same model to compare against.',
          },
          description: {
            type: 'string',
            maxLength: 20000,
          },
          results: {
            type: 'array',
            minItems: 1,
            maxItems: 10000,
            items: {
              $ref: '#/components/schemas/SliceMetricValue',
            },
          },
          thresholds: {
            type: 'array',
            maxItems: 200,
            items: {
              $ref: '#/components/schemas/Threshold',
            },
          },
          directions: {
            type: 'object',
            description:
              'Whether higher or lower is better, per metric key; unnamed metrics go by their name.',
            additionalProperties: {
              $ref: '#/components/schemas/Direction',
            },
          },
          tolerance: {
            type: 'number',
            minimum: 0,
            description:
              'The absolute change a delta must exceed to count as a regression or improvement.',
          },
        },
      },
      EvaluationThresholdsUpdate: {
        type: 'object',
        additionalProperties: false,
        required: ['thresholds'],
        properties: {
          thresholds: {
            type: 'array',
            maxItems: 200,
            items: {
              $ref: '#/components/schemas/Threshold',
            },
          },
          directions: {
            type: 'object',
            additionalProperties: {
              $ref: '#/components/schemas/Direction',
            },
          },
          tolerance: {
            type: 'number',
            minimum: 0,
          },
        },
      },
      ThresholdVerdict: {
        type: 'object',
        required: ['threshold', 'slice', 'pass'],
        properties: {
          threshold: {
            $ref: '#/components/schemas/Threshold',
          },
          slice: {
            type: 'string',
          },
          value: {
            $ref: '#/components/schemas/MetricValue',
          },
          pass: {
            type: 'boolean',
          },
          reason: {
            type: 'string',
            enum: ['missing', 'nan'],
          },
        },
      },
      SliceVerdict: {
        type: 'object',
        required: ['slice', 'pass', 'failing'],
        properties: {
          slice: {
            type: 'string',
          },
          pass: {
            type: 'boolean',
          },
          failing: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      BaselineDelta: {
        type: 'object',
        required: ['slice', 'metric', 'value', 'regression', 'improvement'],
        properties: {
          slice: {
            type: 'string',
          },
          metric: {
            type: 'string',
          },
          value: {
            $ref: '#/components/schemas/MetricValue',
          },
          baseline: {
            $ref: '#/components/schemas/MetricValue',
          },
          delta: {
            $ref: '#/components/schemas/MetricValue',
          },
          relativeDelta: {
            $ref: '#/components/schemas/MetricValue',
          },
          regression: {
            type: 'boolean',
          },
          improvement: {
            type: 'boolean',
          },
        },
      },
      EvaluationVerdict: {
        type: 'object',
        description:
          'Computed when read from the results, thresholds and baseline; never stored.',
        required: ['pass', 'outcomes', 'slices', 'deltas', 'regressions'],
        properties: {
          pass: {
            type: 'boolean',
          },
          outcomes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ThresholdVerdict',
            },
          },
          slices: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SliceVerdict',
            },
          },
          deltas: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/BaselineDelta',
            },
          },
          regressions: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      DatasetRef: {
        type: 'object',
        required: ['project', 'name'],
        properties: {
          project: {
            $ref: '#/components/schemas/Slug',
          },
          name: {
            $ref: '#/components/schemas/Slug',
          },
        },
      },
      EvaluationSummary: {
        type: 'object',
        required: [
          'id',
          'project',
          'model',
          'version',
          'name',
          'dataset',
          'description',
          'pass',
          'regressions',
          'sliceCount',
          'failingSlices',
          'resultCount',
          'createdAt',
          'createdBy',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          project: {
            $ref: '#/components/schemas/Slug',
          },
          model: {
            $ref: '#/components/schemas/Slug',
          },
          version: {
            type: 'integer',
            maximum: 2147483647,
          },
          name: {
            $ref: '#/components/schemas/Slug',
          },
          dataset: {
            $ref: '#/components/schemas/DatasetRef',
          },
          description: {
            type: 'string',
          },
          baselineVersion: {
            type: 'integer',
            maximum: 2147483647,
          },
          baselineEvaluationId: {
            type: 'string',
            description:
              "The baseline version's evaluation on the same dataset whose results the deltas compare with.",
          },
          pass: {
            type: 'boolean',
          },
          regressions: {
            type: 'integer',
            maximum: 2147483647,
          },
          sliceCount: {
            type: 'integer',
            maximum: 2147483647,
          },
          failingSlices: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          resultCount: {
            type: 'integer',
            maximum: 2147483647,
          },
          createdAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          createdBy: {
            type: 'string',
          },
          updatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      Evaluation: {
        allOf: [
          {
            $ref: '#/components/schemas/EvaluationSummary',
          },
          {
            type: 'object',
            required: [
              'results',
              'thresholds',
              'directions',
              'tolerance',
              'score',
            ],
            properties: {
              results: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/SliceMetricValue',
                },
              },
              thresholds: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/Threshold',
                },
              },
              directions: {
                type: 'object',
                description:
                  'The direction of every metric in the results whose direction is known: declared by the evaluation, its model or its project, or guessed from a well-known name.',
                additionalProperties: {
                  $ref: '#/components/schemas/Direction',
                },
              },
              directionSources: {
                type: 'object',
                description: 'Who said each direction in `directions`.',
                additionalProperties: {
                  $ref: '#/components/schemas/DirectionSource',
                },
              },
              tolerance: {
                type: 'number',
              },
              score: {
                $ref: '#/components/schemas/EvaluationVerdict',
              },
            },
          },
        ],
      },
      EvaluationList: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EvaluationSummary',
            },
          },
          nextCursor: {
            type: 'string',
          },
          totalCount: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      EvaluationCompareRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['evaluations'],
        properties: {
          evaluations: {
            type: 'array',
            minItems: 1,
            maxItems: 20,
            items: {
              type: 'string',
              maxLength: 36,
            },
            description:
              "Evaluation ids; the first is the reference the others' deltas are taken against.",
          },
        },
      },
      EvaluationComparisonRow: {
        type: 'object',
        required: ['slice', 'metric', 'values', 'deltas', 'best'],
        properties: {
          slice: {
            type: 'string',
          },
          metric: {
            type: 'string',
          },
          direction: {
            $ref: '#/components/schemas/Direction',
          },
          directionSource: {
            $ref: '#/components/schemas/DirectionSource',
          },
          values: {
            type: 'array',
            description:
              'One per evaluation, in request order; null where it has no such result.',
            items: {
              oneOf: [
                {
                  $ref: '#/components/schemas/MetricValue',
                },
                {
                  type: 'null',
                },
              ],
            },
          },
          deltas: {
            type: 'array',
            description:
              "value minus the first evaluation's value, per evaluation; null where either is missing.",
            items: {
              oneOf: [
                {
                  $ref: '#/components/schemas/MetricValue',
                },
                {
                  type: 'null',
                },
              ],
            },
          },
          best: {
            type: 'array',
            description:
              "Indexes of the evaluations with the best value by the metric's direction.",
            items: {
              type: 'integer',
              maximum: 2147483647,
            },
          },
          pass: {
            type: 'array',
            description:
              'Per evaluation, whether its thresholds pass on this slice and metric; null when none applies.',
            items: {
              type: ['boolean', 'null'],
            },
          },
        },
      },
      EvaluationComparison: {
        type: 'object',
        required: ['items', 'slices', 'metrics', 'rows'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EvaluationSummary',
            },
          },
          slices: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          metrics: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          rows: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EvaluationComparisonRow',
            },
          },
        },
      },
      Note: {
        type: 'object',
        required: [
          'id',
          'project',
          'entityType',
          'entityId',
          'entityLabel',
          'body',
          'revision',
          'createdBy',
          'createdAt',
          'updatedBy',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          project: {
            $ref: '#/components/schemas/Slug',
          },
          entityType: {
            $ref: '#/components/schemas/EntityType',
          },
          entityId: {
            type: 'string',
          },
          entityLabel: {
            type: 'string',
            description: 'A human name for the entity, e.g. `churn-model v3`.',
          },
          body: {
            type: 'string',
            description: 'Markdown.',
          },
          revision: {
            type: 'integer',
            maximum: 2147483647,
            description:
              'Send it back with an edit; an edit of an older revision is refused with 409.',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          updatedBy: {
            type: 'string',
          },
          updatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      NoteCreate: {
        type: 'object',
        additionalProperties: false,
        required: ['entityType', 'entityId', 'body'],
        properties: {
          entityType: {
            $ref: '#/components/schemas/EntityType',
          },
          entityId: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
          },
          body: {
            type: 'string',
            minLength: 1,
            maxLength: 100000,
          },
        },
      },
      NoteUpdate: {
        type: 'object',
        additionalProperties: false,
        required: ['body', 'revision'],
        properties: {
          body: {
            type: 'string',
            minLength: 1,
            maxLength: 100000,
          },
          revision: {
            type: 'integer',
            maximum: 2147483647,
            minimum: 1,
            description: 'The revision the edit was made on.',
          },
        },
      },
      NoteList: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Note',
            },
          },
          nextCursor: {
            type: 'string',
          },
          totalCount: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      NoteRevision: {
        type: 'object',
        required: ['revision', 'body', 'action', 'editedBy', 'editedAt'],
        properties: {
          revision: {
            type: 'integer',
            maximum: 2147483647,
          },
          body: {
            type: 'string',
          },
          action: {
            type: 'string',
            enum: ['create', 'edit', 'delete'],
          },
          editedBy: {
            type: 'string',
          },
          editedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      NoteRevisionList: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/NoteRevision',
            },
          },
        },
      },
      EntityTags: {
        type: 'object',
        additionalProperties: false,
        required: ['entityType', 'entityId', 'tags'],
        properties: {
          entityType: {
            $ref: '#/components/schemas/EntityType',
          },
          entityId: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
          },
          tags: {
            type: 'array',
            maxItems: 50,
            items: {
              $ref: '#/components/schemas/Slug',
            },
          },
        },
      },
      TagCountList: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FacetCount',
            },
          },
        },
      },
      TaggedEntity: {
        type: 'object',
        required: ['entityType', 'entityId', 'project', 'label', 'tags'],
        properties: {
          entityType: {
            $ref: '#/components/schemas/EntityType',
          },
          entityId: {
            type: 'string',
          },
          project: {
            $ref: '#/components/schemas/Slug',
          },
          label: {
            type: 'string',
          },
          tags: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      TaggedEntityList: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/TaggedEntity',
            },
          },
          nextCursor: {
            type: 'string',
          },
          totalCount: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      ProjectToken: {
        type: 'object',
        description:
          'A project token for pipelines; the secret itself is shown only once, when it is created.',
        required: [
          'id',
          'project',
          'name',
          'prefix',
          'createdBy',
          'createdAt',
          'expiresAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          project: {
            $ref: '#/components/schemas/Slug',
          },
          name: {
            type: 'string',
          },
          prefix: {
            type: 'string',
            description:
              'The first characters of the secret, to tell tokens apart.',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          expiresAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          lastUsedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          revokedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          revokedBy: {
            type: 'string',
          },
        },
      },
      ProjectTokenCreate: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          expiresInDays: {
            type: 'integer',
            minimum: 1,
            maximum: 365,
            description: 'Days until the token stops working (default 90).',
          },
        },
      },
      ProjectTokenCreated: {
        type: 'object',
        required: ['token', 'secret'],
        properties: {
          token: {
            $ref: '#/components/schemas/ProjectToken',
          },
          secret: {
            type: 'string',
            description:
              'The token to send as `Authorization: Bearer <secret>`. Shown only in this answer.',
          },
        },
      },
      ProjectTokenList: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ProjectToken',
            },
          },
        },
      },
      CertificationCheckId: {
        type: 'string',
        description:
          'A rubric test id (e.g. `data.schema`) or the id of a check a backend module registered.',
        pattern: '^[a-z0-9][a-z0-9._-]{0,99}$',
      },
      CertificationLevelName: {
        type: 'string',
        description:
          "A certification level's name from the configured levels (default none, bronze, silver, gold, platinum).",
        pattern: '^[a-z0-9][a-z0-9_-]{0,62}$',
      },
      CertificationCheckStatus: {
        type: 'string',
        enum: ['pass', 'fail', 'n/a', 'unknown'],
      },
      CertificationCheckSource: {
        type: 'string',
        description:
          "Where the result comes from - automated (ML Home's metadata), external (reported by another system), attested (by an owner), none.",
        enum: ['automated', 'external', 'attested', 'none'],
      },
      CertificationEvidence: {
        type: 'object',
        properties: {
          url: {
            type: 'string',
            maxLength: 2000,
          },
          text: {
            type: 'string',
            maxLength: 4000,
          },
        },
      },
      CertificationAttestation: {
        type: 'object',
        required: [
          'id',
          'model',
          'checkId',
          'evidenceUrl',
          'note',
          'by',
          'at',
          'expiresAt',
          'state',
        ],
        properties: {
          id: {
            type: 'string',
          },
          model: {
            $ref: '#/components/schemas/Slug',
          },
          checkId: {
            $ref: '#/components/schemas/CertificationCheckId',
          },
          evidenceUrl: {
            type: 'string',
          },
          note: {
            type: 'string',
          },
          by: {
            type: 'string',
            description: 'Who attested (an entity ref).',
          },
          at: {
            $ref: '#/components/schemas/Timestamp',
          },
          expiresAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          state: {
            type: 'string',
            enum: ['active', 'rejected', 'expired'],
          },
          reviewedBy: {
            type: 'string',
          },
          reviewedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          reviewReason: {
            type: 'string',
          },
        },
      },
      CertificationAttestationCreate: {
        type: 'object',
        additionalProperties: false,
        required: ['checkId', 'evidenceUrl'],
        properties: {
          checkId: {
            $ref: '#/components/schemas/CertificationCheckId',
          },
          evidenceUrl: {
            type: 'string',
            description: 'A link to the evidence (http or https).',
            minLength: 8,
            maxLength: 2000,
            pattern: '^https?://[^\\s]+$',
          },
          note: {
            type: 'string',
            description: 'What was done and how, at most 4,000 characters.',
            maxLength: 4000,
          },
        },
      },
      CertificationAttestationReview: {
        type: 'object',
        additionalProperties: false,
        required: ['decision', 'reason'],
        properties: {
          decision: {
            type: 'string',
            enum: ['reject'],
          },
          reason: {
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
        },
      },
      CertificationResultCreate: {
        type: 'object',
        additionalProperties: false,
        required: ['checkId', 'status', 'evidenceUrl'],
        properties: {
          checkId: {
            $ref: '#/components/schemas/CertificationCheckId',
          },
          status: {
            type: 'string',
            enum: ['pass', 'fail'],
          },
          evidenceUrl: {
            type: 'string',
            description:
              'A link to the run that produced the result (http or https).',
            minLength: 8,
            maxLength: 2000,
            pattern: '^https?://[^\\s]+$',
          },
          observedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      CertificationExternalResult: {
        type: 'object',
        required: [
          'model',
          'checkId',
          'status',
          'evidenceUrl',
          'observedAt',
          'reportedBy',
          'expiresAt',
        ],
        properties: {
          model: {
            $ref: '#/components/schemas/Slug',
          },
          checkId: {
            $ref: '#/components/schemas/CertificationCheckId',
          },
          status: {
            type: 'string',
            enum: ['pass', 'fail'],
          },
          evidenceUrl: {
            type: 'string',
          },
          observedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          reportedBy: {
            type: 'string',
          },
          expiresAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      CertificationOverride: {
        type: 'object',
        additionalProperties: false,
        required: ['reason'],
        description:
          "An owner's reason to move past the certification gate; audited and kept in the model's certification history.",
        properties: {
          reason: {
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
        },
      },
      CertificationCheck: {
        type: 'object',
        required: ['id', 'title', 'status', 'points', 'source'],
        properties: {
          id: {
            $ref: '#/components/schemas/CertificationCheckId',
          },
          title: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/CertificationCheckStatus',
          },
          points: {
            type: 'number',
            description:
              '1 automated (or external) and passing, 0.5 attested, 0 otherwise.',
          },
          source: {
            $ref: '#/components/schemas/CertificationCheckSource',
          },
          evidence: {
            $ref: '#/components/schemas/CertificationEvidence',
          },
          expiresAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          attestation: {
            $ref: '#/components/schemas/CertificationAttestation',
          },
          externalResult: {
            $ref: '#/components/schemas/CertificationExternalResult',
          },
        },
      },
      CertificationSection: {
        type: 'object',
        required: ['id', 'title', 'score', 'checks'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          score: {
            type: 'number',
          },
          checks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CertificationCheck',
            },
          },
        },
      },
      CertificationNextLevelStep: {
        type: 'object',
        required: ['checkId', 'section', 'action', 'points'],
        properties: {
          checkId: {
            $ref: '#/components/schemas/CertificationCheckId',
          },
          section: {
            type: 'string',
          },
          action: {
            type: 'string',
            description:
              'Whether automating the check (+1) is needed or attesting it (+0.5) is enough.',
            enum: ['automate', 'attest'],
          },
          points: {
            type: 'number',
          },
        },
      },
      CertificationNextLevel: {
        type: 'object',
        required: ['level', 'minScore', 'steps'],
        properties: {
          level: {
            $ref: '#/components/schemas/CertificationLevelName',
          },
          minScore: {
            type: 'number',
          },
          steps: {
            type: 'array',
            description:
              'The fewest checks that raise the minimum of the sections to the level.',
            items: {
              $ref: '#/components/schemas/CertificationNextLevelStep',
            },
          },
        },
      },
      CertificationScorecard: {
        type: 'object',
        required: [
          'model',
          'project',
          'owner',
          'score',
          'level',
          'band',
          'sections',
          'portalChecks',
          'attestations',
          'evaluatedAt',
        ],
        properties: {
          model: {
            $ref: '#/components/schemas/Slug',
          },
          project: {
            $ref: '#/components/schemas/Slug',
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          version: {
            type: 'integer',
            maximum: 2147483647,
            description:
              'The certified version (behind the certified alias, else the newest deployed); absent when there is none.',
          },
          versionSource: {
            type: 'string',
            enum: ['alias', 'newest-deployed', 'none'],
          },
          score: {
            type: 'number',
          },
          level: {
            $ref: '#/components/schemas/CertificationLevelName',
          },
          band: {
            type: 'string',
            description: "The paper's interpretation of the score.",
          },
          sections: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CertificationSection',
            },
          },
          portalChecks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CertificationCheck',
            },
          },
          nextLevel: {
            $ref: '#/components/schemas/CertificationNextLevel',
          },
          attestations: {
            type: 'array',
            description:
              "The model's attestations, newest first (active, rejected and expired).",
            items: {
              $ref: '#/components/schemas/CertificationAttestation',
            },
          },
          evaluatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      CertificationHistoryEntry: {
        type: 'object',
        required: ['id', 'kind', 'at'],
        properties: {
          id: {
            type: 'string',
          },
          kind: {
            type: 'string',
            enum: [
              'check-changed',
              'score-changed',
              'level-changed',
              'attestation-added',
              'attestation-rejected',
              'attestation-expired',
              'external-result',
              'override-used',
            ],
          },
          checkId: {
            $ref: '#/components/schemas/CertificationCheckId',
          },
          from: {
            type: 'string',
          },
          to: {
            type: 'string',
          },
          actor: {
            type: 'string',
          },
          reason: {
            type: 'string',
          },
          at: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      CertificationHistory: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CertificationHistoryEntry',
            },
          },
          nextCursor: {
            type: 'string',
          },
        },
      },
      CertificationLevelCount: {
        type: 'object',
        required: ['level', 'count'],
        properties: {
          level: {
            $ref: '#/components/schemas/CertificationLevelName',
          },
          count: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      CertificationOwnerLevels: {
        type: 'object',
        required: ['owner', 'total', 'levels'],
        properties: {
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          total: {
            type: 'integer',
            maximum: 2147483647,
          },
          levels: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CertificationLevelCount',
            },
          },
        },
      },
      CertificationFailingCheck: {
        type: 'object',
        required: ['checkId', 'title', 'count'],
        properties: {
          checkId: {
            $ref: '#/components/schemas/CertificationCheckId',
          },
          title: {
            type: 'string',
          },
          count: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      CertificationExpiringAttestation: {
        type: 'object',
        required: [
          'attestationId',
          'model',
          'project',
          'owner',
          'checkId',
          'by',
          'expiresAt',
        ],
        properties: {
          attestationId: {
            type: 'string',
          },
          model: {
            $ref: '#/components/schemas/Slug',
          },
          project: {
            $ref: '#/components/schemas/Slug',
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          checkId: {
            $ref: '#/components/schemas/CertificationCheckId',
          },
          by: {
            type: 'string',
          },
          expiresAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      CertificationModelSummary: {
        type: 'object',
        required: [
          'model',
          'project',
          'owner',
          'score',
          'level',
          'failing',
          'evaluatedAt',
        ],
        properties: {
          model: {
            $ref: '#/components/schemas/Slug',
          },
          project: {
            $ref: '#/components/schemas/Slug',
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          version: {
            type: 'integer',
            maximum: 2147483647,
          },
          score: {
            type: 'number',
          },
          level: {
            $ref: '#/components/schemas/CertificationLevelName',
          },
          failing: {
            type: 'integer',
            description: 'How many rubric checks earn no point.',
            maximum: 2147483647,
          },
          evaluatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      CertificationOverview: {
        type: 'object',
        required: [
          'levels',
          'byOwner',
          'failingChecks',
          'expiring',
          'items',
          'totalCount',
        ],
        properties: {
          levels: {
            type: 'array',
            description: 'Models per level, in the configured order.',
            items: {
              $ref: '#/components/schemas/CertificationLevelCount',
            },
          },
          byOwner: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CertificationOwnerLevels',
            },
          },
          failingChecks: {
            type: 'array',
            description:
              'The checks failing most often, most often first (at most 20).',
            items: {
              $ref: '#/components/schemas/CertificationFailingCheck',
            },
          },
          expiring: {
            type: 'array',
            description:
              'Active attestations that expire within the asked number of days, soonest first (at most 100).',
            items: {
              $ref: '#/components/schemas/CertificationExpiringAttestation',
            },
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CertificationModelSummary',
            },
          },
          nextCursor: {
            type: 'string',
          },
          totalCount: {
            type: 'integer',
            maximum: 2147483647,
          },
        },
      },
      ErrorBody: {
        type: 'object',
        required: ['error', 'request', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
              stack: {
                type: 'string',
              },
              code: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
            required: ['method', 'url'],
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'integer',
                maximum: 2147483647,
              },
            },
          },
        },
      },
    },
    responses: {
      ErrorResponse: {
        description: 'An error.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
          },
        },
      },
    },
  },
  paths: {
    '/health': {
      get: {
        operationId: 'getHealth',
        description: 'Answers when the plugin and its database are up.',
        responses: {
          '200': {
            description: 'Up.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Health',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects': {
      get: {
        operationId: 'listProjects',
        description:
          'Lists and searches projects, with facet counts for owner, tag and lifecycle.',
        parameters: [
          {
            name: 'q',
            in: 'query',
            allowReserved: true,
            description:
              'Free text matched against name, title, description and tags.',
            schema: {
              type: 'string',
              maxLength: 200,
            },
          },
          {
            name: 'owner',
            in: 'query',
            allowReserved: true,
            description: 'Owner entity refs (any of).',
            style: 'form',
            explode: true,
            schema: {
              type: 'array',
              maxItems: 50,
              items: {
                type: 'string',
              },
            },
          },
          {
            name: 'tag',
            in: 'query',
            allowReserved: true,
            description: 'Tags (all of).',
            style: 'form',
            explode: true,
            schema: {
              type: 'array',
              maxItems: 20,
              items: {
                type: 'string',
              },
            },
          },
          {
            name: 'lifecycle',
            in: 'query',
            allowReserved: true,
            description: 'Lifecycles (any of).',
            style: 'form',
            explode: true,
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/Lifecycle',
              },
            },
          },
          {
            name: 'level',
            in: 'query',
            allowReserved: true,
            description: 'Certification levels of the project (any of).',
            style: 'form',
            explode: true,
            schema: {
              type: 'array',
              maxItems: 20,
              items: {
                $ref: '#/components/schemas/CertificationLevelName',
              },
            },
          },
          {
            name: 'orderBy',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              enum: [
                'name',
                'title',
                'createdAt',
                'updatedAt',
                'lastActivityAt',
              ],
              default: 'name',
            },
          },
          {
            name: 'order',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['asc', 'desc'],
            },
          },
          {
            name: 'deleted',
            in: 'query',
            allowReserved: true,
            description: 'List soft-deleted projects instead of live ones.',
            schema: {
              type: 'boolean',
              default: false,
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of projects.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ProjectList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'createProject',
        description: 'Creates a project.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ProjectCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Project',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{projectName}': {
      get: {
        operationId: 'getProject',
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
        ],
        responses: {
          '200': {
            description: 'The project.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Project',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      patch: {
        operationId: 'updateProject',
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ProjectUpdate',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The updated project.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Project',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      delete: {
        operationId: 'deleteProject',
        description: 'Soft-deletes a project; it can be restored.',
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
        ],
        responses: {
          '204': {
            description: 'Deleted.',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{projectName}/restore': {
      post: {
        operationId: 'restoreProject',
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
        ],
        responses: {
          '200': {
            description: 'The restored project.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Project',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{projectName}/events': {
      get: {
        operationId: 'listProjectEvents',
        description: "The project's activity feed, newest first.",
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of events.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EventList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{projectName}/experiments': {
      get: {
        operationId: 'listExperiments',
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: "The project's experiments, by name.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ExperimentList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'createExperiment',
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ExperimentCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Experiment',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{projectName}/runs': {
      get: {
        operationId: 'listRuns',
        description:
          'Runs of a project, optionally of some experiments, filtered with the run filter language (`metrics.auc > 0.8 and params.optimizer = "adam"`), ordered by an attribute, metric or param, in keyset pages.',
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
          {
            name: 'experiment',
            in: 'query',
            allowReserved: true,
            description: 'Experiment names (any of).',
            style: 'form',
            explode: true,
            schema: {
              type: 'array',
              maxItems: 100,
              items: {
                type: 'string',
              },
            },
          },
          {
            name: 'filter',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 2000,
            },
          },
          {
            name: 'orderBy',
            in: 'query',
            allowReserved: true,
            description:
              '`attributes.startTime`, `metrics.<key>` or `params.<key>`, optionally followed by ` ASC` or ` DESC`.',
            schema: {
              type: 'string',
              maxLength: 300,
            },
          },
          {
            name: 'deleted',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'boolean',
              default: false,
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of runs.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RunList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{projectName}/metric-directions': {
      get: {
        operationId: 'getProjectMetricDirections',
        description:
          "Which way the project's metrics are better, as its owners declared.",
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
        ],
        responses: {
          '200': {
            description: 'The declared directions.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MetricDirections',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      put: {
        operationId: 'setProjectMetricDirections',
        description:
          "Replaces the project's declared metric directions; owners only.",
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/MetricDirections',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The declared directions, as stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MetricDirections',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/models/{modelName}/metric-directions': {
      get: {
        operationId: 'getModelMetricDirections',
        description:
          "The directions the model declares for its own metrics, over its project's.",
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
        ],
        responses: {
          '200': {
            description: 'The declared directions.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MetricDirections',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      put: {
        operationId: 'setModelMetricDirections',
        description:
          "Replaces the model's declared metric directions; owners of its project only.",
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/MetricDirections',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The declared directions, as stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MetricDirections',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/admin/imports': {
      get: {
        operationId: 'listMlflowImports',
        description:
          'Every MLflow server configured for import and where its imports stand (needs ml-home.admin.imports).',
        responses: {
          '200': {
            description: 'The configured servers, in configuration order.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MlflowImportList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/admin/imports/{serverId}/run': {
      post: {
        operationId: 'runMlflowImport',
        description:
          'Makes the server due now; its import starts within seconds on one replica (needs ml-home.admin.imports).',
        parameters: [
          {
            name: 'serverId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              maxLength: 63,
              pattern: '^[a-z0-9-]+$',
            },
          },
        ],
        responses: {
          '202': {
            description: 'The server, now due.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MlflowImport',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{projectName}/tokens': {
      get: {
        operationId: 'listProjectTokens',
        description:
          "The project's tokens, newest first (revoked and expired ones included); owners only.",
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
        ],
        responses: {
          '200': {
            description: 'The tokens, without their secrets.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ProjectTokenList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'createProjectToken',
        description:
          'Creates a token that may write runs, metrics, versions, evaluations and deployments of this project only.',
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ProjectTokenCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description:
              'Created; the answer carries the secret, which is not stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ProjectTokenCreated',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{projectName}/tokens/{tokenId}': {
      delete: {
        operationId: 'revokeProjectToken',
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
          {
            name: 'tokenId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              maxLength: 64,
              pattern: '^[^\\u0000]*$',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The revoked token.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ProjectToken',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{projectName}/ingest': {
      post: {
        operationId: 'ingestBatch',
        description:
          'Writes runs, params, tags and metric points (at most 10,000 a call) into one project in a single transaction: all or nothing. Client-chosen run ids and the requestId make retries safe.',
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IngestBatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Written.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IngestResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/runs/{runId}': {
      get: {
        operationId: 'getRun',
        parameters: [
          {
            $ref: '#/components/parameters/runId',
          },
        ],
        responses: {
          '200': {
            description: 'The run with its params, tags and latest metrics.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Run',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/runs/{runId}/metric-history': {
      get: {
        operationId: 'getMetricHistory',
        parameters: [
          {
            $ref: '#/components/parameters/runId',
          },
          {
            name: 'key',
            in: 'query',
            allowReserved: true,
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 250,
            },
          },
          {
            name: 'maxPoints',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 5000,
              default: 1000,
            },
          },
        ],
        responses: {
          '200': {
            description:
              "The series, downsampled to at most maxPoints points keeping each bucket's extremes.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MetricHistory',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/metric-histories': {
      post: {
        operationId: 'getMetricHistories',
        description:
          "One metric's history for many runs in one call (overlaid curves), each downsampled like the single-run route. A run that never logged the metric gets an empty series. Reads only; POST because the run list can be long.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/MetricHistoriesRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'One series per run, in request order.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MetricHistoryList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{projectName}/models': {
      get: {
        operationId: 'listModels',
        description: "The project's registered models, by name.",
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of models.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ModelList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'createModel',
        description: 'Registers a model in the project.',
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ModelCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Model',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/models': {
      get: {
        operationId: 'searchModels',
        description:
          'Every registered model the caller may read, across projects, by name.',
        parameters: [
          {
            $ref: '#/components/parameters/q',
          },
          {
            $ref: '#/components/parameters/projectFilter',
          },
          {
            name: 'owner',
            in: 'query',
            allowReserved: true,
            description:
              "The model's owner (its own, or its project's when it has none).",
            schema: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of models.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ModelList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/datasets': {
      get: {
        operationId: 'searchDatasets',
        description:
          'Every dataset and feature set the caller may read, across projects, by project and name.',
        parameters: [
          {
            $ref: '#/components/parameters/q',
          },
          {
            $ref: '#/components/parameters/projectFilter',
          },
          {
            name: 'kind',
            in: 'query',
            allowReserved: true,
            schema: {
              $ref: '#/components/schemas/DatasetKind',
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of datasets.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DatasetList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/deployments': {
      get: {
        operationId: 'listDeployments',
        description:
          'Deployments across models, newest first; e.g. every active deployment, or what a service serves.',
        parameters: [
          {
            $ref: '#/components/parameters/projectFilter',
          },
          {
            name: 'status',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['active', 'retired'],
            },
          },
          {
            name: 'service',
            in: 'query',
            allowReserved: true,
            description: "The serving component's entity ref.",
            schema: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          {
            name: 'model',
            in: 'query',
            allowReserved: true,
            schema: {
              $ref: '#/components/schemas/Slug',
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of deployments.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DeploymentList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/orphaned-models': {
      get: {
        operationId: 'listOrphanedModels',
        description:
          "Models whose owner (their own, or their project's) is no longer a group in the software catalog.",
        responses: {
          '200': {
            description: 'Every orphaned model the caller may read, by name.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ModelList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/models/{modelName}': {
      get: {
        operationId: 'getModel',
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
        ],
        responses: {
          '200': {
            description: 'The model with its aliases.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Model',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/models/{modelName}/versions': {
      get: {
        operationId: 'listModelVersions',
        description: "The model's versions, newest first.",
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of versions.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ModelVersionList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'createModelVersion',
        description: 'Registers the next version of the model.',
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ModelVersionCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ModelVersion',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/models/{modelName}/versions/{version}': {
      get: {
        operationId: 'getModelVersion',
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
          {
            name: 'version',
            in: 'path',
            required: true,
            schema: {
              type: 'integer',
              maximum: 2147483647,
              minimum: 1,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The version.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ModelVersion',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/models/{modelName}/aliases/{alias}': {
      put: {
        operationId: 'setModelAlias',
        description:
          "Points the alias at a version, creating or moving it atomically; the move is kept in the model's alias history.",
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
          {
            name: 'alias',
            in: 'path',
            required: true,
            schema: {
              $ref: '#/components/schemas/Slug',
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/AliasSet',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The alias.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ModelAlias',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      delete: {
        operationId: 'deleteModelAlias',
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
          {
            name: 'alias',
            in: 'path',
            required: true,
            schema: {
              $ref: '#/components/schemas/Slug',
            },
          },
        ],
        responses: {
          '204': {
            description: 'Removed.',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/models/{modelName}/alias-history': {
      get: {
        operationId: 'getModelAliasHistory',
        description: 'Every alias move of the model, newest first.',
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of alias moves.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AliasHistory',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/compare': {
      post: {
        operationId: 'compare',
        description:
          "Compares up to 100 runs or model versions side by side: the param diff (differing keys, or all on request) and the metric table (last, min and max per key, best marked by the metric's direction). Reads only; POST because the selection can be long.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CompareRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The comparison.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CompareResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/evaluations': {
      get: {
        operationId: 'listEvaluations',
        description:
          'Evaluations newest first, each with its computed verdict; filter by project, model, version or dataset.',
        parameters: [
          {
            $ref: '#/components/parameters/projectFilter',
          },
          {
            name: 'model',
            in: 'query',
            allowReserved: true,
            schema: {
              $ref: '#/components/schemas/Slug',
            },
          },
          {
            name: 'version',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'integer',
              maximum: 2147483647,
              minimum: 1,
            },
          },
          {
            name: 'dataset',
            in: 'query',
            allowReserved: true,
            description:
              "The dataset's name (with `project`) or `project/name`.",
            schema: {
              type: 'string',
              maxLength: 127,
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of evaluation summaries.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EvaluationList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/models/{modelName}/versions/{version}/evaluations': {
      post: {
        operationId: 'createEvaluation',
        description:
          'Records an evaluation of the version on a dataset. Sending the same evaluation again (same name and content) returns the stored one with 200, so retries are safe; the same name with other content is a 409.',
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
          {
            $ref: '#/components/parameters/version',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EvaluationCreate',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The same evaluation was already recorded.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Evaluation',
                },
              },
            },
          },
          '201': {
            description: 'Recorded.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Evaluation',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/evaluations/{evaluationId}': {
      get: {
        operationId: 'getEvaluation',
        parameters: [
          {
            $ref: '#/components/parameters/evaluationId',
          },
        ],
        responses: {
          '200': {
            description:
              'The evaluation with its results, thresholds and computed score.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Evaluation',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/evaluations/{evaluationId}/thresholds': {
      put: {
        operationId: 'setEvaluationThresholds',
        description:
          'Replaces the thresholds (and optionally directions and tolerance); the score follows.',
        parameters: [
          {
            $ref: '#/components/parameters/evaluationId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EvaluationThresholdsUpdate',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The re-scored evaluation.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Evaluation',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/compare/evaluations': {
      post: {
        operationId: 'compareEvaluations',
        description:
          'Compares evaluations slice by slice and metric by metric, with deltas against the first.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EvaluationCompareRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The comparison.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EvaluationComparison',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/notes': {
      get: {
        operationId: 'listNotes',
        description:
          'Notes newest first, of one entity (entityType and entityId) or of a whole project.',
        parameters: [
          {
            $ref: '#/components/parameters/projectFilter',
          },
          {
            name: 'entityType',
            in: 'query',
            allowReserved: true,
            schema: {
              $ref: '#/components/schemas/EntityType',
            },
          },
          {
            name: 'entityId',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 64,
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of notes.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/NoteList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'createNote',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/NoteCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created, revision 1.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Note',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/notes/{noteId}': {
      put: {
        operationId: 'updateNote',
        description:
          "Edits a note. The revision sent must be the note's current one, else 409 and nothing changes.",
        parameters: [
          {
            $ref: '#/components/parameters/noteId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/NoteUpdate',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The note at its new revision.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Note',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      delete: {
        operationId: 'deleteNote',
        description:
          'Deletes a note (its history is kept). The revision must be the current one, else 409.',
        parameters: [
          {
            $ref: '#/components/parameters/noteId',
          },
          {
            name: 'revision',
            in: 'query',
            allowReserved: true,
            required: true,
            schema: {
              type: 'integer',
              maximum: 2147483647,
              minimum: 1,
            },
          },
        ],
        responses: {
          '204': {
            description: 'Deleted.',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/notes/{noteId}/revisions': {
      get: {
        operationId: 'listNoteRevisions',
        parameters: [
          {
            $ref: '#/components/parameters/noteId',
          },
        ],
        responses: {
          '200': {
            description: 'Every revision, oldest first.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/NoteRevisionList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/tags': {
      get: {
        operationId: 'getTags',
        description: 'The tags of one entity.',
        parameters: [
          {
            name: 'entityType',
            in: 'query',
            allowReserved: true,
            required: true,
            schema: {
              $ref: '#/components/schemas/EntityType',
            },
          },
          {
            name: 'entityId',
            in: 'query',
            allowReserved: true,
            required: true,
            schema: {
              type: 'string',
              maxLength: 64,
            },
          },
        ],
        responses: {
          '200': {
            description: "The entity's tags, sorted.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityTags',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      put: {
        operationId: 'setTags',
        description: 'Replaces the tags of one entity.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EntityTags',
              },
            },
          },
        },
        responses: {
          '200': {
            description: "The entity's tags, sorted.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityTags',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/tag-counts': {
      get: {
        operationId: 'countTags',
        description:
          'Tags with how many entities carry each, most used first; for facets and tag pickers.',
        parameters: [
          {
            $ref: '#/components/parameters/projectFilter',
          },
          {
            name: 'entityType',
            in: 'query',
            allowReserved: true,
            schema: {
              $ref: '#/components/schemas/EntityType',
            },
          },
          {
            name: 'q',
            in: 'query',
            allowReserved: true,
            description: 'Only tags that start with this text.',
            schema: {
              type: 'string',
              maxLength: 63,
            },
          },
          {
            name: 'limit',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
              default: 50,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Tag counts.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TagCountList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/tagged': {
      get: {
        operationId: 'listTagged',
        description: 'The entities that carry a tag, by type and label.',
        parameters: [
          {
            name: 'tag',
            in: 'query',
            allowReserved: true,
            required: true,
            schema: {
              $ref: '#/components/schemas/Slug',
            },
          },
          {
            $ref: '#/components/parameters/projectFilter',
          },
          {
            name: 'entityType',
            in: 'query',
            allowReserved: true,
            schema: {
              $ref: '#/components/schemas/EntityType',
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of tagged entities.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TaggedEntityList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{projectName}/datasets': {
      get: {
        operationId: 'listDatasets',
        description: "The project's datasets and feature sets, by name.",
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
          {
            name: 'kind',
            in: 'query',
            allowReserved: true,
            schema: {
              $ref: '#/components/schemas/DatasetKind',
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of datasets.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DatasetList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'createDataset',
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DatasetCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Dataset',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{projectName}/datasets/{datasetName}': {
      get: {
        operationId: 'getDataset',
        description:
          'A dataset with its feature schema and the runs and model versions that consume it.',
        parameters: [
          {
            $ref: '#/components/parameters/projectName',
          },
          {
            $ref: '#/components/parameters/datasetName',
          },
        ],
        responses: {
          '200': {
            description: 'The dataset.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Dataset',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/runs/{runId}/inputs': {
      post: {
        operationId: 'addRunInputs',
        description:
          "Declares datasets as inputs of the run (idempotent): datasets of the run's project by name, datasets of other projects the caller may read as `project/name`.",
        parameters: [
          {
            $ref: '#/components/parameters/runId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RunInputs',
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              "The run's inputs after the call: names for datasets of the run's project, `project/name` for others.",
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['datasets'],
                  properties: {
                    datasets: {
                      type: 'array',
                      items: {
                        type: 'string',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/models/{modelName}/deployments': {
      get: {
        operationId: 'listModelDeployments',
        description:
          "Every deployment of the model's versions, active first, newest first.",
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
        ],
        responses: {
          '200': {
            description: 'The deployments.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DeploymentList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'createDeployment',
        description:
          'Records that a version is served in an environment by a component. The active deployment of the same model, environment and component is retired in the same transaction.',
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DeploymentCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Deployment',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/deployments/{deploymentId}/retire': {
      post: {
        operationId: 'retireDeployment',
        parameters: [
          {
            $ref: '#/components/parameters/deploymentId',
          },
        ],
        responses: {
          '200': {
            description: 'The retired deployment.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Deployment',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/deployments/{deploymentId}/monitoring': {
      post: {
        operationId: 'logMonitoring',
        description:
          'Appends monitoring points (the same point twice is one point).',
        parameters: [
          {
            $ref: '#/components/parameters/deploymentId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/MonitoringBatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Written.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['points'],
                  properties: {
                    points: {
                      type: 'integer',
                      maximum: 2147483647,
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      get: {
        operationId: 'getMonitoring',
        description:
          "One monitoring series, downsampled to at most maxPoints keeping each bucket's extremes.",
        parameters: [
          {
            $ref: '#/components/parameters/deploymentId',
          },
          {
            name: 'metric',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 250,
            },
          },
          {
            name: 'maxPoints',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 5000,
              default: 1000,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The series.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MonitoringSeries',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/models/{modelName}/versions/{version}/lineage': {
      get: {
        operationId: 'getModelVersionLineage',
        description:
          'The graph around a model version - input datasets, run, version, deployments, serving components.',
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
          {
            name: 'version',
            in: 'path',
            required: true,
            schema: {
              type: 'integer',
              maximum: 2147483647,
              minimum: 1,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Nodes and edges ready to draw.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/LineageGraph',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/models/{modelName}/scorecard': {
      get: {
        operationId: 'getModelScorecard',
        description:
          "The model's stored production-readiness scorecard (ML Test Score sections, portal checks, level, what the next level needs). Reading never recomputes the checks, except for a model never evaluated or one whose attestation or external result has expired since.",
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
        ],
        responses: {
          '200': {
            description: 'The scorecard.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CertificationScorecard',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/models/{modelName}/scorecard/attestations': {
      post: {
        operationId: 'createCertificationAttestation',
        description:
          "An owner attests that a check was done by hand, with evidence, for half a point until it expires (needs ml-home.certification.attest on the model's project).",
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CertificationAttestationCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The attestation.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CertificationAttestation',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/models/{modelName}/scorecard/attestations/{attestationId}/review': {
      post: {
        operationId: 'reviewCertificationAttestation',
        description:
          'A reviewer rejects an active attestation with a reason (needs ml-home.certification.review).',
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
          {
            name: 'attestationId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              maxLength: 36,
              pattern: '^[^\\u0000]*$',
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CertificationAttestationReview',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The reviewed attestation.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CertificationAttestation',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/models/{modelName}/scorecard/results': {
      post: {
        operationId: 'reportCertificationResult',
        description:
          "Another system (a CI pipeline, a data-validation job) reports a check's result with an evidence link; it counts as automated until it expires. Needs write access to the model's project (a project token of that project may report).",
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CertificationResultCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The stored result.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CertificationExternalResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/models/{modelName}/scorecard/history': {
      get: {
        operationId: 'getModelScorecardHistory',
        description:
          "Every change of the model's certification (check results, score, level, attestations, overrides), newest first.",
        parameters: [
          {
            $ref: '#/components/parameters/modelName',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of history.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CertificationHistory',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/certification': {
      get: {
        operationId: 'getCertificationOverview',
        description:
          "The organisation's certification overview over the models the caller may read - models per level and per owner team, the checks failing most often, attestations expiring soon - and a page of models with their level and score (lowest score first).",
        parameters: [
          {
            name: 'owner',
            in: 'query',
            allowReserved: true,
            description: 'Owner entity refs (any of).',
            style: 'form',
            explode: true,
            schema: {
              type: 'array',
              maxItems: 50,
              items: {
                $ref: '#/components/schemas/EntityRef',
              },
            },
          },
          {
            name: 'level',
            in: 'query',
            allowReserved: true,
            description: 'Levels (any of).',
            style: 'form',
            explode: true,
            schema: {
              type: 'array',
              maxItems: 20,
              items: {
                $ref: '#/components/schemas/CertificationLevelName',
              },
            },
          },
          {
            name: 'expiringWithinDays',
            in: 'query',
            allowReserved: true,
            description:
              'Attestations expiring within this many days are listed.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 365,
              default: 14,
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'The overview.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CertificationOverview',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
} as const;

/** Request and response types of every endpoint, keyed `#<method>|<path>`. */
export type EndpointMap = {
  '#get|/health': {
    response: operations['getHealth']['responses'][200]['content']['application/json'];
  };
  '#get|/projects': {
    query: NonNullable<operations['listProjects']['parameters']['query']>;
    response: operations['listProjects']['responses'][200]['content']['application/json'];
  };
  '#post|/projects': {
    body: NonNullable<
      operations['createProject']['requestBody']
    >['content']['application/json'];
    response: operations['createProject']['responses'][201]['content']['application/json'];
  };
  '#get|/projects/{projectName}': {
    path: NonNullable<operations['getProject']['parameters']['path']>;
    response: operations['getProject']['responses'][200]['content']['application/json'];
  };
  '#_delete|/projects/{projectName}': {
    path: NonNullable<operations['deleteProject']['parameters']['path']>;
    response: void;
  };
  '#patch|/projects/{projectName}': {
    path: NonNullable<operations['updateProject']['parameters']['path']>;
    body: NonNullable<
      operations['updateProject']['requestBody']
    >['content']['application/json'];
    response: operations['updateProject']['responses'][200]['content']['application/json'];
  };
  '#post|/projects/{projectName}/restore': {
    path: NonNullable<operations['restoreProject']['parameters']['path']>;
    response: operations['restoreProject']['responses'][200]['content']['application/json'];
  };
  '#get|/projects/{projectName}/events': {
    path: NonNullable<operations['listProjectEvents']['parameters']['path']>;
    query: NonNullable<operations['listProjectEvents']['parameters']['query']>;
    response: operations['listProjectEvents']['responses'][200]['content']['application/json'];
  };
  '#get|/projects/{projectName}/experiments': {
    path: NonNullable<operations['listExperiments']['parameters']['path']>;
    query: NonNullable<operations['listExperiments']['parameters']['query']>;
    response: operations['listExperiments']['responses'][200]['content']['application/json'];
  };
  '#post|/projects/{projectName}/experiments': {
    path: NonNullable<operations['createExperiment']['parameters']['path']>;
    body: NonNullable<
      operations['createExperiment']['requestBody']
    >['content']['application/json'];
    response: operations['createExperiment']['responses'][201]['content']['application/json'];
  };
  '#get|/projects/{projectName}/runs': {
    path: NonNullable<operations['listRuns']['parameters']['path']>;
    query: NonNullable<operations['listRuns']['parameters']['query']>;
    response: operations['listRuns']['responses'][200]['content']['application/json'];
  };
  '#get|/projects/{projectName}/metric-directions': {
    path: NonNullable<
      operations['getProjectMetricDirections']['parameters']['path']
    >;
    response: operations['getProjectMetricDirections']['responses'][200]['content']['application/json'];
  };
  '#put|/projects/{projectName}/metric-directions': {
    path: NonNullable<
      operations['setProjectMetricDirections']['parameters']['path']
    >;
    body: NonNullable<
      operations['setProjectMetricDirections']['requestBody']
    >['content']['application/json'];
    response: operations['setProjectMetricDirections']['responses'][200]['content']['application/json'];
  };
  '#get|/models/{modelName}/metric-directions': {
    path: NonNullable<
      operations['getModelMetricDirections']['parameters']['path']
    >;
    response: operations['getModelMetricDirections']['responses'][200]['content']['application/json'];
  };
  '#put|/models/{modelName}/metric-directions': {
    path: NonNullable<
      operations['setModelMetricDirections']['parameters']['path']
    >;
    body: NonNullable<
      operations['setModelMetricDirections']['requestBody']
    >['content']['application/json'];
    response: operations['setModelMetricDirections']['responses'][200]['content']['application/json'];
  };
  '#get|/admin/imports': {
    response: operations['listMlflowImports']['responses'][200]['content']['application/json'];
  };
  '#post|/admin/imports/{serverId}/run': {
    path: NonNullable<operations['runMlflowImport']['parameters']['path']>;
    response: operations['runMlflowImport']['responses'][202]['content']['application/json'];
  };
  '#get|/projects/{projectName}/tokens': {
    path: NonNullable<operations['listProjectTokens']['parameters']['path']>;
    response: operations['listProjectTokens']['responses'][200]['content']['application/json'];
  };
  '#post|/projects/{projectName}/tokens': {
    path: NonNullable<operations['createProjectToken']['parameters']['path']>;
    body: NonNullable<
      operations['createProjectToken']['requestBody']
    >['content']['application/json'];
    response: operations['createProjectToken']['responses'][201]['content']['application/json'];
  };
  '#_delete|/projects/{projectName}/tokens/{tokenId}': {
    path: NonNullable<operations['revokeProjectToken']['parameters']['path']>;
    response: operations['revokeProjectToken']['responses'][200]['content']['application/json'];
  };
  '#post|/projects/{projectName}/ingest': {
    path: NonNullable<operations['ingestBatch']['parameters']['path']>;
    body: NonNullable<
      operations['ingestBatch']['requestBody']
    >['content']['application/json'];
    response: operations['ingestBatch']['responses'][200]['content']['application/json'];
  };
  '#get|/runs/{runId}': {
    path: NonNullable<operations['getRun']['parameters']['path']>;
    response: operations['getRun']['responses'][200]['content']['application/json'];
  };
  '#get|/runs/{runId}/metric-history': {
    path: NonNullable<operations['getMetricHistory']['parameters']['path']>;
    query: NonNullable<operations['getMetricHistory']['parameters']['query']>;
    response: operations['getMetricHistory']['responses'][200]['content']['application/json'];
  };
  '#post|/metric-histories': {
    body: NonNullable<
      operations['getMetricHistories']['requestBody']
    >['content']['application/json'];
    response: operations['getMetricHistories']['responses'][200]['content']['application/json'];
  };
  '#get|/projects/{projectName}/models': {
    path: NonNullable<operations['listModels']['parameters']['path']>;
    query: NonNullable<operations['listModels']['parameters']['query']>;
    response: operations['listModels']['responses'][200]['content']['application/json'];
  };
  '#post|/projects/{projectName}/models': {
    path: NonNullable<operations['createModel']['parameters']['path']>;
    body: NonNullable<
      operations['createModel']['requestBody']
    >['content']['application/json'];
    response: operations['createModel']['responses'][201]['content']['application/json'];
  };
  '#get|/models': {
    query: NonNullable<operations['searchModels']['parameters']['query']>;
    response: operations['searchModels']['responses'][200]['content']['application/json'];
  };
  '#get|/datasets': {
    query: NonNullable<operations['searchDatasets']['parameters']['query']>;
    response: operations['searchDatasets']['responses'][200]['content']['application/json'];
  };
  '#get|/deployments': {
    query: NonNullable<operations['listDeployments']['parameters']['query']>;
    response: operations['listDeployments']['responses'][200]['content']['application/json'];
  };
  '#get|/orphaned-models': {
    response: operations['listOrphanedModels']['responses'][200]['content']['application/json'];
  };
  '#get|/models/{modelName}': {
    path: NonNullable<operations['getModel']['parameters']['path']>;
    response: operations['getModel']['responses'][200]['content']['application/json'];
  };
  '#get|/models/{modelName}/versions': {
    path: NonNullable<operations['listModelVersions']['parameters']['path']>;
    query: NonNullable<operations['listModelVersions']['parameters']['query']>;
    response: operations['listModelVersions']['responses'][200]['content']['application/json'];
  };
  '#post|/models/{modelName}/versions': {
    path: NonNullable<operations['createModelVersion']['parameters']['path']>;
    body: NonNullable<
      operations['createModelVersion']['requestBody']
    >['content']['application/json'];
    response: operations['createModelVersion']['responses'][201]['content']['application/json'];
  };
  '#get|/models/{modelName}/versions/{version}': {
    path: NonNullable<operations['getModelVersion']['parameters']['path']>;
    response: operations['getModelVersion']['responses'][200]['content']['application/json'];
  };
  '#put|/models/{modelName}/aliases/{alias}': {
    path: NonNullable<operations['setModelAlias']['parameters']['path']>;
    body: NonNullable<
      operations['setModelAlias']['requestBody']
    >['content']['application/json'];
    response: operations['setModelAlias']['responses'][200]['content']['application/json'];
  };
  '#_delete|/models/{modelName}/aliases/{alias}': {
    path: NonNullable<operations['deleteModelAlias']['parameters']['path']>;
    response: void;
  };
  '#get|/models/{modelName}/alias-history': {
    path: NonNullable<operations['getModelAliasHistory']['parameters']['path']>;
    query: NonNullable<
      operations['getModelAliasHistory']['parameters']['query']
    >;
    response: operations['getModelAliasHistory']['responses'][200]['content']['application/json'];
  };
  '#post|/compare': {
    body: NonNullable<
      operations['compare']['requestBody']
    >['content']['application/json'];
    response: operations['compare']['responses'][200]['content']['application/json'];
  };
  '#get|/evaluations': {
    query: NonNullable<operations['listEvaluations']['parameters']['query']>;
    response: operations['listEvaluations']['responses'][200]['content']['application/json'];
  };
  '#post|/models/{modelName}/versions/{version}/evaluations': {
    path: NonNullable<operations['createEvaluation']['parameters']['path']>;
    body: NonNullable<
      operations['createEvaluation']['requestBody']
    >['content']['application/json'];
    response: operations['createEvaluation']['responses'][200]['content']['application/json'];
  };
  '#get|/evaluations/{evaluationId}': {
    path: NonNullable<operations['getEvaluation']['parameters']['path']>;
    response: operations['getEvaluation']['responses'][200]['content']['application/json'];
  };
  '#put|/evaluations/{evaluationId}/thresholds': {
    path: NonNullable<
      operations['setEvaluationThresholds']['parameters']['path']
    >;
    body: NonNullable<
      operations['setEvaluationThresholds']['requestBody']
    >['content']['application/json'];
    response: operations['setEvaluationThresholds']['responses'][200]['content']['application/json'];
  };
  '#post|/compare/evaluations': {
    body: NonNullable<
      operations['compareEvaluations']['requestBody']
    >['content']['application/json'];
    response: operations['compareEvaluations']['responses'][200]['content']['application/json'];
  };
  '#get|/notes': {
    query: NonNullable<operations['listNotes']['parameters']['query']>;
    response: operations['listNotes']['responses'][200]['content']['application/json'];
  };
  '#post|/notes': {
    body: NonNullable<
      operations['createNote']['requestBody']
    >['content']['application/json'];
    response: operations['createNote']['responses'][201]['content']['application/json'];
  };
  '#put|/notes/{noteId}': {
    path: NonNullable<operations['updateNote']['parameters']['path']>;
    body: NonNullable<
      operations['updateNote']['requestBody']
    >['content']['application/json'];
    response: operations['updateNote']['responses'][200]['content']['application/json'];
  };
  '#_delete|/notes/{noteId}': {
    path: NonNullable<operations['deleteNote']['parameters']['path']>;
    query: NonNullable<operations['deleteNote']['parameters']['query']>;
    response: void;
  };
  '#get|/notes/{noteId}/revisions': {
    path: NonNullable<operations['listNoteRevisions']['parameters']['path']>;
    response: operations['listNoteRevisions']['responses'][200]['content']['application/json'];
  };
  '#get|/tags': {
    query: NonNullable<operations['getTags']['parameters']['query']>;
    response: operations['getTags']['responses'][200]['content']['application/json'];
  };
  '#put|/tags': {
    body: NonNullable<
      operations['setTags']['requestBody']
    >['content']['application/json'];
    response: operations['setTags']['responses'][200]['content']['application/json'];
  };
  '#get|/tag-counts': {
    query: NonNullable<operations['countTags']['parameters']['query']>;
    response: operations['countTags']['responses'][200]['content']['application/json'];
  };
  '#get|/tagged': {
    query: NonNullable<operations['listTagged']['parameters']['query']>;
    response: operations['listTagged']['responses'][200]['content']['application/json'];
  };
  '#get|/projects/{projectName}/datasets': {
    path: NonNullable<operations['listDatasets']['parameters']['path']>;
    query: NonNullable<operations['listDatasets']['parameters']['query']>;
    response: operations['listDatasets']['responses'][200]['content']['application/json'];
  };
  '#post|/projects/{projectName}/datasets': {
    path: NonNullable<operations['createDataset']['parameters']['path']>;
    body: NonNullable<
      operations['createDataset']['requestBody']
    >['content']['application/json'];
    response: operations['createDataset']['responses'][201]['content']['application/json'];
  };
  '#get|/projects/{projectName}/datasets/{datasetName}': {
    path: NonNullable<operations['getDataset']['parameters']['path']>;
    response: operations['getDataset']['responses'][200]['content']['application/json'];
  };
  '#post|/runs/{runId}/inputs': {
    path: NonNullable<operations['addRunInputs']['parameters']['path']>;
    body: NonNullable<
      operations['addRunInputs']['requestBody']
    >['content']['application/json'];
    response: operations['addRunInputs']['responses'][200]['content']['application/json'];
  };
  '#get|/models/{modelName}/deployments': {
    path: NonNullable<operations['listModelDeployments']['parameters']['path']>;
    response: operations['listModelDeployments']['responses'][200]['content']['application/json'];
  };
  '#post|/models/{modelName}/deployments': {
    path: NonNullable<operations['createDeployment']['parameters']['path']>;
    body: NonNullable<
      operations['createDeployment']['requestBody']
    >['content']['application/json'];
    response: operations['createDeployment']['responses'][201]['content']['application/json'];
  };
  '#post|/deployments/{deploymentId}/retire': {
    path: NonNullable<operations['retireDeployment']['parameters']['path']>;
    response: operations['retireDeployment']['responses'][200]['content']['application/json'];
  };
  '#get|/deployments/{deploymentId}/monitoring': {
    path: NonNullable<operations['getMonitoring']['parameters']['path']>;
    query: NonNullable<operations['getMonitoring']['parameters']['query']>;
    response: operations['getMonitoring']['responses'][200]['content']['application/json'];
  };
  '#post|/deployments/{deploymentId}/monitoring': {
    path: NonNullable<operations['logMonitoring']['parameters']['path']>;
    body: NonNullable<
      operations['logMonitoring']['requestBody']
    >['content']['application/json'];
    response: operations['logMonitoring']['responses'][200]['content']['application/json'];
  };
  '#get|/models/{modelName}/versions/{version}/lineage': {
    path: NonNullable<
      operations['getModelVersionLineage']['parameters']['path']
    >;
    response: operations['getModelVersionLineage']['responses'][200]['content']['application/json'];
  };
  '#get|/models/{modelName}/scorecard': {
    path: NonNullable<operations['getModelScorecard']['parameters']['path']>;
    response: operations['getModelScorecard']['responses'][200]['content']['application/json'];
  };
  '#post|/models/{modelName}/scorecard/attestations': {
    path: NonNullable<
      operations['createCertificationAttestation']['parameters']['path']
    >;
    body: NonNullable<
      operations['createCertificationAttestation']['requestBody']
    >['content']['application/json'];
    response: operations['createCertificationAttestation']['responses'][201]['content']['application/json'];
  };
  '#post|/models/{modelName}/scorecard/attestations/{attestationId}/review': {
    path: NonNullable<
      operations['reviewCertificationAttestation']['parameters']['path']
    >;
    body: NonNullable<
      operations['reviewCertificationAttestation']['requestBody']
    >['content']['application/json'];
    response: operations['reviewCertificationAttestation']['responses'][200]['content']['application/json'];
  };
  '#post|/models/{modelName}/scorecard/results': {
    path: NonNullable<
      operations['reportCertificationResult']['parameters']['path']
    >;
    body: NonNullable<
      operations['reportCertificationResult']['requestBody']
    >['content']['application/json'];
    response: operations['reportCertificationResult']['responses'][201]['content']['application/json'];
  };
  '#get|/models/{modelName}/scorecard/history': {
    path: NonNullable<
      operations['getModelScorecardHistory']['parameters']['path']
    >;
    query: NonNullable<
      operations['getModelScorecardHistory']['parameters']['query']
    >;
    response: operations['getModelScorecardHistory']['responses'][200]['content']['application/json'];
  };
  '#get|/certification': {
    query: NonNullable<
      operations['getCertificationOverview']['parameters']['query']
    >;
    response: operations['getCertificationOverview']['responses'][200]['content']['application/json'];
  };
};

/** An express router that validates requests against {@link spec} and types handlers by {@link EndpointMap}. */
export const createOpenApiRouter = async (
  options?: Parameters<
    typeof createValidatedOpenApiRouterFromGeneratedEndpointMap
  >['1'],
) =>
  createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(
    spec,
    options,
  );
