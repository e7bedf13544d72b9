import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { startServerProcess, type ServerProcess } from '@aetherquant/testing';
import { TRADER_KEY } from './support/test-api';

/** The binary npm links for the workspace, as `npx aetherquant-web` finds it. */
const WEB_BIN = resolve(__dirname, '../../../node_modules/.bin/aetherquant-web');

/**
 * A fault injected from outside the product, the way a bug in a dependency would strike: preloaded with
 * `node --require`, it makes the security-header step of a request carrying `X-Test-Fault` schedule a throw
 * (or a rejection nobody handles) that escapes every handler, while the request waits for its body.
 */
const FAULT_MODULE = `
const { ServerResponse } = require('node:http');
const setHeader = ServerResponse.prototype.setHeader;
ServerResponse.prototype.setHeader = function (name, value) {
  const fault = this.req && this.req.headers['x-test-fault'];
  if (fault && String(name).toLowerCase() === 'content-security-policy' && !this.faultInjected) {
    this.faultInjected = true;
    if (fault === 'exception') setImmediate(() => { throw new Error('injected fault'); });
    else setImmediate(() => { Promise.reject(new Error('injected rejection')); });
  }
  return setHeader.call(this, name, value);
};
`;

function startWithFaults(): Promise<ServerProcess> {
  const folder = mkdtempSync(join(tmpdir(), 'aetherquant-fault-'));
  const faultModule = join(folder, 'inject-fault.cjs');
  writeFileSync(faultModule, FAULT_MODULE);
  return startServerProcess(WEB_BIN, [], {
    AETHERQ_DATABASE_URL: `sqlite:///${join(folder, 'aetherquant.sqlite')}`,
    AETHERQ_API_KEY: TRADER_KEY,
    AETHERQ_DATA_PROVIDER: 'synthetic',
    AETHERQ_CACHE_DIR: 'none',
    NODE_OPTIONS: `--require ${faultModule}`,
  });
}

/** A POST whose body never completes: only an answer given while the body is awaited can arrive. */
function postWithoutBody(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const outgoing = httpRequest(new URL('/api/backtest', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '100', ...headers },
    });
    outgoing.on('response', (response) => {
      let body = '';
      response.on('data', (chunk) => (body += String(chunk)));
      response.on('end', () => {
        done({ status: response.statusCode ?? 0, body });
        outgoing.destroy();
      });
    });
    outgoing.on('error', fail);
    outgoing.write('{');
  });
}

describe('aetherquant-web (built binary) never dies from a request', () => {
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    server = await startWithFaults();
  });
  afterAll(async () => {
    await server?.stop();
  });
  const running = () => {
    if (!server) throw new Error('the server starts in beforeAll');
    return server;
  };

  it('answers /api/docs/<every inherited name> 404 and keeps running', async () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype)) {
      await request(running().url)
        .get(`/api/docs/${encodeURIComponent(name)}`)
        .expect(404);
    }
    await request(running().url).get('/healthz').expect(200);
    expect(running().child.exitCode).toBeNull();
  });

  it.each([
    ['exception', 'injected fault', 'uncaughtException'],
    ['rejection', 'injected rejection', 'unhandledRejection'],
  ])(
    'answers an escaped %s 500 in the error shape, logs it with the request id, keeps serving',
    async (fault, message, origin) => {
      const requestId = `fault-${fault}`;
      const answer = await postWithoutBody(running().url, {
        'X-Test-Fault': fault,
        'X-Request-ID': requestId,
        'X-API-Key': TRADER_KEY,
      });
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.body)).toEqual({
        error: {
          code: 'INTERNAL',
          message: 'internal error; quote the request id when reporting it',
          details: [],
        },
        requestId,
      });
      expect(answer.body).not.toContain(message);
      const logged = await running().logLine(
        (line) => line['msg'] === 'unexpected failure' && line['request_id'] === requestId,
      );
      expect(logged).toMatchObject({ level: 'error', origin, error: message });
      await request(running().url).get('/healthz').expect(200);
      await request(running().url)
        .post('/api/backtest')
        .set('X-API-Key', TRADER_KEY)
        .send({ symbol: 'SPY', period: '1y' })
        .expect(200);
      expect(running().child.exitCode).toBeNull();
    },
  );
});
