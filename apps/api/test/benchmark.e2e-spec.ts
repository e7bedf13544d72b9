import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startedApi, testDatabases, TRADER_KEY } from './support/test-api';

/** Tiny csv files, one price a day, Monday 2024-01-01 to Friday 2024-01-05 (BENCH has no Wednesday row). */
function marketFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aetherquant-api-benchmark-'));
  const files: Record<string, Array<[string, number]>> = {
    TRADE: [
      ['2024-01-01', 3.14159],
      ['2024-01-02', 3.3],
      ['2024-01-03', 3.5],
      ['2024-01-04', 3.4],
      ['2024-01-05', 3.6],
    ],
    OTHER: [
      ['2024-01-01', 20],
      ['2024-01-02', 21],
      ['2024-01-03', 22],
      ['2024-01-04', 21],
      ['2024-01-05', 23],
    ],
    BENCH: [
      ['2024-01-01', 100],
      ['2024-01-02', 105],
      ['2024-01-04', 98],
      ['2024-01-05', 110],
    ],
  };
  for (const [symbol, rows] of Object.entries(files)) {
    const lines = rows.map(([date, close]) => `${date},${close},${close},${close},${close},${close},1000`);
    writeFileSync(
      join(dir, `${symbol}.csv`),
      `date,open,high,low,close,adj_close,volume\n${lines.join('\n')}\n`,
    );
  }
  return dir;
}

const WINDOW = {
  provider: 'csv',
  start: '2024-01-01',
  end: '2024-01-05',
  commission_bps: 0,
  slippage_bps: 0,
  initial_cash: 1000,
};

describe.each(testDatabases())('benchmark and trades over HTTP ($name)', (database) => {
  const api = startedApi(database, { env: { AETHERQ_DATA_DIR: marketFolder() } });
  const post = (body: object) =>
    request(api().url).post('/api/backtest').set('X-API-Key', TRADER_KEY).send(body);

  it('POST /api/backtest with benchmark measures buy-and-hold of it, and lists trades with exact prices, size and P&L', async () => {
    const { body } = await post({
      ...WINDOW,
      symbol: 'TRADE',
      strategy: 'buy-and-hold',
      benchmark: 'bench',
    }).expect(200);
    // BENCH aligned to TRADE's days, Wednesday's close carried: 100, 105, 105, 98, 110 → 1000 … 1100.
    expect(body).toMatchObject({ symbol: 'TRADE', benchmark: 'BENCH', benchmark_final_equity: 1100 });
    expect(body.chart.benchmark).toEqual([1000, 1050, 1050, 980, 1100]);
    expect(body.warnings).toEqual([
      "benchmark BENCH has no bar at 1 of TRADE's 5 bars (the first 2024-01-03): its last close is carried forward there",
    ]);
    // All in at 3.14159 (not 3.14): 1000 / 3.14159 units, worth 1000 · 3.6 / 3.14159 at the last close.
    expect(body.trade_list).toEqual([
      {
        side: 'long',
        entry: '2024-01-01',
        exit: '2024-01-05',
        entry_price: 3.14159,
        exit_price: 3.6,
        size: expect.closeTo(1000 / 3.14159, 9),
        return: Number((3.6 / 3.14159 - 1).toFixed(6)),
        pnl: Number(((1000 * 3.6) / 3.14159 - 1000).toFixed(2)),
        bars_held: 4,
        open: true,
      },
    ]);
    // The default names the traded symbol; naming it gives the same figures.
    const own = (await post({ ...WINDOW, symbol: 'TRADE', strategy: 'buy-and-hold' }).expect(200)).body;
    const named = (
      await post({ ...WINDOW, symbol: 'TRADE', strategy: 'buy-and-hold', benchmark: 'TRADE' }).expect(200)
    ).body;
    expect(own.benchmark).toBe('TRADE');
    expect({ ...named, run_id: undefined }).toEqual({ ...own, run_id: undefined });
  });

  it('POST /api/backtest with symbols says equal-weight by default, or the symbol it was given', async () => {
    const portfolio = {
      ...WINDOW,
      symbols: ['TRADE', 'OTHER'],
      strategy: 'buy-and-hold',
      allocation: 'equal-weight',
    };
    const own = (await post(portfolio).expect(200)).body;
    const chosen = (await post({ ...portfolio, benchmark: 'BENCH' }).expect(200)).body;
    expect(own.benchmark).toBe('equal-weight');
    expect(chosen.benchmark).toBe('BENCH');
    expect(chosen.chart.benchmark).toEqual([1000, 1050, 1050, 980, 1100]);
    expect(chosen.final_equity).toBe(own.final_equity);
  });

  it('400 naming benchmark for one that is not a ticker', async () => {
    const response = await post({ ...WINDOW, symbol: 'TRADE', benchmark: 'SPY$' }).expect(400);
    expect(response.body.error.code).toBe('INVALID_ARGUMENT');
    expect(response.body.error.details).toEqual([
      {
        field: 'benchmark',
        rule: 'must be a ticker of 1 to 15 letters, digits or . - ^ =, starting with a letter or digit (e.g. SPY, BRK.B); equal-weight is for several symbols (got "SPY$")',
      },
    ]);
    const portfolio = await post({ ...WINDOW, symbols: ['TRADE', 'OTHER'], benchmark: '../x' }).expect(400);
    expect(portfolio.body.error.details).toEqual([
      { field: 'benchmark', rule: expect.stringMatching(/^must be equal-weight or a ticker/) },
    ]);
  });

  it('documents benchmark in the OpenAPI request and response schemas', async () => {
    const { body } = await request(api().url).get('/api/openapi.json').expect(200);
    const backtest = body.paths['/api/backtest'].post;
    const [single, portfolio] = backtest.requestBody.content['application/json'].schema.oneOf;
    expect(single.properties.benchmark.type).toBe('string');
    expect(portfolio.properties.benchmark.description).toContain('equal-weight');
    expect(JSON.stringify(backtest.responses['200'])).toContain('"pnl"');
  });
});
