import { InputError, NotFoundError } from '@backstage/errors';
import express from 'express';
import {
  createValidationErrorNamer,
  describeValidationError,
} from './validationErrors';

const spec = {
  openapi: '3.1.0',
  paths: {},
  components: {
    requestBodies: {
      Batch: {
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/Batch' },
          },
        },
      },
    },
    schemas: {
      Batch: {
        type: 'object',
        additionalProperties: false,
        properties: {
          runs: { type: 'array', items: { $ref: '#/components/schemas/Run' } },
          labels: {
            type: 'object',
            additionalProperties: { $ref: '#/components/schemas/Label' },
          },
          'a/b': {
            type: 'object',
            additionalProperties: false,
            properties: { c: { type: 'string' } },
          },
          choice: {
            oneOf: [{ type: 'number' }, { $ref: '#/components/schemas/Label' }],
          },
        },
      },
      Run: {
        allOf: [
          { $ref: '#/components/schemas/RunBase' },
          {
            type: 'object',
            properties: {
              metrics: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    key: { type: 'string' },
                    value: { type: 'number' },
                  },
                  patternProperties: { '^x-': {} },
                },
              },
            },
          },
        ],
      },
      RunBase: {
        type: 'object',
        properties: { name: { type: 'string' } },
      },
      Label: {
        type: 'object',
        additionalProperties: false,
        properties: { text: { type: 'string' } },
      },
    },
  },
};

const operation = { requestBody: { $ref: '#/components/requestBodies/Batch' } };

const describe_ = (message: string, body: unknown) =>
  describeValidationError(message, { spec, operation, body });

describe('describeValidationError', () => {
  it.each([
    [
      'the top of the body',
      'request/body must NOT have additional properties',
      { runs: [], runz: [] },
      "request/body: unknown property 'runz' (allowed: runs, labels, a/b, choice)",
    ],
    [
      'an array item through $ref and allOf, honouring patternProperties',
      'request/body/runs/1/metrics/0 must NOT have additional properties',
      { runs: [{}, { metrics: [{ key: 'k', 'x-ok': 1, stepp: 1, st: 2 }] }] },
      "request/body/runs/1/metrics/0: unknown properties 'stepp', 'st' (allowed: key, value)",
    ],
    [
      'a value of a map with a schema for its values',
      'request/body/labels/my label must NOT have additional properties',
      { labels: { 'my label': { txt: 'x' } } },
      "request/body/labels/my label: unknown property 'txt' (allowed: text)",
    ],
    [
      'a property whose name needs JSON-pointer escaping',
      'request/body/a~1b must NOT have additional properties',
      { 'a/b': { d: 1 } },
      "request/body/a~1b: unknown property 'd' (allowed: c)",
    ],
    [
      'a branch of oneOf',
      'request/body/choice must NOT have additional properties',
      { choice: { texte: 'x' } },
      "request/body/choice: unknown property 'texte' (allowed: text)",
    ],
  ])('names an unknown property at %s', (_where, message, body, expected) => {
    expect(describe_(message, body)).toBe(expected);
  });

  it('keeps the other parts of a joined message', () => {
    expect(
      describe_(
        'request/params/name must match pattern "^[a-z]+$", request/body must NOT have additional properties',
        { zz: 1 },
      ),
    ).toBe(
      `request/params/name must match pattern "^[a-z]+$", request/body: unknown property 'zz' (allowed: runs, labels, a/b, choice)`,
    );
  });

  it('shortens what it echoes of very long or very many keys', () => {
    const body = Object.fromEntries(
      [
        'k'.repeat(100),
        ...Array.from({ length: 11 }, (_, i) => `extra${i}`),
      ].map(k => [k, 1]),
    );
    const message = describe_(
      'request/body must NOT have additional properties',
      body,
    );
    expect(message).toContain(
      `unknown properties '${'k'.repeat(80)}…', 'extra0'`,
    );
    expect(message).toContain("'extra8' and 2 more (allowed:");
  });

  it.each([
    [
      'the value is not in the body',
      'request/body/runs/5 must NOT have additional properties',
      { runs: [] },
    ],
    [
      'no schema describes the path',
      'request/body/nowhere must NOT have additional properties',
      { nowhere: { a: 1 } },
    ],
    [
      'every key is allowed after all',
      'request/body must NOT have additional properties',
      { runs: [] },
    ],
    [
      'the part is not about the body',
      'request/query must NOT have additional properties',
      {},
    ],
  ])('leaves the message as it is when %s', (_why, message, body) => {
    expect(describe_(message, body)).toBe(message);
  });

  it('leaves the message as it is without an operation', () => {
    const message = 'request/body must NOT have additional properties';
    expect(describeValidationError(message, { spec, body: { zz: 1 } })).toBe(
      message,
    );
  });

  it('says a oneOf mismatch once, with each accepted form', () => {
    expect(
      describe_(
        'request/body/choice must be number, request/body/choice must be object, request/body/choice must match exactly one schema in oneOf, request/query/limit must be integer',
        {},
      ),
    ).toBe(
      'request/body/choice must be number or be object, request/query/limit must be integer',
    );
  });

  it.each([
    [
      'text/plain',
      "request body: Content-Type must be application/json (got 'text/plain')",
    ],
    [
      'undefined',
      'request body: Content-Type must be application/json (got none)',
    ],
  ])('says which media type a body of %s needs', (got, expected) => {
    expect(describe_(`unsupported media type ${got}`, undefined)).toBe(
      expected,
    );
  });

  it('leaves messages that already name their field alone', () => {
    const message = "request/body must have required property 'name'";
    expect(describe_(message, {})).toBe(message);
  });
});

describe('createValidationErrorNamer', () => {
  const run = (err: unknown, body: unknown, openapi?: object) => {
    const next = jest.fn();
    createValidationErrorNamer(spec)(
      err,
      { body, openapi } as unknown as express.Request,
      {} as express.Response,
      next,
    );
    expect(next).toHaveBeenCalledTimes(1);
    return next.mock.calls[0][0];
  };

  it('rethrows the validator InputError with the property named', () => {
    const forwarded = run(
      new InputError('request/body must NOT have additional properties'),
      { runz: [] },
      { schema: operation },
    );
    expect(forwarded).toBeInstanceOf(InputError);
    expect(forwarded.message).toBe(
      "request/body: unknown property 'runz' (allowed: runs, labels, a/b, choice)",
    );
  });

  it('passes other errors through untouched', () => {
    const notFound = new NotFoundError('no such run');
    expect(run(notFound, {}, { schema: operation })).toBe(notFound);
    const other = new InputError('runs[0].name is too long');
    expect(run(other, {}, { schema: operation })).toBe(other);
    const noOperation = new InputError(
      'request/body must NOT have additional properties',
    );
    expect(run(noOperation, { runz: [] })).toBe(noOperation);
  });

  it('reads the spec of the backend by default', () => {
    const next = jest.fn();
    createValidationErrorNamer()(
      new InputError('request/body must NOT have additional properties'),
      {
        body: { name: 'feed', owner: 'group:a', titel: 'x' },
        openapi: {
          schema: {
            requestBody: {
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/ProjectCreate' },
                },
              },
            },
          },
        },
      } as unknown as express.Request,
      {} as express.Response,
      next,
    );
    expect(next.mock.calls[0][0].message).toMatch(
      /^request\/body: unknown property 'titel' \(allowed: name, title, /,
    );
  });
});
