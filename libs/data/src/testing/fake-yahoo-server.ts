import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';

/** Numbers Yahoo sends per bar; `null` where it has no value. */
type Column = (number | null)[];

/** One result of Yahoo's chart API (`/v8/finance/chart/:symbol`), as recorded. */
export interface YahooChartResult {
  meta: Record<string, unknown>;
  timestamp?: number[];
  events?: { dividends?: Record<string, unknown>; splits?: Record<string, unknown> };
  indicators: {
    quote: { open?: Column; high?: Column; low?: Column; close?: Column; volume?: Column }[];
    adjclose?: { adjclose?: Column }[];
  };
}

/** A whole answer of the chart API, as recorded. */
export interface YahooChartResponse {
  chart: { result: YahooChartResult[] | null; error: { code: string; description: string } | null };
}

/** Loads a recorded answer from `src/testing/fixtures/yahoo` (`spy-1d.json`, `spy-1h.json`). */
export function loadYahooFixture(name: string): YahooChartResponse {
  return JSON.parse(readFileSync(join(__dirname, 'fixtures', 'yahoo', name), 'utf8')) as YahooChartResponse;
}

/** One bar for {@link buildYahooChart}: `time` in epoch seconds, as Yahoo stamps it. */
export interface YahooChartRow {
  time: number;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
  /** Omit for intraday bars, which Yahoo sends without adjusted closes. */
  adjclose?: number | null;
}

/**
 * A chart answer in Yahoo's shape, with every `meta` field yahoo-finance2's schema requires, for bars a
 * test builds itself (another exchange, real rows read at test time).
 */
export function buildYahooChart(options: {
  symbol: string;
  interval: string;
  /** Seconds east of UTC at the exchange, as `meta.gmtoffset` (New York: -18000 in winter, -14400 in summer). */
  gmtoffset: number;
  timezone: string;
  exchangeTimezoneName: string;
  rows: readonly YahooChartRow[];
}): YahooChartResponse {
  const { rows, gmtoffset, timezone } = options;
  const last = rows[rows.length - 1];
  const lastTime = last?.time ?? 0;
  const session = { timezone, start: lastTime, end: lastTime + 6.5 * 3600, gmtoffset };
  const column = (key: 'open' | 'high' | 'low' | 'close' | 'volume') => rows.map((row) => row[key]);
  const result: YahooChartResult = {
    meta: {
      currency: 'USD',
      symbol: options.symbol,
      exchangeName: 'TST',
      fullExchangeName: 'Test Exchange',
      instrumentType: 'ETF',
      firstTradeDate: rows[0]?.time ?? 0,
      regularMarketTime: session.end,
      hasPrePostMarketData: false,
      gmtoffset,
      timezone,
      exchangeTimezoneName: options.exchangeTimezoneName,
      regularMarketPrice: last?.close ?? 0,
      priceHint: 2,
      currentTradingPeriod: { pre: session, regular: session, post: session },
      dataGranularity: options.interval,
      range: '',
      validRanges: ['1d', '5d', '1mo', '3mo', '6mo', '1y', '2y', '5y', '10y', 'ytd', 'max'],
    },
    timestamp: rows.map((row) => row.time),
    indicators: {
      quote: [
        {
          open: column('open'),
          high: column('high'),
          low: column('low'),
          close: column('close'),
          volume: column('volume'),
        },
      ],
    },
  };
  if (rows.some((row) => row.adjclose !== undefined)) {
    result.indicators.adjclose = [{ adjclose: rows.map((row) => row.adjclose ?? null) }];
  }
  return { chart: { result: [result], error: null } };
}

/** 09:30 in New York on an ISO date, in epoch seconds: when Yahoo stamps a US daily bar. */
export function newYorkOpenSeconds(date: string): number {
  const noon = Date.parse(`${date}T12:00:00Z`);
  const zone = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeZoneName: 'shortOffset' })
    .formatToParts(noon)
    .find((part) => part.type === 'timeZoneName')?.value; // "GMT-5" in winter, "GMT-4" in summer
  const hoursBehind = -Number(zone?.replace('GMT', ''));
  return Date.parse(`${date}T09:30:00Z`) / 1000 + hoursBehind * 3600;
}

/** What Yahoo answers, with HTTP 404, for a symbol it does not know. */
export const YAHOO_NOT_FOUND: YahooChartResponse = {
  chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } },
};

/**
 * How the server answers one request instead of serving data: an HTTP status (with a body: JSON for an
 * object, as is for a string), `hang` (never answer), or `destroy` (drop the connection unanswered).
 */
export type FakeYahooFailure = { status: number; body?: unknown } | 'hang' | 'destroy';

/** A request the server received. */
export interface FakeYahooRequest {
  method: string;
  /** The path as sent: `/v8/finance/chart/SPY`. */
  path: string;
  /** The symbol from the path, decoded. */
  symbol: string;
  /** Query parameters: `period1`, `period2`, `interval`, `events`, … */
  query: Record<string, string>;
}

export interface FakeYahooServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Every request received, failed ones included, oldest first. */
  readonly requests: FakeYahooRequest[];
  /**
   * A `fetch` that sends what would go to Yahoo's hosts (`query1`/`query2.finance.yahoo.com`) to this
   * server instead, over real HTTP, and refuses any other host: pass it as a provider's `fetch`.
   */
  readonly fetch: typeof fetch;
  /** Serves `response` for `symbol` at `interval` (the recorded answer, cut to each request's window). */
  serve(symbol: string, interval: string, response: YahooChartResponse): void;
  /** Answers the next requests with these failures, one each, before serving data again. */
  failNext(...failures: FakeYahooFailure[]): void;
  /** Forgets the requests received and the failures not used yet. */
  reset(): void;
  close(): Promise<void>;
}

