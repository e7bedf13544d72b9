import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BarSeries, formatBarTime, type IntervalName, parseInterval } from '@aetherquant/core';
import { rejection } from '@aetherquant/testing';
import { CsvProvider } from '../csv/csv-provider';
import { SyntheticProvider } from '../synthetic/synthetic-provider';
import { canResample, resampleBars } from './resample-bars';

/** Bars from rows `[time, open, high, low, close, volume]`, times as ISO text. */
function bars(
  interval: IntervalName,
  rows: Array<[string, number, number, number, number, number]>,
): BarSeries {
  return new BarSeries({
    symbol: 'TEST',
    interval,
    time: rows.map((row) => Date.parse(row[0].length === 10 ? `${row[0]}T00:00:00Z` : row[0])),
    open: rows.map((row) => row[1]),
    high: rows.map((row) => row[2]),
    low: rows.map((row) => row[3]),
    close: rows.map((row) => row[4]),
    volume: rows.map((row) => row[5]),
    provenance: { provider: 'csv', adjusted: true },
  });
}

/** The bars as rows, times as the interval shows them. */
function rows(series: BarSeries): Array<[string, number, number, number, number, number]> {
  return Array.from(series.time, (time, i) => [
    formatBarTime(time, series.interval),
    series.open[i] as number,
    series.high[i] as number,
    series.low[i] as number,
    series.close[i] as number,
    series.volume[i] as number,
  ]);
}

// Memorial Day week (Monday 2024-05-27 closed: only Thursday and Friday given), then a week that crosses
// from May into June (June 2024 starts on a Saturday).
const daily = bars('1d', [
  ['2024-05-30', 10, 11, 9, 10.5, 100], // Thu
  ['2024-05-31', 10.5, 12, 10, 11, 200], // Fri: May ends
  ['2024-06-03', 11, 11.5, 10.2, 10.8, 300], // Mon
  ['2024-06-04', 10.8, 13, 10.7, 12.5, 400], // Tue
  ['2024-06-05', 12.5, 12.9, 8, 9, 500], // Wed
]);

