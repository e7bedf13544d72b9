import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { AetherError, type BarSeries, DAY_MS, formatIsoDate } from '@aetherquant/core';
import {
  buildYahooChart,
  type FakeYahooServer,
  loadYahooFixture,
  newYorkOpenSeconds,
  startFakeYahooServer,
  yahooFetchTo,
  type YahooChartResponse,
} from '../../testing/fake-yahoo-server';
import { describeWithMarketData, rejection } from '@aetherquant/testing';
import { describeProviderContract } from '../../testing/provider-contract';
import { YahooProvider, type YahooProviderOptions } from './yahoo-provider';

/**
 * The recorded answers (src/testing/fixtures/yahoo) hold made-up SPY bars:
 * - spy-1d.json: daily bars of 2024-01-02 .. 2024-06-28 stamped at the New York open (14:30Z until
 *   March 8, 13:30Z from March 11), `meta.gmtoffset` -14400 (recorded in summer); dividends with ex-dates
 *   2024-03-15 ($1.595) and 2024-06-21 ($1.759); the bar of 2024-06-12 came without values.
 * - spy-1h.json: hourly bars of 2024-06-24 .. 2024-06-28, 13:30Z .. 19:30Z (seven a day), no adj close.
 * "Now" is the evening after the last bar.
 */
const NOW = Date.parse('2024-06-28T21:00:00Z');
const NOW_SECONDS = NOW / 1000;

let server: FakeYahooServer;

beforeAll(async () => {
  server = await startFakeYahooServer();
  server.serve('SPY', '1d', loadYahooFixture('spy-1d.json'));
  server.serve('SPY', '1h', loadYahooFixture('spy-1h.json'));
});
afterAll(() => server.close());

/** A provider over the fake server, with tiny waits: tests count requests, never time them. */
function yahoo(options: YahooProviderOptions = {}): YahooProvider {
  return new YahooProvider({
    now: () => NOW,
    fetch: server.fetch,
    backoffMs: 1,
    timeoutMs: 2_000,
    ...options,
  });
}

const dates = (series: BarSeries) => Array.from(series.time, formatIsoDate);

describeProviderContract('YahooProvider', async () => ({
  provider: yahoo(),
  providerName: 'yahoo',
  symbol: 'SPY',
  knownStart: '2024-01-02',
  knownEnd: '2024-05-31',
  emptySpan: { start: '2024-03-16', end: '2024-03-17' },
  adjustsPrices: true,
  missingSymbol: 'NOPE',
}));

