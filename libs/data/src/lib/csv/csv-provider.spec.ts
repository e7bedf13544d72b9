import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAY_MS, formatIsoDate } from '@aetherquant/core';
import { describeProviderContract } from '../../testing/provider-contract';
import { describeWithMarketData, rejection } from '@aetherquant/testing';
import { CsvProvider } from './csv-provider';

/**
 * A year of weekday bars for 2019 in Yahoo's layout, with a dividend on 2019-06-21: rows before it have
 * adj_close = close × 0.98, rows after it adj_close = close.
 */
function writeSampleFile(dir: string, name = 'SPY.csv'): string {
  const lines = ['Date,Open,High,Low,Close,Adj Close,Volume'];
  for (let day = Date.UTC(2019, 0, 2), i = 0; day <= Date.UTC(2019, 11, 31); day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const close = 100 + 10 * Math.sin(i / 9) + i * 0.05;
    const open = close - 0.5;
    const adj = day < Date.UTC(2019, 5, 21) ? close * 0.98 : close;
    lines.push([formatIsoDate(day), open, close + 1, open - 1, close, adj, 1_000_000 + i].join(','));
    i++;
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describeProviderContract('CsvProvider', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aetherquant-csv-'));
  writeSampleFile(dir);
  return {
    provider: new CsvProvider({ dataDir: dir }),
    providerName: 'csv',
    symbol: 'SPY',
    knownStart: '2019-01-02',
    knownEnd: '2019-06-28',
    emptySpan: { start: '2019-03-09', end: '2019-03-10' },
    adjustsPrices: true,
    missingSymbol: 'NOPE',
  };
});

describe('CsvProvider', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aetherquant-csv-'));
  const file = writeSampleFile(dir);

  it('adjusts open, high and low by adj close / close, as auto_adjust does', async () => {
    const series = await new CsvProvider({ dataDir: dir }).getBars({
      symbol: 'SPY',
      start: '2019-01-02',
      end: '2019-01-02',
    });
    // Row 0: close = 100 + 10·sin(0) + 0 = 100, open = 99.5, high = 101, low = 98.5, adj close = 98 (factor 0.98).
    expect(series.bar(0)).toEqual({
      time: Date.UTC(2019, 0, 2),
      open: 99.5 * 0.98,
      high: 101 * 0.98,
      low: 98.5 * 0.98,
      close: 98,
      volume: 1_000_000,
    });
  });

  it('counts a period back from the last bar of the file', async () => {
    const series = await new CsvProvider({ dataDir: dir }).getBars({ symbol: 'SPY', period: '5d' });
    // The file ends on Tue 2019-12-31: five weekdays are Dec 25 (a weekday in this file), 26, 27, 30, 31.
    expect(Array.from(series.time, formatIsoDate)).toEqual([
      '2019-12-25',
      '2019-12-26',
      '2019-12-27',
      '2019-12-30',
      '2019-12-31',
    ]);
  });

  it('serves one given file for any symbol', async () => {
    const series = await new CsvProvider({ file }).getBars({ symbol: 'qqq', period: 'max' });
    expect(series.symbol).toBe('QQQ');
    expect(series.length).toBe(260); // 2019 has 261 weekdays; the file starts on 2 January, after Tue 1 January
  });

  it('finds a lower-case file name', async () => {
    const lower = mkdtempSync(join(tmpdir(), 'aetherquant-csv-'));
    writeSampleFile(lower, 'tlt.csv');
    expect((await new CsvProvider({ dataDir: lower }).getBars({ symbol: 'TLT' })).symbol).toBe('TLT');
  });

  it('re-reads a file that changed on disk', async () => {
    const changing = mkdtempSync(join(tmpdir(), 'aetherquant-csv-'));
    const path = join(changing, 'ABC.csv');
    const provider = new CsvProvider({ dataDir: changing });
    writeFileSync(path, 'date,open,high,low,close,volume\n2019-01-02,1,2,0.5,1.5,10\n');
    expect((await provider.getBars({ symbol: 'ABC', period: 'max' })).length).toBe(1);
    writeFileSync(
      path,
      'date,open,high,low,close,volume\n2019-01-02,1,2,0.5,1.5,10\n2019-01-03,1,2,0.5,1.5,10\n',
    );
    expect((await provider.getBars({ symbol: 'ABC', period: 'max' })).length).toBe(2);
  });

  it('refuses a missing data dir as a bad argument naming it', async () => {
    const error = await rejection(
      new CsvProvider({ dataDir: join(dir, 'nowhere') }).getBars({ symbol: 'SPY' }),
    );
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe(`data_dir is not a directory: ${join(dir, 'nowhere')}`);
  });

  it('refuses to split daily rows into an intraday interval, and combines them into weeks', async () => {
    const provider = new CsvProvider({ dataDir: dir });
    expect((await rejection(provider.getBars({ symbol: 'SPY', interval: '1h' }))).message).toContain(
      'interval 1h does not match',
    );
    const weeks = await provider.getBars({ symbol: 'SPY', interval: '1wk', period: 'max' });
    expect(weeks.interval.name).toBe('1wk');
    // Weeks are dated on their Monday (see resample-bars.spec.ts for the arithmetic).
    expect(Array.from(weeks.time, (time) => new Date(time).getUTCDay()).every((day) => day === 1)).toBe(true);
  });

  it('reports a malformed file with its path and line', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'aetherquant-csv-'));
    mkdirSync(join(bad, 'sub'));
    writeFileSync(
      join(bad, 'XYZ.csv'),
      'date,open,high,low,close,volume\n2019-01-02,1,2,0.5,1.5,10\n2019-01-03,1,2,0.5,0,10\n',
    );
    const error = await rejection(new CsvProvider({ dataDir: bad }).getBars({ symbol: 'XYZ' }));
    expect(error.message).toBe(`${join(bad, 'XYZ.csv')}:3 close must be a positive price (got 0)`);
  });
});

