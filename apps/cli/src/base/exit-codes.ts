import { type ErrorCode } from '@aetherquant/core';

/**
 * The CLI's one mapping from error codes to process exit codes (documented in docs/cli.md). Exhaustive by
 * type, so a new code cannot ship without its exit code. 1 is reserved for failures that are bugs.
 */
export const EXIT_CODES: Record<ErrorCode, number> = {
  INTERNAL: 1,
  INVALID_ARGUMENT: 2,
  NOT_FOUND: 3,
  DATA_UNAVAILABLE: 4,
  INFEASIBLE: 5,
  UNAUTHORIZED: 6,
  FORBIDDEN: 7,
  RATE_LIMITED: 8,
  UPSTREAM_FAILED: 9,
  UNAVAILABLE: 10,
  CONFLICT: 11,
};
