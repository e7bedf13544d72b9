import { SERVER_REQUEST_LIMITS } from '@aetherquant/core';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import request from 'supertest';
import { startTestApi, type TestApi, TRADER_KEY } from './support/test-api';

/**
 * Size limits are refused BEFORE the work, from what the request implies: proven without timing, by a
 * stand-in for Yahoo (AETHERQ_YAHOO_URL) that counts the requests it gets. An over-limit request answers
 * 400 naming the field and the rule, and Yahoo is never asked; a request within the limits does reach it
 * (so the count can fail). Synthetic data is counted exactly from its calendar: that the generator never
 * runs for such a request is proven in libs/data (`bar-count.spec.ts`) and libs/workflows
 * (`request-limits.workflows.spec.ts`, through the cache's counters).
 */
describe('request limits are checked before any work', () => {
  let yahoo: Server;
  let yahooRequests: string[];
  let api: TestApi;

  beforeAll(async () => {
    yahooRequests = [];
    // Every symbol is unknown to this Yahoo: what matters is whether it is asked at all.
    yahoo = createServer((incoming, response) => {
      yahooRequests.push(incoming.url ?? '');
      response.writeHead(404, { 'Content-Type': 'application/json' });
      response.end(
        JSON.stringify({
          chart: {
            result: null,
            error: { code: 'Not Found', description: 'No data found, symbol may be delisted' },
          },
        }),
      );
    });
    await new Promise<void>((resolve) => yahoo.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(yahoo.address() as AddressInfo).port}`;
    api = await startTestApi({ env: { AETHERQ_DATA_PROVIDER: 'yahoo', AETHERQ_YAHOO_URL: origin } });
  });
  afterAll(async () => {
    await api?.close();
    await new Promise((resolve) => yahoo.close(resolve));
  });
  beforeEach(() => (yahooRequests = []));

  const get = (path: string) => request(api.url).get(path).set('X-API-Key', TRADER_KEY);
  const post = (path: string) => request(api.url).post(path).set('X-API-Key', TRADER_KEY);

  function expectLimitError(body: unknown, field: string, rule: RegExp) {
    expect(body).toMatchObject({
      error: { code: 'INVALID_ARGUMENT', details: [{ field, rule: expect.any(String) }] },
    });
    const [violation] = (body as { error: { details: Array<{ rule: string }> } }).error.details;
    expect(violation?.rule).toMatch(rule);
  }

  it('refuses a Yahoo span that could exceed the bar limit without asking Yahoo', async () => {
    // 1990 to now at 1m, around the clock: tens of millions of bars.
    const response = await get('/api/bars?symbol=BTC-USD&start=1990-01-01&interval=1m').expect(400);
    expectLimitError(
      response.body,
      'start',
      new RegExp(
        `^selects up to \\d+ bars, more than the ${SERVER_REQUEST_LIMITS.maxBars} this server loads per request`,
      ),
    );
    expect(yahooRequests).toEqual([]);
  });

  it('asks Yahoo for a span within the limit (period max of 1m bars reaches back 8 days)', async () => {
    const response = await get('/api/bars?symbol=BTC-USD&period=max&interval=1m');
    expect(response.status).not.toBe(400);
    expect(response.body.error?.code).toBe('DATA_UNAVAILABLE');
    expect(yahooRequests).toHaveLength(1);
  });

  it('refuses period max of synthetic 1m bars from their exact count', async () => {
    const response = await get('/api/bars?symbol=AAA&period=max&interval=1m&provider=synthetic').expect(400);
    expectLimitError(
      response.body,
      'period',
      /^selects \d+ bars, more than the 100000 this server loads per request/,
    );
    // 8,980 sessions of 390 minutes to mid-2024 alone.
    const selected = Number(/selects (\d+)/.exec(response.body.error.details[0].rule)?.[1]);
    expect(selected).toBeGreaterThan(8_980 * 390);
  });

  it('refuses symbols × bars over the portfolio limit, naming symbols, without asking Yahoo', async () => {
    // 7 months of 5m bars around the clock is at least 212 × 288 = 61,056 bars a symbol (within the bar
    // limit), and 50 symbols of them exceed the portfolio limit.
    const symbols = Array.from({ length: 50 }, (_, i) => `S${String(i).padStart(2, '0')}`);
    const response = await post('/api/backtest').send({ symbols, period: '7mo', interval: '5m' }).expect(400);
    expectLimitError(
      response.body,
      'symbols',
      new RegExp(
        `^50 symbols select up to \\d+ bars together, more than the ${SERVER_REQUEST_LIMITS.maxPortfolioBars}`,
      ),
    );
    expect(yahooRequests).toEqual([]);
  });

  it('refuses a sweep grid over the limit before loading any bar', async () => {
    // 200 × 101 = 20,200 combinations.
    const response = await post('/api/sweep')
      .send({ symbol: 'SPY', grid: { fast: '1:200:1', slow: '100:200:1' } })
      .expect(400);
    expectLimitError(
      response.body,
      'grid',
      new RegExp(`^has 20200 combinations, more than the ${SERVER_REQUEST_LIMITS.maxSweepCombinations}`),
    );
    expect(yahooRequests).toEqual([]);
  });
});
