import {
  AetherError,
  type BarSeries,
  DEFAULT_SYNTHETIC_SEED,
  formatIsoDate,
  type Interval,
} from '@aetherquant/core';
import { BarBuffer } from '../provider/bar-buffer';
import { type BarCount, checkBarCount } from '../provider/bar-count';
import {
  type BarRequest,
  noBarsError,
  rangeWindow,
  resolveBarRequest,
  type ResolvedBarRequest,
} from '../provider/bar-request';
import { type MarketDataProvider } from '../provider/market-data-provider';
import {
  businessDayTime,
  businessEpochDay,
  firstBusinessDayAtOrAfter,
  HISTORY_START,
  lastAvailableDay,
  lastBusinessDayBefore,
  MINUTE_MS,
  monthIndexOfEpochDay,
  monthStartTime,
  SESSION_MINUTES,
  SESSION_OPEN_MS,
} from './synthetic-calendar';
import { SyntheticPath } from './synthetic-path';
import { symbolProfile } from './symbol-profile';

/**
 * Math's functions held in module constants: under Jest's sandbox every `Math.x` is a global lookup through
 * the context's interceptor (~200 ns each, 100× a local), which turns hot loops into slow tests.
 */
const { exp, floor, min } = Math;

export interface SyntheticProviderOptions {
  /**
   * Picks one of the infinitely many histories: a non-negative safe integer, `DEFAULT_SYNTHETIC_SEED` (42)
   * by default. A symbol's drift, volatility and the like do not depend on it, only its path does.
   */
  seed?: number;
  /** The clock (epoch ms), which decides the last available bar; `Date.now` by default. */
  now?: () => number;
}

const PROVIDER = 'synthetic';

/**
 * The generation of the synthetic model: raised whenever a (seed, symbol, request) gives other bars than
 * before, so what is keyed on the data a request reads (job ids, see the workflows' `marketDataVersion`)
 * never serves results computed from an older model. 1: profiles drawn from the symbol, a free market
 * random walk from a drawn 1990 price; 2: a table of well-known symbols, paths anchored on 2024-12-31, the
 * market factor pinned to its trend every five years.
 */
export const SYNTHETIC_GENERATOR_VERSION = 2;

/** How an interval's bars are built from the simulated days. */
type BarShape =
  | { readonly kind: 'intraday'; readonly minutes: number }
  | { readonly kind: 'daily' }
  | { readonly kind: 'bucket'; readonly bucket: 'week' | 'month' | 'quarter' };

function barShape(interval: Interval): BarShape {
  switch (interval.unit) {
    case 'minute':
      return { kind: 'intraday', minutes: interval.count };
    case 'hour':
      return { kind: 'intraday', minutes: 60 * interval.count };
    case 'day':
      // `5d` bars are weeks, as Yahoo serves them.
      return interval.count === 1 ? { kind: 'daily' } : { kind: 'bucket', bucket: 'week' };
    case 'week':
      return { kind: 'bucket', bucket: 'week' };
    case 'month':
      return { kind: 'bucket', bucket: interval.count === 3 ? 'quarter' : 'month' };
  }
}

/** The bucket a business day falls in, as an integer that grows with time. */
function bucketKey(bucket: 'week' | 'month' | 'quarter', d: number): number {
  if (bucket === 'week') return floor(d / 5);
  const month = monthIndexOfEpochDay(businessEpochDay(d));
  return bucket === 'month' ? month : floor(month / 3);
}

/** A bucket's bar time: its Monday, or the first day of its month or quarter (a weekend day at times). */
function bucketTime(bucket: 'week' | 'month' | 'quarter', key: number): number {
  if (bucket === 'week') return businessDayTime(5 * key);
  return monthStartTime(bucket === 'month' ? key : 3 * key);
}

/** Bars per session for bars of `minutes`: the last one partial where 390 is not a multiple. */
const barsPerSession = (minutes: number) => Math.ceil(SESSION_MINUTES / minutes);

