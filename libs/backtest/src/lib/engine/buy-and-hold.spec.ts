import { buyAndHoldEquity } from './buy-and-hold';

describe('buyAndHoldEquity', () => {
  it('holds the cash in the asset from the first close, without costs', () => {
    // 1000 at 40, then × 50/40 = 1250, then × 30/50 = 750.
    expect(Array.from(buyAndHoldEquity([40, 50, 30], 1000))).toEqual([1000, 1250, 750]);
  });

  it('buys at the close of bar `from` and stops before bar `to`', () => {
    // Bought at 50 (bar 1), held to bar 2 (30): 1000, 600.
    expect(Array.from(buyAndHoldEquity([40, 50, 30, 60], 1000, 1, 3))).toEqual([1000, 600]);
    expect(buyAndHoldEquity([40, 50], 1000, 2)).toHaveLength(0);
  });

  it('stays flat over a close carried forward', () => {
    expect(Array.from(buyAndHoldEquity([10, 10, 10, 12], 100))).toEqual([100, 100, 100, 120]);
  });
});
