import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AetherError, type Settings } from '@aetherquant/core';
import { type JobExecutor } from './job-engine';
import { type JobThreadData, type JobThreadMessage, type JobThreadTask } from './job-thread-protocol';

/** Threads kept waiting for jobs; more are ended when they finish. */
const MAX_IDLE_THREADS = 4;

export interface ThreadJobExecutorOptions {
  settings: Settings;
  /** Strategy files jobs may name besides the built-ins (see WorkflowContext.strategyModules). Default: the settings' `strategyPaths`. */
  strategyModules?: readonly string[];
}

/**
 * Computes each job on a thread, so the process that holds the queue (the API, a worker) keeps its event loop
 * free: for requests, and for the lock a BullMQ worker renews while a job runs. A thread that finished a job
 * waits for the next (idle, it does not keep the process alive): it has the strategy modules loaded and the
 * bars of recent data versions, so a distributed sweep's chunks load their bars once per thread. Cancelling
 * terminates the job's thread, which stops any computation at once, with the threads it started.
 */
export function threadJobExecutor(options: ThreadJobExecutorOptions): JobExecutor {
  const script = jobThreadScript();
  const workerData: JobThreadData = {
    settings: options.settings,
    strategyModules: options.strategyModules ?? options.settings.strategyPaths,
  };
  const idle: Worker[] = [];
  const take = () => {
    const thread = idle.pop() ?? new Worker(script, { workerData });
    thread.removeAllListeners();
    thread.ref();
    return thread;
  };
  const putBack = (thread: Worker) => {
    thread.removeAllListeners();
    if (idle.length >= MAX_IDLE_THREADS) {
      void thread.terminate();
      return;
    }
    // An idle thread that fails is dropped, never left to crash the process with an unheard 'error'.
    const drop = () => {
      const at = idle.indexOf(thread);
      if (at >= 0) idle.splice(at, 1);
    };
    thread.once('error', drop).once('exit', drop);
    thread.unref();
    idle.push(thread);
  };
  return (useCase, request, execution) =>
    new Promise((resolvePromise, reject) => {
      if (execution.signal.aborted) {
        reject(execution.signal.reason);
        return;
      }
      const thread = take();
      let settled = false;
      const settle = (finish: () => void, keepThread: boolean) => {
        if (settled) return;
        settled = true;
        execution.signal.removeEventListener('abort', onAbort);
        finish();
        if (keepThread) putBack(thread);
        else {
          thread.removeAllListeners();
          void thread.terminate();
        }
      };
      const onAbort = () => settle(() => reject(execution.signal.reason), false);
      execution.signal.addEventListener('abort', onAbort, { once: true });
      thread.on('message', (message: JobThreadMessage) => {
        if (message.type === 'progress') execution.progress(message.done, message.total);
        else if (message.type === 'completed')
          settle(() => resolvePromise({ result: message.result, runId: message.runId }), true);
        else settle(() => reject(new AetherError(message.failure.code, message.failure.message)), true);
      });
      thread.on('error', (error) => settle(() => reject(error), false));
      thread.on('exit', (code) =>
        settle(
          () => reject(new Error(`a job thread exited before its job finished (exit code ${code})`)),
          false,
        ),
      );
      const task: JobThreadTask = {
        jobId: execution.jobId,
        useCase,
        request,
        dataVersion: execution.dataVersion,
        sweep: execution.sweep,
      };
      thread.postMessage(task);
    });
}

/**
 * The compiled thread entry. At run time it sits beside this module (dist/lib/jobs/); when this module runs
 * from source (tests), the library's build provides it.
 */
function jobThreadScript(): string {
  const script = __filename.endsWith('.ts')
    ? resolve(__dirname, '..', '..', '..', 'dist', 'lib', 'jobs', 'job-thread.worker.js')
    : join(__dirname, 'job-thread.worker.js');
  if (!existsSync(script)) {
    throw new Error(
      `the job thread ${script} is missing: build the workflows library (npx nx run workflows:build)`,
    );
  }
  return script;
}
