// `aetherquant jobs …` and `sweep --detach` on the job queue, as operators run them: the built binary, the
// machine's real Redis (a key prefix of this run's own), an `aetherquant worker` child process computing the
// jobs, and a SQLite file for the runs it records.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type JobStatus, type JobsReport } from '@aetherquant/core';
import { LONG_SWEEP_JOB, range } from '@aetherquant/testing';
import {
  type RunningWorker,
  SMALL_SWEEP_FLAGS,
  spawnWorker,
  testJobQueue,
  until,
  workerStarted,
} from './job-workers';
import { runCli, runCliAsync, scratchDir } from './run-cli';

jest.setTimeout(120_000);

const SWEEP_FLAGS = [...SMALL_SWEEP_FLAGS, '--provider', 'synthetic'];

const WALK_FORWARD_REQUEST = {
  symbol: 'SPY',
  provider: 'synthetic',
  period: '6y',
  grid: { fast: [5, 10], slow: [30, 50] },
  train: '2y',
  test: '1y',
};
const WALK_FORWARD_FLAGS = [
  '--symbol',
  'SPY',
  '--provider',
  'synthetic',
  '--period',
  '6y',
  '--fast',
  '5,10',
  '--slow',
  '30,50',
  '--train',
  '2y',
  '--test',
  '1y',
];

