// One contract, two engines: the embedded engine and BullMQ on the machine's real Redis (a key prefix of this
// run's own), both computing real use cases on job threads (the workflows build provides the thread script).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AetherError,
  type JobStatus,
  type JobSubmission,
  parseSettings,
  type Settings,
} from '@aetherquant/core';
import {
  clearRedisPrefix,
  LONG_SWEEP_JOB,
  rejection,
  TEST_REDIS_URL,
  testRedisPrefix,
} from '@aetherquant/testing';
import { runUseCase } from '../use-cases/workflow-registry';
import { BullMqJobEngine } from './bullmq/bullmq-job-engine';
import { BullMqJobWorker } from './bullmq/bullmq-job-worker';
import { EmbeddedJobEngine } from './embedded-job-engine';
import { type JobEngine, type JobExecutor } from './job-engine';
import { threadJobExecutor } from './thread-job-executor';

jest.setTimeout(20_000);

/** The engine under test, with its executor wrapped so the test can count and hold back computations. */
interface EngineUnderTest {
  engine: JobEngine;
  /** Jobs the executor was asked to compute, by id. */
  executed: string[];
  /** While closed, a job that reaches the executor waits (counted) before computing. */
  gate: Gate;
  /** The settings its jobs run with (their database of runs). */
  settings: Settings;
  close(): Promise<void>;
}

