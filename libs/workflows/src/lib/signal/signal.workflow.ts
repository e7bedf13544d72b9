import { type signalResultSchema } from '@aetherquant/core';
import { type z } from 'zod';
import { defineWorkflow } from '../workflow/workflow';
import { classifySignal } from './classify-signal';

/** What `signal` returns: the shape core's `signalResultSchema` describes. */
export type SignalResult = z.infer<typeof signalResultSchema>;

export const signalWorkflow = defineWorkflow('signal', {
  async run({ latest_return, threshold }): Promise<SignalResult> {
    return { signal: classifySignal(latest_return, threshold), latest_return, threshold };
  },
});
