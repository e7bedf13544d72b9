// A stand-in for the API at the fetch boundary: the real @aetherquant/client runs, only the network is fake.

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answers 200 with this Server-Sent Events stream as the body, read as the test writes to it. */
  stream?: FakeEventStream;
  /** A body that is not JSON (a report's page or CSV table), sent as it is. */
  text?: string;
}

/** Answers by `METHOD /path`; a function answer sees the request. An Error answer is a network failure. */
export type FakeRoutes = Record<
  string,
  FakeAnswer | Error | ((request: RecordedRequest) => FakeAnswer | Error)
>;

export function fakeApi(routes: FakeRoutes) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const headers = Object.fromEntries(
      Object.entries((init?.headers ?? {}) as Record<string, string>).map(([name, value]) => [
        name.toLowerCase(),
        value,
      ]),
    );
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    requests.push(request);
    const route = routes[`${request.method} ${request.path}`];
    const answer = typeof route === 'function' ? route(request) : route;
    if (answer === undefined)
      return response({
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: 'no route', details: [] } },
      });
    if (answer instanceof Error) throw answer;
    return response(answer, init?.signal ?? undefined);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** The API's error body (docs/API.md). */
export function apiError(
  status: number,
  code: string,
  message: string,
  details: { field: string; rule: string }[] = [],
): FakeAnswer {
  return { status, body: { error: { code, message, details }, requestId: 'req-1' } };
}

function response(
  { status = 200, body, headers = {}, stream, text }: FakeAnswer,
  signal?: AbortSignal,
): Response {
  const lower = Object.fromEntries(
    Object.entries({
      ...(stream ? { 'content-type': 'text/event-stream; charset=utf-8' } : {}),
      ...headers,
    }).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: (name: string) => lower[name.toLowerCase()] ?? null },
    text: async () => text ?? (body === undefined ? '' : JSON.stringify(body)),
    body: stream ? { getReader: () => stream.open(signal), cancel: async () => undefined } : null,
  } as unknown as Response;
}

type StreamPiece = { bytes: Uint8Array } | { end: true } | { failure: Error };

/**
 * A Server-Sent Events body the test writes to as the API would (`status` events, keep-alive comments, the
 * end, or a connection cut), read through the ReadableStream reader a browser's fetch gives. A read waits
 * for the next piece; aborting the request rejects it, as fetch does.
 */
export class FakeEventStream {
  /** Times the stream was requested. */
  opened = 0;
  #pieces: StreamPiece[] = [];
  #waiting: ((piece: StreamPiece) => void) | undefined;

  /** One event; `data` goes as JSON. */
  send(event: string, data: unknown): void {
    this.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Raw text, which may end anywhere (the next write completes it). */
  write(text: string): void {
    this.#push({ bytes: new TextEncoder().encode(text) });
  }

  end(): void {
    this.#push({ end: true });
  }

  /** The connection drops. */
  cut(): void {
    this.#push({ failure: new TypeError('network error') });
  }

  open(signal: AbortSignal | undefined) {
    this.opened += 1;
    return {
      read: (): Promise<ReadableStreamReadResult<Uint8Array>> =>
        new Promise((resolve, reject) => {
          const deliver = (piece: StreamPiece) => {
            if ('bytes' in piece) resolve({ done: false, value: piece.bytes });
            else if ('end' in piece) resolve({ done: true, value: undefined });
            else reject(piece.failure);
          };
          if (signal?.aborted) return reject(signal.reason);
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
          const next = this.#pieces.shift();
          if (next) deliver(next);
          else this.#waiting = deliver;
        }),
      cancel: async () => undefined,
      releaseLock: () => undefined,
    };
  }

  #push(piece: StreamPiece): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting) waiting(piece);
    else this.#pieces.push(piece);
  }
}