class Gate {
  #open = true;
  #waiters: (() => void)[] = [];
  close(): void {
    this.#open = false;
  }
  open(): void {
    this.#open = true;
    for (const waiter of this.#waiters.splice(0)) waiter();
  }
  pass(): Promise<void> {
    return this.#open ? Promise.resolve() : new Promise((resolve) => this.#waiters.push(resolve));
  }
}

function testSettings(): Settings {
  const folder = mkdtempSync(join(tmpdir(), 'aq-jobs-'));
  return parseSettings({
    AETHERQ_DATABASE_URL: `sqlite:///${join(folder, 'runs.sqlite')}`,
    AETHERQ_CACHE_DIR: 'none',
    AETHERQ_LOG_LEVEL: 'silent',
  }).settings;
}

function observed(executor: JobExecutor, executed: string[], gate: Gate): JobExecutor {
  return async (useCase, request, execution) => {
    executed.push(execution.jobId);
    await gate.pass();
    return executor(useCase, request, execution);
  };
}

const ENGINES: [string, () => Promise<EngineUnderTest>][] = [
  [
    'embedded',
    async () => {
      const executed: string[] = [];
      const gate = new Gate();
      const settings = testSettings();
      const engine = new EmbeddedJobEngine({
        executor: observed(threadJobExecutor({ settings }), executed, gate),
        concurrency: 1,
        maxQueued: 10,
        retainFinished: 100,
        progressIntervalMs: 0,
      });
      return { engine, executed, gate, settings, close: () => engine.close() };
    },
  ],
  [
    'BullMQ on Redis',
    async () => {
      const executed: string[] = [];
      const gate = new Gate();
      const location = { redisUrl: TEST_REDIS_URL, prefix: testRedisPrefix('jobs') };
      const engine = new BullMqJobEngine({ ...location, cancelTimeoutMs: 20_000 });
      const settings = testSettings();
      const worker = await BullMqJobWorker.start({
        ...location,
        executor: observed(threadJobExecutor({ settings }), executed, gate),
        concurrency: 1,
        progressIntervalMs: 0,
      });
      return {
        engine,
        executed,
        gate,
        settings,
        close: async () => {
          await worker.close(true);
          await engine.close();
          await clearRedisPrefix(location.prefix);
        },
      };
    },
  ],
];

const smallSweep: JobSubmission = {
  use_case: 'sweep',
  request: {
    symbol: 'SPY',
    provider: 'synthetic',
    period: '2y',
    strategy: 'ma-cross',
    grid: { fast: [5, 10, 15, 20], slow: [30, 50, 100] },
  },
};

/** Resolves with the job's status once `until` holds for it (statuses seen on the way are collected). */
async function follow(
  engine: JobEngine,
  jobId: string,
  until: (status: JobStatus) => boolean,
  seen: JobStatus[] = [],
): Promise<JobStatus> {
  return new Promise((resolve, reject) => {
    let stop: (() => void) | undefined;
    const check = (status: JobStatus) => {
      seen.push(status);
      if (until(status)) {
        stop?.();
        resolve(status);
      }
    };
    engine
      .watch(jobId, check)
      .then(async (unwatch) => {
        stop = unwatch;
        const now = await engine.get(jobId);
        if (now) check(now);
      })
      .catch(reject);
  });
}

const finished = (status: JobStatus) => ['completed', 'failed', 'cancelled'].includes(status.status);

describe.each(ENGINES)('job engine contract: %s', (_name, start) => {
  let subject: EngineUnderTest;

  beforeEach(async () => {
    subject = await start();
  });

  afterEach(async () => {
    subject.gate.open();
    await subject.close();
  });

  it('computes a submitted sweep, with progress, to the result of the use case itself, recorded as a run', async () => {
    const submitted = await subject.engine.submit(smallSweep, 'alice');
    expect(submitted).toMatchObject({ use_case: 'sweep', owner: 'alice', run_id: null, error: null });
    expect(['queued', 'running']).toContain(submitted.status);
    expect(submitted.job_id).toMatch(/^job-[0-9a-f]{32}$/);

    const seen: JobStatus[] = [];
    const done = await follow(subject.engine, submitted.job_id, finished, seen);
    expect(done.status).toBe('completed');
    expect(done.progress).toEqual({ done: 12, total: 12, eta_seconds: 0 });
    expect(done.started_at).not.toBeNull();
    expect(done.finished_at).not.toBeNull();
    expect(done.run_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.some((status) => status.status === 'running')).toBe(true);

    const direct = await runUseCase('sweep', smallSweep.request, {
      context: { settings: { ...testSettings(), databaseUrl: null } },
    });
    const result = done.result as typeof direct;
    expect(result.results).toEqual(direct.results);
    expect(result.combinations).toBe(12);
    expect(result.run_id).toBe(done.run_id);
    // The run names its job and the data the job read.
    const run = await runUseCase('run', { id: done.run_id }, { context: { settings: subject.settings } });
    expect(run).toMatchObject({
      job_id: submitted.job_id,
      data_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('returns the existing job for the same work and computes it once', async () => {
    const first = await subject.engine.submit(smallSweep, 'alice');
    // Another spelling of the same request: keys in another order, a default written out.
    const again = await subject.engine.submit(
      { use_case: 'sweep', request: { ...smallSweep.request, top: 20, symbol: 'SPY' } },
      'alice',
    );
    expect(again.job_id).toBe(first.job_id);
    await follow(subject.engine, first.job_id, finished);
    const afterwards = await subject.engine.submit(smallSweep, 'alice');
    expect(afterwards).toMatchObject({ job_id: first.job_id, status: 'completed' });
    expect(subject.executed).toEqual([first.job_id]);
    // Another owner's identical work is another job.
    const bobs = await subject.engine.submit(smallSweep, 'bob');
    expect(bobs.job_id).not.toBe(first.job_id);
  });

  it('refuses a bad request before queuing it, naming the field and the rule', async () => {
    const error = await rejection(
      subject.engine.submit({ use_case: 'sweep', request: { symbol: 'SPY', top: 0 } }, 'alice'),
    );
    expect(error).toBeInstanceOf(AetherError);
    expect((error as AetherError).code).toBe('INVALID_ARGUMENT');
    expect((error as AetherError).message).toContain('request.top must be at least 1');
    expect(await subject.engine.list({ limit: 10, offset: 0 })).toEqual([]);
  });

  it('reports a job that fails with its code and message', async () => {
    const submitted = await subject.engine.submit(
      {
        use_case: 'backtest',
        request: { symbol: 'SPY', provider: 'csv', data_dir: join(tmpdir(), 'aq-no-such-folder-for-jobs') },
      },
      'alice',
    );
    const done = await follow(subject.engine, submitted.job_id, finished);
    expect(done.status).toBe('failed');
    expect(done.error?.code).toMatch(/^(INVALID_ARGUMENT|DATA_UNAVAILABLE|NOT_FOUND)$/);
    expect(done.error?.message).toContain('aq-no-such-folder-for-jobs');
    expect(done.run_id).toBeNull();
    expect(done.result).toBeUndefined();
  });

  it('cancels a queued job, which then never runs, and a resubmission runs it again', async () => {
    subject.gate.close();
    const blocking = await subject.engine.submit(smallSweep, 'alice');
    await follow(subject.engine, blocking.job_id, (status) => status.status === 'running');
    const queued = await subject.engine.submit(
      { use_case: 'backtest', request: { symbol: 'SPY', provider: 'synthetic' } },
      'alice',
    );
    expect(queued.status).toBe('queued');
    const cancelled = await subject.engine.cancel(queued.job_id);
    expect(cancelled?.status).toBe('cancelled');
    subject.gate.open();
    await follow(subject.engine, blocking.job_id, finished);
    expect((await subject.engine.get(queued.job_id))?.status).toBe('cancelled');
    expect(subject.executed).toEqual([blocking.job_id]);

    const again = await subject.engine.submit(
      { use_case: 'backtest', request: { symbol: 'SPY', provider: 'synthetic' } },
      'alice',
    );
    expect(again.job_id).toBe(queued.job_id);
    expect((await follow(subject.engine, again.job_id, finished)).status).toBe('completed');
  });

  it('cancels a running job: its computation stops and no run is recorded', async () => {
    const submitted = await subject.engine.submit(LONG_SWEEP_JOB, 'alice');
    await follow(subject.engine, submitted.job_id, (status) => status.progress.done > 0);
    const cancelled = await subject.engine.cancel(submitted.job_id);
    expect(cancelled?.status).toBe('cancelled');
    const after = await subject.engine.get(submitted.job_id);
    expect(after).toMatchObject({ status: 'cancelled', run_id: null, error: null });
    expect(after?.progress.done).toBeLessThan(20_000);
  });

  it('cancels a running job that is not split: it stops where it runs, and a resubmission runs it again', async () => {
    // A walk-forward searches its grid on ~80 windows: seconds of compute in one job (never split in chunks).
    const walkForward: JobSubmission = {
      use_case: 'walkForward',
      request: {
        symbol: 'QQQ',
        provider: 'synthetic',
        period: '10y',
        train: '3y',
        test: '1mo',
        grid: { fast: '2:40:1', slow: '50:120:1' },
      },
    };
    const submitted = await subject.engine.submit(walkForward, 'alice');
    await follow(subject.engine, submitted.job_id, (status) => status.status === 'running');
    const cancelled = await subject.engine.cancel(submitted.job_id);
    expect(cancelled).toMatchObject({ status: 'cancelled', run_id: null });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await subject.engine.get(submitted.job_id)).toMatchObject({ status: 'cancelled', run_id: null });
    const again = await subject.engine.submit(walkForward, 'alice');
    expect(again.job_id).toBe(submitted.job_id);
    expect(['queued', 'running']).toContain(again.status);
    await subject.engine.cancel(again.job_id);
  });

  it('lists an owner their own jobs, newest first, and says nothing of an unknown id', async () => {
    const first = await subject.engine.submit(smallSweep, 'alice');
    await follow(subject.engine, first.job_id, finished);
    const second = await subject.engine.submit(
      { use_case: 'backtest', request: { symbol: 'SPY', provider: 'synthetic' } },
      'alice',
    );
    const other = await subject.engine.submit(smallSweep, 'bob');
    await follow(subject.engine, second.job_id, finished);
    await follow(subject.engine, other.job_id, finished);
    const alices = await subject.engine.list({ owner: 'alice', limit: 10, offset: 0 });
    expect(alices.map((status) => status.job_id)).toEqual([second.job_id, first.job_id]);
    const all = await subject.engine.list({ limit: 10, offset: 0 });
    expect(all.map((status) => status.job_id).sort()).toEqual(
      [first.job_id, second.job_id, other.job_id].sort(),
    );
    expect(
      await subject.engine.list({ owner: 'alice', status: 'completed', limit: 10, offset: 0 }),
    ).toHaveLength(2);
    expect(await subject.engine.list({ owner: 'alice', limit: 1, offset: 1 })).toEqual([alices[1]]);
    expect(await subject.engine.get('job-0123456789abcdef0123456789abcdef')).toBeUndefined();
    expect(await subject.engine.cancel('job-0123456789abcdef0123456789abcdef')).toBeUndefined();
  });
});