/** The time of the last bar of `shape` when `lastDay` is the last session available. */
function lastBarTime(shape: BarShape, lastDay: number): number {
  switch (shape.kind) {
    case 'intraday':
      return (
        businessDayTime(lastDay) +
        SESSION_OPEN_MS +
        (barsPerSession(shape.minutes) - 1) * shape.minutes * MINUTE_MS
      );
    case 'daily':
      return businessDayTime(lastDay);
    case 'bucket':
      return bucketTime(shape.bucket, bucketKey(shape.bucket, lastDay));
  }
}

/**
 * Invented, reproducible bars for any symbol: the offline default for demos and tests. Every series says
 * `provider: synthetic` in its provenance, so nobody mistakes it for market data.
 *
 * **Calendar.** Sessions Monday to Friday (no holidays) from 1990-01-01; daily bars are dated 00:00 UTC.
 * The last available bar is the last weekday strictly before the UTC date of `now()`: requests ending later
 * are clipped there, and a `period` counts back from it (`rangeWindow(range, lastBarTime + 1)`). Requests
 * reaching before 1990 get the bars from 1990-01-01 on. `start` and `end` are inclusive dates.
 *
 * **Prices.** A geometric Brownian motion per symbol with a common market factor, its drift, volatility,
 * loading, price level and volume fixed by the symbol ({@link symbolProfile}): well-known symbols (SPY,
 * QQQ, TLT, GLD, AAPL, … about seventy) from a table of plausible figures, any other from a hash of its
 * name as a plausible stock. Each path is shifted so that its close on 2024-12-31 is the profile's price
 * (near the real one for known symbols), and the market factor is pinned to its trend at the start of
 * every five-year block (1990, 1995, …), so over 1995–2024 SPY drifts 9 % a year (7.85 % compounded)
 * under every seed ({@link SyntheticPath} and `marketShocks` have the formulas). Each session is simulated minute by
 * minute as a Brownian bridge from open to close. There are no dividends or splits, so adjusted and raw
 * prices are the same; only `provenance.adjusted` follows the request.
 *
 * **Intervals.** Intraday bars (`1m` … `90m`, `1h` = `60m`) aggregate the minutes of the 14:30–21:00 UTC
 * session (09:30–16:00 New York standard time; daylight saving is ignored), the last bar of a day partial
 * where 390 minutes are not a multiple (seven `1h` bars, five `90m` bars). A `1d` bar is the whole session,
 * so its high and low are the extremes of its `1m` bars. `1wk` (and `5d`) bars cover Monday–Friday and are
 * dated on the Monday; `1mo` bars cover calendar months and `3mo` bars quarters (January, April, July,
 * October), dated on the 1st. Like every bar, a week, month or quarter is selected by its date: it is in
 * the answer when its date lies in the requested window, and it always summarises its whole span up to the
 * last available session, so a window ending mid-month still gets that month's full bar.
 *
 * **Determinism.** Bars are a pure function of (seed, symbol, interval, bar date): each is drawn from a
 * counter-based generator keyed on its business day (`CounterRandom`), and closes are summed from 1990 in
 * one order. The same request gives byte-identical bars, and any window is exactly the slice of a longer
 * one, so a cache may merge overlapping fetches. Moving `now` on only adds sessions; the one bar it can
 * change is the last week, month or quarter, which fills with them.
 *
 * **Cost.** Daily closes for 1990 to the window's end or the anchor date, whichever is later (two normals
 * a day, about a millisecond; the market factor's normals run on to the end of their five-year block and
 * are shared by the symbols of a seed), plus 390 minute shocks for each session inside the window (and,
 * for weeks and months, the rest of their spans). The bars a request selects are counted exactly from the calendar before anything is simulated
 * ({@link SyntheticProvider.countBars}), so a request over `maxBars` is refused at no cost: `period=max` of
 * `1m` bars is 390 bars for each of ~9,000 sessions, 3.5 M bars, never built.
 */
export class SyntheticProvider implements MarketDataProvider {
  readonly name = PROVIDER;
  readonly seed: number;
  private readonly now: () => number;

