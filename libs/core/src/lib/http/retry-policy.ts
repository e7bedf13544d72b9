import { AetherError } from '../errors/aether-error';

/**
 * The members of an `AbortSignal` this module uses. @aetherquant/core compiles without the DOM and Node
 * libraries (it must run in both), so it names what it needs rather than the platform's type.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * The platform's own `AbortSignal` in a program that knows it (DOM or Node types: what `fetch` accepts),
 * else {@link AbortSignalLike}. The signal an attempt is handed can then go to `fetch` without a cast.
 */
export type PlatformAbortSignal = typeof globalThis extends { AbortSignal: { prototype: infer Signal } }
  ? Signal
  : AbortSignalLike;

/** The members of a fetch `Response` this module uses; the real `Response` has them all. */
export interface ResponseLike {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  readonly body?: { cancel(): Promise<void> } | null;
  text(): Promise<string>;
}

/** An answer the policy does not retry, its body read in full within the attempt's time limit. */
export interface HttpAnswer<R extends ResponseLike> {
  /** The response as `fetch` gave it: status, status text, headers. Its body has been read: see `text`. */
  readonly response: R;
  readonly text: string;
}

/**
 * Why an attempt got no usable answer; `reason` says it for messages: `HTTP 503 (Service Unavailable)`,
 * `timed out after 50 ms`, `fetch failed (ECONNREFUSED)`.
 */
export type AttemptFailure =
  | {
      readonly kind: 'status';
      readonly reason: string;
      readonly status: number;
      /** What the answer's `Retry-After` asked, in ms, when it had one. */
      readonly retryAfterMs?: number;
    }
  | {
      readonly kind: 'timeout';
      readonly reason: string;
      /** The limit that ran out: the attempt's own, or the deadline of the whole call. */
      readonly limit: 'attempt' | 'deadline';
      readonly limitMs: number;
    }
  | { readonly kind: 'network'; readonly reason: string; readonly error: unknown };

/**
 * What one HTTP adapter retries and how: the whole difference between Yahoo, the live brokers and the API
 * client. `T` is what a call resolves with (see `read` of {@link RetriedCall}).
 */
export interface RetryPolicy<T> {
  /** Attempts in all, the first included: 1 sends the request once and never retries. */
  readonly attempts: number;
  /** Limit on one attempt, from sending the request to the last byte of the answer. Default: none. */
  readonly attemptTimeoutMs?: number;
  /** Limit on the whole call, every attempt and every wait between them included. Default: none. */
  readonly deadlineMs?: number;
  /** Wait before the first retry; each later wait doubles it. No jitter, so runs are reproducible. */
  readonly backoffMs: number;
  /** Longest computed wait. Default: no limit. */
  readonly maxBackoffMs?: number;
  /**
   * Honour the `Retry-After` of a retried answer: wait at least what it asks, but never more than `maxMs`
   * (a server asking for an hour does not hold the caller for an hour). Default: the header is ignored.
   */
  readonly retryAfter?: { readonly maxMs: number };
  /**
   * Whether an answer with this status may be cured by sending the request again (429, 5xx): its body is
   * dropped unread. Any other answer is read and is the call's result, whatever its status. Network errors
   * and timeouts are always retried while attempts remain.
   */
  readonly retriesStatus: (status: number) => boolean;
  /**
   * Asked after each wait, before the request is sent again: a result that makes the resend unneeded
   * (the order a failed POST created after all), or `undefined` to resend. What it throws ends the call.
   */
  readonly beforeResend?: (last: AttemptFailure) => Promise<T | undefined>;
  /** The error the call fails with when no attempt got a usable answer: `attempts` is how many were made. */
  readonly giveUp: (last: AttemptFailure, attempts: number) => Error;
}

/**
 * The wait before retry number `retry` (1 for the first): `backoffMs × 2^(retry−1)` up to `maxBackoffMs`;
 * when the policy honours `Retry-After` and `last` carried one, at least that (up to `retryAfter.maxMs`).
 */
export function retryDelayMs(
  policy: Pick<RetryPolicy<unknown>, 'backoffMs' | 'maxBackoffMs' | 'retryAfter'>,
  retry: number,
  last: AttemptFailure,
): number {
  const computed = Math.min(policy.backoffMs * 2 ** (retry - 1), policy.maxBackoffMs ?? Infinity);
  const asked = last.kind === 'status' ? last.retryAfterMs : undefined;
  if (policy.retryAfter === undefined || asked === undefined) return computed;
  return Math.max(computed, Math.min(asked, policy.retryAfter.maxMs));
}

/**
 * The UPSTREAM_FAILED a service adapter gives up with: `<service> answered HTTP 503 (Service Unavailable)
 * to each of 3 attempts` (details: service, status, attempts) when the service kept answering a retried
 * status, else `<service> could not be reached: <reason> (gave up after 3 attempts)`. `reason` replaces
 * the failure's own, e.g. with secrets redacted.
 */
export function upstreamFailure(
  service: string,
  last: AttemptFailure,
  attempts: number,
  reason: string = last.reason,
): AetherError {
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (last.kind === 'status') {
    return new AetherError('UPSTREAM_FAILED', `${service} answered ${reason} to each of ${tries}`, {
      service,
      status: last.status,
      attempts,
    });
  }
  return new AetherError(
    'UPSTREAM_FAILED',
    `${service} could not be reached: ${reason} (gave up after ${tries})`,
    { service, attempts },
  );
}
