import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { type Redis } from 'ioredis';
import { type ErrorCode, isAetherError, type JobUseCaseName } from '@aetherquant/core';
import { type JobExecutor } from '../job-engine';
import { encodeFailure, failureOf } from '../job-failure';
import { throttledProgress } from '../job-progress';
import { type SweepPart } from '@aetherquant/backtest';
import { type JobSweepStep } from '../job-thread-protocol';
import {
  cancelChannel,
  cancelMarkerKey,
  chunkProgressKeys,
  connectToQueue,
  JOB_QUEUE_NAME,
  JOB_RETENTION_SECONDS,
  type JobQueueLocation,
} from './job-queue-names';
import { CANCELLED_REASON, type QueuedJobData, type QueuedJobResult } from './queued-job';

export interface BullMqJobWorkerOptions extends JobQueueLocation {
  executor: JobExecutor;
  /** Jobs this worker computes at once. */
  concurrency: number;
  /**
   * How long a job's lock lasts without renewal. A worker that dies (kill -9) stops renewing, and another
   * worker takes its job over within about this long plus `stalledIntervalMs`: seconds, where BullMQ's
   * defaults (30 s each) would leave the job waiting a minute.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Least time between two progress updates of one job (each is a Redis write). */
  progressIntervalMs?: number;
  /** Told when a job (or a chunk of a split sweep) starts and ends here: an operator's log. */
  onJobEvent?: (event: JobWorkerEvent) => void;
}

/** A job starting or ending on a worker. */
export interface JobWorkerEvent {
  event: 'job started' | 'job completed' | 'job failed';
  job_id: string;
  use_case: JobUseCaseName;
  /** For a chunk of a split sweep: its combinations and its sweep's job id. */
  chunk?: { first: number; count: number; of: string };
  /** Why it failed (`CODE: message`, or `CANCELLED: …`). */
  reason?: string;
}

type QueuedJob = Job<QueuedJobData, QueuedJobResult, JobUseCaseName>;

/** Error codes worth another attempt (BullMQ's, 1 s then 2 s later): a service that may be back. */
const TRANSIENT_CODES: ReadonlySet<ErrorCode> = new Set(['UNAVAILABLE', 'UPSTREAM_FAILED']);

/**
 * Computes queued jobs: what `aetherquant worker` runs. Any number of them, on any machine that reaches Redis
 * and the database, share the queue. A job's failure is final when it is the caller's (an AetherError: bad
 * input, data unavailable) and retried otherwise; a cancelled job stops at once, wherever it runs.
 */
export class BullMqJobWorker {
  readonly #worker: Worker<QueuedJobData, QueuedJobResult, JobUseCaseName>;
  readonly #commands: Redis;
  readonly #subscriber: Redis;
  readonly #blocking: Redis;
  readonly #location: JobQueueLocation;
  /** The jobs computing here, each with the sweep it is a chunk of. */
  readonly #running = new Map<string, string | undefined>();

