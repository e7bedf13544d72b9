import { describeWithMarketData } from '@aetherquant/testing';
import { getTrueRange, KeltnerChannels } from 'trading-signals';
import { expectColumnClose } from '../../testing/compare';
import { RANGE_BARS } from '../../testing/hand-bars';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column, SeededEma, wilderSmoothing } from '../../testing/reference';
import { keltnerChannels, keltnerChannelsWarmup } from './keltner-channels';

describe('keltnerChannels', () => {
  it('sets the bands multiplier ATRs from the EMA (EMA 2, ATR 2, multiplier 1)', () => {
    const { high, low, close } = RANGE_BARS;
    // EMA(2) of 9 10 11 9 12.5, α = 2/3: bar 1 9.5, bar 2 10.5, bar 3 9.5, bar 4 9.5 + 2/3·3 = 11.5.
    // ATR(2) (see atr.spec.ts): bar 2 2.25, bar 3 2.625, bar 4 3.3125. The bands exist from bar 2.
    const { middle, upper, lower } = keltnerChannels(high, low, close, {
      emaPeriod: 2,
      atrPeriod: 2,
      multiplier: 1,
    });
    [NaN, 9.5, 10.5, 9.5, 11.5].forEach((value, t) =>
      Number.isNaN(value) ? expect(middle[t]).toBeNaN() : expect(middle[t]).toBeCloseTo(value, 12),
    );
    expect(upper[1]).toBeNaN();
    [2.25, 2.625, 3.3125].forEach((range, i) => {
      expect(upper[i + 2]).toBeCloseTo((middle[i + 2] as number) + range, 12);
      expect(lower[i + 2]).toBeCloseTo((middle[i + 2] as number) - range, 12);
    });
    expect(keltnerChannelsWarmup({ emaPeriod: 2, atrPeriod: 2 })).toBe(2);
    expect(keltnerChannelsWarmup()).toBe(19);
  });

  it('names the argument it rejects', () => {
    expect(() => keltnerChannels([1], [1], [1], { atrPeriod: 0 })).toThrow(
      'keltnerChannels: atrPeriod must be an integer of at least 1 (got 0)',
    );
  });
});

describeWithMarketData(
  'keltnerChannels on nine ETFs against trading-signals EMA, ATR and KeltnerChannels',
  (market) => {
    let markets: MarketColumns[];
    beforeAll(() => {
      markets = readAllMarkets(market);
    });

    it('agrees on every bar with the library EMA and true range, seeded and started as ours (20, 10, 2)', () => {
      for (const { high, low, close } of markets) {
        const ema = new SeededEma(20);
        const middle = column(close.length, (t) => ema.update(close[t] as number));
        const trueRange = column(close.length, (t) =>
          t === 0
            ? null
            : getTrueRange(
                { high: high[t] as number, low: low[t] as number, close: close[t] as number },
                close[t - 1],
              ),
        );
        const range = wilderSmoothing(trueRange, 10, 1);
        const actual = keltnerChannels(high, low, close);
        expectColumnClose(actual.middle, middle, { warmup: 19, tolerance: 1e-12 });
        expectColumnClose(
          actual.upper,
          column(close.length, (t) => (middle[t] as number) + 2 * (range[t] as number)),
          {
            warmup: 19,
            tolerance: 1e-12,
          },
        );
        expectColumnClose(
          actual.lower,
          column(close.length, (t) => (middle[t] as number) - 2 * (range[t] as number)),
          {
            warmup: 19,
            tolerance: 1e-12,
          },
        );
      }
    });

    it("meets the library's own KeltnerChannels once their different seeds have faded", () => {
      // The library seeds its EMA with the first close and counts high − low as bar 0's true range.
      for (const { high, low, close } of markets) {
        const reference = new KeltnerChannels({ emaInterval: 20, atrInterval: 10, multiplier: 2 });
        const results = Array.from(close, (price, t) =>
          reference.update({ high: high[t] as number, low: low[t] as number, close: price }, false),
        );
        const actual = keltnerChannels(high, low, close);
        for (const band of ['middle', 'upper', 'lower'] as const) {
          expectColumnClose(
            actual[band],
            column(close.length, (t) => results[t]?.[band]),
            {
              warmup: 19,
              from: 800,
              tolerance: 1e-9,
            },
          );
        }
      }
    });
  },
);
