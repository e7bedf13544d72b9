import { describeWithMarketData } from '@aetherquant/testing';
import { EMA } from 'trading-signals';
import { expectColumnClose } from '../../testing/compare';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column, SeededEma } from '../../testing/reference';
import { ema, emaWarmup } from './ema';

describe('ema', () => {
  it('seeds with the simple mean of the first window, then smooths with α = 2 / (period + 1)', () => {
    // period 3, α = 0.5: bar 2 = (2 + 4 + 6) / 3 = 4; bar 3 = 4 + 0.5·(8 − 4) = 6; bar 4 = 6 + 0.5·(4 − 6) = 5
    expect(Array.from(ema([2, 4, 6, 8, 4], 3))).toEqual([NaN, NaN, 4, 6, 5]);
    expect(emaWarmup(3)).toBe(2);
  });

  it('is the values themselves for period 1 (α = 1)', () => {
    expect(Array.from(ema([3, 1, 2], 1))).toEqual([3, 1, 2]);
  });

  it('names the argument it rejects', () => {
    expect(() => ema([1], 0)).toThrow('ema: period must be an integer of at least 1 (got 0)');
  });
});

describeWithMarketData('ema on nine ETFs against trading-signals EMA', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it('agrees on every bar for periods 2, 12, 26 and 100, seeded the same way', () => {
    for (const { close } of markets) {
      for (const period of [2, 12, 26, 100]) {
        const reference = new SeededEma(period);
        const expected = column(close.length, (t) => reference.update(close[t] as number));
        expectColumnClose(ema(close, period), expected, { warmup: period - 1, tolerance: 1e-12 });
      }
    }
  });

  it("meets the library's own first-price-seeded EMA once the seed has faded (after 40 periods)", () => {
    // The seeds differ by at most the first window's range; (1 − α)^k shrinks it below 1e-9 of the price.
    for (const { close } of markets) {
      const period = 20;
      const reference = new EMA(period);
      const expected = column(close.length, (t) => reference.update(close[t] as number, false));
      expectColumnClose(ema(close, period), expected, {
        warmup: period - 1,
        from: 40 * period,
        tolerance: 1e-9,
      });
    }
  });
});
