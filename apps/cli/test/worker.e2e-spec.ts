// `aetherquant worker` as operators run it: built binaries as child processes, the machine's real Redis
// (a key prefix of this run's own), a SQLite file for the runs, and kill -9.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseSettings, type JobStatus } from '@aetherquant/core';
import {
  clearRedisPrefix,
  LONG_SWEEP_JOB,
  range,
  TEST_REDIS_URL,
  testRedisPrefix,
} from '@aetherquant/testing';
import { runUseCase } from '@aetherquant/workflows';
import { BullMqJobEngine } from '@aetherquant/workflows/jobs';
import { CLI_BIN, runCli, scratchDir, withoutOurSettings } from './run-cli';

jest.setTimeout(120_000);

/** 20,000 cells over ten years of daily bars: long enough to be killed in the middle of. */
const sweep = LONG_SWEEP_JOB;

interface RunningWorker {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

describe('aetherquant worker', () => {
  const prefix = testRedisPrefix('cli-worker');
  const folder = scratchDir();
  const env = {
    AETHERQ_REDIS_URL: TEST_REDIS_URL,
    AETHERQ_REDIS_PREFIX: prefix,
    AETHERQ_DATABASE_URL: `sqlite:///${join(folder, 'runs.sqlite')}`,
    AETHERQ_CACHE_DIR: 'none',
  };
  const engine = new BullMqJobEngine({ redisUrl: TEST_REDIS_URL, prefix });
  const workers: RunningWorker[] = [];

  /** Starts a worker process and resolves once it says it takes jobs. */
  async function startWorker(): Promise<RunningWorker> {
    const child = spawn(CLI_BIN, ['worker'], {
      cwd: folder,
      env: { ...withoutOurSettings(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const worker = { child, output: () => output, exited };
    workers.push(worker);
    await until(
      () => output.includes('"worker started"'),
      () => `the worker did not start: ${output}`,
    );
    return worker;
  }

  afterAll(async () => {
    for (const { child } of workers) child.kill('SIGKILL');
    await engine.close();
    await clearRedisPrefix(prefix);
  });

  it('refuses to start without AETHERQ_REDIS_URL, naming it', () => {
    const run = runCli(['worker'], { env: { AETHERQ_DATABASE_URL: 'none' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'error: AETHERQ_REDIS_URL must be set: a worker takes its jobs from that Redis\n',
    );
  });

  it('loses nothing when killed with SIGKILL mid-sweep: another worker completes it, with the same result', async () => {
    const first = await startWorker();
    const submitted = await engine.submit(sweep, 'operator');
    await until(
      async () => ((await engine.get(submitted.job_id))?.progress.done ?? 0) > 0,
      async () =>
        `the sweep never started: ${JSON.stringify(await engine.get(submitted.job_id))} ${first.output()}`,
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect((await engine.get(submitted.job_id))?.status).toBe('running'); // as far as Redis knows

    const second = await startWorker();
    let done: JobStatus | undefined;
    await until(
      async () => {
        done = await engine.get(submitted.job_id);
        return done?.status === 'completed' || done?.status === 'failed';
      },
      () => `the sweep did not complete: ${JSON.stringify(done)}`,
      90_000,
    );
    expect(done).toMatchObject({ status: 'completed', error: null });
    expect(done?.run_id).toMatch(/^[0-9a-f-]{36}$/);
    const direct = await runUseCase('sweep', sweep.request, {
      context: {
        settings: parseSettings({ AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none' }).settings,
      },
    });
    const result = done?.result as typeof direct;
    expect(result.combinations).toBe(20_000);
    expect(result.results).toEqual(direct.results);
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });

  it('stops gracefully on SIGTERM, finishing the job it runs first', async () => {
    const worker = await startWorker();
    const submitted = await engine.submit(
      {
        use_case: 'sweep',
        request: { ...sweep.request, grid: { fast: range(1, 50), slow: range(101, 200) } },
      },
      'operator',
    );
    await until(
      async () => ((await engine.get(submitted.job_id))?.progress.done ?? 0) > 0,
      () => `never started: ${worker.output()}`,
    );
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(worker.output()).toContain('"worker stopped"');
    expect(await engine.get(submitted.job_id)).toMatchObject({
      status: 'completed',
      progress: { done: 5000, total: 5000 },
    });
  });
});

/** Polls `condition` every 100 ms until it holds, failing with `explain()` after `timeoutMs`. */
async function until(
  condition: () => boolean | Promise<boolean>,
  explain: () => string | Promise<string>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(await explain());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
