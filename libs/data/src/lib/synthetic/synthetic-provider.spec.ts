import {
  AetherError,
  BAR_COLUMNS,
  type BarSeries,
  DAY_MS,
  INTERVAL_NAMES,
  type IntervalName,
  parseIsoTime,
} from '@aetherquant/core';
import { describeProviderContract } from '../../testing/provider-contract';
import { type BarRequest } from '../provider/bar-request';
import { symbolProfile } from './symbol-profile';
import { OVERNIGHT_VARIANCE_SHARE } from './synthetic-path';
import { SyntheticProvider } from './synthetic-provider';
import { rejection } from '@aetherquant/testing';

describeProviderContract('SyntheticProvider', async () => ({
  provider: new SyntheticProvider({ seed: 7, now: () => Date.UTC(2024, 5, 3, 12) }),
  providerName: 'synthetic',
  symbol: 'SPY',
  knownStart: '2019-01-02',
  knownEnd: '2019-06-28',
  emptySpan: { start: '2019-03-09', end: '2019-03-10' },
  adjustsPrices: false,
}));

/** Monday 3 June 2024, noon UTC: the last available bar is Friday 31 May. */
const MONDAY_NOON = Date.UTC(2024, 5, 3, 12);
const provider = (seed = 7, now = MONDAY_NOON) => new SyntheticProvider({ seed, now: () => now });

const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const stamp = (time: number) => new Date(time).toISOString();
const dates = (series: BarSeries) => Array.from(series.time, iso);

/** Every column of a series as plain arrays, for whole-series equality. */
const columns = (series: BarSeries) =>
  Object.fromEntries(BAR_COLUMNS.map((column) => [column, Array.from(series[column])]));

/** The raw bytes of every column: what "byte-identical output" means. */
const bytes = (series: BarSeries) =>
  Buffer.concat(BAR_COLUMNS.map((column) => Buffer.from(series[column].slice().buffer)));

