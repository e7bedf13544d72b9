import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAY_MS, formatIsoDate, INTERVAL_NAMES, parseInterval } from '@aetherquant/core';
import { rejection } from '@aetherquant/testing';
import {
  type FakeYahooServer,
  loadYahooFixture,
  startFakeYahooServer,
} from '../../testing/fake-yahoo-server';
import { CachedProvider } from '../cache/cached-provider';
import { CsvProvider } from '../csv/csv-provider';
import { SyntheticPath } from '../synthetic/synthetic-path';
import { SyntheticProvider } from '../synthetic/synthetic-provider';
import { YahooProvider } from '../yahoo/yahoo-provider';
import { aroundTheClockBars, checkBarCount } from './bar-count';
import { type BarRequest } from './bar-request';

const violations = async (promise: Promise<unknown>) =>
  (await rejection(promise, 'INVALID_ARGUMENT')).details?.violations;

describe('aroundTheClockBars', () => {
  const at = (iso: string) => Date.parse(iso);

  it('bounds intraday bars by the span at the interval plus one per day touched', () => {
    // 8 days of 1m bars: 8 × 1,440 = 11,520, plus 8 days + 1.
    expect(aroundTheClockBars(parseInterval('1m'), 0, 8 * DAY_MS)).toBe(11_529);
    // 2 h 30 of 1h bars: ⌈2.5⌉ = 3, plus ⌈2.5 / 24⌉ = 1, plus 1.
    expect(aroundTheClockBars(parseInterval('1h'), 0, 2.5 * 3_600_000)).toBe(5);
  });

  it('counts one daily bar per midnight in the window, and bounds longer bars by their shortest span', () => {
    // Midnights of 1 … 31 January.
    expect(aroundTheClockBars(parseInterval('1d'), at('2024-01-01'), at('2024-02-01'))).toBe(31);
    // From noon, 1 January's midnight is outside: 2 … 31 January and 1 February.
    expect(aroundTheClockBars(parseInterval('1d'), at('2024-01-01T12:00Z'), at('2024-02-01T00:00:01Z'))).toBe(
      31,
    );
    // 366 days of 2024: ⌈366 / 7⌉ + 1 weeks, ⌈366 / 28⌉ + 1 months, ⌈366 / 89⌉ + 1 quarters.
    const year = [at('2024-01-01'), at('2025-01-01')] as const;
    expect(aroundTheClockBars(parseInterval('1wk'), ...year)).toBe(54);
    expect(aroundTheClockBars(parseInterval('1mo'), ...year)).toBe(15);
    expect(aroundTheClockBars(parseInterval('3mo'), ...year)).toBe(6);
    expect(aroundTheClockBars(parseInterval('1d'), year[1], year[0])).toBe(0);
  });
});

describe('checkBarCount', () => {
  it('names period, or start when dates chose the bars, and says "up to" for a bound', () => {
    expect(() => checkBarCount({ bars: 101, exact: false }, 100, { start: '2020-01-01' })).toThrow(
      'start selects up to 101 bars, more than the 100 this server loads per request',
    );
    expect(() => checkBarCount(101, 100, {})).toThrow('period selects 101 bars, more than the 100');
    expect(() => checkBarCount(100, 100, { period: 'max' })).not.toThrow();
    expect(() => checkBarCount(1e9, undefined, { period: 'max' })).not.toThrow();
    // Unknown before loading: checked once the bars are read.
    expect(() => checkBarCount({ bars: Infinity, exact: false }, 100, { period: 'max' })).not.toThrow();
  });
});

describe('SyntheticProvider.countBars', () => {
  /** Monday 2024-06-03 noon UTC: the last session is Friday 2024-05-31. */
  const provider = new SyntheticProvider({ seed: 7, now: () => Date.UTC(2024, 5, 3, 12) });
  let simulatedDays: jest.SpyInstance;
  beforeEach(() => (simulatedDays = jest.spyOn(SyntheticPath.prototype, 'simulateDay')));
  afterEach(() => simulatedDays.mockRestore());

  it('counts period max of 1m bars exactly, without simulating a day', () => {
    // 1990-01-01 (Monday) to 2024-05-31 (Friday) is 12,570 days: 1,795 weeks and 5 days, so
    // 1,795 × 5 + 5 = 8,980 sessions of 390 one-minute bars each.
    expect(provider.countBars({ symbol: 'AAA', period: 'max', interval: '1m' })).toEqual({
      bars: 8_980 * 390,
      exact: true,
    });
    expect(provider.countBars({ symbol: 'AAA', period: 'max' })).toEqual({ bars: 8_980, exact: true });
    expect(simulatedDays).not.toHaveBeenCalled();
  });

  it('counts sessions cut by the window', async () => {
    // 1h bars open at 14:30 … 20:30 UTC, seven a session: 20:30 on Wednesday 29 May, the seven of
    // Thursday, and 14:30 on Friday (the end is inclusive: 15:00 itself would count).
    const request = {
      symbol: 'AAA',
      interval: '1h',
      start: '2024-05-29T20:00:00Z',
      end: '2024-05-31T15:00:00Z',
    };
    expect(provider.countBars(request).bars).toBe(9);
    expect((await provider.getBars(request)).length).toBe(9);
  });

  it('matches what getBars returns, for every interval and a spread of windows', async () => {
    const windows: Array<Omit<BarRequest, 'symbol'>> = [
      { period: '5d' },
      { period: '1mo' },
      { start: '2024-02-29T16:00:00Z', end: '2024-03-04T14:59:00Z' },
      { start: '2023-12-31', end: '2024-01-01' },
      { start: '2024-05-31' },
    ];
    for (const interval of INTERVAL_NAMES) {
      for (const window of windows) {
        const request = { symbol: 'AAA', interval, ...window };
        const count = provider.countBars(request).bars;
        const served = await provider.getBars(request).then(
          (series) => series.length,
          () => 0,
        );
        expect([interval, window, count]).toEqual([interval, window, served]);
      }
    }
  });

  it('refuses a request over maxBars with the exact count, before simulating a day', async () => {
    const request = { symbol: 'AAA', period: 'max', interval: '1m', maxBars: 100_000 };
    expect(await violations(provider.getBars(request))).toEqual([
      {
        field: 'period',
        rule: 'selects 3502200 bars, more than the 100000 this server loads per request; narrow the period or use a coarser interval',
      },
    ]);
    expect(simulatedDays).not.toHaveBeenCalled();
    // At the limit: served, and the spy sees the work (so the assertion above can fail).
    const within = await provider.getBars({ symbol: 'AAA', period: '5d', interval: '1m', maxBars: 5 * 390 });
    expect(within.length).toBe(5 * 390);
    expect(simulatedDays).toHaveBeenCalledTimes(5);
  });
});

