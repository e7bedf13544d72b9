import { DAY_MS, TRADING_MINUTES_PER_DAY } from '@aetherquant/core';

/**
 * The synthetic market's calendar: every Monday to Friday is a session (no holidays), from 1990-01-01 on.
 * Sessions are numbered by a **business-day index** `d` (0 for Monday 1990-01-01), the counter the random
 * streams are keyed on. All arithmetic here is integer day counts: no `Date` objects, no allocation.
 */

/**
 * Math's functions held in module constants: under Jest's sandbox every `Math.x` is a global lookup through
 * the context's interceptor (~200 ns each, 100× a local), which turns hot loops into slow tests.
 */
const { ceil, floor, min } = Math;

/** Monday 1 January 1990, 00:00 UTC: the first synthetic session. */
export const HISTORY_START = Date.UTC(1990, 0, 1);
/** Days from 1970-01-01 to {@link HISTORY_START}. */
const HISTORY_START_EPOCH_DAY = HISTORY_START / DAY_MS;

export const MINUTE_MS = 60_000;
/**
 * The regular session in UTC: 14:30–21:00, which is 09:30–16:00 in New York under standard time. Daylight
 * saving time is ignored on purpose: a fixed UTC session keeps every day's bars on the same clock times.
 */
export const SESSION_OPEN_MS = (14 * 60 + 30) * MINUTE_MS;
export const SESSION_MINUTES = TRADING_MINUTES_PER_DAY;

/** Floor modulo: the remainder has the sign of the divisor (`-1 mod 7 = 6`). */
const modulo = (value: number, divisor: number) => ((value % divisor) + divisor) % divisor;

/** Midnight UTC of business day `d`: 5 sessions per 7 calendar days from a Monday. */
export function businessDayTime(d: number): number {
  return HISTORY_START + (7 * floor(d / 5) + modulo(d, 5)) * DAY_MS;
}

/** Days since 1970-01-01 of business day `d`. */
export function businessEpochDay(d: number): number {
  return HISTORY_START_EPOCH_DAY + 7 * floor(d / 5) + modulo(d, 5);
}

/** The index of the first business day whose midnight is at or after `time` (may be negative before 1990). */
export function firstBusinessDayAtOrAfter(time: number): number {
  const calendarDay = ceil((time - HISTORY_START) / DAY_MS);
  // Saturday (5) and Sunday (6) roll forward to the next Monday, which is index 5·(week + 1).
  return 5 * floor(calendarDay / 7) + min(modulo(calendarDay, 7), 5);
}

/** The index of the last business day whose midnight is before `time` (−1 or less before 1990). */
export function lastBusinessDayBefore(time: number): number {
  const calendarDay = ceil((time - HISTORY_START) / DAY_MS) - 1;
  // Saturday and Sunday roll back to that week's Friday, index 5·week + 4.
  return 5 * floor(calendarDay / 7) + min(modulo(calendarDay, 7), 4);
}

/**
 * The last business day with a bar when the clock reads `now`: the last weekday strictly before the UTC
 * date of `now`. Today's session is never served, finished or not, so every run on the same UTC date sees
 * the same history (and a partial day never turns up in a backtest).
 */
export function lastAvailableDay(now: number): number {
  return lastBusinessDayBefore(floor(now / DAY_MS) * DAY_MS);
}

/**
 * `year · 12 + month` (month 0–11) of a day counted from 1970-01-01, by Howard Hinnant's `civil_from_days`
 * (proleptic Gregorian), so month buckets need no `Date` per bar.
 */
export function monthIndexOfEpochDay(epochDay: number): number {
  const z = epochDay + 719_468;
  const era = floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = floor(
    (dayOfEra - floor(dayOfEra / 1460) + floor(dayOfEra / 36_524) - floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
  const shiftedMonth = floor((5 * dayOfYear + 2) / 153); // 0 = March … 11 = February
  const month = shiftedMonth < 10 ? shiftedMonth + 2 : shiftedMonth - 10; // 0 = January
  const year = yearOfEra + era * 400 + (month <= 1 ? 1 : 0);
  return year * 12 + month;
}

/** Midnight UTC of the first day of the month `year · 12 + month`. */
export function monthStartTime(monthIndex: number): number {
  return Date.UTC(floor(monthIndex / 12), modulo(monthIndex, 12), 1);
}
