import { FlowProducer, type Job, Queue, QueueEvents } from 'bullmq';
import { type Redis } from 'ioredis';
import {
  AetherError,
  type JobStatus,
  type JobStatusName,
  type JobSubmission,
  type JobUseCaseName,
} from '@aetherquant/core';
import { type JobEngine, type JobQuery } from '../job-engine';
import { admitJob, checkJobQuota, type JobAdmission } from '../job-admission';
import { decodeFailure } from '../job-failure';
import { jobProgress, NO_PROGRESS } from '../job-progress';
import {
  cancelChannel,
  cancelMarkerKey,
  chunkProgressKeys,
  jobIndexKey,
  connectToQueue,
  describeRedis,
  JOB_QUEUE_NAME,
  JOB_RETENTION_SECONDS,
  type JobQueueLocation,
} from './job-queue-names';
import { CANCELLED_REASON, type QueuedJobData, type QueuedJobResult, sweepChunks } from './queued-job';

export interface BullMqJobEngineOptions extends JobQueueLocation, JobAdmission {
  now?: () => number;
  /** How long `cancel` waits for a running job's worker to stop it. */
  cancelTimeoutMs?: number;
  /**
   * A sweep of more than twice this many combinations is split into chunks of about this many, which any
   * worker computes (child jobs of a BullMQ flow); the sweep job merges their parts. Default 5,000.
   */
  sweepChunkCells?: number;
}

type QueuedJob = Job<QueuedJobData, QueuedJobResult, JobUseCaseName>;

/** How long a call waits for a connection to Redis being made before answering UNAVAILABLE. */
const REDIS_WAIT_MS = 2_000;

/** Jobs a list reads from the index at a time, and at most in all (past the offset) when it filters by status. */
const LIST_BATCH = 100;
const LIST_SCAN_LIMIT = 2_000;

const QUEUED_STATES = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children', 'wait']);

/**
 * Jobs in Redis through BullMQ, computed by `aetherquant worker` processes on any machine that reaches Redis
 * and the database. Nothing lives only in this process: any API instance answers for any job.
 */
export class BullMqJobEngine implements JobEngine {
  readonly kind = 'distributed';
  readonly #location: JobQueueLocation;
  readonly #commands: Redis;
  readonly #queue: Queue<QueuedJobData, QueuedJobResult, JobUseCaseName>;
  readonly #admission: JobAdmission;
  readonly #now: () => number;
  readonly #cancelTimeoutMs: number;
  readonly #sweepChunkCells: number;
  readonly #flows: FlowProducer;
  #events: { listener: QueueEvents; connection: Redis } | undefined;
  /** Who watches which job (its event streams). */
  readonly #watchers = new Map<string, Set<(status: JobStatus) => void>>();

  constructor(options: BullMqJobEngineOptions) {
    this.#location = { redisUrl: options.redisUrl, prefix: options.prefix };
    this.#commands = connectToQueue(this.#location, 'commands');
    this.#queue = new Queue(JOB_QUEUE_NAME, { connection: this.#commands, prefix: options.prefix });
    this.#queue.on('error', () => undefined); // reported where a call fails
    this.#admission = options;
    this.#now = options.now ?? Date.now;
    this.#cancelTimeoutMs = options.cancelTimeoutMs ?? 30_000;
    this.#sweepChunkCells = options.sweepChunkCells ?? 5_000;
    this.#flows = new FlowProducer({ connection: this.#commands, prefix: options.prefix });
    this.#flows.on('error', () => undefined);
  }

