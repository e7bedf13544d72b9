import { describeWithMarketData } from '@aetherquant/testing';
import { ATR, getTrueRange } from 'trading-signals';
import { expectColumnClose } from '../../testing/compare';
import { RANGE_BARS } from '../../testing/hand-bars';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column, wilderSmoothing } from '../../testing/reference';
import { atr, atrWarmup } from './atr';

const BARS = RANGE_BARS;

describe('atr', () => {
  it('smooths the true range the Wilder way from bar 1 (period 2)', () => {
    // true ranges: bar 1 max(2, |11 − 9|, |9 − 9|) = 2; bar 2 max(2.5, 2, 0.5) = 2.5;
    // bar 3 max(3, |11.5 − 11|, |8.5 − 11|) = 3; bar 4 (gap) max(1, |13 − 9|, |12 − 9|) = 4.
    // ATR: bar 2 = (2 + 2.5)/2 = 2.25; bar 3 = (2.25·1 + 3)/2 = 2.625; bar 4 = (2.625 + 4)/2 = 3.3125
    expect(Array.from(atr(BARS.high, BARS.low, BARS.close, 2))).toEqual([NaN, NaN, 2.25, 2.625, 3.3125]);
    expect(atrWarmup(14)).toBe(14);
  });

  it('names the argument it rejects', () => {
    expect(() => atr([1, 2], [1], [1, 2], 1)).toThrow(
      'atr: low must have as many values as high (got 1, high has 2)',
    );
    expect(() => atr([1], [1], [1], 0)).toThrow('atr: period must be an integer of at least 1 (got 0)');
  });
});

describeWithMarketData('atr on nine ETFs against trading-signals ATR', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it("agrees on every bar with the library's true range and Wilder smoothing, started at bar 1", () => {
    for (const { high, low, close } of markets) {
      const trueRange = column(close.length, (t) =>
        t === 0
          ? null
          : getTrueRange(
              { high: high[t] as number, low: low[t] as number, close: close[t] as number },
              close[t - 1],
            ),
      );
      for (const period of [2, 14, 30]) {
        expectColumnClose(atr(high, low, close, period), wilderSmoothing(trueRange, period, 1), {
          warmup: period,
          tolerance: 1e-12,
        });
      }
    }
  });

  it("meets the library's own ATR, which counts high − low as bar 0's true range, once that has faded", () => {
    for (const { high, low, close } of markets) {
      const reference = new ATR(14);
      const expected = column(close.length, (t) =>
        reference.update(
          { high: high[t] as number, low: low[t] as number, close: close[t] as number },
          false,
        ),
      );
      expectColumnClose(atr(high, low, close, 14), expected, { warmup: 14, from: 600, tolerance: 1e-12 });
    }
  });
});
