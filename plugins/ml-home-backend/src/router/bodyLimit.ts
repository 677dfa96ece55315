import { InputError } from '@backstage/errors';
import { MAX_BODY_BYTES } from '@ml-home/plugin-ml-home-common';
import express from 'express';
import { noteNulEscape } from './rejectNulBytes';

/** What body-parser's error says about a body over its limit. */
interface TooLarge {
  type: 'entity.too.large';
  /** The declared length (Content-Length); absent for a chunked or compressed body. */
  length?: number;
}

function isTooLarge(error: unknown): error is TooLarge {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { type?: unknown }).type === 'entity.too.large'
  );
}

/** The 413 for a body over the limit, saying how it was measured. */
export function tooLargeError(
  error: TooLarge,
  encoding: string | undefined,
): Error {
  const limit = `the limit is ${MAX_BODY_BYTES} bytes (5 MiB)`;
  const declared = typeof error.length === 'number';
  const compressed = !!encoding && encoding !== 'identity';
  // A chunked or compressed body has no length up front: it is counted as it arrives (after
  // decompression) and refused once it passes the limit.
  const message = declared
    ? `request body is ${error.length} bytes; ${limit}`
    : `request body is more than ${MAX_BODY_BYTES} bytes${compressed ? ` once decompressed (${encoding})` : ''}; ${limit}`;
  return Object.assign(new InputError(message), {
    name: 'PayloadTooLargeError',
    statusCode: 413,
  });
}

/**
 * JSON bodies up to {@link MAX_BODY_BYTES}, compressed or not; a larger one is a 413 that says
 * the limit. Mounted before the spec validator, so an oversized body is a 413, not a parse error.
 */
export function bodyLimit(): express.RequestHandler[] {
  const json = express.json({
    limit: MAX_BODY_BYTES,
    verify: (req, _res, raw) => noteNulEscape(req as express.Request, raw),
  });
  return [
    (req, res, next) =>
      json(req, res, error => {
        if (isTooLarge(error)) {
          next(tooLargeError(error, req.headers['content-encoding']));
          return;
        }
        next(error);
      }),
  ];
}
