import {
  type JobStatus,
  type JobStatusName,
  type JobSubmission,
  type JobUseCaseName,
} from '@aetherquant/core';
import { type JobSweepStep } from './job-thread-protocol';

/** What an executor is told while it runs one job. */
export interface JobExecution {
  readonly jobId: string;
  /** Aborted when the job is cancelled (or its engine shuts down): the executor stops and rejects. */
  readonly signal: AbortSignal;
  /** How far the work has come, in the use case's own units (a sweep: cells). */
  progress(done: number, total: number): void;
  /** The version of the data the job reads (see DataVersion), under which its bars may be kept for later jobs. */
  readonly dataVersion?: string;
  /** Set for one step of a sweep split across workers: compute a chunk's part, or merge the parts. */
  readonly sweep?: JobSweepStep;
}

/** What a job's computation produced: its report, and the run that records it (null when not recorded). */
export interface JobOutcome {
  result: unknown;
  runId: string | null;
}

/**
 * Computes one job: the use case's workflow on its validated request. Both engines take the same executor,
 * so what a job computes does not depend on where it runs.
 */
export type JobExecutor = (
  useCase: JobUseCaseName,
  request: Readonly<Record<string, unknown>>,
  execution: JobExecution,
) => Promise<JobOutcome>;

export interface JobQuery {
  /** Only this owner's jobs (a trader sees their own; an admin passes none). */
  owner?: string;
  status?: JobStatusName;
  limit: number;
  offset: number;
}

/**
 * Where jobs are submitted, followed and cancelled: the embedded engine (in this process) or BullMQ on Redis
 * (`aetherquant worker` processes anywhere). One contract suite holds both to the same behaviour.
 */
export interface JobEngine {
  readonly kind: 'embedded' | 'distributed';
  /**
   * Validates the request with its use case's schema and queues the job, unless the same owner already
   * submitted the same work: then the existing job (queued, running or completed) is returned and nothing new
   * runs. A failed or cancelled job is run again. The job is stored before its id is returned.
   */
  submit(submission: JobSubmission, owner: string): Promise<JobStatus>;
  /** The job, or undefined for an id no job has (or that retention removed). */
  get(jobId: string): Promise<JobStatus | undefined>;
  /** Jobs newest first. */
  list(query: JobQuery): Promise<JobStatus[]>;
  /**
   * Cancels a queued or running job and resolves once it has stopped (a running one: its computation
   * aborted). A finished job is returned as it is. Undefined for an unknown id.
   */
  cancel(jobId: string): Promise<JobStatus | undefined>;
  /** Calls `listener` with the job's status whenever it changes, until the returned function is called. */
  watch(jobId: string, listener: (status: JobStatus) => void): Promise<() => void>;
  close(): Promise<void>;
}
