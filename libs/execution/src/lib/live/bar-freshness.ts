import { DAY_MS, formatIsoDate, type Interval } from '@aetherquant/core';

/** Whether the newest bar is recent enough for a live decision, and the two times a message names. */
export interface BarFreshness {
  /** True when the newest bar is older than the latest complete bar of its interval. */
  stale: boolean;
  /** The newest bar's time: `2025-03-07`, or a full ISO timestamp for intraday bars. */
  newestBar: string;
  /**
   * The latest complete bar the clock allows for (`2026-12-01`, the week's Monday, the month's 1st), or for
   * intraday bars the earliest start a fresh newest bar may have (a full ISO timestamp).
   */
  expectedBar: string;
}

/**
 * Whether a series whose newest bar starts at `newestBarTime` (epoch ms, as `BarSeries.time` holds it) still
 * has the latest complete bar of `interval` when the clock reads `now`. A pure function of its arguments,
 * without an exchange calendar: every weekday (UTC) is a session, weekends are not, holidays are not known
 * (the day after one reads as stale; `--allow-stale` overrides it after a look). Bars newer than expected (the
 * bar in progress) are fresh. Per interval:
 *
 * - `1d`: bars are dated at UTC midnight of their session's date, and a session counts as complete once its
 *   UTC date is over. Expected: the last weekday before today (UTC). So a Friday bar is fresh all weekend
 *   and on Monday until midnight UTC, when Monday's bar is expected.
 * - `1wk`, `5d` (weeks, dated on their Monday): a week is complete at Saturday 00:00 UTC. Expected: the
 *   Monday of the last complete week. A bar dated on a Sunday counts for the week it starts.
 * - `1mo`, `3mo` (dated on the 1st): a month (quarter) is complete when the next one begins. Expected: the
 *   previous month (quarter).
 * - intraday: sessions' hours are unknown, so a night cannot be told from a halt. The newest bar must end
 *   within one trading day (24 hours of weekday time, weekends not counted) before `now`: that allows for
 *   the overnight close, and refuses any bar from before the latest session.
 */
export function barFreshness(input: {
  interval: Interval;
  newestBarTime: number;
  now: number;
}): BarFreshness {
  const { interval, newestBarTime, now } = input;
  if (interval.intraday) {
    const barMs = interval.nominalMs;
    const earliestStart = weekdayTimeBefore(now, DAY_MS) - barMs;
    return {
      stale: newestBarTime < earliestStart,
      newestBar: new Date(newestBarTime).toISOString(),
      expectedBar: new Date(earliestStart).toISOString(),
    };
  }
  const period = periodOf(interval);
  const expected = latestCompletePeriod(period, now);
  return {
    stale: periodKey(period, newestBarTime) < periodKey(period, expected),
    newestBar: formatIsoDate(newestBarTime),
    expectedBar: formatIsoDate(expected),
  };
}

type Period = 'day' | 'week' | 'month' | 'quarter';

function periodOf(interval: Interval): Period {
  switch (interval.unit) {
    case 'day':
      // `5d` bars are weeks, as Yahoo serves them.
      return interval.count === 1 ? 'day' : 'week';
    case 'week':
      return 'week';
    default:
      return interval.count === 3 ? 'quarter' : 'month';
  }
}

/** The start (UTC midnight) of the latest period of this kind that is complete at `now`. */
function latestCompletePeriod(period: Period, now: number): number {
  const today = startOfDay(now);
  switch (period) {
    case 'day': {
      let day = today - DAY_MS;
      while (isWeekend(day)) day -= DAY_MS;
      return day;
    }
    case 'week': {
      const monday = today - ((dayOfWeek(today) + 6) % 7) * DAY_MS;
      // Complete at Saturday 00:00: on Saturday and Sunday this week's Monday, before that the one before.
      return today >= monday + 5 * DAY_MS ? monday : monday - 7 * DAY_MS;
    }
    case 'month':
    case 'quarter': {
      const date = new Date(today);
      const months = period === 'month' ? 1 : 3;
      const current = date.getUTCMonth() - (date.getUTCMonth() % months);
      return Date.UTC(date.getUTCFullYear(), current - months, 1);
    }
  }
}

/** A number that orders the periods of this kind: the same for every time inside one period. */
function periodKey(period: Period, time: number): number {
  const day = startOfDay(time);
  switch (period) {
    case 'day':
      return day;
    case 'week': {
      // Monday → 0 … Saturday → 5; Sunday starts the next week's trading, so it belongs with that Monday.
      const weekday = dayOfWeek(day);
      return weekday === 0 ? day + DAY_MS : day - (weekday - 1) * DAY_MS;
    }
    case 'month':
    case 'quarter': {
      const date = new Date(day);
      const month = date.getUTCFullYear() * 12 + date.getUTCMonth();
      return period === 'month' ? month : Math.floor(month / 3);
    }
  }
}

/**
 * The time `duration` ms of weekday time (Monday to Friday, UTC) before `now`: weekend hours are skipped, so
 * one day before Monday 10:00 is Friday 10:00.
 */
export function weekdayTimeBefore(now: number, duration: number): number {
  let time = now;
  let left = duration;
  for (;;) {
    // The day being walked through, ending at `time` (at midnight, the whole day before).
    let dayStart = startOfDay(time);
    if (dayStart === time) dayStart -= DAY_MS;
    if (!isWeekend(dayStart)) {
      const span = time - dayStart;
      if (span >= left) return time - left;
      left -= span;
    }
    time = dayStart;
  }
}

function startOfDay(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

/** 0 = Sunday … 6 = Saturday, as `Date.getUTCDay`; 1970-01-01 was a Thursday. */
function dayOfWeek(dayStart: number): number {
  return (((Math.floor(dayStart / DAY_MS) + 4) % 7) + 7) % 7;
}

function isWeekend(dayStart: number): boolean {
  const weekday = dayOfWeek(dayStart);
  return weekday === 0 || weekday === 6;
}
