import request from 'supertest';
import { ADMIN_KEY, auditRowsOf, startedApi, testDatabases, TRADER_KEY } from './support/test-api';

describe.each(testDatabases())('bad input: 400s that name the field and the rule ($name)', (database) => {
  const api = startedApi(database);

  const post = (path: string) => request(api().url).post(path).set('X-API-Key', TRADER_KEY);

  /** Every failure has the same shape, and none carries a stack trace. */
  function expectErrorBody(body: unknown, code: string) {
    expect(body).toEqual({
      error: { code, message: expect.any(String), details: expect.any(Array) },
      requestId: expect.any(String),
    });
    expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(?:js|ts):\d+/);
  }

  it.each([
    [
      'a wrong type',
      { symbol: 'SPY', initial_cash: 'lots' },
      [{ field: 'initial_cash', rule: 'must be a number (got "lots")' }],
    ],
    ['an unknown field', { symbol: 'SPY', fats: 5 }, [{ field: 'fats', rule: 'is not a known field' }]],
    [
      'a server path field',
      { symbol: 'SPY', data_dir: '/etc' },
      [{ field: 'data_dir', rule: 'is not a known field' }],
    ],
    [
      'a value out of range',
      { symbol: 'SPY', commission_bps: -1 },
      [{ field: 'commission_bps', rule: 'must be at least 0 (got -1)' }],
    ],
    [
      'an unknown enum value',
      { symbol: 'SPY', provider: 'bloomberg' },
      [{ field: 'provider', rule: 'must be one of "yahoo", "csv", "synthetic" (got "bloomberg")' }],
    ],
    [
      'a bad symbol',
      { symbol: 'S P Y', period: '1y' },
      [{ field: 'symbol', rule: expect.stringContaining('must be') }],
    ],
    ['a bad period', { symbol: 'SPY', period: 'forever' }, [{ field: 'period', rule: expect.any(String) }]],
    [
      'an unknown strategy parameter',
      { symbol: 'SPY', params: { nope: 1 } },
      [{ field: 'params.nope', rule: expect.any(String) }],
    ],
  ])('POST /api/backtest with %s', async (_case, body, details) => {
    const response = await post('/api/backtest').send(body).expect(400);
    expectErrorBody(response.body, 'INVALID_ARGUMENT');
    expect(response.body.error.details).toEqual(details);
  });

  it('reports every violation at once', async () => {
    const response = await post('/api/backtest')
      .send({ symbol: 'SPY', slippage_bps: 2000, long_only: 'yes', extra: 1 })
      .expect(400);
    expect(response.body.error.details).toHaveLength(3);
    expect(response.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'extra',
      'long_only',
      'slippage_bps',
    ]);
  });

  it('400 for a body that is not JSON, or not an object, or not sent as JSON', async () => {
    const malformed = await post('/api/backtest')
      .set('Content-Type', 'application/json')
      .send('{"symbol": "SPY",')
      .expect(400);
    expect(malformed.body.error.details).toEqual([{ field: 'body', rule: 'must be valid JSON' }]);
    const array = await post('/api/backtest')
      .send([{ symbol: 'SPY' }])
      .expect(400);
    expect(array.body.error.details).toEqual([{ field: 'body', rule: 'must be a JSON object' }]);
    const form = await post('/api/backtest').type('form').send('symbol=SPY').expect(400);
    expect(form.body.error.details).toEqual([{ field: 'Content-Type', rule: 'must be application/json' }]);
  });

  it('413 for a body over 100 KB, in the same shape', async () => {
    const response = await post('/api/backtest')
      .send({ symbol: 'SPY', note: 'x'.repeat(110 * 1024) })
      .expect(413);
    expectErrorBody(response.body, 'INVALID_ARGUMENT');
    expect(response.body.error.details[0]).toMatchObject({
      field: 'body',
      rule: expect.stringMatching(/^must be at most 100 KB/),
    });
  });

  it('400 for more than 50 symbols', async () => {
    const symbols = Array.from({ length: 51 }, (_, n) => `S${n}`);
    const response = await post('/api/optimize').send({ symbols, period: '1y' }).expect(400);
    expect(response.body.error.details).toEqual([
      { field: 'symbols', rule: expect.stringContaining('at most 50') },
    ]);
  });

  it('400 for a sweep of more than 20,000 combinations, before any backtest runs', async () => {
    const response = await post('/api/sweep')
      .send({ symbol: 'SPY', period: '1y', grid: { fast: '1:201:1', slow: '2:202:1' } })
      .expect(400);
    expect(response.body.error.details).toEqual([
      { field: 'grid', rule: expect.stringMatching(/^has 40401 combinations, more than the 20000 /) },
    ]);
  });

  it('400 for a request that would load more than 100,000 bars', async () => {
    const response = await post('/api/backtest')
      .send({ symbol: 'SPY', period: '10y', interval: '1m' })
      .expect(400);
    expect(response.body.error.details[0]).toMatchObject({
      field: 'period',
      rule: expect.stringContaining('100000'),
    });
  });

  it('400 for query parameters of the wrong type or given twice', async () => {
    const admin = (path: string) => request(api().url).get(path).set('X-API-Key', ADMIN_KEY);
    const text = await admin('/api/runs?limit=many').expect(400);
    expect(text.body.error.details).toEqual([{ field: 'limit', rule: 'must be a number (got "many")' }]);
    const twice = await admin('/api/runs?limit=1&limit=2').expect(400);
    expect(twice.body.error.details).toEqual([{ field: 'limit', rule: 'must be given once, as plain text' }]);
    const range = await admin('/api/audit?limit=0').expect(400);
    expect(range.body.error.details).toEqual([{ field: 'limit', rule: 'must be at least 1 (got 0)' }]);
    const unknown = await request(api().url)
      .get('/api/bars?symbol=SPY&output=/tmp/x')
      .set('X-API-Key', TRADER_KEY)
      .expect(400);
    expect(unknown.body.error.details).toEqual([{ field: 'output', rule: 'is not a known field' }]);
  });

  it('404 in the same shape for an unknown route, and for a method the route lacks', async () => {
    const unknown = await request(api().url).get('/api/not-a-route').expect(404);
    expectErrorBody(unknown.body, 'NOT_FOUND');
    expect(unknown.body.error.message).toBe('no route GET /api/not-a-route');
    const method = await request(api().url).delete('/api/backtest').expect(404);
    expect(method.body.error.message).toBe('no route DELETE /api/backtest');
  });

  it('audits every refused request with its status', async () => {
    const sent: [string, Promise<unknown>][] = [
      [
        'bad-type',
        post('/api/backtest').set('X-Request-ID', 'bad-type').send({ symbol: 'SPY', initial_cash: 'x' }),
      ],
      [
        'bad-json',
        post('/api/backtest')
          .set('X-Request-ID', 'bad-json')
          .set('Content-Type', 'application/json')
          .send('{'),
      ],
      [
        'too-big',
        post('/api/backtest')
          .set('X-Request-ID', 'too-big')
          .send({ note: 'x'.repeat(110 * 1024) }),
      ],
      [
        'bad-query',
        request(api().url)
          .get('/api/runs?limit=x')
          .set('X-API-Key', ADMIN_KEY)
          .set('X-Request-ID', 'bad-query'),
      ],
      ['no-route', request(api().url).get('/api/nowhere').set('X-Request-ID', 'no-route')],
    ];
    for (const [, pending] of sent) await pending;
    const rows = await auditRowsOf(
      api(),
      sent.map(([id]) => id),
    );
    expect(
      Object.fromEntries([...rows].map(([id, row]) => [id, [row.method, row.path, row.status_code]])),
    ).toEqual({
      'bad-type': ['POST', '/api/backtest', 400],
      'bad-json': ['POST', '/api/backtest', 400],
      'too-big': ['POST', '/api/backtest', 413],
      'bad-query': ['GET', '/api/runs', 400],
      'no-route': ['GET', '/api/nowhere', 404],
    });
  });
});
