import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runCliAsync, scratchDir } from './run-cli';

/**
 * `aetherquant fetch --symbols` against a local server that speaks the shape of Yahoo's chart API (as
 * libs/data's fake Yahoo server does; that one is not importable from an app's tests), reached through
 * AETHERQ_YAHOO_URL. What it serves changes between runs: more bars, then a history re-adjusted for a
 * dividend. No test reaches the internet.
 */

interface Row {
  date: string;
  close: number;
  adjclose: number;
}

/** `count` weekdays from 2023-06-01, closes rising by 0.5 a day. */
function weekdays(count: number): Row[] {
  const rows: Row[] = [];
  for (let day = Date.UTC(2023, 5, 1); rows.length < count; day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const close = 100 + rows.length * 0.5 + (rows.length % 3);
    rows.push({ date: new Date(day).toISOString().slice(0, 10), close, adjclose: close });
  }
  return rows;
}

/** Yahoo's chart answer for `rows` within `[period1, period2)` seconds, bars stamped at 09:30 New York (winter). */
function chart(symbol: string, rows: Row[], period1: number, period2: number) {
  const stamped = rows
    .map((row) => ({ ...row, time: Date.parse(`${row.date}T14:30:00Z`) / 1000 }))
    .filter((row) => row.time >= period1 && row.time < period2);
  const last = stamped[stamped.length - 1];
  const session = {
    timezone: 'EST',
    start: last?.time ?? 0,
    end: (last?.time ?? 0) + 23_400,
    gmtoffset: -18_000,
  };
  const column = (pick: (row: Row) => number) => stamped.map(pick);
  return {
    chart: {
      result: [
        {
          meta: {
            currency: 'USD',
            symbol,
            exchangeName: 'TST',
            fullExchangeName: 'Test Exchange',
            instrumentType: 'ETF',
            firstTradeDate: stamped[0]?.time ?? 0,
            regularMarketTime: session.end,
            hasPrePostMarketData: false,
            gmtoffset: -18_000,
            timezone: 'EST',
            exchangeTimezoneName: 'America/New_York',
            regularMarketPrice: last?.close ?? 0,
            priceHint: 2,
            currentTradingPeriod: { pre: session, regular: session, post: session },
            dataGranularity: '1d',
            range: '',
            validRanges: ['1d', '5d', '1mo', '3mo', '6mo', '1y', '2y', '5y', '10y', 'ytd', 'max'],
          },
          ...(stamped.length > 0 ? { timestamp: stamped.map((row) => row.time) } : {}),
          indicators: {
            quote: [
              stamped.length === 0
                ? {}
                : {
                    open: column((row) => row.close - 0.25),
                    high: column((row) => row.close + 1),
                    low: column((row) => row.close - 1),
                    close: column((row) => row.close),
                    volume: column(() => 1000),
                  },
            ],
            adjclose: [stamped.length === 0 ? {} : { adjclose: column((row) => row.adjclose) }],
          },
        },
      ],
      error: null,
    },
  };
}