const YAHOO_HOSTS = /^https:\/\/query[12]\.finance\.yahoo\.com(?=\/)/;

/**
 * A `fetch` that rewrites Yahoo's URLs to `origin` and calls the real global fetch. Any other URL is refused
 * (as a network error), so a test can never reach the internet through it.
 */
export function yahooFetchTo(origin: string): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!YAHOO_HOSTS.test(url)) {
      return Promise.reject(new TypeError(`fake Yahoo: refusing to fetch ${url}, which is not Yahoo's`));
    }
    return fetch(url.replace(YAHOO_HOSTS, origin), init);
  };
}

/**
 * A local HTTP server (127.0.0.1, a free port) that speaks the shape of Yahoo Finance's chart API,
 * `GET /v8/finance/chart/:symbol?period1=&period2=&interval=&events=`: it answers with the recorded
 * responses given to {@link FakeYahooServer.serve}, keeping the bars whose timestamps lie in
 * `[period1, period2)` (seconds), and Yahoo's 404 answer for a symbol it has nothing for. As Yahoo does, a
 * window without bars gets a result without `timestamp` and with empty indicators.
 */
export async function startFakeYahooServer(): Promise<FakeYahooServer> {
  const fixtures = new Map<string, YahooChartResponse>();
  const requests: FakeYahooRequest[] = [];
  const failures: FakeYahooFailure[] = [];

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const match = /^\/v8\/finance\/chart\/([^/]+)$/.exec(url.pathname);
    const symbol = match ? decodeURIComponent(match[1] as string) : '';
    requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      symbol,
      query: Object.fromEntries(url.searchParams),
    });

    const failure = failures.shift();
    if (failure === 'hang') return; // closeAllConnections() ends it when the server closes
    if (failure === 'destroy') {
      request.socket.destroy();
      return;
    }
    if (failure !== undefined) {
      send(response, failure.status, failure.body ?? defaultBody(failure.status));
      return;
    }
    if (!match || request.method !== 'GET') {
      send(response, 404, {
        finance: { result: null, error: { code: 'Not Found', description: 'HTTP 404 Not Found' } },
      });
      return;
    }
    const interval = url.searchParams.get('interval') ?? '1d';
    const recorded = fixtures.get(`${symbol}|${interval}`);
    if (!recorded) {
      send(response, 404, YAHOO_NOT_FOUND);
      return;
    }
    send(response, 200, cut(recorded, url.searchParams));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    requests,
    fetch: yahooFetchTo(origin),
    serve(symbol, interval, response) {
      fixtures.set(`${symbol}|${interval}`, response);
    },
    failNext(...next) {
      failures.push(...next);
    },
    reset() {
      requests.length = 0;
      failures.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const json = typeof body !== 'string';
  response.writeHead(status, {
    'content-type': json ? 'application/json;charset=utf-8' : 'text/plain;charset=utf-8',
  });
  response.end(json ? JSON.stringify(body) : body);
}

/** Yahoo's bodies for failures: JSON for a 404, short text for throttling and outages. */
function defaultBody(status: number): unknown {
  if (status === 404) return YAHOO_NOT_FOUND;
  if (status === 429) return 'Too Many Requests\r\n';
  return `HTTP ${status}`;
}

/** The recorded answer restricted to the bars in `[period1, period2)` and the events asked for. */
function cut(recorded: YahooChartResponse, query: URLSearchParams): YahooChartResponse {
  const source = recorded.chart.result?.[0];
  if (!source) return recorded;
  const period1 = Number(query.get('period1') ?? '0');
  const period2 = Number(query.get('period2') ?? String(Math.floor(Date.now() / 1000)));
  const inWindow = (time: number) => time >= period1 && time < period2;
  const events = query.get('events') ?? '';

  const times = source.timestamp ?? [];
  const keep = times.flatMap((time, index) => (inWindow(time) ? [index] : []));
  const pick = (column: Column | undefined) => keep.map((index) => column?.[index] ?? null);
  const quote = source.indicators.quote[0] ?? {};
  const adjclose = source.indicators.adjclose?.[0]?.adjclose;

  const result: YahooChartResult = { meta: source.meta, indicators: { quote: [{}] } };
  if (keep.length > 0) {
    result.timestamp = keep.map((index) => times[index] as number);
    result.indicators.quote = [
      {
        open: pick(quote.open),
        high: pick(quote.high),
        low: pick(quote.low),
        close: pick(quote.close),
        volume: pick(quote.volume),
      },
    ];
  }
  if (source.indicators.adjclose) {
    result.indicators.adjclose = [keep.length > 0 ? { adjclose: pick(adjclose) } : {}];
  }
  const dividends = events.includes('div') ? within(source.events?.dividends, inWindow) : undefined;
  const splits = events.includes('split') ? within(source.events?.splits, inWindow) : undefined;
  if (dividends || splits) result.events = { ...(dividends && { dividends }), ...(splits && { splits }) };
  return { chart: { result: [result], error: null } };
}

/** The events (keyed by their timestamp in seconds) inside the window, or undefined when none are. */
function within(
  events: Record<string, unknown> | undefined,
  inWindow: (time: number) => boolean,
): Record<string, unknown> | undefined {
  if (!events) return undefined;
  const kept = Object.entries(events).filter(([time]) => inWindow(Number(time)));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}
