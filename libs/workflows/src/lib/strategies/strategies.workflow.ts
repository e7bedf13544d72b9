import { type StrategiesReport } from '@aetherquant/core';
import { defineWorkflow } from '../workflow/workflow';
import { strategyRegistryOf } from './strategy-registry-of';

/** The strategies a run may name (the built-ins and the context's strategy modules), the baseline first. */
export const strategiesWorkflow = defineWorkflow('strategies', {
  // The registry's descriptions are already JSON (single-word keys, numbers and strings), so they pass as is.
  run: async (_request, context): Promise<StrategiesReport> => ({
    strategies: (await strategyRegistryOf(context)).describe(),
  }),
});