describe('resampleBars (hand-computed)', () => {
  it('makes weeks Monday to Sunday, dated on the Monday even when it was a holiday, from the days there are', () => {
    // Week of 27 May: open of Thu 10, high max(11, 12), low min(9, 10), close of Fri 11, volume 100 + 200.
    // Week of 3 June: open 11, high 13 (Tue), low 8 (Wed), close 9 (Wed), volume 300 + 400 + 500.
    expect(rows(resampleBars(daily, '1wk'))).toEqual([
      ['2024-05-27', 10, 12, 9, 11, 300],
      ['2024-06-03', 11, 13, 8, 9, 1200],
    ]);
    // `5d` bars are weeks, as Yahoo serves them.
    expect(rows(resampleBars(daily, '5d'))).toEqual(rows(resampleBars(daily, '1wk')));
  });

  it('splits months at the calendar boundary and dates them on the 1st (June 2024 starts on a Saturday)', () => {
    expect(rows(resampleBars(daily, '1mo'))).toEqual([
      ['2024-05-01', 10, 12, 9, 11, 300],
      ['2024-06-01', 11, 13, 8, 9, 1200],
    ]);
    // Both months are in the second quarter, dated 1 April: open 10, high 13, low 8, close 9, volume 1500.
    expect(rows(resampleBars(daily, '3mo'))).toEqual([['2024-04-01', 10, 13, 8, 9, 1500]]);
  });

  it('makes a holiday week of four days (Thanksgiving 2023: Thursday closed)', () => {
    const thanksgiving = bars('1d', [
      ['2023-11-17', 1, 1, 1, 1, 1], // the Friday before: its own week
      ['2023-11-20', 100, 102, 99, 101, 10],
      ['2023-11-21', 101, 101.5, 98, 99, 20],
      ['2023-11-22', 99, 104, 98.5, 103, 30],
      ['2023-11-24', 103, 103.5, 102, 102.5, 5], // half day
      ['2023-11-27', 102.5, 103, 101, 101.5, 40],
    ]);
    expect(rows(resampleBars(thanksgiving, '1wk'))).toEqual([
      ['2023-11-13', 1, 1, 1, 1, 1],
      ['2023-11-20', 100, 104, 98, 102.5, 65],
      ['2023-11-27', 102.5, 103, 101, 101.5, 40],
    ]);
  });

  it('makes hours from the session open (09:30 New York), dated at their start, a missing first bar not moving them', () => {
    const halfHours = bars('30m', [
      ['2024-01-02T14:30:00.000Z', 10, 11, 9.5, 10.5, 1], // 09:30 New York
      ['2024-01-02T15:00:00.000Z', 10.5, 12, 10, 11.5, 2],
      ['2024-01-02T15:30:00.000Z', 11.5, 11.6, 11, 11.2, 3], // 10:30: the second hour
      ['2024-01-03T15:00:00.000Z', 20, 21, 19, 20.5, 4], // 10:00: the day's 09:30 bar is missing
      ['2024-01-03T15:30:00.000Z', 20.5, 22, 20, 21, 5],
      ['2024-01-04T14:30:00.000Z', 30, 31, 29, 30.5, 6],
    ]);
    const hours = resampleBars(halfHours, '1h', { utcOffsetMinutes: -300 });
    expect(rows(hours)).toEqual([
      ['2024-01-02T14:30:00.000Z', 10, 12, 9.5, 11.5, 3],
      ['2024-01-02T15:30:00.000Z', 11.5, 11.6, 11, 11.2, 3],
      ['2024-01-03T14:30:00.000Z', 20, 21, 19, 20.5, 4],
      ['2024-01-03T15:30:00.000Z', 20.5, 22, 20, 21, 5],
      ['2024-01-04T14:30:00.000Z', 30, 31, 29, 30.5, 6],
    ]);
    // 90-minute bars from 09:30: 09:30–11:00 holds all three bars of the 2nd.
    expect(rows(resampleBars(halfHours, '90m', { utcOffsetMinutes: -300 }))[0]).toEqual([
      '2024-01-02T14:30:00.000Z',
      10,
      12,
      9.5,
      11.2,
      6,
    ]);
  });

  it("puts intraday bars in days by the exchange's local date (Sydney in summer, UTC+11)", () => {
    const sydney = bars('1h', [
      ['2024-01-01T23:00:00.000Z', 10, 11, 9, 10.5, 1], // 10:00 on 2 January in Sydney
      ['2024-01-02T04:00:00.000Z', 10.5, 12, 10, 11, 2], // 15:00 on 2 January
      ['2024-01-02T23:00:00.000Z', 11, 11.5, 10.5, 11.2, 3], // 10:00 on 3 January
    ]);
    expect(rows(resampleBars(sydney, '1d', { utcOffsetMinutes: 660 }))).toEqual([
      ['2024-01-02', 10, 12, 9, 11, 3],
      ['2024-01-03', 11, 11.5, 10.5, 11.2, 3],
    ]);
    // By UTC dates (the default), the first session would be split over two days, its afternoon joining
    // the next morning.
    expect(rows(resampleBars(sydney, '1d')).map((row) => [row[0], row[5]])).toEqual([
      ['2024-01-01', 1],
      ['2024-01-02', 5],
    ]);
  });

  it('combines only into coarser intervals that hold whole bars', () => {
    const can = (from: string, to: string) => canResample(parseInterval(from), parseInterval(to));
    expect([can('1d', '1wk'), can('1d', '1mo'), can('1d', '3mo'), can('1mo', '3mo')]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([
      can('5m', '15m'),
      can('30m', '90m'),
      can('30m', '1h'),
      can('1m', '1d'),
      can('1h', '1wk'),
    ]).toEqual([true, true, true, true, true]);
    expect([
      can('1wk', '1d'),
      can('1wk', '1mo'),
      can('60m', '90m'),
      can('1d', '1h'),
      can('1mo', '1wk'),
    ]).toEqual([false, false, false, false, false]);
    expect(() => resampleBars(daily, '1h')).toThrow(
      "interval 1h cannot be made from TEST's 1d bars (bars are combined only into coarser intervals that hold whole bars)",
    );
  });

  it('keeps adjusted prices consistent: a week’s return is its days’ returns compounded, a dividend inside it included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aetherquant-resample-'));
    // A dividend goes ex on Wednesday 2024-06-05: the adjusted closes before it are scaled by 0.98.
    writeFileSync(
      join(dir, 'DIV.csv'),
      [
        'date,open,high,low,close,adj_close,volume',
        '2024-05-31,100,101,99,100,98,10',
        '2024-06-03,100,102,99,101,98.98,10',
        '2024-06-04,101,103,100,102,99.96,10',
        '2024-06-05,100,101,99,100.5,100.5,10',
        '2024-06-06,100.5,102,100,101,101,10',
      ].join('\n'),
    );
    const provider = new CsvProvider({ dataDir: dir });
    const days = await provider.getBars({ symbol: 'DIV', period: 'max' });
    const weeks = await provider.getBars({ symbol: 'DIV', period: 'max', interval: '1wk' });
    expect(weeks.interval.name).toBe('1wk');
    expect(rows(weeks).map((row) => row[0])).toEqual(['2024-05-27', '2024-06-03']);
    // Friday's adjusted close to Thursday's: 98 → 101, the same as compounding the four daily returns.
    let compounded = 1;
    for (let i = 1; i < days.length; i++)
      compounded *= (days.close[i] as number) / (days.close[i - 1] as number);
    expect((weeks.close[1] as number) / (weeks.close[0] as number)).toBeCloseTo(compounded, 12);
    expect(weeks.close[1]).toBe(101);
    // The week's low is the lowest adjusted low: Monday's 99 × 98.98 / 101 = 97.02, below every raw low.
    expect(weeks.low[1]).toBeCloseTo((99 * 98.98) / 101, 12);
    expect(weeks.high[1]).toBe(102);
  });

  it('agrees with the synthetic provider, which builds weeks and months from the same days', async () => {
    const synthetic = new SyntheticProvider({ now: () => Date.UTC(2024, 5, 3, 12) });
    const days = await synthetic.getBars({ symbol: 'SPY', start: '2024-01-01', end: '2024-03-31' });
    for (const interval of ['1wk', '1mo', '3mo'] as const) {
      const direct = await synthetic.getBars({
        symbol: 'SPY',
        start: '2024-01-01',
        end: '2024-03-31',
        interval,
      });
      const made = resampleBars(days, interval);
      expect(Array.from(made.time)).toEqual(Array.from(direct.time));
      for (const column of ['open', 'high', 'low', 'close', 'volume'] as const) {
        made[column].forEach((value, i) => expect(value).toBeCloseTo(direct[column][i] as number, 6));
      }
    }
  });

  it('refuses a finer interval than a file holds, saying bars are never split', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aetherquant-resample-'));
    writeFileSync(
      join(dir, 'WK.csv'),
      'date,open,high,low,close,volume\n2024-05-06,1,2,0.5,1.5,10\n2024-05-13,1,2,0.5,1.5,10\n2024-05-20,1,2,0.5,1.5,10\n',
    );
    const error = await rejection(new CsvProvider({ dataDir: dir }).getBars({ symbol: 'WK', period: 'max' }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('interval 1d does not match');
    expect(error.message).toContain('which holds 1wk bars');
    expect(error.message).toContain('never split into finer ones');
  });

  it('selects a resampled bucket by its date and keeps it whole (a window starting mid-week skips that week)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aetherquant-resample-'));
    const lines = ['date,open,high,low,close,volume'];
    // Weekdays 2024-05-27 .. 2024-06-14, close = day of month.
    for (let day = Date.UTC(2024, 4, 27); day <= Date.UTC(2024, 5, 14); day += 86_400_000) {
      const date = new Date(day);
      if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
      lines.push(`${date.toISOString().slice(0, 10)},10,11,9,${date.getUTCDate()},1`);
    }
    writeFileSync(join(dir, 'DAYS.csv'), lines.join('\n'));
    const weeks = await new CsvProvider({ dataDir: dir }).getBars({
      symbol: 'DAYS',
      interval: '1wk',
      start: '2024-05-29',
      end: '2024-06-05',
    });
    // The week of 27 May starts before the window; the week of 3 June is in it, through Friday the 7th.
    expect(rows(weeks)).toEqual([['2024-06-03', 10, 11, 9, 7, 5]]);
  });

  it("reads an intraday file's zone as the exchange's clock: days by its local date, hours from its open", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aetherquant-resample-'));
    writeFileSync(
      join(dir, 'SYD.csv'),
      [
        'datetime,open,high,low,close,volume',
        '2024-01-02T10:00:00+11:00,10,11,9,10.5,1',
        '2024-01-02T10:30:00+11:00,10.5,12,10,11,2',
        '2024-01-02T11:00:00+11:00,11,11.5,10.5,11.2,3',
        '2024-01-03T10:00:00+11:00,11.2,11.4,11,11.3,4',
        '2024-01-03T10:30:00+11:00,11.3,11.6,11.1,11.5,5',
      ].join('\n'),
    );
    const provider = new CsvProvider({ dataDir: dir });
    const days = await provider.getBars({ symbol: 'SYD', period: 'max', interval: '1d' });
    expect(rows(days)).toEqual([
      ['2024-01-02', 10, 12, 9, 11.2, 6],
      ['2024-01-03', 11.2, 11.6, 11, 11.5, 9],
    ]);
    const hours = await provider.getBars({ symbol: 'SYD', period: 'max', interval: '1h' });
    // From the 10:00 open in Sydney (23:00 UTC the day before): 10:00–11:00, then 11:00.
    expect(rows(hours).map((row) => [row[0], row[5]])).toEqual([
      ['2024-01-01T23:00:00.000Z', 3],
      ['2024-01-02T00:00:00.000Z', 3],
      ['2024-01-02T23:00:00.000Z', 9],
    ]);
  });
});
