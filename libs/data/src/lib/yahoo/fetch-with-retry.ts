import { type HttpAnswer, type RetryPolicy, sendWithRetry, upstreamFailure } from '@aetherquant/core';

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

/**
 * Yahoo's retry policy: a time limit per attempt, and retries with exponential backoff (`backoffMs`, then
 * twice that, and so on) on what a later attempt may cure: network errors, timeouts, HTTP 429 and 5xx.
 * Any other answer, including every other 4xx, comes back at once. Retry-After is not consulted.
 */
function yahooRetryPolicy(options: FetchWithRetryOptions): RetryPolicy<Response> {
  return {
    attempts: options.retries + 1,
    attemptTimeoutMs: options.timeoutMs,
    backoffMs: options.backoffMs,
    retriesStatus: (status) => status === 429 || status >= 500,
    giveUp: (last, attempts) => upstreamFailure(options.service, last, attempts),
  };
}

/**
 * `fetch` under {@link yahooRetryPolicy}, through the shared `sendWithRetry` of @aetherquant/core. The
 * answer's body is read within the attempt (a server that stalls mid-body times out like one that never
 * answers) and handed back buffered.
 *
 * When every attempt failed it throws UPSTREAM_FAILED: "<service> could not be reached: <reason>" after
 * network errors and timeouts, or naming the HTTP status the service kept answering. An abort by the
 * caller's own signal rejects with its reason at once, without retrying.
 */
export async function fetchWithRetry(
  input: string | URL,
  init: RequestInit | undefined,
  options: FetchWithRetryOptions,
): Promise<Response> {
  const fetchFunction = options.fetch ?? globalThis.fetch;
  return sendWithRetry(
    {
      send: (signal) => fetchFunction(input, { ...init, signal }),
      read: buffered,
      signal: init?.signal,
    },
    yahooRetryPolicy(options),
  );
}

/** The answer with its body read in full, so that reading it later cannot stall or fail. */
function buffered({ response, text }: HttpAnswer<Response>): Response {
  const bodyless = response.status === 204 || response.status === 205 || response.status === 304;
  return new Response(bodyless ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
