import { isAetherError, type FieldViolation } from '@aetherquant/core';

/** What went wrong, sorted by what the person can do about it. */
export type ErrorKind = 'key' | 'role' | 'rate-limit' | 'invalid' | 'unreachable' | 'server' | 'refused';

/** A failed request as the screen shows it: never the raw body, always something to act on. */
export interface UiError {
  kind: ErrorKind;
  /** The first sentence: what happened. */
  title: string;
  /** What to do about it. */
  hint?: string;
  /** 400: each field's rule, by the field's name in the request body (`symbol`, `params.fast`). */
  fieldErrors: Record<string, string>;
  /** 429: how long the server asked us to wait. */
  retryAfterSeconds?: number;
  /** Whether trying the same request again may work (network down, server failure). */
  retryable: boolean;
  /** To quote to the operator: their logs and audit trail carry it. */
  requestId?: string;
}

/** The wording of a rejected key, the runbook's troubleshooting steps (the key screen lists them). */
export const KEY_REJECTED_TITLE = 'That key was not accepted.';
export const KEY_TROUBLESHOOTING = [
  'Check for spaces at either end of the key.',
  'Copy the key again in full: a key cut short or with a character missing is refused.',
  'Still refused? Ask your operator for a new key.',
];

/** Maps any failure of a call to what the screen says. AetherError codes come from the API (see docs/API.md). */
export function describeError(error: unknown): UiError {
  if (!isAetherError(error)) {
    return {
      kind: 'unreachable',
      title: 'Something went wrong while talking to the server.',
      hint: 'Check your connection and try again.',
      fieldErrors: {},
      retryable: true,
    };
  }
  const details = error.details ?? {};
  const requestId = typeof details.requestId === 'string' ? details.requestId : undefined;
  const base = { fieldErrors: {}, retryable: false, ...(requestId ? { requestId } : {}) };
  switch (error.code) {
    case 'UNAUTHORIZED':
      return { ...base, kind: 'key', title: KEY_REJECTED_TITLE, hint: KEY_TROUBLESHOOTING.join(' ') };
    case 'FORBIDDEN':
      return {
        ...base,
        kind: 'role',
        title: 'Your role cannot do this.',
        hint: 'Ask your operator for an admin key if you need it.',
      };
    case 'RATE_LIMITED': {
      // A job refused by its key's quota: waiting a minute does not help, a job finishing or cancelled does.
      const quota = jobQuotaWords(error.message);
      if (quota) return { ...base, kind: 'rate-limit', ...quota, retryable: true };
      const seconds = typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : undefined;
      return {
        ...base,
        kind: 'rate-limit',
        title: 'Too many requests.',
        hint:
          seconds === undefined
            ? 'Wait a minute, then try again.'
            : `Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
        retryable: true,
        ...(seconds === undefined ? {} : { retryAfterSeconds: seconds }),
      };
    }
    case 'INVALID_ARGUMENT': {
      const violations = details.violations ?? [];
      // A key with characters a header cannot carry is refused by the client before any request.
      if (violations.some((violation) => violation.field === 'api_key')) {
        return { ...base, kind: 'key', title: KEY_REJECTED_TITLE, hint: KEY_TROUBLESHOOTING.join(' ') };
      }
      return {
        ...base,
        kind: 'invalid',
        title: violations.length > 0 ? 'Some fields need fixing.' : 'The request was refused.',
        hint: violations.length > 0 ? violations.map(describeViolation).join('; ') : error.message,
        fieldErrors: fieldErrorsOf(violations),
      };
    }
    case 'UNAVAILABLE':
      // The API answered, but the Redis its jobs queue in (the distributed engine) did not.
      if (/job queue/i.test(error.message)) {
        return {
          ...base,
          kind: 'server',
          title: 'The job queue is not reachable right now.',
          hint: 'Nothing was submitted. Retry in a moment; if it keeps failing, tell your operator the request id.',
          retryable: true,
        };
      }
      return {
        ...base,
        kind: 'unreachable',
        title: 'The server cannot be reached right now.',
        hint: 'Check your connection, then retry.',
        retryable: true,
      };
    case 'UPSTREAM_FAILED':
    case 'INTERNAL':
      return {
        ...base,
        kind: 'server',
        title: 'The server failed to answer.',
        hint: 'Retry in a moment; if it keeps failing, tell your operator the request id.',
        retryable: true,
      };
    default:
      // DATA_UNAVAILABLE, INFEASIBLE, NOT_FOUND, CONFLICT: the server's message says what to change.
      return { ...base, kind: 'refused', title: capitalize(error.message) };
  }
}

/**
 * What a job quota's 429 says, in the person's terms (the API's message names the setting,
 * `AETHERQ_JOB_MAX_ACTIVE_PER_KEY` or `AETHERQ_JOB_MAX_CELLS_PER_KEY`, which the operator sets); undefined for
 * any other 429.
 */
function jobQuotaWords(message: string): { title: string; hint: string } | undefined {
  if (message.includes('AETHERQ_JOB_MAX_ACTIVE_PER_KEY')) {
    const most = /AETHERQ_JOB_MAX_ACTIVE_PER_KEY=(\d+)/.exec(message)?.[1];
    return {
      title:
        most === undefined
          ? 'You have as many jobs queued or running as your key may.'
          : `You have ${most} jobs queued or running, the most your key may.`,
      hint: 'Wait for one to finish, or cancel one, then submit again.',
    };
  }
  if (message.includes('AETHERQ_JOB_MAX_CELLS_PER_KEY')) {
    const figures = /(\d+) cells with the (\d+) .* exceed the (\d+)/.exec(message);
    const count = (text: string | undefined) => Number(text).toLocaleString('en-US');
    return {
      title: figures
        ? `This job's ${count(figures[1])} combinations, with the ${count(figures[2])} of your jobs queued or running, would pass the ${count(figures[3])} your key may have at once.`
        : 'This job would take your key over the combinations it may have queued or running at once.',
      hint: 'Wait for some of your jobs to finish, cancel one, or submit a smaller grid.',
    };
  }
  return undefined;
}

function describeViolation(violation: FieldViolation): string {
  return `${violation.field} ${violation.rule}`;
}

/** The first rule per field: a field shows one message at a time. */
function fieldErrorsOf(violations: readonly FieldViolation[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const violation of violations) errors[violation.field] ??= capitalize(violation.rule);
  return errors;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
