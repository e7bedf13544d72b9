import { LIVE_BROKER_PROVIDERS } from '@aetherquant/core';
import { FakeBrokerServer, rejection } from '@aetherquant/testing';

import type { Broker, OrderRequest } from '../broker/broker';
import { describeBrokerContract } from '../../testing/broker-contract';
import { AlpacaBroker } from './alpaca-broker';
import { createLiveBroker } from './create-live-broker';
import { endpointTransportViolation } from './endpoint-transport';
import { GenericRestBroker } from './generic-rest-broker';

const TOKEN = 'test-token';
const KEY_ID = 'test-key-id';
const SECRET_KEY = 'test-secret-key';
const http = { retries: 2, backoffMs: 1, timeoutMs: 2_000 };

const order: OrderRequest = {
  symbol: 'SPY',
  side: 'buy',
  quantity: 10,
  price: 321.5,
  clientOrderId: 'sma-SPY-1577923200000',
  time: 1_577_923_200_000,
};

const providers = [
  {
    name: 'generic-rest',
    create: (url: string, secret = TOKEN) => new GenericRestBroker({ ...http, endpoint: url, token: secret }),
    secret: TOKEN,
    prefix: '',
    lookupPath: '/orders',
  },
  {
    name: 'alpaca',
    create: (url: string, secret = SECRET_KEY) =>
      new AlpacaBroker({ ...http, endpoint: url, keyId: KEY_ID, secretKey: secret }),
    secret: SECRET_KEY,
    prefix: '/v2',
    lookupPath: '/v2/orders:by_client_order_id',
  },
] as const;

for (const provider of providers) {
  describeBrokerContract(`${provider.name} broker`, async () => {
    const server = await FakeBrokerServer.start({ prices: { SPY: 100 } });
    return { broker: provider.create(server.url), price: 100, symbol: 'SPY', cleanUp: () => server.close() };
  });
}

describe('GenericRestBroker on the wire', () => {
  let server: FakeBrokerServer;
  let broker: Broker;
  beforeEach(async () => {
    server = await FakeBrokerServer.start({ positions: { SPY: 5 }, prices: { SPY: 300 } });
    broker = new GenericRestBroker({ ...http, endpoint: `${server.url}/`, token: TOKEN });
  });
  afterEach(() => server.close());

  it('posts the order as JSON with the bearer token and the client order id', async () => {
    const result = await broker.submitOrder(order);
    expect(server.requests).toHaveLength(1);
    const [sent] = server.requests;
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/orders');
    expect(sent.headers['authorization']).toBe('Bearer test-token');
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.body).toEqual({
      symbol: 'SPY',
      side: 'buy',
      quantity: 10,
      type: 'market',
      client_order_id: 'sma-SPY-1577923200000',
    });
    expect(result).toEqual({
      clientOrderId: 'sma-SPY-1577923200000',
      symbol: 'SPY',
      side: 'buy',
      quantity: 10,
      status: 'filled',
      fillPrice: 300,
      brokerOrderId: 'order-1',
      time: 1_577_923_200_000,
    });
  });

  it('answers a client order id the broker already has (HTTP 409) as a duplicate, without trading again', async () => {
    await broker.submitOrder(order);
    const second = await broker.submitOrder(order);
    expect(second.status).toBe('duplicate');
    expect(server.orders.size).toBe(1);
    expect(server.positions.get('SPY')?.quantity).toBe(15);
  });

  it('reads the account and the positions', async () => {
    // 100 000 cash + 5 × 300.
    expect(await broker.getAccount()).toEqual({ cash: 100_000, equity: 101_500, currency: 'USD' });
    expect(await broker.getPositions()).toEqual([
      { symbol: 'SPY', quantity: 5, averagePrice: 300, marketValue: 1_500 },
    ]);
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /account',
      'GET /positions',
    ]);
    expect(server.requests.every((request) => request.headers['authorization'] === 'Bearer test-token')).toBe(
      true,
    );
  });
});

