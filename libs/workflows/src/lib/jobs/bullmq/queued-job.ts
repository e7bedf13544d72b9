import { type JobUseCaseName } from '@aetherquant/core';

/** What a BullMQ job holds: the work, and who asked for it when. */
export interface QueuedJobData {
  useCase: JobUseCaseName;
  request: Record<string, unknown>;
  owner: string;
  /** The job's size (see JobSize), held against its owner's quota while it is queued or running. */
  cells: number;
  /** Epoch ms. */
  submittedAt: number;
}

/** What a completed BullMQ job returns. */
export interface QueuedJobResult {
  result: unknown;
  runId: string | null;
}

/** How a cancelled job's failure reason starts (not an error code: a cancelled job did not fail). */
export const CANCELLED_REASON = 'CANCELLED';
