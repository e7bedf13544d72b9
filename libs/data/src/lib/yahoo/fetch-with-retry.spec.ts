import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { AetherError } from '@aetherquant/core';
import {
  type FakeYahooServer,
  loadYahooFixture,
  startFakeYahooServer,
} from '../../testing/fake-yahoo-server';
import { fetchWithRetry, type FetchWithRetryOptions } from './fetch-with-retry';

// Tiny waits keep the suite fast; what is asserted is how many requests the server saw, never how long.
const OPTIONS: FetchWithRetryOptions = {
  timeoutMs: 2_000,
  retries: 3,
  backoffMs: 1,
  service: 'Yahoo Finance',
};

async function failure(promise: Promise<unknown>): Promise<AetherError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AetherError);
    expect((error as AetherError).code).toBe('UPSTREAM_FAILED');
    return error as AetherError;
  }
  throw new Error('expected UPSTREAM_FAILED, but the request succeeded');
}

describe('fetchWithRetry', () => {
  let server: FakeYahooServer;
  let url: string;

  beforeAll(async () => {
    server = await startFakeYahooServer();
    server.serve('SPY', '1d', loadYahooFixture('spy-1d.json'));
    // The first three trading days of 2024 (Jan 2, 3 and 4).
    url = `${server.origin}/v8/finance/chart/SPY?period1=1704153600&period2=1704412800&interval=1d`;
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  it('retries 503 twice, then returns the answer of the third request', async () => {
    server.failNext({ status: 503 }, { status: 503 });
    const response = await fetchWithRetry(url, undefined, OPTIONS);
    expect(server.requests).toHaveLength(3);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { chart: { result: { timestamp: number[] }[] } };
    expect(body.chart.result[0]?.timestamp).toHaveLength(3);
  });

  it('retries 429 (too many requests) once it passes', async () => {
    server.failNext({ status: 429 });
    const response = await fetchWithRetry(url, undefined, OPTIONS);
    expect(server.requests).toHaveLength(2);
    expect(response.status).toBe(200);
  });

  it('never retries another 4xx: a 404 comes back after one request, body intact', async () => {
    server.failNext({ status: 404 });
    const response = await fetchWithRetry(url, undefined, OPTIONS);
    expect(server.requests).toHaveLength(1);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      chart: {
        result: null,
        error: { code: 'Not Found', description: 'No data found, symbol may be delisted' },
      },
    });
  });

  it('retries a connection dropped without an answer', async () => {
    server.failNext('destroy');
    const response = await fetchWithRetry(url, undefined, OPTIONS);
    expect(server.requests).toHaveLength(2);
    expect(response.status).toBe(200);
  });

  it('gives up after retries + 1 answers of 503, naming the status', async () => {
    server.failNext(...Array.from({ length: 10 }, () => ({ status: 503 })));
    const error = await failure(fetchWithRetry(url, undefined, { ...OPTIONS, retries: 2 }));
    expect(server.requests).toHaveLength(3);
    expect(error.message).toBe('Yahoo Finance answered HTTP 503 (Service Unavailable) to each of 3 attempts');
    expect(error.details).toMatchObject({ status: 503, attempts: 3 });
  });

  it('times out an attempt that gets no answer, and says so after the last one', async () => {
    server.failNext('hang', 'hang');
    const error = await failure(fetchWithRetry(url, undefined, { ...OPTIONS, timeoutMs: 50, retries: 1 }));
    expect(server.requests).toHaveLength(2);
    expect(error.message).toBe(
      'Yahoo Finance could not be reached: timed out after 50 ms (gave up after 2 attempts)',
    );
  });

  it('reports a server that is not there as unreachable, after every attempt', async () => {
    // A port that was just free: open a server, note its port, close it.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts++;
      return fetch(input, init);
    };
    const error = await failure(
      fetchWithRetry(`http://127.0.0.1:${port}/v8/finance/chart/SPY`, undefined, {
        ...OPTIONS,
        fetch: counting,
      }),
    );
    expect(attempts).toBe(4);
    expect(error.message).toBe(
      'Yahoo Finance could not be reached: fetch failed (ECONNREFUSED) (gave up after 4 attempts)',
    );
  });

  it("does not retry when the caller's own signal aborts", async () => {
    const caller = new AbortController();
    caller.abort();
    await expect(fetchWithRetry(url, { signal: caller.signal }, OPTIONS)).rejects.not.toBeInstanceOf(
      AetherError,
    );
    expect(server.requests).toHaveLength(0);
  });
});