describe('YahooProvider', () => {
  beforeEach(() => server.reset());

  it('sends every request to a mirror given as baseUrl, over plain HTTP with the global fetch', async () => {
    server.reset();
    const mirror = new YahooProvider({ now: () => NOW, baseUrl: `${server.origin}/`, backoffMs: 1 });
    const series = await mirror.getBars({ symbol: 'SPY', period: '5d' });
    expect(series.length).toBe(5);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.path).toBe('/v8/finance/chart/SPY');
  });

  it('adjusts a bar before both dividends by adj close / close, as auto_adjust does', async () => {
    const series = await yahoo().getBars({ symbol: 'SPY', start: '2024-01-02', end: '2024-01-02' });
    // Yahoo sent for 2024-01-02: open 473.68, high 474.19, low 473.07, close 473.72, adj close 470.3832
    // (float32 values). Factor 470.3832 / 473.72 ≈ 0.992956, the product of both dividend factors
    // (1 - 1.595 / 465.41) × (1 - 1.759 / 484.68), closes on the days before the ex-dates.
    const factor = 470.3831787109375 / 473.7200012207031;
    expect(factor).toBeCloseTo((1 - 1.595 / 465.4100036621094) * (1 - 1.759 / 484.67999267578125), 6);
    expect(series.bar(0)).toEqual({
      time: Date.UTC(2024, 0, 2),
      open: 473.67999267578125 * factor, // ≈ 470.3434
      high: 474.19000244140625 * factor, // ≈ 470.8498
      low: 473.07000732421875 * factor, // ≈ 469.7377
      close: 470.3831787109375,
      volume: 71_545_332,
    });
    expect(series.provenance).toEqual({ provider: 'yahoo', adjusted: true });
  });

  it('leaves a bar after the last ex-date as traded, and serves raw prices on request', async () => {
    const adjusted = await yahoo().getBars({ symbol: 'SPY', start: '2024-06-28', end: '2024-06-28' });
    // 2024-06-28 is after the 2024-06-21 ex-date: adj close = close = 486.08, factor 1.
    expect(adjusted.bar(0)).toMatchObject({ open: 488.7300109863281, close: 486.0799865722656 });
    const raw = await yahoo().getBars({
      symbol: 'SPY',
      start: '2024-03-14',
      end: '2024-03-14',
      adjusted: false,
    });
    // The day before the first ex-date, as traded (adjusted it would be 462.13).
    expect(raw.bar(0)).toMatchObject({ open: 464.9599914550781, close: 465.4100036621094 });
    expect(raw.provenance).toEqual({ provider: 'yahoo', adjusted: false });
  });

  it('dates daily bars at UTC midnight of the New York date, in winter (EST) and summer (EDT)', async () => {
    const series = await yahoo().getBars({ symbol: 'SPY', start: '2024-03-07', end: '2024-03-12' });
    // Yahoo stamps them 14:30Z on March 7 and 8 (EST) and 13:30Z from March 11 (EDT, since March 10).
    expect(Array.from(series.time)).toEqual([
      Date.UTC(2024, 2, 7),
      Date.UTC(2024, 2, 8),
      Date.UTC(2024, 2, 11),
      Date.UTC(2024, 2, 12),
    ]);
  });

  it('dates every daily bar of the half year at a whole UTC day', async () => {
    const series = await yahoo().getBars({ symbol: 'SPY', start: '2024-01-02', end: '2024-06-28' });
    // 124 sessions, less the bar without values.
    expect(series.length).toBe(123);
    for (const time of series.time) expect(time % DAY_MS).toBe(0);
  });

  it('drops the bar Yahoo sent without values, and counts it', async () => {
    const series = await yahoo().getBars({ symbol: 'SPY', start: '2024-06-10', end: '2024-06-14' });
    expect(dates(series)).toEqual(['2024-06-10', '2024-06-11', '2024-06-13', '2024-06-14']);
    expect(series.provenance).toEqual({ provider: 'yahoo', adjusted: true, droppedRows: 1 });
  });

  it('keeps the last of two bars for the same day (Yahoo repeating the live bar)', async () => {
    const recorded = loadYahooFixture('spy-1d.json');
    const result = recorded.chart.result?.[0] as NonNullable<YahooChartResponse['chart']['result']>[0];
    const quote = result.indicators.quote[0] as Record<
      'open' | 'high' | 'low' | 'close' | 'volume',
      number[]
    >;
    // A live update of June 28 stamped 19:45Z, after the bar stamped at the open (13:30Z).
    result.timestamp?.push(Date.parse('2024-06-28T19:45:00Z') / 1000);
    quote.open.push(488.73);
    quote.high.push(490.11);
    quote.low.push(484.44);
    quote.close.push(487.5);
    quote.volume.push(52_000_000);
    result.indicators.adjclose?.[0]?.adjclose?.push(487.5);
    server.serve('LIVE', '1d', recorded);

    const series = await yahoo().getBars({ symbol: 'LIVE', period: '5d' });
    expect(dates(series)).toEqual(['2024-06-24', '2024-06-25', '2024-06-26', '2024-06-27', '2024-06-28']);
    expect(series.bar(-1)).toMatchObject({ close: 487.5, volume: 52_000_000 });
  });

  it('asks Yahoo for the window of a period, from a day early, ending now', async () => {
    const month = await yahoo().getBars({ symbol: 'SPY', period: '1mo' });
    const week = await yahoo().getBars({ symbol: 'SPY', period: '5d' });
    const [monthQuery, weekQuery] = server.requests.map((request) => request.query);
    // 1mo: 2024-05-28T21:00Z (a month before now), asked from a day earlier; it ends now.
    expect(monthQuery).toMatchObject({
      period1: String(Date.parse('2024-05-27T21:00:00Z') / 1000),
      period2: String(NOW_SECONDS),
      interval: '1d',
      events: 'div|split',
      includePrePost: 'false',
    });
    // 5d: midnight of the fifth weekday back (Mon 2024-06-24), asked from a day earlier.
    expect(weekQuery).toMatchObject({
      period1: String(Date.parse('2024-06-23T00:00:00Z') / 1000),
      period2: String(NOW_SECONDS),
    });
    // May 29 .. June 28: 22 sessions (Juneteenth closed), less the bar without values.
    expect(month.length).toBe(21);
    expect(dates(month)[0]).toBe('2024-05-29');
    expect(month.provenance?.droppedRows).toBe(1);
    expect(dates(week)).toEqual(['2024-06-24', '2024-06-25', '2024-06-26', '2024-06-27', '2024-06-28']);
  });

  it('keeps the exact times of intraday bars, unadjusted as Yahoo sends them', async () => {
    const series = await yahoo().getBars({ symbol: 'SPY', interval: '1h', period: '5d' });
    expect(server.requests[0]?.query).toMatchObject({
      interval: '1h',
      period1: String(Date.parse('2024-06-24T00:00:00Z') / 1000),
    });
    expect(series.length).toBe(35);
    expect(series.time[0]).toBe(Date.parse('2024-06-24T13:30:00Z'));
    expect(series.time[1]).toBe(Date.parse('2024-06-24T14:30:00Z'));
    expect(series.time[34]).toBe(Date.parse('2024-06-28T19:30:00Z'));
    expect(series.close[0]).toBe(489.0199890136719);
    // Yahoo sends no adjusted closes intraday: the series says its prices are not adjusted.
    expect(series.provenance).toEqual({ provider: 'yahoo', adjusted: false });
  });

  it('dates bars of an exchange east of UTC by its own calendar (Sydney opens on the UTC day before)', async () => {
    // 10:00 in Sydney (UTC+11 in summer) on Tue 2024-01-02 is 23:00Z on Mon 2024-01-01.
    const open = Date.parse('2024-01-01T23:00:00Z') / 1000;
    server.serve(
      'BHP.AX',
      '1d',
      buildYahooChart({
        symbol: 'BHP.AX',
        interval: '1d',
        gmtoffset: 39_600,
        timezone: 'AEDT',
        exchangeTimezoneName: 'Australia/Sydney',
        rows: [
          { time: open, open: 50, high: 51, low: 49.5, close: 50.5, adjclose: 50.5, volume: 1000 },
          { time: open + 86_400, open: 50.5, high: 52, low: 50, close: 51.5, adjclose: 51.5, volume: 1200 },
        ],
      }),
    );
    const series = await yahoo().getBars({ symbol: 'bhp.ax', start: '2024-01-02', end: '2024-01-02' });
    expect(dates(series)).toEqual(['2024-01-02']);
    expect(series.bar(0)).toMatchObject({ open: 50, close: 50.5 });
  });

  it('reports an unknown symbol as DATA_UNAVAILABLE naming symbol, period and interval, without retrying', async () => {
    const error = await rejection(
      yahoo().getBars({ symbol: 'NOPE', period: '6mo', interval: '1wk' }),
      'DATA_UNAVAILABLE',
    );
    expect(error.message).toBe(
      'no bars for NOPE (1wk, period 6mo) from yahoo: No data found, symbol may be delisted',
    );
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.symbol).toBe('NOPE');
  });

  it("passes on Yahoo's reason when it keeps no bars that old at an interval (422)", async () => {
    const description =
      '1h data not available for startTime=1561989600 and endTime=1719608400. ' +
      'The requested range must be within the last 730 days.';
    server.failNext({
      status: 422,
      body: { chart: { result: null, error: { code: 'Unprocessable Entity', description } } },
    });
    const error = await rejection(
      yahoo().getBars({ symbol: 'SPY', interval: '1h', period: '5y' }),
      'DATA_UNAVAILABLE',
    );
    expect(error.message).toBe(`no bars for SPY (1h, period 5y) from yahoo: ${description}`);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 503 and a dropped connection, then serves the bars', async () => {
    server.failNext({ status: 503 }, 'destroy');
    const series = await yahoo().getBars({ symbol: 'SPY', start: '2024-06-24', end: '2024-06-28' });
    expect(server.requests).toHaveLength(3);
    expect(series.length).toBe(5);
  });

  it('gives up with UPSTREAM_FAILED when Yahoo keeps answering 429, after retries + 1 requests', async () => {
    server.failNext(...Array.from({ length: 5 }, () => ({ status: 429 })));
    const error = await rejection(
      yahoo({ retries: 2 }).getBars({ symbol: 'SPY', period: '1mo' }),
      'UPSTREAM_FAILED',
    );
    expect(error.message).toBe('Yahoo Finance answered HTTP 429 (Too Many Requests) to each of 3 attempts');
    expect(server.requests).toHaveLength(3);
  });

  it('gives up with UPSTREAM_FAILED when Yahoo does not answer in time', async () => {
    server.failNext('hang');
    const error = await rejection(
      yahoo({ retries: 0, timeoutMs: 100 }).getBars({ symbol: 'SPY', period: '1mo' }),
      'UPSTREAM_FAILED',
    );
    expect(error.message).toBe(
      'Yahoo Finance could not be reached: timed out after 100 ms (gave up after 1 attempt)',
    );
  });

  it('reports an unreachable Yahoo as UPSTREAM_FAILED after retries + 1 attempts', async () => {
    // A port that was just free: open a server, note its port, close it.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    let attempts = 0;
    const toClosedPort = yahooFetchTo(`http://127.0.0.1:${port}`);
    const provider = yahoo({
      retries: 2,
      fetch: (input, init) => {
        attempts++;
        return toClosedPort(input, init);
      },
    });
    const error = await rejection(provider.getBars({ symbol: 'SPY', period: '1y' }), 'UPSTREAM_FAILED');
    expect(attempts).toBe(3);
    expect(error.message).toContain('Yahoo Finance could not be reached: fetch failed');
  });

  it("does not retry another 4xx, and names the status and Yahoo's reason", async () => {
    server.failNext({
      status: 401,
      body: { finance: { result: null, error: { code: 'Unauthorized', description: 'Invalid Crumb' } } },
    });
    const error = await rejection(yahoo().getBars({ symbol: 'SPY', period: '1mo' }), 'UPSTREAM_FAILED');
    expect(error.message).toBe('Yahoo Finance answered HTTP 401 to the request for SPY: Invalid Crumb');
    expect(server.requests).toHaveLength(1);
  });

  it('prints nothing, not even for an answer in a shape yahoo-finance2 rejects', async () => {
    const printed = (['log', 'info', 'warn', 'error', 'debug', 'dir'] as const).map((method) =>
      jest.spyOn(console, method),
    );
    try {
      server.serve('BROKEN', '1d', {
        chart: { result: [{ meta: {}, indicators: { quote: [{}] } }], error: null },
      });
      const provider = yahoo({ retries: 0 }); // a new client: its construction warns about Node < 22
      await provider.getBars({ symbol: 'SPY', period: '5d' });
      const broken = await rejection(provider.getBars({ symbol: 'BROKEN', period: '5d' }), 'UPSTREAM_FAILED');
      expect(broken.message).toBe('Yahoo Finance request for BROKEN failed: Failed Yahoo Schema validation');
      server.failNext({ status: 403, body: '<html>Forbidden</html>' });
      const refused = await rejection(provider.getBars({ symbol: 'SPY', period: '5d' }), 'UPSTREAM_FAILED');
      expect(refused.message).toBe(
        'Yahoo Finance answered HTTP 403 to the request for SPY: an answer that is not JSON: <html>Forbidden</html>',
      );
      for (const spy of printed) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of printed) spy.mockRestore();
    }
  });

  it('validates the request before asking Yahoo anything', async () => {
    const error = await rejection(yahoo().getBars({ symbol: 'SPY', period: '3x' }), 'INVALID_ARGUMENT');
    expect(error.details?.violations?.map((violation) => violation.field)).toEqual(['period']);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects unusable options, naming each', () => {
    let thrown: unknown;
    try {
      new YahooProvider({ timeoutMs: 0, retries: 1.5, backoffMs: -1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AetherError);
    expect((thrown as AetherError).details?.violations?.map((violation) => violation.field)).toEqual([
      'timeoutMs',
      'retries',
      'backoffMs',
    ]);
  });
});

