/*
 * Every operation of the OpenAPI document, as a request aimed at one project's things: path
 * parameters filled with that project's real names and ids, required query parameters given, and
 * a valid body for writes, so that a request which got past authentication or authorisation by
 * mistake would really change something. Operations come from `spec.paths`, so a route added to
 * the document is attacked without anyone touching the suite; one the tables below do not know
 * still gets values made from its schema.
 */
import { spec } from '../../schema/openapi.generated';
import { BASE } from './attackBackend';
import { ProjectFixture } from './fixtures';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: Method[] = ['get', 'post', 'put', 'patch', 'delete'];

export interface Operation {
  operationId: string;
  method: Method;
  /** The path as the document spells it, e.g. `/projects/{projectName}`. */
  path: string;
  definition: any;
}

const document: any = spec;

function resolve(node: any): any {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    current = current.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((at: any, part: string) => at?.[part], document);
  }
  return current;
}

/** Every operation of the document, in document order. */
export function specOperations(): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<any>(document.paths)) {
    for (const method of METHODS) {
      if (item[method]) {
        operations.push({
          operationId: item[method].operationId,
          method,
          path,
          definition: item[method],
        });
      }
    }
  }
  return operations;
}

/** How many operations the document declares, counted without {@link specOperations}. */
export function specOperationCount(): number {
  return (JSON.stringify(document.paths).match(/"operationId":/g) ?? []).length;
}

/** POSTs that only read: the body carries a selection too long for a query string. */
export const READ_ONLY_POSTS = new Set([
  'getMetricHistories',
  'compare',
  'compareEvaluations',
]);

/**
 * Writes that ingestion rights (`ml-home.run.write`) allow: what pipelines with the static token
 * or a project token do.
 */
export const INGESTION_WRITES = new Set([
  'ingestBatch',
  'createExperiment',
  'createModelVersion',
  'createEvaluation',
  'createDeployment',
  'retireDeployment',
  'logMonitoring',
  'addRunInputs',
  // A pipeline reports a certification check's result it computed (run.write on the project).
  'reportCertificationResult',
]);

/** Writes reserved to the project's owners (update, delete or create permissions). */
export const OWNER_WRITES = new Set([
  'createProject',
  'updateProject',
  'deleteProject',
  'restoreProject',
  'createModel',
  'setModelAlias',
  'deleteModelAlias',
  'createDataset',
  'setEvaluationThresholds',
  'createNote',
  'updateNote',
  'deleteNote',
  'setTags',
  'createProjectToken',
  'revokeProjectToken',
  'setProjectMetricDirections',
  'setModelMetricDirections',
  // Owners attest; reviewers (a platform group) reject; admins run imports: none is ingestion.
  'createCertificationAttestation',
  'reviewCertificationAttestation',
  'runMlflowImport',
]);

/** Reads reserved to the project's owners. */
export const OWNER_READS = new Set(['listProjectTokens']);

export const isWrite = (op: Operation) =>
  op.method !== 'get' && !READ_ONLY_POSTS.has(op.operationId);

/** A value that satisfies a schema, for parameters and bodies the tables below do not cover. */
export function exampleOf(schemaNode: any): unknown {
  const schema = resolve(schemaNode) ?? {};
  if (schema.allOf) {
    return Object.assign(
      {},
      ...schema.allOf.map((s: any) => exampleOf(s) as object),
    );
  }
  if (schema.oneOf) return exampleOf(schema.oneOf[0]);
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        value[key] = exampleOf(schema.properties?.[key]);
      }
      return value;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () =>
        exampleOf(schema.items),
      );
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      if (schema.format === 'date-time') return new Date(0).toISOString();
      if (schema.pattern === '^[0-9a-f]{32}$') return '0'.repeat(32);
      if (schema.pattern) return 'attack';
      return 'attack'.padEnd(schema.minLength ?? 1, 'x');
  }
}

export function parametersOf(op: Operation): any[] {
  return (op.definition.parameters ?? []).map(resolve);
}

function pathValue(name: string, target: ProjectFixture): string | undefined {
  switch (name) {
    case 'projectName':
      return target.name;
    case 'modelName':
      return target.model;
    case 'datasetName':
      return target.dataset;
    case 'runId':
      return target.runId;
    case 'version':
      return '1';
    case 'alias':
      return 'champion';
    case 'deploymentId':
      return target.deploymentId;
    case 'evaluationId':
      return target.evaluationId;
    case 'noteId':
      return target.noteId;
    case 'tokenId':
      return target.token?.id ?? '00000000-0000-0000-0000-000000000000';
    default:
      return undefined;
  }
}

