import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AetherError, type Settings } from '@aetherquant/core';
import { type JobExecutor } from './job-engine';
import { type JobThreadData, type JobThreadMessage } from './job-thread-protocol';

export interface ThreadJobExecutorOptions {
  settings: Settings;
  /** Strategy files jobs may name besides the built-ins (see WorkflowContext.strategyModules). */
  strategyModules?: readonly string[];
}

/**
 * Computes each job on a thread of its own, so the process that holds the queue (the API, a worker) keeps
 * its event loop free: for requests, and for the lock a BullMQ worker renews while a job runs. Cancelling
 * terminates the thread, which stops any computation at once, with the threads it started.
 */
export function threadJobExecutor(options: ThreadJobExecutorOptions): JobExecutor {
  const script = jobThreadScript();
  return (useCase, request, execution) =>
    new Promise((resolvePromise, reject) => {
      if (execution.signal.aborted) {
        reject(execution.signal.reason);
        return;
      }
      const workerData: JobThreadData = {
        useCase,
        request,
        settings: options.settings,
        strategyModules: options.strategyModules ?? [],
      };
      const thread = new Worker(script, { workerData });
      let settled = false;
      const settle = (finish: () => void) => {
        if (settled) return;
        settled = true;
        execution.signal.removeEventListener('abort', onAbort);
        finish();
        void thread.terminate();
      };
      const onAbort = () => settle(() => reject(execution.signal.reason));
      execution.signal.addEventListener('abort', onAbort, { once: true });
      thread.on('message', (message: JobThreadMessage) => {
        if (message.type === 'progress') execution.progress(message.done, message.total);
        else if (message.type === 'completed')
          settle(() => resolvePromise({ result: message.result, runId: message.runId }));
        else settle(() => reject(new AetherError(message.failure.code, message.failure.message)));
      });
      thread.on('error', (error) => settle(() => reject(error)));
      thread.on('exit', (code) =>
        settle(() => reject(new Error(`a job thread exited before its job finished (exit code ${code})`))),
      );
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
