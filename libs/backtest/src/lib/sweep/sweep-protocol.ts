// The messages between a sweep's main thread and its worker threads (sweep-worker.ts). Everything a job
// needs is shared memory or small plain data: the bars, the results and the counter that hands out chunks
// are SharedArrayBuffers, so nothing of the series' or the grid's size is copied per message.
import { AetherError, ERROR_CODES, type AetherErrorDetails, type ErrorCode } from '@aetherquant/core';
import { type StrategyReload } from '@aetherquant/strategies';
import { type SweepJob } from './sweep-evaluator';

/** What each worker starts with (`workerData`). */
export interface SweepWorkerData {
  /** The strategy's name: workers look a built-in up with `getStrategy`, or load it with `reload`. */
  strategy: string;
  /** How a strategy from a file is loaded again on the worker (see `Strategy.reload`). */
  reload?: StrategyReload;
  symbol: string;
  interval: string;
  /** The six columns (time, open, high, low, close, volume), each `length` float64s, back to back. */
  columns: SharedArrayBuffer;
  length: number;
}

/** Main → worker: evaluate `job`, claiming `chunk` combinations at a time from `counter`. */
export interface JobMessage {
  type: 'job';
  id: number;
  job: SweepJob;
  /** An Int32Array of one element: the next unclaimed combination index, advanced with Atomics.add. */
  counter: SharedArrayBuffer;
  /** A Float64Array of `job.count × ROW_FIELDS` numbers: each worker writes the rows of its chunks. */
  results: SharedArrayBuffer;
  chunk: number;
}

/** An error as it crosses threads (structured clone keeps neither the code nor the details of an Error). */
export interface SerializedError {
  code?: string;
  message: string;
  details?: AetherErrorDetails;
  stack?: string;
}

/** Worker → main: `count` more combinations are done; the job is done (for this worker); it failed. */
export type WorkerMessage =
  | { type: 'progress'; id: number; count: number }
  | { type: 'done'; id: number }
  | { type: 'failed'; id: number; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof AetherError) {
    return { code: error.code, message: error.message, details: error.details, stack: error.stack };
  }
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error) };
}

export function deserializeError(error: SerializedError): Error {
  if (error.code !== undefined && (ERROR_CODES as readonly string[]).includes(error.code)) {
    return new AetherError(error.code as ErrorCode, error.message, error.details);
  }
  const revived = new Error(`sweep worker failed: ${error.message}`);
  if (error.stack) revived.stack = `${revived.message}\n(in the worker) ${error.stack}`;
  return revived;
}
