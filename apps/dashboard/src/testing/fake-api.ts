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
    return response(answer);
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

function response({ status = 200, body, headers = {} }: FakeAnswer): Response {
  const lower = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: (name: string) => lower[name.toLowerCase()] ?? null },
    text: async () => (body === undefined ? '' : JSON.stringify(body)),
  } as unknown as Response;
}
