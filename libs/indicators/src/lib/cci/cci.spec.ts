import { describeWithMarketData } from '@aetherquant/testing';
import { CCI } from 'trading-signals';
import { expectColumnClose } from '../../testing/compare';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column } from '../../testing/reference';
import { cci, cciWarmup } from './cci';

describe('cci', () => {
  it("divides the typical price's distance from its mean by 0.015 mean deviations (period 3)", () => {
    // high = low = close, so TP is the price. bar 2: 1 2 3, mean 2, MD (1 + 0 + 1)/3 = 2/3 → (3 − 2)/(0.015·2/3) = 100;
    // bar 3: 2 3 2, mean 7/3, MD (1/3 + 2/3 + 1/3)/3 = 4/9 → (2 − 7/3)/(0.015·4/9) = −50;
    // bar 4: 3 2 8, mean 13/3, MD (4/3 + 7/3 + 11/3)/3 = 22/9 → (8 − 13/3)/(0.015·22/9) = 100.
    const prices = [1, 2, 3, 2, 8];
    const result = cci(prices, prices, prices, 3);
    expect(result[1]).toBeNaN();
    [100, -50, 100].forEach((value, i) => expect(result[i + 2]).toBeCloseTo(value, 10));
    expect(cciWarmup(20)).toBe(19);
  });

  it('is 0 on a flat window', () => {
    expect(Array.from(cci([4, 4], [4, 4], [4, 4], 2))).toEqual([NaN, 0]);
  });

  it('names the argument it rejects', () => {
    expect(() => cci([1], [1], [1, 2], 1)).toThrow('cci: close must have as many values as high');
  });
});

describeWithMarketData('cci on nine ETFs against trading-signals CCI', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it('agrees on every bar for periods 5 and 20', () => {
    for (const { high, low, close } of markets) {
      for (const period of [5, 20]) {
        const reference = new CCI(period);
        const expected = column(close.length, (t) =>
          reference.update(
            { high: high[t] as number, low: low[t] as number, close: close[t] as number },
            false,
          ),
        );
        expectColumnClose(cci(high, low, close, period), expected, { warmup: period - 1, tolerance: 1e-9 });
      }
    }
  });
});
