import { describeWithMarketData } from '@aetherquant/testing';
import { OBV } from 'trading-signals';
import { expectColumnClose } from '../../testing/compare';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column } from '../../testing/reference';
import { obv, obvWarmup } from './obv';

describe('obv', () => {
  it('adds the volume of up bars and subtracts that of down bars', () => {
    // 0; up +200; unchanged 200; down 200 − 400 = −200; up −200 + 500 = 300
    expect(Array.from(obv([10, 11, 11, 10, 12], [100, 200, 300, 400, 500]))).toEqual([
      0, 200, 200, -200, 300,
    ]);
    expect(obvWarmup()).toBe(0);
  });

  it('names the argument it rejects', () => {
    expect(() => obv([1, 2], [1])).toThrow(
      'obv: volume must have as many values as close (got 1, close has 2)',
    );
  });
});

describeWithMarketData('obv on nine ETFs against trading-signals OBV', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it('agrees on every bar from bar 1', () => {
    // The library's OBV(2) starts at bar 1 from 0 as ours does (TA-Lib's would start from volume[0]).
    for (const { close, volume } of markets) {
      const reference = new OBV(2);
      const expected = column(close.length, (t) => {
        const candle = { open: 0, high: 0, low: 0, close: close[t] as number, volume: volume[t] as number };
        const value = reference.update(candle, false);
        return t === 0 ? 0 : value;
      });
      expectColumnClose(obv(close, volume), expected, { warmup: 0, tolerance: 0 });
    }
  });
});
