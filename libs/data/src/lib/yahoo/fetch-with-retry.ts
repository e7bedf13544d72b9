import { AetherError } from '@aetherquant/core';

export interface FetchWithRetryOptions {
  /** The fetch that does the HTTP; the global one when omitted. */
  fetch?: typeof fetch;
  /** Limit on one attempt, from sending the request to the last byte of the answer. */
  timeoutMs: number;
  /** Attempts after the first one. */
  retries: number;
  /** Wait before the first retry; each later wait doubles it. No jitter, so runs are reproducible. */
  backoffMs: number;
  /** Who is being called, as messages name it: `Yahoo Finance`. */
  service: string;
}

/** The one outcome of an attempt that may be retried, or the answer to hand back. */
type Attempt = { kind: 'answer'; response: Response } | { kind: 'retry'; reason: string; status?: number };

/**
 * `fetch` with a time limit per attempt and retries with exponential backoff (`backoffMs`, then twice
 * that, and so on) on what a later attempt may cure: network errors, timeouts, HTTP 429 and 5xx. Any other
 * answer, including every other 4xx, comes back at once. The answer's body is read within the attempt (a
 * server that stalls mid-body times out like one that never answers) and handed back buffered.
 *
 * When every attempt failed it throws UPSTREAM_FAILED: "<service> could not be reached: <reason>" after
 * network errors and timeouts, or naming the HTTP status the service kept answering. An abort by the
 * caller's own signal is passed through as it is, without retrying.
 */
export async function fetchWithRetry(
  input: string | URL,
  init: RequestInit | undefined,
  options: FetchWithRetryOptions,
): Promise<Response> {
  const attempts = options.retries + 1;
  let last: Extract<Attempt, { kind: 'retry' }> | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(options.backoffMs * 2 ** (attempt - 2));
    const outcome = await attemptOnce(input, init, options);
    if (outcome.kind === 'answer') return outcome.response;
    last = outcome;
  }
  const failure = last as Extract<Attempt, { kind: 'retry' }>;
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (failure.status !== undefined) {
    throw new AetherError(
      'UPSTREAM_FAILED',
      `${options.service} answered ${failure.reason} to each of ${tries}`,
      { service: options.service, status: failure.status, attempts },
    );
  }
  throw new AetherError(
    'UPSTREAM_FAILED',
    `${options.service} could not be reached: ${failure.reason} (gave up after ${tries})`,
    { service: options.service, attempts },
  );
}

async function attemptOnce(
  input: string | URL,
  init: RequestInit | undefined,
  options: FetchWithRetryOptions,
): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const callerSignal = init?.signal ?? undefined;
  const signal = callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal;
  const fetchFunction = options.fetch ?? globalThis.fetch;
  try {
    const response = await fetchFunction(input, { ...init, signal });
    if (response.status === 429 || response.status >= 500) {
      // Free the connection; the body of a failed attempt is not needed.
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'retry', reason: describeStatus(response), status: response.status };
    }
    return { kind: 'answer', response: await buffered(response) };
  } catch (error) {
    if (callerSignal?.aborted) throw error;
    if (controller.signal.aborted)
      return { kind: 'retry', reason: `timed out after ${options.timeoutMs} ms` };
    return { kind: 'retry', reason: describeNetworkError(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** The answer with its body read in full, so that reading it later cannot stall or fail. */
async function buffered(response: Response): Promise<Response> {
  const bodyless = response.status === 204 || response.status === 205 || response.status === 304;
  const body = bodyless ? null : await response.arrayBuffer();
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** `HTTP 503 (Service Unavailable)`. */
function describeStatus(response: Response): string {
  return response.statusText ? `HTTP ${response.status} (${response.statusText})` : `HTTP ${response.status}`;
}

/** `fetch failed (ECONNREFUSED)`: the message, with the system error code Node keeps in `cause`. */
function describeNetworkError(error: unknown): string {
  // Duck-typed: errors thrown by Node's own fetch come from another realm under test runners.
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown } };
  if (typeof message !== 'string') return String(error);
  return typeof cause?.code === 'string' ? `${message} (${cause.code})` : message;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