/** What the same command prints run here, synchronously, without a database (so without `run_id`). */
function printedLocally(args: string[]): unknown {
  const run = runCli(args, { env: { AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none' } });
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

describe('aetherquant jobs on the job queue (Redis) with a worker process', () => {
  const queue = testJobQueue('cli-jobs');
  const { folder, env } = queue;
  const cli = (args: string[]) => runCli(args, { env, cwd: folder });
  /** Only to watch a job's progress closely; everything a user does goes through the binary. */
  const { engine } = queue;
  let worker: RunningWorker;

  beforeAll(async () => {
    worker = spawnWorker(queue);
    await workerStarted(worker);
  });

  afterAll(async () => {
    worker.child.kill('SIGTERM');
    await worker.exited;
    await queue.clear();
  });

  let sweepJob: string;
  let sweepResult: Record<string, unknown>;

  it('sweep --detach queues the sweep and prints its id and the exact `jobs wait` line, which prints what sweep prints', async () => {
    const detached = cli(['sweep', ...SWEEP_FLAGS, '--detach']);
    expect(detached.stderr).toBe('');
    expect(detached.status).toBe(0);
    const [first, waitLine, ...rest] = detached.stdout.split('\n');
    expect(rest).toEqual(['']);
    const [, jobId, status] = /^(job-[0-9a-f]{32}) (\w+) \(sweep\)$/.exec(first) ?? [];
    expect(['queued', 'running']).toContain(status);
    expect(waitLine).toBe(`aetherquant jobs wait ${jobId}`);
    sweepJob = jobId as string;

    const waited = await runCliAsync(waitLine.split(' ').slice(1), { env, cwd: folder });
    expect(waited.status).toBe(0);
    const { run_id, ...report } = JSON.parse(waited.stdout) as Record<string, unknown>;
    expect(run_id).toMatch(/^[0-9a-f-]{36}$/); // recorded by the worker
    expect(report).toEqual(printedLocally(['sweep', ...SWEEP_FLAGS]));
    expect(waited.stdout).toBe(`${JSON.stringify(JSON.parse(waited.stdout), null, 2)}\n`); // as sweep prints
    sweepResult = { run_id, ...report };
  });

  it('jobs list, show and wait --json tell the completed job, its run and its result', () => {
    const listed = cli(['jobs', 'list', '--json']);
    expect(listed.status).toBe(0);
    const { jobs } = JSON.parse(listed.stdout) as JobsReport;
    expect(jobs.find((job) => job.job_id === sweepJob)).toMatchObject({
      use_case: 'sweep',
      status: 'completed',
      owner: 'local',
      run_id: sweepResult['run_id'],
    });
    expect(jobs[0]).not.toHaveProperty('result');

    const table = cli(['jobs', 'list', '--status', 'completed']);
    expect(table.status).toBe(0);
    const [header, ...rows] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^ID +USE CASE +STATUS +PROGRESS +SUBMITTED$/);
    expect(rows.find((row) => row.startsWith(sweepJob))).toMatch(
      new RegExp(`^${sweepJob} +sweep +completed +100% +\\d{4}-\\d\\d-\\d\\dT`),
    );

    const shown = cli(['jobs', 'show', sweepJob]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(`job        ${sweepJob}\n`);
    expect(shown.stdout).toContain('status     completed\n');
    expect(shown.stdout).toContain(`run        ${String(sweepResult['run_id'])}\n`);

    const waited = cli(['jobs', 'wait', sweepJob, '--json']);
    expect(waited.status).toBe(0);
    const job = JSON.parse(waited.stdout) as JobStatus;
    expect(job).toMatchObject({ job_id: sweepJob, status: 'completed', error: null });
    expect(job.result).toEqual(sweepResult);
  });

  it('jobs submit without --detach waits for the worker and prints what the use case prints (walk-forward spelt as its command)', async () => {
    const requestFile = join(folder, 'walk-forward.json');
    writeFileSync(requestFile, JSON.stringify(WALK_FORWARD_REQUEST));
    const run = await runCliAsync(['jobs', 'submit', 'walk-forward', '--request-file', requestFile], {
      env,
      cwd: folder,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { run_id, ...report } = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(run_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(report).toEqual(printedLocally(['walk-forward', ...WALK_FORWARD_FLAGS]));
  });

  it('jobs cancel stops a long running sweep; jobs wait then exits 11 (cancelled), with --json the job', async () => {
    // LONG_SWEEP_JOB, longer still: 40,000 cells over 30 years, so it is surely running when cancelled.
    const request = {
      ...LONG_SWEEP_JOB.request,
      period: '30y',
      grid: { fast: range(1, 100), slow: range(101, 500) },
    };
    const submitted = cli([
      'jobs',
      'submit',
      'sweep',
      '--request',
      JSON.stringify(request),
      '--detach',
      '--json',
    ]);
    expect(submitted.status).toBe(0);
    const job = JSON.parse(submitted.stdout) as JobStatus;
    expect(job).toMatchObject({ use_case: 'sweep', owner: 'local' });
    await until(
      async () => ((await engine.get(job.job_id))?.progress.done ?? 0) > 0,
      async () =>
        `the sweep never started: ${JSON.stringify(await engine.get(job.job_id))} ${worker.output()}`,
    );

    const cancelled = cli(['jobs', 'cancel', job.job_id, '--json']);
    expect(cancelled.stderr).toBe('');
    expect(cancelled.status).toBe(0);
    const stopped = JSON.parse(cancelled.stdout) as JobStatus;
    expect(stopped).toMatchObject({ job_id: job.job_id, status: 'cancelled' });
    expect(stopped.progress.done).toBeLessThan(40_000);

    const waited = cli(['jobs', 'wait', job.job_id]);
    expect(waited).toEqual({ status: 11, stdout: '', stderr: `error: job ${job.job_id} was cancelled\n` });
    const waitedJson = cli(['jobs', 'wait', job.job_id, '--json']);
    expect(waitedJson.status).toBe(11);
    expect(JSON.parse(waitedJson.stdout)).toMatchObject({ job_id: job.job_id, status: 'cancelled' });

    const again = cli(['jobs', 'cancel', job.job_id]); // nothing left to stop: said as it is
    expect(again).toMatchObject({ status: 0, stderr: '' });
    expect(again.stdout).toContain('status     cancelled\n');
  });

  it('a job that fails exits as its use case would, with the code of its error (no data: 4)', async () => {
    const request = {
      symbol: 'SPY',
      provider: 'csv',
      data_dir: scratchDir(),
      grid: { fast: [5], slow: [30] },
    };
    const run = await runCliAsync(['jobs', 'submit', 'sweep', '--request', JSON.stringify(request)], {
      env,
      cwd: folder,
    });
    expect(run.status).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^error: job job-[0-9a-f]{32} failed: no file for SPY in .* \(expected SPY\.csv\)\n$/,
    );
  });

  it('an unknown job is NOT_FOUND (5), a malformed id names the argument (2)', () => {
    const unknown = cli(['jobs', 'show', `job-${'0'.repeat(32)}`]);
    expect(unknown.status).toBe(5);
    expect(unknown.stderr).toMatch(/^error: no job job-0{32} that you can see/);
    const malformed = cli(['jobs', 'wait', 'job-42']);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toBe(
      'error: job request: id must be a job id (job- and 32 hex digits) (got "job-42")\n',
    );
  });
});
