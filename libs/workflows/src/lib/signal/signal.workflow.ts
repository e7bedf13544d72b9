import { type Signal, signalRequestSchema } from '@aetherquant/core';
import { defineWorkflow } from '../workflow/workflow';

/**
 * The seed's rule: buy when the latest return is strictly above +threshold, sell when strictly below
 * −threshold, hold inside the band (its edges included).
 */
export function classifySignal(latestReturn: number, threshold: number): Signal {
  if (latestReturn > threshold) return 'buy';
  if (latestReturn < -threshold) return 'sell';
  return 'hold';
}

export interface SignalResult {
  signal: Signal;
  latest_return: number;
  threshold: number;
}

export const signalWorkflow = defineWorkflow({
  name: 'signal',
  permission: 'signal',
  request: signalRequestSchema,
  async run({ latest_return, threshold }): Promise<SignalResult> {
    return { signal: classifySignal(latest_return, threshold), latest_return, threshold };
  },
});
