import { BarSeries, DAY_MS, parseInterval } from '@aetherquant/core';
import { runBacktest, type Trade } from '@aetherquant/backtest';
import { MAX_LISTED_TRADES, tradeList } from './trade-list';

const day = parseInterval('1d');
const start = Date.UTC(2024, 0, 2);

/** Daily bars on consecutive days with these closes (the engine reads closes only). */
function bars(close: number[]): BarSeries {
  return new BarSeries({
    symbol: 'PI',
    interval: '1d',
    time: close.map((_, t) => start + t * DAY_MS),
    open: close,
    high: close,
    low: close,
    close,
    volume: close.map(() => 1000),
  });
}

const trade = (n: number): Trade => ({
  side: n % 2 === 0 ? 'long' : 'short',
  entryIndex: n,
  exitIndex: n + 1,
  entryTime: Date.UTC(2024, 0, 2 + n),
  exitTime: Date.UTC(2024, 0, 3 + n),
  entryPrice: 100.123,
  exitPrice: 101.987,
  size: 10,
  return: 0.01862345678,
  pnl: 18.62345678,
  barsHeld: 1,
  open: false,
});

describe('tradeList', () => {
  it('lists a long trade on five bars with its exact prices, its size in units and its P&L in cash', () => {
    // Closes 3.14159 → 3.14159 → 3.5 → 3.25 → 3.3, targets [0, 1, 1, 0, 0], 1,000 cash, no costs.
    // Bar 0 and 1 are flat: equity 1000, 1000. The long opens at bar 1's close, 3.14159: with all the equity,
    // 1000 / 3.14159 = 318.3101… units. Bar 2 earns 3.5/3.14159 − 1, bar 3 earns 3.25/3.5 − 1 and exits at
    // 3.25: equity 1000 · 3.25/3.14159 = 1034.5080…, so the P&L is 34.51 = units × (3.25 − 3.14159), and the
    // return 3.25/3.14159 − 1 = 0.034508.
    const result = runBacktest(bars([3.14159, 3.14159, 3.5, 3.25, 3.3]), Float64Array.from([0, 1, 1, 0, 0]), {
      initialCash: 1000,
      commissionBps: 0,
      slippageBps: 0,
    });
    const [listed] = tradeList(result.trades, day);
    expect(listed).toEqual({
      side: 'long',
      entry: '2024-01-03',
      exit: '2024-01-05',
      entry_price: 3.14159, // exact, not the 3.14 a rounding to cents would show
      exit_price: 3.25,
      size: expect.closeTo(1000 / 3.14159, 9),
      return: 0.034508,
      pnl: 34.51,
      bars_held: 2,
      open: false,
    });
    expect((listed?.size as number) * (3.25 - 3.14159)).toBeCloseTo(34.508, 3);
  });

  it('sizes a fractional short from the equity after its entry cost, and counts its exit cost in the P&L', () => {
    // Closes 8 → 8 → 7.5 → 7 → 7, targets [0, −0.5, −0.5, −0.5, 0], 1,000 cash, 10 bps commission (c = 0.001).
    // Bar 1: entering −0.5 costs 0.5 · 0.001 of equity → 999.5; the short is 0.5 · 999.5 / 8 = 62.46875 units.
    // Bar 2 earns −0.5 · (7.5/8 − 1) = +3.125% → 999.5 · 1.03125 = 1030.734375.
    // Bar 3 earns −0.5 · (7/7.5 − 1) = +3.3333…%; bar 4 earns nothing and pays 0.5 · 0.001 to exit:
    // 1030.734375 · (1 + 1/30) · (1 − 0.0005) = 1064.5596…; P&L 1064.5596… − 999.5 = 65.06, return 6.5092%.
    const result = runBacktest(bars([8, 8, 7.5, 7, 7]), Float64Array.from([0, -0.5, -0.5, -0.5, 0]), {
      initialCash: 1000,
      commissionBps: 10,
      slippageBps: 0,
    });
    const exitEquity = 1030.734375 * (1 + -0.5 * (7 / 7.5 - 1)) * (1 - 0.0005);
    const [listed] = tradeList(result.trades, day);
    expect(listed).toMatchObject({
      side: 'short',
      entry_price: 8,
      exit_price: 7,
      size: 62.46875,
      pnl: Number((exitEquity - 999.5).toFixed(2)),
      return: Number((exitEquity / 999.5 - 1).toFixed(6)),
      bars_held: 3,
      open: false,
    });
    expect([listed?.pnl, listed?.return]).toEqual([65.06, 0.065092]);
  });

  it('shows a trade with dates, the engine’s prices unrounded, the P&L to the cent and the return to 6 decimals', () => {
    expect(tradeList([trade(0)], day)).toEqual([
      {
        side: 'long',
        entry: '2024-01-02',
        exit: '2024-01-03',
        entry_price: 100.123,
        exit_price: 101.987,
        size: 10,
        return: 0.018623,
        pnl: 18.62,
        bars_held: 1,
        open: false,
      },
    ]);
  });

  it('keeps the latest trades only, oldest first', () => {
    const trades = Array.from({ length: MAX_LISTED_TRADES + 3 }, (_, n) => trade(n));
    const listed = tradeList(trades, day);
    expect(listed).toHaveLength(MAX_LISTED_TRADES);
    expect(listed[0]?.entry).toBe(tradeList([trade(3)], day)[0]?.entry);
  });
});
