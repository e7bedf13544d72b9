import { describeWithMarketData } from '@aetherquant/testing';
import { getTrueRange } from 'trading-signals';
import { expectColumnClose } from '../../testing/compare';
import { RANGE_BARS } from '../../testing/hand-bars';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column, wilderSmoothing } from '../../testing/reference';
import { adx, adxWarmup } from './adx';

describe('adx', () => {
  it('builds +DI, −DI and ADX the Wilder way (period 2)', () => {
    const { high, low, close } = RANGE_BARS;
    // moves: bar 1 up 1, down −1 → +DM 1; bar 2 up 1, down −0.5 → +DM 1; bar 3 up −0.5, down 1 → −DM 1;
    // bar 4 up 1.5, down −3.5 → +DM 1.5. True ranges 2, 2.5, 3, 4.
    // bar 2: TR 2.25, +DM 1, −DM 0 → +DI 100/2.25 = 44.44, −DI 0, DX 100.
    // bar 3: TR 2.625, +DM 0.5, −DM 0.5 → +DI = −DI = 50/2.625 = 19.05, DX 0; ADX = (100 + 0)/2 = 50.
    // bar 4: TR 3.3125, +DM 1, −DM 0.25 → +DI 30.19, −DI 7.55, DX 100·0.75/1.25 = 60; ADX (50 + 60)/2 = 55.
    const result = adx(high, low, close, 2);
    const expectColumn = (values: Float64Array, expected: number[]) =>
      expected.forEach((value, t) =>
        Number.isNaN(value) ? expect(values[t]).toBeNaN() : expect(values[t]).toBeCloseTo(value, 12),
      );
    expectColumn(result.plusDi, [NaN, NaN, 100 / 2.25, 50 / 2.625, 100 / 3.3125]);
    expectColumn(result.minusDi, [NaN, NaN, 0, 50 / 2.625, 25 / 3.3125]);
    expectColumn(result.adx, [NaN, NaN, NaN, 50, 55]);
    expect(adxWarmup(14)).toBe(27);
  });

  it('counts a tie between the up and the down move for neither', () => {
    // bar 1: up 1, down 1 → no directional movement at all, so both DIs are 0 and DX is 0.
    const result = adx([10, 11, 11], [9, 8, 8], [9.5, 9.5, 9.5], 1);
    expect(Array.from(result.plusDi)).toEqual([NaN, 0, 0]);
    expect(Array.from(result.adx)).toEqual([NaN, 0, 0]);
  });

  it('names the argument it rejects', () => {
    expect(() => adx([1], [1], [1], 0)).toThrow('adx: period must be an integer of at least 1 (got 0)');
  });
});

describeWithMarketData('adx on nine ETFs against trading-signals WSMA and true range', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it('agrees on every bar of ADX, +DI and −DI for periods 5 and 14', () => {
    // trading-signals' own ADX class differs by convention in two places: it counts a directional
    // movement of 0 for bar 0 into its first average, and on a tie between the up and the down move it
    // counts both (Wilder and TA-Lib count neither; the daily data has such ties). So the reference is built
    // from the library's true range and Wilder smoothing (WSMA), with the directional movement written here.
    for (const { high, low, close } of markets) {
      const n = close.length;
      const trueRange = column(n, (t) =>
        t === 0
          ? null
          : getTrueRange(
              { high: high[t] as number, low: low[t] as number, close: close[t] as number },
              close[t - 1],
            ),
      );
      const plusMove = column(n, (t) => {
        if (t === 0) return null;
        const up = (high[t] as number) - (high[t - 1] as number);
        const down = (low[t - 1] as number) - (low[t] as number);
        return up > down && up > 0 ? up : 0;
      });
      const minusMove = column(n, (t) => {
        if (t === 0) return null;
        const up = (high[t] as number) - (high[t - 1] as number);
        const down = (low[t - 1] as number) - (low[t] as number);
        return down > up && down > 0 ? down : 0;
      });
      for (const period of [5, 14]) {
        const range = wilderSmoothing(trueRange, period, 1);
        const plus = wilderSmoothing(plusMove, period, 1);
        const minus = wilderSmoothing(minusMove, period, 1);
        const plusDi = column(n, (t) => (100 * (plus[t] as number)) / (range[t] as number));
        const minusDi = column(n, (t) => (100 * (minus[t] as number)) / (range[t] as number));
        const dx = column(n, (t) => {
          const sum = (plusDi[t] as number) + (minusDi[t] as number);
          return sum === 0 ? 0 : (100 * Math.abs((plusDi[t] as number) - (minusDi[t] as number))) / sum;
        });
        const actual = adx(high, low, close, period);
        expectColumnClose(actual.plusDi, plusDi, { warmup: period, tolerance: 1e-10 });
        expectColumnClose(actual.minusDi, minusDi, { warmup: period, tolerance: 1e-10 });
        expectColumnClose(actual.adx, wilderSmoothing(dx, period, period), {
          warmup: 2 * period - 1,
          tolerance: 1e-10,
        });
      }
    }
  });
});
