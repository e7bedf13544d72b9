import { AetherError, DAY_MS, type Interval } from '@aetherquant/core';

/**
 * How many bars a request selects, known before anything is loaded: the exact count (a calendar we generate
 * ourselves), an upper bound (a source whose calendar we do not know), or unknown (`Infinity`: a file not
 * read yet). Limits refuse on it before any work; a bound is never below what the provider can return, so a
 * request within a limit is never refused for being over it.
 */
export interface BarCount {
  readonly bars: number;
  /** True when `bars` is the count the provider will return (if the source has the data at all). */
  readonly exact: boolean;
}

/** The count of a provider that cannot know before loading (a CSV file not read yet). */
export const UNKNOWN_BAR_COUNT: BarCount = Object.freeze({ bars: Infinity, exact: false });

/** Where a request's bars come from, as far as naming the field that chose them goes. */
export interface BarSpanFields {
  period?: string;
  start?: string;
  end?: string;
}

/**
 * Refuses, as INVALID_ARGUMENT, a request whose bars (`count`, before or after loading) exceed `max`; nothing
 * when `max` is undefined or the count is unknown (`Infinity`: checked again once loaded). The violation
 * names the field that chose the bars: `start` when the request gave dates and no period, else `period`
 * (given, or the default one). The one message every provider and workflow uses for the bar limit.
 */
export function checkBarCount(
  count: BarCount | number,
  max: number | undefined,
  source: BarSpanFields,
): void {
  const { bars, exact } = typeof count === 'number' ? { bars: count, exact: true } : count;
  if (max === undefined || bars <= max || bars === Infinity) return;
  const byDates = source.period === undefined && (source.start !== undefined || source.end !== undefined);
  throw AetherError.invalid([
    {
      field: byDates ? 'start' : 'period',
      rule: `selects ${exact ? '' : 'up to '}${bars} bars, more than the ${max} this server loads per request; narrow the period or use a coarser interval`,
    },
  ]);
}

/** Calendar days whose midnight (UTC) lies in `[start, end)`. */
function midnightsIn(start: number, end: number): number {
  return Math.max(0, Math.floor((end - 1) / DAY_MS) - Math.ceil(start / DAY_MS) + 1);
}

/**
 * An upper bound of the bars of `interval` a source can hold with times in `[start, end)`, whatever its
 * calendar: a market open around the clock, every day (crypto on Yahoo trades 24 hours, 7 days a week).
 *
 * - intraday: one bar per `interval` of the span, plus one per calendar day touched, for sessions that
 *   restart the bar grid (a lunch break, a partial last bar such as a 16:00 close on 1h bars);
 * - `1d`: one per calendar day, bars being dated at midnight;
 * - longer bars: one per shortest span of that kind (5 days, 7 days, 28 days for a month, 89 for a quarter),
 *   plus one for a bar cut by the window's start.
 *
 * Pure arithmetic, O(1).
 */
export function aroundTheClockBars(interval: Interval, start: number, end: number): number {
  if (!(end > start)) return 0;
  const span = end - start;
  if (interval.intraday) return Math.ceil(span / interval.nominalMs) + Math.ceil(span / DAY_MS) + 1;
  if (interval.name === '1d') return midnightsIn(start, end);
  const shortestDays =
    interval.unit === 'month'
      ? interval.count === 3
        ? 89
        : 28 * interval.count
      : interval.unit === 'week'
        ? 7 * interval.count
        : interval.count;
  return Math.ceil(span / (shortestDays * DAY_MS)) + 1;
}
