import {
  AetherError,
  type AttemptFailure,
  type HttpAnswer,
  type HttpUseCaseInput,
  type CallableUseCaseName,
  findUseCase,
  reportFromResponse,
  type RetryPolicy,
  sendWithRetry,
  type UseCaseOutput,
} from '@aetherquant/core';
import { describeBaseUrl, parseBaseUrl, resolveApiUrl } from '../base-url/base-url';
import { errorFromResponse } from '../response-error/response-error';
import { endpointRequest, type EndpointRequest } from './endpoint-request';

/** How long a call may take, answer included, unless told otherwise: a long sweep takes a while. */
export const DEFAULT_TIMEOUT_MS = 120_000;

export interface ApiClientOptions {
  /** Where the API is served: `https://host`, or under a prefix such as `https://host/aq/`. */
  baseUrl: string;
  /** Sent as `X-API-Key`; never printed, logged or put in an error message. */
  apiKey?: string;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
  /** Milliseconds a call may take before it fails as UNAVAILABLE [default: 120000]. */
  timeoutMs?: number;
}

export interface CallOptions {
  /** Cancels the call; it then rejects with the signal's reason, as fetch does. */
  signal?: AbortSignal;
  /** Sent as `X-Request-ID`, so the server's logs and audit trail carry it. */
  requestId?: string;
}

/** `GET /healthz`: the server is up. */
export interface HealthStatus {
  status: 'ok';
  version: string;
}

/** `GET /readyz`: whether the server can serve requests now (its database answers), and why not. */
export type Readiness = { status: 'ready' } | { status: 'not_ready'; reason: string };

/** A client of one AetherQuant API server. Every failure is an AetherError. */
export interface ApiClient {
  /** The base URL, as messages show it (`https://host/aq`). */
  readonly baseUrl: string;
  /**
   * Calls use case `name` of the catalog (`USE_CASES` in `@aetherquant/core`) over its HTTP route with
   * `input`, fields in snake_case as its request schema names them, and resolves with the response body,
   * typed by the use case's response schema. Path parameters (`id` of `run`) are taken from `input`; the
   * server validates the rest.
   */
  call<Name extends CallableUseCaseName>(
    name: Name,
    input?: HttpUseCaseInput<Name>,
    options?: CallOptions,
  ): Promise<UseCaseOutput<Name>>;
  /** `GET /healthz`. */
  health(options?: CallOptions): Promise<HealthStatus>;
  /** `GET /readyz`: resolves for a server that is not ready too (a 503 that says why); it reports readiness. */
  ready(options?: CallOptions): Promise<Readiness>;
}

