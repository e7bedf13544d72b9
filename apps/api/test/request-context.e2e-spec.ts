import request from 'supertest';
import { ADMIN_KEY, startTestApi, type TestApi, TRADER_KEY } from './support/test-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request context: ids, timing, logs', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ env: { AETHERQ_DATABASE_URL: 'sqlite::memory:' } });
  });
  afterAll(() => api.close());

  it('echoes a well-formed X-Request-ID', async () => {
    const id = 'client.Req-01_ok';
    const response = await request(api.url)
      .get('/api/keycheck')
      .set('X-API-Key', TRADER_KEY)
      .set('X-Request-ID', id);
    expect(response.headers['x-request-id']).toBe(id);
    const longest = 'a'.repeat(128);
    const echoed = await request(api.url).get('/healthz').set('X-Request-ID', longest);
    expect(echoed.headers['x-request-id']).toBe(longest);
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'has spaces'],
    ['with a newline-like payload', 'id;rm -rf'],
    ['with unicode', 'idé'],
  ])('replaces an id %s with a new one', async (_case, id) => {
    const response = await request(api.url).get('/healthz').set('X-Request-ID', id);
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('generates an id when none is sent, on errors too, and it matches the error body', async () => {
    const ok = await request(api.url).get('/healthz');
    expect(ok.headers['x-request-id']).toMatch(UUID);
    const failed = await request(api.url).get('/api/keycheck').expect(401);
    expect(failed.headers['x-request-id']).toMatch(UUID);
    expect(failed.body.requestId).toBe(failed.headers['x-request-id']);
    const unknown = await request(api.url).get('/api/nothing-here').expect(404);
    expect(unknown.body.requestId).toBe(unknown.headers['x-request-id']);
  });

  it('stamps X-Process-Time-Ms on every response', async () => {
    for (const response of [
      await request(api.url).get('/healthz'),
      await request(api.url).get('/api/keycheck'),
      await request(api.url)
        .post('/api/backtest')
        .set('X-API-Key', TRADER_KEY)
        .send({ symbol: 'SPY', period: '1y' }),
    ]) {
      const ms = Number(response.headers['x-process-time-ms']);
      expect(Number.isFinite(ms)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(0);
    }
  });

  it('logs one structured line per request with its id, and never a key', async () => {
    await request(api.url).get('/api/keycheck').set('X-API-Key', ADMIN_KEY).set('X-Request-ID', 'logged-1');
    await request(api.url)
      .get('/api/runs?api_key=leaked-in-query')
      .set('Authorization', `Bearer ${TRADER_KEY}`);
    const line = api.logs.find((entry) => entry['request_id'] === 'logged-1');
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      path: '/api/keycheck',
      status: 200,
      role: 'admin',
      ip: '127.0.0.1',
    });
    expect(typeof line?.['duration_ms']).toBe('number');
    const text = api.logText();
    expect(text).not.toContain(ADMIN_KEY);
    expect(text).not.toContain(TRADER_KEY);
    expect(text).not.toContain('leaked-in-query');
    expect(text).toContain('api_key=***');
  });

  it('sets security headers and no framework banner', async () => {
    const response = await request(api.url).get('/healthz');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('CORS', () => {
  it('allows the configured origins only', async () => {
    const api = await startTestApi({ env: { AETHERQ_CORS_ORIGINS: 'https://app.example.com' } });
    try {
      const allowed = await request(api.url)
        .options('/api/backtest')
        .set('Origin', 'https://app.example.com')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'x-api-key,content-type');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
      expect(allowed.headers['access-control-allow-headers']).toMatch(/X-API-Key/i);
      const refused = await request(api.url).get('/healthz').set('Origin', 'https://evil.example.com');
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await api.close();
    }
  });

  it('sends no CORS headers when no origin is configured', async () => {
    const api = await startTestApi();
    try {
      const response = await request(api.url).get('/healthz').set('Origin', 'https://app.example.com');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await api.close();
    }
  });
});
