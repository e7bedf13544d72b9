import { AetherError, type BarSeries, DAY_MS, formatIsoDate, type Interval } from '@aetherquant/core';
import { type BarRequest } from '../provider/bar-request';

/** Attempts after the first at reaching further back, each four times as far. */
const MAX_EXTENSIONS = 4;
/** Never look further back than this (the longest period a request may name). */
const MAX_LOOKBACK_MS = 100 * 366 * DAY_MS;

/**
 * How far back (in ms of calendar time) `bars` bars of `interval` reach, generously: the bars' share of a
 * trading year (`periodsPerYear`: 252 sessions for daily bars, 390 minutes a session for intraday ones) as
 * calendar time, a quarter more for holidays and irregular sessions, plus a week or two bars (whichever is
 * longer) for weekends and a bar cut by the start. A market open around the clock (crypto) has more bars
 * per calendar day than that, so the estimate only errs long; callers cut what they get to the count.
 */
export function lookbackMs(interval: Interval, bars: number): number {
  if (bars <= 0) return 0;
  const years = bars / interval.periodsPerYear;
  const slack = Math.max(7 * DAY_MS, 2 * interval.nominalMs);
  return Math.ceil(years * 365.25 * 1.25 * DAY_MS + slack);
}

/** The request for the bars of `[start, before)` in the form every provider takes (inclusive ISO bounds). */
export function requestBefore(
  request: Omit<BarRequest, 'period' | 'start' | 'end'>,
  interval: Interval,
  start: number,
  before: number,
): BarRequest {
  const iso = (time: number) => (interval.intraday ? new Date(time).toISOString() : formatIsoDate(time));
  const { period: _period, start: _start, end: _end, ...rest } = request as BarRequest;
  return {
    ...rest,
    interval: interval.name,
    start: iso(start),
    // An inclusive end: the last instant (intraday) or the last day (daily and longer bars, dated at
    // midnight) before the first bar.
    end: iso(interval.intraday ? before - 1 : before - DAY_MS),
  };
}

/**
 * The newest `count` bars strictly before `before` (epoch ms of a window's first bar), or fewer where the
 * data begins later; undefined when there are none. A period or a start is a calendar date, so the bars
 * are found by asking for dates: first {@link lookbackMs} back, then, while that holds fewer bars than
 * needed, four times as far again (up to four times), stopping as soon as a wider request finds no more
 * bars (the data begins there) or the source has none that early (DATA_UNAVAILABLE: before a file's first
 * row, beyond what Yahoo keeps at an intraday interval). What is found is cut to exactly `count`, so a
 * caller never depends on how much older history one request happened to bring.
 *
 * `load` is a provider's `getBars`, or a caller's way to it (a cache, a limit): the same for every provider.
 */
export async function loadBarsBefore(
  load: (request: BarRequest) => Promise<BarSeries>,
  request: Omit<BarRequest, 'period' | 'start' | 'end'>,
  interval: Interval,
  before: number,
  count: number,
): Promise<BarSeries | undefined> {
  if (count <= 0) return undefined;
  const attempt = async (span: number): Promise<BarSeries | undefined> => {
    try {
      const series = await load(requestBefore(request, interval, before - span, before));
      return series.length === 0 ? undefined : series.window(undefined, before);
    } catch (error) {
      if (error instanceof AetherError && error.code === 'DATA_UNAVAILABLE') return undefined;
      throw error;
    }
  };
  let span = lookbackMs(interval, count);
  let found = await attempt(span);
  for (
    let extension = 0;
    extension < MAX_EXTENSIONS && found !== undefined && found.length < count;
    extension++
  ) {
    if (span * 4 > MAX_LOOKBACK_MS) break;
    span *= 4;
    const further = await attempt(span);
    if (further === undefined || further.length <= found.length) break;
    found = further;
  }
  if (found === undefined || found.length === 0) return undefined;
  return found.length > count ? found.slice(found.length - count) : found;
}
