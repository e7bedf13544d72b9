import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { AetherError } from '@aetherquant/core';
import Piscina from 'piscina';
import { type ComputeOutcome, type ComputeTask } from './compute-task';

export interface ComputePoolOptions {
  /** Threads computing at once; 0 = one per core less one (the API thread keeps a core), at least 1. */
  threads: number;
  /** Tasks that may wait for a thread; more are refused at once (503, retry later) rather than piling up. */
  maxQueue?: number;
}

/**
 * The worker threads the API computes on (piscina). A task is stopped by aborting its signal: a queued one
 * never starts, a running one has its thread terminated (with any threads it started, such as a sweep's) and
 * replaced, so an abandoned or overlong request stops costing CPU at once.
 */
export class ComputePool {
  readonly threads: number;
  readonly #pool: Piscina<ComputeTask, ComputeOutcome>;

  constructor(options: ComputePoolOptions) {
    this.threads = options.threads > 0 ? options.threads : Math.max(1, availableParallelism() - 1);
    this.#pool = new Piscina({
      filename: workerScript(),
      name: 'runComputeTask',
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: Number.MAX_SAFE_INTEGER,
      maxQueue: options.maxQueue ?? 64 * this.threads,
    });
  }

  #tasks = 0;

  /** Threads, tasks taken (computing or waiting) and tasks waiting for a thread, for readiness details. */
  status(): { threads: number; tasks: number; queued: number } {
    return { threads: this.threads, tasks: this.#tasks, queued: this.#pool.queueSize };
  }

  /** The ids of the live compute threads: a task stopped while running leaves with its thread. */
  threadIds(): number[] {
    return this.#pool.threads.map((thread) => thread.threadId);
  }

  /**
   * Runs `task` on a thread. Rejects with the signal's reason when aborted, and with UNAVAILABLE when the
   * queue is full (the server is saturated: the caller may retry shortly).
   */
  async run(task: ComputeTask, signal: AbortSignal): Promise<ComputeOutcome> {
    this.#tasks++;
    try {
      return await this.#pool.run(task, { signal });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (error instanceof Error && error.message === 'Task queue is at limit') {
        throw new AetherError(
          'UNAVAILABLE',
          `the server is busy: ${this.#pool.queueSize} computations are waiting; retry in a few seconds`,
        );
      }
      throw error;
    } finally {
      this.#tasks--;
    }
  }

  close(): Promise<void> {
    return this.#pool.destroy();
  }
}

/**
 * The compiled worker entry. At run time it sits beside this module (dist/compute/compute-worker.js); when
 * this module runs from source (tests), the API's build provides it.
 */
function workerScript(): string {
  const script = __filename.endsWith('.ts')
    ? resolve(__dirname, '..', '..', 'dist', 'compute', 'compute-worker.js')
    : join(__dirname, 'compute-worker.js');
  if (!existsSync(script)) {
    throw new Error(
      `the API's compute worker ${script} is missing: build the API first (npx nx run api:build)`,
    );
  }
  return script;
}