describe('AlpacaBroker on the wire', () => {
  let server: FakeBrokerServer;
  let broker: Broker;
  beforeEach(async () => {
    server = await FakeBrokerServer.start({ positions: { SPY: 5 }, prices: { SPY: 300 } });
    broker = new AlpacaBroker({ ...http, endpoint: server.url, keyId: KEY_ID, secretKey: SECRET_KEY });
  });
  afterEach(() => server.close());

  it("posts Alpaca's v2 order shape with both APCA headers", async () => {
    const result = await broker.submitOrder(order);
    const [sent] = server.requests;
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/v2/orders');
    expect(sent.headers['apca-api-key-id']).toBe('test-key-id');
    expect(sent.headers['apca-api-secret-key']).toBe('test-secret-key');
    expect(sent.headers['authorization']).toBeUndefined();
    expect(sent.body).toEqual({
      symbol: 'SPY',
      qty: '10',
      side: 'buy',
      type: 'market',
      time_in_force: 'day',
      client_order_id: 'sma-SPY-1577923200000',
    });
    expect(result).toMatchObject({ status: 'filled', fillPrice: 300, brokerOrderId: 'order-1' });
  });

  it('answers a repeated client_order_id (HTTP 422) as a duplicate, without trading again', async () => {
    await broker.submitOrder(order);
    const second = await broker.submitOrder(order);
    expect(second).toMatchObject({ status: 'duplicate', reason: 'client_order_id must be unique' });
    expect(server.orders.size).toBe(1);
    expect(server.positions.get('SPY')?.quantity).toBe(15);
  });

  it('reads the account and positions from their string numbers', async () => {
    expect(await broker.getAccount()).toEqual({ cash: 100_000, equity: 101_500, currency: 'USD' });
    expect(await broker.getPositions()).toEqual([
      { symbol: 'SPY', quantity: 5, averagePrice: 300, marketValue: 1_500 },
    ]);
    expect(server.requests.map((request) => request.path)).toEqual(['/v2/account', '/v2/positions']);
  });
});

