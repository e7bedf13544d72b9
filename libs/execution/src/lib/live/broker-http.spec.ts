import { FakeBrokerServer, rejection } from '@aetherquant/testing';

import { BrokerHttp } from './broker-http';

const TOKEN = 'test-token';
const auth = { authorization: `Bearer ${TOKEN}` };

describe('BrokerHttp', () => {
  let server: FakeBrokerServer;
  let http: BrokerHttp;

  beforeEach(async () => {
    server = await FakeBrokerServer.start();
    http = new BrokerHttp('test broker', { retries: 2, backoffMs: 1, timeoutMs: 2_000 }, [TOKEN]);
  });
  afterEach(() => server.close());

  it('retries a GET answered 503 and returns the answer that follows', async () => {
    server.failNext(2, { kind: 'status', status: 503 });
    const answer = await http.send('GET', `${server.url}/account`, auth);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ cash: 100_000, equity: 100_000, currency: 'USD' });
    expect(server.requests).toHaveLength(3);
  });

  it('sends a POST without a resend guard once: a 5xx does not say whether it was taken', async () => {
    server.failNext(1, { kind: 'status', status: 502 });
    const order = { symbol: 'SPY', side: 'buy', quantity: 1, type: 'market', client_order_id: 'same-id' };
    const error = await rejection(http.send('POST', `${server.url}/orders`, auth, order), 'UPSTREAM_FAILED');
    expect(error.message).toBe(
      'test broker answered HTTP 502 (sent once: a POST is resent only after a lookup)',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('asks the guard before resending a POST, and resends the very same body only when it finds nothing', async () => {
    server.failNext(1, { kind: 'status', status: 502 });
    const order = { symbol: 'SPY', side: 'buy', quantity: 1, type: 'market', client_order_id: 'same-id' };
    const lookups: number[] = [];
    const answer = await http.send('POST', `${server.url}/orders`, auth, order, {
      subject: 'order same-id',
      lookup: async () => {
        lookups.push(server.requests.length);
        return null;
      },
    });
    expect(answer.status).toBe(201);
    // The guard ran between the two POSTs.
    expect(lookups).toEqual([1]);
    expect(server.requests.map((request) => request.body)).toEqual([order, order]);
    expect(server.orders.size).toBe(1);
  });

  it('answers a POST with what the guard found, and does not resend it', async () => {
    server.failNext(1, { kind: 'taken-then-status', status: 504 });
    const order = { symbol: 'SPY', side: 'buy', quantity: 1, type: 'market', client_order_id: 'taken-id' };
    const found = { status: 200, body: { id: 'order-1', status: 'filled' }, excerpt: '' };
    const answer = await http.send('POST', `${server.url}/orders`, auth, order, {
      subject: 'order taken-id',
      lookup: async () => found,
    });
    expect(answer).toBe(found);
    expect(server.orderRequests).toHaveLength(1);
    expect(server.orders.size).toBe(1);
  });

  it('does not resend a POST when the guard cannot tell whether it was taken', async () => {
    server.failNext(1, { kind: 'status', status: 503 });
    const order = { symbol: 'SPY', side: 'buy', quantity: 1, type: 'market', client_order_id: 'unknown-id' };
    const error = await rejection(
      http.send('POST', `${server.url}/orders`, auth, order, {
        subject: 'order unknown-id',
        lookup: async () => {
          throw new Error(`lookup refused for ${TOKEN}`);
        },
      }),
      'UPSTREAM_FAILED',
    );
    expect(error.message).toBe(
      'test broker: the request for order unknown-id got HTTP 503, and asking whether the broker took it ' +
        'failed (lookup refused for [redacted]); it was not resent: check the broker for it before trying again',
    );
    expect(server.orderRequests).toHaveLength(1);
  });

  it('refuses plain http:// to a host that is not loopback before any request, unless allowed', async () => {
    // A fetch that routes broker.example to the local fake, as DNS would: proves a request would arrive.
    const port = new URL(server.url).port;
    const routed: typeof fetch = (input, init) =>
      fetch(String(input).replace('broker.example', '127.0.0.1'), init);
    const remote = `http://broker.example:${port}/account`;
    const strict = new BrokerHttp('test broker', { retries: 0, fetch: routed }, [TOKEN]);
    const error = await rejection(strict.send('GET', remote, auth), 'INVALID_ARGUMENT');
    expect(error.message).toContain('broker_endpoint must use https:// (AETHERQ_LIVE_BROKER_ENDPOINT)');
    expect(error.message).toContain('AETHERQ_LIVE_BROKER_ALLOW_INSECURE=true');
    expect(server.requests).toHaveLength(0);

    const allowed = new BrokerHttp('test broker', { retries: 0, fetch: routed, allowInsecure: true }, [
      TOKEN,
    ]);
    expect((await allowed.send('GET', remote, auth)).status).toBe(200);
    expect(server.requests).toHaveLength(1);
  });

  it('gives up with UPSTREAM_FAILED naming the status once every attempt got a 5xx', async () => {
    server.failNext(3, { kind: 'status', status: 503 });
    const error = await rejection(http.send('GET', `${server.url}/account`, auth), 'UPSTREAM_FAILED');
    expect(error.message).toBe('test broker answered HTTP 503 to each of 3 attempts');
    expect(error.details).toMatchObject({ status: 503, attempts: 3 });
  });

  it('does not retry a 429: the answer comes back for failure() to name as RATE_LIMITED', async () => {
    server.failNext(1, { kind: 'status', status: 429 });
    const answer = await http.send('GET', `${server.url}/account`, auth);
    expect(answer.status).toBe(429);
    expect(server.requests).toHaveLength(1);
    expect(http.failure(answer, 'read the account').code).toBe('RATE_LIMITED');
  });

  it('does not retry a 4xx', async () => {
    server.failNext(1, { kind: 'status', status: 400 });
    const answer = await http.send('GET', `${server.url}/account`, auth);
    expect(answer.status).toBe(400);
    expect(server.requests).toHaveLength(1);
  });

  it('retries after a timeout, and reports one when every attempt stalls', async () => {
    // Long enough for a loaded machine to answer a request that is not stalled.
    const quick = new BrokerHttp('test broker', { retries: 1, backoffMs: 1, timeoutMs: 1_000 }, [TOKEN]);
    server.failNext(1, { kind: 'stall' });
    expect((await quick.send('GET', `${server.url}/account`, auth)).status).toBe(200);

    server.failNext(2, { kind: 'stall' });
    const error = await rejection(quick.send('GET', `${server.url}/account`, auth), 'UPSTREAM_FAILED');
    expect(error.message).toBe(
      'test broker could not be reached: timed out after 1000 ms (gave up after 2 attempts)',
    );
  });

  it('reports a broker that cannot be reached', async () => {
    const url = server.url;
    await server.close();
    const error = await rejection(http.send('GET', `${url}/account`, auth), 'UPSTREAM_FAILED');
    expect(error.message).toMatch(/^test broker could not be reached: .*\(gave up after 3 attempts\)$/);
  });

  it('turns a 2xx body that is not JSON into UPSTREAM_FAILED with the status', async () => {
    server.failNext(1, { kind: 'non-json' });
    const error = await rejection(http.send('GET', `${server.url}/account`, auth), 'UPSTREAM_FAILED');
    expect(error.message).toBe('test broker answered HTTP 200 with a body that is not JSON');
    expect(error.details).toMatchObject({ status: 200 });
  });

  it('explains refused credentials without quoting the secret the broker echoed', async () => {
    const wrong = new BrokerHttp('test broker', { retries: 0 }, ['wrong-secret']);
    const answer = await wrong.send('GET', `${server.url}/account`, { authorization: 'Bearer wrong-secret' });
    expect(answer.status).toBe(401);
    expect(answer.excerpt).toContain('[redacted]');
    expect(answer.excerpt).not.toContain('wrong-secret');
    const error = wrong.failure(answer, 'read the account');
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.message).toContain('the broker refused the credentials (HTTP 401)');
    expect(JSON.stringify(error.toJSON())).not.toContain('wrong-secret');
  });

  it('reads numbers and numeric strings, and names the field of anything else', () => {
    expect(http.number(12.5, 'cash', 200)).toBe(12.5);
    expect(http.number('1234.50', 'cash', 200)).toBe(1234.5);
    for (const bad of ['lots', '', null, undefined, {}, 'NaN', 'Infinity']) {
      expect(() => http.number(bad, 'cash', 200)).toThrow(/with a cash that is not a number/);
    }
  });

  it('redacts every secret it was given', () => {
    expect(http.redact(`Bearer ${TOKEN} and ${TOKEN}`)).toBe('Bearer [redacted] and [redacted]');
  });
});