describe('Yahoo and its cache under maxBars', () => {
  /** The evening after the recorded bars (Friday 2024-06-28). */
  const NOW = Date.parse('2024-06-28T21:00:00Z');
  let server: FakeYahooServer;
  beforeAll(async () => {
    server = await startFakeYahooServer();
    server.serve('SPY', '1d', loadYahooFixture('spy-1d.json'));
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());
  const yahoo = () => new YahooProvider({ now: () => NOW, fetch: server.fetch, backoffMs: 1 });

  it('bounds period max by how far Yahoo reaches at the interval, around the clock', () => {
    // max of 1m bars reaches back 8 days: 8 × 1,440 + 8 + 1 (see aroundTheClockBars).
    expect(yahoo().countBars({ symbol: 'BTC-USD', period: 'max', interval: '1m' })).toEqual({
      bars: 11_529,
      exact: false,
    });
    // 730 days of hourly bars: 730 × 24 + 730 + 1.
    expect(yahoo().countBars({ symbol: 'SPY', period: 'max', interval: '1h' }).bars).toBe(18_251);
  });

  it('refuses a span that could exceed maxBars without asking Yahoo, and asks within it', async () => {
    // 2024-01-01 to the evening of 2024-06-28 is 179 days 21 h: 51,804 five-minute bars + 180 + 1.
    const request = { symbol: 'SPY', interval: '5m', start: '2024-01-01', maxBars: 50_000 };
    expect(yahoo().countBars(request).bars).toBe(51_985);
    expect(await violations(yahoo().getBars(request))).toEqual([
      {
        field: 'start',
        rule: 'selects up to 51985 bars, more than the 50000 this server loads per request; narrow the period or use a coarser interval',
      },
    ]);
    expect(server.requests).toHaveLength(0);
    const daily = await yahoo().getBars({ symbol: 'SPY', start: '2024-06-24', maxBars: 7 });
    expect(daily.length).toBe(5);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses before reading or writing the cache, or asking Yahoo', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'aetherquant-bar-count-'));
    const cached = new CachedProvider(yahoo(), { cacheDir, now: () => NOW });
    await rejection(cached.getBars({ symbol: 'SPY', period: '2y', maxBars: 100 }), 'INVALID_ARGUMENT');
    expect(server.requests).toHaveLength(0);
    expect(readdirSync(cacheDir)).toEqual([]);
    expect((await cached.getBars({ symbol: 'SPY', period: '5d', maxBars: 7 })).length).toBe(5);
    expect(readdirSync(cacheDir)).toEqual(['yahoo']);
  });
});

describe('CsvProvider under maxBars', () => {
  it('cannot count before reading, and refuses the selected rows over the limit before copying them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aetherquant-bar-count-csv-'));
    const rows = ['Date,Open,High,Low,Close,Adj Close,Volume'];
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2024, 0, 11); day += DAY_MS)
      rows.push(`${formatIsoDate(day)},1,2,0.5,1.5,1.5,100`);
    writeFileSync(join(dir, 'AAA.csv'), `${rows.join('\n')}\n`);
    const csv = new CsvProvider({ dataDir: dir });
    expect(csv.countBars({ symbol: 'AAA', period: 'max' }).bars).toBe(Infinity);
    expect(await violations(csv.getBars({ symbol: 'AAA', period: 'max', maxBars: 9 }))).toEqual([
      {
        field: 'period',
        rule: 'selects 10 bars, more than the 9 this server loads per request; narrow the period or use a coarser interval',
      },
    ]);
    expect((await csv.getBars({ symbol: 'AAA', period: 'max', maxBars: 10 })).length).toBe(10);
  });
});
