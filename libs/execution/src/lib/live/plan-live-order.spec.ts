import { FakeBrokerServer, type FakeBrokerServerOptions, rejection } from '@aetherquant/testing';
import fc from 'fast-check';

import type { Broker } from '../broker/broker';
import { createLiveBroker } from './create-live-broker';
import { clientOrderId, planLiveOrder, type PlanLiveOrderInput } from './plan-live-order';

const BAR_TIME = Date.UTC(2020, 0, 2); // 1577923200000
const http = { retries: 2, backoffMs: 1, timeoutMs: 2_000 };
const roomyLimits = { maxOrderNotional: 1_000_000, maxPositionPct: 100 };

describe.each(['generic-rest', 'alpaca'] as const)('planLiveOrder with the %s broker', (provider) => {
  let server: FakeBrokerServer;
  let broker: Broker;

  async function start(options: FakeBrokerServerOptions = {}): Promise<void> {
    server = await FakeBrokerServer.start({ prices: { SPY: 100 }, ...options });
    broker = createLiveBroker({
      provider,
      endpoint: server.url,
      token: provider === 'alpaca' ? 'test-secret-key' : 'test-token',
      keyId: 'test-key-id',
      ...http,
    });
  }
  afterEach(() => server.close());

  const plan = (overrides: Partial<PlanLiveOrderInput> = {}) =>
    planLiveOrder({
      broker,
      symbol: 'SPY',
      strategy: 'sma-cross',
      barTime: BAR_TIME,
      close: 100,
      target: 0.5,
      limits: roomyLimits,
      dryRun: false,
      ...overrides,
    });

  it('in dry run (the default) computes the order, reads the account, and sends no order at all', async () => {
    await start();
    const result = await plan({ dryRun: undefined });
    // floor(0.5 × 100 000 / 100) = 500 shares, none held.
    expect(result.order).toEqual({
      symbol: 'SPY',
      side: 'buy',
      quantity: 500,
      price: 100,
      clientOrderId: `sma-cross-SPY-${BAR_TIME}`,
      time: BAR_TIME,
    });
    expect(result).toMatchObject({ result: null, reason: 'dry run: not sent', position: { quantity: 0 } });
    expect(result.account.equity).toBe(100_000);
    expect(server.requests.every((request) => request.method === 'GET')).toBe(true);
    expect(server.orderRequests).toHaveLength(0);
    expect(server.orders.size).toBe(0);
  });

  it('sends the one order live mode needs, with the deterministic client order id', async () => {
    await start();
    const result = await plan();
    expect(result.result).toMatchObject({ status: 'filled', quantity: 500, side: 'buy' });
    expect(result.reason).toBe('filled');
    expect(server.orderRequests).toHaveLength(1);
    expect(server.orders.has(`sma-cross-SPY-${BAR_TIME}`)).toBe(true);
  });

  it('places one order for two identical runs on the same bar (the second finds the target reached)', async () => {
    await start();
    await plan();
    const second = await plan();
    expect(second).toMatchObject({ order: null, result: null, reason: 'already at target' });
    expect(second.position.quantity).toBe(500);
    expect(server.orderRequests).toHaveLength(1);
    expect(server.orders.size).toBe(1);
  });

  it('places one order for two identical runs when the first is not filled yet (the broker says duplicate)', async () => {
    await start({ fillOrders: false });
    const first = await plan();
    expect(first.result?.status).toBe('accepted');
    const second = await plan();
    expect(second.result?.status).toBe('duplicate');
    expect(second.reason).toMatch(/^duplicate: /);
    expect(server.orderRequests).toHaveLength(2);
    expect(server.orders.size).toBe(1);
  });

  it('sends nothing when already at target', async () => {
    // 50 000 cash + 500 × 100 = 100 000 equity; half of it is 500 shares.
    await start({ cash: 50_000, positions: { SPY: 500 } });
    const result = await plan();
    expect(result).toMatchObject({ order: null, result: null, reason: 'already at target' });
    expect(server.orderRequests).toHaveLength(0);
  });

  it('sells down to a lower target, and clips targets to [0, 1] (long-only)', async () => {
    await start({ cash: 50_000, positions: { SPY: 500 } });
    expect((await plan({ target: -1, dryRun: true })).order).toMatchObject({ side: 'sell', quantity: 500 });
    // floor(1 × 100 000 / 100) = 1 000 shares: buy 500 more.
    expect((await plan({ target: 1.7, dryRun: true })).order).toMatchObject({ side: 'buy', quantity: 500 });
    const sold = await plan({ target: 0.2 });
    expect(sold.order).toMatchObject({ side: 'sell', quantity: 300 });
    expect(server.positions.get('SPY')?.quantity).toBe(200);
  });

  it('refuses an order above the notional limit, says why, and sends nothing', async () => {
    await start();
    const result = await plan({ limits: { maxOrderNotional: 10_000, maxPositionPct: 100 } });
    expect(result.order?.quantity).toBe(500);
    expect(result.result).toBeNull();
    expect(result.reason).toBe('refused: order notional 50000.00 exceeds max_order_notional 10000.00');
    expect(server.orderRequests).toHaveLength(0);
  });

  it('refuses an order that would leave a position above the percent limit, and sends nothing', async () => {
    await start();
    const result = await plan({ limits: { maxOrderNotional: 1_000_000, maxPositionPct: 25 } });
    expect(result.result).toBeNull();
    expect(result.reason).toBe(
      'refused: the position would be 50000.00 (50.00% of equity), above max_position_pct 25%',
    );
    expect(server.orderRequests).toHaveLength(0);
  });

  it('lets an order that shrinks an oversized position through the percent limit', async () => {
    // 20 000 cash + 800 × 100 = 100 000 equity; target 500 shares, still above 25 %, but smaller.
    await start({ cash: 20_000, positions: { SPY: 800 } });
    const result = await plan({ limits: { maxOrderNotional: 1_000_000, maxPositionPct: 25 } });
    expect(result.result).toMatchObject({ status: 'filled', side: 'sell', quantity: 300 });
    expect(server.orderRequests).toHaveLength(1);
  });

  it('never puts the secret in what it reports', async () => {
    await start();
    const report = JSON.stringify(await plan());
    expect(report).not.toContain('test-token');
    expect(report).not.toContain('test-secret-key');
  });

  it('passes a broker failure on as UPSTREAM_FAILED, sending no order', async () => {
    await start();
    server.failNext(1, { kind: 'non-numeric-cash' });
    const error = await rejection(plan(), 'UPSTREAM_FAILED');
    expect(error.details).toMatchObject({ field: 'cash' });
    expect(server.orderRequests).toHaveLength(0);
  });
});