/** Expected facts of each file, from the market data's PROVENANCE.md. */
const MARKET_FILES = [
  { symbol: 'SPY', rows: 6334, first: '1999-12-31', last: '2025-03-07' },
  { symbol: 'QQQ', rows: 6334, first: '1999-12-31', last: '2025-03-07' },
  { symbol: 'TLT', rows: 5689, first: '2002-07-30', last: '2025-03-07' },
  { symbol: 'GLD', rows: 5107, first: '2004-11-18', last: '2025-03-07' },
  { symbol: 'IEF', rows: 5689, first: '2002-07-30', last: '2025-03-07' },
  { symbol: 'EFA', rows: 5917, first: '2001-08-27', last: '2025-03-07' },
  { symbol: 'DBC', rows: 4802, first: '2006-02-06', last: '2025-03-07' },
  { symbol: 'VNQ', rows: 4904, first: '2004-09-29', last: '2024-03-22' },
  { symbol: 'XLE', rows: 6101, first: '1999-01-04', last: '2023-03-31' },
];

describeWithMarketData('CsvProvider golden tests on the shared market data', (market) => {
  let provider: CsvProvider;
  beforeAll(() => {
    provider = new CsvProvider({ dataDir: market.dir });
  });

  /** The file read the plainest way: split on newlines and commas, Number() each field. */
  function plainRows(symbol: string): Array<{ date: string; open: number; close: number; adj: number }> {
    const [header, ...lines] = readFileSync(market.file(symbol), 'utf8').trim().split('\n');
    expect(header).toBe('date,open,high,low,close,adj_close,volume');
    return lines.map((line) => {
      const [date, open, , , close, adj] = line.split(',');
      return { date: date as string, open: Number(open), close: Number(close), adj: Number(adj) };
    });
  }

  it.each(MARKET_FILES)(
    '$symbol: $rows rows from $first to $last, closes adjusted to the file',
    async (expected) => {
      const series = await provider.getBars({ symbol: expected.symbol, period: 'max' });
      const rows = plainRows(expected.symbol);
      expect(series.length).toBe(expected.rows);
      expect(formatIsoDate(series.time[0] as number)).toBe(expected.first);
      expect(formatIsoDate(series.time[series.length - 1] as number)).toBe(expected.last);
      expect(series.provenance).toEqual({ provider: 'csv', adjusted: true });
      rows.forEach((row, i) => {
        expect(formatIsoDate(series.time[i] as number)).toBe(row.date);
        expect(series.close[i]).toBe(row.adj);
        expect(series.open[i]).toBe(row.open * (row.adj / row.close));
      });
    },
  );

  it.each(MARKET_FILES)('$symbol has 2516 bars in 2010–2019', async ({ symbol }) => {
    const series = await provider.getBars({ symbol, start: '2010-01-01', end: '2019-12-31' });
    expect(series.length).toBe(2516);
  });

  it('serves raw closes as the provenance quotes them (SPY, GLD, TLT)', async () => {
    // PROVENANCE.md: SPY closed at 113.33 on 2010-01-04 and 321.86 on 2019-12-31; GLD at 109.80 and 142.90;
    // TLT at 89.81 and 135.48 (rounded to cents there).
    const expected: Record<string, [number, number]> = {
      SPY: [113.33, 321.86],
      GLD: [109.8, 142.9],
      TLT: [89.81, 135.48],
    };
    for (const [symbol, [first, last]] of Object.entries(expected)) {
      const raw = await provider.getBars({ symbol, start: '2010-01-04', end: '2019-12-31', adjusted: false });
      expect(raw.close[0]).toBeCloseTo(first, 2);
      expect(raw.close[raw.length - 1]).toBeCloseTo(last, 2);
    }
  });

  it('sees the DBC distribution of 2023-12-18 only in raw prices', async () => {
    const raw = await provider.getBars({
      symbol: 'DBC',
      start: '2023-12-15',
      end: '2023-12-18',
      adjusted: false,
    });
    const adjusted = await provider.getBars({ symbol: 'DBC', start: '2023-12-15', end: '2023-12-18' });
    const rawReturn = (raw.close[1] as number) / (raw.close[0] as number) - 1;
    const adjustedReturn = (adjusted.close[1] as number) / (adjusted.close[0] as number) - 1;
    // PROVENANCE.md: close falls about 4–5% on the ex-date while adj_close does not.
    expect(rawReturn).toBeLessThan(-0.035);
    expect(adjustedReturn - rawReturn).toBeGreaterThan(0.035);
  });
});
