import { rejection } from '@aetherquant/testing';
import fc from 'fast-check';
import { type OrderRequest } from '../broker/broker';
import { PaperBroker } from './paper-broker';

let nextId = 0;
const order = (
  fields: Partial<OrderRequest> & Pick<OrderRequest, 'side' | 'quantity' | 'price'>,
): OrderRequest => ({
  symbol: 'SPY',
  clientOrderId: `test-${++nextId}`,
  time: 1_577_836_800_000,
  ...fields,
});

describe('PaperBroker', () => {
  it('accounts a round trip to the cent: slippage, commission, average price, partial sells', async () => {
    // Commission 5 bps, slippage 10 bps, 10 000 of cash.
    const broker = new PaperBroker({ cash: 10_000, commissionBps: 5, slippageBps: 10 });

    // Buy 10 @ 100: fill 100 × 1.001 = 100.10, notional 1 001.00, commission 1 001 × 0.0005 = 0.5005.
    // Cash 10 000 − 1 001 − 0.5005 = 8 998.4995; marked at 100: 10 × 100 = 1 000, equity 9 998.4995.
    const first = await broker.submitOrder(order({ side: 'buy', quantity: 10, price: 100 }));
    expect(first.status).toBe('filled');
    expect(first.fillPrice).toBeCloseTo(100.1, 10);
    expect(first.commission).toBeCloseTo(0.5005, 10);
    let account = await broker.getAccount();
    expect(account.cash).toBeCloseTo(8_998.4995, 8);
    expect(account.equity).toBeCloseTo(9_998.4995, 8);

    // Buy 5 @ 110: fill 110.11, notional 550.55, commission 0.275275; cash 8 998.4995 − 550.825275 = 8 447.674225.
    // 15 shares, average (1 001 + 550.55) / 15 = 103.4366…; marked at 110: 1 650, equity 10 097.674225.
    await broker.submitOrder(order({ side: 'buy', quantity: 5, price: 110 }));
    account = await broker.getAccount();
    expect(account.cash).toBeCloseTo(8_447.674225, 8);
    expect(account.equity).toBeCloseTo(10_097.674225, 8);
    let [position] = await broker.getPositions();
    expect(position?.quantity).toBe(15);
    expect(position?.averagePrice).toBeCloseTo(1_551.55 / 15, 10);
    expect(position?.marketValue).toBeCloseTo(1_650, 10);

    // Sell 6 @ 120: fill 120 × 0.999 = 119.88, notional 719.28, commission 0.35964;
    // cash 8 447.674225 + 719.28 − 0.35964 = 9 166.594585. 9 shares left, average unchanged; 9 × 120 = 1 080.
    const sell = await broker.submitOrder(order({ side: 'sell', quantity: 6, price: 120 }));
    expect(sell.fillPrice).toBeCloseTo(119.88, 10);
    expect(sell.commission).toBeCloseTo(0.35964, 10);
    account = await broker.getAccount();
    expect(account.cash).toBeCloseTo(9_166.594585, 8);
    expect(account.equity).toBeCloseTo(10_246.594585, 8);
    [position] = await broker.getPositions();
    expect(position?.quantity).toBe(9);
    expect(position?.averagePrice).toBeCloseTo(1_551.55 / 15, 10);

    // Sell the last 9 @ 90: fill 89.91, notional 809.19, commission 0.404595; cash 9 975.37999, no position.
    await broker.submitOrder(order({ side: 'sell', quantity: 9, price: 90 }));
    account = await broker.getAccount();
    expect(account.cash).toBeCloseTo(9_975.37999, 8);
    expect(account.equity).toBeCloseTo(9_975.37999, 8);
    expect(await broker.getPositions()).toEqual([]);
    expect(broker.fills().map((fill) => [fill.side, fill.quantity, fill.brokerOrderId])).toEqual([
      ['buy', 10, 'paper-1'],
      ['buy', 5, 'paper-2'],
      ['sell', 6, 'paper-3'],
      ['sell', 9, 'paper-4'],
    ]);
  });

  it('values several symbols at their marks', async () => {
    const broker = new PaperBroker({ cash: 1_000, commissionBps: 0, slippageBps: 0 });
    await broker.submitOrder(order({ symbol: 'SPY', side: 'buy', quantity: 2, price: 100 }));
    await broker.submitOrder(order({ symbol: 'QQQ', side: 'buy', quantity: 3, price: 50 }));
    // Cash 1 000 − 200 − 150 = 650; SPY marked up to 120: 650 + 240 + 150 = 1 040.
    broker.markPrice('SPY', 120);
    expect(await broker.getAccount()).toEqual({ cash: 650, equity: 1_040 });
    expect(await broker.getPositions()).toEqual([
      { symbol: 'SPY', quantity: 2, averagePrice: 100, marketValue: 240 },
      { symbol: 'QQQ', quantity: 3, averagePrice: 50, marketValue: 150 },
    ]);
  });

  it('rejects a buy beyond the cash, with the reason, and leaves the account as it was', async () => {
    const broker = new PaperBroker({ cash: 1_000, commissionBps: 5, slippageBps: 10 });
    // 10 @ 100 costs 1 001 + 0.5005 = 1 001.5005 > 1 000.
    const result = await broker.submitOrder(order({ side: 'buy', quantity: 10, price: 100 }));
    expect(result.status).toBe('rejected');
    expect(result.reason).toMatch(/insufficient cash/);
    expect(await broker.getAccount()).toEqual({ cash: 1_000, equity: 1_000 });
    expect(broker.fills()).toEqual([]);
    // 9 @ 100 costs 900.9 + 0.45045 = 901.35045: fits.
    expect((await broker.submitOrder(order({ side: 'buy', quantity: 9, price: 100 }))).status).toBe('filled');
    expect((await broker.getAccount()).cash).toBeCloseTo(98.64955, 8);
  });

  it('rejects a sell beyond the position (no shorts), with the reason', async () => {
    const broker = new PaperBroker({ cash: 1_000, commissionBps: 0, slippageBps: 0 });
    await broker.submitOrder(order({ side: 'buy', quantity: 5, price: 100 }));
    const over = await broker.submitOrder(order({ side: 'sell', quantity: 6, price: 100 }));
    expect(over.status).toBe('rejected');
    expect(over.reason).toMatch(/insufficient position.*holding 5/);
    const unheld = await broker.submitOrder(order({ symbol: 'QQQ', side: 'sell', quantity: 1, price: 10 }));
    expect(unheld.status).toBe('rejected');
    expect(unheld.reason).toMatch(/holding 0/);
    expect((await broker.getPositions()).map((p) => p.quantity)).toEqual([5]);
    expect((await broker.getAccount()).cash).toBe(500);
  });

  it('takes fractional shares only when the option allows them', async () => {
    const whole = new PaperBroker({ cash: 1_000, commissionBps: 0, slippageBps: 0 });
    const refused = await whole.submitOrder(order({ side: 'buy', quantity: 1.5, price: 100 }));
    expect(refused.status).toBe('rejected');
    expect(refused.reason).toMatch(/whole number of shares/);
    expect((await whole.getAccount()).cash).toBe(1_000);

    const fractional = new PaperBroker({ cash: 1_000, commissionBps: 0, slippageBps: 0, fractional: true });
    expect((await fractional.submitOrder(order({ side: 'buy', quantity: 1.5, price: 100 }))).status).toBe(
      'filled',
    );
    expect(await fractional.getAccount()).toEqual({ cash: 850, equity: 1_000 });
  });

  it('does not trade twice on a client order id it already filled', async () => {
    const broker = new PaperBroker({ cash: 1_000, commissionBps: 0, slippageBps: 0 });
    const request = order({ side: 'buy', quantity: 2, price: 100 });
    const first = await broker.submitOrder(request);
    const second = await broker.submitOrder(request);
    expect(first.status).toBe('filled');
    expect(second.status).toBe('duplicate');
    expect(second.brokerOrderId).toBe(first.brokerOrderId);
    expect((await broker.getAccount()).cash).toBe(800);
    expect(broker.fills()).toHaveLength(1);
  });

  it('hands out copies of its fills', async () => {
    const broker = new PaperBroker({ cash: 1_000, commissionBps: 0, slippageBps: 0 });
    await broker.submitOrder(order({ side: 'buy', quantity: 2, price: 100 }));
    const [fill] = broker.fills();
    if (fill) fill.quantity = 99;
    expect(broker.fills()[0]?.quantity).toBe(2);
  });

  it('throws INVALID_ARGUMENT for malformed orders, naming the field', async () => {
    const broker = new PaperBroker({ cash: 1_000, commissionBps: 0, slippageBps: 0 });
    const fields = async (request: OrderRequest) =>
      (await rejection(broker.submitOrder(request), 'INVALID_ARGUMENT')).details?.violations?.map(
        (v) => v.field,
      );
    expect(await fields(order({ side: 'buy', quantity: 0, price: 100 }))).toEqual(['quantity']);
    expect(await fields(order({ side: 'buy', quantity: -1, price: 100 }))).toEqual(['quantity']);
    expect(await fields(order({ side: 'buy', quantity: 1, price: 0 }))).toEqual(['price']);
    expect(await fields(order({ side: 'buy', quantity: 1, price: Number.NaN }))).toEqual(['price']);
    expect(await fields(order({ symbol: '', side: 'buy', quantity: 1, price: 1 }))).toEqual(['symbol']);
    expect(await fields(order({ side: 'buy', quantity: 1, price: 1, clientOrderId: '' }))).toEqual([
      'client_order_id',
    ]);
    expect(await broker.getAccount()).toEqual({ cash: 1_000, equity: 1_000 });
  });

  it('validates its options, naming every bad one', () => {
    let thrown: unknown;
    try {
      new PaperBroker({ cash: 0, commissionBps: -1, slippageBps: Number.NaN });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(
      (thrown as { details: { violations: { field: string }[] } }).details.violations.map((v) => v.field),
    ).toEqual(['initial_cash', 'commission_bps', 'slippage_bps']);
    expect(
      () =>
        new PaperBroker({
          cash: 1_000,
          commissionBps: 0,
          slippageBps: 0,
          limits: { maxOrderNotional: 0, maxPositionPct: 101 },
        }),
    ).toThrow(
      'paper broker: max_order_notional must be a number above 0; max_position_pct must be a percent above 0 and at most 100',
    );
  });

  it('with limits, rejects an order that breaks one with the live refusal, and leaves the ledger as it was', async () => {
    const broker = new PaperBroker({
      cash: 10_000,
      commissionBps: 0,
      slippageBps: 0,
      limits: { maxOrderNotional: 2_000, maxPositionPct: 30 },
    });
    // 25 × 100 = 2 500 > 2 000.
    const large = await broker.submitOrder(order({ side: 'buy', quantity: 25, price: 100 }));
    expect(large).toMatchObject({
      status: 'rejected',
      reason: 'refused: order notional 2500.00 exceeds max_order_notional 2000.00',
    });
    // 20 × 100 = 2 000 passes; the position is 20 % of 10 000.
    expect((await broker.submitOrder(order({ side: 'buy', quantity: 20, price: 100 }))).status).toBe(
      'filled',
    );
    // Equity 10 000 (8 000 cash + 20 × 100); 15 more would hold 35 × 100 = 3 500 = 35 % > 30 %.
    const concentrated = await broker.submitOrder(order({ side: 'buy', quantity: 15, price: 100 }));
    expect(concentrated).toMatchObject({
      status: 'rejected',
      reason: 'refused: the position would be 3500.00 (35.00% of equity), above max_position_pct 30%',
    });
    expect(await broker.getAccount()).toEqual({ cash: 8_000, equity: 10_000 });
    expect(broker.fills()).toHaveLength(1);
    // After a rally to 200 the 20 shares are 4 000 of 12 000 (33 %): selling 5 shrinks them, so it passes.
    broker.markPrice('SPY', 200);
    expect((await broker.submitOrder(order({ side: 'sell', quantity: 5, price: 200 }))).status).toBe(
      'filled',
    );
  });

  it('checks the limits before its own rules, as a live order is checked before its broker sees it', async () => {
    const broker = new PaperBroker({
      cash: 1_000,
      commissionBps: 0,
      slippageBps: 0,
      limits: { maxOrderNotional: 500, maxPositionPct: 100 },
    });
    // 15 × 100 = 1 500 is beyond the 1 000 of cash too, but the first answer is the refusal: 1 500 > 500.
    const result = await broker.submitOrder(order({ side: 'buy', quantity: 15, price: 100 }));
    expect(result.reason).toBe('refused: order notional 1500.00 exceeds max_order_notional 500.00');
  });

  describe('by property, over random orders and prices', () => {
    const symbols = ['AAA', 'BBB', 'CCC'] as const;
    const step = fc.oneof(
      fc.record({
        kind: fc.constantFrom('buy' as const, 'sell' as const),
        symbol: fc.constantFrom(...symbols),
        quantity: fc.oneof(
          fc.integer({ min: 1, max: 200 }),
          fc.double({ min: 0.001, max: 200, noNaN: true }),
        ),
        price: fc.double({ min: 0.5, max: 1_000, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant('mark' as const),
        symbol: fc.constantFrom(...symbols),
        quantity: fc.constant(0),
        price: fc.double({ min: 0.5, max: 1_000, noNaN: true }),
      }),
    );

    it('keeps cash + Σ quantity × mark equal to equity, cash never negative, cash matching the fills', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(step, { maxLength: 60 }),
          fc.boolean(),
          fc.double({ min: 0, max: 100, noNaN: true }),
          fc.double({ min: 0, max: 100, noNaN: true }),
          async (steps, fractional, commissionBps, slippageBps) => {
            const initialCash = 20_000;
            const broker = new PaperBroker({ cash: initialCash, commissionBps, slippageBps, fractional });
            const marks = new Map<string, number>();
            for (const [i, { kind, symbol, quantity, price }] of steps.entries()) {
              if (kind === 'mark') {
                broker.markPrice(symbol, price);
                marks.set(symbol, price);
              } else {
                const result = await broker.submitOrder({
                  symbol,
                  side: kind,
                  quantity,
                  price,
                  clientOrderId: `p-${i}`,
                  time: i,
                });
                if (result.status === 'filled') marks.set(symbol, price);
              }
              const account = await broker.getAccount();
              const positions = await broker.getPositions();
              const held = positions.reduce(
                (sum, p) => sum + p.quantity * (marks.get(p.symbol) as number),
                0,
              );
              expect(Math.abs(account.cash + held - account.equity)).toBeLessThanOrEqual(
                1e-9 * account.equity + 1e-9,
              );
              expect(account.cash).toBeGreaterThanOrEqual(0);
              for (const position of positions) expect(position.quantity).toBeGreaterThan(0);

              // An independent ledger: initial cash − Σ buys (notional + commission) + Σ sells (notional − commission).
              const ledger = broker
                .fills()
                .reduce(
                  (cash, fill) =>
                    cash +
                    (fill.side === 'buy' ? -1 : 1) * fill.quantity * (fill.fillPrice as number) -
                    (fill.commission as number),
                  initialCash,
                );
              expect(account.cash).toBeCloseTo(ledger, 6);
            }
          },
        ),
        { numRuns: 200 },
      );
    });
  });
});
