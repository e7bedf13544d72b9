import {
  AetherError,
  type AetherErrorDetails,
  type ErrorCode,
  errorFromApiBody,
  retryAfterSeconds as parseRetryAfter,
} from '@aetherquant/core';

/**
 * The code of a failed response that carries no API error body (a proxy's page, a load balancer's 502):
 * the inverse of the API's own mapping, so a caller branches the same way whoever answered.
 */
export function errorCodeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'INVALID_ARGUMENT';
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 422:
      return 'INFEASIBLE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'UNAVAILABLE';
    default:
      return status >= 500 ? 'UPSTREAM_FAILED' : 'INVALID_ARGUMENT';
  }
}

/** What a failed response told us, already read: its status, headers and body (JSON, or undefined). */
export interface FailedResponse {
  readonly method: string;
  /** The URL asked for; it never holds a key (keys travel in headers). */
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/**
 * The AetherError a non-2xx response stands for: the one its API error body describes, else one by status
 * naming the request. Either keeps the request id (to quote when asking about it) and, for 429, how many
 * seconds to wait (`retryAfterSeconds`).
 */
export function errorFromResponse(response: FailedResponse): AetherError {
  const fromBody = errorFromApiBody(response.body);
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const retryAfterSeconds =
    response.status === 429 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
  const details: AetherErrorDetails = {
    ...(requestId === undefined ? {} : { requestId }),
    ...fromBody?.details,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
  const code = fromBody?.code ?? errorCodeForStatus(response.status);
  const message =
    fromBody?.message ?? `${response.method} ${response.url} failed with HTTP ${response.status}`;
  return new AetherError(code, message, Object.keys(details).length > 0 ? details : undefined);
}
