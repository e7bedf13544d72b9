import {
  AetherError,
  type BarSeries,
  DAY_MS,
  type FieldViolation,
  type Interval,
  type TimeWindow,
} from '@aetherquant/core';
import type YahooFinance from 'yahoo-finance2';
import {
  type BarRequest,
  noBarsError,
  rangeWindow,
  resolveBarRequest,
  type ResolvedBarRequest,
} from '../provider/bar-request';
import { aroundTheClockBars, type BarCount, checkBarCount } from '../provider/bar-count';
import { type MarketDataProvider } from '../provider/market-data-provider';
import { fetchWithRetry } from './fetch-with-retry';
import { chartToSeries } from './yahoo-chart-to-bars';

export interface YahooProviderOptions {
  /** The current time in epoch ms, where periods end; `Date.now` by default. */
  now?: () => number;
  /** Limit on each HTTP attempt, in ms (default 15 000). */
  timeoutMs?: number;
  /** Attempts after the first, on network errors, timeouts, HTTP 429 and 5xx (default 3). */
  retries?: number;
  /** Wait before the first retry in ms, doubling for each later one (default 500). */
  backoffMs?: number;
  /** The fetch every HTTP request goes through; the global one by default. Tests point it at a local server. */
  fetch?: typeof fetch;
  /**
   * A mirror or proxy of Yahoo's API (`http://host:port`, a path prefix allowed) that receives every request
   * instead of `https://query1|query2.finance.yahoo.com` (the `AETHERQ_YAHOO_URL` setting).
   */
  baseUrl?: string;
}

const YAHOO_ORIGIN = /^https:\/\/query[12]\.finance\.yahoo\.com(?=\/)/;

const SERVICE = 'Yahoo Finance';
const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_BACKOFF_MS = 500;

/**
 * How far back `max` reaches per interval: the longest history Yahoo serves at each intraday interval
 * (8 days of 1m bars, 60 days up to 90m, 730 days of hourly ones) and 99 years otherwise, as yfinance asks.
 */
function maxLookbackMs(interval: Interval): number {
  if (interval.name === '1m') return 8 * DAY_MS;
  if (interval.name === '60m' || interval.name === '1h') return 730 * DAY_MS;
  if (interval.intraday) return 60 * DAY_MS;
  return Math.round(99 * 365.25) * DAY_MS;
}

type YahooClient = InstanceType<typeof YahooFinance>;

/** Yahoo's own logger would print (a warning about Node < 22 at construction, validation reports). */
const SILENT_LOGGER = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  dir: () => undefined,
};

/**
 * Bars from Yahoo Finance's chart API through `yahoo-finance2`, loaded on first use so that commands that
 * never fetch do not pay for it. Prices are adjusted by default (O/H/L/C scaled by adj close / close, as
 * yfinance's `auto_adjust`); rows with missing values are dropped and counted in the provenance; daily bars
 * are dated at UTC midnight of their exchange-local date. Every HTTP request goes through
 * {@link fetchWithRetry}: a time limit per attempt, retries with backoff on network errors, 429 and 5xx.
 *
 * Errors: DATA_UNAVAILABLE (naming symbol, range and interval) for a symbol Yahoo does not know or a span
 * without bars; UPSTREAM_FAILED when Yahoo cannot be reached or keeps failing, or answers in a way this
 * provider cannot use.
 */
export class YahooProvider implements MarketDataProvider {
  readonly name = 'yahoo';
  private readonly now: () => number;
  private readonly fetch: typeof fetch;
  private client: Promise<YahooClient> | undefined;

  constructor(options: YahooProviderOptions = {}) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const retries = options.retries ?? DEFAULT_RETRIES;
    const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    const violations: FieldViolation[] = [];
    if (!(timeoutMs > 0 && timeoutMs < Infinity))
      violations.push({ field: 'timeoutMs', rule: `must be a positive number of ms (got ${timeoutMs})` });
    if (!(Number.isInteger(retries) && retries >= 0))
      violations.push({ field: 'retries', rule: `must be a whole number at least 0 (got ${retries})` });
    if (!(backoffMs >= 0 && backoffMs < Infinity))
      violations.push({ field: 'backoffMs', rule: `must be a number of ms at least 0 (got ${backoffMs})` });
    if (violations.length > 0) throw AetherError.invalid(violations, 'Yahoo provider options');

