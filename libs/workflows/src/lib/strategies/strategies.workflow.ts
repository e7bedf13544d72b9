import { emptyRequestSchema } from '@aetherquant/core';
import { describeStrategies, type StrategyDescription } from '@aetherquant/strategies';
import { defineWorkflow } from '../workflow/workflow';

/** Every built-in strategy with its parameters' descriptions, bounds and defaults, as plain JSON. */
export interface StrategiesReport {
  strategies: StrategyDescription[];
}

/** The strategies a run may name, in the order help texts show them (the baseline first). */
export const strategiesWorkflow = defineWorkflow({
  name: 'strategies',
  permission: 'strategies',
  request: emptyRequestSchema,
  // The registry's descriptions are already JSON (single-word keys, numbers and strings), so they pass as is.
  run: async (): Promise<StrategiesReport> => ({ strategies: describeStrategies() }),
});
