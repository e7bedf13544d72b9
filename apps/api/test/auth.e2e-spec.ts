import request from 'supertest';
import { parseSettings } from '@aetherquant/core';
import { createApiApp } from '../src';
import {
  ADMIN_KEY,
  auditRowOf as auditRowOfApi,
  startedApi,
  startTestApi,
  testDatabases,
  TRADER_KEY,
} from './support/test-api';

describe.each(testDatabases())('API keys and roles ($name)', (database) => {
  const api = startedApi(database);

  const auditRowOf = (requestId: string) => auditRowOfApi(api(), requestId);

  it('401 without a key, saying how to send one, and audits it', async () => {
    const response = await request(api().url)
      .get('/api/keycheck')
      .set('X-Request-ID', 'no-key-1')
      .expect(401);
    expect(response.body).toEqual({
      error: {
        code: 'UNAUTHORIZED',
        message: 'missing API key: send it as X-API-Key: <key> or Authorization: Bearer <key>',
        details: [],
      },
      requestId: 'no-key-1',
    });
    expect(await auditRowOf('no-key-1')).toMatchObject({
      method: 'GET',
      path: '/api/keycheck',
      status_code: 401,
      actor_role: null,
      client_ip: '127.0.0.1',
    });
  });

  it('401 with a wrong key in either header, never echoing it', async () => {
    const wrong = 'wrong-key-that-must-not-leak';
    const viaHeader = await request(api().url)
      .post('/api/backtest')
      .set('X-API-Key', wrong)
      .set('X-Request-ID', 'wrong-1')
      .send({})
      .expect(401);
    const viaBearer = await request(api().url)
      .get('/api/keycheck')
      .set('Authorization', `Bearer ${wrong}`)
      .set('X-Request-ID', 'wrong-2')
      .expect(401);
    for (const response of [viaHeader, viaBearer]) {
      expect(response.body.error).toEqual({ code: 'UNAUTHORIZED', message: 'invalid API key', details: [] });
      expect(response.text).not.toContain(wrong);
    }
    expect(await auditRowOf('wrong-1')).toMatchObject({
      path: '/api/backtest',
      status_code: 401,
      actor_role: null,
    });
    expect(await auditRowOf('wrong-2')).toMatchObject({ status_code: 401 });
    expect(api().logText()).not.toContain(wrong);
  });

  it('accepts a key in X-API-Key or as a Bearer token, trimmed of whitespace and quotes', async () => {
    for (const [header, value] of [
      ['X-API-Key', TRADER_KEY],
      ['Authorization', `Bearer ${TRADER_KEY}`],
      ['X-API-Key', `  "${TRADER_KEY}"  `],
      ['Authorization', `Bearer '${ADMIN_KEY}'`],
    ] as const) {
      const response = await request(api().url).get('/api/keycheck').set(header, value).expect(200);
      expect(response.body.status).toBe('ok');
    }
  });

  it('403 for a trader on runs and audit, audited with the trader role', async () => {
    for (const [path, id] of [
      ['/api/runs', 'trader-runs'],
      ['/api/runs/0190b7c2-0000-7000-8000-000000000000', 'trader-run'],
      ['/api/audit', 'trader-audit'],
    ] as const) {
      const response = await request(api().url)
        .get(path)
        .set('X-API-Key', TRADER_KEY)
        .set('X-Request-ID', id)
        .expect(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
      expect(response.body.error.message).toMatch(
        /^the trader role does not hold the (runs|audit) permission$/,
      );
      expect(await auditRowOf(id)).toMatchObject({ path, status_code: 403, actor_role: 'trader' });
    }
  });

  it('lets an admin do what a trader can', async () => {
    await request(api().url)
      .post('/api/backtest')
      .set('X-API-Key', ADMIN_KEY)
      .set('X-Request-ID', 'admin-backtest')
      .send({ symbol: 'SPY', period: '1y' })
      .expect(200);
    expect(await auditRowOf('admin-backtest')).toMatchObject({ status_code: 200, actor_role: 'admin' });
  });

  it('needs no key for the probes and the docs', async () => {
    await request(api().url).get('/healthz').expect(200);
    await request(api().url).get('/readyz').expect(200);
    await request(api().url).get('/api/openapi.json').expect(200);
  });
});

describe('open mode (no key configured)', () => {
  it('treats every caller as admin and warns loudly at start-up', async () => {
    const api = await startTestApi({ env: { AETHERQ_API_KEY: undefined, AETHERQ_ADMIN_API_KEY: undefined } });
    try {
      expect((await request(api.url).get('/api/keycheck').expect(200)).body).toEqual({
        status: 'ok',
        role: 'admin',
      });
      await request(api.url).get('/api/keycheck').set('X-API-Key', 'anything').expect(200);
      const warning = api.logs.find(
        (line) => line['level'] === 'warn' && String(line['msg']).includes('NO API KEY'),
      );
      expect(warning).toBeDefined();
    } finally {
      await api.close();
    }
  });

  it('refuses to serve an open API on a non-loopback address', async () => {
    const { settings } = parseSettings({ AETHERQ_HOST: '0.0.0.0', AETHERQ_DATABASE_URL: 'none' });
    await expect(createApiApp({ settings, logSink: () => undefined })).rejects.toThrow(
      'refusing to start: AETHERQ_HOST is 0.0.0.0, not loopback, and no API key is set',
    );
  });

  it('serves an open API on any address when AETHERQ_ALLOW_OPEN=true', async () => {
    const api = await startTestApi({
      env: {
        AETHERQ_API_KEY: undefined,
        AETHERQ_ADMIN_API_KEY: undefined,
        AETHERQ_HOST: '0.0.0.0',
        AETHERQ_ALLOW_OPEN: 'true',
      },
    });
    try {
      const port = new URL(api.url).port;
      await request(`http://127.0.0.1:${port}`).get('/api/keycheck').expect(200);
    } finally {
      await api.close();
    }
  });
});
