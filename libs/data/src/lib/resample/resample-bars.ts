import {
  AetherError,
  BarSeries,
  DAY_MS,
  type Interval,
  type IntervalName,
  parseInterval,
} from '@aetherquant/core';
import { monthIndexOfEpochDay, monthStartTime } from '../synthetic/synthetic-calendar';

/**
 * Math's functions held in module constants: under Jest's sandbox every `Math.x` is a global lookup through
 * the context's interceptor, which turns hot loops into slow tests (as in the synthetic calendar).
 */
const { floor, max, min } = Math;

const MINUTE_MS = 60_000;

export interface ResampleOptions {
  /**
   * Minutes east of UTC of the exchange's clock (New York: −300 in winter), for intraday sources: their
   * bars are put in days, weeks and months by their local date, and coarser intraday buckets start at the
   * local session open. Default 0: UTC dates (right for every exchange whose session lies within one UTC
   * day: the Americas, Europe, Asia; crypto's convention). Daily and longer bars are already dated at UTC
   * midnight of their exchange date, so for them the offset plays no part.
   */
  utcOffsetMinutes?: number;
}

/**
 * Whether bars at interval `from` can be combined into bars at `to` without splitting any of them: the
 * same interval; intraday into a multiple of its length (`5m` → `15m`, `30m` → `1h`, `30m` → `90m`, not
 * `60m` → `90m`) or into days, weeks, months and quarters; days into weeks (`1wk`, `5d`), months and
 * quarters; weeks into weeks only (a week can straddle two months); months into quarters.
 */
export function canResample(from: Interval, to: Interval): boolean {
  if (from.name === to.name) return true;
  if (from.intraday) {
    if (!to.intraday) return true;
    return to.nominalMs >= from.nominalMs && to.nominalMs % from.nominalMs === 0;
  }
  const rank = calendarRank(from);
  const target = calendarRank(to);
  if (target === undefined || rank === undefined) return false;
  if (rank === 'day') return target !== 'day';
  if (rank === 'week') return target === 'week';
  return rank === 'month' && target === 'quarter';
}

/** `1d` is a day; `5d` and `1wk` are weeks (as Yahoo serves `5d`); `1mo` a month; `3mo` a quarter. */
function calendarRank(interval: Interval): 'day' | 'week' | 'month' | 'quarter' | undefined {
  if (interval.intraday) return undefined;
  if (interval.unit === 'day') return interval.count === 1 ? 'day' : 'week';
  if (interval.unit === 'week') return 'week';
  return interval.count === 3 ? 'quarter' : 'month';
}

/**
 * Bars at a coarser interval, from finer ones: open = the first bar's open, high = the highest high, low =
 * the lowest low, close = the last bar's close, volume = the sum. Adjusted prices stay consistent because
 * each source bar is already adjusted by its own factor: a bucket's close-to-close return is the compounded
 * return of its bars, dividends and splits inside the bucket included.
 *
 * Buckets follow the calendar as an exchange (and Yahoo, and the synthetic provider) does:
 * - **days** (`1d`): the local date (see {@link ResampleOptions.utcOffsetMinutes}), dated at its UTC midnight;
 * - **weeks** (`1wk`, `5d`): Monday to Sunday, dated on the Monday (even when that Monday is a holiday);
 * - **months** (`1mo`) and **quarters** (`3mo`: January, April, July, October), dated on their 1st;
 * - **intraday** (`15m`, `1h`, `90m`, …): consecutive spans of the target's length from the local session
 *   open (the time of day most days' first bar has: 09:30 for New York), dated at their start, never
 *   across a day (bars before the open fall into buckets counted back from it).
 * A bucket is made of the bars there are: a holiday week has four days, a month starting on a Saturday is
 * still dated on the 1st, and the first and last buckets cover only the bars given (callers pass whole
 * buckets when they need them whole).
 *
 * Throws INVALID_ARGUMENT (field `interval`) when the bars cannot be combined into `to` (see
 * {@link canResample}). The same interval returns the series itself.
 */
