import fc from 'fast-check';

import { type PreTradeLimits, preTradeLimitViolations, preTradeRefusal } from './pre-trade-checks';

const roomy: PreTradeLimits = { maxOrderNotional: 1_000_000, maxPositionPct: 100 };
const flat = { equity: 100_000, held: 0 };

describe('preTradeRefusal', () => {
  it('passes an order within both limits', () => {
    // 500 × 100 = 50 000 ≤ 1 000 000; the position 50 000 is 50 % of 100 000 ≤ 100 %.
    expect(preTradeRefusal({ side: 'buy', quantity: 500, price: 100 }, flat, roomy)).toBeNull();
  });

  it('refuses an order worth more than max_order_notional, naming both amounts', () => {
    // 500 × 100 = 50 000 > 10 000.
    expect(
      preTradeRefusal({ side: 'buy', quantity: 500, price: 100 }, flat, {
        maxOrderNotional: 10_000,
        maxPositionPct: 100,
      }),
    ).toEqual({
      check: 'max_order_notional',
      reason: 'refused: order notional 50000.00 exceeds max_order_notional 10000.00',
    });
  });

  it('lets an order worth exactly max_order_notional through (the limit is inclusive)', () => {
    // 100 × 100 = 10 000, not above 10 000; the position is 10 % of equity.
    const limits = { maxOrderNotional: 10_000, maxPositionPct: 100 };
    expect(preTradeRefusal({ side: 'buy', quantity: 100, price: 100 }, flat, limits)).toBeNull();
  });

  it('applies the notional limit to sells too, and to fractional quantities', () => {
    // Selling 200 × 100 = 20 000 > 10 000, although it empties the position.
    expect(
      preTradeRefusal(
        { side: 'sell', quantity: 200, price: 100 },
        { equity: 100_000, held: 200 },
        { maxOrderNotional: 10_000, maxPositionPct: 100 },
      )?.reason,
    ).toBe('refused: order notional 20000.00 exceeds max_order_notional 10000.00');
    // 2.5 × 40.2 = 100.50 > 100.
    expect(
      preTradeRefusal({ side: 'buy', quantity: 2.5, price: 40.2 }, flat, {
        maxOrderNotional: 100,
        maxPositionPct: 100,
      })?.reason,
    ).toBe('refused: order notional 100.50 exceeds max_order_notional 100.00');
  });

  it('refuses an order that would leave a position above max_position_pct of equity', () => {
    // 500 × 100 = 50 000 = 50.00 % of 100 000 > 25 %.
    expect(
      preTradeRefusal({ side: 'buy', quantity: 500, price: 100 }, flat, {
        maxOrderNotional: 1_000_000,
        maxPositionPct: 25,
      }),
    ).toEqual({
      check: 'max_position_pct',
      reason: 'refused: the position would be 50000.00 (50.00% of equity), above max_position_pct 25%',
    });
  });

  it('counts the shares already held, valued at the order price', () => {
    // Held 100, buy 150 @ 80: 250 × 80 = 20 000 = 40.00 % of 50 000.
    const state = { equity: 50_000, held: 100 };
    const buy = { side: 'buy', quantity: 150, price: 80 } as const;
    expect(preTradeRefusal(buy, state, { maxOrderNotional: 1_000_000, maxPositionPct: 30 })?.reason).toBe(
      'refused: the position would be 20000.00 (40.00% of equity), above max_position_pct 30%',
    );
    // At 40 % the allowed value is 0.40 × 50 000 = 20 000: not above it, so the order passes.
    expect(preTradeRefusal(buy, state, { maxOrderNotional: 1_000_000, maxPositionPct: 40 })).toBeNull();
  });

  it('never blocks an order that shrinks the position with the percent limit', () => {
    // Held 800 @ 100 = 80 % of 100 000; selling 300 leaves 500 × 100 = 50 %, still above 25 %, but smaller.
    expect(
      preTradeRefusal(
        { side: 'sell', quantity: 300, price: 100 },
        { equity: 100_000, held: 800 },
        { maxOrderNotional: 1_000_000, maxPositionPct: 25 },
      ),
    ).toBeNull();
  });

  it('checks the notional first when an order breaks both limits', () => {
    expect(
      preTradeRefusal({ side: 'buy', quantity: 500, price: 100 }, flat, {
        maxOrderNotional: 10_000,
        maxPositionPct: 25,
      })?.check,
    ).toBe('max_order_notional');
  });

  it('never refuses under looser limits an order it passes under tighter ones', () => {
    const order = fc.record({
      side: fc.constantFrom('buy' as const, 'sell' as const),
      quantity: fc.integer({ min: 1, max: 10_000 }),
      price: fc.double({ min: 0.01, max: 10_000, noNaN: true }),
    });
    const state = fc.record({
      equity: fc.double({ min: 1, max: 10_000_000, noNaN: true }),
      held: fc.integer({ min: 0, max: 10_000 }),
    });
    const limits = fc.record({
      maxOrderNotional: fc.double({ min: 1, max: 10_000_000, noNaN: true }),
      maxPositionPct: fc.double({ min: 0.01, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(
        order,
        state,
        limits,
        fc.double({ min: 1, max: 10, noNaN: true }),
        (o, s, tight, factor) => {
          fc.pre(preTradeRefusal(o, s, tight) === null);
          const loose = {
            maxOrderNotional: tight.maxOrderNotional * factor,
            maxPositionPct: Math.min(100, tight.maxPositionPct * factor),
          };
          expect(preTradeRefusal(o, s, loose)).toBeNull();
        },
      ),
    );
  });
});

describe('preTradeLimitViolations', () => {
  it('accepts limits above 0, with the percent at most 100', () => {
    expect(preTradeLimitViolations({ maxOrderNotional: 0.01, maxPositionPct: 100 })).toEqual([]);
  });

  it('names each bad limit as the settings spell it', () => {
    expect(preTradeLimitViolations({ maxOrderNotional: 0, maxPositionPct: 150 })).toEqual([
      { field: 'max_order_notional', rule: 'must be a number above 0' },
      { field: 'max_position_pct', rule: 'must be a percent above 0 and at most 100' },
    ]);
    expect(
      preTradeLimitViolations({ maxOrderNotional: Number.NaN, maxPositionPct: 0 }).map((v) => v.field),
    ).toEqual(['max_order_notional', 'max_position_pct']);
  });
});
