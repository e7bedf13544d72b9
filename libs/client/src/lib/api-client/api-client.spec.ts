import { AetherError, apiErrorBody, reportHeaders, type RunReport } from '@aetherquant/core';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { closedPort } from '@aetherquant/testing';
import { createApiClient } from './api-client';

// A recognisable key: no message, whatever fails, may contain it.
const API_KEY = 'aq_test_key_5ecr3t';

interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server on loopback that records each request and answers with `answer`. */
class LoopbackApi {
  readonly received: ReceivedRequest[] = [];
  answer: (response: ServerResponse, request: ReceivedRequest) => void = (response) =>
    json(response, 200, {});
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.received.push(received);
      this.answer(response, received);
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  get last(): ReceivedRequest {
    const last = this.received.at(-1);
    if (last === undefined) throw new Error('no request was received');
    return last;
  }
}

function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'X-Request-ID': 'srv-1', ...headers });
  response.end(JSON.stringify(body));
}

async function failure(promise: Promise<unknown>): Promise<AetherError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AetherError) {
      // Whatever failed, the key stays out of what a person or a log sees.
      expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(API_KEY);
      return error;
    }
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('createApiClient against a loopback server', () => {
  const api = new LoopbackApi();
  let origin: string;

  beforeAll(async () => {
    origin = await api.start();
  });
  afterAll(() => api.stop());

  it('POSTs a body endpoint as JSON under the base path, with the key and request id', async () => {
    const report = { symbol: 'SPY', sharpe: 0.8 };
    api.answer = (response) => json(response, 200, report);
    const client = createApiClient({ baseUrl: `${origin}/aq`, apiKey: API_KEY });

    const answer = await client.call(
      'backtest',
      {
        symbol: 'SPY',
        strategy: 'ma-cross',
        params: { fast: 5, slow: 20 },
        long_only: true,
        benchmark: 'QQQ',
        seed: undefined,
      },
      { requestId: 'cli-42' },
    );

    expect(answer).toEqual(report);
    expect(api.last.method).toBe('POST');
    expect(api.last.url).toBe('/aq/api/backtest');
    expect(api.last.headers['accept']).toBe('application/json');
    expect(api.last.headers['content-type']).toBe('application/json');
    expect(api.last.headers['x-api-key']).toBe(API_KEY);
    expect(api.last.headers['x-request-id']).toBe('cli-42');
    expect(JSON.parse(api.last.body)).toEqual({
      symbol: 'SPY',
      strategy: 'ma-cross',
      params: { fast: 5, slow: 20 },
      long_only: true,
      benchmark: 'QQQ',
    });
  });

  it('sends a query endpoint as a query string, without a body, key or request id when none is set', async () => {
    api.answer = (response) => json(response, 200, { runs: [] });
    const client = createApiClient({ baseUrl: `${origin}/` });

    await expect(
      client.call('runs', { limit: 5, type: undefined, symbol: 'BRK.B', before: 'a&b' }),
    ).resolves.toEqual({ runs: [] });

    expect(api.last.method).toBe('GET');
    expect(api.last.url).toBe('/api/runs?limit=5&symbol=BRK.B&before=a%26b');
    expect(api.last.body).toBe('');
    expect(api.last.headers['content-type']).toBeUndefined();
    expect(api.last.headers['x-api-key']).toBeUndefined();
    expect(api.last.headers['x-request-id']).toBeUndefined();
  });

  it('fills path parameters from the input and keeps them out of the query', async () => {
    api.answer = (response) => json(response, 200, { id: 'run 1' });
    const client = createApiClient({ baseUrl: origin });

    await client.call('run', { id: 'run 1' });
    expect(api.last.url).toBe('/api/runs/run%201');

    // Untyped callers can omit the path parameter: the client refuses before sending.
    const missing = await failure(client.call('run', {} as { id: string }));
    expect(missing.code).toBe('INVALID_ARGUMENT');
    expect(missing.details?.violations).toEqual([{ field: 'id', rule: 'is required' }]);
  });

  it('refuses a name that is not an endpoint without sending anything', async () => {
    const before = api.received.length;
    const client = createApiClient({ baseUrl: origin });
    const error = await failure(client.call('toString' as 'runs'));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(
      /^toString is not an API endpoint answered with JSON \(one of bars, strategies, keycheck, /,
    );
    expect(api.received.length).toBe(before);
    // An event stream is followed with an event reader: `call` refuses it too, and names no stream.
    const stream = await failure(client.call('jobEvents' as 'job', { id: `job-${'0'.repeat(32)}` }));
    expect(stream.message).toMatch(/^jobEvents is not an API endpoint answered with JSON/);
    expect(stream.message).not.toContain('jobEvents,');
    expect(api.received.length).toBe(before);
  });

  it('reads health, and readiness whether ready or not', async () => {
    const client = createApiClient({ baseUrl: origin });
    api.answer = (response) => json(response, 200, { status: 'ok', version: '0.1.0' });
    await expect(client.health()).resolves.toEqual({ status: 'ok', version: '0.1.0' });
    expect(api.last.url).toBe('/healthz');

    api.answer = (response) => json(response, 200, { status: 'ready' });
    await expect(client.ready()).resolves.toEqual({ status: 'ready' });
    expect(api.last.url).toBe('/readyz');

    api.answer = (response) => json(response, 503, { status: 'not_ready', reason: 'database unreachable' });
    await expect(client.ready()).resolves.toEqual({ status: 'not_ready', reason: 'database unreachable' });

    // A 503 from a proxy, not from the server, says nothing about readiness: it fails.
    api.answer = (response) => response.writeHead(503).end('<html>maintenance</html>');
    expect((await failure(client.ready())).code).toBe('UNAVAILABLE');
  });

  it('rebuilds the AetherError of an API error body, with the request id', async () => {
    const body = apiErrorBody(
      AetherError.invalid([{ field: 'fast', rule: 'must be less than slow' }], 'backtest request'),
      'srv-7',
    );
    api.answer = (response) => json(response, 400, body);
    const client = createApiClient({ baseUrl: origin, apiKey: API_KEY });

    const error = await failure(client.call('backtest', { symbol: 'SPY', fast: 50, slow: 20 } as never));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe('backtest request: fast must be less than slow');
    expect(error.details).toEqual({
      violations: [{ field: 'fast', rule: 'must be less than slow' }],
      requestId: 'srv-7',
    });
  });

  it('keeps Retry-After of a 429 as retryAfterSeconds', async () => {
    api.answer = (response) =>
      json(response, 429, apiErrorBody(new AetherError('RATE_LIMITED', 'too many requests'), 'srv-8'), {
        'Retry-After': '30',
      });
    const client = createApiClient({ baseUrl: origin, apiKey: API_KEY });

    const error = await failure(client.call('keycheck'));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.details).toEqual({ requestId: 'srv-8', retryAfterSeconds: 30 });
  });

  it.each([
    [400, 'INVALID_ARGUMENT'],
    [401, 'UNAUTHORIZED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [422, 'INFEASIBLE'],
    [429, 'RATE_LIMITED'],
    [500, 'UPSTREAM_FAILED'],
    [502, 'UPSTREAM_FAILED'],
    [503, 'UNAVAILABLE'],
  ])('maps a bare %i to %s, naming the method, URL and status', async (status, code) => {
    api.answer = (response) => response.writeHead(status, { 'Content-Type': 'text/html' }).end('<h1>no</h1>');
    const client = createApiClient({ baseUrl: `${origin}/aq/`, apiKey: API_KEY });

    const error = await failure(client.call('runs', { limit: 2 }));
    expect(error.code).toBe(code);
    expect(error.message).toBe(`GET ${origin}/aq/api/runs?limit=2 failed with HTTP ${status}`);
  });

  it("gives back a document route's answer (a run report) as the use case's object, and its errors as errors", async () => {
    const sent: RunReport = {
      run_id: 'run-1',
      format: 'csv',
      table: 'trades',
      media_type: 'text/csv; charset=utf-8',
      filename: 'report-run-1-trades.csv',
      content: 'symbol,side\nSPY,long\n',
      warnings: ['The rerun differs — data changed → see'],
    };
    api.answer = (response) => {
      response.writeHead(200, reportHeaders(sent));
      response.end(sent.content);
    };
    const client = createApiClient({ baseUrl: origin, apiKey: API_KEY });
    expect(await client.call('runReport', { id: 'run-1', format: 'csv', table: 'trades' })).toEqual(sent);
    expect(api.last.url).toBe('/api/runs/run-1/report?format=csv&table=trades');
    api.answer = (response) =>
      json(
        response,
        400,
        apiErrorBody(AetherError.invalid([{ field: 'table', rule: 'is required with format csv' }]), 'r-2'),
      );
    await expect(client.call('runReport', { id: 'run-1', format: 'csv' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('fails a 2xx that is not JSON as UPSTREAM_FAILED', async () => {
    api.answer = (response) =>
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>login</html>');
    const client = createApiClient({ baseUrl: origin, apiKey: API_KEY });

    const error = await failure(client.call('strategies'));
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.message).toBe(`GET ${origin}/api/strategies answered HTTP 200 with a body that is not JSON`);
  });

  it('fails as UNAVAILABLE naming the timeout when the server does not answer in time', async () => {
    api.answer = () => undefined; // never answers
    const client = createApiClient({ baseUrl: origin, apiKey: API_KEY, timeoutMs: 100 });

    const error = await failure(client.call('keycheck'));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe(`GET ${origin}/api/keycheck got no answer within 100 ms`);
  });

  it("rejects with the caller's reason when the caller cancels", async () => {
    api.answer = () => undefined;
    const client = createApiClient({ baseUrl: origin });
    const controller = new AbortController();
    const call = client.call('keycheck', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 20);
    await expect(call).rejects.toThrow('user cancelled');
  });
});

describe('createApiClient without a server', () => {
  it('fails as UNAVAILABLE naming the base URL and the reason when nothing listens', async () => {
    const port = await closedPort();
    const client = createApiClient({ baseUrl: `http://127.0.0.1:${port}/aq/`, apiKey: API_KEY });

    const error = await failure(client.call('backtest', { symbol: 'SPY' }));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe(
      `cannot reach http://127.0.0.1:${port}/aq: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });

  it('refuses a base URL it cannot use, naming api_url', () => {
    expect(() => createApiClient({ baseUrl: 'ftp://host.example' })).toThrow(
      new AetherError('INVALID_ARGUMENT', 'api_url must be an http:// or https:// URL'),
    );
  });

  it('refuses a key that cannot travel in a header, without quoting it', () => {
    expect(() => createApiClient({ baseUrl: 'http://127.0.0.1:1', apiKey: `${API_KEY}\n` })).toThrow(
      new AetherError('INVALID_ARGUMENT', 'api_key must be printable ASCII without spaces'),
    );
  });

  it('refuses a timeout that is not a positive number', () => {
    expect(() => createApiClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 0 })).toThrow(
      new AetherError('INVALID_ARGUMENT', 'timeout_ms must be a number greater than 0'),
    );
  });

  it('uses the fetch it is given', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const fetchStub: typeof fetch = async (input, init) => {
      calls.push([String(input), init]);
      return new Response('{"status":"ok","version":"9"}', { status: 200 });
    };
    const client = createApiClient({ baseUrl: 'https://quant.example/aq', fetch: fetchStub });
    await expect(client.health()).resolves.toEqual({ status: 'ok', version: '9' });
    expect(calls.map(([url, init]) => [url, init?.method])).toEqual([
      ['https://quant.example/aq/healthz', 'GET'],
    ]);
  });
});
