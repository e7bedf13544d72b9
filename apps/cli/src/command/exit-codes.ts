import { type ErrorCode } from '@aetherquant/core';

/**
 * The CLI's one mapping from error codes to process exit codes (documented in docs/cli.md). Exhaustive by
 * type, so a new code cannot ship without its exit code. 1 is reserved for failures that are bugs.
 */
export const EXIT_CODES: Record<ErrorCode, number> = {
  INTERNAL: 1,
  INVALID_ARGUMENT: 2,
  // A service we rely on (Yahoo, a broker, the database, the API server) failed or could not be reached:
  // worth a retry.
  UPSTREAM_FAILED: 3,
  UNAVAILABLE: 3,
  DATA_UNAVAILABLE: 4,
  NOT_FOUND: 5,
  INFEASIBLE: 6,
  UNAUTHORIZED: 7,
  FORBIDDEN: 8,
  RATE_LIMITED: 9,
  CONFLICT: 10,
};

/**
 * The exit code of a wait for a job (`jobs wait`, `jobs submit` without `--detach`) that ended cancelled: not
 * a failure of the work, so none of the error codes'.
 */
export const JOB_CANCELLED_EXIT_CODE = 11;
