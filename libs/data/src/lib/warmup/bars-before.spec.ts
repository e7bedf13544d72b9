import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BarSeries, DAY_MS, formatIsoDate, parseInterval } from '@aetherquant/core';
import {
  type FakeYahooServer,
  loadYahooFixture,
  startFakeYahooServer,
} from '../../testing/fake-yahoo-server';
import { CsvProvider } from '../csv/csv-provider';
import { SyntheticProvider } from '../synthetic/synthetic-provider';
import { YahooProvider } from '../yahoo/yahoo-provider';
import { loadBarsBefore, lookbackMs } from './bars-before';

const daily = parseInterval('1d');
const times = (series: BarSeries | undefined) =>
  Array.from(series?.time ?? [], (time) => formatIsoDate(time));

describe('lookbackMs', () => {
  it('reaches generously past weekends and holidays for daily bars, and a week at least', () => {
    // 49 sessions ≈ 0.194 years ≈ 71 calendar days; a quarter more and a week: 96 days (49 sessions take
    // 69 to 72 calendar days with weekends and holidays).
    expect(lookbackMs(daily, 49) / DAY_MS).toBeCloseTo(95.75, 1);
    expect(lookbackMs(daily, 1) / DAY_MS).toBeGreaterThan(7);
    // 200 five-minute bars are about 2.6 sessions: the week of slack covers a weekend and a holiday.
    expect(lookbackMs(parseInterval('5m'), 200) / DAY_MS).toBeGreaterThan(7);
    expect(lookbackMs(daily, 0)).toBe(0);
  });
});

describe('loadBarsBefore (csv)', () => {
  // 30 weekdays from Monday 2024-01-01, close = 100 + index.
  const dir = mkdtempSync(join(tmpdir(), 'aetherquant-bars-before-'));
  const rows = ['date,open,high,low,close,adj_close,volume'];
  const days: number[] = [];
  for (let day = Date.UTC(2024, 0, 1); days.length < 30; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const close = 100 + days.length;
    rows.push(`${formatIsoDate(day)},${close},${close},${close},${close},${close},1000`);
    days.push(day);
  }
  writeFileSync(join(dir, 'AAA.csv'), `${rows.join('\n')}\n`);
  const csv = new CsvProvider({ dataDir: dir });
  const load = (before: number, count: number) =>
    loadBarsBefore((request) => csv.getBars(request), { symbol: 'AAA' }, daily, before, count);

  it('returns exactly the newest `count` bars before the given bar', async () => {
    const bars = await load(days[20] as number, 5);
    expect(times(bars)).toEqual(days.slice(15, 20).map((day) => formatIsoDate(day)));
    expect(Array.from(bars?.close ?? [])).toEqual([115, 116, 117, 118, 119]);
  });

  it('returns what there is when the file begins later, and nothing before its first row', async () => {
    expect((await load(days[20] as number, 25))?.length).toBe(20);
    expect(await load(days[0] as number, 5)).toBeUndefined();
  });
});

describe('loadBarsBefore (synthetic)', () => {
  // Monday 2024-06-03 noon UTC: synthetic history ends on Friday 2024-05-31.
  const synthetic = new SyntheticProvider({ seed: 42, now: () => Date.UTC(2024, 5, 3, 12) });

  it.each([
    ['1d', 199, '2024-01-01', '2024-05-31'],
    ['1wk', 30, '2024-01-01', '2024-05-31'],
    ['5m', 500, '2024-05-20T00:00:00Z', '2024-05-31T23:59:59Z'],
  ])('finds the %s bars a larger request holds just before the window', async (name, count, start, end) => {
    const interval = parseInterval(name);
    const window = await synthetic.getBars({ symbol: 'AAA', interval: name, start, end });
    const first = window.time[0] as number;
    const bars = await loadBarsBefore(
      (request) => synthetic.getBars(request),
      { symbol: 'AAA' },
      interval,
      first,
      count,
    );
    // The same bars as one request reaching far back, cut to the count before the window's first bar.
    const wide = await synthetic.getBars({
      symbol: 'AAA',
      interval: name,
      start: interval.intraday ? '2024-04-01T00:00:00Z' : '2010-01-01',
      end,
    });
    const at = wide.firstIndexAtOrAfter(first);
    expect(Array.from(bars?.time ?? [])).toEqual(Array.from(wide.time.subarray(at - count, at)));
    expect(Array.from(bars?.close ?? [])).toEqual(Array.from(wide.close.subarray(at - count, at)));
  });
});

describe('loadBarsBefore (yahoo, recorded answers on a local server)', () => {
  /** The evening after the recorded bars (2024-01-02 … Friday 2024-06-28). */
  const NOW = Date.parse('2024-06-28T21:00:00Z');
  let server: FakeYahooServer;
  beforeAll(async () => {
    server = await startFakeYahooServer();
    server.serve('SPY', '1d', loadYahooFixture('spy-1d.json'));
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());
  const yahoo = () => new YahooProvider({ now: () => NOW, fetch: server.fetch, backoffMs: 1 });

  it('asks for the dates before the window and cuts to the count', async () => {
    const provider = yahoo();
    const window = await provider.getBars({ symbol: 'SPY', start: '2024-04-01', end: '2024-04-30' });
    const all = await provider.getBars({ symbol: 'SPY', start: '2024-01-01', end: '2024-04-30' });
    server.reset();
    const first = window.time[0] as number;
    const bars = await loadBarsBefore(
      (request) => provider.getBars(request),
      { symbol: 'SPY' },
      daily,
      first,
      20,
    );
    const at = all.firstIndexAtOrAfter(first);
    expect(times(bars)).toEqual(times(all.slice(at - 20, at)));
    expect(Array.from(bars?.close ?? [])).toEqual(Array.from(all.close.subarray(at - 20, at)));
    expect(server.requests).toHaveLength(1);
  });

  it('reaches further back while short, and stops where the recorded data begins', async () => {
    const provider = yahoo();
    const first = Date.UTC(2024, 2, 1); // Friday 2024-03-01: 41 sessions after 2024-01-02
    const bars = await loadBarsBefore(
      (request) => provider.getBars(request),
      { symbol: 'SPY' },
      daily,
      first,
      120,
    );
    expect(times(bars)[0]).toBe('2024-01-02');
    expect(times(bars).at(-1)).toBe('2024-02-29');
    expect(bars?.length).toBe(41);
    // The first span (~183 days) already reached the start; one wider request found nothing more.
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });
});
