import { type ErrorCode } from '@aetherquant/core';

/**
 * The API's one mapping from error codes to HTTP statuses (docs/API.md). Exhaustive by type, so a new code
 * cannot ship without its status.
 */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  // Understood, but the data or the problem does not allow an answer (no bars in range, no feasible weights).
  DATA_UNAVAILABLE: 422,
  INFEASIBLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  // A service we rely on (Yahoo, a broker) failed: a bad gateway, worth a retry.
  UPSTREAM_FAILED: 502,
  // The database cannot be reached: the request may succeed later.
  UNAVAILABLE: 503,
};

/** For failures raised by the framework as bare statuses (an unknown route, a throttled caller). */
export function codeOfStatus(status: number): ErrorCode {
  const exact = (Object.entries(HTTP_STATUS) as [ErrorCode, number][]).find(([, s]) => s === status)?.[0];
  if (exact) return exact;
  if (status === 413 || status === 415 || (status >= 400 && status < 500)) return 'INVALID_ARGUMENT';
  return 'INTERNAL';
}
