import {
  AetherError,
  type AttemptFailure,
  type RetryPolicy,
  sendWithRetry,
  upstreamFailure,
} from '@aetherquant/core';

import { requireSecureEndpoint } from './endpoint-transport';

/** How a live broker talks HTTP: time limit per attempt, and retries with exponential backoff. */
export interface BrokerHttpOptions {
  /** Limit on one attempt, from sending the request to the last byte of the answer. Default 10 000. */
  timeoutMs?: number;
  /** Attempts after the first one. Default 3. */
  retries?: number;
  /** Wait before the first retry; each later wait doubles it (no jitter, so runs are reproducible). Default 300. */
  backoffMs?: number;
  /** The fetch that does the HTTP; the global one when omitted. */
  fetch?: typeof fetch;
  /**
   * Allow `http://` to a host that is not loopback (`AETHERQ_LIVE_BROKER_ALLOW_INSECURE`): the credentials
   * then travel in clear. Default false: such a URL is refused before any request.
   */
  allowInsecure?: boolean;
}

/**
 * How to tell whether a POST that got no usable answer (5xx, timeout, network error) was taken anyway, so it
 * is resent only when it was not: a resent order the broker already took would be a second order.
 */
export interface ResendGuard {
  /**
   * Asks the broker for what the POST creates (an order, by its client order id): the answer describing it
   * when it exists (handled as the POST's own answer would be), `null` when it does not. Throws when the
   * broker cannot tell.
   */
  lookup: () => Promise<BrokerAnswer | null>;
  /** What the POST creates, for messages: `order sma-SPY-1577923200000`. */
  subject: string;
}

/** An answer read in full: its status and its body, parsed as JSON when it is JSON. */
export interface BrokerAnswer {
  status: number;
  /** The parsed JSON body; `undefined` when the body is empty or not JSON (only possible for non-2xx). */
  body: unknown;
  /** The body as text, secrets redacted and cut to 200 characters: for error messages. */
  excerpt: string;
}

const DEFAULTS = { timeoutMs: 10_000, retries: 3, backoffMs: 300 } as const;
const REDACTED = '[redacted]';

/**
 * The one HTTP layer of the live brokers, on the shared `sendWithRetry` of @aetherquant/core. Its retry
 * policy: network errors, timeouts and HTTP 5xx are retried with backoff; 429 and every other answer come
 * back at once (Retry-After is not consulted). A GET is simply sent again. A POST is never resent blindly:
 * a 5xx or a timeout does not say whether the broker took the order, so before each resend the caller's
 * {@link ResendGuard} asks the broker for it (by its client order id); the POST is resent only when the
 * broker does not have it, and when it does, that order is the answer. A POST without a guard is sent once.
 *
 * Every URL must be `https://`, or `http://` to a loopback host, unless `allowInsecure` (see
 * {@link requireSecureEndpoint}): checked before each request, so no credential ever goes out in clear.
 *
 * Every error is UPSTREAM_FAILED naming the service and, when there was one, the HTTP status. The broker's
 * credentials are never part of a message: any text echoed from the broker has them redacted.
 *
 * HTTP 401/403 from the broker are UPSTREAM_FAILED too ("the broker refused the credentials"), not
 * UNAUTHORIZED: UNAUTHORIZED means *our* caller lacks a key, and the API would answer it with a 401,
 * which would send the user looking at the wrong key.
 */
export class BrokerHttp {
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #backoffMs: number;
  readonly #fetch: typeof fetch | undefined;
  readonly #allowInsecure: boolean;
  readonly #secrets: readonly string[];

  /**
   * @param service who is called, as messages name it: `generic-rest broker`.
   * @param secrets values that must never appear in a message (tokens, keys).
   */
  constructor(
    readonly service: string,
    options: BrokerHttpOptions = {},
    secrets: readonly (string | undefined)[] = [],
  ) {
    this.#timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.#retries = options.retries ?? DEFAULTS.retries;
    this.#backoffMs = options.backoffMs ?? DEFAULTS.backoffMs;
    this.#fetch = options.fetch;
    this.#allowInsecure = options.allowInsecure ?? false;
    this.#secrets = secrets.filter((secret): secret is string => typeof secret === 'string' && secret !== '');
  }

