import { seriesOf, thrown } from '../../testing/series';
import { momentumStrategy } from './momentum.strategy';

describe('momentum', () => {
  it('takes the sign of the trailing return over lookback bars (lookback 2)', () => {
    const series = seriesOf({ close: [10, 11, 12, 11, 11, 12, 10] });
    // bar 0, 1: no close 2 bars back                 → 0
    // bar 2: 12 / 10 − 1 = +0.2                     → +1
    // bar 3: 11 / 11 − 1 = 0                        → 0
    // bar 4: 11 / 12 − 1 = −0.083                   → −1
    // bar 5: 12 / 11 − 1 = +0.091                   → +1
    // bar 6: 10 / 11 − 1 = −0.091                   → −1
    expect(Array.from(momentumStrategy.targets(series, { lookback: 2 }))).toEqual([0, 0, 1, 0, -1, 1, -1]);
    expect(momentumStrategy.warmupBars({ lookback: 2 })).toBe(2);
  });

  it('uses a lookback of 20 by default and refuses one below 1 or fractional', () => {
    expect(momentumStrategy.resolveParameters({})).toEqual({ lookback: 20 });
    expect(thrown(() => momentumStrategy.resolveParameters({ lookback: 0 })).message).toBe(
      'momentum parameters: lookback must be at least 1 (got 0)',
    );
    expect(thrown(() => momentumStrategy.resolveParameters({ lookback: 1.5 })).message).toBe(
      'momentum parameters: lookback must be an integer (got 1.5)',
    );
  });
});
