import { type StrategiesReport } from '@aetherquant/core';
import { describeStrategies } from '@aetherquant/strategies';
import { defineWorkflow } from '../workflow/workflow';

/** The strategies a run may name, in the order help texts show them (the baseline first). */
export const strategiesWorkflow = defineWorkflow('strategies', {
  // The registry's descriptions are already JSON (single-word keys, numbers and strings), so they pass as is.
  run: async (): Promise<StrategiesReport> => ({ strategies: describeStrategies() }),
});
