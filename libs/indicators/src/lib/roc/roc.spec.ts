import { describeWithMarketData } from '@aetherquant/testing';
import { ROC } from 'trading-signals';
import { expectColumnClose } from '../../testing/compare';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column } from '../../testing/reference';
import { roc, rocWarmup } from './roc';

describe('roc', () => {
  it('is the percent change over the period', () => {
    // period 1: 110/100 − 1 = 10 %, 99/110 − 1 = −10 %, 121/99 − 1 = 22.2 %; period 2: 99/100 − 1 = −1 %, 121/110 − 1 = 10 %
    const one = roc([100, 110, 99, 121], 1);
    [10, -10, 200 / 9].forEach((value, i) => expect(one[i + 1]).toBeCloseTo(value, 12));
    const two = roc([100, 110, 99, 121], 2);
    expect(two[1]).toBeNaN();
    expect(two[2]).toBeCloseTo(-1, 12);
    expect(two[3]).toBeCloseTo(10, 12);
    expect(rocWarmup(2)).toBe(2);
  });

  it('keeps the sign of the return as a backtest computes it (ratio first)', () => {
    // 0.30000000000000004 / 0.3 rounds to 1 + 2^-52 … or to 1: whichever, the sign is that of a / b − 1.
    const [a, b] = [0.1 + 0.2, 0.3];
    expect(Math.sign(roc([b, a], 1)[1] as number)).toBe(Math.sign(a / b - 1));
  });

  it('names the argument it rejects', () => {
    expect(() => roc([1], 0)).toThrow('roc: period must be an integer of at least 1 (got 0)');
  });
});

describeWithMarketData('roc on nine ETFs against trading-signals ROC', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it('agrees on every bar for periods 1, 20 and 250', () => {
    // The library returns a fraction, (price − past)/past; ours is TA-Lib's percent, 100·(price/past − 1).
    for (const { close } of markets) {
      for (const period of [1, 20, 250]) {
        const reference = new ROC(period);
        const expected = column(close.length, (t) => {
          const value = reference.update(close[t] as number, false);
          return value === null ? null : value * 100;
        });
        expectColumnClose(roc(close, period), expected, { warmup: period, tolerance: 1e-12 });
      }
    }
  });
});
