import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import request from 'supertest';
import { DEFAULT_STRATEGY } from '@aetherquant/core';
import { startTestApi, type TestApi, TRADER_KEY } from './support/test-api';

/**
 * The strategies' test strategy module (`test-constant`): plain JavaScript, as a user's strategy file is, so
 * that the compute threads, which run the built code, load it as they would any strategy file.
 */
const TEST_STRATEGY_MODULE = resolve(
  __dirname,
  '../../../libs/strategies/src/testing/test-constant.strategy.js',
);
/** What the module declares: the expectations below come from it, not from a copy. */
const declared = createRequire(__filename)(TEST_STRATEGY_MODULE) as {
  name: string;
  description: string;
  parameters: Record<string, unknown>[];
};
const SPY_2Y = { symbol: 'SPY', period: '2y', provider: 'synthetic' };

describe('an API started with a strategy module', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ strategyModules: [TEST_STRATEGY_MODULE] });
  });
  afterAll(() => api?.close());

  const asTrader = (method: 'get' | 'post', path: string) =>
    request(api.url)[method](path).set('X-API-Key', TRADER_KEY);

  it('lists its strategy after the built-ins, with the parameters the module declares', async () => {
    const { body } = await asTrader('get', '/api/strategies').expect(200);
    const names = (body.strategies as { name: string }[]).map((strategy) => strategy.name);
    expect(names[0]).toBe(DEFAULT_STRATEGY);
    expect(names.at(-1)).toBe(declared.name);
    expect(body.strategies.at(-1)).toEqual({
      name: declared.name,
      description: declared.description,
      parameters: declared.parameters,
    });
  });

  it('runs a backtest of it on a compute thread: fully long from bar 0, it earns what buy-and-hold earns', async () => {
    const { body: constant } = await asTrader('post', '/api/backtest')
      .send({ ...SPY_2Y, strategy: declared.name, params: { level: 1, delay: 0 } })
      .expect(200);
    const { body: buyAndHold } = await asTrader('post', '/api/backtest')
      .send({ ...SPY_2Y, strategy: 'buy-and-hold' })
      .expect(200);
    expect(constant).toMatchObject({ strategy: declared.name, params: { level: 1, delay: 0 } });
    expect(constant.final_equity).toBe(buyAndHold.final_equity);
    expect(constant.metrics.total_return).toBe(buyAndHold.metrics.total_return);
  });

  it('refuses a parameter outside the bounds the module declares', async () => {
    const { body } = await asTrader('post', '/api/backtest')
      .send({ ...SPY_2Y, strategy: declared.name, params: { level: 2 } })
      .expect(400);
    expect(body.error.details).toEqual([{ field: 'params.level', rule: 'must be at most 1 (got 2)' }]);
  });
});

describe('an API given a strategy module it cannot use', () => {
  it('does not start, naming the module', async () => {
    await expect(startTestApi({ strategyModules: ['strategies/mine.js'] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'AETHERQ_STRATEGY_PATHS must be absolute paths (got "strategies/mine.js")',
    });
    const missing = resolve(__dirname, 'no-such-strategy.js');
    await expect(startTestApi({ strategyModules: [missing] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: `AETHERQ_STRATEGY_PATHS must name a file that exists (got ${missing})`,
    });
  });
});