  /**
   * Sends one request (retrying as described above) and returns the answer. A 2xx answer whose body is
   * not JSON throws UPSTREAM_FAILED; other answers come back as they are for the caller to judge (see
   * {@link BrokerHttp.failure}). `resend` is how a POST finds out whether it was taken before it is resent.
   */
  async send(
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    body?: unknown,
    resend?: ResendGuard,
  ): Promise<BrokerAnswer> {
    requireSecureEndpoint(url, this.#allowInsecure);
    const init: RequestInit = {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    const fetchFunction = this.#fetch ?? globalThis.fetch;
    return sendWithRetry(
      {
        send: (signal) => fetchFunction(url, { ...init, signal }),
        read: ({ response, text }) => this.#parse(response.status, text),
      },
      this.#policy(method, resend),
    );
  }

  /**
   * The error for an answer the caller cannot use: credentials refused (401/403), rate limited (429) or
   * any other status, with the broker's own message when it gave one (redacted).
   */
  failure(answer: BrokerAnswer, action: string): AetherError {
    const details = { service: this.service, status: answer.status };
    if (answer.status === 401 || answer.status === 403) {
      return new AetherError(
        'UPSTREAM_FAILED',
        `${this.service}: the broker refused the credentials (HTTP ${answer.status}) while trying to ${action}; check the key and token`,
        details,
      );
    }
    if (answer.status === 429) {
      return new AetherError(
        'RATE_LIMITED',
        `${this.service} is rate limiting requests (HTTP 429) while trying to ${action}`,
        details,
      );
    }
    const said = brokerMessage(answer);
    return new AetherError(
      'UPSTREAM_FAILED',
      `${this.service} answered HTTP ${answer.status} while trying to ${action}${said ? `: ${this.redact(said)}` : ''}`,
      details,
    );
  }

  /** A number the broker sent as a number or a numeric string; UPSTREAM_FAILED naming the field otherwise. */
  number(value: unknown, field: string, status: number): number {
    const parsed =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && value.trim() !== ''
          ? Number(value)
          : NaN;
    if (Number.isFinite(parsed)) return parsed;
    const shown =
      value === undefined ? 'nothing' : this.redact(truncate(JSON.stringify(value) ?? String(value)));
    throw new AetherError(
      'UPSTREAM_FAILED',
      `${this.service} answered HTTP ${status} with a ${field} that is not a number: ${shown}`,
      { service: this.service, status, field },
    );
  }

  /** UPSTREAM_FAILED for an answer whose JSON has the wrong shape: `expected an object with cash`. */
  malformed(status: number, what: string): AetherError {
    return new AetherError('UPSTREAM_FAILED', `${this.service} answered HTTP ${status} with ${what}`, {
      service: this.service,
      status,
    });
  }

  /** `text` with every secret replaced by `[redacted]`. */
  redact(text: string): string {
    let result = text;
    for (const secret of this.#secrets) result = result.split(secret).join(REDACTED);
    return result;
  }

  /**
   * The live brokers' retry policy for one request: see the class comment. A POST without a guard gets
   * one attempt; with one, the guard is asked before each resend.
   */
  #policy(method: 'GET' | 'POST', resend: ResendGuard | undefined): RetryPolicy<BrokerAnswer> {
    const sentOnce = method === 'POST' && resend === undefined;
    const guard = method === 'POST' ? resend : undefined;
    return {
      attempts: sentOnce ? 1 : this.#retries + 1,
      attemptTimeoutMs: this.#timeoutMs,
      backoffMs: this.#backoffMs,
      retriesStatus: (status) => status >= 500,
      beforeResend: guard && (async (last) => (await this.#lookUp(guard, last)) ?? undefined),
      giveUp: (last, attempts) =>
        sentOnce && last.kind === 'status'
          ? new AetherError(
              'UPSTREAM_FAILED',
              `${this.service} answered HTTP ${last.status} (sent once: a POST is resent only after a lookup)`,
              { service: this.service, status: last.status, attempts },
            )
          : upstreamFailure(this.service, last, attempts, this.#reason(last)),
    };
  }

  /** `HTTP 503` (a status is named without its text in broker messages), or why there was no answer, redacted. */
  #reason(failure: AttemptFailure): string {
    return failure.kind === 'status' ? `HTTP ${failure.status}` : this.redact(failure.reason);
  }

  /**
   * The guard's answer on whether the POST that failed with `failure` was taken. When the broker cannot tell,
   * nothing is resent: UPSTREAM_FAILED says the order's state is unknown and where to check.
   */
  async #lookUp(resend: ResendGuard, failure: AttemptFailure): Promise<BrokerAnswer | null> {
    try {
      return await resend.lookup();
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new AetherError(
        'UPSTREAM_FAILED',
        `${this.service}: the request for ${resend.subject} got ${this.#reason(failure)}, and asking ` +
          `whether the broker took it failed (${this.redact(why)}); it was not resent: check the broker ` +
          'for it before trying again',
        { service: this.service, ...(failure.kind === 'status' ? { status: failure.status } : {}) },
      );
    }
  }

  #parse(status: number, text: string): BrokerAnswer {
    const excerpt = this.redact(truncate(text));
    let body: unknown;
    try {
      body = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (body === undefined && status >= 200 && status < 300) {
      throw new AetherError(
        'UPSTREAM_FAILED',
        `${this.service} answered HTTP ${status} with a body that is not JSON`,
        {
          service: this.service,
          status,
        },
      );
    }
    return { status, body, excerpt };
  }
}

/** The broker's own words about a failure: `message`, `error` or `error.message`, else the body's text. */
export function brokerMessage(answer: BrokerAnswer): string {
  const body = answer.body;
  if (isRecord(body)) {
    for (const key of ['message', 'error', 'reason', 'detail']) {
      const value = body[key];
      if (typeof value === 'string' && value !== '') return truncate(value);
      if (isRecord(value) && typeof value['message'] === 'string') return truncate(value['message']);
    }
  }
  return answer.excerpt;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The base URL without a trailing slash, so `${base}/orders` never doubles it. */
export function trimEndpoint(endpoint: string): string {
  return endpoint.replace(/\/+$/, '');
}

function truncate(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Neither `undefined` nor `null`: a field the broker filled in. */
export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}
