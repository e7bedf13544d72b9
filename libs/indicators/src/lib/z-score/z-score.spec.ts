import { describeWithMarketData } from '@aetherquant/testing';
import { getZScore } from 'trading-signals';
import { expectColumnClose, naiveRolling } from '../../testing/compare';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { zScore, zScoreWarmup } from './z-score';

describe('zScore', () => {
  it('measures the last value in standard deviations from the window mean', () => {
    // 1 2 3: mean 2, sample deviation 1 → z 1; population deviation √(2/3) → z 1/√(2/3) = 1.2247
    expect(Array.from(zScore([1, 2, 3], 3))).toEqual([NaN, NaN, 1]);
    expect(zScore([1, 2, 3], 3, 'population')[2]).toBeCloseTo(1 / Math.sqrt(2 / 3), 14);
    expect(zScoreWarmup(3)).toBe(2);
  });

  it('is 0 on a flat window', () => {
    expect(Array.from(zScore([4, 4, 4], 2))).toEqual([NaN, 0, 0]);
  });

  it('names the argument it rejects', () => {
    expect(() => zScore([1], 1)).toThrow('zScore: period must be an integer of at least 2 (got 1)');
  });
});

describeWithMarketData('zScore on nine ETFs against trading-signals getZScore', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it('agrees on every bar for periods 20 and 63 (population, as the library computes it)', () => {
    for (const { close } of markets) {
      for (const period of [20, 63]) {
        const expected = naiveRolling(close, period, (window) => getZScore(window));
        expectColumnClose(zScore(close, period, 'population'), expected, {
          warmup: period - 1,
          tolerance: 1e-9,
        });
      }
    }
  });
});
