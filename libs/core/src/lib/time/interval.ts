import { AetherError } from '../errors/aether-error';

/** Trading days in a year, the annualisation convention for daily bars (GUIDE §2). */
export const TRADING_DAYS_PER_YEAR = 252;
/** Minutes in a US regular session (09:30–16:00 New York), the base for intraday bar counts. */
export const TRADING_MINUTES_PER_DAY = 390;

/** The bar intervals AetherQuant accepts: Yahoo Finance's set, so every provider can serve every one. */
export const INTERVAL_NAMES = [
  '1m',
  '2m',
  '5m',
  '15m',
  '30m',
  '60m',
  '90m',
  '1h',
  '1d',
  '5d',
  '1wk',
  '1mo',
  '3mo',
] as const;
export type IntervalName = (typeof INTERVAL_NAMES)[number];

export type IntervalUnit = 'minute' | 'hour' | 'day' | 'week' | 'month';

export interface Interval {
  readonly name: IntervalName;
  readonly count: number;
  readonly unit: IntervalUnit;
  /** True below one day: timestamps carry a time of day and are shown as full ISO timestamps. */
  readonly intraday: boolean;
  /** Bars per year, the factor that annualises returns, volatility and ratios. */
  readonly periodsPerYear: number;
  /** The nominal length of one bar in milliseconds (30 days for a month); for spacing checks, not calendars. */
  readonly nominalMs: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const UNIT_PATTERN = /^(\d+)(m|h|d|wk|mo)$/;
const UNITS: Record<string, IntervalUnit> = { m: 'minute', h: 'hour', d: 'day', wk: 'week', mo: 'month' };

/**
 * Bars per year for each unit. Intraday: bars per session × 252, where a session of 390 minutes holds
 * ⌈390 / minutes⌉ bars, the last one partial (as Yahoo serves them: seven 1h bars, five 90m bars).
 */
function periodsPerYear(count: number, unit: IntervalUnit): number {
  switch (unit) {
    case 'minute':
      return Math.ceil(TRADING_MINUTES_PER_DAY / count) * TRADING_DAYS_PER_YEAR;
    case 'hour':
      return Math.ceil(TRADING_MINUTES_PER_DAY / (60 * count)) * TRADING_DAYS_PER_YEAR;
    case 'day':
      return TRADING_DAYS_PER_YEAR / count;
    case 'week':
      return 52 / count;
    case 'month':
      return 12 / count;
  }
}

function nominalMs(count: number, unit: IntervalUnit): number {
  const unitMs = {
    minute: MINUTE_MS,
    hour: 60 * MINUTE_MS,
    day: DAY_MS,
    week: 7 * DAY_MS,
    month: 30 * DAY_MS,
  }[unit];
  return count * unitMs;
}

const INTERVALS: ReadonlyMap<string, Interval> = new Map(
  INTERVAL_NAMES.map((name) => {
    const [, digits, suffix] = UNIT_PATTERN.exec(name) as RegExpExecArray;
    const count = Number(digits);
    const unit = UNITS[suffix as string] as IntervalUnit;
    const interval: Interval = Object.freeze({
      name,
      count,
      unit,
      intraday: unit === 'minute' || unit === 'hour',
      periodsPerYear: periodsPerYear(count, unit),
      nominalMs: nominalMs(count, unit),
    });
    return [name, interval];
  }),
);

/** Parses an interval name such as `1d`, `1wk`, `1mo`, `1h` or `5m`; throws INVALID_ARGUMENT naming `field`. */
export function parseInterval(text: string, field = 'interval'): Interval {
  const interval = INTERVALS.get(text.trim());
  if (interval) return interval;
  throw AetherError.invalid([
    { field, rule: `must be one of ${INTERVAL_NAMES.join(', ')} (got ${JSON.stringify(text)})` },
  ]);
}

export function isIntervalName(text: string): text is IntervalName {
  return INTERVALS.has(text);
}