describe.each(providers)('$name broker failures', (provider) => {
  let server: FakeBrokerServer;
  beforeEach(async () => {
    server = await FakeBrokerServer.start();
  });
  afterEach(() => server.close());

  it('looks an order answered 503 up before resending it, and resends it when the broker does not have it', async () => {
    server.failNext(1, { kind: 'status', status: 503 });
    const result = await provider.create(server.url).submitOrder(order);
    expect(result).toMatchObject({ status: 'filled', brokerOrderId: 'order-1' });
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `POST ${provider.prefix}/orders`,
      `GET ${provider.lookupPath}`,
      `POST ${provider.prefix}/orders`,
    ]);
    expect(server.orderLookups.map((request) => request.query)).toEqual([
      { client_order_id: order.clientOrderId },
    ]);
    expect(server.orders.size).toBe(1);
  });

  it('does not resend an order the broker took though it answered 502: the lookup finds it', async () => {
    server.failNext(1, { kind: 'taken-then-status', status: 502 });
    const result = await provider.create(server.url).submitOrder(order);
    expect(result).toEqual({
      clientOrderId: order.clientOrderId,
      symbol: 'SPY',
      side: 'buy',
      quantity: 10,
      status: 'filled',
      fillPrice: 100,
      brokerOrderId: 'order-1',
      time: order.time,
    });
    expect(server.orderRequests).toHaveLength(1);
    expect(server.orderLookups).toHaveLength(1);
    expect(server.positions.get('SPY')?.quantity).toBe(10);
  });

  it('does not resend an order whose lookup keeps failing, and says to check the broker', async () => {
    // The POST, then every attempt of the lookup (1 + 2 retries).
    server.failNext(4, { kind: 'status', status: 503 });
    const error = await rejection(provider.create(server.url).submitOrder(order), 'UPSTREAM_FAILED');
    expect(error.message).toBe(
      `${provider.name} broker: the request for order ${order.clientOrderId} got HTTP 503, and asking whether ` +
        `the broker took it failed (${provider.name} broker answered HTTP 503 to each of 3 attempts); it was ` +
        'not resent: check the broker for it before trying again',
    );
    expect(server.orderRequests).toHaveLength(1);
    expect(server.orderLookups).toHaveLength(3);
  });

  it('sends an order at most 1 + retries times when the broker keeps failing without taking it', async () => {
    // POST, lookup, POST, lookup, POST: each lookup finds nothing, each POST is answered 503.
    for (let index = 0; index < 3; index++) {
      server.failNext(1, { kind: 'status', status: 503 });
      if (index < 2) server.failNext(1, { kind: 'status', status: 404 });
    }
    const error = await rejection(provider.create(server.url).submitOrder(order), 'UPSTREAM_FAILED');
    expect(error.message).toBe(`${provider.name} broker answered HTTP 503 to each of 3 attempts`);
    expect(server.orderRequests).toHaveLength(3);
    expect(server.orderLookups).toHaveLength(2);
    expect(server.orders.size).toBe(0);
  });

  it('reports refused credentials (401) cleanly, without the secret', async () => {
    const wrongSecret = `wrong-${provider.secret}-value`;
    const error = await rejection(provider.create(server.url, wrongSecret).getAccount(), 'UPSTREAM_FAILED');
    expect(error.message).toBe(
      `${provider.name} broker: the broker refused the credentials (HTTP 401) while trying to read the account; check the key and token`,
    );
    expect(error.details).toMatchObject({ status: 401 });
    expect(JSON.stringify(error.toJSON())).not.toContain(wrongSecret);
    expect(String(error.stack)).not.toContain(wrongSecret);
    expect(server.requests).toHaveLength(1);
  });

  it('reports an injected 401 on an order the same way', async () => {
    server.failNext(1, { kind: 'status', status: 401 });
    const error = await rejection(provider.create(server.url).submitOrder(order), 'UPSTREAM_FAILED');
    expect(error.message).toContain('refused the credentials (HTTP 401) while trying to place an order');
  });

  it('reports a body that is not JSON as UPSTREAM_FAILED with the status', async () => {
    server.failNext(1, { kind: 'non-json' });
    const error = await rejection(provider.create(server.url).getPositions(), 'UPSTREAM_FAILED');
    expect(error.message).toBe(`${provider.name} broker answered HTTP 200 with a body that is not JSON`);
    expect(error.details).toMatchObject({ status: 200 });
  });

  it('reports a cash that is not a number as UPSTREAM_FAILED naming the field', async () => {
    server.failNext(1, { kind: 'non-numeric-cash' });
    const error = await rejection(provider.create(server.url).getAccount(), 'UPSTREAM_FAILED');
    expect(error.message).toBe(
      `${provider.name} broker answered HTTP 200 with a cash that is not a number: "lots"`,
    );
    expect(error.details).toMatchObject({ field: 'cash', status: 200 });
  });

  it('reports a broker that keeps failing with the status it answered', async () => {
    server.failNext(3, { kind: 'status', status: 503 });
    const error = await rejection(provider.create(server.url).getAccount(), 'UPSTREAM_FAILED');
    expect(error.message).toBe(`${provider.name} broker answered HTTP 503 to each of 3 attempts`);
  });
});

