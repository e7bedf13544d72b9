// One job's computation, on a thread of its own (compiled to dist/lib/jobs/job-thread.worker.js, which
// `threadJobExecutor` starts; also under Jest, hence the build first). The thread ends with its job: a
// cancelled job's thread is terminated, with any threads it started (a sweep's).
import { parentPort, workerData } from 'node:worker_threads';
import { runUseCase } from '../use-cases/workflow-registry';
import { jobRequestLimits } from './job-admission';
import { failureOf } from './job-failure';
import { type JobThreadData, type JobThreadMessage } from './job-thread-protocol';

const port = parentPort;
if (port === null) throw new Error('job-thread.worker.js runs as a worker thread only');
const { useCase, request, settings, strategyModules } = workerData as JobThreadData;
const send = (message: JobThreadMessage) => port.postMessage(message);

runUseCase(useCase, request, {
  context: {
    settings,
    strategyModules,
    limits: jobRequestLimits(settings),
    progress: (done, total) => send({ type: 'progress', done, total }),
  },
}).then(
  (report) => {
    const runId = (report as { run_id?: unknown }).run_id;
    send({ type: 'completed', result: report, runId: typeof runId === 'string' ? runId : null });
  },
  (error: unknown) => send({ type: 'failed', failure: failureOf(error) }),
);
