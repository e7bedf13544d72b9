import { type JobUseCaseName } from '@aetherquant/core';

/** What a BullMQ job holds: the work, and who asked for it when. */
export interface QueuedJobData {
  useCase: JobUseCaseName;
  request: Record<string, unknown>;
  owner: string;
  /** The job's size (see jobCells), held against its owner's quota while it is queued or running. */
  cells: number;
  /** Epoch ms. */
  submittedAt: number;
  /** The version of the data it reads: workers keep bars under it for the job's other chunks. */
  dataVersion?: string;
  /** A sweep split into chunks (child jobs): how many. Its own processing merges their parts. */
  chunks?: number;
  /** Set on a chunk of a split sweep: the combinations it computes, and the sweep (parent job) it is of. */
  chunk?: { first: number; count: number };
  parentId?: string;
}

/** What a completed BullMQ job returns. */
export interface QueuedJobResult {
  result: unknown;
  runId: string | null;
}

/** How a cancelled job's failure reason starts (not an error code: a cancelled job did not fail). */
export const CANCELLED_REASON = 'CANCELLED';

/**
 * How a sweep of `cells` combinations is cut for the workers: not at all up to twice `chunkCells`, else in
 * chunks of about `chunkCells` (at most 256 of them), each a range of grid indices.
 */
export function sweepChunks(cells: number, chunkCells: number): { first: number; count: number }[] {
  if (cells <= 2 * chunkCells) return [];
  const count = Math.min(256, Math.ceil(cells / chunkCells));
  const size = Math.ceil(cells / count);
  const chunks: { first: number; count: number }[] = [];
  for (let first = 0; first < cells; first += size)
    chunks.push({ first, count: Math.min(size, cells - first) });
  return chunks;
}