describe('aetherquant fetch --symbols (built binary, local Yahoo)', () => {
  let server: Server;
  let env: Record<string, string>;
  /** What the server holds per symbol; a symbol it lacks gets Yahoo's 404 "No data found". */
  const served = new Map<string, Row[]>();

  beforeAll(async () => {
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const symbol = decodeURIComponent(/^\/v8\/finance\/chart\/([^/]+)$/.exec(url.pathname)?.[1] ?? '');
      const rows = served.get(symbol);
      response.writeHead(rows ? 200 : 404, { 'content-type': 'application/json' });
      const body = rows
        ? chart(
            symbol,
            rows,
            Number(url.searchParams.get('period1')),
            Number(url.searchParams.get('period2')),
          )
        : {
            chart: {
              result: null,
              error: { code: 'Not Found', description: 'No data found, symbol may be delisted' },
            },
          };
      response.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    env = {
      AETHERQ_YAHOO_URL: origin,
      AETHERQ_CACHE_DIR: 'none',
      AETHERQ_DATABASE_URL: 'none',
      AETHERQ_DATA_PROVIDER: 'yahoo',
    };
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const fetchFolder = (cwd: string, symbols: string) =>
    runCliAsync(['fetch', '--symbols', symbols, '--data-dir', 'market', '--start', '2023-06-01'], {
      cwd,
      env,
    });

  it('writes one file per symbol, appends only new bars, rewrites a re-adjusted history, and reads back with --provider csv', async () => {
    const cwd = scratchDir();
    served.set('AAA', weekdays(100));
    served.set('BBB', weekdays(100));

    const first = await fetchFolder(cwd, 'aaa,BBB');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const created = JSON.parse(first.stdout);
    expect(created).toMatchObject({
      provider: 'yahoo',
      interval: '1d',
      data_dir: join(cwd, 'market'),
      failed: [],
    });
    // 100 weekdays from Thursday 2023-06-01 end on Wednesday 2023-10-18.
    expect(created.symbols).toEqual(
      ['AAA', 'BBB'].map((symbol) => ({
        symbol,
        status: 'created',
        rows_added: 100,
        rows: 100,
        first: '2023-06-01',
        last: '2023-10-18',
        file: join(cwd, 'market', `${symbol}.csv`),
      })),
    );
    const before = readFileSync(join(cwd, 'market', 'AAA.csv'), 'utf8');
    expect(before.split('\n')[0]).toBe('date,open,high,low,close,volume');

    // Yahoo now has 20 more days for both; BBB's history was re-adjusted for a 2% dividend since.
    served.set('AAA', weekdays(120));
    served.set(
      'BBB',
      weekdays(120).map((row, i) => (i < 110 ? { ...row, adjclose: row.close * 0.98 } : row)),
    );
    const second = await fetchFolder(cwd, 'AAA,BBB');
    expect(second.status).toBe(0);
    const updated = JSON.parse(second.stdout);
    expect(updated.symbols[0]).toMatchObject({
      symbol: 'AAA',
      status: 'updated',
      rows_added: 20,
      rows: 120,
      first: '2023-06-01',
      last: '2023-11-15',
    });
    expect(updated.symbols[1]).toMatchObject({
      symbol: 'BBB',
      status: 'rewritten',
      rows_added: 20,
      rows: 120,
      first: '2023-06-01',
      last: '2023-11-15',
    });
    // The overlapping bar (the file's last, 2023-10-18, close 100 + 99 × 0.5 + 0 = 149.5) is now 2% lower.
    expect(updated.symbols[1].reason).toMatch(/^the bar of 2023-10-18 changed \(open 149\.25 → 146\.265/);
    // AAA's old rows were kept as they were, and only the new bars were asked for: from the file's last date on.
    const after = readFileSync(join(cwd, 'market', 'AAA.csv'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length).trimEnd().split('\n')).toHaveLength(20);
    const bbb = readFileSync(join(cwd, 'market', 'BBB.csv'), 'utf8').split('\n');
    // Its first bar re-adjusted: open 99.75, high 101, low 99, close 100, each × 0.98.
    expect(bbb[1]).toBe('2023-06-01,97.755,98.98,97.02,98,1000');

    const backtest = await runCliAsync(
      ['backtest', '--provider', 'csv', '--data-dir', 'market', '--symbol', 'AAA', '--period', 'max'],
      { cwd, env },
    );
    expect(backtest.status).toBe(0);
    expect(JSON.parse(backtest.stdout)).toMatchObject({
      symbol: 'AAA',
      provider: 'csv',
      first: '2023-06-01',
      last: '2023-11-15',
    });
  });

  it('reports a failing symbol on standard error and in the result, exits with its code and keeps the others', async () => {
    const cwd = scratchDir();
    served.set('AAA', weekdays(60));
    const run = await fetchFolder(cwd, 'AAA,NOPE');
    expect(run.status).toBe(4); // DATA_UNAVAILABLE
    const result = JSON.parse(run.stdout);
    expect(result.failed).toEqual(['NOPE']);
    expect(result.symbols[0]).toMatchObject({ symbol: 'AAA', status: 'created', rows: 60 });
    expect(result.symbols[1]).toEqual({
      symbol: 'NOPE',
      status: 'failed',
      error: { code: 'DATA_UNAVAILABLE', message: expect.stringContaining('no bars for NOPE') },
    });
    expect(run.stderr).toMatch(/^error: NOPE: no bars for NOPE .*No data found, symbol may be delisted\n$/);
    expect(
      readFileSync(join(cwd, 'market', 'AAA.csv'), 'utf8')
        .trimEnd()
        .split('\n'),
    ).toHaveLength(61);
  });

  it('refuses --output with --symbols, and --symbol without --output, naming the flags', async () => {
    const withOutput = await runCliAsync(['fetch', '--symbols', 'AAA,BBB', '--output', 'x.csv'], { env });
    expect(withOutput.status).toBe(2);
    expect(withOutput.stderr).toContain('--output is for one symbol');
    const withoutOutput = await runCliAsync(['fetch', '--symbol', 'AAA'], { env });
    expect(withoutOutput.status).toBe(2);
    expect(withoutOutput.stderr).toContain('--output is required with --symbol (or give --symbols)');
  });
});