function logReturns(series: BarSeries): Float64Array {
  const returns = new Float64Array(series.length - 1);
  for (let i = 1; i < series.length; i++)
    returns[i - 1] = Math.log((series.close[i] as number) / (series.close[i - 1] as number));
  return returns;
}
const mean = (values: Float64Array) => values.reduce((sum, value) => sum + value, 0) / values.length;
/** Sample standard deviation, ddof = 1 (GUIDE §2). */
function standardDeviation(values: Float64Array): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1));
}
function correlation(x: Float64Array, y: Float64Array): number {
  const [mx, my] = [mean(x), mean(y)];
  let [sxy, sxx, syy] = [0, 0, 0];
  for (let i = 0; i < x.length; i++) {
    const [dx, dy] = [(x[i] as number) - mx, (y[i] as number) - my];
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Aggregates `bars` into one bar: first open, max high, min low, last close, summed volume. */
function aggregate(bars: BarSeries) {
  return {
    open: bars.open[0],
    high: Math.max(...bars.high),
    low: Math.min(...bars.low),
    close: bars.close[bars.length - 1],
    volume: bars.volume.reduce((sum, value) => sum + value, 0),
  };
}
const barAt = (series: BarSeries, i: number) => {
  const { open, high, low, close, volume } = series.bar(i);
  return { open, high, low, close, volume };
};

/**
 * Per interval: a window holding a good number of its bars while quick to simulate, and a sub-window inside
 * it that starts and ends mid-week (mid-session, for intraday bars).
 */
const WINDOWS: Record<IntervalName, { start: string; end: string; sub: [string, string] }> = {
  '1m': { start: '2019-03-04', end: '2019-03-08', sub: ['2019-03-05T16:07:00Z', '2019-03-07T18:00:00Z'] },
  '2m': { start: '2019-03-04', end: '2019-03-08', sub: ['2019-03-05T16:07:00Z', '2019-03-07T18:00:00Z'] },
  '5m': { start: '2019-03-04', end: '2019-03-15', sub: ['2019-03-06T15:02:00Z', '2019-03-12'] },
  '15m': { start: '2019-03-04', end: '2019-03-29', sub: ['2019-03-12', '2019-03-20T19:00:00Z'] },
  '30m': { start: '2019-03-04', end: '2019-03-29', sub: ['2019-03-12', '2019-03-20T19:00:00Z'] },
  '60m': { start: '2019-03-04', end: '2019-04-30', sub: ['2019-03-20', '2019-04-10'] },
  '90m': { start: '2019-03-04', end: '2019-04-30', sub: ['2019-03-20T15:00:00Z', '2019-04-10'] },
  '1h': { start: '2019-03-04', end: '2019-04-30', sub: ['2019-03-20', '2019-04-10T17:59:00Z'] },
  '1d': { start: '2018-01-01', end: '2019-12-31', sub: ['2018-07-11', '2019-05-16'] },
  '5d': { start: '2017-01-01', end: '2019-12-31', sub: ['2018-03-07', '2019-02-13'] },
  '1wk': { start: '2017-01-01', end: '2019-12-31', sub: ['2018-03-07', '2019-02-13'] },
  '1mo': { start: '2010-01-01', end: '2019-12-31', sub: ['2013-05-15', '2016-08-20'] },
  '3mo': { start: '2000-01-01', end: '2019-12-31', sub: ['2005-02-10', '2012-11-30'] },
};
const window = (interval: IntervalName) => ({ start: WINDOWS[interval].start, end: WINDOWS[interval].end });
/** The exclusive bound of an inclusive end as a user writes it: the next day for a date. */
const exclusiveEnd = (end: string) => parseIsoTime(end) + (end.length === 10 ? DAY_MS : 1);

describe('SyntheticProvider', () => {
  describe('options', () => {
    it.each([-1, 1.5, Number.NaN, 2 ** 53])('rejects seed %d, naming the field', (seed) => {
      let thrown: unknown;
      try {
        new SyntheticProvider({ seed });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AetherError);
      expect((thrown as AetherError).code).toBe('INVALID_ARGUMENT');
      expect((thrown as AetherError).details?.violations?.map((violation) => violation.field)).toEqual([
        'seed',
      ]);
    });

    it('uses seed 42 by default and calls itself synthetic', async () => {
      const request = { symbol: 'SPY', start: '2020-01-01', end: '2020-03-31' };
      const implicit = new SyntheticProvider({ now: () => MONDAY_NOON });
      expect(implicit.name).toBe('synthetic');
      expect(implicit.seed).toBe(42);
      expect(columns(await implicit.getBars(request))).toEqual(columns(await provider(42).getBars(request)));
    });

    it('labels raw and adjusted bars alike as synthetic, with the same prices (there are no dividends)', async () => {
      const request = { symbol: 'AAPL', start: '2020-01-01', end: '2020-12-31' };
      const adjusted = await provider().getBars(request);
      const raw = await provider().getBars({ ...request, adjusted: false });
      expect(adjusted.provenance).toEqual({ provider: 'synthetic', adjusted: true });
      expect(raw.provenance).toEqual({ provider: 'synthetic', adjusted: false });
      expect(columns(raw)).toEqual(columns(adjusted));
    });
  });

  describe('determinism', () => {
    it('answers the same request with byte-identical bars, from any provider with the same seed', async () => {
      for (const interval of ['1d', '5m', '1wk'] as const) {
        const request = { symbol: 'MSFT', interval, ...window(interval) };
        const first = await provider(11).getBars(request);
        const second = await provider(11).getBars(request);
        expect(bytes(second).equals(bytes(first))).toBe(true);
        expect(first.length).toBeGreaterThan(20);
      }
    });

    it.each(INTERVAL_NAMES)('serves any %s window as exactly the slice of a larger one', async (interval) => {
      const large = await provider().getBars({ symbol: 'IWM', interval, ...window(interval) });
      const [subStart, subEnd] = WINDOWS[interval].sub;
      const small = await provider().getBars({ symbol: 'IWM', interval, start: subStart, end: subEnd });
      const slice = large.window(parseIsoTime(subStart), exclusiveEnd(subEnd));
      expect(small.length).toBeGreaterThan(3);
      expect(columns(small)).toEqual(columns(slice));
    });

    it('agrees bar for bar where two requests overlap, and a period is a slice of dates', async () => {
      const first = await provider().getBars({ symbol: 'GLD', start: '2018-01-01', end: '2019-06-30' });
      const second = await provider().getBars({ symbol: 'GLD', start: '2019-01-01', end: '2020-12-31' });
      const overlap = [Date.UTC(2019, 0, 1), Date.UTC(2019, 6, 1)] as const;
      expect(columns(second.window(...overlap))).toEqual(columns(first.window(...overlap)));
      expect(first.window(...overlap).length).toBeGreaterThan(120);

      const period = await provider().getBars({ symbol: 'GLD', period: '2y', interval: '1d' });
      const all = await provider().getBars({ symbol: 'GLD', start: '2020-01-01' });
      expect(columns(period)).toEqual(columns(all.window(period.time[0], undefined)));
    });

    it('draws a different history for a different seed, but keeps the symbol in character', async () => {
      const request = { symbol: 'TLT', start: '2000-01-01', end: '2019-12-31' };
      const [one, two] = [await provider(1).getBars(request), await provider(2).getBars(request)];
      expect(Array.from(two.time)).toEqual(Array.from(one.time));
      const same = one.close.filter((close, i) => close === two.close[i]).length;
      expect(same).toBe(0);
      // Both paths have TLT's volatility (see the volatility test for the tolerance).
      const sigma = symbolProfile('TLT').volatility;
      for (const series of [one, two]) {
        expect(standardDeviation(logReturns(series)) * Math.sqrt(252)).toBeCloseTo(sigma, 1);
      }
    });

    it('draws different histories for different symbols under one seed', async () => {
      const request = { start: '2019-01-01', end: '2019-12-31' };
      const spy = await provider().getBars({ symbol: 'SPY', ...request });
      const qqq = await provider().getBars({ symbol: 'QQQ', ...request });
      const sameReturns = logReturns(spy).filter((value, i) => value === logReturns(qqq)[i]).length;
      expect(sameReturns).toBe(0);
    });

    it('correlates symbols through the market factor, as the loadings predict', async () => {
      // Daily log returns are r = a + σ√Δt·(ρ·m + √(1 − ρ²)·e) with m, e independent standard normals, so
      // two symbols correlate exactly ρ₁·ρ₂ (the overnight and minute draws only split the day, never
      // change r). QQQ (ρ = 0.9) and TLT (ρ = −0.25): ρ₁ρ₂ = −0.225. Over 10 years (n ≈ 2,600 days) the
      // sample correlation's SE is (1 − ρ²)/√n ≈ 0.95/51 ≈ 0.019, so a negative sample is 12 SE safe.
      const request = { start: '2010-01-01', end: '2019-12-31' };
      const returnsOf = async (symbol: string) =>
        logReturns(await provider().getBars({ symbol, ...request }));
      const [qqq, tlt] = [await returnsOf('QQQ'), await returnsOf('TLT')];
      const expected = symbolProfile('QQQ').marketLoading * symbolProfile('TLT').marketLoading;
      expect(expected).toBeCloseTo(-0.225, 3);
      const sample = correlation(qqq, tlt);
      expect(sample).toBeLessThan(0);
      expect(Math.abs(sample - expected)).toBeLessThan(4 * ((1 - expected ** 2) / Math.sqrt(qqq.length)));

      // Two drawn stocks near the weakest pair the ranges allow (0.35 · 0.35 ≈ 0.12): ABC (ρ ≈ 0.409) and
      // XYZ (ρ ≈ 0.366), ρ₁ρ₂ ≈ 0.150, SE ≈ 0.98/51 ≈ 0.019, so a positive sample is ≥ 7 SE safe.
      const [abc, xyz] = [await returnsOf('ABC'), await returnsOf('XYZ')];
      const weak = symbolProfile('ABC').marketLoading * symbolProfile('XYZ').marketLoading;
      expect(weak).toBeCloseTo(0.15, 2);
      expect(correlation(abc, xyz)).toBeGreaterThan(0);
      expect(Math.abs(correlation(abc, xyz) - weak)).toBeLessThan(
        4 * ((1 - weak ** 2) / Math.sqrt(abc.length)),
      );
    });

    it("gives daily log returns the symbol's volatility", async () => {
      // Var(r) = σ²·Δt·(ρ² + 1 − ρ²) = σ²/252, so the annualised sample deviation √252·s estimates σ. Over
      // 20 years (n ≈ 5,200 returns) its SE is σ/√(2n) ≈ 1% of σ: ±5% is 5 SE (the issue allows ±20%).
      const series = await provider().getBars({ symbol: 'AAPL', start: '2000-01-01', end: '2019-12-31' });
      const sigma = symbolProfile('AAPL').volatility; // 0.30
      const annualised = standardDeviation(logReturns(series)) * Math.sqrt(252);
      expect(Math.abs(annualised / sigma - 1)).toBeLessThan(0.05);
    });

    it('puts the intraday share of the daily variance into the one-minute bars', async () => {
      // A session is a Brownian bridge of variance (1 − f)·σ²·Δt over 390 minutes, f the overnight share:
      // summed squared minute returns average (1 − f)·σ²/252 a day (less 1/390 for the pinned end, plus
      // the day's move²/390: both tiny). Over 20 sessions (7,800 minutes) the relative SE of the realised
      // variance is √(2/7800) ≈ 1.6%, about 0.8% in volatility: ±5% is 6 SE.
      const minutes = await provider().getBars({
        symbol: 'AAPL',
        interval: '1m',
        start: '2019-03-04',
        end: '2019-03-29',
      });
      let sumOfSquares = 0;
      let sessions = 0;
      for (let i = 0; i < minutes.length; i++) {
        if (i % 390 === 0) sessions++;
        sumOfSquares += Math.log((minutes.close[i] as number) / (minutes.open[i] as number)) ** 2;
      }
      expect(sessions).toBe(20);
      const expected = symbolProfile('AAPL').volatility * Math.sqrt(1 - OVERNIGHT_VARIANCE_SHARE);
      expect(Math.abs(Math.sqrt((sumOfSquares / sessions) * 252) / expected - 1)).toBeLessThan(0.05);
    });

    it('splits each day into an overnight and an intraday move, uncorrelated, f : 1 − f of the variance', async () => {
      // The open is the day's Brownian motion at variance share f, so the overnight return (open over the
      // previous close) has variance f·σ²/252 and is independent of the intraday one (close over open):
      // increments of one Brownian motion. Over 20 years (n ≈ 5,200): the variance ratio's SE is
      // √(2/n) ≈ 2% (±10% is 5 SE), the correlation's 1/√n ≈ 0.014 (±0.07 is 5 SE).
      const series = await provider().getBars({ symbol: 'AAPL', start: '2000-01-01', end: '2019-12-31' });
      const n = series.length - 1;
      const overnight = new Float64Array(n);
      const intraday = new Float64Array(n);
      for (let i = 1; i <= n; i++) {
        overnight[i - 1] = Math.log((series.open[i] as number) / (series.close[i - 1] as number));
        intraday[i - 1] = Math.log((series.close[i] as number) / (series.open[i] as number));
      }
      const dailyVariance = symbolProfile('AAPL').volatility ** 2 / 252;
      const share = standardDeviation(overnight) ** 2 / dailyVariance;
      expect(Math.abs(share / OVERNIGHT_VARIANCE_SHARE - 1)).toBeLessThan(0.1);
      expect(Math.abs(correlation(overnight, intraday))).toBeLessThan(5 / Math.sqrt(n));
    });
  });

  describe('calendar', () => {
    it('has a bar for every weekday and none on weekends', async () => {
      const series = await provider().getBars({ symbol: 'SPY', start: '2018-01-01', end: '2019-12-31' });
      const weekdays = dates(series).map((date) => new Date(date).getUTCDay());
      expect(weekdays.filter((day) => day === 0 || day === 6)).toEqual([]);
      // 2018 and 2019 hold 261 weekdays each; consecutive bars are 1 day apart, or 3 over a weekend.
      expect(series.length).toBe(522);
      for (let i = 1; i < series.length; i++) {
        const gap = ((series.time[i] as number) - (series.time[i - 1] as number)) / DAY_MS;
        expect(gap).toBe(weekdays[i] === 1 ? 3 : 1);
      }
    });

    it.each([
      ['a Monday', Date.UTC(2024, 5, 3, 12), '2024-05-31'],
      ['a Saturday', Date.UTC(2024, 5, 8, 12), '2024-06-07'],
      ['a Tuesday', Date.UTC(2024, 5, 4, 9), '2024-06-03'],
    ])('ends history on %s with the last weekday before today', async (_, now, last) => {
      const series = await provider(7, now).getBars({ symbol: 'SPY', period: '5d' });
      expect(dates(series).at(-1)).toBe(last);
      expect(series.length).toBe(5);
      const clipped = await provider(7, now).getBars({
        symbol: 'SPY',
        start: '2024-05-01',
        end: '2030-12-31',
      });
      expect(dates(clipped).at(-1)).toBe(last);
    });

    it('counts a 1y period back from the last bar', async () => {
      // Last bar Friday 2024-05-31; a year before it is 2023-05-31, which the window leaves out.
      const series = await provider().getBars({ symbol: 'SPY', period: '1y' });
      expect(dates(series).at(0)).toBe('2023-06-01');
      expect(dates(series).at(-1)).toBe('2024-05-31');
      expect(series.length).toBe(262); // 52 weeks from Thursday 2023-06-01, then Thursday and Friday
      const intraday = await provider().getBars({ symbol: 'SPY', period: '1y', interval: '1h' });
      expect(stamp(intraday.time[0] as number)).toBe('2023-06-01T14:30:00.000Z');
      expect(stamp(intraday.time[intraday.length - 1] as number)).toBe('2024-05-31T20:30:00.000Z');
      expect(intraday.length).toBe(262 * 7);
    });

    it('includes both the start and the end date', async () => {
      const one = await provider().getBars({ symbol: 'SPY', start: '2019-03-06', end: '2019-03-06' });
      expect(dates(one)).toEqual(['2019-03-06']);
      const week = await provider().getBars({ symbol: 'SPY', start: '2019-03-04', end: '2019-03-08' });
      expect(dates(week)).toEqual(['2019-03-04', '2019-03-05', '2019-03-06', '2019-03-07', '2019-03-08']);
      const session = await provider().getBars({
        symbol: 'SPY',
        interval: '5m',
        start: '2019-03-06',
        end: '2019-03-06',
      });
      expect(session.length).toBe(78);
    });

    it('starts requests that reach before 1990 on 1990-01-01, and has nothing earlier', async () => {
      const early = await provider().getBars({ symbol: 'SPY', start: '1985-06-01', end: '1990-01-10' });
      expect(dates(early)).toEqual([
        '1990-01-01',
        '1990-01-02',
        '1990-01-03',
        '1990-01-04',
        '1990-01-05',
        '1990-01-08',
        '1990-01-09',
        '1990-01-10',
      ]);
      const all = await provider().getBars({ symbol: 'SPY', period: 'max' });
      expect(dates(all).at(0)).toBe('1990-01-01');
      expect(dates(all).at(-1)).toBe('2024-05-31');
      const monthly = await provider().getBars({
        symbol: 'SPY',
        interval: '1mo',
        start: '1980-01-01',
        end: '1990-03-31',
      });
      expect(dates(monthly)).toEqual(['1990-01-01', '1990-02-01', '1990-03-01']);
      const before = await rejection(
        provider().getBars({ symbol: 'SPY', start: '1980-01-01', end: '1989-12-31' }),
        'DATA_UNAVAILABLE',
      );
      expect(before.message).toContain('1990-01-01');
    });

    it('reports windows after the last bar, or a clock before 1990, as DATA_UNAVAILABLE', async () => {
      const later = await rejection(
        provider().getBars({ symbol: 'SPY', start: '2024-06-03', end: '2024-06-30' }),
        'DATA_UNAVAILABLE',
      );
      expect(later.message).toContain('SPY');
      expect(later.message).toContain('synthetic');
      expect(later.message).toContain('2024-05-31'); // the last bar, so the user sees why
      const weekend = await rejection(
        provider().getBars({ symbol: 'SPY', interval: '1h', start: '2019-03-09', end: '2019-03-10' }),
        'DATA_UNAVAILABLE',
      );
      expect(weekend.message).toContain('1h');
      await rejection(provider(7, Date.UTC(1989, 5, 1)).getBars({ symbol: 'SPY' }), 'DATA_UNAVAILABLE');
    });
  });

  describe('bars', () => {
    it.each(INTERVAL_NAMES)(
      'keeps every %s bar consistent: low ≤ open, close ≤ high; whole-share volume',
      async (interval) => {
        const series = await provider().getBars({ symbol: 'DIA', interval, ...window(interval) });
        expect(series.length).toBeGreaterThan(20);
        const broken: string[] = [];
        for (let i = 0; i < series.length; i++) {
          const { time, open, high, low, close, volume } = series.bar(i);
          const prices = high >= Math.max(open, close) && low <= Math.min(open, close) && low > 0;
          if (!prices || !Number.isInteger(volume) || volume < 0)
            broken.push(`${stamp(time)}: ${open} ${high} ${low} ${close} ${volume}`);
        }
        expect(broken).toEqual([]);
      },
    );

    it.each([
      ['1m', 390, ['14:30', '14:31', '20:59']],
      ['2m', 195, ['14:30', '14:32', '20:58']],
      ['5m', 78, ['14:30', '14:35', '20:55']],
      ['15m', 26, ['14:30', '14:45', '20:45']],
      ['30m', 13, ['14:30', '15:00', '20:30']],
      ['60m', 7, ['14:30', '15:30', '20:30']],
      ['1h', 7, ['14:30', '15:30', '20:30']],
      ['90m', 5, ['14:30', '16:00', '20:30']],
    ] as const)(
      'serves %s bars %d a session, first, second and last at %j UTC',
      async (interval, count, times) => {
        const series = await provider().getBars({
          symbol: 'SPY',
          interval,
          start: '2019-03-05',
          end: '2019-03-06',
        });
        expect(series.length).toBe(2 * count);
        const clock = (i: number) => stamp(series.time[i] as number).slice(11, 16);
        expect([clock(0), clock(1), clock(count - 1)]).toEqual(times);
        expect(stamp(series.time[0] as number).slice(0, 10)).toBe('2019-03-05');
        expect(stamp(series.time[count] as number)).toBe(`2019-03-06T14:30:00.000Z`);
      },
    );

    it('builds each daily bar from its session: open, extremes, close and volume of the 1m bars', async () => {
      const daily = await provider().getBars({ symbol: 'QQQ', start: '2019-03-04', end: '2019-03-08' });
      const minutes = await provider().getBars({
        symbol: 'QQQ',
        interval: '1m',
        start: '2019-03-04',
        end: '2019-03-08',
      });
      for (let day = 0; day < daily.length; day++) {
        const session = minutes.slice(day * 390, (day + 1) * 390);
        expect(iso(session.time[0] as number)).toBe(iso(daily.time[day] as number));
        expect(aggregate(session)).toEqual(barAt(daily, day));
      }
    });

    it('builds longer intraday bars from the 1m bars, the last bar of a session partial', async () => {
      const minutes = await provider().getBars({
        symbol: 'QQQ',
        interval: '1m',
        start: '2019-03-05',
        end: '2019-03-05',
      });
      for (const [interval, length] of [
        ['5m', 5],
        ['90m', 90],
        ['1h', 60],
      ] as const) {
        const bars = await provider().getBars({
          symbol: 'QQQ',
          interval,
          start: '2019-03-05',
          end: '2019-03-05',
        });
        for (let i = 0; i < bars.length; i++) {
          const inside = minutes.slice(i * length, Math.min((i + 1) * length, 390));
          expect(bars.time[i]).toBe(inside.time[0]);
          expect(aggregate(inside)).toEqual(barAt(bars, i));
        }
      }
      // The partial last bars: 90m and 1h bars at 20:30 hold the session's last 30 minutes.
      const lastHour = await provider().getBars({
        symbol: 'QQQ',
        interval: '1h',
        start: '2019-03-05',
        end: '2019-03-05',
      });
      expect(aggregate(minutes.slice(360, 390))).toEqual(barAt(lastHour, 6));
    });

    it('builds weekly bars from Monday–Friday daily bars, dated on the Monday; 5d bars are the same', async () => {
      const daily = await provider().getBars({ symbol: 'EFA', start: '2019-01-01', end: '2019-12-31' });
      const weekly = await provider().getBars({
        symbol: 'EFA',
        interval: '1wk',
        start: '2019-01-01',
        end: '2019-12-31',
      });
      // 2019-01-01 is a Tuesday: the week of Monday 2018-12-31 is dated before the window and left out.
      expect(dates(weekly).at(0)).toBe('2019-01-07');
      expect(dates(weekly).at(-1)).toBe('2019-12-30');
      for (let i = 0; i < weekly.length - 1; i++) {
        const week = daily.window(weekly.time[i], (weekly.time[i] as number) + 5 * DAY_MS);
        expect(week.length).toBe(5);
        expect(new Date(weekly.time[i] as number).getUTCDay()).toBe(1);
        expect(aggregate(week)).toEqual(barAt(weekly, i));
      }
      const fiveDay = await provider().getBars({
        symbol: 'EFA',
        interval: '5d',
        start: '2019-01-01',
        end: '2019-12-31',
      });
      expect(columns(fiveDay)).toEqual(columns(weekly));
    });

    it('builds monthly and quarterly bars from the days of each calendar month or quarter, dated on the 1st', async () => {
      const daily = await provider().getBars({ symbol: 'XLE', start: '2018-01-01', end: '2019-12-31' });
      const monthly = await provider().getBars({
        symbol: 'XLE',
        interval: '1mo',
        start: '2018-01-01',
        end: '2019-12-31',
      });
      expect(monthly.length).toBe(24);
      for (let i = 0; i < 24; i++) {
        const first = Date.UTC(2018, i, 1);
        expect(monthly.time[i]).toBe(first);
        expect(aggregate(daily.window(first, Date.UTC(2018, i + 1, 1)))).toEqual(barAt(monthly, i));
      }
      const quarterly = await provider().getBars({
        symbol: 'XLE',
        interval: '3mo',
        start: '2018-01-01',
        end: '2019-12-31',
      });
      expect(dates(quarterly)).toEqual([
        '2018-01-01',
        '2018-04-01',
        '2018-07-01',
        '2018-10-01',
        '2019-01-01',
        '2019-04-01',
        '2019-07-01',
        '2019-10-01',
      ]);
      for (let i = 0; i < 8; i++) {
        const days = daily.window(Date.UTC(2018, 3 * i, 1), Date.UTC(2018, 3 * i + 3, 1));
        expect(aggregate(days)).toEqual(barAt(quarterly, i));
      }
    });

    it('selects weeks and months by their date, each bar covering its whole span up to the last session', async () => {
      // A window ending mid-month still gets that month's full bar (it is dated inside the window) …
      const midMonth = await provider().getBars({
        symbol: 'XLE',
        interval: '1mo',
        start: '2019-05-15',
        end: '2019-06-12',
      });
      const daily = await provider().getBars({ symbol: 'XLE', start: '2019-06-01', end: '2019-06-30' });
      expect(dates(midMonth)).toEqual(['2019-06-01']);
      expect(aggregate(daily)).toEqual(barAt(midMonth, 0));
      // … and the last month holds the sessions available so far: May 2024 up to Friday the 31st, and
      // the week of Monday 2024-05-27 its five days.
      const recent = await provider().getBars({ symbol: 'XLE', interval: '1mo', period: '3mo' });
      expect(dates(recent)).toEqual(['2024-03-01', '2024-04-01', '2024-05-01']);
      const lastDaily = await provider().getBars({ symbol: 'XLE', period: '5d' });
      expect(recent.close[2]).toBe(lastDaily.close[4]);
      const lastWeek = await provider().getBars({ symbol: 'XLE', interval: '1wk', period: '1mo' });
      expect(dates(lastWeek).at(-1)).toBe('2024-05-27');
      expect(aggregate(lastDaily)).toEqual(barAt(lastWeek, lastWeek.length - 1));
    });

    it('splits a session’s volume over its intraday bars in whole shares, heavier at the open and close', async () => {
      const daily = await provider().getBars({ symbol: 'VTI', start: '2019-03-04', end: '2019-03-29' });
      const bars = await provider().getBars({
        symbol: 'VTI',
        interval: '30m',
        start: '2019-03-04',
        end: '2019-03-29',
      });
      const profile = new Array<number>(13).fill(0);
      for (let day = 0; day < daily.length; day++) {
        const session = bars.slice(day * 13, (day + 1) * 13);
        expect(aggregate(session).volume).toBe(daily.volume[day]);
        for (let i = 0; i < 13; i++)
          profile[i] += (session.volume[i] as number) / (daily.volume[day] as number);
      }
      // The U-shaped profile 1 + 2·(2t − 1)² averages about 2.7 over the first and the last half hour and
      // 1.0 over the middle one (t from 6/13 to 7/13); the minute noise averages out over 20 sessions.
      const [first, middle, last] = [profile[0], profile[6], profile[12]] as number[];
      expect(first / middle).toBeGreaterThan(1.8);
      expect(last / middle).toBeGreaterThan(1.8);
    });

    it('trades more on days with big moves', async () => {
      const series = await provider().getBars({ symbol: 'AGG', start: '2000-01-01', end: '2019-12-31' });
      const returns = logReturns(series);
      const moves = returns.map(Math.abs);
      const volumes = series.volume.slice(1).map(Math.log);
      // log V = const + 0.35·z + log(1 + 0.75·|x|), |r| ≈ σ√Δt·|x|: the move term's spread (≈ 0.28) against
      // the noise's (0.35) makes the correlation about 0.6; over 5,000 days its SE is about 0.01.
      expect(correlation(moves, volumes)).toBeGreaterThan(0.4);
      // The mean volume is the profile's typical volume: V/V̄ has mean 1 and a deviation of about 0.47
      // (lognormal factor times move factor), so the SE over 5,000 days is 0.0066 and ±3.5% is 5 SE.
      expect(Math.abs(mean(series.volume) / symbolProfile('AGG').typicalVolume - 1)).toBeLessThan(0.035);
    });
  });

  it('accepts every request form a user types', async () => {
    const requests: BarRequest[] = [
      { symbol: 'spy' },
      { symbol: 'SPY', period: 'ytd', interval: '1wk' },
      { symbol: 'BRK-B', start: '2019-01-02T00:00:00Z', end: '2019-01-03T23:00:00Z', interval: '15m' },
    ];
    for (const request of requests) {
      const series = await provider().getBars(request);
      expect(series.length).toBeGreaterThan(0);
      expect(series.provenance?.provider).toBe('synthetic');
    }
  });
});
