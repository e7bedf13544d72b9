import { describeWithMarketData } from '@aetherquant/testing';
import { getStandardDeviation } from 'trading-signals';
import { accurateSum, expectColumnClose, longRandomWalk, naiveRolling } from '../../testing/compare';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { rollingStandardDeviation, rollingStandardDeviationWarmup } from './standard-deviation';

/** Two-pass sum of squared deviations with compensated sums: the naive reference of the drift test. */
function squaredDeviations(window: number[]): number {
  const mean = accurateSum(window) / window.length;
  return accurateSum(window.map((value) => (value - mean) ** 2));
}

describe('rollingStandardDeviation', () => {
  it('divides by period − 1 for the sample and by period for the population', () => {
    // 2 4 4 4 5 5 7 9: mean 5, squared deviations 9 1 1 1 0 0 4 16 = 32 → population √(32/8) = 2, sample √(32/7)
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(rollingStandardDeviation(values, 8, 'population')[7]).toBe(2);
    expect(rollingStandardDeviation(values, 8)[7]).toBeCloseTo(Math.sqrt(32 / 7), 14);
    // period 3, bar 2: 2 4 4, mean 10/3, squared deviations 16/9 + 4/9 + 4/9 = 8/3 → sample √(4/3), population √(8/9)
    expect(rollingStandardDeviation(values, 3, 'sample')[2]).toBeCloseTo(Math.sqrt(4 / 3), 14);
    expect(rollingStandardDeviation(values, 3, 'population')[2]).toBeCloseTo(Math.sqrt(8 / 9), 14);
    // bar 3: 4 4 4 is flat
    expect(rollingStandardDeviation(values, 3)[3]).toBe(0);
    expect(rollingStandardDeviation(values, 3)[1]).toBeNaN();
    expect(rollingStandardDeviationWarmup(3)).toBe(2);
  });

  it('names the argument it rejects', () => {
    expect(() => rollingStandardDeviation([1], 1)).toThrow(
      'rollingStandardDeviation: period must be an integer of at least 2 (got 1)',
    );
  });

  it('does not drift over 100 000 bars (re-summed every period)', () => {
    const values = longRandomWalk(100_000, 3);
    const naive = naiveRolling(values, 50, (window) => Math.sqrt(squaredDeviations(window) / 49));
    // The deviation (about 2) is small beside the level (10 000): 1e-10 of it is a hard test.
    expectColumnClose(rollingStandardDeviation(values, 50), naive, { warmup: 49, tolerance: 1e-10 });
  });
});

describeWithMarketData(
  'rollingStandardDeviation on nine ETFs against trading-signals getStandardDeviation',
  (market) => {
    let markets: MarketColumns[];
    beforeAll(() => {
      markets = readAllMarkets(market);
    });

    it('agrees on every bar, population and sample, on closes and on returns, for periods 2, 20 and 63', () => {
      // The library's getStandardDeviation is the population one (it divides by the count); the sample one
      // is it times √(period / (period − 1)).
      for (const { close, returns } of markets) {
        for (const series of [close, returns.subarray(1)]) {
          for (const period of [2, 20, 63]) {
            const population = naiveRolling(series, period, (window) => getStandardDeviation(window));
            expectColumnClose(rollingStandardDeviation(series, period, 'population'), population, {
              warmup: period - 1,
              tolerance: 1e-12,
            });
            const sample = Float64Array.from(population, (value) => value * Math.sqrt(period / (period - 1)));
            expectColumnClose(rollingStandardDeviation(series, period, 'sample'), sample, {
              warmup: period - 1,
              tolerance: 1e-12,
            });
          }
        }
      }
    });
  },
);
