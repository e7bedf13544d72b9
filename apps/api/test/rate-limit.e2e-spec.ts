import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ADMIN_KEY, startTestApi, type TestApi, TRADER_KEY } from './support/test-api';

describe('rate limiting', () => {
  let api: TestApi;

  beforeAll(async () => {
    const databaseUrl = `sqlite:///${join(tmpdir(), `aetherquant-rate-${process.pid}-${Date.now()}.sqlite`)}`;
    api = await startTestApi({
      env: { AETHERQ_RATE_LIMIT_PER_MINUTE: '3', AETHERQ_DATABASE_URL: databaseUrl },
    });
  });
  afterAll(() => api.close());

  it('answers 429 with Retry-After and the JSON error body after the limit, and audits it', async () => {
    for (let n = 0; n < 3; n++) {
      const ok = await request(api.url).get('/api/keycheck').set('X-API-Key', TRADER_KEY).expect(200);
      expect(ok.headers['x-ratelimit-remaining']).toBe(String(2 - n));
    }
    const limited = await request(api.url)
      .get('/api/strategies') // another route: the budget is per caller, not per route
      .set('X-API-Key', TRADER_KEY)
      .set('X-Request-ID', 'over-the-limit')
      .expect(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: 'too many requests: at most 3 per minute per caller; retry after the time in Retry-After',
        details: [],
      },
      requestId: 'over-the-limit',
    });

    await api.server.runtime.audit?.flush();
    const events = (await request(api.url).get('/api/audit').set('X-API-Key', ADMIN_KEY).expect(200)).body
      .events;
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ request_id: 'over-the-limit', status_code: 429, actor_role: 'trader' }),
      ]),
    );
  });

  it('counts each key apart, and callers without a valid key by address', async () => {
    // The trader is over its budget; the admin (used once above) is not.
    await request(api.url).get('/api/keycheck').set('X-API-Key', TRADER_KEY).expect(429);
    await request(api.url).get('/api/keycheck').set('X-API-Key', ADMIN_KEY).expect(200);
    // Wrong keys share the address's budget, so guessing keys is throttled too.
    const statuses: number[] = [];
    for (let n = 0; n < 5; n++) {
      statuses.push((await request(api.url).get('/api/keycheck').set('X-API-Key', `guess-${n}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('counts unknown /api paths too, so floods of them are throttled', async () => {
    const api2 = await startTestApi({ env: { AETHERQ_RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const statuses: number[] = [];
      for (let n = 0; n < 4; n++)
        statuses.push((await request(api2.url).get(`/api/no-such-route-${n}`)).status);
      expect(statuses).toEqual([404, 404, 429, 429]);
      const body = (await request(api2.url).delete('/api/backtest')).body;
      expect(body.error.code).toBe('RATE_LIMITED');
    } finally {
      await api2.close();
    }
  });

  it('never limits the health probes', async () => {
    for (let n = 0; n < 10; n++) await request(api.url).get('/healthz').expect(200);
    for (let n = 0; n < 5; n++) await request(api.url).get('/readyz').expect(200);
  });
});
