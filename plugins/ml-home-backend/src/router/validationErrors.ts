import { InputError, isError } from '@backstage/errors';
import express from 'express';
import { spec } from '../schema/openapi.generated';

/** A JSON schema or OpenAPI object, read loosely: the document is data here, not types. */
type Node = { [key: string]: any };

const ADDITIONAL = ' must NOT have additional properties';
const ONE_OF = ' must match exactly one schema in oneOf';
const MEDIA_TYPE = /^unsupported media type (.*)$/;
/** Enough of a user's key to recognise it, without echoing a megabyte back. */
const KEY_SHOWN = 80;
const KEYS_SHOWN = 10;

/**
 * Names the property behind the request validator's vaguer errors.
 *
 * `@backstage/backend-openapi-utils` turns express-openapi-validator's error into
 * `new InputError(error.message)` and drops the error's details, so an unknown field arrives as
 * "request/body/runs/0/metrics/0 must NOT have additional properties" without the field. The
 * message still carries the instance path, so this finds the object at that path in the request
 * body and the schema the operation declares for it, and rethrows an `InputError` that lists the
 * keys the schema does not allow:
 * "request/body/runs/0/metrics/0: unknown property 'stepp' (allowed: key, value, step, timestamp)".
 *
 * Mount it right after the typed router; every other error passes through untouched.
 */
export function createValidationErrorNamer(
  apiSpec: object = spec,
): express.ErrorRequestHandler {
  return (err, req, _res, next) => {
    if (!isError(err) || err.name !== 'InputError') {
      next(err);
      return;
    }
    const message = describeValidationError(err.message, {
      spec: apiSpec,
      operation: (req as { openapi?: { schema?: Node } }).openapi?.schema,
      body: req.body,
    });
    next(message === err.message ? err : new InputError(message));
  };
}

/**
 * Rewrites a validator message (possibly several joined with ", ") so that each part names its
 * field. Parts it cannot improve are kept as they are.
 */
export function describeValidationError(
  message: string,
  context: { spec: object; operation?: Node; body: unknown },
): string {
  const media = MEDIA_TYPE.exec(message);
  if (media) {
    const got = media[1] === 'undefined' ? 'none' : `'${media[1]}'`;
    return `request body: Content-Type must be application/json (got ${got})`;
  }
  if (!message.includes(ADDITIONAL) && !message.includes(ONE_OF)) {
    return message;
  }
  const parts = mergeOneOf(message.split(/, (?=request[/ ])/));
  return parts
    .map(part => describeUnknownProperties(part, context) ?? part)
    .join(', ');
}

/**
 * "v must be number, v must be equal to one of …, v must match exactly one schema in oneOf" says
 * the same thing three times; it becomes "v must be number or be equal to one of …".
 */
function mergeOneOf(parts: string[]): string[] {
  let merged = parts;
  for (const part of parts) {
    if (!part.endsWith(ONE_OF)) continue;
    const where = part.slice(0, -ONE_OF.length);
    const branches = merged.filter(
      p => p !== part && p.startsWith(`${where} must `),
    );
    if (branches.length === 0) continue;
    const predicates = branches.map(p => p.slice(`${where} must `.length));
    merged = merged.flatMap(p => {
      if (p === branches[0])
        return [`${where} must ${predicates.join(' or ')}`];
      return p === part || branches.includes(p) ? [] : [p];
    });
  }
  return merged;
}

