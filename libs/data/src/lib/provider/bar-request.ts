import {
  AetherError,
  DAY_MS,
  type FieldViolation,
  formatBarTime,
  type Interval,
  normalizeSymbol,
  parseInterval,
  parseIsoTime,
  parsePeriod,
  type Period,
  periodWindow,
  type TimeWindow,
} from '@aetherquant/core';

/** What a caller asks a provider for. Dates are ISO text, as users type them. */
export interface BarRequest {
  /** Trimmed and upper-cased before use. */
  symbol: string;
  /** Bar interval; default `1d`. */
  interval?: string;
  /** How far back from the latest available bar (`5d`, `6mo`, `1y`, `ytd`, `max`); not with start/end. */
  period?: string;
  /** First date (inclusive): `2019-01-02`, or a timestamp with a zone. */
  start?: string;
  /** Last date (inclusive): the whole day is included for a date. */
  end?: string;
  /** Split- and dividend-adjusted prices (default), or raw ones. */
  adjusted?: boolean;
  /**
   * The most bars the caller accepts (a server's limit per request). A provider refuses a request that could
   * select more (INVALID_ARGUMENT naming `period` or `start`, see `checkBarCount`) as soon as it knows:
   * before generating or fetching anything when its `countBars` says so, else once the bars are read,
   * before building the series. Absent: no limit.
   */
  maxBars?: number;
}

/** A period counted back from the latest available bar, or explicit bounds (`end` exclusive, epoch ms). */
export type BarRange =
  | { readonly kind: 'period'; readonly period: Period }
  | { readonly kind: 'dates'; readonly start: number | undefined; readonly end: number | undefined };

export interface ResolvedBarRequest {
  readonly symbol: string;
  readonly interval: Interval;
  readonly range: BarRange;
  readonly adjusted: boolean;
}

/** The history loaded when a request names neither a period nor dates. */
export const DEFAULT_PERIOD = '1y';

/**
 * Validates a request and puts it in canonical form. Every problem is reported at once, each naming its
 * field: a bad symbol, interval, period or date, a period given with dates, an end before the start.
 */
export function resolveBarRequest(request: BarRequest): ResolvedBarRequest {
  const violations: FieldViolation[] = [];
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (error instanceof AetherError && error.details?.violations)
        violations.push(...error.details.violations);
      else throw error;
      return undefined;
    }
  };

  const symbol = attempt(() => normalizeSymbol(request.symbol ?? ''));
  const interval = attempt(() => parseInterval(request.interval ?? '1d'));
  const start =
    request.start === undefined ? undefined : attempt(() => parseIsoTime(request.start as string, 'start'));
  const end = request.end === undefined ? undefined : attempt(() => inclusiveEnd(request.end as string));
  const hasDates = request.start !== undefined || request.end !== undefined;
  if (request.period !== undefined && hasDates) {
    violations.push({
      field: 'period',
      rule: 'cannot be combined with start or end: give a period or dates',
    });
  }
  const period = hasDates ? undefined : attempt(() => parsePeriod(request.period ?? DEFAULT_PERIOD));
  if (start !== undefined && end !== undefined && end <= start) {
    violations.push({
      field: 'end',
      rule: `must not be before start (got start ${request.start}, end ${request.end})`,
    });
  }
  if (violations.length > 0) throw AetherError.invalid(violations, 'bar request');

  return {
    symbol: symbol as string,
    interval: interval as Interval,
    range: hasDates ? { kind: 'dates', start, end } : { kind: 'period', period: period as Period },
    adjusted: request.adjusted ?? true,
  };
}

/** An inclusive end as an exclusive bound: the day after a date, the instant after a timestamp. */
function inclusiveEnd(text: string): number {
  const time = parseIsoTime(text, 'end');
  return /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(text) ? time + DAY_MS : time + 1;
}

/**
 * The time window `[start, end)` a range covers, given `latest`: the exclusive end of the available
 * history (for files and synthetic data, just after the last bar; for Yahoo, now).
 */
export function rangeWindow(range: BarRange, latest: number): TimeWindow {
  if (range.kind === 'period') return periodWindow(range.period, latest);
  return { start: range.start, end: range.end === undefined ? latest : Math.min(range.end, latest) };
}

/** The range as a person reads it in a message: `period 1y`, `2019-01-01 to 2019-12-31`, `from 2019-01-01`. */
export function describeRange(range: BarRange, interval: Interval): string {
  if (range.kind === 'period') return `period ${range.period.name}`;
  const start = range.start === undefined ? undefined : formatBarTime(range.start, interval);
  // The bound is exclusive; show the last instant it includes, as the user wrote it.
  const end =
    range.end === undefined
      ? undefined
      : formatBarTime(range.end - (interval.intraday ? 1 : DAY_MS), interval);
  if (start !== undefined && end !== undefined) return `${start} to ${end}`;
  if (start !== undefined) return `from ${start}`;
  return end !== undefined ? `until ${end}` : 'all history';
}

/** The error every provider raises when it has no bars for a request. */
export function noBarsError(request: ResolvedBarRequest, provider: string, reason?: string): AetherError {
  const what = `${request.symbol} (${request.interval.name}, ${describeRange(request.range, request.interval)})`;
  return new AetherError(
    'DATA_UNAVAILABLE',
    `no bars for ${what} from ${provider}${reason ? `: ${reason}` : ''}`,
    {
      symbol: request.symbol,
      interval: request.interval.name,
      provider,
    },
  );
}