describeWithMarketData('YahooProvider on the real SPY bars of 2019 (golden)', (market) => {
  let rows: GoldenRow[];
  let golden: FakeYahooServer;
  let series: BarSeries;

  beforeAll(async () => {
    rows = readGoldenRows(market.file('SPY'));
    // Built at test time from the file (never committed), stamped like Yahoo at 09:30 New York time.
    golden = await startFakeYahooServer();
    golden.serve(
      'SPY',
      '1d',
      buildYahooChart({
        symbol: 'SPY',
        interval: '1d',
        gmtoffset: -18_000,
        timezone: 'EST',
        exchangeTimezoneName: 'America/New_York',
        rows: rows.map((row) => ({
          time: newYorkOpenSeconds(row.date),
          open: row.open,
          high: row.high,
          low: row.low,
          close: row.close,
          adjclose: row.adjClose,
          volume: row.volume,
        })),
      }),
    );
    const provider = new YahooProvider({
      now: () => Date.parse('2020-01-02T21:00:00Z'),
      fetch: golden.fetch,
    });
    series = await provider.getBars({ symbol: 'SPY', start: '2019-01-01', end: '2019-12-31' });
  });
  afterAll(() => golden.close());

  it('serves every trading day of 2019, dated as the file dates them', () => {
    expect(rows).toHaveLength(252);
    expect(dates(series)).toEqual(rows.map((row) => row.date));
  });

  it("serves the file's adjusted closes exactly, and O/H/L scaled by adj_close / close", () => {
    const relative = (actual: number, expected: number) => Math.abs(actual / expected - 1);
    rows.forEach((row, i) => {
      const factor = row.adjClose / row.close;
      expect(series.close[i]).toBe(row.adjClose);
      expect(relative(series.open[i] as number, row.open * factor)).toBeLessThan(1e-12);
      expect(relative(series.high[i] as number, row.high * factor)).toBeLessThan(1e-12);
      expect(relative(series.low[i] as number, row.low * factor)).toBeLessThan(1e-12);
      expect(series.volume[i]).toBe(row.volume);
    });
  });
});

interface GoldenRow {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  adjClose: number;
  volume: number;
}

/** The 2019 rows of a market data file: `date,open,high,low,close,adj_close,volume`. */
function readGoldenRows(path: string): GoldenRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('2019-'))
    .map((line) => {
      const [date, open, high, low, close, adjClose, volume] = line.split(',');
      return {
        date: date as string,
        open: Number(open),
        high: Number(high),
        low: Number(low),
        close: Number(close),
        adjClose: Number(adjClose),
        volume: Number(volume),
      };
    });
}