  constructor(options: SyntheticProviderOptions = {}) {
    const seed = options.seed ?? DEFAULT_SYNTHETIC_SEED;
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw AetherError.invalid(
        [
          {
            field: 'seed',
            rule: `must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (got ${seed})`,
          },
        ],
        'synthetic provider',
      );
    }
    this.seed = seed;
    this.now = options.now ?? Date.now;
  }

  /**
   * The exact number of bars `getBars(request)` returns, from calendar arithmetic alone (O(1) for daily and
   * intraday bars, a few dozen steps for weeks, months and quarters): nothing is simulated.
   */
  countBars(request: BarRequest): BarCount {
    return { bars: this.plan(resolveBarRequest(request)).bars, exact: true };
  }

  async getBars(request: BarRequest): Promise<BarSeries> {
    const resolved = resolveBarRequest(request);
    const plan = this.plan(resolved);
    if (plan.bars === 0) {
      throw noBarsError(
        resolved,
        PROVIDER,
        plan.lastDay < 0
          ? 'its history starts on 1990-01-01'
          : `it has bars on weekdays from 1990-01-01 to ${formatIsoDate(businessDayTime(plan.lastDay))}`,
      );
    }
    // Counted before a single day is simulated: a request over the limit costs nothing.
    checkBarCount({ bars: plan.bars, exact: true }, request.maxBars, request);

    const path = new SyntheticPath(this.seed, symbolProfile(resolved.symbol), plan.last);
    let buffer: BarBuffer;
    switch (plan.shape.kind) {
      case 'daily':
        buffer = dailyBars(path, plan.first, plan.last);
        break;
      case 'intraday':
        buffer = intradayBars(path, plan.shape.minutes, plan);
        break;
      case 'bucket':
        buffer = bucketBars(path, plan.shape.bucket, plan.first, plan.last);
        break;
    }
    return buffer.toSeries({
      symbol: resolved.symbol,
      interval: resolved.interval,
      provider: PROVIDER,
      adjusted: resolved.adjusted,
    });
  }

  /** The sessions a request needs simulated and the number of bars they give (see the class comment). */
  private plan(resolved: ResolvedBarRequest): SyntheticPlan {
    const shape = barShape(resolved.interval);
    const lastDay = lastAvailableDay(this.now());
    const none = { shape, lastDay, first: 0, last: -1, start: 0, end: 0, bars: 0 };
    if (lastDay < 0) return none;

    const latest = lastBarTime(shape, lastDay) + 1;
    const window = rangeWindow(resolved.range, latest);
    const start = Math.max(window.start ?? HISTORY_START, HISTORY_START);
    const end = min(window.end, latest);
    const at = (first: number, last: number, bars: number) =>
      first <= last && bars > 0 ? { shape, lastDay, first, last, start, end, bars } : none;

    switch (shape.kind) {
      case 'daily': {
        const first = firstBusinessDayAtOrAfter(start);
        const last = min(lastDay, lastBusinessDayBefore(end));
        return at(first, last, last - first + 1);
      }
      case 'intraday': {
        // Sessions still open at start, through the last one before end; only those two can be cut by the
        // window (the first opens before start at most, the last closes after end at most), so the count
        // is the bars of both ends plus full sessions between them.
        const first = firstBusinessDayAtOrAfter(start - SESSION_OPEN_MS - SESSION_MINUTES * MINUTE_MS + 1);
        const last = min(lastDay, lastBusinessDayBefore(end));
        if (first > last) return none;
        const barsOf = (d: number) => {
          const [from, to] = sessionBarRange(d, shape.minutes, start, end);
          return to - from;
        };
        const bars =
          first === last
            ? barsOf(first)
            : barsOf(first) + barsOf(last) + (last - first - 1) * barsPerSession(shape.minutes);
        return at(first, last, bars);
      }
      case 'bucket': {
        const bucket = shape.bucket;
        // The first bucket dated at or after start, and the last dated before end, through its last session.
        let first = Math.max(0, firstBusinessDayAtOrAfter(start));
        const startKey = bucketKey(bucket, first);
        if (bucketTime(bucket, startKey) < start) {
          while (first <= lastDay && bucketKey(bucket, first) === startKey) first++;
        }
        let last = min(lastDay, lastBusinessDayBefore(end));
        if (last >= 0) {
          const endKey = bucketKey(bucket, last);
          while (last < lastDay && bucketKey(bucket, last + 1) === endKey) last++;
        }
        if (first > last) return none;
        // Every week, month and quarter between holds weekdays, hence a bar.
        return at(first, last, bucketKey(bucket, last) - bucketKey(bucket, first) + 1);
      }
    }
  }
}