    this.now = options.now ?? Date.now;
    const retry = { fetch: options.fetch, timeoutMs, retries, backoffMs, service: SERVICE };
    const baseUrl = options.baseUrl?.replace(/\/+$/, '');
    this.fetch = async (input, init) => {
      const url = String(typeof input === 'string' || input instanceof URL ? input : input.url);
      const target = baseUrl === undefined ? url : url.replace(YAHOO_ORIGIN, baseUrl);
      return readChartAnswer(await fetchWithRetry(target, init, retry));
    };
  }

  /**
   * An upper bound, without asking Yahoo: the bars of a market open around the clock (crypto trades 24
   * hours, 7 days a week) in the window asked for, which for `max` reaches back as far as Yahoo keeps
   * bars at the interval (8 days of 1m bars, 60 days up to 90m, 730 days of hourly ones, 99 years
   * otherwise). Yahoo itself refuses intraday windows older than it keeps, so an intraday span that the
   * bound puts over a limit is one Yahoo would not serve anyway.
   */
  countBars(request: BarRequest): BarCount {
    return this.span(resolveBarRequest(request)).count;
  }

  async getBars(request: BarRequest): Promise<BarSeries> {
    const resolved = resolveBarRequest(request);
    const { window, start, count } = this.span(resolved);
    const interval = resolved.interval;
    if (start >= window.end) throw noBarsError(resolved, this.name);
    // Refused before Yahoo is asked when the span could hold more bars than the caller accepts.
    checkBarCount(count, request.maxBars, request);
    // Daily bars are stamped at the session open, which east of UTC (Sydney, Auckland) falls on the UTC
    // day before the local date: ask from a day earlier and let the window cut the bars.
    const period1 = Math.floor((interval.intraday ? start : start - DAY_MS) / 1000);
    const period2 = Math.ceil(window.end / 1000);

    let chart;
    try {
      const client = await this.loadClient();
      chart = await client.chart(resolved.symbol, {
        period1,
        period2,
        interval: interval.name,
        events: 'div|split',
        includePrePost: false,
        return: 'object',
      });
    } catch (error) {
      throw this.translate(error, resolved);
    }
    const series = chartToSeries(chart, resolved, window, this.name);
    checkBarCount(series.length, request.maxBars, request);
    return series;
  }

  /**
   * The window a request covers, where the request to Yahoo starts (`max` as far as Yahoo keeps bars), and
   * the bound of the bars in between (see {@link countBars}).
   */
  private span(resolved: ResolvedBarRequest): { window: TimeWindow; start: number; count: BarCount } {
    const window = rangeWindow(resolved.range, this.now());
    const start = window.start ?? window.end - maxLookbackMs(resolved.interval);
    return {
      window,
      start,
      count: { bars: aroundTheClockBars(resolved.interval, start, window.end), exact: false },
    };
  }

  /** The yahoo-finance2 client, created once, on the first request. */
  private loadClient(): Promise<YahooClient> {
    this.client ??= import('yahoo-finance2').then(
      ({ default: YahooFinanceClient }) =>
        new YahooFinanceClient({
          versionCheck: false, // it would ask npm for the latest version after errors
          logger: SILENT_LOGGER,
          suppressNotices: ['yahooSurvey', 'ripHistorical'],
          validation: { logErrors: false, logOptionsErrors: false },
          fetch: this.fetch,
        }),
      (error: unknown) => {
        this.client = undefined;
        throw error;
      },
    );
    return this.client;
  }

  private translate(error: unknown, request: ResolvedBarRequest): AetherError {
    if (error instanceof AetherError) return error;
    if (error instanceof YahooAnswerError) {
      // Yahoo's own word that it has no data: a symbol it does not know (404 "Not Found"), a window it
      // keeps no bars of at this interval (422, e.g. 1m bars older than 30 days), or an empty result.
      const noData = error.code === 'Not Found' || (error.status === 422 && error.code !== undefined);
      if (noData || error.noResult) {
        return noBarsError(request, this.name, error.description);
      }
      const what = error.description === undefined ? '' : `: ${error.description}`;
      return new AetherError(
        'UPSTREAM_FAILED',
        `${SERVICE} answered HTTP ${error.status} to the request for ${request.symbol}${what}`,
        { service: SERVICE, status: error.status, symbol: request.symbol },
      );
    }
    const message = (error as { message?: unknown } | null)?.message;
    const reason = typeof message === 'string' ? message : String(error);
    return new AetherError('UPSTREAM_FAILED', `${SERVICE} request for ${request.symbol} failed: ${reason}`, {
      service: SERVICE,
      symbol: request.symbol,
    });
  }
}

/** A chart answer without bars to read: an HTTP error, Yahoo's `error` object, no result, or not JSON. */
class YahooAnswerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly description: string | undefined,
    readonly noResult = false,
  ) {
    super(`HTTP ${status}${description === undefined ? '' : `: ${description}`}`);
  }
}

/** The longest piece of an unexpected body a message quotes. */
const MAX_QUOTED_CHARS = 200;

interface YahooErrorObject {
  code?: unknown;
  description?: unknown;
}

/** Yahoo answers `{ "chart": { result, error } }`, or `{ "finance": { error } }` outside the chart API. */
interface ChartAnswer {
  chart?: { result?: unknown; error?: YahooErrorObject | null };
  finance?: { error?: YahooErrorObject | null };
}

/**
 * Passes on a chart answer that holds a result, and turns any other into a {@link YahooAnswerError} with
 * Yahoo's own description (`No data found, symbol may be delisted`) before yahoo-finance2 reads it.
 */
async function readChartAnswer(response: Response): Promise<Response> {
  const text = await response.text();
  let answer: ChartAnswer | undefined;
  try {
    answer = JSON.parse(text) as ChartAnswer;
  } catch {
    const quoted = text.trim().slice(0, MAX_QUOTED_CHARS);
    throw new YahooAnswerError(response.status, undefined, `an answer that is not JSON: ${quoted}`);
  }
  const error = answer?.chart?.error ?? answer?.finance?.error;
  if (!response.ok || error) {
    const code = typeof error?.code === 'string' ? error.code : undefined;
    const description = typeof error?.description === 'string' ? error.description : undefined;
    throw new YahooAnswerError(response.status, code, description);
  }
  const result = answer?.chart?.result;
  if (!Array.isArray(result) || result.length === 0) {
    throw new YahooAnswerError(response.status, undefined, undefined, true);
  }
  return new Response(text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
