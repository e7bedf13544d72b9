import { type StrategiesReport } from '@aetherquant/core';
import { defineWorkflow } from '../workflow/workflow';
import { strategyRegistryOf, universeRegistryOf } from './strategy-registry-of';

/**
 * The strategies a run may name (the built-ins and the context's strategy modules), the baseline first:
 * single-asset ones, and universe ones for runs over several symbols.
 */
export const strategiesWorkflow = defineWorkflow('strategies', {
  // The registries' descriptions are already JSON (single-word keys, numbers and strings), so they pass as is.
  run: async (_request, context): Promise<StrategiesReport> => ({
    strategies: (await strategyRegistryOf(context)).describe(),
    universe_strategies: (await universeRegistryOf(context)).describe(),
  }),
});
