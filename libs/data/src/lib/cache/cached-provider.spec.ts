import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AetherError, type BarSeries, DAY_MS, formatIsoDate } from '@aetherquant/core';
import { BarBuffer } from '../provider/bar-buffer';
import { type BarCount, UNKNOWN_BAR_COUNT } from '../provider/bar-count';
import { type BarRequest, noBarsError, rangeWindow, resolveBarRequest } from '../provider/bar-request';
import { type MarketDataProvider } from '../provider/market-data-provider';
import { CachedProvider } from './cached-provider';

/**
 * A source of daily weekday bars from 2000 up to its clock, whose close encodes the date and the number of
 * the fetch that produced it (`close = days since 2000 + fetch / 1000`), so a test sees which fetch served
 * each bar. It records every request it answers.
 */
class CountingSource implements MarketDataProvider {
  readonly name = 'counting';
  readonly requests: BarRequest[] = [];
  constructor(public now: number) {}

  countBars(): BarCount {
    return UNKNOWN_BAR_COUNT;
  }

  async getBars(request: BarRequest): Promise<BarSeries> {
    this.requests.push(request);
    const resolved = resolveBarRequest(request);
    const window = rangeWindow(resolved.range, this.now);
    const bars = new BarBuffer();
    const first = Math.max(Date.UTC(2000, 0, 3), window.start ?? -Infinity);
    for (let day = Math.ceil(first / DAY_MS) * DAY_MS; day < window.end; day += DAY_MS) {
      const weekday = new Date(day).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const close = (day - Date.UTC(2000, 0, 1)) / DAY_MS + this.requests.length / 1000;
      bars.push(day, close, close + 1, close - 1, close, NaN, 100);
    }
    if (bars.length === 0) throw noBarsError(resolved, this.name);
    return bars.toSeries({
      symbol: resolved.symbol,
      interval: resolved.interval,
      provider: this.name,
      adjusted: resolved.adjusted,
    });
  }
}

const dates = (series: BarSeries) => Array.from(series.time, formatIsoDate);
/** Which fetch (1, 2, …) produced each bar, read back from the close. */
const fetchNumbers = (series: BarSeries) =>
  Array.from(series.close, (close) => Math.round((close % 1) * 1000));