export function resampleBars(
  series: BarSeries,
  to: Interval | IntervalName,
  options: ResampleOptions = {},
): BarSeries {
  const target = typeof to === 'string' ? parseInterval(to) : to;
  const from = series.interval;
  if (from.name === target.name) return series;
  if (!canResample(from, target)) {
    throw AetherError.invalid([
      {
        field: 'interval',
        rule: `${target.name} cannot be made from ${series.symbol}'s ${from.name} bars (bars are combined only into coarser intervals that hold whole bars)`,
      },
    ]);
  }
  const offsetMs = from.intraday ? (options.utcOffsetMinutes ?? 0) * MINUTE_MS : 0;
  const bucketOf = bucketFunction(series, target, offsetMs);

  const n = series.length;
  const time = new Float64Array(n);
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  const volume = new Float64Array(n);
  let out = -1;
  let key = NaN;
  for (let i = 0; i < n; i++) {
    const bucket = bucketOf(series.time[i] as number);
    if (bucket !== key) {
      key = bucket;
      out++;
      time[out] = bucket;
      open[out] = series.open[i] as number;
      high[out] = series.high[i] as number;
      low[out] = series.low[i] as number;
      volume[out] = 0;
    } else {
      high[out] = max(high[out] as number, series.high[i] as number);
      low[out] = min(low[out] as number, series.low[i] as number);
    }
    close[out] = series.close[i] as number;
    volume[out] = (volume[out] as number) + (series.volume[i] as number);
  }
  const length = out + 1;
  return new BarSeries({
    symbol: series.symbol,
    interval: target,
    time: time.slice(0, length),
    open: open.slice(0, length),
    high: high.slice(0, length),
    low: low.slice(0, length),
    close: close.slice(0, length),
    volume: volume.slice(0, length),
    ...(series.provenance === undefined ? {} : { provenance: series.provenance }),
  });
}

/** The time (epoch ms, UTC) of the bucket a bar at `time` falls in: also its key, ascending with time. */
export function bucketFunction(
  series: BarSeries,
  target: Interval,
  offsetMs: number,
): (time: number) => number {
  const localDay = (time: number) => floor((time + offsetMs) / DAY_MS);
  if (target.intraday) {
    const step = target.nominalMs;
    const open = sessionOpenMs(series, offsetMs);
    return (time) => {
      const local = time + offsetMs;
      const dayStart = floor(local / DAY_MS) * DAY_MS;
      const index = floor((local - dayStart - open) / step);
      return dayStart + open + index * step - offsetMs;
    };
  }
  switch (calendarRank(target)) {
    case 'day':
      return (time) => localDay(time) * DAY_MS;
    case 'week':
      // Epoch day 0 was a Thursday: day + 3 counts from the Monday before it.
      return (time) => (floor((localDay(time) + 3) / 7) * 7 - 3) * DAY_MS;
    case 'month':
      return (time) => monthStartTime(monthIndexOfEpochDay(localDay(time)));
    default:
      return (time) => monthStartTime(floor(monthIndexOfEpochDay(localDay(time)) / 3) * 3);
  }
}

/**
 * The local time of day (ms after midnight) at which most days' first bar starts: the session open the
 * intraday buckets are counted from. A day whose first bar is missing does not move it.
 */
function sessionOpenMs(series: BarSeries, offsetMs: number): number {
  const counts = new Map<number, number>();
  let day = NaN;
  for (let i = 0; i < series.length; i++) {
    const local = (series.time[i] as number) + offsetMs;
    const today = floor(local / DAY_MS);
    if (today === day) continue;
    day = today;
    const timeOfDay = local - today * DAY_MS;
    counts.set(timeOfDay, (counts.get(timeOfDay) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [timeOfDay, count] of counts) {
    if (count > bestCount || (count === bestCount && timeOfDay < best)) {
      best = timeOfDay;
      bestCount = count;
    }
  }
  return best;
}
