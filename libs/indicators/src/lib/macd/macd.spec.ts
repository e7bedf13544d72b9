import { describeWithMarketData } from '@aetherquant/testing';
import { MACD } from 'trading-signals';
import { expectColumnClose } from '../../testing/compare';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column, SeededEma } from '../../testing/reference';
import { macd, macdWarmup } from './macd';

describe('macd', () => {
  it('subtracts the slow EMA from the fast one and smooths the line (2, 3, 2)', () => {
    // EMA(2), α = 2/3: bar 1 = 1.5, then +1 a bar up to 6.5 at bar 6; bar 7 = 6.5 + 2/3·(4 − 6.5) = 29/6.
    // EMA(3), α = 1/2: bar 2 = 2, then +1 a bar up to 6 at bar 6; bar 7 = 6 + (4 − 6)/2 = 5.
    // line = 0.5 on bars 2–6, then 29/6 − 5 = −1/6. signal (α = 2/3) seeded at bar 3 with (0.5 + 0.5)/2,
    // 0.5 up to bar 6, then 0.5 + 2/3·(−1/6 − 0.5) = 1/18; histogram 0, then −1/6 − 1/18 = −2/9.
    const { line, signal, histogram } = macd([1, 2, 3, 4, 5, 6, 7, 4], {
      fastPeriod: 2,
      slowPeriod: 3,
      signalPeriod: 2,
    });
    const close = (values: Float64Array, expected: number[]) =>
      expected.forEach((value, t) =>
        Number.isNaN(value) ? expect(values[t]).toBeNaN() : expect(values[t]).toBeCloseTo(value, 12),
      );
    close(line, [NaN, NaN, 0.5, 0.5, 0.5, 0.5, 0.5, -1 / 6]);
    close(signal, [NaN, NaN, NaN, 0.5, 0.5, 0.5, 0.5, 1 / 18]);
    close(histogram, [NaN, NaN, NaN, 0, 0, 0, 0, -2 / 9]);
    expect(macdWarmup({ fastPeriod: 2, slowPeriod: 3, signalPeriod: 2 })).toBe(3);
    expect(macdWarmup()).toBe(33);
  });

  it('names the argument it rejects', () => {
    expect(() => macd([1], { fastPeriod: 26, slowPeriod: 12 })).toThrow(
      'macd: fastPeriod must be less than slowPeriod (got 26, 12)',
    );
    expect(() => macd([1], { signalPeriod: 0 })).toThrow(
      'macd: signalPeriod must be an integer of at least 1',
    );
  });
});

describeWithMarketData('macd on nine ETFs against trading-signals MACD', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it('agrees on every bar of the line, the signal and the histogram for (12, 26, 9) and (5, 35, 5)', () => {
    // The library's MACD takes its three EMAs as arguments: given EMAs seeded with the simple mean of their
    // first window (SeededEma, the library's SMA then its EMA recursion, NaN until seeded), it computes MACD as we define it.
    for (const { close } of markets) {
      for (const [fastPeriod, slowPeriod, signalPeriod] of [
        [12, 26, 9],
        [5, 35, 5],
      ] as const) {
        const reference = new MACD(
          new SeededEma(fastPeriod),
          new SeededEma(slowPeriod),
          new SeededEma(signalPeriod),
        );
        const results = Array.from(close, (price) => reference.update(price, false));
        const actual = macd(close, { fastPeriod, slowPeriod, signalPeriod });
        const warmup = slowPeriod + signalPeriod - 2;
        expectColumnClose(
          actual.line,
          column(close.length, (t) => results[t]?.macd),
          {
            warmup: slowPeriod - 1,
            tolerance: 1e-10,
          },
        );
        expectColumnClose(
          actual.signal,
          column(close.length, (t) => results[t]?.signal),
          {
            warmup,
            tolerance: 1e-10,
          },
        );
        expectColumnClose(
          actual.histogram,
          column(close.length, (t) => results[t]?.histogram),
          {
            warmup,
            tolerance: 1e-10,
          },
        );
      }
    }
  });
});