/** The sessions to simulate for a request: `first … last`, the window `[start, end)`, and the bars they give. */
interface SyntheticPlan {
  readonly shape: BarShape;
  /** The last session available under the clock (negative before 1990). */
  readonly lastDay: number;
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  /** Exactly the bars `getBars` returns; 0 when there are none. */
  readonly bars: number;
}

/**
 * The bars of session `d` at `minutes` whose times lie in `[start, end)`, as bar indices `[from, to)` of
 * that session (0 … ⌈390 / minutes⌉): both the generator and the count use it, so they cannot disagree.
 */
function sessionBarRange(d: number, minutes: number, start: number, end: number): [number, number] {
  const open = businessDayTime(d) + SESSION_OPEN_MS;
  const step = minutes * MINUTE_MS;
  const perSession = barsPerSession(minutes);
  const clamp = (bar: number) => (bar < 0 ? 0 : bar > perSession ? perSession : bar);
  const from = clamp(Math.ceil((start - open) / step));
  const to = clamp(Math.ceil((end - open) / step));
  return [from, Math.max(from, to)];
}

/** One bar per session `first … last`. Adjusted close = close: there are no dividends. */
function dailyBars(path: SyntheticPath, first: number, last: number): BarBuffer {
  const buffer = new BarBuffer(last - first + 1);
  for (let d = first; d <= last; d++) {
    path.simulateDay(d, false);
    buffer.push(businessDayTime(d), path.open, path.high, path.low, path.close, path.close, path.volume);
  }
  return buffer;
}

/** Bars of `minutes` from the minute paths of the plan's sessions, those timed in its window. */
function intradayBars(path: SyntheticPath, minutes: number, plan: SyntheticPlan): BarBuffer {
  const buffer = new BarBuffer(plan.bars);
  const prices = path.minutePath;
  for (let d = plan.first; d <= plan.last; d++) {
    const [fromBar, toBar] = sessionBarRange(d, minutes, plan.start, plan.end);
    if (fromBar === toBar) continue;
    const open = businessDayTime(d) + SESSION_OPEN_MS;
    path.simulateDay(d, true);
    for (let bar = fromBar; bar < toBar; bar++) {
      const from = bar * minutes;
      const time = open + from * MINUTE_MS;
      const to = min(from + minutes, SESSION_MINUTES);
      // Log prices at minutes from … to: the bar's open, its path, its close.
      let high = prices[from] as number;
      let low = high;
      for (let k = from + 1; k <= to; k++) {
        const value = prices[k] as number;
        if (value > high) high = value;
        if (value < low) low = value;
      }
      const close = exp(prices[to] as number);
      buffer.push(
        time,
        exp(prices[from] as number),
        exp(high),
        exp(low),
        close,
        close,
        path.volumeTraded(to) - path.volumeTraded(from),
      );
    }
  }
  return buffer;
}

/** One bar per week, month or quarter over sessions `first … last` (whole buckets): OHLC and summed volume. */
function bucketBars(
  path: SyntheticPath,
  bucket: 'week' | 'month' | 'quarter',
  first: number,
  last: number,
): BarBuffer {
  const buffer = new BarBuffer(bucket === 'week' ? Math.ceil((last - first + 1) / 5) + 1 : 64);
  let key = Number.NaN;
  let open = 0;
  let high = 0;
  let low = 0;
  let close = 0;
  let volume = 0;
  for (let d = first; d <= last; d++) {
    path.simulateDay(d, false);
    const dayKey = bucketKey(bucket, d);
    if (dayKey !== key) {
      if (!Number.isNaN(key)) buffer.push(bucketTime(bucket, key), open, high, low, close, close, volume);
      key = dayKey;
      open = path.open;
      high = path.high;
      low = path.low;
      volume = 0;
    }
    if (path.high > high) high = path.high;
    if (path.low < low) low = path.low;
    close = path.close;
    volume += path.volume;
  }
  if (!Number.isNaN(key)) buffer.push(bucketTime(bucket, key), open, high, low, close, close, volume);
  return buffer;
}
