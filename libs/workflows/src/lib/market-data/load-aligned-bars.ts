import {
  AetherError,
  type BarSeries,
  DAY_MS,
  type FieldViolation,
  formatBarTime,
  type Interval,
  normalizeSymbol,
  parseIsoTime,
  parsePeriod,
  periodWindow,
} from '@aetherquant/core';
import { alignSeries } from '@aetherquant/data';
import { checkPortfolioBarLimit, checkSymbolLimit } from '../limits/request-limits';
import { type WorkflowContext } from '../workflow/workflow-context';
import { type BarSource, countSourceBars, loadBars } from './load-bars';

export interface AlignedBars {
  series: BarSeries[];
  /** Bars each symbol lost to the common calendar. */
  dropped: Array<{ symbol: string; bars: number }>;
  provider: string;
  /**
   * Said when one symbol's history shortens the common window at its start or end: which symbol limits it,
   * where, and by how much (`XLE ends 2023-03-31: the window ends there, 1y 11mo before the 2025-03-07
   * requested`). Empty when the window is what was asked for.
   */
  warnings: string[];
}

/**
 * The bars of several symbols on their common calendar. Symbols are normalised and must be distinct (checked
 * before anything is downloaded, as are the context's `limits.maxSymbols` and `limits.maxPortfolioBars`,
 * the latter on the providers' counts); each symbol's bars are held to `limits.maxBars` as {@link loadBars}
 * loads them. Symbols whose histories never overlap are a bad request
 * (exit 2 on the CLI).
 */
export async function loadAlignedBars(
  symbols: readonly string[],
  source: Omit<BarSource, 'symbol'>,
  context: WorkflowContext,
): Promise<AlignedBars> {
  checkSymbolLimit(symbols.length, context.limits);
  const violations: FieldViolation[] = [];
  const normalised = symbols.map((text, i) => {
    try {
      return normalizeSymbol(text, `symbols[${i}]`);
    } catch (error) {
      if (error instanceof AetherError && error.details?.violations)
        violations.push(...error.details.violations);
      else throw error;
      return text;
    }
  });
  const repeated = normalised.filter((symbol, i) => normalised.indexOf(symbol) !== i);
  if (repeated.length > 0)
    violations.push({
      field: 'symbols',
      rule: `must be distinct (${[...new Set(repeated)].join(', ')} given twice)`,
    });
  if (violations.length > 0) throw AetherError.invalid(violations, 'symbols');

  // All symbols' bars together, counted before any is loaded (and again once loaded, for CSV files).
  const counts = normalised.map((symbol) => countSourceBars({ ...source, symbol }, context));
  checkPortfolioBarLimit(
    normalised.length,
    {
      bars: counts.reduce((sum, count) => sum + count.bars, 0),
      exact: counts.every((count) => count.exact),
    },
    context.limits,
  );
  const loaded = await Promise.all(normalised.map((symbol) => loadBars({ ...source, symbol }, context)));
  checkPortfolioBarLimit(
    normalised.length,
    loaded.reduce((sum, series) => sum + series.length, 0),
    context.limits,
  );
  try {
    const aligned = alignSeries(loaded);
    const provider = loaded[0]?.provenance?.provider ?? source.provider ?? context.settings.data.provider;
    return { ...aligned, provider, warnings: windowWarnings(loaded, aligned.series, source) };
  } catch (error) {
    if (error instanceof AetherError && error.code === 'DATA_UNAVAILABLE') {
      throw AetherError.invalid([
        { field: 'symbols', rule: `have no bars in common: ${normalised.join(', ')} do not overlap in time` },
      ]);
    }
    throw error;
  }
}

/**
 * What the common calendar cost at either end. The window asked for is the request's start and end (a
 * period counted back from the latest bar of any symbol, as each provider counts it), within the bars
 * any symbol has: the symbol that starts last or ends first limits it. A shortfall of a few days (a
 * holiday, a weekend, two bars at weekly or longer intervals) is no news and not said.
 */
export function windowWarnings(
  loaded: readonly BarSeries[],
  aligned: readonly BarSeries[],
  source: Pick<BarSource, 'period' | 'start' | 'end'>,
): string[] {
  const common = aligned[0];
  if (common === undefined || common.length === 0 || loaded.length < 2) return [];
  const interval = common.interval;
  const firsts = loaded.map((series) => series.time[0] as number);
  const lasts = loaded.map((series) => series.time[series.length - 1] as number);
  const earliest = Math.min(...firsts);
  const latest = Math.max(...lasts);
  let askedStart = earliest;
  if (source.start !== undefined) askedStart = Math.max(earliest, parseIsoTime(source.start, 'start'));
  else if (source.end === undefined) {
    const window = periodWindow(parsePeriod(source.period ?? '1y'), latest + 1);
    askedStart = Math.max(earliest, window.start ?? earliest);
  }
  const askedEnd =
    source.end === undefined ? latest : Math.min(latest, parseIsoTime(source.end, 'end') + DAY_MS - 1);
  const slack = Math.max(4 * DAY_MS, 2 * interval.nominalMs);
  const warnings: string[] = [];

  const startsLast = firsts.indexOf(Math.max(...firsts));
  const first = common.time[0] as number;
  if (first - askedStart > slack && (firsts[startsLast] as number) - askedStart > slack) {
    warnings.push(
      `${loaded[startsLast]?.symbol} starts ${formatBarTime(firsts[startsLast] as number, interval)}: the window ` +
        `starts there, ${calendarSpan(askedStart, first, interval)} after the ${formatBarTime(askedStart, interval)} requested`,
    );
  }
  const endsFirst = lasts.indexOf(Math.min(...lasts));
  const last = common.time[common.length - 1] as number;
  if (askedEnd - last > slack && askedEnd - (lasts[endsFirst] as number) > slack) {
    warnings.push(
      `${loaded[endsFirst]?.symbol} ends ${formatBarTime(lasts[endsFirst] as number, interval)}: the window ` +
        `ends there, ${calendarSpan(last, askedEnd, interval)} before the ${formatBarTime(askedEnd, interval)} requested`,
    );
  }
  return warnings;
}

/**
 * The time from `from` to `to` as a person reads it: whole calendar months as `1y 11mo` (days left over are
 * dropped), else days (`12 days`), or hours for intraday bars less than a day apart.
 */
export function calendarSpan(from: number, to: number, interval: Interval): string {
  const a = new Date(from);
  const b = new Date(to);
  const months =
    (b.getUTCFullYear() - a.getUTCFullYear()) * 12 +
    (b.getUTCMonth() - a.getUTCMonth()) -
    (b.getUTCDate() < a.getUTCDate() ? 1 : 0);
  if (months >= 1) {
    const years = Math.floor(months / 12);
    const rest = months % 12;
    return [years > 0 ? `${years}y` : '', rest > 0 ? `${rest}mo` : ''].filter(Boolean).join(' ');
  }
  const days = Math.round((to - from) / DAY_MS);
  if (days >= 1 || !interval.intraday) return `${days} day${days === 1 ? '' : 's'}`;
  const hours = Math.round((to - from) / 3_600_000);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}
