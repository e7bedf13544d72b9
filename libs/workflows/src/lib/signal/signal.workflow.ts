import { type Signal, signalRequestSchema } from '@aetherquant/core';
import { classifySignal } from '@aetherquant/strategies';
import { defineWorkflow } from '../workflow/workflow';

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
