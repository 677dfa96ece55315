import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { randomUUID } from 'crypto';
import express from 'express';

/*
 * MLflow's errors: a body `{"error_code": "...", "message": "..."}` with MLflow's codes and HTTP
 * statuses (mlflow/protos/databricks.proto, mlflow/server/handlers.py). MLflow clients read the
 * code (`RestException`), so every failure on the door's paths — authentication, body limits,
 * validation, permissions, bugs — is answered in this shape.
 */

/** MLflow's error codes the door answers with, and their HTTP statuses. */
export const MLFLOW_ERROR_STATUS = {
  INVALID_PARAMETER_VALUE: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_DOES_NOT_EXIST: 404,
  ENDPOINT_NOT_FOUND: 404,
  INVALID_STATE: 500,
  REQUEST_LIMIT_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
} as const;

/** One of MLflow's error codes. */
export type MlflowErrorCode = keyof typeof MLFLOW_ERROR_STATUS;

/** An error the door throws on purpose, with MLflow's code. */
export class MlflowError extends Error {
  constructor(
    readonly errorCode: MlflowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MlflowError';
  }
}

export const invalidParameter = (message: string) =>
  new MlflowError('INVALID_PARAMETER_VALUE', message);

export const doesNotExist = (message: string) =>
  new MlflowError('RESOURCE_DOES_NOT_EXIST', message);

/** The MLflow code of ML Home's own errors (@backstage/errors), by name. */
const CODE_OF_ERROR = new Map<string, MlflowErrorCode>([
  ['InputError', 'INVALID_PARAMETER_VALUE'],
  // A param changed, or a write raced another: MLflow says the value is invalid.
  ['ConflictError', 'INVALID_PARAMETER_VALUE'],
  ['NotFoundError', 'RESOURCE_DOES_NOT_EXIST'],
  ['NotAllowedError', 'PERMISSION_DENIED'],
  ['AuthenticationError', 'UNAUTHENTICATED'],
  ['PayloadTooLargeError', 'INVALID_PARAMETER_VALUE'],
  ['ServiceUnavailableError', 'INTERNAL_ERROR'],
]);

/** body-parser's own client errors (malformed JSON, a body too large). */
function exposedClientError(error: Error): string | undefined {
  const { expose, status, type } = error as {
    expose?: unknown;
    status?: unknown;
    type?: unknown;
  };
  if (
    expose === true &&
    typeof status === 'number' &&
    status >= 400 &&
    status < 500
  ) {
    return type === 'entity.parse.failed'
      ? 'The request body is not valid JSON'
      : error.message;
  }
  return undefined;
}

/**
 * The door's last middleware: writes every error in MLflow's shape. Errors thrown on purpose keep
 * their message; anything else is an INTERNAL_ERROR whose details stay in the log.
 */
export function mlflowErrorHandling(
  logger: LoggerService,
): express.ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    let code: MlflowErrorCode;
    let message: string;
    let status: number | undefined;
    if (error instanceof MlflowError) {
      code = error.errorCode;
      message = error.message;
    } else if (isError(error) && CODE_OF_ERROR.has(error.name)) {
      code = CODE_OF_ERROR.get(error.name)!;
      message = error.message;
      // The size limit keeps its 413, which MLflow's own server (behind a proxy) answers too.
      if (error.name === 'PayloadTooLargeError') status = 413;
    } else if (isError(error) && exposedClientError(error)) {
      code = 'BAD_REQUEST';
      message = exposedClientError(error)!;
      status = (error as { status?: number }).status;
    } else {
      const ref = randomUUID();
      logger.error(
        `MLflow door: internal error (ref ${ref}) answering ${req.method} ${req.originalUrl}`,
        isError(error) ? error : { error: String(error) },
      );
      code = 'INTERNAL_ERROR';
      message = `Internal error (ref ${ref})`;
    }
    res
      .status(status ?? MLFLOW_ERROR_STATUS[code])
      .json({ error_code: code, message });
  };
}
