import request from 'supertest';
import { DEFAULT_STRATEGY } from '@aetherquant/core';
import { ADMIN_KEY, startedApi, testDatabases, TRADER_KEY } from './support/test-api';

const SPY_2Y = { symbol: 'SPY', period: '2y', provider: 'synthetic' };

describe.each(testDatabases())('every endpoint, happy path ($name)', (database) => {
  const api = startedApi(database);

  const asTrader = (method: 'get' | 'post', path: string) =>
    request(api().url)[method](path).set('X-API-Key', TRADER_KEY);
  const asAdmin = (method: 'get' | 'post', path: string) =>
    request(api().url)[method](path).set('Authorization', `Bearer ${ADMIN_KEY}`);

  it('GET /healthz answers ok with the version, without a key', async () => {
    const response = await request(api().url).get('/healthz').expect(200);
    expect(response.body).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('GET /readyz answers ready when the database answers', async () => {
    const response = await request(api().url).get('/readyz').expect(200);
    expect(response.body).toEqual({ status: 'ready' });
  });

  it('GET /api/keycheck names the role of the key', async () => {
    expect((await asTrader('get', '/api/keycheck').expect(200)).body).toEqual({
      status: 'ok',
      role: 'trader',
    });
    expect((await asAdmin('get', '/api/keycheck').expect(200)).body).toEqual({ status: 'ok', role: 'admin' });
  });

  it('GET /api/strategies lists the strategies with their parameters, the default first', async () => {
    const { body } = await asTrader('get', '/api/strategies').expect(200);
    const names = (body.strategies as { name: string }[]).map((strategy) => strategy.name);
    expect(names[0]).toBe(DEFAULT_STRATEGY);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(1);
    expect(JSON.stringify(body)).toContain('fast');
  });

  it('GET /api/bars returns the bars as columns with the fetch summary', async () => {
    const { body } = await asTrader(
      'get',
      '/api/bars?symbol=spy&period=1mo&interval=1d&provider=synthetic',
    ).expect(200);
    expect(body).toMatchObject({ symbol: 'SPY', provider: 'synthetic', interval: '1d' });
    expect(body.rows).toBeGreaterThan(15);
    for (const column of ['time', 'open', 'high', 'low', 'close', 'volume'])
      expect(body[column]).toHaveLength(body.rows);
    expect(body.time[0]).toBe(body.first);
    expect(body.time[body.rows - 1]).toBe(body.last);
  });

  it('POST /api/backtest returns the figures, the run id and a chart of at most 2,000 points', async () => {
    const { body } = await asTrader('post', '/api/backtest').send(SPY_2Y).expect(200);
    expect(body).toMatchObject({ symbol: 'SPY', provider: 'synthetic', strategy: DEFAULT_STRATEGY });
    expect(body.run_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof body.sharpe).toBe('number');
    const { chart } = body;
    expect(Object.keys(chart).sort()).toEqual(['benchmark', 'drawdown', 'equity', 'time']);
    expect(chart.time.length).toBeLessThanOrEqual(2000);
    expect(chart.time).toHaveLength(body.rows); // 2y of daily bars fit whole
    for (const series of [chart.equity, chart.benchmark, chart.drawdown])
      expect(series).toHaveLength(chart.time.length);
    expect(chart.equity.at(-1)).toBe(body.final_equity);
    expect(chart.benchmark.at(-1)).toBe(body.benchmark_final_equity);
    expect(Math.min(...chart.drawdown)).toBe(body.max_drawdown);
    expect(body.trade_list).toHaveLength(Math.min(body.trades, 500));
    expect(body.trade_list[0]).toMatchObject({
      side: expect.stringMatching(/^(long|short)$/),
      entry: expect.any(String),
    });
  });

  it('POST /api/backtest downsamples a long series to 2,000 points, keeping the worst drawdown', async () => {
    const { body } = await asTrader('post', '/api/backtest')
      .send({ symbol: 'QQQ', provider: 'synthetic', period: '10y', interval: '1h' })
      .expect(200);
    expect(body.rows).toBeGreaterThan(2000);
    expect(body.chart.time.length).toBeLessThanOrEqual(2000);
    expect(Math.min(...body.chart.drawdown)).toBe(body.max_drawdown);
    expect(body.chart.time[0]).toBe(body.first);
    expect(body.chart.time.at(-1)).toBe(body.last);
  });

  it('POST /api/backtest with symbols runs the portfolio backtest', async () => {
    const { body } = await asTrader('post', '/api/backtest')
      .send({
        symbols: ['SPY', 'TLT', 'GLD'],
        period: '5y',
        provider: 'synthetic',
        allocation: 'risk-parity',
      })
      .expect(200);
    expect(body.symbols).toEqual(['SPY', 'TLT', 'GLD']);
    expect(body.allocation).toBe('risk-parity');
    expect(body.chart.equity.at(-1)).toBe(body.final_equity);
    expect(body.run_id).toBeDefined();
  });

  it('POST /api/papertrade trades on the paper broker and returns orders and a chart', async () => {
    const { body } = await asTrader('post', '/api/papertrade')
      .send({ ...SPY_2Y, params: { fast: 5, slow: 20 } })
      .expect(200);
    expect(body).toMatchObject({ symbol: 'SPY', broker: 'paper', strategy: DEFAULT_STRATEGY });
    expect(body.orders.length).toBeGreaterThan(0);
    expect(body.chart.equity.at(-1)).toBe(body.final_equity);
    expect(body.chart.equity[0]).toBeCloseTo(body.start_equity, 0);
  });

  it('POST /api/optimize returns weights that sum to 1', async () => {
    const { body } = await asTrader('post', '/api/optimize')
      .send({
        symbols: ['SPY', 'TLT', 'GLD', 'QQQ'],
        period: '3y',
        provider: 'synthetic',
        method: 'min-variance',
      })
      .expect(200);
    const weights = Object.values(body.weights as Record<string, number>);
    expect(weights).toHaveLength(4);
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 6);
  });

  it('POST /api/sweep ranks the grid', async () => {
    const { body } = await asTrader('post', '/api/sweep')
      .send({ ...SPY_2Y, grid: { fast: '5:20:5', slow: [30, 50] }, top: 3 })
      .expect(200);
    expect(body.combinations).toBe(8);
    expect(body.results).toHaveLength(3);
  });

  it('GET /api/runs lists the recorded runs, filtered and limited', async () => {
    const all = (await asAdmin('get', '/api/runs?limit=50').expect(200)).body.runs as {
      type: string;
      id: string;
    }[];
    expect(all.map((run) => run.type)).toEqual(
      expect.arrayContaining(['backtest', 'papertrade', 'optimize', 'sweep']),
    );
    const backtests = (await asAdmin('get', '/api/runs?type=backtest&symbol=QQQ&limit=5').expect(200)).body
      .runs;
    expect(backtests).toHaveLength(1);
    expect(backtests[0].type).toBe('backtest');
  });

  it('GET /api/runs/:id returns a run with its metrics and orders', async () => {
    const papertrades = (await asAdmin('get', '/api/runs?type=papertrade').expect(200)).body.runs;
    const { body } = await asAdmin('get', `/api/runs/${papertrades[0].id}`).expect(200);
    expect(body.id).toBe(papertrades[0].id);
    expect(Object.keys(body.metrics)).toEqual(expect.arrayContaining(['final_equity']));
    expect(body.orders.length).toBeGreaterThan(0);
    expect(JSON.stringify(body.result)).not.toContain('"chart"');
  });

  it('GET /api/runs/:id of an unknown run is 404', async () => {
    const { body } = await asAdmin('get', '/api/runs/0190b7c2-0000-7000-8000-000000000000').expect(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });

  it('GET /api/audit lists the requests made, newest first', async () => {
    await api().server.runtime.audit?.flush();
    const { body } = await asAdmin('get', '/api/audit?limit=100').expect(200);
    const paths = (body.events as { path: string }[]).map((event) => event.path);
    expect(paths).toEqual(expect.arrayContaining(['/api/backtest', '/api/sweep', '/api/keycheck']));
    expect(paths).not.toContain('/healthz');
  });

  it('GET /api/openapi.json describes every endpoint from the request schemas', async () => {
    const { body } = await request(api().url).get('/api/openapi.json').expect(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/healthz',
        '/readyz',
        '/api/keycheck',
        '/api/strategies',
        '/api/bars',
        '/api/backtest',
        '/api/papertrade',
        '/api/optimize',
        '/api/sweep',
        '/api/runs',
        '/api/runs/{id}',
        '/api/audit',
      ]),
    );
    const backtest = body.paths['/api/backtest'].post.requestBody.content['application/json'].schema;
    expect(backtest.oneOf).toHaveLength(2);
    expect(backtest.oneOf[0].properties.symbol).toBeDefined();
    expect(backtest.oneOf[0].properties.data_dir).toBeUndefined();
  });

  it('GET /api/docs serves a page that loads its script and styles from the API itself', async () => {
    const page = await request(api().url)
      .get('/api/docs')
      .expect(200)
      .expect('Content-Type', /text\/html/);
    expect(page.text).toContain('docs/swagger-ui-bundle.js');
    await request(api().url)
      .get('/api/docs/swagger-ui-bundle.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
    await request(api().url).get('/api/docs/start.js').expect(200);
    await request(api().url).get('/api/docs/package.json').expect(404);
  });
});
