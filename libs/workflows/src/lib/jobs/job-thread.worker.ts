// A job thread (compiled to dist/lib/jobs/job-thread.worker.js, which `threadJobExecutor` starts; also under
// Jest, hence the build first). It runs one job at a time, and stays for the next: the strategy modules are
// loaded once, and bars once per version of the data (a distributed sweep's chunks all read the same bars).
// A cancelled job's thread is terminated, with any threads it started (a sweep's).
import { createHash } from 'node:crypto';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { RecentBars } from '@aetherquant/data';
import { computeSweepPart } from '../sweep/sweep.workflow';
import { runUseCase } from '../use-cases/workflow-registry';
import { type WorkflowContext } from '../workflow/workflow-context';
import { jobRequestLimits } from './job-admission';
import { failureOf } from './job-failure';
import { type JobThreadData, type JobThreadMessage, type JobThreadTask } from './job-thread-protocol';

const port = parentPort;
if (port === null) throw new Error('job-thread.worker.js runs as a worker thread only');

// Jobs are background work: this thread, and the sweep threads it starts (which inherit its nice value on
// Linux, where it is per thread), yield the cores to the process's event loop, so an API keeps answering
// and a worker keeps renewing its locks while a job computes. Where lowering is not allowed, it runs as is.
const JOB_THREAD_NICE = 19;
try {
  setPriority(JOB_THREAD_NICE);
} catch {
  // not permitted here: same priority as the event loop
}
const { settings, strategyModules } = workerData as JobThreadData;
const send = (message: JobThreadMessage) => port.postMessage(message);

/** The bars of the latest versions of data seen, each kept while jobs keep reading it (an hour at most). */
const BARS_BY_VERSION_MAX = 4;
const barsByVersion = new Map<string, RecentBars>();

function barsOf(version: string | undefined): RecentBars | undefined {
  if (version === undefined) return undefined;
  let bars = barsByVersion.get(version);
  if (bars) barsByVersion.delete(version);
  else bars = new RecentBars({ maxEntries: 8, ttlMs: 3_600_000 });
  barsByVersion.set(version, bars); // most recent last
  for (const old of [...barsByVersion.keys()].slice(0, -BARS_BY_VERSION_MAX)) barsByVersion.delete(old);
  return bars;
}

async function run(task: JobThreadTask): Promise<{ result: unknown; runId: string | null }> {
  const context: WorkflowContext = {
    settings,
    strategyModules,
    limits: jobRequestLimits(settings),
    // As the API's requests: a result computed while the database is away is kept (the job completes with
    // it, and a warning that its run was not recorded) rather than thrown away and computed again.
    recording: 'best-effort',
    recentBars: barsOf(task.dataVersion),
    job: {
      id: task.jobId,
      dataHash:
        task.dataVersion === undefined ? null : createHash('sha256').update(task.dataVersion).digest('hex'),
    },
    progress: (done, total) => send({ type: 'progress', done, total }),
    ...(task.sweep?.step === 'merge' ? { sweepParts: task.sweep.parts } : {}),
  };
  if (task.sweep?.step === 'chunk') {
    return { result: await computeSweepPart(task.request, context, task.sweep.chunk), runId: null };
  }
  const report = await runUseCase(task.useCase, task.request, { context });
  const runId = (report as { run_id?: unknown }).run_id;
  return { result: report, runId: typeof runId === 'string' ? runId : null };
}

port.on('message', (task: JobThreadTask) => {
  run(task).then(
    ({ result, runId }) => send({ type: 'completed', result, runId }),
    (error: unknown) => send({ type: 'failed', failure: failureOf(error) }),
  );
});
