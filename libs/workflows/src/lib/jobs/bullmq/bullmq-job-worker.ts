import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { type Redis } from 'ioredis';
import { isAetherError, type JobUseCaseName } from '@aetherquant/core';
import { type JobExecutor } from '../job-engine';
import { encodeFailure, failureOf } from '../job-failure';
import { throttledProgress } from '../job-progress';
import {
  cancelChannel,
  cancelMarkerKey,
  connectToQueue,
  JOB_QUEUE_NAME,
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
}

type QueuedJob = Job<QueuedJobData, QueuedJobResult, JobUseCaseName>;

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
        if ((await this.#commands.exists(cancelMarkerKey(this.#location, id))) === 1) {
          throw new UnrecoverableError(`${CANCELLED_REASON}: cancelled before it started`);
        }
        const progress = throttledProgress((done, total) => {
          void job.updateProgress({ done, total }).catch(() => undefined);
        }, progressInterval);
        try {
          return await options.executor(job.data.useCase, job.data.request, {
            jobId: id,
            signal: signal ?? new AbortController().signal,
            progress,
          });
        } catch (error) {
          if (signal?.aborted) throw new UnrecoverableError(`${CANCELLED_REASON}: cancelled while running`);
          if (isAetherError(error)) throw new UnrecoverableError(encodeFailure(failureOf(error)));
          throw error;
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
  }

  /** Starts a worker: listens for cancels, then takes jobs. */
  static async start(options: BullMqJobWorkerOptions): Promise<BullMqJobWorker> {
    const worker = new BullMqJobWorker(options);
    await worker.#subscriber.subscribe(cancelChannel(worker.#location));
    worker.#subscriber.on('message', (_channel: string, jobId: string) => {
      worker.#worker.cancelJob(jobId, 'cancelled on request');
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
