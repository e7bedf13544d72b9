import { type AetherError, apiErrorBody } from '@aetherquant/core';
import { HTTP_STATUS } from './error-status';
import { type ApiResponse } from './http-types';

/**
 * Answers with the API's error shape `{error:{code,message,details}, requestId}` and the status of the
 * error's code (or `status`, for the few refusals whose status is finer than their code: 413, 415). One
 * writer for every place that answers outside Nest's exception filter (body parser, streams, last resort).
 */
export function sendApiError(
  response: ApiResponse,
  error: AetherError,
  requestId: string,
  status: number = HTTP_STATUS[error.code],
): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(apiErrorBody(error, requestId)));
}
