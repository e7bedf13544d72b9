import { describeWithMarketData } from '@aetherquant/testing';
import { StochasticOscillator } from 'trading-signals';
import { expectColumnClose } from '../../testing/compare';
import { CHANNEL_BARS } from '../../testing/hand-bars';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column } from '../../testing/reference';
import { stochastic, stochasticWarmup } from './stochastic';

describe('stochastic', () => {
  it('smooths raw %K into %K, and %K into %D (3, 2, 2)', () => {
    const { high, low, close } = CHANNEL_BARS;
    // raw %K: bar 2 HH 12, LL 8 → 100·(11 − 8)/4 = 75; bar 3 HH 12, LL 9 → 100·(10 − 9)/3 = 33.33;
    // bar 4 HH 13, LL 9 → 100·(12 − 9)/4 = 75; bar 5 HH 13, LL 9 → 100·(11 − 9)/4 = 50.
    // %K (2): bar 3 (75 + 33.33)/2 = 54.17, bar 4 54.17, bar 5 (75 + 50)/2 = 62.5. %D (2): bar 4 54.17, bar 5 58.33.
    const { k, d } = stochastic(high, low, close, { kPeriod: 3, kSmoothing: 2, dPeriod: 2 });
    const early = (75 + 100 / 3) / 2;
    const expectColumn = (values: Float64Array, expected: number[]) =>
      expected.forEach((value, t) =>
        Number.isNaN(value) ? expect(values[t]).toBeNaN() : expect(values[t]).toBeCloseTo(value, 12),
      );
    expectColumn(k, [NaN, NaN, NaN, early, early, 62.5]);
    expectColumn(d, [NaN, NaN, NaN, NaN, early, (early + 62.5) / 2]);
    expect(stochasticWarmup({ kPeriod: 3, kSmoothing: 2, dPeriod: 2 })).toBe(4);
    expect(stochasticWarmup()).toBe(17);
  });

  it('reads 0 for a flat window', () => {
    expect(
      Array.from(stochastic([5, 5], [5, 5], [5, 5], { kPeriod: 2, kSmoothing: 1, dPeriod: 1 }).k),
    ).toEqual([NaN, 0]);
  });

  it('names the argument it rejects', () => {
    expect(() => stochastic([1], [1], [1], { kSmoothing: 0 })).toThrow(
      'stochastic: kSmoothing must be an integer of at least 1 (got 0)',
    );
  });
});

describeWithMarketData('stochastic on nine ETFs against trading-signals StochasticOscillator', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it('agrees on every bar of %K and %D for (14, 3, 3) and (5, 1, 3)', () => {
    // The library's kSlowingPeriod is our kSmoothing: both average raw %K with an SMA, and %D is an SMA of
    // %K. The library returns nothing until %D is defined, so %K is compared from there.
    for (const { high, low, close } of markets) {
      for (const [kPeriod, kSmoothing, dPeriod] of [
        [14, 3, 3],
        [5, 1, 3],
      ] as const) {
        const reference = new StochasticOscillator({ kPeriod, kSlowingPeriod: kSmoothing, dPeriod });
        const results = Array.from(close, (price, t) =>
          reference.update({ high: high[t] as number, low: low[t] as number, close: price }, false),
        );
        const actual = stochastic(high, low, close, { kPeriod, kSmoothing, dPeriod });
        const warmup = kPeriod + kSmoothing + dPeriod - 3;
        expectColumnClose(
          actual.k,
          column(close.length, (t) => results[t]?.stochK),
          {
            warmup: kPeriod + kSmoothing - 2,
            from: warmup,
            tolerance: 1e-10,
          },
        );
        expectColumnClose(
          actual.d,
          column(close.length, (t) => results[t]?.stochD),
          {
            warmup,
            tolerance: 1e-10,
          },
        );
      }
    }
  });
});
