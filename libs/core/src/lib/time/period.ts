import { AetherError } from '../errors/aether-error';
import { DAY_MS } from './iso-time';

export type PeriodUnit = 'day' | 'week' | 'month' | 'year';

/** How much history to load: a count of units back from the end, year to date, or everything there is. */
export type Period =
  | { readonly kind: 'relative'; readonly name: string; readonly count: number; readonly unit: PeriodUnit }
  | { readonly kind: 'ytd'; readonly name: 'ytd' }
  | { readonly kind: 'max'; readonly name: 'max' };

/** A half-open time window `[start, end)` in epoch ms; `start` is absent for "all history". */
export interface TimeWindow {
  readonly start: number | undefined;
  readonly end: number;
}

const PATTERN = /^(\d{1,5})(d|wk|mo|y)$/;
const UNITS: Record<string, PeriodUnit> = { d: 'day', wk: 'week', mo: 'month', y: 'year' };
/** A generous bound that still catches typos such as `2000y`: nothing we trade has a longer history. */
const MAX_YEARS = 100;
/**
 * The largest count of each unit within {@link MAX_YEARS}: days are weekdays (100 × 365.25 × 5/7 ≈ 26,089),
 * weeks are 7 calendar days (100 × 365.25 / 7 ≈ 5,217).
 */
const MAX_COUNT: Record<PeriodUnit, number> = {
  day: 26_089,
  week: 5_217,
  month: 12 * MAX_YEARS,
  year: MAX_YEARS,
};

/** Parses `5d`, `1wk`, `6mo`, `1y`, `2y`, `ytd` or `max` (any positive count of d, wk, mo, y up to 100 years). */
export function parsePeriod(text: string, field = 'period'): Period {
  const name = text.trim();
  if (name === 'ytd') return { kind: 'ytd', name };
  if (name === 'max') return { kind: 'max', name };
  const match = PATTERN.exec(name);
  const count = match ? Number(match[1]) : 0;
  const unit = match ? (UNITS[match[2] as string] as PeriodUnit) : 'day';
  if (!match || count < 1 || count > MAX_COUNT[unit]) {
    throw AetherError.invalid([
      {
        field,
        rule:
          `must be a positive count of d, wk, mo or y up to ${MAX_YEARS} years (5d, 6mo, 1y), ` +
          `or ytd or max (got ${JSON.stringify(text)})`,
      },
    ]);
  }
  return { kind: 'relative', name, count, unit };
}

/**
 * The window a period covers when it ends at `end` (exclusive, epoch ms). Weeks, months and years step back
 * on the UTC calendar (a month from 31 March lands on the last day of February); days count weekdays, so
 * `5d` is the last five sessions as Yahoo serves it, holidays aside. `ytd` starts on 1 January of the year
 * of the last instant before `end`.
 */
export function periodWindow(period: Period, end: number): TimeWindow {
  switch (period.kind) {
    case 'max':
      return { start: undefined, end };
    case 'ytd':
      return { start: Date.UTC(new Date(end - 1).getUTCFullYear(), 0, 1), end };
    case 'relative':
      return { start: stepBack(end, period.count, period.unit), end };
  }
}

function stepBack(end: number, count: number, unit: PeriodUnit): number {
  switch (unit) {
    case 'day':
      return weekdaysBack(end, count);
    case 'week':
      return end - count * 7 * DAY_MS;
    case 'month':
      return monthsBack(end, count);
    case 'year':
      return monthsBack(end, 12 * count);
  }
}

function monthsBack(end: number, months: number): number {
  const date = new Date(end);
  const targetMonth = date.getUTCMonth() - months;
  const target = new Date(date);
  target.setUTCDate(1);
  target.setUTCMonth(targetMonth);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.getTime();
}

/** Midnight of the `count`-th weekday counting back from the UTC day that holds the window's last instant. */
function weekdaysBack(end: number, count: number): number {
  let day = Math.floor((end - 1) / DAY_MS) * DAY_MS; // the UTC day holding the last instant of the window
  let found = 0;
  for (;;) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && ++found === count) return day;
    day -= DAY_MS;
  }
}
