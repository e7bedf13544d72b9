import { describeWithMarketData } from '@aetherquant/testing';
import { WMA } from 'trading-signals';
import { accurateSum, expectColumnClose, longRandomWalk, naiveRolling } from '../../testing/compare';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column } from '../../testing/reference';
import { wma, wmaWarmup } from './wma';

describe('wma', () => {
  it('weights the newest bar most (period 3, weights 1 2 3, divisor 6)', () => {
    // bar 2: (1·1 + 2·2 + 3·3) / 6 = 14/6; bar 3: (1·2 + 2·3 + 3·4) / 6 = 20/6; bar 4: (3 + 8 + 15) / 6 = 26/6
    // bar 5 re-sums the window: (4 + 10 + 18) / 6 = 32/6
    expect(Array.from(wma([1, 2, 3, 4, 5, 6], 3))).toEqual([NaN, NaN, 14 / 6, 20 / 6, 26 / 6, 32 / 6]);
    expect(wmaWarmup(3)).toBe(2);
  });

  it('names the argument it rejects', () => {
    expect(() => wma([1], 0)).toThrow('wma: period must be an integer of at least 1 (got 0)');
  });

  it('does not drift over 100 000 bars (re-summed every period)', () => {
    // Between re-sums the sliding update adds at most `period` roundings of the weighted sum: 1e-14 of the price.
    const values = longRandomWalk(100_000, 11);
    const naive = naiveRolling(
      values,
      30,
      (window) => accurateSum(window.map((value, j) => value * (j + 1))) / 465,
    );
    expectColumnClose(wma(values, 30), naive, { warmup: 29, tolerance: 1e-14 });
  });
});

describeWithMarketData('wma on nine ETFs against trading-signals WMA', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it('agrees on every bar for periods 1, 10 and 50', () => {
    for (const { close } of markets) {
      for (const period of [1, 10, 50]) {
        const reference = new WMA(period);
        const expected = column(close.length, (t) => reference.update(close[t] as number, false));
        expectColumnClose(wma(close, period), expected, { warmup: period - 1, tolerance: 1e-13 });
      }
    }
  });
});