function describeUnknownProperties(
  part: string,
  context: { spec: object; operation?: Node; body: unknown },
): string | undefined {
  if (!part.startsWith('request/body') || !part.endsWith(ADDITIONAL)) {
    return undefined;
  }
  const where = part.slice(0, -ADDITIONAL.length);
  const path = where
    .slice('request/body'.length)
    .split('/')
    .slice(1)
    .map(unescapePointer);
  const value = valueAt(context.body, path);
  const bodySchema = requestBodySchema(context.spec, context.operation);
  if (!isPlainObject(value) || !bodySchema) {
    return undefined;
  }
  const closed = schemasAt(context.spec, bodySchema, path).filter(
    s => s.additionalProperties === false,
  );
  for (const schema of closed) {
    const allowed = Object.keys(schema.properties ?? {});
    const patterns = Object.keys(schema.patternProperties ?? {}).map(
      p => new RegExp(p, 'u'),
    );
    const unknown = Object.keys(value).filter(
      key => !allowed.includes(key) && !patterns.some(p => p.test(key)),
    );
    if (unknown.length > 0) {
      return `${where}: ${listUnknown(unknown)} (allowed: ${allowed.join(
        ', ',
      )})`;
    }
  }
  return undefined;
}

function listUnknown(keys: string[]): string {
  const shown = keys.slice(0, KEYS_SHOWN).map(key => {
    const text = key.length > KEY_SHOWN ? `${key.slice(0, KEY_SHOWN)}…` : key;
    return `'${text}'`;
  });
  const more =
    keys.length > KEYS_SHOWN ? ` and ${keys.length - KEYS_SHOWN} more` : '';
  return `unknown ${keys.length === 1 ? 'property' : 'properties'} ${shown.join(
    ', ',
  )}${more}`;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: string[]): unknown {
  let value = root;
  for (const segment of path) {
    if (Array.isArray(value) && /^\d+$/.test(segment)) {
      value = value[Number(segment)];
    } else if (isPlainObject(value) && Object.hasOwn(value, segment)) {
      value = value[segment];
    } else {
      return undefined;
    }
  }
  return value;
}

/** Follows a local `$ref` (`#/components/...`) through the document. */
function resolve(doc: object, node: Node | undefined): Node | undefined {
  let current = node;
  const seen = new Set<string>();
  while (current && typeof current.$ref === 'string') {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/') || seen.has(ref)) return undefined;
    seen.add(ref);
    let target: any = doc;
    for (const segment of ref.slice(2).split('/').map(unescapePointer)) {
      target =
        isPlainObject(target) && Object.hasOwn(target, segment)
          ? target[segment]
          : undefined;
    }
    current = target;
  }
  return current;
}

function requestBodySchema(doc: object, operation?: Node): Node | undefined {
  const body = resolve(doc, operation?.requestBody);
  const content: Node | undefined = body?.content;
  if (!content) return undefined;
  const media =
    content['application/json'] ?? Object.values(content).find(Boolean);
  return resolve(doc, media?.schema);
}

/** The schema and every schema it is composed of (`allOf`, `oneOf`, `anyOf`), refs resolved. */
function expand(doc: object, node: Node | undefined, into: Node[] = []) {
  const schema = resolve(doc, node);
  if (!schema || into.includes(schema)) return into;
  into.push(schema);
  for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
    if (Array.isArray(schema[keyword])) {
      for (const member of schema[keyword]) expand(doc, member, into);
    }
  }
  return into;
}

/** Every schema that may describe the value at `path` below `root`. */
function schemasAt(doc: object, root: Node, path: string[]): Node[] {
  let current = expand(doc, root);
  for (const segment of path) {
    const next: Node[] = [];
    for (const schema of current) {
      const properties: Node | undefined = schema.properties;
      if (isPlainObject(properties) && Object.hasOwn(properties, segment)) {
        expand(doc, properties[segment] as Node, next);
        continue;
      }
      if (isPlainObject(schema.additionalProperties)) {
        expand(doc, schema.additionalProperties, next);
      }
      if (/^\d+$/.test(segment)) {
        const index = Number(segment);
        if (
          Array.isArray(schema.prefixItems) &&
          index < schema.prefixItems.length
        ) {
          expand(doc, schema.prefixItems[index], next);
        } else if (isPlainObject(schema.items)) {
          expand(doc, schema.items, next);
        }
      }
    }
    current = next;
  }
  return current;
}
