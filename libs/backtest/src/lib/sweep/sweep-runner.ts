// Where a sweep's combinations are evaluated: inline in this thread, or on a pool of worker threads that
// share the bars. Both run jobs (sweep-evaluator.ts) one at a time and return the result rows.
import { AetherError, BAR_COLUMNS, type BarSeries } from '@aetherquant/core';
import { type Strategy } from '@aetherquant/strategies';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ROW_FIELDS } from './lean-evaluation';
import { type SweepJob, SweepEvaluator } from './sweep-evaluator';
import {
  deserializeError,
  type JobMessage,
  type SweepWorkerData,
  type WorkerMessage,
} from './sweep-protocol';

/** Evaluates jobs; `close()` releases its threads (always call it, also after a failure). */
export interface SweepRunner {
  /** Threads evaluating: 1 inline, else the number of workers. */
  readonly threads: number;
  /** Evaluates every combination of `job`, calling `onChunk(count)` as chunks finish; returns the rows. */
  run(job: SweepJob, onChunk: (count: number) => void): Promise<Float64Array>;
  close(): Promise<void>;
}

/**
 * Combinations per claim: small enough that uneven costs balance (about 16 claims per thread), large
 * enough that claiming and progress messages cost nothing next to the evaluation.
 */
function chunkSize(count: number, threads: number): number {
  return Math.max(1, Math.min(256, Math.ceil(count / (threads * 16))));
}

/** Runs jobs in the calling thread, in chunks (for progress), with one evaluator's scratch reused. */
export class InlineSweepRunner implements SweepRunner {
  readonly threads = 1;
  readonly #evaluator: SweepEvaluator;

  constructor(series: BarSeries, strategy: Strategy) {
    this.#evaluator = new SweepEvaluator(series, strategy);
  }

  run(job: SweepJob, onChunk: (count: number) => void): Promise<Float64Array> {
    try {
      const results = new Float64Array(job.count * ROW_FIELDS);
      const chunk = chunkSize(job.count, 1);
      for (let start = 0; start < job.count; start += chunk) {
        const end = Math.min(start + chunk, job.count);
        this.#evaluator.evaluate(job, start, end, results);
        onChunk(end - start);
      }
      return Promise.resolve(results);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

interface RunningJob {
  id: number;
  pending: number;
  onChunk: (count: number) => void;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * A pool of worker threads over one series. The six columns are copied ONCE into a SharedArrayBuffer that
 * every worker reads; a job's combinations are handed out dynamically through a shared Atomics counter
 * (each worker claims the next chunk when it finishes one, so uneven costs balance), and workers write their
 * result rows into a shared Float64Array, posting only small progress messages. Each worker keeps its
 * scratch arrays across jobs, so a walk-forward reuses the pool for every window.
 */
export class SweepWorkerPool implements SweepRunner {
  readonly threads: number;
  readonly #workers: Worker[];
  #running: RunningJob | undefined;
  #failure: Error | undefined;
  #nextId = 1;
  #closed = false;

  constructor(series: BarSeries, strategy: Strategy, threads: number) {
    const script = sweepWorkerScript();
    const n = series.length;
    const columns = new SharedArrayBuffer(BAR_COLUMNS.length * n * Float64Array.BYTES_PER_ELEMENT);
    BAR_COLUMNS.forEach((name, index) => new Float64Array(columns, index * n * 8, n).set(series[name]));
    const workerData: SweepWorkerData = {
      strategy: strategy.name,
      ...(strategy.reload && { reload: strategy.reload }),
      symbol: series.symbol,
      interval: series.interval.name,
      columns,
      length: n,
    };
    this.threads = threads;
    this.#workers = [];
    try {
      for (let i = 0; i < threads; i++) {
        const worker = new Worker(script, { workerData });
        worker.on('message', (message: WorkerMessage) => this.#onMessage(message));
        worker.on('error', (error: Error) => this.#fail(error));
        worker.on('exit', (code) => {
          if (!this.#closed) this.#fail(new Error(`a sweep worker exited unexpectedly (exit code ${code})`));
        });
        this.#workers.push(worker);
      }
    } catch (error) {
      void this.close();
      throw error;
    }
  }

  run(job: SweepJob, onChunk: (count: number) => void): Promise<Float64Array> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closed) return Promise.reject(new Error('the sweep worker pool is closed'));
    if (this.#running) return Promise.reject(new Error('the sweep worker pool runs one job at a time'));
    const counter = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const results = new SharedArrayBuffer(job.count * ROW_FIELDS * Float64Array.BYTES_PER_ELEMENT);
    const id = this.#nextId++;
    const message: JobMessage = {
      type: 'job',
      id,
      job,
      counter,
      results,
      chunk: chunkSize(job.count, this.threads),
    };
    return new Promise<void>((resolve, reject) => {
      this.#running = { id, pending: this.#workers.length, onChunk, resolve, reject };
      for (const worker of this.#workers) worker.postMessage(message);
    }).then(() => new Float64Array(results));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #onMessage(message: WorkerMessage): void {
    const running = this.#running;
    if (running === undefined || message.id !== running.id) return;
    switch (message.type) {
      case 'progress':
        try {
          running.onChunk(message.count);
        } catch (error) {
          // A failing progress callback fails the job (rather than becoming an uncaught exception).
          this.#running = undefined;
          running.reject(error instanceof Error ? error : new Error(String(error)));
        }
        return;
      case 'done':
        if (--running.pending === 0) {
          this.#running = undefined;
          running.resolve();
        }
        return;
      case 'failed':
        this.#running = undefined;
        running.reject(deserializeError(message.error));
        return;
    }
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    const running = this.#running;
    this.#running = undefined;
    running?.reject(error);
  }
}

/**
 * The compiled worker script. At runtime it sits beside this module (dist/lib/sweep/sweep-worker.js); when
 * this module runs from its TypeScript source (under Jest), it is the library's build output, which the
 * `test` target builds first.
 */
export function sweepWorkerScript(): string {
  const script = __filename.endsWith('.ts')
    ? resolve(__dirname, '..', '..', '..', 'dist', 'lib', 'sweep', 'sweep-worker.js')
    : join(__dirname, 'sweep-worker.js');
  if (!existsSync(script)) {
    throw new AetherError(
      'UNAVAILABLE',
      `the sweep worker script ${script} is missing: build @aetherquant/backtest first (npx nx build backtest), or sweep with workers: 1`,
    );
  }
  return script;
}

/** A runner for `threads` threads (the plan's: more than 1 only for a strategy a thread can load): inline for 1, else a worker pool. */
export function createSweepRunner(series: BarSeries, strategy: Strategy, threads: number): SweepRunner {
  return threads <= 1
    ? new InlineSweepRunner(series, strategy)
    : new SweepWorkerPool(series, strategy, threads);
}
