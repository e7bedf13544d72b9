// What the job tests share: a job queue of their own on the machine's real Redis, `aetherquant worker` child
// processes computing its jobs, polling until something holds, and the small sweep they submit.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { clearRedisPrefix, TEST_REDIS_URL, testRedisPrefix } from '@aetherquant/testing';
import { BullMqJobEngine } from '@aetherquant/workflows/jobs';
import { CLI_BIN, scratchDir, withoutOurSettings } from './run-cli';

/** A sweep of the synthetic SPY that computes in moments, as `sweep`'s flags (the data provider left out). */
export const SMALL_SWEEP_FLAGS = [
  '--symbol',
  'SPY',
  '--period',
  '3y',
  '--fast',
  '5:20:5',
  '--slow',
  '30:60:10',
  '--top',
  '3',
];

/** A suite's own job queue (a key prefix of `TEST_REDIS_URL`), with a scratch folder holding its runs. */
export interface TestJobQueue {
  prefix: string;
  folder: string;
  /** The settings of the binary run there: this queue, a SQLite file of the folder for the runs, no cache. */
  env: Record<string, string>;
  /** The queue as the test itself submits to and reads it. */
  engine: BullMqJobEngine;
  /** Closes the engine and deletes the queue's keys: for `afterAll`. */
  clear(): Promise<void>;
}

/** A job queue of its own for the suite `name`. */
export function testJobQueue(name: string): TestJobQueue {
  const prefix = testRedisPrefix(name);
  const folder = scratchDir();
  const engine = new BullMqJobEngine({ redisUrl: TEST_REDIS_URL, prefix });
  return {
    prefix,
    folder,
    env: {
      AETHERQ_REDIS_URL: TEST_REDIS_URL,
      AETHERQ_REDIS_PREFIX: prefix,
      AETHERQ_DATABASE_URL: `sqlite:///${join(folder, 'runs.sqlite')}`,
      AETHERQ_CACHE_DIR: 'none',
    },
    engine,
    async clear() {
      await engine.close();
      await clearRedisPrefix(prefix);
    },
  };
}

export interface RunningWorker {
  child: ChildProcess;
  /** Its standard output and error so far, as they came. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the built binary's `aetherquant worker` on `queue`, in its folder (the test's environment without
 * our settings, the queue's and `extraEnv` over them), collecting what it prints. It does not wait for the
 * worker to take jobs: see {@link workerStarted}.
 */
export function spawnWorker(
  queue: Pick<TestJobQueue, 'folder' | 'env'>,
  extraEnv: Record<string, string> = {},
): RunningWorker {
  const child = spawn(CLI_BIN, ['worker'], {
    cwd: queue.folder,
    env: { ...withoutOurSettings(), ...queue.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Resolves once `worker` says it takes jobs (its "worker started" line); fails with its output otherwise. */
export async function workerStarted(worker: RunningWorker): Promise<void> {
  await until(
    () => worker.output().includes('"worker started"'),
    () => `the worker did not start: ${worker.output()}`,
  );
}

/** Polls `condition` every 100 ms until it holds, failing with `explain()` after `timeoutMs`. */
export async function until(
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
