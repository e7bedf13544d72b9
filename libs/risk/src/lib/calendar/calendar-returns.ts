// Returns per calendar month and year: the tables of a tearsheet.
import type { FieldViolation } from '@aetherquant/core';
import { checkEquity, throwIfInvalid } from '../input/check-input';

/** The calendar periods returns are grouped by. */
export type CalendarPeriod = 'month' | 'year';

/** The return of one calendar month or year. */
export interface CalendarReturn {
  year: number;
  /** 1 … 12 for a month; null for a year. */
  month: number | null;
  /**
   * `equity[last] / equity[base] − 1`, where `last` is the period's last bar and `base` the last bar of the
   * previous period (the first bar for the first period): the period's simple returns compounded.
   */
  return: number;
  /** Index of the period's first bar. */
  first: number;
  /** Index of the period's last bar. */
  last: number;
}

/**
 * The compounded return of each calendar month (or year) an equity curve spans, in order, as quantstats'
 * monthly table (`resample('M')` of the simple returns, compounded): every return belongs to the period of the
 * bar it ends on, so the first period's return runs from the first bar (the run's start) to its last bar, and
 * each later one from the previous period's last bar to its own. Periods are UTC calendar periods (bar times
 * are epoch milliseconds; a daily bar is stamped at 00:00 UTC of its date). A month with no bar does not appear.
 *
 * @param time - bar times in epoch milliseconds, non-decreasing, one per equity point.
 * @param equity - equity per bar, every point finite and above 0.
 * @throws AetherError INVALID_ARGUMENT naming `time` or `equity` when the input breaks those rules.
 */
export function calendarReturns(
  time: ArrayLike<number>,
  equity: ArrayLike<number>,
  period: CalendarPeriod,
): CalendarReturn[] {
  const violations: FieldViolation[] = [];
  checkEquity(equity, 'equity', violations);
  checkTimes(time, equity.length, violations);
  throwIfInvalid(violations, 'calendarReturns');

  const periods: CalendarReturn[] = [];
  const periodKey = (t: number) => {
    const date = new Date(time[t]);
    return period === 'year' ? date.getUTCFullYear() * 12 : date.getUTCFullYear() * 12 + date.getUTCMonth();
  };
  let base = 0;
  let first = 0;
  let key = periodKey(0);
  const close = (last: number) => {
    periods.push({
      year: Math.floor(key / 12),
      month: period === 'year' ? null : (key % 12) + 1,
      return: equity[last] / equity[base] - 1,
      first,
      last,
    });
    base = last;
  };
  for (let t = 1; t < equity.length; t++) {
    const next = periodKey(t);
    if (next === key) continue;
    close(t - 1);
    first = t;
    key = next;
  }
  close(equity.length - 1);
  return periods;
}

/** Bar times: one per equity point, each finite, in non-decreasing order. */
function checkTimes(time: ArrayLike<number>, points: number, violations: FieldViolation[]): void {
  if (time.length !== points) {
    violations.push({
      field: 'time',
      rule: `must have one time per equity point (${points}, got ${time.length})`,
    });
    return;
  }
  for (let t = 0; t < time.length; t++) {
    const value = time[t];
    if (value - value !== 0 || (t > 0 && value < time[t - 1])) {
      violations.push({
        field: `time[${t}]`,
        rule: `must be a finite epoch time no earlier than the one before (got ${value})`,
      });
      return;
    }
  }
}
