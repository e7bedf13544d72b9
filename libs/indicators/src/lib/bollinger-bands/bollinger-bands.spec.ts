import { describeWithMarketData } from '@aetherquant/testing';
import { BollingerBands } from 'trading-signals';
import { expectColumnClose } from '../../testing/compare';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column } from '../../testing/reference';
import { bollingerBands, bollingerBandsWarmup } from './bollinger-bands';

describe('bollingerBands', () => {
  it('puts the bands multiplier POPULATION deviations from the mean (period 3, multiplier 2)', () => {
    // every window of 1 2 3 4 5 is three consecutive integers: mean the middle one, population variance
    // (1 + 0 + 1)/3 = 2/3, so the bands sit 2·√(2/3) ≈ 1.63299 away.
    const { middle, upper, lower } = bollingerBands([1, 2, 3, 4, 5], { period: 3, multiplier: 2 });
    const width = 2 * Math.sqrt(2 / 3);
    expect(Array.from(middle)).toEqual([NaN, NaN, 2, 3, 4]);
    [2, 3, 4].forEach((mean, i) => {
      expect(upper[i + 2]).toBeCloseTo(mean + width, 14);
      expect(lower[i + 2]).toBeCloseTo(mean - width, 14);
    });
    expect(upper[1]).toBeNaN();
    expect(bollingerBandsWarmup()).toBe(19);
  });

  it('names the argument it rejects', () => {
    expect(() => bollingerBands([1], { period: 1 })).toThrow(
      'bollingerBands: period must be an integer of at least 2 (got 1)',
    );
    expect(() => bollingerBands([1], { multiplier: -1 })).toThrow('bollingerBands: multiplier must be');
  });
});

describeWithMarketData('bollingerBands on nine ETFs against trading-signals BollingerBands', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it('agrees on every bar for (20, 2) and (50, 2.5)', () => {
    // Both use the population standard deviation, as Bollinger defines the bands.
    for (const { close } of markets) {
      for (const [period, multiplier] of [
        [20, 2],
        [50, 2.5],
      ] as const) {
        const reference = new BollingerBands(period, multiplier);
        const results = Array.from(close, (price) => reference.update(price, false));
        const actual = bollingerBands(close, { period, multiplier });
        for (const band of ['middle', 'upper', 'lower'] as const) {
          expectColumnClose(
            actual[band],
            column(close.length, (t) => results[t]?.[band]),
            {
              warmup: period - 1,
              tolerance: 1e-12,
            },
          );
        }
      }
    }
  });
});
