import { resolve } from 'node:path';
import { DEFAULT_STRATEGY, parseSettings } from '@aetherquant/core';
import { BUILT_IN_STRATEGIES } from '@aetherquant/strategies';
import { runUseCase } from '../use-cases/workflow-registry';
import { runWorkflow } from '../workflow/workflow';
import { strategiesWorkflow } from './strategies.workflow';
import { strategyRegistryOf } from './strategy-registry-of';

const settings = parseSettings({ AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none' }).settings;
/** The strategies' test strategy module (`test-constant`), plain JavaScript as a strategy file is. */
const TEST_STRATEGY_MODULE = resolve(
  __dirname,
  '../../../../strategies/src/testing/test-constant.strategy.js',
);
// Monday 2024-06-03, noon UTC: synthetic history ends on Friday 2024-05-31.
const now = () => Date.UTC(2024, 5, 3, 12);

describe('strategiesWorkflow', () => {
  it('needs the strategies permission', () => {
    expect(strategiesWorkflow.useCase.permission).toBe('strategies');
  });

  it('lists every built-in strategy as the registry describes it, the default first', async () => {
    const { strategies } = await runWorkflow(strategiesWorkflow, {}, { context: { settings } });
    expect(strategies).toEqual(BUILT_IN_STRATEGIES.describe());
    expect(strategies[0]?.name).toBe(DEFAULT_STRATEGY);
    // Plain JSON: what the API sends is what it returns.
    expect(JSON.parse(JSON.stringify(strategies))).toEqual(strategies);
  });

  it('takes no input', async () => {
    await expect(
      runWorkflow(strategiesWorkflow, { verbose: true }, { context: { settings } }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('verbose') });
  });
});

describe('strategy modules in the context', () => {
  const context = { settings, now, strategyModules: [TEST_STRATEGY_MODULE] };

  it('add their strategies after the built-ins, to the list and to the runs', async () => {
    const { strategies } = await runWorkflow(strategiesWorkflow, {}, { context });
    expect(strategies.map((strategy) => strategy.name)).toEqual([
      ...BUILT_IN_STRATEGIES.names(),
      'test-constant',
    ]);
    const report = await runUseCase(
      'backtest',
      { symbol: 'SPY', period: '1y', provider: 'synthetic', strategy: 'test-constant', params: { delay: 0 } },
      { context },
    );
    expect(report).toMatchObject({ strategy: 'test-constant', params: { level: 0.5, delay: 0 } });
    expect(report.metrics.exposure).toBe(0.5);
  });

  it('are loaded once per thread, and a run without them knows only the built-ins', async () => {
    expect(await strategyRegistryOf(context)).toBe(await strategyRegistryOf({ ...context }));
    expect(await strategyRegistryOf({})).toBe(BUILT_IN_STRATEGIES);
    await expect(
      runUseCase(
        'backtest',
        { symbol: 'SPY', provider: 'synthetic', strategy: 'test-constant' },
        {
          context: { settings, now },
        },
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining('strategy must be one of') });
  });

  it('are refused, by name, when they are not absolute paths or do not load', async () => {
    await expect(strategyRegistryOf({ strategyModules: ['mine.js'] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'strategy_modules must be absolute paths (got "mine.js")',
    });
    const missing = resolve(__dirname, 'no-such-strategy.js');
    await expect(strategyRegistryOf({ strategyModules: [missing] })).rejects.toMatchObject({
      message: `strategy_modules must name a file that exists (got ${missing})`,
    });
  });
});