  private constructor(options: BullMqJobWorkerOptions) {
    this.#location = { redisUrl: options.redisUrl, prefix: options.prefix };
    this.#commands = connectToQueue(this.#location, 'blocking');
    this.#subscriber = connectToQueue(this.#location, 'blocking');
    this.#blocking = connectToQueue(this.#location, 'blocking');
    const progressInterval = options.progressIntervalMs ?? 200;
    this.#worker = new Worker(
      JOB_QUEUE_NAME,
      async (job: QueuedJob, _token?: string, signal?: AbortSignal) => {
        const id = job.id as string;
        const { chunk, parentId } = job.data;
        // Listed as running before the marker is read: a cancel that finds the job active either set its
        // marker before this read, or its message finds the job here (it was lost in between before).
        this.#running.set(id, parentId);
        const progress = throttledProgress((done, total) => {
          void job.updateProgress({ done, total }).catch(() => undefined);
        }, progressInterval);
        try {
          // A chunk of a split sweep is cancelled with its sweep.
          if ((await this.#commands.exists(cancelMarkerKey(this.#location, parentId ?? id))) === 1) {
            throw new UnrecoverableError(`${CANCELLED_REASON}: cancelled before it started`);
          }
          const sweep = await this.#sweepStep(job);
          const outcome = await options.executor(job.data.useCase, job.data.request, {
            jobId: id,
            signal: signal ?? new AbortController().signal,
            progress,
            dataVersion: job.data.dataVersion,
            sweep,
          });
          if (chunk && parentId) {
            await this.#commands.incrby(chunkProgressKeys(this.#location, parentId).done, chunk.count);
          }
          return outcome;
        } catch (error) {
          if (signal?.aborted) throw new UnrecoverableError(`${CANCELLED_REASON}: cancelled while running`);
          if (!isAetherError(error)) throw error;
          const failure = encodeFailure(failureOf(error));
          // A service out of reach (a data provider) may be back for the next attempt; a caller's error
          // (bad input, no data) will not be, and ends the job at once.
          if (TRANSIENT_CODES.has(error.code)) throw new Error(failure);
          throw new UnrecoverableError(failure);
        } finally {
          this.#running.delete(id);
        }
      },
      {
        connection: this.#blocking,
        prefix: this.#location.prefix,
        concurrency: options.concurrency,
        lockDuration: options.lockDurationMs ?? 10_000,
        stalledInterval: options.stalledIntervalMs ?? 5_000,
        maxStalledCount: 2,
        autorun: false,
      },
    );
    this.#worker.on('error', () => undefined); // connection trouble: ioredis reconnects, the worker resumes
    const report = options.onJobEvent;
    if (report) {
      const describe = (job: QueuedJob, event: JobWorkerEvent['event'], reason?: string): JobWorkerEvent => ({
        event,
        job_id: job.id as string,
        use_case: job.data.useCase,
        ...(job.data.chunk && job.data.parentId
          ? { chunk: { ...job.data.chunk, of: job.data.parentId } }
          : {}),
        ...(reason === undefined ? {} : { reason }),
      });
      this.#worker.on('active', (job) => report(describe(job, 'job started')));
      this.#worker.on('completed', (job) => report(describe(job, 'job completed')));
      this.#worker.on('failed', (job, error) => job && report(describe(job, 'job failed', error.message)));
    }
  }

  /**
   * What a job of a split sweep computes: a chunk its part (the first chunk to start marks the sweep
   * started), the sweep itself, once every chunk is done, the merge of their parts.
   */
  async #sweepStep(job: QueuedJob): Promise<JobSweepStep | undefined> {
    const { chunk, parentId, chunks } = job.data;
    if (chunk && parentId) {
      const { started } = chunkProgressKeys(this.#location, parentId);
      await this.#commands.set(started, String(Date.now()), 'EX', JOB_RETENTION_SECONDS, 'NX');
      return { step: 'chunk', chunk };
    }
    if (chunks === undefined) return undefined;
    const values = await job.getChildrenValues<QueuedJobResult>();
    return { step: 'merge', parts: Object.values(values).map((value) => value.result as SweepPart) };
  }

  /** Starts a worker: listens for cancels, then takes jobs. */
  static async start(options: BullMqJobWorkerOptions): Promise<BullMqJobWorker> {
    const worker = new BullMqJobWorker(options);
    await worker.#subscriber.subscribe(cancelChannel(worker.#location));
    worker.#subscriber.on('message', (_channel: string, jobId: string) => {
      // The job itself, or the chunks of it (a split sweep) this worker is computing.
      for (const [running, parentId] of worker.#running) {
        if (running === jobId || parentId === jobId)
          worker.#worker.cancelJob(running, 'cancelled on request');
      }
    });
    void worker.#worker.run();
    await worker.#worker.waitUntilReady();
    return worker;
  }

  /**
   * Stops taking jobs and waits for the running ones to finish (a graceful shutdown); `force` aborts them
   * instead, and BullMQ returns them to the queue for another worker.
   */
  async close(force = false): Promise<void> {
    await this.#worker.close(force);
    // BullMQ leaves connections it was given open.
    for (const connection of [this.#subscriber, this.#commands, this.#blocking]) connection.disconnect();
  }
}