function queryValue(name: string, target: ProjectFixture): unknown {
  switch (name) {
    case 'project':
      return target.name;
    case 'key':
      return 'loss';
    case 'metric':
      return 'latency_ms';
    case 'revision':
      return target.noteRevision;
    case 'entityType':
      return 'model';
    case 'entityId':
      return target.modelId;
    case 'tag':
      return 'seed';
    default:
      return undefined;
  }
}

let unique = 0;

/** A valid body for the operation, about the target project's things. */
export function bodyFor(op: Operation, target: ProjectFixture): unknown {
  unique += 1;
  const suffix = `${unique}`;
  switch (op.operationId) {
    case 'createProject':
      return { name: `attack-${suffix}`, owner: target.owner };
    case 'updateProject':
      return { title: 'Taken over' };
    case 'createExperiment':
      return { name: `attack-${suffix}` };
    case 'createProjectToken':
      return { name: `attack-${suffix}` };
    case 'ingestBatch':
      return {
        runs: [
          {
            experiment: `attack-${suffix}`,
            metrics: [{ key: 'loss', value: 1 }],
          },
        ],
      };
    case 'getMetricHistories':
      return { runIds: [target.runId], key: 'loss' };
    case 'createModel':
      return { name: `attack-${suffix}` };
    case 'createModelVersion':
      return { runId: target.runId, artifactUri: `s3://attack/${suffix}` };
    case 'setModelAlias':
      return { version: 1 };
    case 'compare':
      return { runs: [target.runId] };
    case 'createEvaluation':
      return {
        name: `attack-${suffix}`,
        dataset: target.dataset,
        results: [{ slice: 'overall', metric: 'auc', value: 0.1 }],
      };
    case 'setEvaluationThresholds':
      return { thresholds: [{ metric: 'auc', op: '>=', value: 0 }] };
    case 'compareEvaluations':
      return { evaluations: [target.evaluationId] };
    case 'createNote':
      return { entityType: 'model', entityId: target.modelId, body: 'pwned' };
    case 'updateNote':
      return { body: 'pwned', revision: target.noteRevision };
    case 'setTags':
      return { entityType: 'model', entityId: target.modelId, tags: ['pwned'] };
    case 'createDataset':
      return { name: `attack-${suffix}`, kind: 'training-set' };
    case 'addRunInputs':
      return { datasets: [target.dataset] };
    case 'createDeployment':
      return {
        version: 1,
        environment: `attack-${suffix}`,
        service: target.service,
      };
    case 'createCertificationAttestation':
      return {
        checkId: 'model.review',
        evidenceUrl: 'https://attack.example/evidence',
        note: 'pwned',
      };
    case 'reviewCertificationAttestation':
      return { decision: 'reject', reason: 'pwned' };
    case 'reportCertificationResult':
      return {
        checkId: 'data.schema',
        status: 'pass',
        evidenceUrl: 'https://attack.example/ci',
      };
    case 'logMonitoring':
      return {
        points: [
          { metric: 'latency_ms', value: 999, timestamp: 1_800_000_000 },
        ],
      };
    default: {
      const schema =
        op.definition.requestBody?.content?.['application/json']?.schema;
      return schema ? exampleOf(schema) : undefined;
    }
  }
}

export interface BuiltRequest {
  operationId: string;
  method: Method;
  url: string;
  body?: unknown;
  /** `METHOD /path`, for messages. */
  label: string;
}

/** The operation as a request about the target project's things. */
export function requestFor(
  op: Operation,
  target: ProjectFixture,
  overrides: { body?: unknown } = {},
): BuiltRequest {
  const parameters = parametersOf(op);
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const parameter = parameters.find(p => p.in === 'path' && p.name === name);
    const value = pathValue(name, target) ?? exampleOf(parameter?.schema);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const parameter of parameters) {
    if (parameter.in !== 'query') continue;
    const known = queryValue(parameter.name, target);
    if (parameter.name === 'project' || parameter.required) {
      query.set(parameter.name, String(known ?? exampleOf(parameter.schema)));
    }
  }
  const search = query.toString();
  let body: unknown;
  if ('body' in overrides) {
    body = overrides.body;
  } else if (op.definition.requestBody) {
    body = bodyFor(op, target);
  }
  return {
    operationId: op.operationId,
    method: op.method,
    url: `${BASE}${path}${search ? `?${search}` : ''}`,
    body,
    label: `${op.method.toUpperCase()} ${op.path} (${op.operationId})`,
  };
}

/** Sends a built request with the given Authorization header (none when undefined). */
export function send(
  api: () => any,
  built: BuiltRequest,
  authorization?: string,
  extraHeaders: Record<string, string> = {},
) {
  let req = api()[built.method](built.url);
  if (authorization !== undefined)
    req = req.set('Authorization', authorization);
  for (const [k, v] of Object.entries(extraHeaders)) req = req.set(k, v);
  return built.body === undefined ? req : req.send(built.body as object);
}
