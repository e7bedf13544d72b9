import { readFileSync } from 'node:fs';
import { formatBarTime } from '@aetherquant/core';
import { describeWithMarketData } from '@aetherquant/testing';
import { CsvProvider } from '../csv/csv-provider';

/** One adjusted bar read straight from the file (yfinance's auto_adjust: O/H/L scaled by adj close / close). */
interface Row {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** The file's rows, adjusted, parsed without the provider (an independent reading). */
function readAdjusted(path: string): Row[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  expect(header).toBe('date,open,high,low,close,adj_close,volume');
  return lines.map((line) => {
    const [date, open, high, low, close, adjClose, volume] = line.split(',');
    const factor = Number(adjClose) / Number(close);
    return {
      date: date as string,
      open: Number(open) * factor,
      high: Number(high) * factor,
      low: Number(low) * factor,
      close: Number(adjClose),
      volume: Number(volume),
    };
  });
}

/** Rows grouped by a key of their date, each group one bar, in order. */
function group(rows: Row[], keyOf: (date: string) => string): Row[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(row.date);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups].map(([date, members]) => ({
    date,
    open: (members[0] as Row).open,
    high: Math.max(...members.map((row) => row.high)),
    low: Math.min(...members.map((row) => row.low)),
    close: (members[members.length - 1] as Row).close,
    volume: members.reduce((sum, row) => sum + row.volume, 0),
  }));
}

/** The Monday of a date's week, by `Date`'s day of the week. */
function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

describeWithMarketData('resampling the real SPY daily file (golden)', (market) => {
  let daily: Row[];
  beforeAll(() => {
    daily = readAdjusted(market.file('SPY'));
  });

  it.each([
    ['1wk', mondayOf],
    ['1mo', (date: string) => `${date.slice(0, 7)}-01`],
  ] as const)(
    'gives the %s bars an independent grouping of the adjusted daily rows gives',
    async (interval, keyOf) => {
      const expected = group(daily, keyOf);
      const bars = await new CsvProvider({ dataDir: market.dir }).getBars({
        symbol: 'SPY',
        interval,
        period: 'max',
      });
      expect(bars.interval.name).toBe(interval);
      expect(bars.length).toBe(expected.length);
      expect(Array.from(bars.time, (time) => formatBarTime(time, bars.interval))).toEqual(
        expected.map((row) => row.date),
      );
      expected.forEach((row, i) => {
        for (const column of ['open', 'high', 'low', 'close'] as const) {
          expect(Math.abs((bars[column][i] as number) / row[column] - 1)).toBeLessThan(1e-12);
        }
        expect(bars.volume[i]).toBe(row.volume);
      });
    },
  );

  it('holds one day in the week of 9/11 and the first week from its Friday, 1999-12-31', async () => {
    const weeks = await new CsvProvider({ dataDir: market.dir }).getBars({
      symbol: 'SPY',
      interval: '1wk',
      period: 'max',
    });
    const dates = Array.from(weeks.time, (time) => formatBarTime(time, weeks.interval));
    expect(dates[0]).toBe('1999-12-27');
    const september10 = daily.find((row) => row.date === '2001-09-10') as Row;
    const week = dates.indexOf('2001-09-10');
    expect([weeks.open[week], weeks.close[week], weeks.volume[week]]).toEqual([
      september10.open,
      september10.close,
      september10.volume,
    ]);
    expect(dates[week + 1]).toBe('2001-09-17');
  });
});
