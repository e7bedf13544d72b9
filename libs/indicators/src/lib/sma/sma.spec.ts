import { describeWithMarketData } from '@aetherquant/testing';
import { SMA } from 'trading-signals';
import { accurateSum, expectColumnClose, longRandomWalk, naiveRolling } from '../../testing/compare';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column } from '../../testing/reference';
import { sma, smaWarmup } from './sma';

describe('sma', () => {
  it('averages full windows only, NaN before (period 3)', () => {
    // bar 2: (1 + 2 + 3) / 3 = 2; bar 3: (2 + 3 + 7) / 3 = 4; bar 4: (3 + 7 + 2) / 3 = 4
    expect(Array.from(sma([1, 2, 3, 7, 2], 3))).toEqual([NaN, NaN, 2, 4, 4]);
    expect(smaWarmup(3)).toBe(2);
  });

  it('writes into the array it is given, and returns the values for period 1', () => {
    const out = new Float64Array(3).fill(-1);
    expect(sma(Float64Array.of(4, 5, 6), 1, out)).toBe(out);
    expect(Array.from(out)).toEqual([4, 5, 6]);
  });

  it('is all NaN when the series is shorter than the window', () => {
    expect(Array.from(sma([1, 2], 3))).toEqual([NaN, NaN]);
  });

  it('names the argument it rejects', () => {
    expect(() => sma([1], 0)).toThrow('sma: period must be an integer of at least 1 (got 0)');
    expect(() => sma([1], 2.5)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => sma([1, 2], 1, new Float64Array(3))).toThrow(
      'sma: out must have one slot per bar (got 3, expected 2)',
    );
    expect(() => smaWarmup(-1)).toThrow('sma: period must be');
  });

  it('does not drift over 100 000 bars (compensated sum), where a plain running sum does', () => {
    const values = longRandomWalk(100_000);
    const naive = naiveRolling(values, 50, (window) => accurateSum(window) / 50);
    const compensated = expectColumnClose(sma(values, 50), naive, { warmup: 49, tolerance: 2e-16 });
    // The same average kept as a plain running sum, for contrast: its error grows with the bars.
    let sum = 0;
    const plain = column(values.length, (t) => {
      sum += values[t] as number;
      if (t >= 50) sum -= values[t - 50] as number;
      return t >= 49 ? sum / 50 : null;
    });
    const drifting = expectColumnClose(plain, naive, { warmup: 49, tolerance: 1 });
    expect(compensated.maxAbsolute).toBeLessThan(drifting.maxAbsolute / 10);
  });
});

describeWithMarketData('sma on nine ETFs against trading-signals SMA', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it('agrees on every bar for periods 1, 5, 20 and 200', () => {
    for (const { close } of markets) {
      for (const period of [1, 5, 20, 200]) {
        const reference = new SMA(period);
        const expected = column(close.length, (t) => reference.update(close[t] as number, false));
        expectColumnClose(sma(close, period), expected, { warmup: period - 1, tolerance: 1e-13 });
      }
    }
  });
});