  async submit(submission: JobSubmission, owner: string): Promise<JobStatus> {
    const { jobId, useCase, request, cells, dataVersion } = await admitJob(
      submission,
      owner,
      this.#admission,
    );
    return this.#reachingRedis(async () => {
      const existing = await this.#job(jobId);
      if (existing) {
        const status = await this.#statusOf(existing);
        if (status.status !== 'failed' && status.status !== 'cancelled') return status;
        await existing.remove().catch((error: unknown) => {
          // Still held by a worker that is stopping it (a cancel under way): not a new job yet.
          throw new AetherError(
            'CONFLICT',
            `job ${jobId} is still stopping; submit it again in a few seconds`,
            {
              reason: error instanceof Error ? error.message : String(error),
            },
          );
        });
      }
      if (this.#admission.quota) {
        // Read from the queue, which every API instance shares; two submissions of one key at the same
        // moment may both pass (the quota is a guard against floods, not an exact count).
        const active = (await this.#queue.getJobs(
          ['waiting', 'delayed', 'prioritized', 'waiting-children', 'active'],
          0,
          -1,
        )) as QueuedJob[];
        const owners = active.filter(
          (job) => job !== undefined && job.data.chunk === undefined && job.data.owner === owner,
        );
        // A cancelled job that has not left the queue yet (a worker refuses it when it comes) holds nothing.
        const marks =
          owners.length === 0
            ? []
            : await this.#commands.mget(
                ...owners.map((job) => cancelMarkerKey(this.#location, job.id as string)),
              );
        checkJobQuota(
          owner,
          owners.filter((_, index) => marks[index] === null).map((job) => job.data.cells),
          cells,
          this.#admission.quota,
        );
      }
      const progressKeys = chunkProgressKeys(this.#location, jobId);
      await this.#commands.del(
        cancelMarkerKey(this.#location, jobId),
        progressKeys.started,
        progressKeys.done,
      );
      const data: QueuedJobData = { useCase, request, owner, cells, dataVersion, submittedAt: this.#now() };
      const options = {
        attempts: 3,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: JOB_RETENTION_SECONDS },
        removeOnFail: { age: JOB_RETENTION_SECONDS },
      };
      await this.#index(jobId, owner, data.submittedAt);
      const chunks = useCase === 'sweep' ? sweepChunks(cells, this.#sweepChunkCells) : [];
      if (chunks.length === 0) {
        // One id per work: BullMQ adds nothing when a job with this id exists (two identical submissions at once).
        return this.#statusOf(await this.#queue.add(useCase, data, { jobId, ...options }));
      }
      // A parent job waits for its chunks (children any worker takes), then merges their parts.
      const flow = await this.#flows.add({
        name: useCase,
        queueName: JOB_QUEUE_NAME,
        data: { ...data, chunks: chunks.length },
        opts: { jobId, ...options },
        children: chunks.map((chunk, index) => ({
          name: useCase,
          queueName: JOB_QUEUE_NAME,
          data: { ...data, cells: chunk.count, chunk, parentId: jobId },
          opts: { jobId: `${jobId}-part-${index}`, ...options, failParentOnFailure: true },
        })),
      });
      return this.#statusOf(flow.job as QueuedJob);
    });
  }

  async get(jobId: string): Promise<JobStatus | undefined> {
    return this.#reachingRedis(async () => {
      const job = await this.#job(jobId);
      return job && this.#statusOf(job);
    });
  }

  /** Whether a worker computes the job (or a chunk of it) now: what a cancel must stop. */
  async #computing(job: QueuedJob): Promise<boolean> {
    return (await job.getState()) === 'active' || (await this.#runningChunks(job)).length > 0;
  }

  /** The chunks of a split sweep that a worker is computing now. */
  async #runningChunks(job: QueuedJob): Promise<string[]> {
    if (job.data.chunks === undefined) return [];
    const ids = Array.from({ length: job.data.chunks }, (_, index) => `${job.id as string}-part-${index}`);
    const states = await Promise.all(ids.map((id) => this.#queue.getJobState(id)));
    return ids.filter((_, index) => states[index] === 'active');
  }

  async list(query: JobQuery): Promise<JobStatus[]> {
    return this.#reachingRedis(async () => {
      // Newest first from the owner's index (or everyone's): only the jobs of the page are read, and a status
      // filter reads at most LIST_SCAN_LIMIT jobs past the offset, so a list stays cheap however many
      // finished jobs the retention keeps.
      const key = jobIndexKey(this.#location, query.owner);
      const page: JobStatus[] = [];
      let skipped = 0;
      let scanned = 0;
      for (let start = 0; page.length < query.limit && scanned < LIST_SCAN_LIMIT; start += LIST_BATCH) {
        const ids = await this.#commands.zrevrange(key, start, start + LIST_BATCH - 1);
        if (ids.length === 0) break;
        scanned += ids.length;
        const jobs = await Promise.all(ids.map((id) => this.#job(id)));
        const gone = ids.filter((_, index) => jobs[index] === undefined);
        if (gone.length > 0) await this.#commands.zrem(key, ...gone); // removed by retention
        // A batch's statuses are read at once (each is a few Redis round trips), then paged in order.
        const statuses = await Promise.all(jobs.map((job) => job && this.#statusOf(job)));
        for (const status of statuses) {
          if (!status || page.length >= query.limit) continue;
          if (query.status !== undefined && status.status !== query.status) continue;
          if (skipped < query.offset) skipped++;
          else page.push(status);
        }
      }
      return page;
    });
  }

  /** Adds a job to its owner's index and everyone's, newest last, forgetting what retention has removed. */
  async #index(jobId: string, owner: string, submittedAt: number): Promise<void> {
    const expired = submittedAt - JOB_RETENTION_SECONDS * 1000;
    const batch = this.#commands.multi();
    for (const key of [jobIndexKey(this.#location, owner), jobIndexKey(this.#location, undefined)]) {
      batch.zadd(key, submittedAt, jobId).zremrangebyscore(key, '-inf', expired);
    }
    await batch.exec();
  }

  async cancel(jobId: string): Promise<JobStatus | undefined> {
    return this.#reachingRedis(async () => {
      const job = await this.#job(jobId);
      if (!job) return undefined;
      const status = await this.#statusOf(job);
      if (status.status !== 'queued' && status.status !== 'running') return status;
      // The marker stops a worker that picks the job up later; the message stops the one running it now.
      await this.#commands.set(cancelMarkerKey(this.#location, jobId), '1', 'EX', JOB_RETENTION_SECONDS);
      // Read again: a worker may have taken the job between the first read and the marker.
      if (!(await this.#computing(job))) return this.#statusOf(job);
      await this.#commands.publish(cancelChannel(this.#location), jobId);
      return this.#stopped(jobId);
    });
  }

  async watch(jobId: string, listener: (status: JobStatus) => void): Promise<() => void> {
    await this.#queueEvents();
    const listeners = this.#watchers.get(jobId) ?? new Set();
    listeners.add(listener);
    this.#watchers.set(jobId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#watchers.delete(jobId);
    };
  }

  /** Tells a job's watchers its status after an event of it, or of one of its chunks (a split sweep). */
  async #dispatch(eventJobId: string): Promise<void> {
    const jobId = eventJobId.replace(/-part-\d+$/, '');
    const listeners = this.#watchers.get(jobId);
    if (!listeners) return;
    const status = await this.get(jobId).catch(() => undefined);
    if (status) for (const listener of listeners) listener(status);
  }

  async close(): Promise<void> {
    await this.#events?.listener.close();
    // Without Redis, BullMQ would keep trying to connect: stop the connection first.
    if (this.#commands.status !== 'ready') this.#commands.disconnect();
    await Promise.all([this.#queue.close(), this.#flows.close()]);
    // BullMQ leaves connections it was given open.
    this.#events?.connection.disconnect();
    this.#commands.disconnect();
  }

  /** The job a client knows by `jobId`: never a chunk of a split sweep. */
  async #job(jobId: string): Promise<QueuedJob | undefined> {
    const job = (await this.#queue.getJob(jobId)) as QueuedJob | undefined;
    return job?.data.chunk === undefined ? job : undefined;
  }

  /** Waits until a cancelled running job has left the worker (its computation aborted). */
  async #stopped(jobId: string): Promise<JobStatus | undefined> {
    const deadline = this.#now() + this.#cancelTimeoutMs;
    for (;;) {
      const job = await this.#job(jobId);
      if (!job || !(await this.#computing(job)) || this.#now() >= deadline) return job && this.#statusOf(job);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async #statusOf(read: QueuedJob): Promise<JobStatus> {
    const id = read.id as string;
    const state = await read.getState();
    // The job may have finished between reading it and its state: then read what it finished with.
    const job =
      (state === 'completed' || state === 'failed') && read.finishedOn === undefined
        ? ((await this.#job(id)) ?? read)
        : read;
    const cancelMarked = (await this.#commands.exists(cancelMarkerKey(this.#location, id))) === 1;
    // A split sweep waiting for its chunks runs once its first chunk has started.
    const chunked = job.data.chunks !== undefined;
    const keys = chunkProgressKeys(this.#location, id);
    const [chunksStarted, chunkCellsDone] = chunked
      ? await this.#commands.mget(keys.started, keys.done)
      : [null, null];
    const status: JobStatusName =
      // Marked but still computing: running until its worker has stopped it (cancel waits for that).
      cancelMarked && state !== 'completed' && state !== 'active'
        ? 'cancelled'
        : QUEUED_STATES.has(state)
          ? chunksStarted
            ? 'running'
            : 'queued'
          : state === 'active'
            ? 'running'
            : state === 'completed'
              ? 'completed'
              : job.failedReason?.startsWith(CANCELLED_REASON)
                ? 'cancelled'
                : 'failed';
    const progress = chunked
      ? { done: state === 'completed' ? job.data.cells : Number(chunkCellsDone ?? 0), total: job.data.cells }
      : (job.progress as { done?: number; total?: number } | number | undefined);
    const counts = typeof progress === 'object' && progress !== null ? progress : {};
    const startedAt = chunksStarted ? Number(chunksStarted) : (job.processedOn ?? null);
    const outcome = status === 'completed' ? job.returnvalue : undefined;
    return {
      job_id: id,
      use_case: job.data.useCase,
      status,
      owner: job.data.owner,
      progress:
        counts.total === undefined
          ? NO_PROGRESS
          : jobProgress(
              // A chunk computed twice (its worker died after counting it) is counted once.
              Math.min(counts.done ?? 0, counts.total),
              counts.total,
              startedAt,
              job.finishedOn ?? this.#now(),
            ),
      submitted_at: new Date(job.data.submittedAt).toISOString(),
      started_at: startedAt === null ? null : new Date(startedAt).toISOString(),
      finished_at:
        status === 'queued' || status === 'running' || job.finishedOn === undefined
          ? null
          : new Date(job.finishedOn).toISOString(),
      run_id: outcome?.runId ?? null,
      error: status === 'failed' ? await this.#failureOf(job) : null,
      ...(outcome ? { result: outcome.result } : {}),
    };
  }

  /** Why a job failed: its own reason, or for a split sweep failed by a chunk, the chunk's. */
  async #failureOf(job: QueuedJob): Promise<JobStatus['error']> {
    if (job.data.chunks !== undefined) {
      const [reason] = Object.values(await job.getFailedChildrenValues());
      if (reason !== undefined) return decodeFailure(reason);
    }
    return decodeFailure(job.failedReason ?? '');
  }

  async #queueEvents(): Promise<QueueEvents> {
    if (!this.#events) {
      const connection = connectToQueue(this.#location, 'blocking');
      const listener = new QueueEvents(JOB_QUEUE_NAME, { connection, prefix: this.#location.prefix });
      listener.on('error', () => undefined);
      // One listener per event for every watcher (a stream per client), which #dispatch routes by job.
      for (const name of ['waiting', 'active', 'progress', 'completed', 'failed'] as const) {
        listener.on(name, (event: { jobId: string }) => void this.#dispatch(event.jobId));
      }
      this.#events = { listener, connection };
      await listener.waitUntilReady();
    }
    return this.#events.listener;
  }

  /**
   * Runs a Redis call; Redis out of reach becomes UNAVAILABLE (503), with the address but no credentials.
   * The call is not started without a connection (BullMQ would wait for one forever): a connection being
   * made is given `REDIS_WAIT_MS`.
   */
  async #reachingRedis<T>(call: () => Promise<T>): Promise<T> {
    const unreachable = () =>
      new AetherError(
        'UNAVAILABLE',
        `the job queue at ${describeRedis(this.#location)} is not reachable; retry shortly`,
      );
    if (!(await this.#connected())) throw unreachable();
    try {
      return await call();
    } catch (error) {
      if (error instanceof AetherError || this.#commands.status === 'ready') throw error;
      throw unreachable();
    }
  }

  /** Whether the command connection is ready, waiting up to REDIS_WAIT_MS for one being made. */
  async #connected(): Promise<boolean> {
    const connection = this.#commands;
    if (connection.status === 'ready') return true;
    return new Promise((resolve) => {
      const done = (ready: boolean) => {
        clearTimeout(timer);
        connection.off('ready', onReady);
        resolve(ready);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), REDIS_WAIT_MS);
      connection.on('ready', onReady);
    });
  }
}
