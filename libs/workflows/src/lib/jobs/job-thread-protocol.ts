// The messages between a job's thread (job-thread.worker.ts) and the executor that started it.
import { type JobUseCaseName, type Settings } from '@aetherquant/core';
import { type JobFailure } from './job-failure';

export interface JobThreadData {
  useCase: JobUseCaseName;
  request: Readonly<Record<string, unknown>>;
  settings: Settings;
  strategyModules: readonly string[];
}

export type JobThreadMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'completed'; result: unknown; runId: string | null }
  | { type: 'failed'; failure: JobFailure };
