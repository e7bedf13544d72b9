import { AetherError } from '../errors/aether-error';
import { retryAfterMs } from './retry-after';
import {
  type AbortSignalLike,
  type AttemptFailure,
  type HttpAnswer,
  type PlatformAbortSignal,
  type ResponseLike,
  type RetryPolicy,
  retryDelayMs,
} from './retry-policy';

/** One request as {@link sendWithRetry} sends it, perhaps more than once. */
export interface RetriedCall<R extends ResponseLike, T> {
  /** Sends the request once, stopping when `signal` aborts: `(signal) => fetch(url, { ...init, signal })`. */
  send(signal: PlatformAbortSignal): Promise<R>;
  /** What the call resolves with, from an answer the policy does not retry. What it throws ends the call. */
  read(answer: HttpAnswer<R>): T;
  /** Cancels the call: it then rejects with the signal's reason at once, and nothing more is sent. */
  signal?: AbortSignalLike | null;
}

/** Time as {@link sendWithRetry} sees it; tests pass their own so that no test waits for real. */
export interface RetryClock {
  /** Waits `ms`; may settle early when `signal` aborts. A timer by default. */
  sleep?: (ms: number, signal: AbortSignalLike) => Promise<void>;
  /** The current epoch ms, for `Retry-After` dates and waits that would pass the deadline. `Date.now` by default. */
  now?: () => number;
}

/** The timers and AbortController of browsers and Node, typed here for the reason given on AbortSignalLike. */
const platform = globalThis as unknown as {
  AbortController: new () => { readonly signal: PlatformAbortSignal; abort(reason?: unknown): void };
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

type Outcome<R extends ResponseLike> =
  { kind: 'answer'; answer: HttpAnswer<R> } | { kind: 'failed'; failure: AttemptFailure };

/**
 * Sends `call` under `policy`: each attempt within `attemptTimeoutMs`, the whole call within `deadlineMs`;
 * an answer with a status the policy retries, a network error or a timeout is followed by a wait
 * (`backoffMs`, doubling; `Retry-After` where the policy honours it) and another attempt, after
 * `beforeResend` when the policy has one. Every other answer is read in full within the attempt (a
 * server that stalls mid-body times out like one that never answers) and resolves the call through `read`.
 *
 * When no attempt got a usable answer the call fails with `policy.giveUp(last failure, attempts made)`.
 * Fewer attempts than the policy allows are made when the deadline passes, or when the next wait would
 * outlast it. An abort by the caller's signal rejects with its reason at once, during an attempt or a
 * wait, and nothing is retried.
 */
export async function sendWithRetry<R extends ResponseLike, T>(
  call: RetriedCall<R, T>,
  policy: RetryPolicy<T>,
  clock: RetryClock = {},
): Promise<T> {
  if (!(Number.isInteger(policy.attempts) && policy.attempts >= 1)) {
    throw AetherError.invalid([
      { field: 'attempts', rule: `must be a whole number at least 1 (got ${policy.attempts})` },
    ]);
  }
  const caller = call.signal ?? undefined;
  if (caller?.aborted) throw caller.reason;
  const sleep = clock.sleep ?? sleepFor;
  const now = clock.now ?? Date.now;
  const scope = new CallScope(caller, policy.deadlineMs);
  const startedAt = now();
  try {
    let attempts = 0;
    let last: AttemptFailure | undefined;
    while (attempts < policy.attempts) {
      if (last !== undefined) {
        const wait = retryDelayMs(policy, attempts, last);
        if (policy.deadlineMs !== undefined && now() + wait - startedAt >= policy.deadlineMs) break;
        try {
          await sleep(wait, scope.signal);
        } catch (error) {
          if (!scope.signal.aborted) throw error;
        }
        scope.throwIfCallerAborted();
        if (scope.deadlinePassed) {
          last = scope.deadlineFailure();
          break;
        }
        const found = await policy.beforeResend?.(last);
        if (found !== undefined) return found;
        scope.throwIfCallerAborted();
      }
      attempts++;
      const outcome = await attemptOnce(call, policy, scope, now);
      if (outcome.kind === 'answer') return call.read(outcome.answer);
      last = outcome.failure;
      if (scope.deadlinePassed) break;
    }
    throw policy.giveUp(last as AttemptFailure, attempts);
  } finally {
    scope.close();
  }
}

/** One attempt: the answer to hand back, or why it may be worth another. */
async function attemptOnce<R extends ResponseLike, T>(
  call: RetriedCall<R, T>,
  policy: RetryPolicy<T>,
  scope: CallScope,
  now: () => number,
): Promise<Outcome<R>> {
  const controller = new platform.AbortController();
  const stop = () => controller.abort(scope.signal.reason);
  if (scope.signal.aborted) stop();
  else scope.signal.addEventListener('abort', stop, { once: true });
  let timedOut = false;
  const limit = policy.attemptTimeoutMs;
  const timer =
    limit === undefined
      ? undefined
      : platform.setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, limit);
  try {
    const response = await call.send(controller.signal);
    if (policy.retriesStatus(response.status)) {
      // Free the connection; the body of an answer that will be retried is not needed.
      await response.body?.cancel().catch(() => undefined);
      const asked = retryAfterMs(response.headers.get('retry-after'), now());
      return {
        kind: 'failed',
        failure: {
          kind: 'status',
          reason: describeStatus(response),
          status: response.status,
          ...(asked === undefined ? {} : { retryAfterMs: asked }),
        },
      };
    }
    return { kind: 'answer', answer: { response, text: await response.text() } };
  } catch (error) {
    scope.throwIfCallerAborted();
    if (scope.deadlinePassed) return { kind: 'failed', failure: scope.deadlineFailure() };
    if (timedOut && limit !== undefined) {
      return {
        kind: 'failed',
        failure: { kind: 'timeout', reason: `timed out after ${limit} ms`, limit: 'attempt', limitMs: limit },
      };
    }
    return { kind: 'failed', failure: { kind: 'network', reason: describeNetworkError(error), error } };
  } finally {
    if (timer !== undefined) platform.clearTimeout(timer);
    scope.signal.removeEventListener('abort', stop);
  }
}

