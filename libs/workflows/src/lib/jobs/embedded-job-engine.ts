import {
  AetherError,
  FINISHED_JOB_STATUSES,
  type JobStatus,
  type JobSubmission,
  type JobUseCaseName,
} from '@aetherquant/core';
import { type JobEngine, type JobExecutor, type JobQuery } from './job-engine';
import { admitJob, checkJobQuota, type JobAdmission } from './job-admission';
import { jobProgress, NO_PROGRESS, throttledProgress } from './job-progress';
import { failureOf } from './job-failure';

export interface EmbeddedJobEngineOptions extends JobAdmission {
  executor: JobExecutor;
  /** Jobs computing at once. */
  concurrency: number;
  /** Jobs that may wait; one more is refused (UNAVAILABLE) rather than queued without bound. */
  maxQueued: number;
  /** Finished jobs kept for reading; the oldest go first. */
  retainFinished: number;
  now?: () => number;
  /** Least time between two progress updates of one job. */
  progressIntervalMs?: number;
}

interface EmbeddedJob {
  status: JobStatus;
  cells: number;
  dataVersion: string;
  useCase: JobUseCaseName;
  request: Record<string, unknown>;
  startedAt: number | null;
  controller: AbortController;
  /** Settles when a running job's computation has stopped. */
  settled?: Promise<void>;
  listeners: Set<(status: JobStatus) => void>;
}

/**
 * Jobs in this process: a bounded queue in memory, computed by the executor (on worker threads, so the
 * event loop never computes). Jobs are lost when the process stops; `AETHERQ_REDIS_URL` selects the
 * distributed engine, which keeps them in Redis.
 */
export class EmbeddedJobEngine implements JobEngine {
  readonly kind = 'embedded';
  readonly #jobs = new Map<string, EmbeddedJob>();
  readonly #queue: string[] = [];
  readonly #options: EmbeddedJobEngineOptions & { now: () => number; progressIntervalMs: number };
  #running = 0;
  #closed = false;

  constructor(options: EmbeddedJobEngineOptions) {
    this.#options = { now: Date.now, progressIntervalMs: 200, ...options };
  }

  async submit(submission: JobSubmission, owner: string): Promise<JobStatus> {
    if (this.#closed) throw new AetherError('UNAVAILABLE', 'the job engine is shutting down');
    const { jobId, useCase, request, cells, dataVersion } = await admitJob(submission, owner, this.#options);
    const existing = this.#jobs.get(jobId);
    if (existing && !['failed', 'cancelled'].includes(existing.status.status)) return existing.status;
    const active = [...this.#jobs.values()].filter(
      (job) => job.status.owner === owner && !FINISHED_JOB_STATUSES.includes(job.status.status),
    );
    checkJobQuota(
      owner,
      active.map((job) => job.cells),
      cells,
      this.#options.quota,
    );
    if (this.#queue.length >= this.#options.maxQueued) {
      throw new AetherError(
        'UNAVAILABLE',
        `the job queue is full (${this.#options.maxQueued} jobs waiting); retry when some have run`,
      );
    }
    const job: EmbeddedJob = {
      status: {
        job_id: jobId,
        use_case: useCase,
        status: 'queued',
        owner,
        progress: NO_PROGRESS,
        submitted_at: new Date(this.#options.now()).toISOString(),
        started_at: null,
        finished_at: null,
        run_id: null,
        error: null,
      },
      cells,
      dataVersion,
      useCase,
      request,
      startedAt: null,
      controller: new AbortController(),
      listeners: existing?.listeners ?? new Set(),
    };
    this.#jobs.delete(jobId); // a re-run is the newest job
    this.#jobs.set(jobId, job);
    this.#queue.push(jobId);
    this.#notify(job);
    this.#startNext();
    return job.status;
  }

  async get(jobId: string): Promise<JobStatus | undefined> {
    return this.#jobs.get(jobId)?.status;
  }

  async list(query: JobQuery): Promise<JobStatus[]> {
    return [...this.#jobs.values()]
      .reverse()
      .map((job) => job.status)
      .filter((status) => query.owner === undefined || status.owner === query.owner)
      .filter((status) => query.status === undefined || status.status === query.status)
      .slice(query.offset, query.offset + query.limit);
  }

  async cancel(jobId: string): Promise<JobStatus | undefined> {
    const job = this.#jobs.get(jobId);
    if (!job) return undefined;
    if (job.status.status === 'queued') {
      this.#queue.splice(this.#queue.indexOf(jobId), 1);
      this.#finish(job, { status: 'cancelled' });
    } else if (job.status.status === 'running') {
      job.controller.abort(new AetherError('CONFLICT', 'the job was cancelled'));
      await job.settled;
    }
    return job.status;
  }

  async watch(jobId: string, listener: (status: JobStatus) => void): Promise<() => void> {
    const job = this.#jobs.get(jobId);
    if (!job) return () => undefined;
    job.listeners.add(listener);
    return () => job.listeners.delete(listener);
  }

  /** Stops taking jobs, cancels the running ones and waits for them to stop. Queued jobs are dropped. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const jobId of this.#queue.splice(0)) {
      const job = this.#jobs.get(jobId);
      if (job) this.#finish(job, { status: 'cancelled' });
    }
    await Promise.all([...this.#jobs.keys()].map((jobId) => this.cancel(jobId)));
  }

  #startNext(): void {
    while (!this.#closed && this.#running < this.#options.concurrency && this.#queue.length > 0) {
      const job = this.#jobs.get(this.#queue.shift() as string) as EmbeddedJob;
      this.#running++;
      job.settled = this.#run(job).finally(() => {
        this.#running--;
        this.#startNext();
      });
    }
  }

  async #run(job: EmbeddedJob): Promise<void> {
    const now = this.#options.now;
    job.startedAt = now();
    this.#update(job, { status: 'running', started_at: new Date(job.startedAt).toISOString() });
    const progress = throttledProgress(
      (done, total) => this.#update(job, { progress: jobProgress(done, total, job.startedAt, now()) }),
      this.#options.progressIntervalMs,
      now,
    );
    try {
      const outcome = await this.#options.executor(job.useCase, job.request, {
        jobId: job.status.job_id,
        signal: job.controller.signal,
        progress,
        dataVersion: job.dataVersion,
      });
      if (job.controller.signal.aborted) throw job.controller.signal.reason;
      const { total } = job.status.progress;
      this.#finish(job, {
        status: 'completed',
        progress: jobProgress(total, total, job.startedAt, now()),
        run_id: outcome.runId,
        result: outcome.result,
      });
    } catch (error) {
      if (job.controller.signal.aborted) this.#finish(job, { status: 'cancelled' });
      else this.#finish(job, { status: 'failed', error: failureOf(error) });
    }
  }

  #finish(job: EmbeddedJob, change: Partial<JobStatus>): void {
    this.#update(job, { ...change, finished_at: new Date(this.#options.now()).toISOString() });
    this.#forgetOldFinished();
  }

  #update(job: EmbeddedJob, change: Partial<JobStatus>): void {
    job.status = { ...job.status, ...change };
    this.#notify(job);
  }

  #notify(job: EmbeddedJob): void {
    for (const listener of job.listeners) listener(job.status);
  }

  #forgetOldFinished(): void {
    const finished = [...this.#jobs.values()].filter((job) =>
      FINISHED_JOB_STATUSES.includes(job.status.status),
    );
    for (const job of finished.slice(0, Math.max(0, finished.length - this.#options.retainFinished))) {
      this.#jobs.delete(job.status.job_id);
    }
  }
}
