import { ERROR_CODES, type ErrorCode, isAetherError, type JobStatus } from '@aetherquant/core';

export type JobFailure = NonNullable<JobStatus['error']>;

/**
 * Why a job failed, as its status says it: an AetherError's code and message (written for the caller, so
 * safe to show), anything else as INTERNAL without its message, which may name files or hosts.
 */
export function failureOf(error: unknown): JobFailure {
  if (isAetherError(error)) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: 'the job stopped on an internal error' };
}

/** A failure as one line of text (BullMQ keeps a failed job's reason as a string): `CODE: message`. */
export function encodeFailure(failure: JobFailure): string {
  return `${failure.code}: ${failure.message}`;
}

/** The failure {@link encodeFailure} wrote; any other text (a worker that crashed) is INTERNAL. */
export function decodeFailure(reason: string): JobFailure {
  const separator = reason.indexOf(': ');
  const code = reason.slice(0, separator);
  if (separator > 0 && (ERROR_CODES as readonly string[]).includes(code)) {
    return { code: code as ErrorCode, message: reason.slice(separator + 2) };
  }
  return { code: 'INTERNAL', message: 'the job stopped on an internal error' };
}