/** The signal of the whole call: it aborts when the caller's does, or when the deadline passes. */
class CallScope {
  readonly #controller = new platform.AbortController();
  readonly #caller: AbortSignalLike | undefined;
  readonly #deadlineMs: number | undefined;
  readonly #timer: unknown;
  #deadlinePassed = false;
  readonly #onCallerAbort = () => this.#controller.abort(this.#caller?.reason);

  constructor(caller: AbortSignalLike | undefined, deadlineMs: number | undefined) {
    this.#caller = caller;
    this.#deadlineMs = deadlineMs;
    caller?.addEventListener('abort', this.#onCallerAbort, { once: true });
    this.#timer =
      deadlineMs === undefined
        ? undefined
        : platform.setTimeout(() => {
            this.#deadlinePassed = true;
            this.#controller.abort();
          }, deadlineMs);
  }

  get signal(): PlatformAbortSignal {
    return this.#controller.signal;
  }

  get deadlinePassed(): boolean {
    return this.#deadlinePassed;
  }

  /** A caller's abort wins over everything else: the call rejects with the caller's reason, as fetch does. */
  throwIfCallerAborted(): void {
    if (this.#caller?.aborted) throw this.#caller.reason;
  }

  deadlineFailure(): AttemptFailure {
    const limitMs = this.#deadlineMs as number;
    return { kind: 'timeout', reason: `timed out after ${limitMs} ms`, limit: 'deadline', limitMs };
  }

  close(): void {
    if (this.#timer !== undefined) platform.clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#onCallerAbort);
  }
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleepFor(ms: number, signal: AbortSignalLike): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      platform.clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = platform.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** `HTTP 503 (Service Unavailable)`, or `HTTP 503` when the answer has no status text (HTTP/2 has none). */
function describeStatus(response: ResponseLike): string {
  return response.statusText ? `HTTP ${response.status} (${response.statusText})` : `HTTP ${response.status}`;
}

/** `fetch failed (ECONNREFUSED)`: the message, with the system error code Node keeps in `cause`. */
function describeNetworkError(error: unknown): string {
  // Duck-typed: errors thrown by Node's own fetch come from another realm under test runners.
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown } };
  if (typeof message !== 'string') return String(error);
  return typeof cause?.code === 'string' ? `${message} (${cause.code})` : message;
}
