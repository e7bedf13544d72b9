import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { eventually, startTestApi, type TestApi, TRADER_KEY } from './support/test-api';

// A sweep of about 12,000 backtests over ten years of daily bars: seconds of compute on these machines.
const HEAVY_SWEEP = { symbol: 'SPY', period: '10y', grid: { fast: '2:100:1', slow: '20:260:2' } };

/** Posts `body` with a raw client, so the test can drop the connection mid-request. */
function rawPost(api: TestApi, path: string, body: unknown) {
  const text = JSON.stringify(body);
  const client = httpRequest(`${api.url}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-API-Key': TRADER_KEY,
      'Content-Length': Buffer.byteLength(text),
    },
  });
  client.on('error', () => undefined);
  client.end(text);
  return client;
}

describe('compute runs off the event loop', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      env: { AETHERQ_COMPUTE_THREADS: '1', AETHERQ_RATE_LIMIT_PER_MINUTE: '100000' },
    });
  });
  afterAll(() => api.close());

  it('answers /healthz again and again while a heavy sweep computes', async () => {
    let sweepDone = false;
    const sweep = request(api.url)
      .post('/api/sweep')
      .set('X-API-Key', TRADER_KEY)
      .send(HEAVY_SWEEP)
      .then((response) => {
        sweepDone = true;
        return response;
      });
    // Order, not timing: probes answered before the sweep's own answer could not be, were the event loop
    // computing the sweep.
    await eventually('the sweep to be computing', async () => api.server.runtime.compute.status().tasks > 0);
    let answeredDuring = 0;
    while (!sweepDone && answeredDuring < 5) {
      const probe = await request(api.url).get('/healthz');
      expect(probe.status).toBe(200);
      if (!sweepDone) answeredDuring++;
    }
    const response = await sweep;
    expect(response.status).toBe(200);
    expect(response.body.combinations).toBeGreaterThan(10_000);
    expect(answeredDuring).toBe(5);
  });

  it('stops computing when the client goes away: the thread is replaced, and the next request is served', async () => {
    const before = api.server.runtime.compute.threadIds();
    const client = rawPost(api, '/api/sweep', HEAVY_SWEEP);
    await eventually('the sweep to be computing', async () => api.server.runtime.compute.status().tasks > 0);
    client.destroy();
    const stopped = await eventually('the computation to stop', async () =>
      api.logs.find((line) => line['msg'] === 'computation stopped'),
    );
    expect(stopped).toMatchObject({ use_case: 'sweep', reason: 'the client disconnected' });
    expect(api.server.runtime.compute.status()).toMatchObject({ tasks: 0, queued: 0 });
    // The thread that ran it was terminated (with the sweep's own threads), and a fresh one took its place.
    await eventually('a fresh compute thread', async () => {
      const now = api.server.runtime.compute.threadIds();
      return now.length === 1 && !before.includes(now[0] as number);
    });
    const next = await request(api.url)
      .post('/api/backtest')
      .set('X-API-Key', TRADER_KEY)
      .send({ symbol: 'SPY', period: '1y' });
    expect(next.status).toBe(200);
  });
});

describe('the per-request compute deadline', () => {
  it('answers 503 naming the limit, and frees the thread', async () => {
    const api = await startTestApi({
      env: { AETHERQ_COMPUTE_THREADS: '1', AETHERQ_COMPUTE_TIMEOUT_MS: '1000' },
    });
    try {
      const before = api.server.runtime.compute.threadIds();
      const response = await request(api.url)
        .post('/api/sweep')
        .set('X-API-Key', TRADER_KEY)
        // Far more than a second of work: ~19,000 backtests over 30 years of daily bars.
        .send({ symbol: 'SPY', period: '30y', grid: { fast: '2:160:1', slow: '20:260:2' } });
      expect(response.status).toBe(503);
      expect(response.body.error).toMatchObject({
        code: 'UNAVAILABLE',
        message: expect.stringContaining('limit of 1 s per request (AETHERQ_COMPUTE_TIMEOUT_MS)'),
      });
      expect(api.server.runtime.compute.status()).toMatchObject({ tasks: 0, queued: 0 });
      expect(api.logs).toContainEqual(
        expect.objectContaining({ msg: 'computation stopped', use_case: 'sweep' }),
      );
      // The overrunning thread was terminated and replaced.
      await eventually('a fresh compute thread', async () => {
        const now = api.server.runtime.compute.threadIds();
        return now.length === 1 && !before.includes(now[0] as number);
      });
    } finally {
      await api.close();
    }
  });
});
