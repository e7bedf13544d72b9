// `aetherquant worker` as operators run it: built binaries as child processes, the machine's real Redis
// (a key prefix of this run's own), a SQLite file for the runs, and kill -9.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSettings, type JobStatus } from '@aetherquant/core';
import {
  EMA_TREND_STRATEGY,
  LONG_SWEEP_JOB,
  peekingStrategy,
  range,
  TcpProxy,
  TEST_REDIS_URL,
} from '@aetherquant/testing';
import { runUseCase } from '@aetherquant/workflows';
import { BullMqJobEngine } from '@aetherquant/workflows/jobs';
import { type RunningWorker, spawnWorker, testJobQueue, until, workerStarted } from './job-workers';
import { runCli } from './run-cli';

jest.setTimeout(120_000);

/** 20,000 cells over ten years of daily bars: long enough to be killed in the middle of. */
const sweep = LONG_SWEEP_JOB;

describe('aetherquant worker', () => {
  const queue = testJobQueue('cli-worker');
  const { prefix, engine } = queue;
  const workers: RunningWorker[] = [];

  /** Starts a worker process (`extraEnv` over the suite's) and resolves once it says it takes jobs. */
  async function startWorker(extraEnv: Record<string, string> = {}): Promise<RunningWorker> {
    const worker = spawnWorker(queue, extraEnv);
    workers.push(worker);
    await workerStarted(worker);
    return worker;
  }

  afterAll(async () => {
    for (const { child } of workers) child.kill('SIGKILL');
    await queue.clear();
  });

  it('refuses to start without AETHERQ_REDIS_URL, naming it', () => {
    const run = runCli(['worker'], { env: { AETHERQ_DATABASE_URL: 'none' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'error: AETHERQ_REDIS_URL must be set: a worker takes its jobs from that Redis\n',
    );
  });

  it('runs jobs of the strategy files in its AETHERQ_STRATEGY_PATHS, and refuses to start with one that breaks the contract', async () => {
    mkdirSync(join(queue.folder, 'strategies'), { recursive: true });
    const file = join(queue.folder, 'strategies/ema-trend.ts');
    writeFileSync(file, EMA_TREND_STRATEGY);
    writeFileSync(join(queue.folder, 'strategies/peeking.ts'), peekingStrategy());
    const refused = runCli(['worker'], {
      cwd: queue.folder,
      env: { ...queue.env, AETHERQ_STRATEGY_PATHS: 'strategies/peeking.ts' },
    });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      /^error: AETHERQ_STRATEGY_PATHS .*strategies\/peeking\.ts: peeking breaks the strategy contract \(no-look-ahead: /,
    );

    const worker = await startWorker({ AETHERQ_STRATEGY_PATHS: 'strategies/ema-trend.ts' });
    expect(worker.output()).toContain('"strategies":["ema-trend"]');
    const request = {
      symbol: 'SPY',
      period: '2y',
      provider: 'synthetic',
      strategy: 'ema-trend',
      params: { span: 12 },
    };
    const submitted = await engine.submit({ use_case: 'backtest', request }, 'operator');
    let done: JobStatus | undefined;
    await until(
      async () => {
        done = await engine.get(submitted.job_id);
        return done?.status === 'completed' || done?.status === 'failed';
      },
      () => `the job did not complete: ${JSON.stringify(done)} ${worker.output()}`,
    );
    expect(done).toMatchObject({
      status: 'completed',
      result: { strategy: 'ema-trend', params: { span: 12 } },
    });
    const direct = await runUseCase('backtest', request, {
      context: { settings: offlineSettings(), strategyModules: [file] },
    });
    expect((done?.result as typeof direct).final_equity).toBe(direct.final_equity);
    worker.child.kill('SIGTERM');
    await worker.exited;
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
    const direct = await runUseCase('sweep', sweep.request, { context: { settings: offlineSettings() } });
    const result = done?.result as typeof direct;
    expect(result.combinations).toBe(20_000);
    expect(result.results).toEqual(direct.results);
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });

  it('splits a sweep into chunks that three workers share, ranked exactly as one process ranks it', async () => {
    const trio = await Promise.all([startWorker(), startWorker(), startWorker()]);
    // Chunks of ~1,500 combinations: 14 for the 20,000 of the sweep.
    const splitting = new BullMqJobEngine({ redisUrl: TEST_REDIS_URL, prefix, sweepChunkCells: 1_500 });
    try {
      const request = { ...sweep.request, top: 40 };
      const submitted = await splitting.submit({ use_case: 'sweep', request }, 'operator');
      let done: JobStatus | undefined;
      await until(
        async () => {
          done = await splitting.get(submitted.job_id);
          return done?.status === 'completed' || done?.status === 'failed';
        },
        () => `the split sweep did not complete: ${JSON.stringify(done)}`,
        90_000,
      );
      expect(done).toMatchObject({ status: 'completed', progress: { done: 20_000, total: 20_000 } });
      const direct = await runUseCase('sweep', request, { context: { settings: offlineSettings() } });
      const result = done?.result as typeof direct;
      expect(result.results).toEqual(direct.results);
      expect(result).toMatchObject({
        combinations: 20_000,
        evaluated: direct.evaluated,
        skipped: direct.skipped,
      });

      // Every chunk ran once, spread over the workers; the sweep itself (the merge) on one of them.
      const chunksRun = trio.map((worker) => jobLines(worker, 'job completed').filter((line) => line.chunk));
      expect(
        chunksRun
          .flat()
          .map((line) => line.chunk?.first)
          .sort((a, b) => (a ?? 0) - (b ?? 0)),
      ).toEqual(range(0, 13).map((index) => index * 1429));
      expect(chunksRun.filter((lines) => lines.length > 0).length).toBeGreaterThanOrEqual(2);
      // Nothing a client lists is a chunk.
      const listed = await splitting.list({ owner: 'operator', limit: 100, offset: 0 });
      expect(listed.every((job) => !job.job_id.includes('-part-'))).toBe(true);
    } finally {
      await splitting.close();
      for (const worker of trio) worker.child.kill('SIGTERM');
      await Promise.all(trio.map((worker) => worker.exited));
    }
  });

  it('cancels every chunk of a split sweep: the running ones stop, the others never start', async () => {
    const pair = await Promise.all([startWorker(), startWorker()]);
    const splitting = new BullMqJobEngine({ redisUrl: TEST_REDIS_URL, prefix, sweepChunkCells: 1_000 });
    try {
      const request = { ...sweep.request, top: 7 };
      const submitted = await splitting.submit({ use_case: 'sweep', request }, 'operator');
      await until(
        async () => (await splitting.get(submitted.job_id))?.status === 'running',
        () => `never started: ${pair.map((worker) => worker.output()).join('\n')}`,
      );
      const cancelled = await splitting.cancel(submitted.job_id);
      expect(cancelled?.status).toBe('cancelled');
      const startedBy = () => pair.flatMap((worker) => jobLines(worker, 'job started'));
      const endedBy = () =>
        pair.flatMap((worker) => [...jobLines(worker, 'job completed'), ...jobLines(worker, 'job failed')]);
      // Every chunk that started has ended (cancelled or finished): none is left computing.
      await until(
        () => startedBy().every((start) => endedBy().some((end) => end.job_id === start.job_id)),
        () => `a chunk still runs: ${pair.map((worker) => worker.output()).join('\n')}`,
      );
      const chunkLines = (event: string) =>
        pair
          .flatMap((worker) => jobLines(worker, event))
          .filter((line) => line.chunk?.of === submitted.job_id);
      const completedAtCancel = chunkLines('job completed').length;
      expect(completedAtCancel).toBeLessThan(20);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      // No chunk completes after the cancel: those not yet started are refused when a worker takes them.
      expect(chunkLines('job completed')).toHaveLength(completedAtCancel);
      expect(chunkLines('job failed').every((line) => line.reason?.startsWith('CANCELLED'))).toBe(true);
      expect(chunkLines('job failed').length).toBeGreaterThan(0);
      expect(await splitting.get(submitted.job_id)).toMatchObject({ status: 'cancelled', run_id: null });
    } finally {
      await splitting.close();
      for (const worker of pair) worker.child.kill('SIGTERM');
      await Promise.all(pair.map((worker) => worker.exited));
    }
  });

  it('waits out a Redis outage and resumes: the job it was running and the one queued meanwhile complete', async () => {
    // The worker reaches Redis through a relay the test cuts and restores: to it, Redis going down and back.
    const redis = new URL(TEST_REDIS_URL);
    const relay = new TcpProxy(redis.hostname, Number(redis.port || 6379));
    await relay.start();
    redis.host = `127.0.0.1:${relay.port}`;
    const worker = await startWorker({ AETHERQ_REDIS_URL: redis.toString() });
    try {
      const grid = (last: number) => ({ fast: range(1, 40), slow: range(101, last) });
      const running = await engine.submit(
        { use_case: 'sweep', request: { ...sweep.request, grid: grid(320) } },
        'operator',
      );
      await until(
        async () => (await engine.get(running.job_id))?.status === 'running',
        () => `never started: ${worker.output()}`,
      );
      await relay.stop();
      const queued = await engine.submit(
        { use_case: 'sweep', request: { ...sweep.request, grid: grid(150) } },
        'operator',
      );
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(worker.child.exitCode).toBeNull(); // still there, waiting for Redis
      expect((await engine.get(queued.job_id))?.status).toBe('queued');

      await relay.start();
      for (const job of [running, queued]) {
        let done: JobStatus | undefined;
        await until(
          async () => {
            done = await engine.get(job.job_id);
            return done?.status === 'completed' || done?.status === 'failed';
          },
          () => `not completed after Redis came back: ${JSON.stringify(done)} ${worker.output()}`,
          60_000,
        );
        expect(done).toMatchObject({ status: 'completed', error: null });
      }
      const direct = await runUseCase(
        'sweep',
        { ...sweep.request, grid: grid(320) },
        {
          context: { settings: offlineSettings() },
        },
      );
      expect(((await engine.get(running.job_id))?.result as typeof direct).results).toEqual(direct.results);
    } finally {
      worker.child.kill('SIGTERM');
      await worker.exited;
      await relay.stop();
    }
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

interface JobLine {
  event: string;
  job_id: string;
  chunk?: { first: number; count: number; of: string };
  reason?: string;
}

/** The worker's log lines of one job event. */
function jobLines(worker: RunningWorker, event: string): JobLine[] {
  return worker
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as JobLine)
    .filter((line) => line.event === event);
}

function offlineSettings() {
  return parseSettings({ AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none' }).settings;
}
