import { describeWithMarketData } from '@aetherquant/testing';
import { VWAP } from 'trading-signals';
import { accurateSum, expectColumnClose, longRandomWalk } from '../../testing/compare';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column } from '../../testing/reference';
import { rollingVwap, rollingVwapWarmup, vwap, vwapWarmup } from './vwap';

describe('vwap', () => {
  it('weights the typical price by volume from bar 0', () => {
    // high = low = close, so TP is the price: bar 0 10; bar 1 (10·1 + 20·3)/4 = 17.5; bar 2 no volume, 17.5
    const prices = [10, 20, 30];
    expect(Array.from(vwap(prices, prices, prices, [1, 3, 0]))).toEqual([10, 17.5, 17.5]);
    expect(vwapWarmup()).toBe(0);
  });

  it('is NaN until some volume has traded', () => {
    expect(Array.from(vwap([5, 6], [5, 6], [5, 6], [0, 2]))).toEqual([NaN, 6]);
  });
});

describe('rollingVwap', () => {
  it('weights the typical price by volume over the window (period 2)', () => {
    // bar 1: (10·1 + 20·3)/4 = 17.5; bar 2: (20·3 + 30·0)/3 = 20; bar 3: no volume in the window, NaN
    const prices = [10, 20, 30, 40];
    expect(Array.from(rollingVwap(prices, prices, prices, [1, 3, 0, 0], 2))).toEqual([NaN, 17.5, 20, NaN]);
    expect(rollingVwapWarmup(2)).toBe(1);
  });

  it('names the argument it rejects', () => {
    expect(() => rollingVwap([1], [1], [1], [1], 0)).toThrow(
      'rollingVwap: period must be an integer of at least 1',
    );
  });

  it('does not drift over 100 000 bars (compensated sums)', () => {
    const close = longRandomWalk(100_000, 5);
    const volume = Float64Array.from(longRandomWalk(100_000, 6), (level) => level * 1_000);
    const expected = column(close.length, (t) => {
      if (t < 49) return null;
      const window = Array.from({ length: 50 }, (_, j) => t - 49 + j);
      return (
        accurateSum(window.map((i) => (((close[i] as number) * 3) / 3) * (volume[i] as number))) /
        accurateSum(window.map((i) => volume[i] as number))
      );
    });
    expectColumnClose(rollingVwap(close, close, close, volume, 50), expected, {
      warmup: 49,
      tolerance: 1e-15,
    });
  });
});

describeWithMarketData('vwap on nine ETFs against trading-signals VWAP', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });
  const candle = ({ high, low, close, volume }: MarketColumns, t: number) => ({
    open: 0,
    high: high[t] as number,
    low: low[t] as number,
    close: close[t] as number,
    volume: volume[t] as number,
  });

  it('agrees on every bar, cumulative from bar 0', () => {
    for (const columns of markets) {
      const reference = new VWAP();
      const expected = column(columns.close.length, (t) => reference.update(candle(columns, t), false));
      const { high, low, close, volume } = columns;
      expectColumnClose(vwap(high, low, close, volume), expected, { warmup: 0, tolerance: 1e-12 });
    }
  });

  it('agrees on every bar over rolling windows of 20 bars (a fresh library VWAP per window)', () => {
    for (const columns of markets) {
      const period = 20;
      const expected = column(columns.close.length, (t) => {
        if (t < period - 1) return null;
        const reference = new VWAP();
        let value: number | null = null;
        for (let j = t - period + 1; j <= t; j++) value = reference.update(candle(columns, j), false);
        return value;
      });
      const { high, low, close, volume } = columns;
      expectColumnClose(rollingVwap(high, low, close, volume, period), expected, {
        warmup: period - 1,
        tolerance: 1e-12,
      });
    }
  });
});
