import { describeWithMarketData } from '@aetherquant/testing';
import { getCorrelation } from 'trading-signals';
import {
  accurateSum,
  expectColumnClose,
  longRandomWalk,
  naiveRolling,
  seededRandom,
} from '../../testing/compare';
import { alignedReturns, readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column } from '../../testing/reference';
import { rollingCorrelation, rollingCorrelationWarmup } from './correlation';

describe('rollingCorrelation', () => {
  it('is Pearson’s correlation over the window (period 3)', () => {
    // bar 2: (1 2 3) and (2 4 6) are proportional → 1.
    // bar 3: x 2 3 4 (mean 3, deviations −1 0 1), y 4 6 9 (mean 19/3, deviations −7/3 −1/3 8/3):
    // Σdxdy = 7/3 + 8/3 = 5, Σdx² = 2, Σdy² = (49 + 1 + 64)/9 = 114/9 → 5/√(2·114/9) = 0.99340
    const result = rollingCorrelation([1, 2, 3, 4], [2, 4, 6, 9], 3);
    expect(result[1]).toBeNaN();
    expect(result[2]).toBeCloseTo(1, 14);
    expect(result[3]).toBeCloseTo(5 / Math.sqrt((2 * 114) / 9), 14);
    expect(rollingCorrelationWarmup(3)).toBe(2);
  });

  it('is NaN where either window is flat', () => {
    expect(Array.from(rollingCorrelation([1, 1, 2], [1, 2, 3], 2))).toEqual([NaN, NaN, 1]);
  });

  it('names the argument it rejects', () => {
    expect(() => rollingCorrelation([1, 2], [1], 2)).toThrow(
      'rollingCorrelation: y must have as many values as x',
    );
  });

  it('does not drift over 100 000 bars (re-summed every period)', () => {
    const x = longRandomWalk(100_000, 21);
    const random = seededRandom(22);
    const y = Float64Array.from(x, (value) => 0.5 * value + (random() - 0.5) * Math.SQRT2);
    const expected = column(x.length, (t) => {
      if (t < 59) return null;
      const xs = Array.from(x.subarray(t - 59, t + 1));
      const ys = Array.from(y.subarray(t - 59, t + 1));
      const mx = accurateSum(xs) / 60;
      const my = accurateSum(ys) / 60;
      const cross = accurateSum(xs.map((value, j) => (value - mx) * ((ys[j] as number) - my)));
      const sx = accurateSum(xs.map((value) => (value - mx) ** 2));
      const sy = accurateSum(ys.map((value) => (value - my) ** 2));
      return cross / Math.sqrt(sx * sy);
    });
    expectColumnClose(rollingCorrelation(x, y, 60), expected, { warmup: 59, tolerance: 1e-10 });
  });
});

describeWithMarketData('rollingCorrelation on nine ETFs against trading-signals getCorrelation', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it("agrees on every bar for SPY's daily returns against each other ETF's, over 63 bars", () => {
    const spy = markets.find((columns) => columns.symbol === 'SPY') as MarketColumns;
    for (const other of markets.filter((columns) => columns !== spy)) {
      const [x, y] = alignedReturns(spy, other);
      const expected = column(x.length, (t) =>
        t < 62
          ? null
          : getCorrelation(Array.from(x.subarray(t - 62, t + 1)), Array.from(y.subarray(t - 62, t + 1))),
      );
      expectColumnClose(rollingCorrelation(x, y, 63), expected, { warmup: 62, tolerance: 1e-10 });
    }
  });

  it('agrees with a window of closes too, where the level dwarfs the moves', () => {
    const [spy, qqq] = markets;
    const n = Math.min(spy?.close.length ?? 0, qqq?.close.length ?? 0);
    const x = (spy as MarketColumns).close.subarray(0, n);
    const y = (qqq as MarketColumns).close.subarray(0, n);
    const expected = naiveRolling(Float64Array.from(x.keys()), 20, (window) => {
      const t = window[window.length - 1] as number;
      return getCorrelation(Array.from(x.subarray(t - 19, t + 1)), Array.from(y.subarray(t - 19, t + 1)));
    });
    expectColumnClose(rollingCorrelation(x, y, 20), expected, { warmup: 19, tolerance: 1e-10 });
  });
});
