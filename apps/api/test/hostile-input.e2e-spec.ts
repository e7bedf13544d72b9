import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { API_ROUTES } from '@aetherquant/core';
import {
  ADMIN_KEY,
  ERROR_SHAPE,
  startedApi,
  startTestApi,
  testDatabases,
  TRADER_KEY,
} from './support/test-api';

/** Every name a plain object inherits: `constructor`, `__proto__`, `toString`, `hasOwnProperty`, … */
const INHERITED_NAMES = Object.getOwnPropertyNames(Object.prototype);

/** Every GET route, with a path parameter filled in where it has one. */
const GET_PATHS = [
  ...API_ROUTES.filter((route) => route.method === 'GET').map((route) => route.path.replace(':id', '1')),
  '/healthz',
  '/readyz',
  '/api/openapi.json',
  '/api/docs',
];

describe.each(testDatabases().slice(0, 1))('inherited property names from clients ($name)', (database) => {
  // Every route times every name: far more calls than a minute's default budget of one key.
  const api = startedApi(database, { env: { AETHERQ_RATE_LIMIT_PER_MINUTE: '100000' } });

  it.each(INHERITED_NAMES)('GET /api/docs/%s is a 404, and the server keeps serving', async (name) => {
    const response = await request(api().url).get(`/api/docs/${encodeURIComponent(name)}`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual(ERROR_SHAPE);
    await request(api().url).get('/healthz').expect(200);
  });

  it('still serves the real docs files', async () => {
    const css = await request(api().url).get('/api/docs/swagger-ui.css').expect(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.text.length).toBeGreaterThan(1000);
  });

  it('GET /api/keycheck?constructor=1 names the unknown field', async () => {
    const response = await request(api().url)
      .get('/api/keycheck?constructor=1')
      .set('X-API-Key', TRADER_KEY)
      .expect(400);
    expect(response.body.error.details).toEqual([{ field: 'constructor', rule: 'is not a known field' }]);
  });

  it('answers every GET route with every inherited name as a query parameter without a 5xx', async () => {
    const failures: string[] = [];
    for (const path of GET_PATHS) {
      for (const name of INHERITED_NAMES) {
        const url = `${path}?${encodeURIComponent(name)}=1`;
        const response = await request(api().url).get(url).set('X-API-Key', ADMIN_KEY);
        if (response.status >= 500) failures.push(`${url} → ${response.status}`);
        else if (response.status >= 400 && !matchesErrorShape(response.body))
          failures.push(`${url} → bad body`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('takes inherited names as path parameters and JSON keys as unknown, never as members', async () => {
    for (const name of INHERITED_NAMES) {
      const run = await request(api().url)
        .get(`/api/runs/${encodeURIComponent(name)}`)
        .set('X-API-Key', ADMIN_KEY);
      expect([400, 404]).toContain(run.status);
      const backtest = await request(api().url)
        .post('/api/backtest')
        .set('X-API-Key', TRADER_KEY)
        .set('Content-Type', 'application/json')
        .send(`{"symbol":"SPY","${name}":1}`);
      expect(backtest.status).toBe(400);
      expect(backtest.body).toEqual(ERROR_SHAPE);
    }
  });
});

describe('compressed request bodies', () => {
  const api = startedApi(sqlite());

  it.each(['gzip', 'deflate', 'br', 'x-custom'])(
    'refuses Content-Encoding %s with 415 before reading the body',
    async (encoding) => {
      // Headers promise 10 bytes that never come: only an answer given before the body is read arrives.
      const { status, body } = await rawRequest(api().url, {
        method: 'POST',
        path: '/api/backtest',
        headers: {
          'Content-Type': 'application/json',
          'Content-Encoding': encoding,
          'Content-Length': '10',
          'X-API-Key': TRADER_KEY,
        },
      });
      expect(status).toBe(415);
      expect(JSON.parse(body)).toEqual({
        ...ERROR_SHAPE,
        error: {
          code: 'INVALID_ARGUMENT',
          message: expect.stringContaining('Content-Encoding'),
          details: [{ field: 'Content-Encoding', rule: expect.stringContaining('must be identity') }],
        },
      });
    },
  );

  it('answers a corrupt gzip body 415 on any route, and logs no stack', async () => {
    for (const path of ['/api/backtest', '/api/nothing', '/healthz']) {
      const response = await request(api().url)
        .post(path)
        .set('Content-Encoding', 'gzip')
        .set('Content-Type', 'application/json')
        .send('xx');
      expect(response.status).toBe(415);
      expect(response.body).toEqual(ERROR_SHAPE);
    }
    expect(api().logText()).not.toContain('"stack"');
    await request(api().url).get('/healthz').expect(200);
  });

  it('accepts Content-Encoding identity', async () => {
    await request(api().url)
      .post('/api/backtest')
      .set('X-API-Key', TRADER_KEY)
      .set('Content-Encoding', 'identity')
      .send({ symbol: 'SPY', period: '1y' })
      .expect(200);
  });
});

describe('server details in error bodies', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aetherquant-hidden-folder-'));
  const api = startedApi(sqlite(), {
    env: { AETHERQ_DATA_PROVIDER: 'csv', AETHERQ_DATA_DIR: dataDir },
  });

  it('hides the data folder from a trader, names what is missing, and logs the detail', async () => {
    const response = await request(api().url)
      .get('/api/bars?symbol=NOPE')
      .set('X-API-Key', TRADER_KEY)
      .set('X-Request-ID', 'hidden-path')
      .expect(422);
    expect(response.body.error.message).toContain('NOPE');
    expect(response.body.error.message).toContain('NOPE.csv');
    expect(JSON.stringify(response.body)).not.toContain(dataDir);
    expect(JSON.stringify(response.body)).not.toContain(tmpdir());
    const withheld = api().logs.find(
      (line) =>
        line['msg'] === 'server details withheld from the caller' && line['request_id'] === 'hidden-path',
    );
    expect(withheld?.['error']).toContain(dataDir);
  });

  it('shows the folder to an admin, who runs the server', async () => {
    const response = await request(api().url)
      .get('/api/bars?symbol=NOPE')
      .set('X-API-Key', ADMIN_KEY)
      .expect(422);
    expect(response.body.error.message).toContain(dataDir);
  });
});

describe('TLS-only headers (HSTS, upgrade-insecure-requests)', () => {
  const lanHost = 'aetherquant.lan:8080';

  it('are absent over plain HTTP on a non-loopback-looking address', async () => {
    const api = await startTestApi({ env: { AETHERQ_HOST: '127.0.0.2' } });
    try {
      expect(api.url).toMatch(/^http:\/\/127\.0\.0\.2:/);
      for (const path of ['/', '/api/docs', '/healthz']) {
        const response = await request(api.url).get(path).set('Host', lanHost);
        const policy = response.headers['content-security-policy'] as string;
        expect(policy).toContain("script-src 'self'");
        expect(policy).not.toContain('upgrade-insecure-requests');
        expect(response.headers['strict-transport-security']).toBeUndefined();
      }
      // A proxy nobody said to trust cannot switch them on.
      const spoofed = await request(api.url).get('/').set('Host', lanHost).set('X-Forwarded-Proto', 'https');
      expect(spoofed.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await api.close();
    }
  });

  it('are sent when a trusted proxy says the client came over https', async () => {
    const api = await startTestApi({ env: { AETHERQ_HOST: '127.0.0.2', AETHERQ_TRUST_PROXY: '1' } });
    try {
      const response = await request(api.url)
        .get('/')
        .set('Host', 'aetherquant.example.com')
        .set('X-Forwarded-Proto', 'https');
      expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const plain = await request(api.url).get('/').set('X-Forwarded-Proto', 'http');
      expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    } finally {
      await api.close();
    }
  });
});

/** The SQLite database every suite here runs on (the shape of the answers does not depend on the store). */
function sqlite() {
  const [first] = testDatabases();
  if (!first) throw new Error('testDatabases() always lists SQLite');
  return first;
}

function matchesErrorShape(body: unknown): boolean {
  const { error, requestId } = (body ?? {}) as { error?: Record<string, unknown>; requestId?: unknown };
  return (
    typeof requestId === 'string' &&
    typeof error?.['code'] === 'string' &&
    typeof error['message'] === 'string' &&
    Array.isArray(error['details'])
  );
}

/** One request over a bare socket, so headers can promise a body that never comes. */
function rawRequest(
  base: string,
  options: { method: string; path: string; headers: Record<string, string> },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(new URL(options.path, base), {
      method: options.method,
      headers: options.headers,
    });
    outgoing.on('response', (response) => {
      let body = '';
      response.on('data', (chunk) => (body += String(chunk)));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body });
        outgoing.destroy();
      });
    });
    outgoing.on('error', reject);
    outgoing.flushHeaders();
  });
}
