import { connect } from 'node:net';
import request from 'supertest';
import { ERROR_SHAPE, startTestApi, type TestApi, TRADER_KEY } from './support/test-api';

// Cases a reviewer found by attacking the hardened API; each stays here so it cannot come back.

describe('what a red-team review of the API found', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { AETHERQ_RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => api.close());

  it('never serves a dashboard file under /api: such paths are routes, limited and answered in the error shape', async () => {
    // The dashboard's own page is served at / (the build ships it) ...
    await request(api.url).get('/').expect(200);
    // ... but never through an API path, which answered 200 without a key and past the rate limit.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await request(api.url).get(`/api/x${i}/..%2f..%2findex.html`);
      statuses.push(response.status);
      expect(response.body).toEqual(ERROR_SHAPE);
    }
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });
});

describe('bodies and values that broke the API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { AETHERQ_RATE_LIMIT_PER_MINUTE: '100000' } });
  });
  afterAll(() => api.close());

  it('answers 413 from the declared length, without waiting for (or reading) the body', async () => {
    const { port, hostname } = new URL(api.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        // Only the head and one byte of a declared 200,000-byte body are ever sent.
        socket.write(
          `POST /api/backtest HTTP/1.1\r\nHost: x\r\nX-API-Key: ${TRADER_KEY}\r\n` +
            'Content-Type: application/json\r\nContent-Length: 200000\r\n\r\n{',
        );
      });
      let text = '';
      socket.on('data', (chunk) => (text += String(chunk)));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/connection: close/i);
    expect(answer).toContain('"field":"body","rule":"must be at most 100 KB (got 200000 bytes)"');
  });

  it('refuses a value nested 8,000 deep with a 400, not a stack overflow', async () => {
    const body = `{"symbols":${'['.repeat(8_000)}${']'.repeat(8_000)}}`;
    const response = await request(api.url)
      .post('/api/backtest')
      .set('X-API-Key', TRADER_KEY)
      .set('Content-Type', 'application/json')
      .send(body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(ERROR_SHAPE);
  });

  it('refuses a risk aversion too small to solve with a 400 naming the field', async () => {
    const response = await request(api.url)
      .post('/api/optimize')
      .set('X-API-Key', TRADER_KEY)
      .send({ symbols: ['A', 'B', 'C'], period: '1y', method: 'mean-variance', risk_aversion: 5e-324 });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      { field: 'risk_aversion', rule: expect.stringMatching(/^must be at least/) },
    ]);
  });

  it('parses every JSON media type it accepts (application/vnd.api+json)', async () => {
    const response = await request(api.url)
      .post('/api/backtest')
      .set('X-API-Key', TRADER_KEY)
      .set('Content-Type', 'application/vnd.api+json')
      .send(JSON.stringify({ symbol: 'SPY', period: '1y' }));
    expect(response.status).toBe(200);
    expect(response.body.symbol).toBe('SPY');
  });
});
