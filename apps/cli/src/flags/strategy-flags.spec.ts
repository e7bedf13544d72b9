import { resolve } from 'node:path';
import { DEFAULT_STRATEGY, parseSettings } from '@aetherquant/core';
import { runUseCase } from '@aetherquant/workflows';
import { BUILT_IN_STRATEGIES } from '@aetherquant/workflows/strategies';
import { gridSearchFlags, strategyFlags, strategyFlagSummary } from './strategy-flags';

/** The strategies' test strategy module (`test-constant`), as an app is given a strategy file. */
const TEST_STRATEGY_MODULE = resolve(
  __dirname,
  '../../../../libs/strategies/src/testing/test-constant.strategy.js',
);

describe('the --strategy help', () => {
  it('lists every built-in strategy in the registry’s order, and the default requests fall back to', () => {
    const names = BUILT_IN_STRATEGIES.names();
    expect(strategyFlags.strategy.summary).toBe(
      `Strategy: ${names.join(', ')} [default: ${DEFAULT_STRATEGY}].`,
    );
    expect(gridSearchFlags.strategy.summary).toBe(
      `Strategy whose parameters to search: ${names.join(', ')} [default: ${DEFAULT_STRATEGY}].`,
    );
  });

  it('lists a strategy added to the registry, as the strategies use case reports it', async () => {
    const settings = parseSettings({ AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none' }).settings;
    const { strategies } = await runUseCase(
      'strategies',
      {},
      { context: { settings, strategyModules: [TEST_STRATEGY_MODULE] } },
    );
    expect(strategyFlagSummary(strategies)).toBe(
      `Strategy: ${[...BUILT_IN_STRATEGIES.names(), 'test-constant'].join(', ')} [default: ${DEFAULT_STRATEGY}].`,
    );
  });
});
