import { AetherError, type ApiEndpointName } from '@aetherquant/core';
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
   * Calls the endpoint `name` of `API_ENDPOINTS` with `input`, fields in snake_case as the endpoint's request
   * schema names them, and resolves with the response body. Path parameters (`id` of `run`) are taken from
   * `input`; the server validates the rest.
   */
  call<T = unknown>(
    name: ApiEndpointName,
    input?: Readonly<Record<string, unknown>>,
    options?: CallOptions,
  ): Promise<T>;
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
  ): Promise<unknown> {
    const url = resolveApiUrl(base, request.path, request.query);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (apiKey !== undefined) headers['X-API-Key'] = apiKey;
    if (callOptions.requestId !== undefined) headers['X-Request-ID'] = callOptions.requestId;

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const cancel = () => controller.abort();
    callOptions.signal?.addEventListener('abort', cancel, { once: true });
    if (callOptions.signal?.aborted) controller.abort();
    let response: Response;
    let text: string;
    try {
      response = await send(url.href, {
        method: request.method,
        headers,
        body: request.body,
        signal: controller.signal,
      });
      // The timeout covers the body too: a server may stall halfway through it.
      text = await response.text();
    } catch (error) {
      if (callOptions.signal?.aborted) throw callOptions.signal.reason;
      if (controller.signal.aborted) {
        throw new AetherError(
          'UNAVAILABLE',
          `${request.method} ${url.href} got no answer within ${timeoutMs} ms`,
        );
      }
      throw new AetherError(
        'UNAVAILABLE',
        `cannot reach ${baseUrl}: ${redact(failureReason(error), apiKey)}`,
      );
    } finally {
      clearTimeout(timer);
      callOptions.signal?.removeEventListener('abort', cancel);
    }

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

  return {
    baseUrl,
    async call<T>(
      name: ApiEndpointName,
      input: Readonly<Record<string, unknown>> = {},
      callOptions: CallOptions = {},
    ) {
      return (await exchange(endpointRequest(name, input), callOptions)) as T;
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
