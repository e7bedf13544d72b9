import { describeWithMarketData } from '@aetherquant/testing';
import { RSI } from 'trading-signals';
import { expectColumnClose } from '../../testing/compare';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column } from '../../testing/reference';
import { rsi, rsiWarmup } from './rsi';

describe('rsi', () => {
  it("follows Wilder's smoothing (period 2)", () => {
    // changes: +2, −1, +2, 0, −3. Bar 2: avgGain (2 + 0)/2 = 1, avgLoss (0 + 1)/2 = 0.5, RS 2.
    // Bar 3: avgGain (1·1 + 2)/2 = 1.5, avgLoss (0.5·1 + 0)/2 = 0.25, RS 6.
    // Bar 4: avgGain 0.75, avgLoss 0.125, RS 6. Bar 5: avgGain 0.375, avgLoss (0.125 + 3)/2 = 1.5625, RS 0.24.
    const values = [44, 46, 45, 47, 47, 44];
    const expected = [
      NaN,
      NaN,
      100 - 100 / 3,
      100 - 100 / 7,
      100 - 100 / 7,
      100 - 100 / (1 + 0.375 / 1.5625),
    ];
    expect(Array.from(rsi(values, 2))).toEqual(expected);
    expect(rsiWarmup(2)).toBe(2);
  });

  it('is 100 without losses and 50 without any movement', () => {
    expect(Array.from(rsi([1, 2, 3, 4], 2))).toEqual([NaN, NaN, 100, 100]);
    expect(Array.from(rsi([5, 5, 5, 5], 2))).toEqual([NaN, NaN, 50, 50]);
  });

  it('names the argument it rejects', () => {
    expect(() => rsi([1], 0)).toThrow('rsi: period must be an integer of at least 1 (got 0)');
  });
});

describeWithMarketData('rsi on nine ETFs against trading-signals RSI', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it('agrees on every bar for periods 2, 14 and 30', () => {
    // Both seed with the simple means of the first `period` changes and then smooth the Wilder way; the
    // library writes the step as prev + (x − prev)/period, we as (prev·(period − 1) + x)/period (the
    // rsi-reversion strategy's arithmetic), so they differ by rounding only. (With no movement at all the
    // library says 100 and we say 50; the real data never has a flat first window.)
    for (const { close } of markets) {
      for (const period of [2, 14, 30]) {
        const reference = new RSI(period);
        const expected = column(close.length, (t) => reference.update(close[t] as number, false));
        expectColumnClose(rsi(close, period), expected, { warmup: period, tolerance: 1e-10 });
      }
    }
  });
});
