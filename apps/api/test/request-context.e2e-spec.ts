import { request as httpRequest } from 'node:http';
import request from 'supertest';
import {
  ADMIN_KEY,
  auditRowOf,
  auditRowsOf,
  startedApi,
  startTestApi,
  testDatabases,
  TRADER_KEY,
} from './support/test-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each(testDatabases())('request context: ids, timing, logs ($name)', (database) => {
  const api = startedApi(database);

  it('echoes a well-formed X-Request-ID', async () => {
    const id = 'client.Req-01_ok';
    const response = await request(api().url)
      .get('/api/keycheck')
      .set('X-API-Key', TRADER_KEY)
      .set('X-Request-ID', id);
    expect(response.headers['x-request-id']).toBe(id);
    const longest = 'a'.repeat(128);
    const echoed = await request(api().url).get('/healthz').set('X-Request-ID', longest);
    expect(echoed.headers['x-request-id']).toBe(longest);
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'has spaces'],
    ['with a newline-like payload', 'id;rm -rf'],
    ['with unicode', 'idé'],
  ])('replaces an id %s with a new one', async (_case, id) => {
    const response = await request(api().url).get('/healthz').set('X-Request-ID', id);
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('generates an id when none is sent, on errors too, and it matches the error body', async () => {
    const ok = await request(api().url).get('/healthz');
    expect(ok.headers['x-request-id']).toMatch(UUID);
    const failed = await request(api().url).get('/api/keycheck').expect(401);
    expect(failed.headers['x-request-id']).toMatch(UUID);
    expect(failed.body.requestId).toBe(failed.headers['x-request-id']);
    const unknown = await request(api().url).get('/api/nothing-here').expect(404);
    expect(unknown.body.requestId).toBe(unknown.headers['x-request-id']);
  });

  it('audits under the echoed id, and under the generated one', async () => {
    await request(api().url)
      .get('/api/keycheck')
      .set('X-API-Key', TRADER_KEY)
      .set('X-Request-ID', 'echoed.id-1');
    expect(await auditRowOf(api(), 'echoed.id-1')).toMatchObject({ path: '/api/keycheck', status_code: 200 });
    const generated = await request(api().url).get('/api/keycheck').set('X-Request-ID', 'not ok');
    const id = generated.headers['x-request-id'] as string;
    expect(id).toMatch(UUID);
    expect(await auditRowOf(api(), id)).toMatchObject({ status_code: 401, actor_role: null });
    const longest = 'b'.repeat(128);
    await request(api().url).get('/api/keycheck').set('X-API-Key', TRADER_KEY).set('X-Request-ID', longest);
    expect((await auditRowOf(api(), longest)).request_id).toBe(longest);
  });

  it('audits /api paths in any case, and methods the store has no room for, without losing others', async () => {
    const ids = ['upper-1', 'odd-method', 'beside-1', 'beside-2'];
    await Promise.all([
      request(api().url).get('/API/keycheck').set('X-API-Key', TRADER_KEY).set('X-Request-ID', 'upper-1'),
      request(api().url).get('/api/keycheck').set('X-API-Key', TRADER_KEY).set('X-Request-ID', 'beside-1'),
      new Promise<void>((resolve) => {
        // UNSUBSCRIBE: 11 letters, one more than the audit log's column holds.
        const url = new URL('/api/x', api().url);
        const options = { host: url.hostname, port: url.port, path: url.pathname, method: 'UNSUBSCRIBE' };
        httpRequest({ ...options, headers: { 'X-Request-ID': 'odd-method' } }, (response) => {
          response.resume().on('end', () => resolve());
        }).end();
      }),
      request(api().url).get('/api/keycheck').set('X-API-Key', TRADER_KEY).set('X-Request-ID', 'beside-2'),
    ]);
    const rows = await auditRowsOf(api(), ids);
    expect(rows.get('upper-1')).toMatchObject({ path: '/API/keycheck', status_code: 200 });
    // Clipped to the column with a marker, never refused.
    expect(rows.get('odd-method')).toMatchObject({ method: 'UNSUBSCRI…', path: '/api/x', status_code: 404 });
    expect(rows.get('beside-1')?.status_code).toBe(200);
    expect(rows.get('beside-2')?.status_code).toBe(200);
  });

  it('stamps X-Process-Time-Ms on every response', async () => {
    for (const response of [
      await request(api().url).get('/healthz'),
      await request(api().url).get('/api/keycheck'),
      await request(api().url)
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
    await request(api().url).get('/api/keycheck').set('X-API-Key', ADMIN_KEY).set('X-Request-ID', 'logged-1');
    await request(api().url)
      .get('/api/runs?api_key=leaked-in-query')
      .set('Authorization', `Bearer ${TRADER_KEY}`);
    const line = api().logs.find((entry) => entry['request_id'] === 'logged-1');
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
    const text = api().logText();
    expect(text).not.toContain(ADMIN_KEY);
    expect(text).not.toContain(TRADER_KEY);
    expect(text).not.toContain('leaked-in-query');
    expect(text).toContain('api_key=***');
  });

  it('sets security headers and no framework banner', async () => {
    const response = await request(api().url).get('/healthz');
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
