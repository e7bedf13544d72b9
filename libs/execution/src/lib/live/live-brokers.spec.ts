import { rejection } from '@aetherquant/testing';

import type { Broker, OrderRequest } from '../broker/broker';
import { describeBrokerContract } from '../../testing/broker-contract';
import { FakeBrokerServer } from '../../testing/fake-broker-server';
import { AlpacaBroker } from './alpaca-broker';
import { createLiveBroker } from './create-live-broker';
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
  },
  {
    name: 'alpaca',
    create: (url: string, secret = SECRET_KEY) =>
      new AlpacaBroker({ ...http, endpoint: url, keyId: KEY_ID, secretKey: secret }),
    secret: SECRET_KEY,
    prefix: '/v2',
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

  it('retries an order answered 503 with the same client order id, and places it once', async () => {
    server.failNext(2, { kind: 'status', status: 503 });
    const result = await provider.create(server.url).submitOrder(order);
    expect(result.status).toBe('filled');
    const posted = server.orderRequests.map(
      (request) => (request.body as { client_order_id: string }).client_order_id,
    );
    expect(posted).toEqual([order.clientOrderId, order.clientOrderId, order.clientOrderId]);
    expect(server.orders.size).toBe(1);
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
  it('builds the broker each provider names', () => {
    expect(
      createLiveBroker({ provider: 'generic-rest', endpoint: 'http://127.0.0.1:1', token: 't' }).name,
    ).toBe('generic-rest');
    expect(
      createLiveBroker({ provider: 'alpaca', endpoint: 'http://127.0.0.1:1', token: 't', keyId: 'k' }).name,
    ).toBe('alpaca');
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
