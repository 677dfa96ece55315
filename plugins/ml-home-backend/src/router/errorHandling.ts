import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, isError, stringifyError } from '@backstage/errors';
import { randomUUID } from 'crypto';
import express from 'express';

/*
 * What a failed request tells its caller. The errors we throw on purpose (@backstage/errors'
 * types) say what was wrong with the request, so they keep their message; anything else (a
 * database error with its SQL, a bug with its stack and file paths) says only where to look in
 * the log. Backstage's own error handler, after this one, writes the body.
 */

/** The errors thrown on purpose, by name: their message is written for the caller. */
const KNOWN_ERRORS = new Set([
  'InputError',
  'AuthenticationError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'NotModifiedError',
  'NotImplementedError',
  'ServiceUnavailableError',
  // The router's InputError for a body over the size limit, with status 413.
  'PayloadTooLargeError',
]);

/** A unique index refused a row: PostgreSQL's SQLSTATE 23505, SQLite's constraint codes. */
function isUniqueViolation(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    (code === 'SQLITE_CONSTRAINT' && /UNIQUE constraint/.test(error.message))
  );
}

/** express's own client errors (a malformed JSON body): written for the caller by design. */
function isExposedClientError(error: Error): boolean {
  const { expose, status } = error as { expose?: unknown; status?: unknown };
  return (
    expose === true &&
    typeof status === 'number' &&
    status >= 400 &&
    status < 500
  );
}

/**
 * The plugin router's last middleware: passes known errors on unchanged, turns a unique
 * violation that escaped the stores into a plain 409, and replaces anything else with a generic
 * 500 whose reference is logged with the original error.
 */
export function errorHandling(
  logger: LoggerService,
): express.ErrorRequestHandler {
  return (error: unknown, req, _res, next) => {
    if (isError(error) && KNOWN_ERRORS.has(error.name)) {
      const cause = (error as { cause?: unknown }).cause;
      if (cause !== undefined) {
        // @backstage/errors appends the cause to the message and the body carries it in full:
        // the caller gets the message as thrown, the log gets the cause.
        const ref = randomUUID();
        logger.warn(
          `${error.name} (ref ${ref}) answering ${req.method} ${req.originalUrl}, caused by`,
          isError(cause) ? cause : { cause: String(cause) },
        );
        const suffix = `; caused by ${stringifyError(cause)}`;
        if (error.message.endsWith(suffix)) {
          error.message = error.message.slice(0, -suffix.length);
        }
        delete (error as { cause?: unknown }).cause;
      }
      next(error);
      return;
    }
    if (isError(error) && isExposedClientError(error)) {
      next(error);
      return;
    }
    const ref = randomUUID();
    if (isError(error) && isUniqueViolation(error)) {
      // Two writes of the same thing at the same time, one of them not foreseen by a store.
      logger.warn(
        `Conflict (ref ${ref}) answering ${req.method} ${req.originalUrl}`,
        error,
      );
      next(
        new ConflictError(
          `The request conflicts with a change made at the same time; read the current state and retry (ref ${ref})`,
        ),
      );
      return;
    }
    logger.error(
      `Internal error (ref ${ref}) answering ${req.method} ${req.originalUrl}`,
      isError(error) ? error : { error: String(error) },
    );
    const internal = new Error(`Internal error (ref ${ref})`);
    // Even where stacks are shown (development), this one names no file.
    internal.stack = `Error: ${internal.message}`;
    next(internal);
  };
}