/**
 * A client of the AetherQuant REST API at `options.baseUrl`. Throws INVALID_ARGUMENT (naming `api_url`,
 * `api_key` or `timeout_ms`) for options it cannot work with.
 *
 * @example
 * const client = createApiClient({ baseUrl: 'https://quant.example/aq', apiKey: 'aq_…' });
 * const report = await client.call('backtest', { symbol: 'SPY', period: '2y' });
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = parseBaseUrl(options.baseUrl);
  const baseUrl = describeBaseUrl(base);
  const apiKey = checkApiKey(options.apiKey);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw AetherError.invalid([{ field: 'timeout_ms', rule: 'must be a number greater than 0' }]);
  }
  // Looked up per call, and never called detached from globalThis (browsers refuse that).
  const send =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  /** Sends `request`; resolves with the JSON body of a response `accept`s, else fails with its AetherError. */
  async function exchange(
    request: EndpointRequest,
    callOptions: CallOptions,
    accept: (status: number, body: unknown) => boolean = (status) => status >= 200 && status < 300,
    document?: (response: Response, text: string) => unknown,
  ): Promise<unknown> {
    const url = resolveApiUrl(base, request.path, request.query);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (apiKey !== undefined) headers['X-API-Key'] = apiKey;
    if (callOptions.requestId !== undefined) headers['X-Request-ID'] = callOptions.requestId;

    const { response, text } = await sendWithRetry(
      {
        send: (signal) => send(url.href, { method: request.method, headers, body: request.body, signal }),
        read: (answer) => answer,
        signal: callOptions.signal,
      },
      clientPolicy(timeoutMs, (last) => unavailable(last, `${request.method} ${url.href}`)),
    );

    // A document route answers the document itself on success, and JSON errors like every route.
    if (document !== undefined && response.status >= 200 && response.status < 300)
      return document(response, text);
    const body = parseJson(text);
    if (!accept(response.status, body)) {
      throw errorFromResponse({
        method: request.method,
        url: url.href,
        status: response.status,
        headers: response.headers,
        body,
      });
    }
    if (body === undefined) {
      throw new AetherError(
        'UPSTREAM_FAILED',
        `${request.method} ${url.href} answered HTTP ${response.status} with a body that is not JSON`,
      );
    }
    return body;
  }

  /** UNAVAILABLE for a call that got no answer: it timed out, or the server could not be reached. */
  function unavailable(last: AttemptFailure, requested: string): AetherError {
    if (last.kind === 'timeout') {
      return new AetherError('UNAVAILABLE', `${requested} got no answer within ${last.limitMs} ms`);
    }
    const reason = last.kind === 'network' ? failureReason(last.error) : last.reason;
    return new AetherError('UNAVAILABLE', `cannot reach ${baseUrl}: ${redact(reason, apiKey)}`);
  }

  return {
    baseUrl,
    async call<Name extends CallableUseCaseName>(
      name: Name,
      input: HttpUseCaseInput<Name> = {} as HttpUseCaseInput<Name>,
      callOptions: CallOptions = {},
    ) {
      const fields = input as Readonly<Record<string, unknown>>;
      // A route that answers a document (a run's report) gives it back as the use case's object.
      const document = findUseCase(name)?.http?.document
        ? (response: Response, text: string) =>
            reportFromResponse(fields as { id: string }, response.headers, text)
        : undefined;
      return (await exchange(
        endpointRequest(name, fields),
        callOptions,
        undefined,
        document,
      )) as UseCaseOutput<Name>;
    },
    async health(callOptions: CallOptions = {}) {
      return (await exchange({ method: 'GET', path: '/healthz' }, callOptions)) as HealthStatus;
    },
    async ready(callOptions: CallOptions = {}) {
      const answered = await exchange(
        { method: 'GET', path: '/readyz' },
        callOptions,
        (status, body) => status === 200 || (status === 503 && isNotReady(body)),
      );
      return answered as Readiness;
    },
  };
}

/**
 * The client's retry policy: one attempt, never retried, within `timeoutMs` for the whole call, answer
 * included (a server may stall halfway through the body). Every answer comes back for the client to judge,
 * and a failure reaches the caller at once with what it needs to decide whether to ask again
 * (UNAVAILABLE, or RATE_LIMITED with `retryAfterSeconds`).
 */
function clientPolicy(
  timeoutMs: number,
  giveUp: (last: AttemptFailure) => AetherError,
): RetryPolicy<HttpAnswer<Response>> {
  return { attempts: 1, deadlineMs: timeoutMs, backoffMs: 0, retriesStatus: () => false, giveUp };
}

/** A key must be a valid header value; checked here so no fetch error can quote it back. */
function checkApiKey(apiKey: string | undefined): string | undefined {
  if (apiKey === undefined || apiKey === '') return undefined;
  if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    throw AetherError.invalid([{ field: 'api_key', rule: 'must be printable ASCII without spaces' }]);
  }
  return apiKey;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isNotReady(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'not_ready';
}

/**
 * Why fetch failed: Node's fetch says only "fetch failed" and keeps the reason (ECONNREFUSED …) in `cause`.
 * Read by shape, not `instanceof`: the error may come from another realm (a test sandbox, an iframe).
 */
function failureReason(error: unknown): string {
  const { message, cause } = (typeof error === 'object' && error !== null ? error : {}) as {
    message?: unknown;
    cause?: { message?: unknown; code?: unknown };
  };
  for (const text of [cause?.message, cause?.code, message]) {
    if (typeof text === 'string' && text !== '') return text;
  }
  return String(error);
}

function redact(text: string, secret: string | undefined): string {
  return secret === undefined ? text : text.split(secret).join('***');
}
