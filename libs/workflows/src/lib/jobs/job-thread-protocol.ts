// The messages between a job thread (job-thread.worker.ts) and the executor that runs jobs on it.
import { type JobUseCaseName, type Settings } from '@aetherquant/core';
import { type SweepPart } from '@aetherquant/backtest';
import { type JobFailure } from './job-failure';

/** What a job thread is started with: what every job on it shares. */
export interface JobThreadData {
  settings: Settings;
  strategyModules: readonly string[];
}

/** One job for a thread: the use case on its request, or one step of a distributed sweep. */
export interface JobThreadTask {
  jobId: string;
  useCase: JobUseCaseName;
  request: Readonly<Record<string, unknown>>;
  /** The version of the data it reads: bars loaded under it are kept for the thread's next jobs. */
  dataVersion?: string;
  sweep?: JobSweepStep;
}

/** A step of a sweep split across workers: compute one chunk's part, or merge every part into the report. */
export type JobSweepStep =
  { step: 'chunk'; chunk: { first: number; count: number } } | { step: 'merge'; parts: readonly SweepPart[] };

export type JobThreadMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'completed'; result: unknown; runId: string | null }
  | { type: 'failed'; failure: JobFailure };
