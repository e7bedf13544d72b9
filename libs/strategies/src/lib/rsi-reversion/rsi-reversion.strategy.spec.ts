import { seriesOf, thrown, violatedFields } from '../../testing/series';
import { rsiReversionStrategy } from './rsi-reversion.strategy';

describe('rsi-reversion', () => {
  it("enters below lower, holds in between and exits above upper, on Wilder's RSI (period 2)", () => {
    const series = seriesOf({ close: [10, 11, 12, 11, 10, 9, 10, 12, 13] });
    // Changes: +1 +1 −1 −1 −1 +1 +2 +1. Averages start at bar 2 as the mean of the first 2 changes, then
    // avg = (prev × 1 + x) / 2.
    // bar 0, 1: warm-up                                                                  → 0
    // bar 2: gain (1+1)/2 = 1,           loss 0            RSI 100 (no loss)  > 70     → 0
    // bar 3: gain (1+0)/2 = 0.5,         loss (0+1)/2 = 0.5  RS 1, RSI 50     between → hold 0
    // bar 4: gain 0.25,                  loss 0.75         RS 1/3, RSI 100 − 100/(4/3) = 25 < 30 → +1
    // bar 5: gain 0.125,                 loss 0.875        RS 1/7, RSI 100 − 100/(8/7) = 12.5  → +1
    // bar 6: gain (0.125+1)/2 = 0.5625,  loss 0.4375       RS 9/7, RSI 100 − 100/(16/7) = 56.25 → hold +1
    // bar 7: gain (0.5625+2)/2 = 1.28125, loss 0.21875     RS 41/7, RSI 100 − 700/48 = 85.42 > 70 → 0
    // bar 8: gain 1.140625,              loss 0.109375     RSI 91.25                          → 0
    expect(Array.from(rsiReversionStrategy.targets(series, { period: 2 }))).toEqual([
      0, 0, 0, 0, 1, 1, 1, 0, 0,
    ]);
    expect(rsiReversionStrategy.warmupBars({ period: 2, lower: 30, upper: 70 })).toBe(2);
  });

  it('holds at the thresholds themselves: only strictly below lower enters, strictly above upper exits', () => {
    // Same closes as above: RSI 25 at bar 4 and 56.25 at bar 6. Lower 25 does not enter at bar 4 (25 is
    // not below 25) but does at bar 5 (12.5); upper 56.25 does not exit at bar 6, bar 7 (85.4) does.
    const series = seriesOf({ close: [10, 11, 12, 11, 10, 9, 10, 12, 13] });
    expect(Array.from(rsiReversionStrategy.targets(series, { period: 2, lower: 25, upper: 56.25 }))).toEqual([
      0, 0, 0, 0, 0, 1, 1, 0, 0,
    ]);
  });

  it('reads no movement at all as RSI 50', () => {
    const flat = seriesOf({ close: [10, 10, 10, 10, 10] });
    // Both averages 0 → RSI 50: below a lower of 60, so long from bar 2; below 30 it is never.
    expect(Array.from(rsiReversionStrategy.targets(flat, { period: 2, lower: 60, upper: 70 }))).toEqual([
      0, 0, 1, 1, 1,
    ]);
    expect(Array.from(rsiReversionStrategy.targets(flat, { period: 2 }))).toEqual([0, 0, 0, 0, 0]);
  });

  it('uses period 14, lower 30 and upper 70 by default', () => {
    expect(rsiReversionStrategy.resolveParameters({})).toEqual({ period: 14, lower: 30, upper: 70 });
  });

  it('requires lower < upper, both within 0 … 100, and an integer period of at least 2', () => {
    const error = thrown(() => rsiReversionStrategy.resolveParameters({ lower: 70, upper: 30 }));
    expect(error.message).toBe(
      'rsi-reversion parameters: lower must be less than upper (got lower 70, upper 30)',
    );
    expect(violatedFields(error)).toEqual(['lower']);
    const many = thrown(() => rsiReversionStrategy.resolveParameters({ period: 1, lower: -5, upper: 101 }));
    expect(many.message).toBe(
      'rsi-reversion parameters: period must be at least 2 (got 1); lower must be at least 0 (got -5); ' +
        'upper must be at most 100 (got 101)',
    );
    expect(violatedFields(thrown(() => rsiReversionStrategy.resolveParameters({ period: 14.5 })))).toEqual([
      'period',
    ]);
    // Fractional levels are fine.
    expect(rsiReversionStrategy.resolveParameters({ lower: 27.5 })).toEqual({
      period: 14,
      lower: 27.5,
      upper: 70,
    });
  });
});