describe('planLiveOrder input', () => {
  it('names each bad field before calling the broker', async () => {
    const calls: string[] = [];
    const broker: Broker = {
      name: 'spy',
      submitOrder: async () => {
        throw new Error('must not be called');
      },
      getAccount: async () => {
        calls.push('account');
        return { cash: 1, equity: 1 };
      },
      getPositions: async () => {
        calls.push('positions');
        return [];
      },
    };
    const error = await rejection(
      planLiveOrder({
        broker,
        symbol: 'SPY',
        strategy: 's',
        barTime: BAR_TIME,
        close: 0,
        target: Number.NaN,
        limits: { maxOrderNotional: 0, maxPositionPct: 150 },
      }),
      'INVALID_ARGUMENT',
    );
    expect(error.details?.violations?.map((violation) => violation.field)).toEqual([
      'close',
      'target',
      'max_order_notional',
      'max_position_pct',
    ]);
    expect(calls).toEqual([]);
  });
});

describe('clientOrderId', () => {
  it('is strategy-symbol-bar time', () => {
    expect(clientOrderId('sma-cross', 'SPY', BAR_TIME)).toBe('sma-cross-SPY-1577923200000');
    expect(clientOrderId('rsi 14/30', 'BRK.B', BAR_TIME)).toBe('rsi_14_30-BRK.B-1577923200000');
  });

  it('is deterministic, at most 128 safe characters, and distinct for distinct bars', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.nat(),
        (strategy, symbol, time) => {
          const id = clientOrderId(strategy, symbol, time);
          expect(id).toMatch(/^[A-Za-z0-9._-]{1,128}$/);
          expect(clientOrderId(strategy, symbol, time)).toBe(id);
          expect(clientOrderId(strategy, symbol, time + 1)).not.toBe(id);
        },
      ),
    );
  });
});
