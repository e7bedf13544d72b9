import { describeWithMarketData } from '@aetherquant/testing';
import { DonchianChannels } from 'trading-signals';
import { expectColumnClose } from '../../testing/compare';
import { CHANNEL_BARS } from '../../testing/hand-bars';
import { readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column } from '../../testing/reference';
import { donchianChannels, donchianChannelsWarmup } from './donchian-channels';

describe('donchianChannels', () => {
  it('spans the highest high and lowest low of the window, bar t included (period 3)', () => {
    // highs 10 11 12 11 13 12 → 12, 12, 13, 13; lows 8 9 10 9 11 10 → 8, 9, 9, 9
    const { middle, upper, lower } = donchianChannels(CHANNEL_BARS.high, CHANNEL_BARS.low, 3);
    expect(Array.from(upper)).toEqual([NaN, NaN, 12, 12, 13, 13]);
    expect(Array.from(lower)).toEqual([NaN, NaN, 8, 9, 9, 9]);
    expect(Array.from(middle)).toEqual([NaN, NaN, 10, 10.5, 11, 11]);
    expect(donchianChannelsWarmup(20)).toBe(19);
  });

  it('names the argument it rejects', () => {
    expect(() => donchianChannels([1], [1], 0)).toThrow(
      'donchianChannels: period must be an integer of at least 1',
    );
  });
});

describeWithMarketData('donchianChannels on nine ETFs against trading-signals DonchianChannels', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it('agrees exactly on every bar for periods 1, 20 and 55', () => {
    for (const { high, low, close } of markets) {
      for (const period of [1, 20, 55]) {
        const reference = new DonchianChannels(period);
        const results = Array.from(close, (_, t) =>
          reference.update({ high: high[t] as number, low: low[t] as number }, false),
        );
        const actual = donchianChannels(high, low, period);
        for (const band of ['middle', 'upper', 'lower'] as const) {
          expectColumnClose(
            actual[band],
            column(close.length, (t) => results[t]?.[band]),
            {
              warmup: period - 1,
              tolerance: 0,
            },
          );
        }
      }
    }
  });
});