describe('CachedProvider', () => {
  // Wednesday 2019-07-10, 12:00 UTC.
  const noon = Date.UTC(2019, 6, 10, 12);
  let source: CountingSource;
  let cacheDir: string;
  let clock: number;
  const cached = () => new CachedProvider(source, { cacheDir, now: () => clock });

  beforeEach(() => {
    clock = noon;
    source = new CountingSource(noon);
    cacheDir = mkdtempSync(join(tmpdir(), 'aetherquant-cache-'));
  });

  it('serves a repeated request from the cache, across instances (processes)', async () => {
    const first = await cached().getBars({ symbol: 'SPY', start: '2019-01-02', end: '2019-03-29' });
    const again = await cached().getBars({ symbol: 'SPY', start: '2019-01-02', end: '2019-03-29' });
    expect(source.requests).toHaveLength(1);
    expect(dates(again)).toEqual(dates(first));
    expect(Array.from(again.close)).toEqual(Array.from(first.close));
    expect(again.provenance).toEqual({ provider: 'counting', adjusted: true });
  });

  it('serves a window inside the cached one without fetching', async () => {
    await cached().getBars({ symbol: 'SPY', start: '2019-01-02', end: '2019-03-29' });
    const inner = await cached().getBars({ symbol: 'SPY', start: '2019-02-01', end: '2019-02-28' });
    expect(source.requests).toHaveLength(1);
    expect(dates(inner)[0]).toBe('2019-02-01');
    expect(dates(inner).at(-1)).toBe('2019-02-28');
  });

  it('fetches only the missing history before and after an overlapping request', async () => {
    await cached().getBars({ symbol: 'SPY', start: '2019-02-01', end: '2019-02-28' });
    const wider = await cached().getBars({ symbol: 'SPY', start: '2019-01-15', end: '2019-03-15' });
    expect(source.requests.slice(1)).toEqual([
      {
        symbol: 'SPY',
        interval: '1d',
        adjusted: true,
        start: '2019-01-15T00:00:00.000Z',
        end: '2019-01-31T23:59:59.999Z',
      },
      {
        symbol: 'SPY',
        interval: '1d',
        adjusted: true,
        start: '2019-03-01T00:00:00.000Z',
        end: '2019-03-15T23:59:59.999Z',
      },
    ]);
    // January from fetch 2, February still from fetch 1, March from fetch 3.
    const byDate = Object.fromEntries(dates(wider).map((date, i) => [date, fetchNumbers(wider)[i]]));
    expect([byDate['2019-01-15'], byDate['2019-02-15'], byDate['2019-03-15']]).toEqual([2, 1, 3]);
  });

  it('fills the gap when a request lies beyond the cached window, keeping one contiguous window', async () => {
    await cached().getBars({ symbol: 'SPY', start: '2019-01-02', end: '2019-01-31' });
    await cached().getBars({ symbol: 'SPY', start: '2019-04-01', end: '2019-04-30' });
    expect(source.requests[1]?.start).toBe('2019-02-01T00:00:00.000Z'); // the cached window ends before 1 February
    const all = await cached().getBars({ symbol: 'SPY', start: '2019-01-02', end: '2019-04-30' });
    expect(source.requests).toHaveLength(2);
    expect(all.length).toBe(85); // the weekdays of 2019-01-02 .. 2019-04-30
  });

  it('serves a period ending now from the cache while fresh, then refetches only the forming tail', async () => {
    const first = await cached().getBars({ symbol: 'SPY', period: '1mo' });
    expect(dates(first).at(-1)).toBe('2019-07-10'); // today's bar, still forming at noon
    clock = noon + 30 * 60_000; // 30 minutes later: fresh (daily bars may be an hour old)
    await cached().getBars({ symbol: 'SPY', period: '1mo' });
    expect(source.requests).toHaveLength(1);

    clock = noon + DAY_MS; // the next day
    source.now = clock;
    const next = await cached().getBars({ symbol: 'SPY', period: '1mo' });
    expect(source.requests).toHaveLength(2);
    // A daily bar counts as settled one bar and one day after its time: with the last fetch at noon on the
    // 10th, bars from 2019-07-08 12:00 on are refetched (the 9th and 10th), the 8th is kept.
    expect(source.requests[1]?.start).toBe('2019-07-08T12:00:00.000Z');
    expect(dates(next).slice(-4)).toEqual(['2019-07-08', '2019-07-09', '2019-07-10', '2019-07-11']);
    expect(fetchNumbers(next).slice(-4)).toEqual([1, 2, 2, 2]);
  });

  it('does not let a fresh fetch of past dates stand for the present', async () => {
    await cached().getBars({ symbol: 'SPY', start: '2019-06-03', end: '2019-06-28' });
    const recent = await cached().getBars({ symbol: 'SPY', period: '1mo' });
    expect(source.requests).toHaveLength(2);
    expect(source.requests[1]?.start).toBe('2019-06-29T00:00:00.000Z');
    expect(dates(recent).at(-1)).toBe('2019-07-10');
  });

  it('keeps adjusted and raw bars apart', async () => {
    await cached().getBars({ symbol: 'SPY', start: '2019-01-02', end: '2019-01-31' });
    const raw = await cached().getBars({
      symbol: 'SPY',
      start: '2019-01-02',
      end: '2019-01-31',
      adjusted: false,
    });
    expect(source.requests).toHaveLength(2);
    expect(raw.provenance).toEqual({ provider: 'counting', adjusted: false });
  });

  it('treats an unreadable cache file as a miss and replaces it', async () => {
    await cached().getBars({ symbol: 'SPY', start: '2019-01-02', end: '2019-01-31' });
    writeFileSync(join(cacheDir, 'counting', '1d', 'adjusted', 'SPY.json'), '{"version":1,"time":[1,');
    const series = await cached().getBars({ symbol: 'SPY', start: '2019-01-02', end: '2019-01-31' });
    expect(source.requests).toHaveLength(2);
    expect(series.length).toBe(22); // January 2019 has 23 weekdays, less New Year's Day
    await cached().getBars({ symbol: 'SPY', start: '2019-01-02', end: '2019-01-31' });
    expect(source.requests).toHaveLength(2);
  });

  it('leaves no temporary files behind', async () => {
    await cached().getBars({ symbol: 'SPY', start: '2019-01-02', end: '2019-01-31' });
    expect(readdirSync(join(cacheDir, 'counting', '1d', 'adjusted'))).toEqual(['SPY.json']);
  });

  it('passes on the source’s errors when it has nothing cached', async () => {
    const error = await cached()
      .getBars({ symbol: 'SPY', start: '1990-01-01', end: '1990-12-31' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AetherError);
    expect((error as AetherError).code).toBe('DATA_UNAVAILABLE');
    await expect(cached().getBars({ symbol: '$$', period: '1y' })).rejects.toThrow('symbol must be');
  });
});
