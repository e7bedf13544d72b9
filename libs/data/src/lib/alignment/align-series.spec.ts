import { AetherError, BarSeries, DAY_MS, formatIsoDate } from '@aetherquant/core';
import { describeWithMarketData } from '@aetherquant/testing';
import { CsvProvider } from '../csv/csv-provider';
import { alignSeries, closesAtTimes } from './align-series';

const day = (n: number) => Date.UTC(2019, 0, 1) + n * DAY_MS;

/** A daily series on the given day numbers, whose close is 100 + the day number. */
function series(symbol: string, days: number[], interval = '1d'): BarSeries {
  const close = days.map((n) => 100 + n);
  return new BarSeries({
    symbol,
    interval: interval as '1d',
    time: days.map(day),
    open: close,
    high: close,
    low: close,
    close,
    volume: days.map(() => 1),
  });
}

describe('alignSeries', () => {
  it('keeps the times every symbol has and counts what each lost', () => {
    const { series: aligned, dropped } = alignSeries([
      series('AAA', [1, 2, 3, 5]),
      series('BBB', [2, 3, 4, 5]),
      series('CCC', [0, 2, 3, 5, 6]),
    ]);
    expect(aligned.map((s) => Array.from(s.time))).toEqual([
      [day(2), day(3), day(5)],
      [day(2), day(3), day(5)],
      [day(2), day(3), day(5)],
    ]);
    // Each keeps its own prices at the common times.
    expect(Array.from(aligned[1]?.close ?? [])).toEqual([102, 103, 105]);
    expect(dropped).toEqual([
      { symbol: 'AAA', bars: 1 },
      { symbol: 'BBB', bars: 1 },
      { symbol: 'CCC', bars: 2 },
    ]);
  });

  it('returns a single series unchanged', () => {
    const only = series('AAA', [1, 2]);
    expect(alignSeries([only])).toEqual({ series: [only], dropped: [{ symbol: 'AAA', bars: 0 }] });
  });

  it('refuses no series, a repeated symbol, or mixed intervals', () => {
    expect(() => alignSeries([])).toThrow('symbols must name at least one symbol');
    expect(() => alignSeries([series('AAA', [1]), series('AAA', [1])])).toThrow(
      'symbols must be distinct (AAA given twice)',
    );
    expect(() => alignSeries([series('AAA', [1]), series('BBB', [7], '1wk')])).toThrow(
      'interval must be the same for every symbol',
    );
  });

  it('reports symbols that never overlap as DATA_UNAVAILABLE', () => {
    try {
      alignSeries([series('AAA', [1, 2]), series('BBB', [3, 4])]);
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(AetherError);
      expect((error as AetherError).code).toBe('DATA_UNAVAILABLE');
      expect((error as AetherError).message).toBe('no common bars for AAA, BBB: their dates do not overlap');
    }
  });
});

describeWithMarketData('alignSeries on the nine ETFs of the shared market data', (market) => {
  it('finds the 4,318 common trading days of 2006-02-06 .. 2023-03-31 that PROVENANCE.md states', async () => {
    const provider = new CsvProvider({ dataDir: market.dir });
    const symbols = ['SPY', 'QQQ', 'TLT', 'GLD', 'IEF', 'EFA', 'DBC', 'VNQ', 'XLE'];
    const all = await Promise.all(symbols.map((symbol) => provider.getBars({ symbol, period: 'max' })));
    const { series: aligned, dropped } = alignSeries(all);
    expect(aligned[0]?.length).toBe(4318);
    expect(formatIsoDate(aligned[0]?.time[0] as number)).toBe('2006-02-06');
    expect(formatIsoDate(aligned[0]?.time[4317] as number)).toBe('2023-03-31');
    // Each symbol loses exactly its rows outside the common window (its row count − 4318).
    const rows: Record<string, number> = {
      SPY: 6334,
      QQQ: 6334,
      TLT: 5689,
      GLD: 5107,
      IEF: 5689,
      EFA: 5917,
      DBC: 4802,
      VNQ: 4904,
      XLE: 6101,
    };
    expect(dropped).toEqual(symbols.map((symbol) => ({ symbol, bars: (rows[symbol] as number) - 4318 })));
  });
});

describe('closesAtTimes', () => {
  const times = Float64Array.from([1, 2, 3, 4, 5].map(day));

  it('takes the close at each time the series shares', () => {
    const aligned = closesAtTimes(series('SPY', [0, 1, 2, 3, 4, 5, 6]), times);
    expect(Array.from(aligned.close)).toEqual([101, 102, 103, 104, 105]);
    expect(Array.from(aligned.present)).toEqual([1, 1, 1, 1, 1]);
    expect(aligned.matched).toBe(5);
  });

  it('carries the last close forward over a time the series lacks, so its return there is 0', () => {
    // No bar on days 2 and 3: day 1's close (101) stands at both; day 4's return is then 104/101 − 1.
    const aligned = closesAtTimes(series('SPY', [1, 4, 5]), times);
    expect(Array.from(aligned.close)).toEqual([101, 101, 101, 104, 105]);
    expect(Array.from(aligned.present)).toEqual([1, 0, 0, 1, 1]);
    expect(aligned.matched).toBe(3);
  });

  it('carries a bar between two times forward to the next (its move counts in the next return)', () => {
    // A bar on day 2.5 (not one of the times) and none on day 3: day 3 takes day 2.5's close.
    const between = new BarSeries({
      symbol: 'SPY',
      interval: '1d',
      time: [day(1), day(2), day(2) + DAY_MS / 2, day(4), day(5)],
      open: [1, 2, 7, 4, 5],
      high: [1, 2, 7, 4, 5],
      low: [1, 2, 7, 4, 5],
      close: [1, 2, 7, 4, 5],
      volume: [1, 1, 1, 1, 1],
    });
    expect(Array.from(closesAtTimes(between, times).close)).toEqual([1, 2, 7, 4, 5]);
  });

  it('stands the first close in before the series starts: flat until it lists', () => {
    const aligned = closesAtTimes(series('NEW', [3, 4, 5]), times);
    expect(Array.from(aligned.close)).toEqual([103, 103, 103, 104, 105]);
    expect(Array.from(aligned.present)).toEqual([0, 0, 1, 1, 1]);
  });

  it('matches no time when the series lies wholly outside them', () => {
    expect(closesAtTimes(series('OLD', [-3, -2]), times).matched).toBe(0);
    expect(closesAtTimes(series('LATE', [8, 9]), times).matched).toBe(0);
  });
});