describe('createLiveBroker', () => {
  it('builds the broker each provider the settings accept names, each passing the contract suite above', () => {
    for (const provider of LIVE_BROKER_PROVIDERS) {
      const options = { provider, endpoint: 'http://127.0.0.1:1', token: 't', keyId: 'k' };
      expect(createLiveBroker(options).name).toBe(provider);
    }
    expect(providers.map((provider) => provider.name).sort()).toEqual([...LIVE_BROKER_PROVIDERS].sort());
  });

  it('refuses a provider the settings do not name, listing those they do', () => {
    const options = { provider: 'ib' as never, endpoint: 'http://127.0.0.1:1', token: 't' };
    expect(() => createLiveBroker(options)).toThrow(
      `cannot create the live broker: broker_provider must be ${LIVE_BROKER_PROVIDERS.join(' or ')} (got "ib")`,
    );
  });

  it('names every missing option as settings spell it', () => {
    let caught: unknown;
    try {
      createLiveBroker({ provider: 'alpaca' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message:
        'cannot create the live broker: broker_endpoint is required for a live broker; broker_token is required for a live broker; broker_key_id is required for alpaca',
    });
    expect(() => createLiveBroker({ provider: 'generic-rest', endpoint: 'http://x' })).toThrow(
      /broker_token/,
    );
    expect(() => createLiveBroker({ provider: 'generic-rest', endpoint: 'http://x' })).not.toThrow(
      /broker_key_id/,
    );
  });
});

describe.each(providers)('$name broker endpoint transport', (provider) => {
  let server: FakeBrokerServer;
  beforeEach(async () => {
    server = await FakeBrokerServer.start();
  });
  afterEach(() => server.close());

  // A fetch that routes broker.example to the local fake, as DNS would: a request that got out would arrive.
  const routed: typeof fetch = (input, init) =>
    fetch(String(input).replace('broker.example', '127.0.0.1'), init);

  it('refuses http:// to a host that is not loopback before any request', async () => {
    const endpoint = `http://broker.example:${new URL(server.url).port}`;
    const options = {
      provider: provider.name,
      endpoint,
      token: provider.secret,
      keyId: KEY_ID,
      fetch: routed,
    };
    let caught: unknown;
    try {
      createLiveBroker(options).getAccount();
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message:
        'cannot create the live broker: broker_endpoint must use https:// (AETHERQ_LIVE_BROKER_ENDPOINT): ' +
        'http:// to broker.example would send the broker token in clear; http:// is allowed only to a ' +
        'loopback host (127.0.0.0/8, ::1, localhost) or with AETHERQ_LIVE_BROKER_ALLOW_INSECURE=true',
    });
    expect(() => provider.create(endpoint)).toThrow(/must use https:\/\//);
    expect(server.requests).toHaveLength(0);

    // With the operator's opt-in the same endpoint is called: the refusal above was the only thing in the way.
    const allowed = createLiveBroker({ ...options, allowInsecure: true });
    expect((await allowed.getAccount()).cash).toBe(100_000);
    expect(server.requests).toHaveLength(1);
  });

  it('allows http:// to loopback', async () => {
    const broker = createLiveBroker({
      provider: provider.name,
      endpoint: server.url,
      token: provider.secret,
      keyId: KEY_ID,
    });
    expect((await broker.getAccount()).cash).toBe(100_000);
    expect(server.requests).toHaveLength(1);
  });
});

describe('endpointTransportViolation', () => {
  it.each([
    'https://broker.example/api',
    'https://10.0.0.5',
    'http://127.0.0.1:8080',
    'http://127.8.9.10',
    'http://127.1',
    'http://localhost:9000/api',
    'http://LOCALHOST',
    'http://[::1]:8080',
  ])('allows %s', (endpoint) => {
    expect(endpointTransportViolation(endpoint)).toBeNull();
  });

  it.each([
    'http://broker.example',
    'http://10.0.0.5:8080',
    'http://128.0.0.1',
    'http://127.0.0.1.nip.io',
    'http://localhost.example',
    'http://[::2]',
    'http://[::ffff:127.0.0.1]',
  ])('refuses %s unless insecure transport is allowed', (endpoint) => {
    expect(endpointTransportViolation(endpoint)?.rule).toMatch(
      /^must use https:\/\/ \(AETHERQ_LIVE_BROKER_ENDPOINT\)/,
    );
    expect(endpointTransportViolation(endpoint, true)).toBeNull();
  });

  it('refuses what is not an http(s) URL, even when insecure transport is allowed', () => {
    expect(endpointTransportViolation('ftp://broker.example', true)?.rule).toBe(
      'must be an https:// URL (AETHERQ_LIVE_BROKER_ENDPOINT), not ftp://',
    );
    expect(endpointTransportViolation('broker.example', true)?.rule).toBe(
      'must be an https:// URL (AETHERQ_LIVE_BROKER_ENDPOINT)',
    );
  });
});
